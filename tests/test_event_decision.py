"""The learned decision on the rules' candidates: explainable features, a threshold, evidence kept."""

from __future__ import annotations

import json

import pytest

from linimasa.config import Settings
from linimasa.events.decision import EventDecision
from linimasa.model import Article, Event
from linimasa.pipeline import Pipeline

TEXT = ("Presiden Joko Widodo mendukung Perdana Menteri Mark Rutte di Istana Bogor. "
        "Keduanya membahas perdagangan.")


def supported(settings: Settings) -> list[Event]:
    pipeline = Pipeline(settings.prepare + settings.extract, settings)
    article = pipeline(Article(id="own", text=TEXT, title="Jokowi dukung Rutte", published="2017-03-07"))
    return [e for e in article.events if e.type == "SUPPORT" and e.modality == "asserted"]


def model(tmp_path, weights: dict, threshold: float = 0.5, types=None):
    path = tmp_path / "model.json"
    data = {"weights": weights, "bias": 0.0, "threshold": threshold, "require_known_party": True}
    if types is not None:
        data["types"] = types
    path.write_text(json.dumps(data))
    return Settings(options={"events": {"decision": str(path)}})


def test_the_rules_alone_find_the_event():
    assert supported(Settings(options={"events": {"decision": False}}))


def test_an_event_is_kept_when_a_candidate_scores_at_or_above_the_threshold_with_its_reasons(tmp_path):
    found = supported(model(tmp_path, {"trigger=SUPPORT:mendukung": 2.0, "lexeme=SUPPORT:dukung": 0.5}))
    assert len(found) == 1
    decision = found[0].decision
    assert decision["score"] == pytest.approx(0.9241, abs=1e-4) and decision["threshold"] == 0.5
    assert decision["features"][0] == {"feature": "trigger=SUPPORT:mendukung", "weight": 2.0}


def test_the_features_are_ones_a_reader_can_check(tmp_path):
    weights = {"title_trigger=True": 1.4, "after:perdana": 1.3, "before:widodo": 1.2, "party_after=True": 1.1,
               "sentence=<=0": 0.1}
    found = supported(model(tmp_path, weights))
    assert [f["feature"] for f in found[0].decision["features"]] == [
        "title_trigger=True", "after:perdana", "before:widodo", "party_after=True"]


def test_an_event_below_the_threshold_is_dropped(tmp_path):
    assert supported(model(tmp_path, {"type=SUPPORT": -5.0})) == []


def test_types_the_model_does_not_judge_are_left_to_the_rules(tmp_path):
    found = supported(model(tmp_path, {"type=SUPPORT": -5.0}, types=["CONSULT"]))
    assert len(found) == 1 and found[0].decision is None


def test_a_planned_event_is_not_judged(tmp_path):
    planned = "Presiden Joko Widodo akan mendukung Perdana Menteri Mark Rutte di Istana Bogor."
    pipeline = Pipeline(Settings().prepare + Settings().extract, model(tmp_path, {"type=SUPPORT": -5.0}))
    article = pipeline(Article(id="own", text=planned, published="2017-03-07"))
    future = [e for e in article.events if e.type == "SUPPORT"]
    assert [e.modality for e in future] == ["future"] and future[0].decision is None


def test_a_missing_model_says_which_file_and_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="train one with scripts/train_event_decision.py"):
        EventDecision.load(tmp_path / "none.json")


def test_the_shipped_model_is_on_by_default_and_says_what_it_judges():
    shipped = EventDecision.load()
    assert shipped.types and "CONSULT" not in shipped.types  # the rules decide meetings: see the training report
    assert 0.0 < shipped.threshold < 1.0
