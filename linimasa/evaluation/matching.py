"""The matching rule of the shared development set (shared/annotations/README.md), reproduced exactly.

Per article, each gold event is matched greedily to the predicted asserted event of that article (and
type) with the most participants in common; it matches when at least two gold participants are found (or
all of them when gold has one). A participant matches by its last name token (or as the article spells
it), by two shared name tokens, or an unnamed predicted participant of the same country. Every unmatched
prediction in an annotated article is a false positive; a primary gold event left unmatched is a miss.

Where the README leaves an order open, primary gold events are matched before background ones, each in
the order annotated, so a background recall never takes the prediction of the article's news.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol

from linimasa.evaluation.gold import GoldEvent, GoldParticipant

_TOKEN = re.compile(r"[a-z0-9]+")
# Kinds of predicted participant that carry no person's or organisation's name: a country standing for its
# government, or an office named without its holder.
UNNAMED_KINDS = frozenset({"country", "role"})


class PredictedParticipant(Protocol):
    name: str
    mention: str | None
    country: str | None
    kind: str | None


def fold(text: str | None) -> str:
    return unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().casefold()


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(fold(text))


def participant_matches(gold: GoldParticipant, predicted: PredictedParticipant) -> bool:
    names = set(tokens(predicted.name)) | set(tokens(predicted.mention))
    gold_tokens = tokens(gold.name)
    if gold_tokens and gold_tokens[-1] in names:
        return True
    spelled = tokens(gold.mention)
    if spelled and spelled[-1] in names:
        return True
    if len(set(gold_tokens) & set(tokens(predicted.name))) >= 2:
        return True
    unnamed = not predicted.name or getattr(predicted, "kind", None) in UNNAMED_KINDS
    return unnamed and gold.country is not None and predicted.country == gold.country


def participants_found(gold: GoldEvent, predicted) -> int:
    """How many gold participants some predicted participant matches."""
    return sum(1 for g in gold.participants if any(participant_matches(g, p) for p in predicted.participants))


def is_match(gold: GoldEvent, found: int) -> bool:
    needed = min(2, len(gold.participants))
    return needed > 0 and found >= needed


def participants_exact(gold: GoldEvent, predicted) -> bool:
    """The same set of participants, none extra: a one-to-one pairing where every pair matches."""
    golds, preds = list(gold.participants), list(predicted.participants)
    if len(golds) != len(preds):
        return False
    used: set[int] = set()

    def assign(index: int) -> bool:  # small sets: plain backtracking
        if index == len(golds):
            return True
        for j, p in enumerate(preds):
            if j not in used and participant_matches(golds[index], p):
                used.add(j)
                if assign(index + 1):
                    return True
                used.discard(j)
        return False

    return assign(0)


def sides_of_found(gold: GoldEvent, predicted) -> list[tuple[GoldParticipant, str | None]]:
    """(gold participant, side linimasa gives it) for each gold participant annotated as actor or recipient
    that one predicted participant matches: who did what to whom, scored only where the party was found.
    CONSULT's sides are left out (the guide codes everyone at talks an actor, sides only for a visit)."""
    if gold.type == "CONSULT":
        return []
    found = []
    for g in gold.participants:
        if g.side not in ("actor", "recipient"):
            continue
        matching = [p for p in predicted.participants if participant_matches(g, p)]
        if matching:  # the closest by name: "Tasikmalaya City Police" is "Tasikmalaya Police", not "Polri"
            named = set(tokens(g.name))
            closest = max(matching, key=lambda p: len(named & (set(tokens(p.name)) | set(tokens(p.mention)))))
            found.append((g, getattr(closest, "side", None)))
    return found


@dataclass(slots=True)
class Match:
    gold: GoldEvent
    predicted: object  # a linimasa Event
    article_id: str = ""


def match_article(gold_events: list[GoldEvent], predicted: list) -> tuple[list[Match], list[GoldEvent], list]:
    """(matches, gold events left unmatched, predictions left unmatched) for one article and one type."""
    order = sorted(range(len(gold_events)), key=lambda i: (not gold_events[i].primary, i))
    free = list(predicted)
    matches, unmatched = [], []
    for index in order:
        gold = gold_events[index]
        best, best_found = None, 0
        for candidate in free:
            found = participants_found(gold, candidate)
            if found > best_found:
                best, best_found = candidate, found
        if best is not None and is_match(gold, best_found):
            matches.append(Match(gold, best))
            free.remove(best)
        else:
            unmatched.append(gold)
    return matches, unmatched, free


def same_city(annotated: str, country: str | None, location, kb=None) -> bool:
    """Whether a predicted location's city is the annotated one: the same name, or, since annotators write
    one city several ways ("New York" and "New York City", "Naypyidaw" and "Nay Pyi Taw"), a name the
    knowledge base (``kb``, else the shipped one) resolves, in the annotated country, to the very place
    predicted. Never a nearby or containing place: only the identity of the two resolutions counts."""
    if location is None or not location.city:
        return False
    if fold(location.city) == fold(annotated):
        return True
    if kb is None:
        from linimasa.kb import load_kb

        kb = load_kb()
    place = kb.place(annotated, country)
    if place is None or not place.city or not place.kb_id:
        return False
    predicted = location.kb_id or getattr(kb.place(location.city, location.country), "kb_id", None)
    return predicted == place.kb_id and location.country == place.country
