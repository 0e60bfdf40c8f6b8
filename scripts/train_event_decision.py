"""Train the learned decision on the rules' candidates (linimasa/lang/id/models/event_decision.json).

    python scripts/train_event_decision.py [--out PATH] [--cache DIR] [--require-known-party]

1. The train and dev splits of data/annotations are prepared up to the events stage
   (linimasa/evaluation/workbench.py), and the rules propose their candidates with no decision.
2. Each judged candidate (asserted, not a back-reference) is labelled 1 when its sentence overlaps the
   evidence quote of a gold event of its type in that article, else 0: the trigger tells an event of its
   type, whoever its parties turn out to be.
3. A logistic regression (scikit-learn, L2, balanced classes) is fitted on train for a few regularisation
   strengths and thresholds. Candidates are grouped into events as the events stage does (an event is
   kept when one of its candidates scores at or above the threshold) and the events are scored with the
   evaluation's rule. The types the model judges are those where, out of fold on train (5 folds by
   article), it gives a better F1 than the rules alone; the others are left to the rules. The strength and
   threshold with the best micro-averaged F1 over all PLOVER types on dev win.
4. The weights go to a JSON file with what it was trained on and its dev figures. Training is a script,
   not a CI step; the shared development set and the test split are never used here.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from linimasa.evaluation.articles import read_articles  # noqa: E402
from linimasa.evaluation.matching import is_match, participants_found  # noqa: E402
from linimasa.evaluation.spans import Locator  # noqa: E402
from linimasa.evaluation.workbench import prepare_split, write_model  # noqa: E402
from linimasa.events import EventStage  # noqa: E402
from linimasa.config import Settings  # noqa: E402
from linimasa.events.decision import MODEL_FILE, EventDecision, candidate_features, judged  # noqa: E402


class Proposed:
    """A split's articles with the candidates the rules propose, ready to be decided and assembled again."""

    def __init__(self, split, extractor, label: str = "told"):
        self.split = split
        self.extractor = extractor
        self.rows: list[tuple[dict, int, str, int]] = []  # features, label, type, article number
        self.articles = []  # (article, views, anchor, candidates, context)
        for number, gold in enumerate(split.gold):
            article = split.articles[gold.article_id]
            views, anchor, candidates = extractor.propose(copy.copy(article))
            context = extractor.context(article, candidates)
            told = _told_spans(gold, article.working_text)
            for c in candidates:
                if judged(c):
                    sentence = c.view.sentence
                    there = [event for event, kind, start, end in told
                             if kind == c.match.rule.type and start < sentence.end and sentence.start < end]
                    if label == "matched":  # told there, and its own parties would match the annotated ones
                        there = [e for e in there if is_match(e, participants_found(e, _Parties(c)))]
                    self.rows.append((candidate_features(c, context), int(bool(there)), c.match.rule.type, number))
            self.articles.append((article, views, anchor, candidates, context))

    def types(self, decision_for) -> dict:
        """The evaluation's per-type figures of the events kept when article number ``i`` is decided by
        ``decision_for(i)`` (None: the rules alone)."""
        processed = {}
        for number, (article, views, anchor, candidates, context) in enumerate(self.articles):
            decision = decision_for(number)
            for c in candidates:
                c.decision = None
            if decision is not None:
                decision.judge(candidates, context)
            done = copy.copy(article)
            done.events = self.extractor.assemble(done, views, anchor, candidates, decision)
            processed[article.id] = done
        return self.split.report(processed)["types"]


def micro(types: dict) -> dict:
    """Micro-averaged precision, recall and F1 over all types, as `linimasa eval` counts them."""
    gold = sum(t["gold"] for t in types.values())
    found = sum(t["found"] for t in types.values())
    predicted = sum(t["predicted"] for t in types.values())
    correct = sum(t["correct"] for t in types.values())
    precision = correct / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "found": found,
            "gold": gold, "predicted": predicted, "consult_f1": types.get("CONSULT", {}).get("f1")}


def _f1(row: dict) -> float:
    return row.get("f1") or 0.0


class _Parties:
    """A candidate's participants in the shape the matching rule reads."""

    def __init__(self, c):
        self.participants = [p for p, _ in c.participants]


def _told_spans(gold, text: str) -> list[tuple]:
    locator = Locator(text)
    spans = []
    for event in gold.events:
        if not event.evidence:
            continue
        found = locator.find(event.evidence, event.evidence_span[0] if event.evidence_span else None)
        if found:
            spans.append((event, event.type, *found))
    return spans


def fit(rows, c: float, vectorizer):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    model.fit(vectorizer.transform([r[0] for r in rows]), [r[1] for r in rows])
    names = vectorizer.get_feature_names_out()
    weights = {name: round(float(w), 5) for name, w in zip(names, model.coef_[0]) if abs(w) >= 1e-4}
    return weights, float(model.intercept_[0])


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--cache", type=Path, help="a folder to keep prepared articles in between runs")
    parser.add_argument("--require-known-party", action="store_true",
                        help="keep the rules' filter that an event needs a party the knowledge base knows")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--label", choices=("told", "matched"), default="told",
                        help="a candidate is positive when its sentence tells an annotated event of its type (told), "
                             "or when, besides, its own parties would match that event's (matched)")
    args = parser.parse_args()
    articles = read_articles()
    stage = EventStage(Settings(options={"events": {"decision": False,
                                                    "require_known_party": args.require_known_party}}))
    extractor = stage.extractor
    train = Proposed(prepare_split("train", articles, cache=args.cache), extractor, args.label)
    dev = Proposed(prepare_split("dev", articles, cache=args.cache), extractor, args.label)
    vectorizer = DictVectorizer().fit([r[0] for r in train.rows])
    train_rules, dev_rules = train.types(lambda i: None), dev.types(lambda i: None)
    print(f"dev, rules alone: {micro(dev_rules)}", file=sys.stderr)
    best = None
    for c in (0.1, 0.3, 1.0):
        folds = [fit([r for r in train.rows if r[3] % args.folds != k], c, vectorizer) for k in range(args.folds)]
        weights, bias = fit(train.rows, c, vectorizer)
        for step in range(10, 91, 5):
            threshold = step / 100
            # which types the decision judges: those it serves better than the rules alone, out of fold on train
            held_out = train.types(lambda i: EventDecision(*folds[i % args.folds], threshold))
            types = sorted(k for k, row in held_out.items() if row["gold"] and _f1(row) > _f1(train_rules.get(k, {})))
            decision = EventDecision(weights, bias, threshold, types=frozenset(types))
            figures = micro(dev.types(lambda i: decision))
            print(f"C {c} threshold {threshold:.2f} types {types}: {figures}", file=sys.stderr)
            if best is None or figures["f1"] > best[0]["f1"]:
                best = (figures, c, threshold, weights, bias, types, micro(held_out))
    figures, c, threshold, weights, bias, types, held_out = best
    report = {
        "name": "event_decision",
        "about": "Logistic regression on the rules' asserted candidates; see scripts/train_event_decision.py.",
        "require_known_party": args.require_known_party,
        "label": args.label,
        "types": types,
        "trained_on": {"split": "train", "candidates": len(train.rows), "positive": sum(r[1] for r in train.rows),
                       "by_type": dict(Counter(r[2] for r in train.rows)),
                       "positive_by_type": dict(Counter(r[2] for r in train.rows if r[1])),
                       "micro_out_of_fold": held_out, "micro_rules_alone": micro(train_rules)},
        "chosen_on": {"split": "dev", "candidates": len(dev.rows), "C": c, "threshold": threshold,
                      "micro": figures, "micro_rules_alone": micro(dev_rules)},
        "threshold": threshold,
        "bias": round(bias, 5),
        "weights": dict(sorted(weights.items())),
    }
    write_model(report, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
