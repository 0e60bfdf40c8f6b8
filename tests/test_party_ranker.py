"""The learned party ranker: mentions outside the rules' clause join an event when the model scores them
high, on the side their position gives; a model file says which types it serves and may cap the parties."""

from __future__ import annotations

import json

import pytest

from test_events_parties import events

from linimasa.events.party_ranker import PartyRanker

TEXT = ("Polisi memeriksa Budi Santoso di Bandung pada Senin. Penyidik lalu menetapkannya sebagai tersangka "
        "bersama Andi Wijaya.")
MENTIONS = [("Budi Santoso", "PER", "person", "p:budi"), ("Andi Wijaya", "PER", "person", "p:andi")]


def ranker(tmp_path, weights: dict, **extra) -> str:
    path = tmp_path / f"ranker{len(list(tmp_path.iterdir()))}.json"
    path.write_text(json.dumps({"weights": weights, "bias": -2.0, "threshold": 0.5, **extra}))
    return str(path)


def accused(tmp_path, weights, **extra):
    found = events(TEXT, MENTIONS, "ACCUSE", require_known_party=False, party_ranker=ranker(tmp_path, weights, **extra))
    return [e for e in found if "menetapkan" in e.trigger.text]


def test_without_the_ranker_the_subject_of_the_sentence_before_is_not_a_party(tmp_path):
    found = events(TEXT, MENTIONS, "ACCUSE", require_known_party=False, party_ranker=False)
    charge = [e for e in found if "menetapkan" in e.trigger.text]
    assert charge and "Budi Santoso" not in {p.name for p in charge[0].participants}


def test_a_mention_of_the_sentence_before_that_scores_high_joins_the_event(tmp_path):
    charge = accused(tmp_path, {"previous_sentence": 1.0, "kind=person": 2.0})
    assert ("Budi Santoso", "actor") in {(p.name, p.side) for p in charge[0].participants}


def test_a_mention_after_the_trigger_takes_the_side_after_it(tmp_path):
    charge = accused(tmp_path, {"side=after": 4.0})
    assert ("Andi Wijaya", "recipient") in {(p.name, p.side) for p in charge[0].participants}


def test_a_mention_below_the_threshold_does_not_join(tmp_path):
    charge = accused(tmp_path, {"previous_sentence": 1.0})
    assert "Budi Santoso" not in {p.name for p in charge[0].participants}


def test_types_the_ranker_does_not_serve_keep_the_rules_parties(tmp_path):
    charge = accused(tmp_path, {"previous_sentence": 1.0, "kind=person": 2.0}, types=["CONSULT"])
    assert "Budi Santoso" not in {p.name for p in charge[0].participants}


def test_a_cap_keeps_the_best_scored_mentions_only(tmp_path):
    weights = {"previous_sentence": 1.5, "kind=person": 1.5, "kind=agent": 1.5, "side=after": 3.0}
    charge = accused(tmp_path, weights, cap=2)
    assert len(charge[0].participants) == 2 and "Andi Wijaya" in {p.name for p in charge[0].participants}


def test_a_missing_model_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="scripts/train_party_ranker.py"):
        PartyRanker.load(tmp_path / "none.json")
