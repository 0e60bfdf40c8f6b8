"""Candidate retrieval for linking: events filed by type and party within a year (the blocks), so a mention is
compared only with events it could join, and incremental linking knows what a change can reach."""

from __future__ import annotations

from linimasa.link_keys import participant_key
from linimasa.link_rule import Cluster
from linimasa.model import Event


class BlockIndex:
    """Clusters by type and party within a year: a mention is compared with the events sharing one of its
    parties within a year of its date (or undated). The learned decision searches the same blocks as the rule
    (it once also searched events of the type dated within a week, whatever their parties; that was not
    local to a linking unit, so a run could not relink only what it reached)."""

    def __init__(self) -> None:
        self.blocks: dict[tuple[str, str, int | None], list[Cluster]] = {}
        self.years: dict[tuple[str, str], set[int | None]] = {}
        self.order: dict[int, int] = {}  # cluster id -> creation rank, for a deterministic candidate order
        self.keys: dict[int, set] = {}

    def add(self, cluster: Cluster, member: Event) -> None:
        self.order.setdefault(id(cluster), len(self.order))
        keys = self.keys.setdefault(id(cluster), set())
        year = year_of(member.date)
        for p in member.participants:
            key = (member.type, participant_key(p), year)
            if key not in keys:
                keys.add(key)
                self.blocks.setdefault(key, []).append(cluster)
                self.years.setdefault(key[:2], set()).add(year)

    def candidates(self, mention: Event) -> list[Cluster]:
        year = year_of(mention.date)
        keys = []
        for p in mention.participants:
            party = (mention.type, participant_key(p))
            years = self.years.get(party, set())
            wanted = years if year is None else {year - 1, year, year + 1, None} & years
            keys.extend((*party, y) for y in wanted)
        found = {id(c): c for k in keys for c in self.blocks.get(k, ())}
        return sorted(found.values(), key=lambda c: self.order[id(c)])


def year_of(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def blocking_keys(mention: Event) -> set[tuple[str, int | None]]:
    """The party blocks :class:`BlockIndex` files a mention under, as (type and party, year): two mentions
    are ever compared, and so can end up in one event, only when they share a type and party in years one
    searches the other in (:func:`years_searched`), under the rule and the learned decision alike. Incremental linking (linimasa/engine/corpus.py) relies on it to relink
    only what a change can reach; a candidate retrieval that compares more must file under more blocks here
    before it is used by a run."""
    year = year_of(mention.date)
    return {(f"{mention.type}\t{participant_key(p)}", year) for p in mention.participants}


def years_searched(year: int | None) -> set[int] | None:
    """The years whose blocks (of one type and party) a block of ``year`` is compared with, besides undated
    ones, which are always: a year either side; every year (None) for an undated block."""
    return None if year is None else {year - 1, year, year + 1}
