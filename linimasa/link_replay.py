"""Relinking a linking unit after a change by replaying the stored links where nothing changed.

:func:`linimasa.link.link_events` takes a unit's mentions in one global order, and each mention's choice
depends only on the candidate events it meets then: the events holding a member that shares one of its
blocks, each with the members it has at that point, in the order they were made. The store holds what
linking the unit gave before the change (each mention's event, every event's links), so the run before the
change can be told mention by mention: a stored event at any point holds exactly its members that come
before that point in the order.

:func:`relink_unit` runs linking over the unit again and keeps, for each event it builds, whether it is
still *clean*: its members so far are exactly the members its stored event had at that point. An event
stops being clean when it takes a new mention or a member of another event, or when a member of its stored
event goes elsewhere or was removed; once not clean it never is again. A stored mention then chooses as it
did before (its decision is not computed again) unless one of its candidates is not clean: the clean
candidates are the very events it met before, with the same members and the same order, so they score as
they did. When some candidate is not clean but its own stored event is, the event it chose before is still
the best of the clean ones, so only that one and the candidates that are not clean are compared (ties go
to the earlier event, as in ``link_events``). A new mention, or one whose stored event is not clean, is
decided over all its candidates.

So the step compares and decodes only what the change can alter: the new mentions, the mentions that meet
an event the change altered, and the members of the events it rebuilds. Events that end clean are the
stored ones, unchanged, and are not built. The result is what ``link_events`` over the unit gives
(tests/test_incremental_linking.py checks it against a full relink after random runs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from linimasa.link import link_order
from linimasa.link_index import BlockIndex, year_of
from linimasa.link_judge import Judge
from linimasa.link_keys import participant_key
from linimasa.link_rule import Cluster, rule_choice
from linimasa.link_merge import merged_event
from linimasa.model import Event


@dataclass(frozen=True)
class _Replayed:
    """The link of a mention that chose as it did before: the one its stored event keeps."""

    mention: str
    event: str


@dataclass
class UnitLinks:
    """What relinking a unit gave: the event of every mention, the events that are not the stored ones
    (built), and how many mentions were decided again (compared with candidates)."""

    event_of: dict[str, str] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    decided: int = 0


class _Replay:
    def __init__(self, stored: dict[str, str | None], dirty_events: set[str], full: Callable[[Event], Event], model):
        self.stored = stored
        self.full = full
        self.judge = Judge(model, full=full) if model is not None else None
        self.index = BlockIndex()
        self.clusters: list[Cluster] = []
        self.origin: dict[int, str] = {}  # clean cluster -> its stored event
        self.counterpart: dict[str, Cluster] = {}  # stored event -> the clean cluster holding its members so far
        self.dirty_events = set(dirty_events)  # stored events no cluster equals any more
        self.dirty_years: dict[tuple[str, str], set[int | None]] = {}  # blocks holding a cluster that is not clean
        self.decided = 0

    def clean(self, cluster: Cluster) -> bool:
        return id(cluster) in self.origin

    def link(self, mentions: list[Event]) -> None:
        for mention in sorted(mentions, key=link_order):
            event = self.stored.get(mention.id)
            if event is None or event in self.dirty_events:
                best, link = self.decide(self.index.candidates(mention), mention)
            elif not self.meets_dirty(mention):
                best, link = self.counterpart.get(event), _Replayed(mention.id, event)
            else:
                before = self.counterpart.get(event)
                best, link = self.decide([c for c in self.index.candidates(mention)
                                          if c is before or not self.clean(c)], mention)
            self.place(mention, event, best, link)

    def decide(self, candidates: list[Cluster], mention: Event) -> tuple[Cluster | None, dict | None]:
        self.decided += 1
        if self.judge is None:
            return rule_choice(candidates, mention)
        return self.judge.choose(candidates, self.full(mention))

    def meets_dirty(self, mention: Event) -> bool:
        """Whether a cluster that is not clean is among the mention's candidates (by the blocks searched)."""
        year = year_of(mention.date)
        for p in mention.participants:
            years = self.dirty_years.get((mention.type, participant_key(p)))
            if years and (year is None or not years.isdisjoint((year - 1, year, year + 1, None))):
                return True
        return False

    def place(self, mention: Event, event: str | None, best: Cluster | None, link) -> None:
        if best is None:
            best = Cluster()
            self.clusters.append(best)
            if event is not None and event not in self.dirty_events and event not in self.counterpart:
                self.origin[id(best)] = event
                self.counterpart[event] = best
            else:
                self.dirty_event(event)
        else:
            if link is not None:
                best.links.append(link)
            if not (self.clean(best) and event is not None and self.origin[id(best)] == event
                    and event not in self.dirty_events):
                self.dirty_cluster(best)
                self.dirty_event(event)
        best.add(mention)
        self.index.add(best, mention)
        if not self.clean(best):
            self.file_dirty(best)

    def dirty_event(self, event: str | None) -> None:
        if event is None:
            return
        self.dirty_events.add(event)
        cluster = self.counterpart.get(event)
        if cluster is not None and self.clean(cluster):
            self.dirty_cluster(cluster)

    def dirty_cluster(self, cluster: Cluster) -> None:
        event = self.origin.pop(id(cluster), None)
        if event is not None:
            self.dirty_event(event)
        self.file_dirty(cluster)

    def file_dirty(self, cluster: Cluster) -> None:
        for kind, party, year in self.index.keys.get(id(cluster), ()):
            self.dirty_years.setdefault((kind, party), set()).add(year)


def relink_unit(mentions: list[Event], stored: dict[str, str | None], full: Callable[[Event], Event], model,
                dirty_events: set[str], stored_links: Callable[[set[str]], dict[str, list[dict]]]) -> UnitLinks:
    """Link a unit's mentions as :func:`linimasa.link.link_events` does, replaying the stored choices.

    ``mentions``: the unit's mentions with what linking's order, blocks and tests read (no evidence or
    article signature needed); ``stored``: each stored mention's event (a new mention has none);
    ``full``: a mention with everything (for the learned decision's features and for merging); ``model``:
    the learned decision or None (the rule); ``dirty_events``: stored events that lost a mention (removed);
    ``stored_links``: the links the given stored events keep."""
    replay = _Replay(stored, dirty_events, full, model)
    replay.link(mentions)
    rebuilt = [c for c in replay.clusters if not replay.clean(c)]
    kept = {link.event for c in rebuilt for link in c.links if isinstance(link, _Replayed)}
    links = stored_links(kept) if kept else {}
    result = UnitLinks(decided=replay.decided)
    for cluster in replay.clusters:
        if replay.clean(cluster):
            result.event_of.update(dict.fromkeys((m.id for m in cluster.members), replay.origin[id(cluster)]))
            continue
        joined = [_stored_link(links, link) if isinstance(link, _Replayed) else link for link in cluster.links]
        event = merged_event([full(m) for m in cluster.members], None, joined)
        result.events.append(event)
        result.event_of.update(dict.fromkeys((m.id for m in cluster.members), event.id))
    return result


def _stored_link(links: dict[str, list[dict]], replayed: _Replayed) -> dict:
    """The link a stored event keeps for the mention that joined it (the last one naming the mention)."""
    for link in reversed(links.get(replayed.event, ())):
        if link.get("mention") == replayed.mention:
            return link
    raise LookupError(f"the stored event {replayed.event} keeps no link for its mention {replayed.mention}: "
                      "the store's links are not what linking gave; run `linimasa relink`")
