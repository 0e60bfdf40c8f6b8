"""The linking rule: when an event mention may join an event, and which it joins.

Two mentions from different articles are the same real event when (thresholds in ``RULE``; the events
stage has already told apart the events of one article, so mentions of one article never merge here):

- they have the same PLOVER type;
- their dates are compatible: equal, or one contains the other ("2014-10" contains "2014-10-14"), or one is the other's
  weekday-consistent alternative (a weekday conflict: the named weekday falls one day off the date). A mention
  with no date links only to an event sharing ``undated_min_shared`` parties; a
  date the article only lends from context (the time stage's basis is not clause, sentence or lead) may be
  ``borrowed_window_days`` off;
- their places are compatible: unknown on either side, the same place, or a city inside the other's country;
- they share at least ``min_shared`` party (by knowledge-base id, or kind and name when unresolved); across
  articles one shared party is enough only when both dates are days, else ``undated_min_shared``;
- a telephone call and a meeting are never the same event;
- their modalities agree: an article announcing a meeting is not a report that it was held.

Among the events a mention could join it joins the one it shares most with (parties, then place, then
date). The learned decision (:mod:`linimasa.link_judge`) uses the rule as its fallback; :mod:`linimasa.link` links
with either. How the linked mentions become one record is :mod:`linimasa.link_merge`.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from linimasa.dates import bounds as date_bounds
from linimasa.dates import precision
from linimasa.link_keys import STATED_DATE_BASES, participant_key
from linimasa.model import INFERRED_PLACE_BASES, Event, Location, Participant

RULE = {
    "borrowed_window_days": 3,
    "min_shared": 1,
    "undated_min_shared": 2,
}


def dates_compatible(a: str | None, b: str | None, a_alternatives=(), b_alternatives=()) -> bool:
    """Equal, one containing the other, or one the other's weekday-consistent alternative."""
    if not a or not b:
        return True
    if a == b or a.startswith(b + "-") or b.startswith(a + "-"):
        return True
    # a weekday conflict offers the weekday's day (one day off) as an alternative reading of the same date
    return b in a_alternatives or a in b_alternatives or bool(set(a_alternatives) & set(b_alternatives))


def locations_compatible(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.kb_id and a.kb_id == b.kb_id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.city and b.city:
        return a.city == b.city
    return True


def shared_parties(a: list[Participant], b: list[Participant]) -> int:
    """How many parties two lists share. A generic actor named by a common noun (kind ``agent``: "polisi",
    "mahasiswa") is not evidence that two mentions tell one event: the police of two arrests are two."""
    keys_a = {participant_key(p) for p in a if p.kind != "agent"}
    return len(keys_a & {participant_key(p) for p in b if p.kind != "agent"})


def participants_overlap(a: list[Participant], b: list[Participant]) -> bool:
    return shared_parties(a, b) >= RULE["min_shared"]


@dataclass
class Cluster:
    members: list[Event] = field(default_factory=list)
    id: str | None = None  # kept from an existing event
    links: list[dict] = field(default_factory=list)  # why each further mention joined
    member_articles: set[str | None] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.member_articles = {m.article_id for m in self.members}

    def add(self, mention: Event) -> None:
        self.members.append(mention)
        self.member_articles.add(mention.article_id)

    def articles(self) -> set[str | None]:
        return {m.article_id for m in self.members} | {e.article_id for m in self.members for e in m.evidence}

    def participants(self) -> list[Participant]:
        return [p for m in self.members for p in m.participants]


def dates_fit(a: Event, b: Event) -> bool:
    """Compatible dates; a date only borrowed from the article's context may be ``borrowed_window_days`` off."""
    if dates_compatible(a.date, b.date, a.date_alternatives, b.date_alternatives):
        return True
    if a.date_basis in STATED_DATE_BASES and b.date_basis in STATED_DATE_BASES:
        return False
    first, second = _day_bounds(a.date), _day_bounds(b.date)
    window = RULE["borrowed_window_days"]
    return bool(first and second) and first[0] - dt.timedelta(window) <= second[1] and second[0] - dt.timedelta(window) <= first[1]


def _stated_place(mention: Event) -> Location | None:
    """The place a sentence of the report states; an inferred one (dateline, the parties' country) is not
    evidence against joining another report that states a different one."""
    return None if mention.location_basis in INFERRED_PLACE_BASES else mention.location


@functools.lru_cache(maxsize=8192)
def _day_bounds(value: str | None):
    """:func:`linimasa.dates.bounds`, remembered: linking compares the same few thousand dates many times."""
    return date_bounds(value)


def fits(cluster: Cluster, mention: Event) -> int | None:
    """How well a mention fits a cluster (higher is better), or None when it must not join."""
    score = 0
    if mention.article_id in cluster.member_articles:
        return None  # the events stage already told apart the events of one article
    for member in cluster.members:
        if member.type != mention.type:
            return None
        if not dates_fit(member, mention):
            return None
        if not locations_compatible(_stated_place(member), _stated_place(mention)):
            return None
        if member.modality != mention.modality:
            return None
        if (member.mode == "phone") != (mention.mode == "phone"):
            return None  # a call and a meeting are two events
    shared = shared_parties(cluster.participants(), mention.participants)
    dated = mention.date and any(m.date for m in cluster.members)
    if shared < RULE["min_shared"]:
        return None
    if dated:
        same_day = precision(mention.date) == 3 and any(precision(m.date) == 3 for m in cluster.members)
        if shared < RULE["undated_min_shared"] and not same_day:
            return None  # one shared party links across articles only on a stated day
    elif shared < RULE["undated_min_shared"]:
        return None
    score += 10 * shared
    if mention.location and any(m.location and m.location.kb_id == mention.location.kb_id for m in cluster.members):
        score += 2
    if mention.date and any(m.date == mention.date for m in cluster.members):
        score += 1
    return score


def rule_choice(candidates: list[Cluster], mention: Event) -> tuple[Cluster | None, dict | None]:
    """The rule alone: the fitting event the mention shares most with."""
    best, best_score = None, None
    for cluster in candidates:
        score = fits(cluster, mention)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = cluster, score
    if best is None:
        return None, None
    return best, {"article_id": mention.article_id, "mention": mention.id, "with": best.members[0].article_id,
                  "by": "rule", "score": None, "threshold": None,
                  "features": [{"feature": "rule_fit", "value": best_score, "weight": None}]}
