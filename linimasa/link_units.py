"""Linking units: the parts of a set of event mentions that linking can never connect to each other.

Linking (linimasa/link.py), by the rule or the learned decision, puts a mention into an event only when it
shares a party block with one of the event's members (:func:`linimasa.link_index.blocking_keys`) and fits every member: the same type, modality and
kind of contact (a call is not a meeting), and dates that can be one day (:func:`linimasa.link_rule.dates_fit`).
So every event lies inside one connected part of the graph whose edges join two mentions that share a
block and could fit each other, and a mention is only ever compared with events that are in its own part
or that it cannot join: linking each part alone gives exactly the events that linking all of them gives
(the order linking takes mentions in is one global order, the same inside every part).

:func:`linking_units` finds these parts, or a little more: the edges here keep to what is cheap to test,
type, modality, call or not, and date *spans* (a date, its alternative readings and the days a borrowed
date may be off, as a range of days) that overlap; a mention without a date fits any date. A coarser unit
is still exact, it only links more. Incremental linking (linimasa/engine/corpus.py) relinks the units its
new and removed mentions are in, not the whole party group (a party such as Indonesia gathers thousands of
mentions over the years; a new one can reach only those dated near it).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from linimasa.dates import bounds as date_bounds
from linimasa.link_index import blocking_keys
from linimasa.link_keys import participant_key
from linimasa.link_rule import RULE
from linimasa.model import Event

Span = tuple[int, int] | None  # first and last day (ordinals); None: any day


def date_span(mention: Event) -> Span:
    """The days the mention's date can be read as when linking compares it: its date and alternative
    readings, widened by the days a date borrowed from context may be off; None when undated (or a date that
    does not read as days), which fits any date."""
    values = [mention.date, *mention.date_alternatives] if mention.date else []
    if not values:
        return None
    days = [date_bounds(value) for value in values]
    if not all(days):
        return None
    window = dt.timedelta(days=RULE["borrowed_window_days"])
    return (min(first for first, _ in days) - window).toordinal(), (max(last for _, last in days) + window).toordinal()


BRIEF_FIELDS = ("id", "type", "mode", "modality", "date", "date_alternatives", "date_basis", "participants",
                "location", "location_basis", "article_id", "trigger")


def brief_mention(data: dict) -> Event:
    """A stored mention (its JSON object) with only what :func:`linking_units` and the tests of the rule
    read (linimasa/link_replay.py orders, files and tests members by it): building the evidence and article
    signature of thousands of mentions would cost more than the cut saves."""
    return Event.from_dict({name: data[name] for name in BRIEF_FIELDS if name in data})


def _named_parties(mention: Event) -> int:
    """The parties that count as shared when linking (:func:`linimasa.link.shared_parties`)."""
    return len({participant_key(p) for p in mention.participants if p.kind != "agent"})


@dataclass(frozen=True, slots=True)
class UnitKey:
    """What :func:`linking_units` reads of a mention: its kind (type, modality, a call or not), its date span,
    whether it is dated, how many named parties it has, and the blocks it is filed under. The store keeps it
    with each linked mention (``event_mentions.unit_key``), so a link step cuts the mentions it reaches into
    units without reading them whole."""

    id: str
    kind: tuple[str, str, bool]
    span: Span
    dated: bool
    named: int
    blocks: tuple[str, ...]

    @classmethod
    def of(cls, mention: Event) -> "UnitKey":
        return cls(mention.id, (mention.type, mention.modality, mention.mode == "phone"), date_span(mention),
                   bool(mention.date), _named_parties(mention), tuple(sorted({b for b, _ in blocking_keys(mention)})))

    def to_json(self) -> str:
        return json.dumps([list(self.kind), list(self.span) if self.span else None, self.dated, self.named,
                           list(self.blocks)], ensure_ascii=False)

    @classmethod
    def from_json(cls, mention_id: str, text: str) -> "UnitKey":
        kind, span, dated, named, blocks = json.loads(text)
        return cls(mention_id, tuple(kind), tuple(span) if span else None, dated, named, tuple(blocks))


class _Parts:
    """Union-find over mention ids."""

    def __init__(self, ids: Iterable[str]):
        self.parent = {i: i for i in ids}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, a: str, b: str) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def linking_units(mentions: list[Event], learned: bool = False) -> list[list[Event]]:
    """The mentions cut into units that linking never connects, each in the order given. ``learned``: for
    the learned decision, which may join an undated mention to an event it shares one party with (the rule
    asks two)."""
    by_id = {m.id: m for m in mentions}
    return [[by_id[i] for i in unit] for unit in cut_units([UnitKey.of(m) for m in mentions], learned)]


def cut_units(keys: list[UnitKey], learned: bool = False) -> list[list[str]]:
    """:func:`linking_units` over the mentions' :class:`UnitKey`: the units as lists of mention ids, each in
    the order given."""
    parts = _Parts(k.id for k in keys)
    groups: dict[tuple, list[tuple[Span, str]]] = {}
    for key in keys:
        if not learned and key.span is None and not key.dated and key.named < RULE["undated_min_shared"]:
            continue  # undated, it joins only an event it shares two parties with, and none joins it: alone
        for block in key.blocks:
            groups.setdefault((key.kind, block), []).append((key.span, key.id))
    for members in groups.values():
        undated = [mention_id for span, mention_id in members if span is None]
        if undated:  # a mention without a date fits every date of its block: the block is one unit
            for _, mention_id in members:
                parts.join(undated[0], mention_id)
            continue
        reach, first_of_run = None, None
        for (first, last), mention_id in sorted(members):
            if reach is not None and first <= reach:
                parts.join(first_of_run, mention_id)  # overlaps the run of spans before it
                reach = max(reach, last)
            else:
                first_of_run, reach = mention_id, last
    units: dict[str, list[str]] = {}
    for key in keys:
        units.setdefault(parts.find(key.id), []).append(key.id)
    return list(units.values())


def units_reached(mentions: list[Event], seeds: set[str], learned: bool = False) -> list[Event]:
    """The mentions in the units of ``seeds`` (mention ids), in the order given."""
    return [m for unit in linking_units(mentions, learned) if any(m.id in seeds for m in unit) for m in unit]


def unit_ids_reached(keys: list[UnitKey], seeds: set[str], learned: bool = False) -> list[str]:
    """The ids of the mentions in the units of ``seeds``, in the order given."""
    return [i for unit in cut_units(keys, learned) if any(i in seeds for i in unit) for i in unit]
