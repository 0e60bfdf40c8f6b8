"""Train the learned party ranker (linimasa/lang/id/models/party_ranker.json).

    python scripts/train_party_ranker.py [--out PATH] [--cache DIR]

1. The train and dev splits are prepared up to the events stage (linimasa/evaluation/workbench.py) and the
   rules propose their candidates (no ranker, no decision).
2. For every asserted candidate that is not a back-reference and whose sentence overlaps the evidence of an
   annotated event of its type, each mention of the ranking pool (its sentence's mentions the rules did not
   take, and the sentence before's: linimasa/events/party_ranker.py) is labelled 1 when, resolved as the
   events stage resolves it, it matches one of that event's annotated participants by the evaluation's rule.
3. A logistic regression (scikit-learn, L2, balanced classes) is fitted on train for a few regularisation
   strengths; the strength and threshold (0.3 to 0.95) with the best F1 over the dev split's pool mentions
   (is this mention an annotated participant?) win: chosen for what it predicts, parties, so that the
   events' recall is not bought with extra parties. It adds parties only to the types where, applied to
   train in the events stage (rules alone, no decision), it raised their F1; the dev split's events are
   reported with it.
4. The weights go to a JSON file with what it was trained on and its dev figures. Training is a script,
   not a CI step; the shared development set and the test split are never used here.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from linimasa.config import Settings  # noqa: E402
from linimasa.evaluation.articles import read_articles  # noqa: E402
from linimasa.evaluation.matching import participant_matches  # noqa: E402
from linimasa.evaluation.spans import Locator  # noqa: E402
from linimasa.evaluation.workbench import prepare_split  # noqa: E402
from linimasa.events import EventStage  # noqa: E402
from linimasa.events.arguments import Party, as_date, party_sides, rules_clause  # noqa: E402
from linimasa.events.participants import people_by_surname  # noqa: E402
from linimasa.events.party_ranker import (  # noqa: E402
    MODEL_FILE,
    ArticleNames,
    PartyRanker,
    mention_features,
    ranking_pool,
)


def rows_of(split, stage) -> list[tuple[dict, int, str, int]]:
    """(features, label, type, article number) for every mention of every ranking pool of a split."""
    finder = stage.extractor.finder
    breaks, cues = finder.breaks, finder.topic_cues
    rows = []
    for number, gold in enumerate(split.gold):
        article = copy.copy(split.articles[gold.article_id])
        views, anchor, candidates = stage.extractor.propose(article)
        people = people_by_surname(article.mentions)
        names = ArticleNames.of(article.mentions, article.title)
        locator = Locator(article.working_text)
        told = []
        for event in gold.events:
            found = locator.find(event.evidence, event.evidence_span[0] if event.evidence_span else None) \
                if event.evidence else None
            if found:
                told.append((event, *found))
        prior_of = {id(view): prior for prior, view in zip([None] + views, views)}
        for c in candidates:
            if c.modality != "asserted" or c.reference or c.anaphoric:
                continue
            sentence = c.view.sentence
            events = [e for e, start, end in told
                      if e.type == c.match.rule.type and start < sentence.end and sentence.start < end]
            if not events:
                continue
            clause = rules_clause(c.view, c.match, finder.lexicon)
            on = as_date(c.date.value) or anchor
            before_side, after_side = party_sides(c.match.rule)
            for m, view, previous in ranking_pool(c.view, prior_of.get(id(c.view)), c.match, clause):
                participant = finder.resolver.participant(Party(m, before_side), on, article, people, view)
                label = participant is not None and any(participant_matches(g, participant)
                                                        for e in events for g in e.participants)
                features = mention_features(c.match, len(c.participants), m, view, previous, names, breaks, cues)
                rows.append((features, int(label), c.match.rule.type, number))
    return rows


def micro(report: dict) -> dict:
    types = report["types"]
    gold = sum(t["gold"] for t in types.values())
    found = sum(t["found"] for t in types.values())
    predicted = sum(t["predicted"] for t in types.values())
    correct = sum(t["correct"] for t in types.values())
    precision = correct / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "found": found,
            "gold": gold, "predicted": predicted, "consult_f1": types.get("CONSULT", {}).get("f1")}


def report_with(split, ranker_path: Path | None) -> dict:
    options = {"decision": False, "party_ranker": str(ranker_path) if ranker_path else False}
    return split.report(split.run(EventStage(Settings(options={"events": options}))))


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--cache", type=Path, help="a folder to keep prepared articles in between runs")
    args = parser.parse_args()
    articles = read_articles()
    stage = EventStage(Settings(options={"events": {"decision": False, "party_ranker": False}}))
    train_split = prepare_split("train", articles, cache=args.cache)
    dev_split = prepare_split("dev", articles, cache=args.cache)
    rows = rows_of(train_split, stage)
    vectorizer = DictVectorizer().fit([r[0] for r in rows])
    names = vectorizer.get_feature_names_out()

    def fit(subset, c):
        model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        model.fit(vectorizer.transform([r[0] for r in subset]), [r[1] for r in subset])
        return ({n: round(float(w), 5) for n, w in zip(names, model.coef_[0]) if abs(w) >= 1e-4},
                round(float(model.intercept_[0]), 5))

    scratch_files = []

    def scratch(model: dict) -> Path:  # each model its own file: the stage caches a model by its path
        path = args.out.parent / f".party_ranker.{len(scratch_files)}.json"
        path.write_text(json.dumps(model))
        scratch_files.append(path)
        return path

    dev_rows = rows_of(dev_split, stage)
    rules_dev = micro(report_with(dev_split, None))
    rules_train = report_with(train_split, None)["types"]
    print(f"dev, rules alone: {rules_dev}", file=sys.stderr)
    best = None
    for c in (0.1, 0.3, 1.0):
        weights, bias = fit(rows, c)
        ranker = PartyRanker(weights, bias, 0.5)
        scores = [ranker.probability(r[0]) for r in dev_rows]  # the features hold the topic cues already
        for step in range(30, 96, 5):
            threshold = step / 100
            # chosen for what it predicts: which mentions are parties (F1 over the dev pools' mentions)
            chosen = [r[1] for r, p in zip(dev_rows, scores) if p >= threshold]
            precision = sum(chosen) / len(chosen) if chosen else 0.0
            recall = sum(chosen) / max(1, sum(r[1] for r in dev_rows))
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            print(f"C {c} threshold {threshold:.2f}: mentions P {precision:.3f} R {recall:.3f} F1 {f1:.3f}",
                  file=sys.stderr)
            if best is None or f1 > best[0]:
                best = (f1, c, threshold, weights, bias, {"precision": round(precision, 4),
                                                         "recall": round(recall, 4), "f1": round(f1, 4)})
    _, c, threshold, weights, bias, mentions = best
    # the types it adds parties to: those where it raises the events' F1 on train
    on_train = report_with(train_split, scratch({"weights": weights, "bias": bias, "threshold": threshold}))["types"]
    types = sorted(k for k, row in on_train.items()
                   if row["gold"] and (row["f1"] or 0) > (rules_train.get(k, {}).get("f1") or 0))
    figures = micro(report_with(dev_split, scratch({"weights": weights, "bias": bias, "threshold": threshold,
                                                    "types": types})))
    best = (figures, c, threshold, weights, bias, types)
    for path in scratch_files:
        path.unlink()
    figures, c, threshold, weights, bias, types = best
    report = {
        "name": "party_ranker",
        "about": "Logistic regression on mentions outside the rules' clause; see scripts/train_party_ranker.py.",
        "types": types,
        "trained_on": {"split": "train", "mentions": len(rows), "positive": sum(r[1] for r in rows),
                       "by_type": dict(Counter(r[2] for r in rows)),
                       "positive_by_type": dict(Counter(r[2] for r in rows if r[1]))},
        "chosen_on": {"split": "dev", "C": c, "threshold": threshold, "mentions": mentions, "micro": figures,
                      "micro_rules_alone": rules_dev},
        "threshold": threshold,
        "bias": bias,
        "weights": dict(sorted(weights.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "weights"}, indent=1))
    print(f"{len(weights)} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
