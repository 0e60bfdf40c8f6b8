"""Train the learned linking decision (linimasa/lang/id/models/link_decision.json), or say why pairs fail.

    python scripts/train_link_decision.py [--out PATH] [--cache DIR]
    python scripts/train_link_decision.py --diagnose test      # where linking fails today, by the rule

(``--cache``: the splits' event mentions are kept in DIR and reused, as scripts/link_losses.py keeps them;
delete it when a stage before linking changes.)

1. The articles of each split's pairs (data/annotations/pairs-*.jsonl) go through the per-article stages:
   their event mentions, each with its article's signature, as linking receives them.
2. Mention pairs are labelled from the article pairs: for a same-event pair of PLOVER type T, the pair of
   T mentions (one per article) that agree most (shared parties, compatible dates, neither a background
   recall) is positive and the others are left out; every same-type mention pair of two articles annotated
   as different events (hard negatives and unrelated events) is negative, unless either is a background
   recall (two reports of different news may recall one earlier event).
3. A logistic regression (L2, each weight kept on the side its meaning gives: ``AGREEMENT``, ``CONFLICT``)
   is fitted on the train split. Its regularisation and the two
   thresholds (the model's own, and the lower one at which it confirms the rule) are chosen by linking the
   mentions with link_events as the pipeline does: at least SEPARATION of the hard negatives kept apart on
   dev, then the most linked pairs among those whose articles both have the event, on dev
   and then on train (dev has almost none such pairs: extraction misses its events).
4. The weights go to a JSON file with what they were trained on and the dev figures. Training is a script,
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

from linimasa.dates import precision  # noqa: E402
from linimasa.link import link_events  # noqa: E402
from linimasa.link_rule import RULE, dates_compatible, dates_fit, locations_compatible, shared_parties  # noqa: E402
from linimasa.link_decision import MODEL_FILE, LinkDecision  # noqa: E402
from linimasa.link_features import ArticleVectors, MentionView, pair_features  # noqa: E402
from linimasa.evaluation.workbench import write_model  # noqa: E402
from link_losses import split_mentions  # noqa: E402  (scripts/link_losses.py: the mentions of a split's articles)

SEPARATION = 0.95


def _agreement(a, b) -> tuple:
    return (shared_parties(a.participants, b.participants), dates_compatible(a.date, b.date),
            not a.background and not b.background, precision(a.date) + precision(b.date))


def _comparable(a, b) -> bool:
    return a.type == b.type and a.modality == b.modality and (a.mode == "phone") == (b.mode == "phone")


def examples(pairs, mentions) -> list[tuple[dict, int, str]]:
    """(features, label, PLOVER type) for every labelled mention pair of a split."""
    vectors = ArticleVectors()
    rows = []
    for pair in pairs:
        first, second = mentions.get(pair.a, []), mentions.get(pair.b, [])
        if pair.linkable:
            candidates = [(a, b) for a in first for b in second if a.type == pair.event_type and _comparable(a, b)]
            if candidates:
                a, b = max(candidates, key=lambda ab: _agreement(*ab))
                rows.append((pair_features(MentionView.of(a), MentionView.of(b), vectors), 1, a.type))
        elif pair.label == "different_event":
            for a in first:
                for b in second:
                    # two reports of different news may both recall one earlier event: not a negative
                    if _comparable(a, b) and not a.background and not b.background:
                        rows.append((pair_features(MentionView.of(a), MentionView.of(b), vectors), 0, a.type))
    return rows


def link_figures(pairs, mentions, decision) -> dict:
    """Link a split's mentions as the pipeline does; the pair figures `linimasa eval` reports."""
    events = link_events([m for ms in mentions.values() for m in ms], decision=decision)
    by_article: dict[str, set] = {}
    for number, event in enumerate(events):
        for evidence in event.evidence:
            by_article.setdefault(evidence.article_id, set()).add(number)

    def has(article_id, kind):
        return any(m.type == kind for m in mentions.get(article_id, []))

    same = [p for p in pairs if p.linkable]
    eligible = [p for p in same if has(p.a, p.event_type) and has(p.b, p.event_type)]
    shares = [p for p in pairs if by_article.get(p.a, set()) & by_article.get(p.b, set())]
    hard = [p for p in pairs if p.hard_negative]
    return {"same_event_pairs": len(same), "linked": sum(p in shares for p in same),
            "eligible": len(eligible), "linked_eligible": sum(p in shares for p in eligible),
            "hard_negatives": len(hard), "kept_apart": sum(p not in shares for p in hard)}


# The direction a feature may push, fixed by what it means: more agreement never argues against a link,
# more distance or a conflict never for it. The fit keeps each weight on its side (0 at worst), so that
# every weight reads the way its name says.
AGREEMENT = ("shared_known_parties", "parties_jaccard", "shared_parties=1", "shared_parties=2",
             "shared_parties=3", "date_compatible", "date_same_day", "date_agree_both_stated", "place_compatible", "mode_same",
             "article_words_cosine", "article_entities_cosine", "title_words_jaccard", "trigger_sentence_jaccard",
             "rule_would_link", "names_alike", "both_in_lead", "headline_both", "same_stated_day_two_known")
CONFLICT = ("date_days_apart_log", "date_off_both_stated", "place_conflict", "phone_vs_meeting",
            "modality_differs", "published_days_apart_log", "shared_parties=0", "date_missing", "place_unknown",
            "background_one", "background_both", "recalled_aside_one", "recalled_aside_both", "aside_one")  # what is missing or a recall is no evidence for a link


def fit(x, y, names, c: float) -> tuple[dict[str, float], float]:
    """L2-regularised logistic regression with the signs above (L-BFGS-B), classes weighted to balance."""
    import numpy as np
    from scipy.optimize import minimize

    x = x.toarray() if hasattr(x, "toarray") else np.asarray(x)
    y = np.asarray(y, dtype=float)
    weight = np.where(y == 1, len(y) / (2 * max(y.sum(), 1)), len(y) / (2 * max(len(y) - y.sum(), 1)))

    def loss(theta):
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        value = -(weight * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum() + (w @ w) / (2 * c)
        grad_z = weight * (p - y)
        return value, np.append(x.T @ grad_z + w / c, grad_z.sum())

    bounds = [(0, None) if n in AGREEMENT else (None, 0) if n in CONFLICT else (None, None) for n in names]
    result = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", bounds=bounds + [(None, None)])
    return {n: float(w) for n, w in zip(names, result.x[:-1]) if abs(w) >= 1e-4}, float(result.x[-1])


def refusal(a, b) -> list[str]:
    """Why the rule keeps two mentions of one type apart (empty: it would link them)."""
    why = []
    if not dates_fit(a, b):
        why.append(f"date {a.date} vs {b.date}")
    if not locations_compatible(a.location, b.location):
        why.append(f"place {a.location.name} vs {b.location.name}")
    if a.modality != b.modality:
        why.append(f"modality {a.modality} vs {b.modality}")
    if (a.mode == "phone") != (b.mode == "phone"):
        why.append("phone vs meeting")
    shared = shared_parties(a.participants, b.participants)
    day = precision(a.date) == 3 and precision(b.date) == 3
    if shared < RULE["min_shared"]:
        why.append("no shared party: " + "; ".join(
            f"{[p.name for p in m.participants]}" for m in (a, b)))
    elif shared < RULE["undated_min_shared"] and not day:
        why.append(f"one shared party without a stated day on both ({a.date} / {b.date})")
    return why


def diagnose(split: str, cache: Path | None) -> None:
    pairs, mentions = split_mentions(split, cache)
    counts = Counter()
    for pair in (p for p in pairs if p.linkable):
        first = [m for m in mentions.get(pair.a, []) if m.type == pair.event_type]
        second = [m for m in mentions.get(pair.b, []) if m.type == pair.event_type]
        if not first or not second:
            counts["a: an article without a predicted event of the type"] += 1
            continue
        reasons = [refusal(a, b) for a in first for b in second]
        if any(not r for r in reasons):
            counts["b: both have it, the rule links them"] += 1
            continue
        best = min(reasons, key=len)
        counts["b: both have it, the rule keeps them apart"] += 1
        for reason in best:
            counts["   why: " + reason.split(" ")[0] + " " + (reason.split(" ")[1] if reason.startswith("no") or
                                                            reason.startswith("one") else "")] += 1
        print(f"{pair.a} ~ {pair.b} [{pair.event_type}] {pair.event[:70]}: {' | '.join(best)}")
    for name, count in sorted(counts.items()):
        print(f"{count:4d}  {name}")


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--diagnose", metavar="SPLIT", help="print why the rule fails on a split's pairs, and stop")
    parser.add_argument("--cache", type=Path, help="a folder to keep the splits' event mentions in (delete it "
                                                   "when a stage before linking changes)")
    args = parser.parse_args()
    if args.diagnose:
        diagnose(args.diagnose, args.cache)
        return 0
    train_pairs, train_mentions = split_mentions("train", args.cache)
    dev_pairs, dev_mentions = split_mentions("dev", args.cache)
    train = examples(train_pairs, train_mentions)
    vectorizer = DictVectorizer()
    x_train = vectorizer.fit_transform([r[0] for r in train])
    y_train = [r[1] for r in train]
    names = vectorizer.get_feature_names_out()
    rule_alone = link_figures(dev_pairs, dev_mentions, None)
    rule_alone_train = link_figures(train_pairs, train_mentions, None)
    best = None
    for c in (0.1, 0.3, 1.0, 3.0, 10.0):
        weights, bias = fit(x_train, y_train, names, c)
        for threshold in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
            for rule_threshold in sorted({0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, threshold}):
                if rule_threshold > threshold:
                    continue
                decision = LinkDecision(weights, bias, threshold, rule_threshold)
                dev = link_figures(dev_pairs, dev_mentions, decision)
                fitted = link_figures(train_pairs, train_mentions, decision)
                separation = dev["kept_apart"] / max(dev["hard_negatives"], 1)
                # dev holds too few pairs whose articles both have the event to choose recall on (see the
                # report): the dev split bounds the separation and gives the pairs linked; among what ties
                # there, the train split's linking chooses, pairs linked first (recall is far below its
                # target, separation above it), then hard negatives kept apart
                key = (separation >= SEPARATION, dev["linked"], dev["linked_eligible"], fitted["linked_eligible"],
                       fitted["kept_apart"], dev["kept_apart"], -c, threshold)
                if best is None or key > best[0]:
                    best = (key, c, threshold, rule_threshold, weights, bias, dev, fitted)
    _, c, threshold, rule_threshold, weights, bias, dev, fitted = best
    report = {
        "name": "link_decision",
        "about": "Logistic regression on event-mention pairs; see scripts/train_link_decision.py and "
                 "linimasa/link_features.py for the features.",
        "trained_on": {"split": "train", "mention_pairs": len(train), "positive": sum(y_train),
                       "by_type": dict(sorted(Counter(r[2] for r in train).items()))},
        "chosen_on": {"split": "dev", "C": c, "threshold": threshold, "rule_threshold": rule_threshold,
                      "linking": dev, "rule_alone": rule_alone, "separation_at_least": SEPARATION,
                      "train_linking_in_sample": fitted, "train_rule_alone": rule_alone_train},
        "threshold": threshold,
        "rule_threshold": rule_threshold,
        "bias": round(bias, 5),
        "weights": {name: round(w, 5) for name, w in sorted(weights.items())},
    }
    write_model(report, args.out)
    print(json.dumps(report["weights"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
