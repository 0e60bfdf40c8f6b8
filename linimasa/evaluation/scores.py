"""Scores of predictions against gold: per type, per field, linking; and the errors behind them.

The report is a plain dict whose layout is part of the contract (``linimasa eval --format json``), so that
scripts can compare runs: see shared/contract.md, "Evaluation report".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from linimasa.evaluation.gold import GoldArticle, GoldEvent
from linimasa.evaluation.matching import Match, match_article, participants_exact, same_city, sides_of_found
from linimasa.evaluation.pairs import ArticlePair
from linimasa.evaluation.predictions import Predictions
from linimasa.evaluation.spans import Locator, squash

REPORT_VERSION = 1
ERRORS_LISTED = 200  # per kind in the report; the counts are always complete


@dataclass
class _Tally:
    gold_primary: int = 0
    found_primary: int = 0
    predicted: int = 0
    matched_predictions: int = 0
    articles: int = 0
    matches: list[Match] = field(default_factory=list)

    def scores(self) -> dict:
        precision = self.matched_predictions / self.predicted if self.predicted else None
        recall = self.found_primary / self.gold_primary if self.gold_primary else None
        # A type with annotated events and nothing found scores 0, predictions or not: leaving it out of the
        # macro average (as when its precision is undefined) would reward a change that silences a type.
        # With no annotated events recall, and so F1, is undefined.
        if recall is None:
            f1 = None
        elif not recall or not precision:
            f1 = 0.0
        else:
            f1 = 2 * precision * recall / (precision + recall)
        return {"articles": self.articles, "gold": self.gold_primary, "found": self.found_primary,
                "predicted": self.predicted, "correct": self.matched_predictions,
                "precision": _round(precision), "recall": _round(recall), "f1": _round(f1)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _ratio(right: int, total: int) -> dict:
    return {"right": right, "of": total, "accuracy": _round(right / total) if total else None}


def _asserted(events: list, kind: str) -> list:
    return [e for e in events if e.type == kind and e.modality == "asserted"]


def _evidence_text(event, article_id: str) -> str:
    for item in event.evidence:
        if item.article_id == article_id and item.field == "trigger":
            return squash(item.text)
    return next((squash(i.text) for i in event.evidence if i.article_id == article_id), "")


def _describe_prediction(event, article_id: str) -> dict:
    return {"article_id": article_id, "type": event.type, "mode": event.mode, "date": event.date,
            "participants": [p.name for p in event.participants], "background": event.background,
            "evidence": _evidence_text(event, article_id)}


def _describe_gold(gold: GoldEvent, article_id: str) -> dict:
    return {"article_id": article_id, "type": gold.type, "mode": gold.mode, "date": gold.date,
            "participants": [p.name for p in gold.participants], "evidence": squash(gold.evidence or "")}


def field_scores(matches: list[Match], errors: list[dict] | None = None) -> dict:
    """Per-field accuracy over matched primary events; each field only where gold states it. Each wrong
    field is appended to ``errors`` (when given) with what was annotated and what linimasa gave."""
    counts = {name: [0, 0] for name in ("participants_exact", "sides", "date", "place_country", "place_city",
                                        "duration", "mode")}

    def tally(match: Match, name: str, right: bool, annotated, given) -> None:
        counts[name][1] += 1
        counts[name][0] += int(right)
        if not right and errors is not None:
            errors.append({"article_id": match.article_id, "type": match.gold.type, "field": name,
                           "annotated": annotated, "given": given,
                           "evidence": _evidence_text(match.predicted, match.article_id)})

    for match in matches:
        gold, predicted = match.gold, match.predicted
        if not gold.primary:
            continue
        tally(match, "participants_exact", participants_exact(gold, predicted),
              sorted(p.name for p in gold.participants), sorted(p.name for p in predicted.participants))
        for participant, side in sides_of_found(gold, predicted):
            tally(match, "sides", side == participant.side, f"{participant.name}: {participant.side}",
                  f"{participant.name}: {side}")
        if gold.date and len(gold.date) == 10:
            tally(match, "date", predicted.date == gold.date, gold.date, predicted.date)
        place = predicted.location
        if gold.location.country:
            tally(match, "place_country", place is not None and place.country == gold.location.country,
                  gold.location.country, place.country if place is not None else None)
        if gold.location.city:
            # one city by either of its names ("New York", "New York City"): docs/evaluation.md
            tally(match, "place_city", same_city(gold.location.city, gold.location.country, place),
                  gold.location.city, place.city if place is not None else None)
        if gold.duration_minutes is not None or predicted.duration_minutes is not None:
            tally(match, "duration", predicted.duration_minutes == gold.duration_minutes, gold.duration_minutes,
                  predicted.duration_minutes)
        if gold.mode:
            tally(match, "mode", predicted.mode == gold.mode, gold.mode, predicted.mode)
    return {name: _ratio(*pair) for name, pair in counts.items()}


def modality_scores(gold_articles: list[GoldArticle], predictions: Predictions) -> tuple[dict, list[dict]]:
    """Of the annotated non-asserted mentions (planned, negated, ...) that linimasa reports as an event of
    that type, how many it also marks as not asserted, and how many with the annotated modality."""
    seen = not_asserted = exact = 0
    wrongly_asserted = []
    for gold in gold_articles:
        rejections = [r for r in gold.rejected if r.modality]
        text = predictions.clean_text.get(gold.article_id)
        if not rejections or text is None:
            continue
        locator = Locator(text)
        for rejection in rejections:
            found = locator.find(rejection.text)
            if found is None:
                continue
            for event in predictions.for_article(gold.article_id):
                if event.type != rejection.type:
                    continue
                spans = [(e.start, e.end) for e in event.evidence
                         if e.article_id == gold.article_id and e.field == "trigger"]
                if not any(start < found[1] and found[0] < end for start, end in spans):
                    continue
                seen += 1
                not_asserted += event.modality != "asserted"
                exact += event.modality == rejection.modality
                if event.modality == "asserted":
                    wrongly_asserted.append({"article_id": gold.article_id, "type": rejection.type,
                                             "annotated": rejection.modality, "evidence": squash(rejection.text)})
                break
    return ({"mentions_reported": seen, "not_asserted": _ratio(not_asserted, seen)["accuracy"],
             "exact": _ratio(exact, seen)["accuracy"]}, wrongly_asserted)


def _has_type(predictions: Predictions, article_id: str, kind: str | None) -> bool:
    return any(e.type == kind for e in predictions.for_article(article_id))


def _shared_events(predictions: Predictions, first: str, second: str) -> list[dict]:
    """The events two articles share: what linked them, to tell a merged piece of news from an earlier
    event both recall."""
    ids = {id(e) for e in predictions.for_article(first)}
    return [{"type": e.type, "date": e.date, "participants": [p.name for p in e.participants],
             "background": e.background} for e in predictions.for_article(second) if id(e) in ids]


def linking_scores(pairs: list[ArticlePair], predictions: Predictions) -> tuple[dict, list[dict]]:
    same = [p for p in pairs if p.linkable]
    hard = [p for p in pairs if p.hard_negative]
    linked = [p for p in same if predictions.share_an_event(p.a, p.b)]
    both_have_events = [p for p in same if predictions.for_article(p.a) and predictions.for_article(p.b)]
    # the pairs linking alone answers for: both articles have a predicted event of the pair's type
    both_have_the_event = [p for p in same if _has_type(predictions, p.a, p.event_type)
                           and _has_type(predictions, p.b, p.event_type)]
    linked_of_those = [p for p in both_have_the_event if p in linked]
    merged = [p for p in hard if predictions.share_an_event(p.a, p.b)]
    errors = [{"a": p.a, "b": p.b, "kind": "not_linked", "event": p.event,
               "events_a": len(predictions.for_article(p.a)), "events_b": len(predictions.for_article(p.b))}
              for p in same if p not in linked]
    errors += [{"a": p.a, "b": p.b, "kind": "wrongly_linked", "event": p.event,
                "shared": _shared_events(predictions, p.a, p.b)} for p in merged]
    return ({
        "same_event_pairs": len(same), "linked": len(linked),
        "same_event_pairs_not_plover": sum(1 for p in pairs if p.same_event and not p.linkable),
        "recall": _round(len(linked) / len(same)) if same else None,
        "pairs_with_events_on_both_sides": len(both_have_events),
        "pairs_with_the_event_on_both_sides": len(both_have_the_event),
        "linked_where_both_sides_have_the_event": len(linked_of_those),
        "recall_where_both_sides_have_the_event": (_round(len(linked_of_those) / len(both_have_the_event))
                                                   if both_have_the_event else None),
        "hard_negatives": len(hard), "kept_apart": len(hard) - len(merged),
        "separation": _round((len(hard) - len(merged)) / len(hard)) if hard else None,
    }, errors)


def score(gold_articles: list[GoldArticle], predictions: Predictions, pairs: list[ArticlePair] = ()) -> dict:
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    misses, false_positives = [], []
    for gold in gold_articles:
        predicted_here = predictions.for_article(gold.article_id)
        for kind in sorted(gold.types_annotated):
            gold_events = [e for e in gold.events if e.type == kind]
            predicted = _asserted(predicted_here, kind)
            if not gold_events and not predicted:
                tallies[kind].articles += 1
                continue
            tally = tallies[kind]
            tally.articles += 1
            matches, unmatched, extra = match_article(gold_events, predicted)
            for match in matches:
                match.article_id = gold.article_id
            tally.matches.extend(matches)
            tally.gold_primary += sum(e.primary for e in gold_events)
            tally.found_primary += sum(m.gold.primary for m in matches)
            tally.predicted += len(predicted)
            tally.matched_predictions += len(matches)
            misses += [_describe_gold(e, gold.article_id) for e in unmatched if e.primary]
            false_positives += [_describe_prediction(e, gold.article_id) for e in extra]
    types = {kind: tallies[kind].scores() for kind in sorted(tallies)}
    field_errors: list[dict] = []
    scored_other = [types[k] for k in types if k != "CONSULT" and types[k]["gold"]]
    modality, wrongly_asserted = modality_scores(gold_articles, predictions)
    linking, link_errors = linking_scores(list(pairs), predictions)
    return {
        "version": REPORT_VERSION,
        "articles": len(gold_articles),
        "types": types,
        "other_types_macro_f1": _round(sum(t["f1"] for t in scored_other) / len(scored_other)) if scored_other else None,
        "fields": {kind: field_scores(tallies[kind].matches, field_errors) for kind in sorted(tallies)
                   if tallies[kind].matches},
        "modality": modality,
        "linking": linking,
        "errors": {
            "misses": misses[:ERRORS_LISTED], "false_positives": false_positives[:ERRORS_LISTED],
            "wrongly_asserted": wrongly_asserted[:ERRORS_LISTED], "linking": link_errors[:ERRORS_LISTED],
            "fields": field_errors[:ERRORS_LISTED],
        },
        "seconds": round(predictions.seconds, 2),
    }
