"""The summary: one Indonesian sentence generated from an event's record, that never gives a party a side the
record does not and never mixes languages (linimasa/events/summary.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from linimasa import yamldata
from linimasa.events.summary import _words, generate, topic_id

TOPICS = yamldata.safe_load((Path(__file__).resolve().parents[1] / "linimasa" / "kb" / "topics.yaml").read_text())
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def party(name, side, kind="person", country=None, mention=None):
    return {"name": name, "side": side, "kind": kind, "country": country, "mention": mention or name}


def record(type_, participants, **fields):
    return {"type": type_, "mode": None, "modality": "asserted", "participants": participants, **fields}


def test_a_protest_against_someone_never_makes_him_the_protester():
    sentence = generate(record("PROTEST", [party("Suharto", "recipient")], date="1998-05-20",
                               location={"name": "Jakarta", "kb_id": "geonames:1642911"}))
    assert sentence == "Unjuk rasa menentang Suharto di Jakarta pada 20 Mei 1998."


@pytest.mark.parametrize("type_", TYPES)
def test_every_type_says_the_actor_before_the_verb_and_the_recipient_after_it(type_):
    both = generate(record(type_, [party("Alpha Person", "actor"), party("Beta Person", "recipient")]))
    assert both.startswith("Alpha Person ") and both.index("Beta Person") > len("Alpha Person ")
    alone = generate(record(type_, [party("Beta Person", "recipient")]))
    assert not alone.startswith("Beta Person") and "Beta Person" in alone
    equals = generate(record(type_, [party("Alpha Person", "actor"), party("Gamma Person", "actor")]))
    assert equals.startswith("Alpha Person dan Gamma Person ")


def test_every_type_and_mode_has_the_three_forms():
    for type_ in TYPES:
        forms = _words()["types"][type_]
        for form in [forms, *forms.get("modes", {}).values()]:
            assert {"both", "actors", "recipients"} <= form.keys(), type_
            assert "{actors}" in form["both"] and "{recipients}" in form["both"]
            assert "{recipients}" not in form["actors"] and "{actors}" not in form["recipients"]


def test_countries_collectives_places_dates_and_topics_are_in_indonesian():
    sentence = generate(record("ACCUSE", [party("United States", "actor", "country", "USA"),
                                          party("Russia armed forces", "recipient", "organisation", "RUS", "Rusia")],
                               date="2022-03", topics=["war crimes", "corruption"]))
    assert sentence == "Amerika Serikat menuduh pasukan Rusia pada Maret 2022, terkait kejahatan perang dan korupsi."
    talks = generate(record("CONSULT", [party("Joko Widodo", "actor"), party("Vladimir Putin", "actor")],
                            mode="meet", date="2022-06-30", topics=["food supply chain", "Ukraine"],
                            location={"name": "Moscow", "kb_id": "geonames:524901"},
                            sources=[{"evidence": [{"field": "location", "text": "Moskow"}]}]),
                     ["Moskow"])
    assert talks == ("Joko Widodo dan Vladimir Putin bertemu di Moskow pada 30 Juni 2022, membahas rantai pasok "
                     "pangan dan Ukraina.")


def test_a_topic_with_no_indonesian_label_is_left_out_not_mixed_in():
    sentence = generate(record("CONSULT", [party("A", "actor"), party("B", "actor")],
                               topics=["corruption", "a label nobody translated"]))
    assert sentence.endswith("membahas korupsi.") and "translated" not in sentence


def test_every_topic_label_the_lexicon_can_give_has_an_indonesian_form():
    labels = [*TOPICS["specific"], *TOPICS["cued"], *TOPICS["countries"]]
    labels += [h["label"].format(country=c) for h in TOPICS["headed"] for c in ("Iran", "North Korea")]
    for label in labels:
        assert topic_id(label), label
    english_only = re.compile(r"\b(of|and|the|with|supply|security|programme|cooperation)\b")
    assert not [label for label in labels if english_only.search(topic_id(label) or "")]


def test_an_event_that_did_not_happen_is_said_so_first():
    planned = generate(record("CONSULT", [party("A", "actor"), party("B", "actor")], modality="future"))
    assert planned == "Direncanakan: A dan B bertemu."
    assert generate(record("CONSULT", [party("A", "actor")], modality="negated")).startswith("Disebut tidak terjadi:")


def test_a_place_that_is_the_recipient_is_not_said_twice():
    visit = generate(record("CONSULT", [party("Nancy Pelosi", "actor"), party("Taiwan", "recipient", "country", "TWN")],
                            mode="visit", location={"name": "Taiwan", "kb_id": "country:TWN"}))
    assert visit == "Nancy Pelosi mengunjungi Taiwan."
