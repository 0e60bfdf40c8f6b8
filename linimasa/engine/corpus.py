"""The cross-article steps over the store: event mentions linked into events, events into stories.

A run links only what its changes can reach (:func:`link_changes`): the mentions its articles added and
removed, queued in the store with them, and every mention connected to those through the blocks linking
compares by (type and party within a year, :func:`linimasa.link.blocking_keys`). Linking never compares
mentions of different connected groups, so relinking whole groups from their mentions gives exactly the
events a relink of every stored mention gives (:func:`relink`, `linimasa relink`), whatever the order,
chunking, engine or number of the runs that stored them. Stories are rebuilt the same way, for the groups
of told events that share a story key with an event the step changed.

Each step is one transaction that reads inside it (on PostgreSQL it also holds the link lock, so that
chunks committed by other writers meanwhile wait for it), and clears the queue it read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..link import blocking_keys, link_events, years_searched
from ..model import Event, to_dict
from ..stories import build_stories, story_keys
from ..store import Store
from ..store import link_state as state


@dataclass(frozen=True)
class LinkTotals:
    events: int
    asserted: int  # asserted and not background: the events that happened and are the articles' news
    stories: int
    relinked: int = 0  # mentions this step linked


def link_changes(store: Store) -> LinkTotals:
    """Link what changed since the last link step; a store linked before this state was kept is relinked
    whole, once."""
    if store.get_state(state.FULL_RELINK_STATE_KEY) is not None:
        return relink(store)
    with store.transaction():
        store.lock_links(exclusive=True)
        changes = state.read_queue(store)
        relinked = 0
        if changes:
            added = [mention for mention, _ in state.linked_mentions(store, changes.added)]
            filed = {m.id: blocking_keys(m) for m in added}
            state.file_mentions(store, filed)
            reach = set(changes.removed_blocks).union(*filed.values())
            group = state.linked_mentions(store, reachable(store, set(filed), reach))
            before = {event_id for _, event_id in group if event_id} | changes.removed_events
            event_of: dict[str, str] = {}
            events = link_events([mention for mention, _ in group], members=event_of)
            _replace_events(store, before, events)
            state.set_event_of(store, event_of)
            state.clear_queue(store, changes.last)
            relinked = len(group)
    return _totals(store, relinked)


def relink(store: Store) -> LinkTotals:
    """Link every stored event mention from scratch and rebuild every story (`linimasa relink`)."""
    with store.transaction():
        store.lock_links(exclusive=True)
        mentions = list(store.iter_event_mentions())
        event_of: dict[str, str] = {}
        events = link_events(mentions, members=event_of)
        stories = build_stories(events)
        for table in ("event_sources", "event_participants", "events", "stories", "mention_blocks", "story_keys"):
            store.execute(f"DELETE FROM {table}")
        store.write_events(events, stories)
        store.execute("UPDATE event_mentions SET event_id = NULL")
        state.set_event_of(store, event_of)
        state.file_mentions(store, {m.id: blocking_keys(m) for m in mentions})
        state.file_story_keys(store, {e.id: story_keys(e) for e in events})
        state.clear_queue(store)
        store.execute("DELETE FROM state WHERE key=?", (state.FULL_RELINK_STATE_KEY,))
    return _totals(store, len(mentions))


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


def _replace_events(store: Store, before: set[str], events: list[Event]) -> None:
    """Put ``events`` in place of the events ``before``, writing only what differs, and rebuild the stories
    that an event changed, added or gone shares a story key with."""
    stored = state.event_rows(store, before)
    written = {e.id: e.to_json() for e in events}
    changed = [e for e in events if stored.get(e.id, (None,))[0] != written[e.id]]
    gone = set(stored) - (set(written) - {e.id for e in changed})  # deleted, or stored again as changed
    if not changed and not gone:
        return
    keys = {key for _, key in state.keys_of_events(store, gone)}
    store.delete_events(gone)
    state.delete_story_keys(store, gone)
    store.write_events(changed, [])
    filed = {e.id: story_keys(e) for e in changed}
    state.file_story_keys(store, filed)
    keys.update(key for event_keys in filed.values() for key in event_keys)
    threaded = _threaded(store, keys)
    stories = build_stories(store.stored_events(threaded))
    old_stories = state.story_rows(store, {stored[eid][1] for eid in gone if stored[eid][1]}
                                   | {sid for _, sid in state.event_rows(store, threaded).values() if sid})
    new_stories = {story.id: json.dumps(to_dict(story), ensure_ascii=False) for story in stories}
    store.delete_stories(sid for sid in old_stories if new_stories.get(sid) != old_stories[sid])
    store.write_stories([story for story in stories if old_stories.get(story.id) != new_stories[story.id]])
    story_of: dict[str, str | None] = dict.fromkeys(threaded)
    story_of.update({event_id: story.id for story in stories for event_id in story.event_ids})
    now = state.event_rows(store, threaded)
    store.set_story_of({eid: sid for eid, sid in story_of.items() if now[eid][1] != sid})


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


def _totals(store: Store, relinked: int) -> LinkTotals:
    row = store.execute(
        "SELECT count(*) AS events, coalesce(sum(CASE WHEN modality = 'asserted' AND background = 0 THEN 1 ELSE 0 END), 0) "
        "AS asserted FROM events").fetchone()
    stories = store.execute("SELECT count(*) AS n FROM stories").fetchone()["n"]
    return LinkTotals(row["events"], row["asserted"], stories, relinked)
