"""The learned party ranker completes what the rules' clause leaves out: a mention outside the clause joins
an event when the model scores it high and the side its position gives is one the rules left empty; for
talks, only when the rules named one party. It never adds to a side the rules filled, nor takes a place or
a topic; a model file says which types it serves."""

from __future__ import annotations

import json

import pytest

from test_events_parties import events

from linimasa.events.party_ranker import PartyRanker

# the actor of the charge is the subject of the sentence before; its clause names only the suspect
CHARGE = ("Komisi Antikorupsi memeriksa Budi Santoso di Bandung pada Senin. Lalu menetapkan Andi Wijaya sebagai "
          "tersangka.")
CHARGE_MENTIONS = [("Komisi Antikorupsi", "ORG", "organisation", "org:ka"), ("Budi Santoso", "PER", "person", "p:budi"),
                   ("Andi Wijaya", "PER", "person", "p:andi")]
PREVIOUS_ORGANISATION = {"previous_sentence": 1.0, "kind=organisation": 2.0}


def ranker(tmp_path, weights: dict, **extra) -> str:
    path = tmp_path / f"ranker{len(list(tmp_path.iterdir()))}.json"
    path.write_text(json.dumps({"weights": weights, "bias": -2.0, "threshold": 0.5, **extra}))
    return str(path)


def charged(text, mentions, party_ranker):
    found = events(text, mentions, "ACCUSE", require_known_party=False, party_ranker=party_ranker)
    return {(p.name, p.side) for e in found if "menetapkan" in e.trigger.text for p in e.participants}


def test_without_the_ranker_the_subject_of_the_sentence_before_is_not_a_party():
    # the charge's clause names only the suspect, and a charge needs the one who makes it: no event
    assert charged(CHARGE, CHARGE_MENTIONS, False) == set()


def test_a_mention_of_the_sentence_before_that_scores_high_fills_the_empty_side(tmp_path):
    assert charged(CHARGE, CHARGE_MENTIONS, ranker(tmp_path, PREVIOUS_ORGANISATION)) == {
        ("Komisi Antikorupsi", "actor"), ("Andi Wijaya", "recipient")}


def test_a_mention_below_the_threshold_does_not_join(tmp_path):
    assert charged(CHARGE, CHARGE_MENTIONS, ranker(tmp_path, {"previous_sentence": 1.0})) == set()


def test_a_side_the_rules_filled_is_never_added_to(tmp_path):
    text = "Komisi Antikorupsi memeriksa Budi Santoso di Bandung pada Senin. Penyidik lalu menetapkan Andi Wijaya " \
           "sebagai tersangka."
    assert charged(text, CHARGE_MENTIONS, ranker(tmp_path, PREVIOUS_ORGANISATION)) == {
        ("investigators", "actor"), ("Andi Wijaya", "recipient")}


def test_a_place_after_di_never_joins(tmp_path):
    text = "Lalu menetapkan Andi Wijaya sebagai tersangka, kata polisi di Kota Sukamaju."
    mentions = [("Andi Wijaya", "PER", "person", "p:andi"), ("Kota Sukamaju", "ORG", "organisation", "org:kota")]
    # joined, the place would make the charge an event of two parties; left out, the charge has only the suspect
    assert charged(text, mentions, ranker(tmp_path, {"kind=organisation": 5.0})) == set()


def test_talks_naming_one_party_are_completed_but_talks_naming_none_are_not(tmp_path):
    weights = ranker(tmp_path, {"previous_sentence": 1.0, "kind=person": 2.0})
    mentions = [("Rudi Hartono", "PER", "person", "p:rudi"), ("Sari Dewi", "PER", "person", "p:sari")]
    one = events("Rudi Hartono tiba di Jakarta pada Senin. Ia lalu bertemu Sari Dewi.", mentions, "CONSULT",
                 require_known_party=False, party_ranker=weights)
    assert {p.name for e in one for p in e.participants} == {"Rudi Hartono", "Sari Dewi"}
    none = events("Rudi Hartono dan Sari Dewi tiba di Jakarta pada Senin. Pertemuan berlangsung tertutup.",
                  mentions, "CONSULT", require_known_party=False, party_ranker=weights)
    assert none == []


def test_types_the_ranker_does_not_serve_keep_the_rules_parties(tmp_path):
    model = ranker(tmp_path, PREVIOUS_ORGANISATION, types=["CONSULT"])
    # served, the ranker would add the body of the sentence before; not served, the charge has only the suspect
    assert charged(CHARGE, CHARGE_MENTIONS, model) == set()


def test_a_missing_model_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="scripts/train_party_ranker.py"):
        PartyRanker.load(tmp_path / "none.json")
