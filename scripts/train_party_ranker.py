"""Train the learned party ranker (linimasa/lang/id/models/party_ranker.json).

    python scripts/train_party_ranker.py [--out PATH] [--cache DIR]

1. The train and dev splits are prepared up to the events stage (linimasa/evaluation/workbench.py) and the
   rules propose their candidates (no ranker, no decision).
2. For every asserted candidate that is not a back-reference and whose sentence overlaps the evidence of an
   annotated event of its type, each mention of the ranking pool (its sentence's mentions the rules did not
   take, and the sentence before's: linimasa/events/party_ranker.py) is labelled 1 when, resolved as the
   events stage resolves it, it matches one of that event's annotated participants by the evaluation's rule.
3. A logistic regression (scikit-learn, L2, balanced classes) is fitted on train for a few regularisation
   strengths; the strength with the best F1 over the dev split's pool mentions wins. The threshold is
   chosen for what the events stage then reports (the shipped decision, the ranker completing only the
   sides the rules left empty: linimasa/events/party_ranker.py), on dev and, out of fold, on train (5
   folds by article; dev alone is too small to tell thresholds apart): the best micro F1 over every type
   among the thresholds where the events with exactly their annotated participants are no fewer than with
   the rules' parties alone. It adds parties only to the types where, out of fold on train, it raised
   their F1.
4. The weights go to a JSON file with what it was trained on and the figures it was chosen by. Training is a script,
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
from linimasa.evaluation.workbench import prepare_split, write_model  # noqa: E402
from linimasa.events import EventStage  # noqa: E402
from linimasa.events.arguments import Party, as_date, party_sides, rules_clause  # noqa: E402
from linimasa.events.participants import people_by_surname  # noqa: E402
from linimasa.events.party_ranker import (  # noqa: E402
    MODEL_FILE,
    ArticleNames,
    PartyRanker,
    RankerCues,
    mention_features,
    ranking_pool,
)


def rows_of(split, stage) -> list[tuple[dict, int, str, int]]:
    """(features, label, type, article number) for every mention of every ranking pool of a split."""
    finder = stage.extractor.finder
    cues = RankerCues.of(finder.lexicon)
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
            before_side, _ = party_sides(c.match.rule)
            for m, view, previous in ranking_pool(c.view, prior_of.get(id(c.view)), c.match, clause,
                                                  finder.lexicon.nonparties):
                participant = finder.resolver.participant(Party(m, before_side), on, article, people, view)
                label = participant is not None and any(participant_matches(g, participant)
                                                        for e in events for g in e.participants)
                features = mention_features(c.match, len(c.participants), m, view, previous, names, cues)
                rows.append((features, int(label), c.match.rule.type, number))
    return rows


def micro(report: dict) -> dict:
    """Micro-averaged figures over every type, and participants exact pooled over the types."""
    types = report["types"]
    gold = sum(t["gold"] for t in types.values())
    found = sum(t["found"] for t in types.values())
    predicted = sum(t["predicted"] for t in types.values())
    correct = sum(t["correct"] for t in types.values())
    precision = correct / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact = [row["participants_exact"] for row in report["fields"].values()]
    right, of = sum(e["right"] for e in exact), sum(e["of"] for e in exact)
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "found": found,
            "gold": gold, "predicted": predicted, "consult_f1": types.get("CONSULT", {}).get("f1"),
            "participants_exact": round(right / of, 4) if of else None, "exact": right}


def stage_with(ranker_path: Path | None) -> EventStage:
    """The events stage with the shipped decision and this ranker (None: the rules' parties alone)."""
    return EventStage(Settings(options={"events": {"party_ranker": str(ranker_path) if ranker_path else False}}))


def report_with(split, ranker_path: Path | None) -> dict:
    return split.report(split.run(stage_with(ranker_path)))


def report_out_of_fold(split, ranker_paths: list[Path]) -> dict:
    """The split's report when article number i is read with the ranker of fold i % len(ranker_paths) (one
    trained without that article)."""
    stages = [stage_with(path) for path in ranker_paths]
    processed = {}
    for number, gold in enumerate(split.gold):
        processed[gold.article_id] = stages[number % len(stages)](copy.copy(split.articles[gold.article_id]))
    return split.report(processed)


def pooled(*reports: dict) -> dict:
    """The micro figures of several reports counted together."""
    counts = {key: sum(r[key] for r in reports) for key in ("found", "gold", "predicted", "exact")}
    precision = sum(r["precision"] * r["predicted"] for r in reports) / counts["predicted"] if counts["predicted"] else 0.0
    recall = counts["found"] / counts["gold"] if counts["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {**counts, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--cache", type=Path, help="a folder to keep prepared articles in between runs")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    articles = read_articles()
    stage = EventStage(Settings(options={"events": {"decision": False, "party_ranker": False}}))
    train_split = prepare_split("train", articles, cache=args.cache)
    dev_split = prepare_split("dev", articles, cache=args.cache)
    rows = rows_of(train_split, stage)
    dev_rows = rows_of(dev_split, stage)
    vectorizer = DictVectorizer().fit([r[0] for r in rows])
    names = vectorizer.get_feature_names_out()

    def fit(c, subset=rows):
        model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        model.fit(vectorizer.transform([r[0] for r in subset]), [r[1] for r in subset])
        return ({n: round(float(w), 5) for n, w in zip(names, model.coef_[0]) if abs(w) >= 1e-4},
                round(float(model.intercept_[0]), 5))

    # 1. the regularisation strength: the best F1 over the dev pools' mentions (is this mention a participant?)
    best = None
    for c in (0.1, 0.3, 1.0):
        weights, bias = fit(c)
        ranker = PartyRanker(weights, bias, 0.5)
        scores = [ranker.probability(r[0]) for r in dev_rows]
        for step in range(30, 96, 5):
            chosen = [r[1] for r, p in zip(dev_rows, scores) if p >= step / 100]
            precision = sum(chosen) / len(chosen) if chosen else 0.0
            recall = sum(chosen) / max(1, sum(r[1] for r in dev_rows))
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            if best is None or f1 > best[0]:
                best = (f1, c, weights, bias, {"threshold": step / 100, "precision": round(precision, 4),
                                               "recall": round(recall, 4), "f1": round(f1, 4)})
    _, c, weights, bias, mentions = best
    print(f"C {c}: dev mentions {mentions}", file=sys.stderr)

    scratch_files = []

    def scratch(model: dict) -> Path:  # each model its own file: the stage caches a model by its path
        path = args.out.parent / f".party_ranker.{len(scratch_files)}.json"
        path.write_text(json.dumps(model))
        scratch_files.append(path)
        return path

    # 2. the threshold, for what the events stage then reports: on dev and, out of fold, on train (dev alone
    # is too small to tell thresholds apart), the best micro F1 over every type among the thresholds where
    # the events with exactly their annotated participants are no fewer than with the rules' own parties
    # (recall is not to be bought with wrong parties)
    folded = [fit(c, [r for r in rows if r[3] % args.folds != k]) for k in range(args.folds)]
    rules = pooled(micro(report_with(dev_split, None)), micro(report_with(train_split, None)))
    print(f"dev and train, rules' parties alone: {rules}", file=sys.stderr)
    best = None
    for step in range(30, 91, 10):
        threshold = step / 100
        on_dev = micro(report_with(dev_split, scratch({"weights": weights, "bias": bias, "threshold": threshold})))
        on_train = micro(report_out_of_fold(train_split, [scratch({"weights": w, "bias": b, "threshold": threshold})
                                                          for w, b in folded]))
        figures = pooled(on_dev, on_train)
        exact_kept = figures["exact"] >= rules["exact"]
        print(f"threshold {threshold}: dev and train out of fold {figures} exact kept {exact_kept}", file=sys.stderr)
        if best is None or (exact_kept, figures["f1"]) > (best[0], best[1]["f1"]):
            best = (exact_kept, figures, threshold)
    _, chosen_on, threshold = best
    # 3. the types it adds parties to: those where, out of fold on train, it raises the events' F1
    rules_train = report_with(train_split, None)["types"]
    model = {"weights": weights, "bias": bias, "threshold": threshold}
    on_train = report_out_of_fold(train_split, [scratch({"weights": w, "bias": b, "threshold": threshold})
                                                for w, b in folded])["types"]
    types = sorted(k for k, row in on_train.items()
                   if row["gold"] and (row["f1"] or 0) > (rules_train.get(k, {}).get("f1") or 0))
    figures = micro(report_with(dev_split, scratch({**model, "types": types})))
    for path in scratch_files:
        path.unlink()
    report = {
        "name": "party_ranker",
        "about": "Logistic regression on mentions outside the rules' clause; see scripts/train_party_ranker.py.",
        "types": types,
        "trained_on": {"split": "train", "mentions": len(rows), "positive": sum(r[1] for r in rows),
                       "by_type": dict(Counter(r[2] for r in rows)),
                       "positive_by_type": dict(Counter(r[2] for r in rows if r[1]))},
        "chosen_on": {"split": "dev, and train out of fold", "C": c, "mentions_dev": mentions,
                      "threshold": threshold, "micro": chosen_on, "micro_rules_alone": rules,
                      "dev_micro_with_types": figures},
        "threshold": threshold,
        "bias": bias,
        "weights": dict(sorted(weights.items())),
    }
    write_model(report, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
