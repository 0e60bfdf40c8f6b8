"""The learned decision on the rules' events: explainable features, a threshold, evidence kept."""

from __future__ import annotations

import json

import pytest

from linimasa.config import Settings
from linimasa.events.decision import EventDecision, event_features
from linimasa.model import Article, Event, Evidence, Participant, Span
from linimasa.pipeline import Pipeline

TEXT = "Presiden Joko Widodo bertemu Perdana Menteri Mark Rutte di Istana Bogor."


def meeting(modality="asserted") -> Event:
    start = TEXT.index("bertemu")
    return Event(id="m-1", type="CONSULT", mode="meet", modality=modality, article_id="own",
                 participants=[Participant("Joko Widodo", kind="person", kb_id="p:jokowi"),
                               Participant("Mark Rutte", kind="person")],
                 trigger=Span(start, start + 7, "bertemu"),
                 evidence=[Evidence("own", "trigger", TEXT, 0, len(TEXT))])


def test_the_features_are_ones_a_reader_can_check():
    features = event_features(meeting(), TEXT)
    assert features["trigger=CONSULT:bertemu"] == 1.0
    assert features["known=CONSULT:1"] == 1.0 and features["all_unknown=CONSULT"] == 0.0
    assert features["before:widodo"] == 1.0 and features["after:perdana"] == 1.0


def test_an_asserted_event_is_kept_at_or_above_the_threshold_with_its_score_and_reasons():
    model = EventDecision({"trigger=CONSULT:bertemu": 2.0, "all_unknown=CONSULT": -3.0}, bias=-1.0, threshold=0.5)
    kept = model.decide([meeting()], TEXT)
    assert len(kept) == 1
    decision = kept[0].decision
    assert decision["score"] == pytest.approx(0.7311, abs=1e-4) and decision["threshold"] == 0.5
    assert decision["features"][0] == {"feature": "trigger=CONSULT:bertemu", "weight": 2.0}


def test_an_asserted_event_below_the_threshold_is_dropped_and_a_planned_one_is_not_judged():
    model = EventDecision({"trigger=CONSULT:bertemu": -2.0}, bias=0.0, threshold=0.5)
    assert model.decide([meeting()], TEXT) == []
    planned = meeting("future")
    assert model.decide([planned], TEXT) == [planned] and planned.decision is None


def test_a_missing_model_says_which_file_and_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="train one with scripts/train_event_decision.py"):
        EventDecision.load(tmp_path / "none.json")


def consult_found(settings: Settings) -> list[Event]:
    pipeline = Pipeline(settings.prepare + settings.extract, settings)
    article = pipeline(Article(id="own", text=TEXT + " Keduanya membahas perdagangan.", title="Judul",
                               published="2017-03-07"))
    return [e for e in article.events if e.type == "CONSULT" and e.modality == "asserted"]


def test_the_events_stage_applies_a_model_given_by_option(tmp_path):
    assert consult_found(Settings()), "the rules alone find the meeting"
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"weights": {"type=CONSULT": -5.0}, "bias": 0.0, "threshold": 0.5}))
    assert consult_found(Settings(options={"events": {"decision": str(path)}})) == []
