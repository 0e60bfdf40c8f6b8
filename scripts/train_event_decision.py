"""Train the learned decision on the rules' events (linimasa/lang/id/models/event_decision.json).

    python scripts/train_event_decision.py [--out PATH]

1. The train and dev splits of data/annotations go through the per-article stages with the decision off and
   the known-party rule off: every asserted event mention the rules can propose.
2. Each proposed mention is labelled by the development set's matching rule against the article's gold
   events of its type: 1 when it is matched (it stands for a real event), 0 otherwise.
3. A logistic regression (scikit-learn, L2) is fitted on train; the regularisation and the threshold are
   chosen on dev, for the micro-averaged F1 over all PLOVER types as `linimasa eval` counts it (a kept
   mention matched to a primary gold event is found; any kept mention is predicted).
4. The weights go to a JSON file with what it was trained on and its dev figures. Training is a script,
   not a CI step; the shared development set and the test split are never used here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from linimasa.config import Settings  # noqa: E402
from linimasa.evaluation.articles import read_articles  # noqa: E402
from linimasa.evaluation.gold import load_gold  # noqa: E402
from linimasa.evaluation.matching import match_article  # noqa: E402
from linimasa.events.decision import MODEL_FILE, event_features  # noqa: E402
from linimasa.model import Article  # noqa: E402
from linimasa.pipeline import Pipeline  # noqa: E402

ANNOTATIONS = ROOT / "data" / "annotations"


def proposals(split: str, articles, pipeline) -> list[tuple[dict, int, int, str]]:
    """(features, label, matched a primary gold event, type) for every asserted mention the rules propose."""
    rows = []
    for gold in load_gold([ANNOTATIONS / f"{split}.jsonl"], articles):
        source = articles[gold.article_id]
        article = Article(id=source.id, text=source.text, title=source.title, url=source.url,
                          outlet=source.outlet, published=source.published or gold.published)
        article = pipeline(article)
        text = article.working_text
        for kind in sorted({e.type for e in article.events if e.modality == "asserted"}):
            mentions = [e for e in article.events if e.type == kind and e.modality == "asserted"]
            matches, _, _ = match_article([e for e in gold.events if e.type == kind], mentions)
            matched = {id(m.predicted): m.gold.primary for m in matches}
            for mention in mentions:
                rows.append((event_features(mention, text), int(id(mention) in matched),
                             int(matched.get(id(mention), False)), kind))
    return rows


def gold_primary(split: str, articles) -> Counter:
    return Counter(e.type for g in load_gold([ANNOTATIONS / f"{split}.jsonl"], articles) for e in g.events
                   if e.primary)


def micro_f1(probabilities, rows, gold: Counter, threshold: float) -> tuple[float, float, float]:
    kept = [(row, p) for row, p in zip(rows, probabilities) if p >= threshold]
    predicted = len(kept)
    correct = sum(row[1] for row, _ in kept)
    found = sum(row[2] for row, _ in kept)
    precision = correct / predicted if predicted else 0.0
    recall = found / sum(gold.values()) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--require-known-party", action="store_true",
                        help="propose only events with a party the knowledge base knows (the rules' own filter)")
    args = parser.parse_args()
    articles = read_articles()
    settings = Settings(options={"events": {"decision": False,
                                            "require_known_party": args.require_known_party}})
    pipeline = Pipeline(settings.prepare + settings.extract, settings)
    train, dev = proposals("train", articles, pipeline), proposals("dev", articles, pipeline)
    dev_gold = gold_primary("dev", articles)
    vectorizer = DictVectorizer()
    x_train = vectorizer.fit_transform([r[0] for r in train])
    y_train = [r[1] for r in train]
    x_dev = vectorizer.transform([r[0] for r in dev])
    best = None
    for c in (0.1, 0.3, 1.0, 3.0):
        model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x_train, y_train)
        probabilities = model.predict_proba(x_dev)[:, 1]
        for step in range(5, 96, 5):
            threshold = step / 100
            precision, recall, f1 = micro_f1(probabilities, dev, dev_gold, threshold)
            if best is None or f1 > best[0]:
                best = (f1, c, threshold, precision, recall, model)
    f1, c, threshold, precision, recall, model = best
    keep_all = micro_f1([1.0] * len(dev), dev, dev_gold, 0.5)
    names = vectorizer.get_feature_names_out()
    weights = {name: round(float(w), 5) for name, w in zip(names, model.coef_[0]) if abs(w) >= 1e-4}
    report = {
        "name": "event_decision",
        "about": "Logistic regression on the rules' asserted event mentions; see scripts/train_event_decision.py.",
        "require_known_party": args.require_known_party,
        "trained_on": {"split": "train", "mentions": len(train), "positive": sum(y_train),
                       "by_type": dict(Counter(r[3] for r in train))},
        "chosen_on": {"split": "dev", "mentions": len(dev), "C": c, "threshold": threshold,
                      "micro": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)},
                      "micro_keeping_every_mention": {"precision": round(keep_all[0], 4),
                                                      "recall": round(keep_all[1], 4), "f1": round(keep_all[2], 4)}},
        "threshold": threshold,
        "bias": round(float(model.intercept_[0]), 5),
        "weights": dict(sorted(weights.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "weights"}, indent=1))
    print(f"{len(weights)} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
