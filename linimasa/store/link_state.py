"""What incremental linking keeps in the store (migration 5), and the queries it asks.

- ``event_mentions.event_id``: the event each mention is part of (NULL until linked).
- ``mention_blocks``: the blocks each linked mention is filed under (type and party, year;
  :func:`linimasa.link_index.blocking_keys`), indexed, so the mentions a change can reach are found without
  reading the others.
- ``event_mentions.unit_key`` (migration 8): what cutting mentions into linking units reads of each
  (:class:`linimasa.link_units.UnitKey`), filed with its blocks; NULL in a store linked before, until a
  link step that reaches the mention files it.
- ``link_queue``: the mentions added and removed since the last link step, written in the transaction
  that stores their article (a removed mention keeps its event and its blocks there), so an interrupted run
  leaves its changes for the next one.
- ``story_keys``: what threads each told event into a story (its country pair, or a person and topic;
  :func:`linimasa.stories.story_keys`), indexed.

The link step (linimasa/engine/corpus.py) runs in one write transaction, reading inside it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Event

FULL_RELINK_STATE_KEY = "link.full_relink"  # set by the migration: linked before this state was kept
UNIT_KEYS_STATE_KEY = "link.unit_keys"  # set by migration 8: the stored mentions have no unit keys yet
LINKED_BY_STATE_KEY = "link.decision"  # the rule or the learned model the stored events were linked by


@dataclass
class LinkChanges:
    """The link queue as read: mentions added since the last link step, and those removed (with the event
    each was part of and the blocks it was filed under)."""

    last: int = 0  # the queue's last entry read
    added: set[str] = field(default_factory=set)
    removed_events: set[str] = field(default_factory=set)
    removed_blocks: set[tuple[str, int | None]] = field(default_factory=set)

    def __bool__(self) -> bool:
        return self.last > 0


# -- written with the articles (in the chunk's transaction) -------------------------------------------------

def queue_removed_mentions(store, article_id: str) -> None:
    """Before an article's mentions are replaced: queue each as removed, with its event and blocks."""
    for row in store.execute("SELECT id, event_id FROM event_mentions WHERE article_id=?", (article_id,)).fetchall():
        blocks = [[b["block"], b["year"]] for b in store.execute(
            "SELECT block, year FROM mention_blocks WHERE mention_id=?", (row["id"],)).fetchall()]
        store.execute("INSERT INTO link_queue(mention_id, change, event_id, blocks) VALUES (?, 'removed', ?, ?)",
                     (row["id"], row["event_id"], json.dumps(blocks, ensure_ascii=False)))
        store.execute("DELETE FROM mention_blocks WHERE mention_id=?", (row["id"],))


def queue_added_mentions(store, mention_ids: Iterable[str]) -> None:
    for mention_id in mention_ids:
        store.execute("INSERT INTO link_queue(mention_id, change) VALUES (?, 'added')", (mention_id,))


# -- read and written by the link step (in its transaction) -------------------------------------------------

def read_queue(store) -> LinkChanges:
    changes = LinkChanges()
    for row in store.execute("SELECT seq, mention_id, change, event_id, blocks FROM link_queue ORDER BY seq"):
        changes.last = row["seq"]
        if row["change"] == "added":
            changes.added.add(row["mention_id"])
            continue
        if row["event_id"]:
            changes.removed_events.add(row["event_id"])
        changes.removed_blocks.update((block, year) for block, year in json.loads(row["blocks"] or "[]"))
    return changes


def linked_by(store) -> str:
    """The decision the stored events were linked by (a store that does not say was linked by the rule)."""
    return store.get_state(LINKED_BY_STATE_KEY) or "rule"


def set_linked_by(store, name: str) -> None:
    """Inside the link step's transaction."""
    if linked_by(store) != name:
        store.execute("INSERT INTO state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                      (LINKED_BY_STATE_KEY, json.dumps(name)))


def clear_queue(store, last: int | None = None) -> None:
    if last is None:
        store.execute("DELETE FROM link_queue")
    else:
        store.execute("DELETE FROM link_queue WHERE seq <= ?", (last,))


def linked_mentions(store, mention_ids: Iterable[str]) -> list[tuple[Event, str | None]]:
    """The mentions of processed articles among ``mention_ids``, each with the event it is part of."""
    return [(Event.from_dict(data), event_id) for data, event_id in mention_records(store, mention_ids)]


def mention_records(store, mention_ids: Iterable[str]) -> list[tuple[dict, str | None]]:
    """As :func:`linked_mentions`, each mention as its stored JSON object (decoded, not yet an Event)."""
    # CROSS JOIN keeps SQLite on the mention ids: given a long id list, its planner otherwise walks every
    # processed article by status and probes its mentions (2 s for 4,000 mentions on the 100k benchmark
    # store, against 0.06 s); PostgreSQL plans it as the plain join it is.
    rows = store._rows_in(
        "SELECT m.id, m.data, m.event_id FROM event_mentions m CROSS JOIN articles a "
        "WHERE a.id = m.article_id AND a.status = 'processed' AND m.id IN ({})", mention_ids)
    return [(json.loads(row["data"]), row["event_id"]) for row in rows]


def unit_key_rows(store, mention_ids: Iterable[str]) -> list[tuple[str, str | None, str | None]]:
    """(mention id, its event, its unit key as stored: NULL until filed) of the stored mentions among
    ``mention_ids``, which are filed mentions (found through ``mention_blocks``) or mentions just filed.

    Unlike :func:`mention_records` it does not ask for the article's status: only mentions of processed
    articles are filed (:func:`linked_mentions`, ``iter_event_mentions``), and an article's status changes
    only when it is saved again, which takes its mentions out of the blocks (:func:`queue_removed_mentions`).
    Asking would read each article's row past its text (0.15 of 0.2 s for the 5,800 mentions a 5-article
    run reaches on the 100k benchmark store)."""
    rows = store._rows_in("SELECT id, event_id, unit_key FROM event_mentions WHERE id IN ({})", mention_ids)
    return [(row["id"], row["event_id"], row["unit_key"]) for row in rows]


def mentions_without_unit_key(store) -> list[dict]:
    """The mentions of processed articles that have no unit key, as stored JSON objects (decoded)."""
    rows = store.execute("SELECT m.data FROM event_mentions m JOIN articles a ON a.id = m.article_id "
                         "WHERE a.status = 'processed' AND m.unit_key IS NULL").fetchall()
    return [json.loads(row["data"]) for row in rows]


def file_unit_keys(store, keys: dict[str, str]) -> None:
    """Keep each mention's unit key (:class:`linimasa.link_units.UnitKey`, as JSON), by mention id."""
    for mention_id, key in keys.items():
        store.execute("UPDATE event_mentions SET unit_key=? WHERE id=?", (key, mention_id))


def file_mentions(store, blocks: dict[str, set[tuple[str, int | None]]]) -> None:
    """File mentions under their blocks (in place of any blocks they had)."""
    for mention_id, keys in blocks.items():
        store.execute("DELETE FROM mention_blocks WHERE mention_id=?", (mention_id,))
        for block, year in sorted(keys, key=lambda k: (k[0], k[1] is None, k[1] or 0)):
            store.execute("INSERT INTO mention_blocks(mention_id, block, year) VALUES (?, ?, ?)", (mention_id, block, year))


def mentions_in_blocks(store, block: str, years: set[int] | None) -> list[tuple[str, str, int | None]]:
    """(mention id, block, year) of the mentions filed under ``block`` in ``years`` or undated (every year
    when ``years`` is None)."""
    if years is None:
        sql, params = "SELECT mention_id, block, year FROM mention_blocks WHERE block=?", [block]
    else:
        wanted = sorted(years)
        sql = (f"SELECT mention_id, block, year FROM mention_blocks WHERE block=? AND "
               f"(year IS NULL OR year IN ({','.join('?' * len(wanted))}))")
        params = [block, *wanted]
    return [(r["mention_id"], r["block"], r["year"]) for r in store.execute(sql, params).fetchall()]


def blocks_of(store, mention_ids: Iterable[str]) -> list[tuple[str, str, int | None]]:
    rows = store._rows_in("SELECT mention_id, block, year FROM mention_blocks WHERE mention_id IN ({})", mention_ids)
    return [(r["mention_id"], r["block"], r["year"]) for r in rows]


def set_event_of(store, event_of: dict[str, str]) -> None:
    for mention_id, event_id in event_of.items():
        store.execute("UPDATE event_mentions SET event_id=? WHERE id=?", (event_id, mention_id))


# -- stories -----------------------------------------------------------------------------------------------

def keys_of_events(store, event_ids: Iterable[str]) -> list[tuple[str, str]]:
    rows = store._rows_in("SELECT event_id, key FROM story_keys WHERE event_id IN ({})", event_ids)
    return [(r["event_id"], r["key"]) for r in rows]


def events_with_keys(store, keys: Iterable[str]) -> list[tuple[str, str]]:
    rows = store._rows_in("SELECT event_id, key FROM story_keys WHERE key IN ({})", keys)
    return [(r["event_id"], r["key"]) for r in rows]


def file_story_keys(store, keys: dict[str, list[str]]) -> None:
    for event_id, event_keys in keys.items():
        for key in event_keys:
            store.execute("INSERT INTO story_keys(event_id, key) VALUES (?, ?)", (event_id, key))


def delete_story_keys(store, event_ids: Iterable[str]) -> None:
    ids = list(event_ids)
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        store.execute(f"DELETE FROM story_keys WHERE event_id IN ({','.join('?' * len(part))})", part)


def event_rows(store, event_ids: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """The stored events among ``event_ids``: each one's JSON as stored, and its story."""
    rows = store._rows_in("SELECT id, data, story_id FROM events WHERE id IN ({})", event_ids)
    return {r["id"]: (r["data"], r["story_id"]) for r in rows}


def story_rows(store, story_ids: Iterable[str]) -> dict[str, str]:
    """The stored stories among ``story_ids``, each one's JSON as stored."""
    return {r["id"]: r["data"] for r in store._rows_in("SELECT id, data FROM stories WHERE id IN ({})", story_ids)}
