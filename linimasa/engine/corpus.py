"""The corpus stages: event mentions linked into events (``link``), events threaded into stories
(``stories``), run over the store once per run for what it changed, in one transaction.

A run links only what its changes can reach (:meth:`LinkStage.apply`): the mentions its articles added and
removed, queued in the store with them, and every mention connected to those through the blocks linking
compares by (type and party within a year, :func:`linimasa.link_index.blocking_keys`). Those groups are cut into
linking units (:mod:`linimasa.link_units`: mentions whose dates can meet), which linking never connects, and
only the units of the queued mentions are relinked from their mentions: exactly the events a relink of every
stored mention gives (:meth:`LinkStage.rebuild`, `linimasa relink`), whatever the order, chunking, engine
or number of the runs that stored them. Stories are rebuilt the same way, for the
groups of told events that share a story key with an event the link stage changed
(:meth:`StoryStage.apply`).

The stages are declared in :mod:`linimasa.stages` (``link`` requires the articles' ``events`` and provides
``store.events``; ``stories`` requires ``store.events``) and chosen by ``Settings.corpus``; every engine and
`linimasa relink` run them through :func:`run_corpus_stages`. Each step is one transaction that reads inside
it (on PostgreSQL it also holds the link lock, so that chunks committed by other writers meanwhile wait for
it), and clears the queue it read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..config import Settings
from ..link import decision_name, link_events, load_decision
from ..link_index import blocking_keys, years_searched
from ..link_decision import LinkDecision
from ..link_replay import relink_unit
from ..link_units import UnitKey, brief_mention, unit_ids_reached
from ..model import Event, to_dict
from ..pipeline import build_stage
from ..stories import build_stories, story_keys
from ..store import Store
from ..store import link_state as state


@dataclass(frozen=True)
class LinkTotals:
    events: int
    asserted: int  # asserted and not background: the events that happened and are the articles' news
    stories: int
    relinked: int = 0  # mentions this step linked
    decided: int = 0  # of those, the mentions compared with their candidates again (the rest kept their choice)


@dataclass
class EventChanges:
    """What the link stage changed in one step, for the stages after it."""

    rebuilt: list[Event] | None = None  # every event, when the step linked every stored mention afresh
    changed: list[Event] = field(default_factory=list)  # events written, new or changed
    gone: set[str] = field(default_factory=set)  # events deleted, or stored again as changed
    gone_stories: set[str] = field(default_factory=set)  # the stories those were part of
    relinked: int = 0  # mentions linked
    decided: int = 0  # of those, the mentions compared with their candidates again (the rest kept their choice)


class LinkStage:
    """Stage ``link``: the event mentions the run's articles added and removed, and every mention they can
    reach, linked into events."""

    name = "link"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings
        setting = (settings or Settings()).stage_options(self.name).decision
        self.decision = load_decision(None if setting is False else "shipped" if setting is True else
                                      LinkDecision.load(setting))

    def linked_otherwise(self, store: Store) -> bool:
        """Whether the stored events were linked by another decision (the rule, another model): then this
        step relinks everything, once."""
        return state.linked_by(store) != decision_name(self.decision)

    def apply(self, store: Store, changes: EventChanges) -> None:
        _file_missing_unit_keys(store)
        queued = state.read_queue(store)
        if not queued:
            return
        added = [mention for mention, _ in state.linked_mentions(store, queued.added)]
        filed = {m.id: blocking_keys(m) for m in added}
        state.file_mentions(store, filed)
        state.file_unit_keys(store, {m.id: UnitKey.of(m).to_json() for m in added})
        reach = set(queued.removed_blocks).union(*filed.values())
        keys, stored_event = _unit_keys(store, reachable(store, set(filed), reach))
        # a removed mention's event loses it: the units of the mentions left in that event relink too
        seeds = set(filed) | {m for m, event_id in stored_event.items() if event_id in queued.removed_events}
        unit = _UnitMentions(store, unit_ids_reached(keys, seeds, learned=self.decision is not None))
        stored_event = {m: stored_event[m] for m in unit.ids}
        linked = relink_unit(unit.briefs, {m: e for m, e in stored_event.items() if m not in filed}, unit.whole,
                             self.decision, queued.removed_events, unit.stored_links)
        before = {event_id for event_id in stored_event.values() if event_id} | queued.removed_events
        same = _same_members(stored_event, linked.event_of) - queued.removed_events
        self._replace(store, before - same, [e for e in linked.events if e.id not in same], changes)
        state.set_event_of(store, {m: e for m, e in linked.event_of.items() if stored_event.get(m) != e})
        state.clear_queue(store, queued.last)
        changes.relinked, changes.decided = len(unit.ids), linked.decided

    @staticmethod
    def _replace(store: Store, before: set[str], events: list[Event], changes: EventChanges) -> None:
        """Put ``events`` in place of the events ``before``, writing only what differs."""
        stored = state.event_rows(store, before)
        written = {e.id: e.to_json() for e in events}
        changes.changed = [e for e in events if stored.get(e.id, (None,))[0] != written[e.id]]
        changes.gone = set(stored) - (set(written) - {e.id for e in changes.changed})
        changes.gone_stories = {stored[eid][1] for eid in changes.gone if stored[eid][1]}
        store.delete_events(changes.gone)
        store.write_events(changes.changed, [])

    def rebuild(self, store: Store, changes: EventChanges) -> None:
        mentions = list(store.iter_event_mentions())
        event_of: dict[str, str] = {}
        events = link_events(mentions, decision=self.decision, members=event_of)
        for table in ("event_sources", "event_participants", "events", "mention_blocks"):
            store.execute(f"DELETE FROM {table}")
        store.write_events(events, [])
        store.execute("UPDATE event_mentions SET event_id = NULL")
        state.set_event_of(store, event_of)
        state.file_mentions(store, {m.id: blocking_keys(m) for m in mentions})
        state.file_unit_keys(store, {m.id: UnitKey.of(m).to_json() for m in mentions})
        state.clear_queue(store)
        state.set_linked_by(store, decision_name(self.decision))
        changes.rebuilt, changes.relinked = events, len(mentions)
        changes.decided = len(mentions)


class _UnitMentions:
    """The mentions of the units a link step relinks, as the store holds them: each one's brief (what linking
    orders, files and tests mentions by) at once, the whole mention only when linking compares or merges it
    (linimasa/link_replay.py), and the links of the stored events whose choices it keeps."""

    def __init__(self, store: Store, mention_ids: list[str]):
        self.store = store
        self.ids = mention_ids
        self.data = {data["id"]: data for data, _ in state.mention_records(store, mention_ids)}
        self.briefs = [brief_mention(self.data[m]) for m in mention_ids]
        self.wholes: dict[str, Event] = {}

    def whole(self, mention: Event) -> Event:
        found = self.wholes.get(mention.id)
        if found is None:
            found = self.wholes[mention.id] = Event.from_dict(self.data[mention.id])
        return found

    def stored_links(self, event_ids: set[str]) -> dict[str, list[dict]]:
        return {event_id: json.loads(data)["links"] for event_id, (data, _) in state.event_rows(self.store, event_ids).items()}


def _file_missing_unit_keys(store: Store) -> None:
    """In a store linked before unit keys were kept (migration 8), file every mention's key, once."""
    if store.get_state(state.UNIT_KEYS_STATE_KEY) is None:
        return
    state.file_unit_keys(store, {data["id"]: UnitKey.of(brief_mention(data)).to_json()
                                 for data in state.mentions_without_unit_key(store)})
    store.execute("DELETE FROM state WHERE key=?", (state.UNIT_KEYS_STATE_KEY,))


def _unit_keys(store: Store, mention_ids: set[str]) -> tuple[list[UnitKey], dict[str, str | None]]:
    """The unit keys of the stored mentions among ``mention_ids``, and the event of each. A mention stored
    before the keys were kept (migration 8) gets its key computed from the mention and filed."""
    rows = state.unit_key_rows(store, mention_ids)
    missing = [mention_id for mention_id, _, key in rows if key is None]
    computed = {data["id"]: UnitKey.of(brief_mention(data)) for data, _ in state.mention_records(store, missing)}
    state.file_unit_keys(store, {mention_id: key.to_json() for mention_id, key in computed.items()})
    keys = [computed[mention_id] if key is None else UnitKey.from_json(mention_id, key) for mention_id, _, key in rows]
    return keys, {mention_id: event_id for mention_id, event_id, _ in rows}


def _same_members(before: dict[str, str | None], after: dict[str, str]) -> set[str]:
    """The events whose mentions are the ones they had: linking builds an event from its mentions alone (in
    one order, each joining by what the mentions before it hold), so such an event is the one stored, and is
    neither serialised nor compared again (the events of a large unit hold thousands of pieces of evidence)."""
    members_before: dict[str, set[str]] = {}
    members_after: dict[str, set[str]] = {}
    for mention_id, event_id in before.items():
        if event_id:
            members_before.setdefault(event_id, set()).add(mention_id)
    for mention_id, event_id in after.items():
        members_after.setdefault(event_id, set()).add(mention_id)
    return {event_id for event_id, members in members_after.items() if members_before.get(event_id) == members}


class StoryStage:
    """Stage ``stories``: the told events that share a story key with an event the link stage changed,
    and those that share one with them, threaded into stories again."""

    name = "stories"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    def apply(self, store: Store, changes: EventChanges) -> None:
        if not changes.changed and not changes.gone:
            return
        keys = {key for _, key in state.keys_of_events(store, changes.gone)}
        state.delete_story_keys(store, changes.gone)
        filed = {e.id: story_keys(e) for e in changes.changed}
        state.file_story_keys(store, filed)
        keys.update(key for event_keys in filed.values() for key in event_keys)
        threaded = _threaded(store, keys)
        stories = build_stories(store.stored_events(threaded))
        old_stories = state.story_rows(store, changes.gone_stories
                                       | {sid for _, sid in state.event_rows(store, threaded).values() if sid})
        new_stories = {story.id: json.dumps(to_dict(story), ensure_ascii=False) for story in stories}
        store.delete_stories(sid for sid in old_stories if new_stories.get(sid) != old_stories[sid])
        store.write_stories([story for story in stories if old_stories.get(story.id) != new_stories[story.id]])
        story_of: dict[str, str | None] = dict.fromkeys(threaded)
        story_of.update({event_id: story.id for story in stories for event_id in story.event_ids})
        now = state.event_rows(store, threaded)
        store.set_story_of({eid: sid for eid, sid in story_of.items() if now[eid][1] != sid})

    def rebuild(self, store: Store, changes: EventChanges) -> None:
        events = changes.rebuilt if changes.rebuilt is not None else list(store.iter_events())
        stories = build_stories(events)
        for table in ("stories", "story_keys"):
            store.execute(f"DELETE FROM {table}")
        store.write_stories(stories)
        store.set_story_of({event_id: story.id for story in stories for event_id in story.event_ids})
        state.file_story_keys(store, {e.id: story_keys(e) for e in events})


def corpus_stages(settings: Settings | None = None) -> list:
    """The corpus stages ``settings`` name (the defaults: link, then stories), built."""
    settings = settings or Settings()
    return [build_stage(name, settings) for name in settings.corpus]


def run_corpus_stages(store: Store, stages: list, everything: bool = False) -> LinkTotals:
    """Run the corpus stages over what changed since the last step (over everything stored, with
    ``everything``, or when the store was linked before the link queue was kept), in one transaction."""
    everything = (everything or store.get_state(state.FULL_RELINK_STATE_KEY) is not None
                  or any(isinstance(stage, LinkStage) and stage.linked_otherwise(store) for stage in stages))
    changes = EventChanges()
    with store.transaction():
        store.lock_links(exclusive=True)
        for stage in stages:
            (stage.rebuild if everything else stage.apply)(store, changes)
        if everything:
            for key in (state.FULL_RELINK_STATE_KEY, state.UNIT_KEYS_STATE_KEY):
                store.execute("DELETE FROM state WHERE key=?", (key,))
    return _totals(store, changes)


def link_changes(store: Store, settings: Settings | None = None) -> LinkTotals:
    """Link what changed since the last link step, and thread the stories it changed."""
    return run_corpus_stages(store, corpus_stages(settings))


def relink(store: Store, settings: Settings | None = None) -> LinkTotals:
    """Link every stored event mention from scratch and rebuild every story (`linimasa relink`)."""
    return run_corpus_stages(store, corpus_stages(settings), everything=True)


def reachable(store: Store, mention_ids: set[str], blocks: set[tuple[str, int | None]]) -> set[str]:
    """``mention_ids`` and every stored mention connected to them or to ``blocks`` through shared blocks
    (a block of one type and party reaches the same block in the years that meet its year)."""
    found = set(mention_ids)
    asked: dict[str, set[int] | None] = {}  # block -> the years asked for (None: every year)
    pending = set(blocks)
    while pending:
        wanted: dict[str, set[int] | None] = {}
        for block, year in pending:
            years = years_searched(year)
            if years is None or wanted.get(block, set()) is None:
                wanted[block] = None
            else:
                wanted.setdefault(block, set()).update(years)
        new: set[str] = set()
        for block, years in wanted.items():
            done = asked.get(block, set())
            if done is None:
                continue
            if years is not None:
                years = years - done
                if not years:
                    continue
            asked[block] = None if years is None else done | years
            new.update(m for m, _, y in state.mentions_in_blocks(store, block, years) if m not in found)
        found |= new
        pending = {(block, year) for _, block, year in state.blocks_of(store, new)}
    return found


def _threaded(store: Store, keys: set[str]) -> set[str]:
    """The events that share a story key with ``keys``, and those that share one with them, and so on."""
    events: set[str] = set()
    seen: set[str] = set()
    pending = set(keys)
    while pending:
        seen |= pending
        found = {event_id for event_id, _ in state.events_with_keys(store, pending)} - events
        events |= found
        pending = {key for _, key in state.keys_of_events(store, found)} - seen
    return events


def _totals(store: Store, changes: EventChanges) -> LinkTotals:
    row = store.execute(
        "SELECT count(*) AS events, coalesce(sum(CASE WHEN modality = 'asserted' AND background = 0 THEN 1 ELSE 0 END), 0) "
        "AS asserted FROM events").fetchone()
    stories = store.execute("SELECT count(*) AS n FROM stories").fetchone()["n"]
    return LinkTotals(row["events"], row["asserted"], stories, changes.relinked, changes.decided)
