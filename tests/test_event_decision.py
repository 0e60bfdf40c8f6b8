"""The learned decision on the rules' candidates: explainable features, a threshold, evidence kept."""

from __future__ import annotations

import json

import pytest

from linimasa.config import Settings
from linimasa.events import EventStage
from linimasa.events.decision import EventDecision
from linimasa.model import Article, Event
from linimasa.pipeline import Pipeline
from tests.test_events_parties import NoKB, article

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


def test_the_shipped_model_weighs_what_the_knowledge_base_knows_for_the_types_it_judges():
    shipped = EventDecision.load()
    assert shipped.types and not shipped.require_known_party  # the types are chosen on held-out events
    assert any(name.startswith("known=") for name in shipped.weights) or shipped.trees
    assert 0.0 < shipped.threshold < 1.0


def unknown_parties(tmp_path, types=None, require_known_party=False) -> list[Event]:
    """ "Partai Andalas mendukung Bank Sentral Andalas": two parties, neither known to the knowledge base."""
    text = "Partai Andalas mendukung Bank Sentral Andalas di Jakarta."
    path = tmp_path / "unknown.json"
    data = {"weights": {"known=SUPPORT:0": 2.0}, "bias": 0.0, "threshold": 0.5,
            "require_known_party": require_known_party}
    if types is not None:
        data["types"] = types
    path.write_text(json.dumps(data))
    stage = EventStage(Settings(options={"events": {"decision": str(path)}}), kb=NoKB(), dater=lambda *args: None)
    done = stage(article(text, [("Partai Andalas", "ORG", "organisation", None),
                                ("Bank Sentral Andalas", "ORG", "organisation", None)]))
    return [e for e in done.events if e.type == "SUPPORT" and e.modality == "asserted"]


def test_the_model_decides_events_whose_parties_the_knowledge_base_does_not_know(tmp_path):
    found = unknown_parties(tmp_path, types=["SUPPORT"])
    assert len(found) == 1 and found[0].decision["features"][0]["feature"] == "known=SUPPORT:0"


def test_types_the_model_does_not_judge_keep_the_rule_that_a_party_must_be_known(tmp_path):
    assert unknown_parties(tmp_path, types=["CONSULT"]) == []


def test_a_model_can_keep_the_known_party_rule_for_its_own_types(tmp_path):
    assert unknown_parties(tmp_path, types=["SUPPORT"], require_known_party=True) == []


def test_cue_words_before_after_and_anywhere_in_the_sentence_are_features(tmp_path):
    text = ("Presiden Joko Widodo ditemui wartawan lalu mendukung Perdana Menteri Mark Rutte yang masih "
            "berlangsung di Istana Bogor.")
    pipeline = Pipeline(Settings().prepare + Settings().extract,
                        model(tmp_path, {"cue=press:before": 3.0, "cue=ongoing:after": -1.0, "cue=press:sentence": 0.5}))
    article = pipeline(Article(id="own", text=text, published="2017-03-07"))
    found = [e for e in article.events if e.type == "SUPPORT"]
    assert [f["feature"] for f in found[0].decision["features"]] == [
        "cue=press:before", "cue=ongoing:after", "cue=press:sentence"]


def test_boosted_trees_are_applied_from_plain_lists_with_the_splits_that_weighed_most(tmp_path):
    # one tree: is the trigger "mendukung"? then is a party known to the knowledge base?
    tree = [["trigger=SUPPORT:mendukung", 0.5, 1, 2, 0.0], [-2.0], ["known=0", 0.5, 3, 4, 1.0], [3.0], [-1.0]]
    path = tmp_path / "trees.json"
    path.write_text(json.dumps({"trees": [tree], "bias": 0.0, "threshold": 0.5}))
    found = supported(Settings(options={"events": {"decision": str(path)}}))
    decision = found[0].decision
    assert decision["score"] == pytest.approx(0.9526, abs=1e-4)  # the leaf 3.0: a known party
    assert decision["features"] == [{"feature": "not known=0", "weight": 2.0},
                                    {"feature": "trigger=SUPPORT:mendukung", "weight": 1.0}]


def test_assembly_tells_which_candidates_headed_each_event(tmp_path):
    # training labels a candidate by whether the event it heads matches an annotated one
    # (scripts/train_event_decision.py --label event), so assembly says which group made which event
    text = "Partai Andalas mendukung Bank Sentral Andalas di Jakarta."
    stage = EventStage(Settings(options={"events": {"decision": False, "require_known_party": False}}), kb=NoKB(),
                       dater=lambda *args: None)
    done = article(text, [("Partai Andalas", "ORG", "organisation", None),
                          ("Bank Sentral Andalas", "ORG", "organisation", None)])
    extractor = stage.extractor
    views, anchor, candidates = extractor.propose(done)
    made = extractor.assemble_groups(done, views, anchor, candidates)
    support = [(group, event) for group, event in made if event.type == "SUPPORT"]
    assert len(support) == 1
    group, event = support[0]
    assert [text[c.match.start:c.match.end] for c in group.heads] == ["mendukung"]
    assert event.trigger.text == "mendukung"
    assert [event for _, event in made] == extractor.assemble(done, views, anchor, candidates)
