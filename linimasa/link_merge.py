"""How the mentions of one real event become its one record.

The merged event takes the union of parties (each with the name and role most sources give; of an event
many reports tell, not what a small minority of them name), the most
precise date the sources agree on (a date the text states over one lent from context), the most specific
place (a stated place over an inferred one), the length most sources give, the union of topics and every
source's evidence; it is asserted if any source asserts it, and background only if every source recalls it
as background. Which mentions are one event is decided in :mod:`linimasa.link`.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from linimasa.dates import precision
from linimasa.link_keys import STATED_DATE_BASES
from linimasa.model import (
    DATED_PLACE,
    DATELINE_PLACE,
    INFERRED_PLACE_BASES,
    SEAT_PLACE,
    Event,
    Evidence,
    Location,
    Participant,
)


def _most_common(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def merged_event(members: list[Event], event_id: str | None = None, links: list | None = None) -> Event:
    """One event of the mentions one real event was told by; ``event_id`` is the id it already has in the store
    (a new one is made from its first mention's id otherwise), ``links`` the evidence of how its members were
    joined."""
    if len(members) == 1 and event_id:
        return members[0]
    links = [link for m in members for link in m.links] + list(links or [])
    first = min(members, key=lambda m: m.id)
    event_id = event_id or "ev-" + hashlib.sha1(first.id.encode()).hexdigest()[:12]
    stated = [m for m in members if m.date and m.date_basis in STATED_DATE_BASES] or members
    best_precision = max(precision(m.date) for m in stated)
    dated = [m for m in stated if precision(m.date) == best_precision and m.date]
    date_value = _most_common([m.date for m in dated])
    date_source = next((m for m in dated if m.date == date_value), None)
    location, location_basis = _merge_location(members)
    asserted = [m for m in members if m.modality == "asserted"]
    evidence: list[Evidence] = []
    seen: set[tuple] = set()  # an event of many reports has thousands of pieces: a list search was quadratic
    for m in members:
        for item in m.evidence:
            key = (item.article_id, item.field, item.text, item.start, item.end)
            if key not in seen:
                seen.add(key)
                evidence.append(item)
    topics: Counter = Counter()
    order: list[str] = []
    for m in members:
        for t in m.topics:
            topics[t] += 1
            if t not in order:
                order.append(t)
    summary_source = max(asserted or members, key=lambda m: (m.confidence, len(m.evidence), m.id != first.id))
    return Event(
        id=event_id,
        type=first.type,
        mode=_most_common([m.mode for m in members]),
        modality="asserted" if asserted else _most_common([m.modality for m in members]),
        date=date_value,
        date_flags=list(date_source.date_flags) if date_source else [],
        date_alternatives=list(date_source.date_alternatives) if date_source else [],
        date_basis=date_source.date_basis if date_source else None,
        location=location,
        location_basis=location_basis,
        participants=_merge_participants(members),
        duration_minutes=_most_common([m.duration_minutes for m in members]),
        topics=sorted(order, key=lambda t: (-topics[t], order.index(t))),
        summary=summary_source.summary,
        article_id=first.article_id,
        trigger=first.trigger,
        evidence=evidence,
        background=all(m.background for m in members),
        confidence=round(min(1.0, max(m.confidence for m in members) + 0.05 * (len(members) - 1)), 2),
        signature=first.signature,
        links=links,
    )


def _merge_location(members: list[Event]) -> tuple[Location | None, str | None]:
    """The place most sources state, a city over a country, a stated place over an inferred one (a dateline's
    city over a party's seat, a seat over the parties' country)."""
    located = [m for m in members if m.location]
    stated = ([m for m in located if m.location_basis not in INFERRED_PLACE_BASES]
              or [m for m in located if m.location_basis == DATED_PLACE]
              or [m for m in located if m.location_basis == DATELINE_PLACE]
              or [m for m in located if m.location_basis == SEAT_PLACE] or located)
    if not stated:
        return None, None
    pool = [m for m in stated if m.location.city] or stated
    key = _most_common([(m.location.kb_id, m.location.name) for m in pool])
    chosen = next(m for m in pool if (m.location.kb_id, m.location.name) == key)
    return chosen.location, chosen.location_basis


# A party fewer than one in this many of an event's reports name, when five or more report it, is left out.
MINORITY_SHARE = 4
MINORITY_REPORTS = 5


def _merge_participants(members: list[Event]) -> list[Participant]:
    """The parties of every report, each once. A party the knowledge base does not know is one by its name,
    whatever kind each report took it for ("Lisa Mariana" as a person in one report, an organisation in
    another). Of an event five or more reports tell, a party fewer than a quarter of them name is left out: a
    widely reported event names its parties in many reports, and what only one names is mostly what that one
    also tells ("sidang kabinet paripurna" with the countries of the President's speech in one report)."""
    grouped: dict[str, list[Participant]] = {}
    support: dict[str, set[str]] = {}
    for m in members:
        for p in m.participants:
            key = p.kb_id or f"name:{p.name.casefold()}"
            grouped.setdefault(key, []).append(p)
            support.setdefault(key, set()).add(m.article_id or m.id)
    reports = len({m.article_id or m.id for m in members})
    if reports >= MINORITY_REPORTS:
        grouped = {k: v for k, v in grouped.items() if len(support[k]) * MINORITY_SHARE >= reports}
    merged = []
    for versions in grouped.values():
        base = versions[0]
        merged.append(
            Participant(
                name=_most_common([p.name for p in versions]),
                mention=_most_common([p.mention for p in versions]),
                country=_most_common([p.country for p in versions]),
                role=_most_common([p.role for p in versions]),
                kind=_most_common([p.kind for p in versions]) or base.kind,
                kb_id=base.kb_id,
                side=_most_common([p.side for p in versions]),
            )
        )
    people = [p for p in merged if p.kind != "country"]
    represented = {p.country for p in people if p.country}
    return people + [p for p in merged if p.kind == "country" and p.country not in represented]
