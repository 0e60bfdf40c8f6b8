"""Agreement between two independent annotation passes over the same articles.

Pass A is taken as reference and pass B as response, matched with the development set's rule
(:mod:`linimasa.evaluation.matching`) per article and type: event F1 is then symmetric in the two passes'
roles up to the greedy order. On matched events: participants exact, same date, same mode.
"""

from __future__ import annotations

from collections import Counter

from linimasa.evaluation.gold import GoldArticle
from linimasa.evaluation.matching import match_article, participants_exact


class AsPrediction:
    """A gold event seen as a prediction by the matcher."""

    def __init__(self, event):
        self.event = event
        self.participants = event.participants
        self.date = event.date
        self.mode = event.mode


def agreement(first: list[GoldArticle], second: list[GoldArticle]) -> dict:
    by_id = {g.article_id: g for g in second}
    counts: Counter = Counter()
    per_type: dict[str, Counter] = {}
    for a in first:
        b = by_id.get(a.article_id)
        if b is None:
            continue
        counts["articles"] += 1
        for kind in sorted({e.type for e in a.events} | {e.type for e in b.events}):
            ours = [e for e in a.events if e.type == kind]
            theirs = [AsPrediction(e) for e in b.events if e.type == kind]
            matches, _, _ = match_article(ours, theirs)
            tally = per_type.setdefault(kind, Counter())
            tally["a"] += len(ours)
            tally["b"] += len(theirs)
            tally["matched"] += len(matches)
            for match in matches:
                counts["matched"] += 1
                counts["participants_same"] += participants_exact(match.gold, match.predicted)
                counts["date_same"] += match.gold.date == match.predicted.date
                counts["mode_same"] += match.gold.mode == match.predicted.mode
        counts["a"] += len(a.events)
        counts["b"] += len(b.events)
        counts["both_empty"] += not a.events and not b.events
        counts["rejected_a"] += len(a.rejected)
        counts["rejected_b"] += len(b.rejected)

    def f1(tally: Counter) -> float | None:
        total = tally["a"] + tally["b"]
        return round(2 * tally["matched"] / total, 4) if total else None

    matched = counts["matched"]
    return {
        "articles": counts["articles"],
        "events_a": counts["a"], "events_b": counts["b"], "matched": matched,
        "event_f1": f1(counts),
        "consult_f1": f1(per_type.get("CONSULT", Counter())),
        "per_type_f1": {kind: f1(t) for kind, t in sorted(per_type.items())},
        "participants_exact": round(counts["participants_same"] / matched, 4) if matched else None,
        "date_same": round(counts["date_same"] / matched, 4) if matched else None,
        "mode_same": round(counts["mode_same"] / matched, 4) if matched else None,
        "articles_both_without_events": counts["both_empty"],
    }
