"""The store over SQL, written once: runs, articles, event mentions, events, stories and state.

A backend (:mod:`linimasa.store.sqlite`, :mod:`linimasa.store.postgres`) subclasses :class:`SQLStore` with its
connection, its transactions, its way of streaming large tables and its :class:`~linimasa.store.dialect.Dialect`.
Every write that belongs together is one transaction: a chunk of articles with their event mentions and
the run's accounting for them; the linked events with their sources and stories. A run killed at any point
leaves the store as it was after its last committed chunk, and the next run picks up the rest.
"""

from __future__ import annotations

import hashlib
import json
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from typing import Any

from ..model import Article, Event, Story, to_dict
from ..revisions import stale_version
from .base import Outcome, RunCounts, Store, StoredArticle, utcnow
from .browse import BrowseSQL
from .dialect import Dialect
from .link_state import queue_added_mentions, queue_removed_mentions
from .schema import LATEST_VERSION, MIGRATIONS, Migration
from .signatures import write_signature

# Values asked for in one statement at most (a statement takes a bounded number of parameters).
IN_BATCH = 500


class SQLStore(BrowseSQL, Store):
    """:class:`~linimasa.store.base.Store` over a DB-API connection (``conn``) and a dialect; the web view's
    reads are :class:`~linimasa.store.browse.BrowseSQL`'s."""

    dialect: Dialect
    conn: Any

    # -- what a backend provides ------------------------------------------------------------------------

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Any]:
        """A write transaction: committed when the block ends, rolled back when it raises."""

    @abstractmethod
    def _stream(self, columns: str, source: str, where: str | None, params: tuple,
                order: str) -> Iterator[Mapping[str, Any]]:
        """``SELECT columns FROM source [WHERE where]`` in ``order`` (an insertion-order column), without
        holding a large table in memory at once."""

    # -- running statements -----------------------------------------------------------------------------

    def execute(self, statement: str, params: Iterable[Any] = ()) -> Any:
        """Run one statement (``?`` placeholders) and return the driver's cursor."""
        return self.conn.execute(self.dialect.sql(statement), tuple(params))

    def _visible(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """A row as callers see it: without the columns the dialect adds for its own use."""
        record = dict(row)
        for column in self.dialect.hidden_columns:
            record.pop(column, None)
        return record

    def _rows_in(self, sql: str, values: Iterable[Any]) -> list[Any]:
        """The rows of ``sql``, whose ``{}`` takes a list of values, for every distinct value (asked in
        batches)."""
        distinct = list(dict.fromkeys(values))
        rows: list[Any] = []
        for start in range(0, len(distinct), IN_BATCH):
            part = distinct[start : start + IN_BATCH]
            rows.extend(self.execute(sql.format(",".join("?" * len(part))), part))
        return rows

    # -- schema ---------------------------------------------------------------------------------------

    def pending_migrations(self, current: int) -> list[tuple[Migration, list[str]]]:
        """The migrations after ``current``, each with its statements in this store's dialect."""
        return [(m, m.statements(self.dialect)) for m in MIGRATIONS if m.version > current]

    def readable_schema(self) -> str | None:
        """Why a read-only store at its schema version cannot be read by this linimasa (None: it can). A
        store that misses only migrations with nothing to do on its database, or that only remove what no
        reader uses, reads as it is."""
        current = self.schema_version()
        if current > LATEST_VERSION:
            return (f"the store {self.path} has schema version {current}, newer than this linimasa "
                    f"({LATEST_VERSION}): upgrade linimasa")
        pending = self.pending_migrations(current)
        if current == 0 or any(statements for migration, statements in pending if migration.readers_need):
            return (f"the store {self.path} has schema version {current}, this linimasa needs {LATEST_VERSION}: "
                    "run any writing command (e.g. `linimasa run`) once to create or migrate it")
        return None

    def _apply_migration(self, migration: Migration, statements: list[str]) -> None:
        for statement in statements:
            self.execute(statement)
        self.execute(
            "INSERT INTO schema_version(version, description, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.description, utcnow()),
        )

    # -- runs -----------------------------------------------------------------------------------------

    def begin_run(self, command: str, inputs: list[str]) -> int:
        with self.transaction():
            row = self.execute(
                "INSERT INTO runs(started_at, command, inputs) VALUES (?, ?, ?) RETURNING id",
                (utcnow(), command, json.dumps(inputs, ensure_ascii=False)),
            ).fetchone()
            return int(row["id"])

    def finish_run(self, run_id: int, status: str, events: int | None, stories: int | None) -> None:
        with self.transaction():
            self.execute(
                "UPDATE runs SET finished_at=?, status=?, events=?, stories=? WHERE id=?",
                (utcnow(), status, events, stories, run_id),
            )

    def run(self, run_id: int) -> dict[str, Any]:
        row = self.execute("SELECT * FROM runs WHERE id=?", (run_id,)).fetchone()
        return dict(row) if row else {}

    def rejections(self, run_id: int) -> list[tuple[str, str]]:
        rows = self.execute(
            "SELECT source, reason FROM run_inputs WHERE run_id=? AND outcome='rejected' ORDER BY rowid", (run_id,)
        )
        return [(r["source"], r["reason"]) for r in rows]

    def save_chunk(self, run_id: int, outcomes: Iterable[Outcome]) -> RunCounts:
        counts = RunCounts()
        now = utcnow()
        outcomes = list(outcomes)
        with self.transaction():
            self._lock_articles(item.article.id for item in outcomes if _writes_article(item))
            self.lock_links(exclusive=False)
            for item in outcomes:
                if _writes_article(item):
                    self._settle(item)
                counts.count(item.outcome)
                self.execute(
                    "INSERT INTO run_inputs(run_id, source, article_id, outcome, reason) VALUES (?, ?, ?, ?, ?)",
                    (run_id, item.source, item.article_id, item.outcome, item.reason),
                )
                if item.article is not None and item.store_row:
                    if item.outcome == "revised":
                        self._archive_version(item.article.id, run_id, now)
                    self._write_article(item.article, run_id, now)
                    if item.article.status == "processed":
                        write_signature(self, item.article, item.signature)
                elif item.outcome == "rejected" and item.article_id:
                    self._record_rejected(item, run_id, now)
            self.execute(
                "UPDATE runs SET read=read+?, new=new+?, revised=revised+?, duplicates=duplicates+?, "
                "rejected=rejected+? WHERE id=?",
                (counts.read, counts.new, counts.revised, counts.duplicates, counts.rejected, run_id),
            )
        return counts

    def _lock_articles(self, article_ids: Iterable[str]) -> None:
        """Hold the chunk's ids until the transaction ends, where writers do not exclude each other already;
        every writer takes its keys in ascending order, so two never wait on each other."""
        statement = self.dialect.key_lock
        if statement is not None:
            for key in sorted({lock_key(article_id) for article_id in article_ids}):
                self.execute(statement, (ARTICLE_LOCKS, key))

    def _settle(self, item: Outcome) -> None:
        """A write as classified, settled against the article as stored now: another run may have stored the
        id since this chunk was classified. What it stored stays (as the current version or in the history),
        and the rule of :mod:`linimasa.revisions` decides again whether this version replaces it."""
        article = item.article
        row = self.execute("SELECT content_hash, status FROM articles WHERE id=?", (article.id,)).fetchone()
        if row is None or row["status"] == "rejected":  # nothing stored, or a rejected input's placeholder
            return
        if item.outcome == "rejected":
            item.store_row = False  # an article a stage failed on never replaces a stored one
            return
        if row["content_hash"] == article.content_hash:
            reason = "already stored (same id, same content)"
        else:
            earlier, current_text = self.earlier_versions([article.id])[article.id]
            reason = stale_version(article, earlier, current_text)
        if reason is None:
            item.outcome = "revised"
        else:
            item.outcome, item.reason, item.store_row = "duplicate", reason, False

    # -- articles -------------------------------------------------------------------------------------

    def lookup_many(self, article_ids: Iterable[str]) -> dict[str, StoredArticle]:
        return {
            row["id"]: StoredArticle(row["id"], row["content_hash"], row["version"], row["status"])
            for row in self._rows_in("SELECT id, content_hash, version, status FROM articles WHERE id IN ({})",
                                     article_ids)
        }

    def earlier_versions(self, article_ids: Iterable[str]) -> dict[str, tuple[frozenset[str], str]]:
        ids = list(article_ids)
        history: dict[str, set[str]] = {}
        for row in self._rows_in("SELECT article_id, content_hash FROM article_versions WHERE article_id IN ({})", ids):
            history.setdefault(row["article_id"], set()).add(row["content_hash"])
        return {row["id"]: (frozenset(history.get(row["id"], ())), row["text_raw"] or "")
                for row in self._rows_in("SELECT id, text_raw FROM articles WHERE id IN ({})", ids)}

    def find_by_hashes(self, content_hashes: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        rows = self._rows_in("SELECT content_hash, id, rowid FROM articles WHERE content_hash IN ({})", content_hashes)
        for row in sorted(rows, key=lambda r: r["rowid"]):
            found.setdefault(row["content_hash"], row["id"])
        return found

    def _record_rejected(self, item: Outcome, run_id: int, now: str) -> None:
        """An input that named its id but could not be read: listed among the articles, never over a good one."""
        self.execute(
            "INSERT INTO articles(id, text_raw, content_hash, status, reason, source, run_id, ingested_at, updated_at) "
            "VALUES (?, '', '', 'rejected', ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
            (item.article_id, item.reason, item.source, run_id, now, now),
        )

    def _archive_version(self, article_id: str, run_id: int, now: str) -> None:
        self.execute(
            "INSERT INTO article_versions(article_id, version, title, text_raw, content_hash, metadata, "
            "replaced_at, replaced_by_run) SELECT id, version, title, text_raw, content_hash, metadata, ?, ? "
            "FROM articles WHERE id=? ON CONFLICT (article_id, version) DO NOTHING",
            (now, run_id, article_id),
        )

    def _write_article(self, article: Article, run_id: int, now: str) -> None:
        existing = self.execute("SELECT version, ingested_at FROM articles WHERE id=?", (article.id,)).fetchone()
        row = (
            article.title,
            article.text,
            article.clean_text,
            article.outlet,
            article.url,
            article.published,
            article.lang,
            json.dumps(article.metadata, ensure_ascii=False, default=str),
            article.annotations_json(),
            article.content_hash,
            article.status,
            article.duplicate_of,
            article.near_duplicate_of,
            article.reason,
            article.source,
            run_id,
            now,
        )
        if existing is None:
            self.execute(
                "INSERT INTO articles(title, text_raw, text_clean, outlet, url, published, lang, metadata, annotations,"
                " content_hash, status, duplicate_of, near_duplicate_of, reason, source, run_id, updated_at, id,"
                " version, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?)",
                row + (article.id, now),
            )
        else:
            self.execute(
                "UPDATE articles SET title=?, text_raw=?, text_clean=?, outlet=?, url=?, published=?, lang=?, "
                "metadata=?, annotations=?, content_hash=?, status=?, duplicate_of=?, near_duplicate_of=?, reason=?, "
                "source=?, run_id=?, updated_at=?, version=version+1 WHERE id=?",
                row + (article.id,),
            )
        queue_removed_mentions(self, article.id)  # a revision's earlier mentions leave their events
        self.execute("DELETE FROM event_mentions WHERE article_id=?", (article.id,))
        insert_mention = self.dialect.insert_or_replace(
            "event_mentions", ("id", "article_id", "type", "modality", "date", "data"), key=("id",))
        rows = article.event_rows()
        for event_id, kind, modality, date, data in rows:
            self.execute(insert_mention, (event_id, article.id, kind, modality, date, data))
        queue_added_mentions(self, [row[0] for row in rows])

    def iter_articles(self, status: str | None = None) -> Iterator[dict[str, Any]]:
        where, params = ("status=?", (status,)) if status else (None, ())
        for row in self._stream("*", "articles", where, params, "rowid"):
            yield self._visible(row)

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        return self._visible(row) if row else None

    def article_versions(self, article_id: str) -> list[dict[str, Any]]:
        rows = self.execute("SELECT * FROM article_versions WHERE article_id=? ORDER BY version", (article_id,))
        return [dict(r) for r in rows]

    def count_articles(self) -> dict[str, int]:
        rows = self.execute("SELECT status, count(*) AS n FROM articles GROUP BY status")
        return {r["status"]: r["n"] for r in rows}

    def article_refs(self, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        rows = self._rows_in("SELECT id, outlet, url, published, title FROM articles WHERE id IN ({})", article_ids)
        return {row["id"]: dict(row) for row in rows}

    # -- events ---------------------------------------------------------------------------------------

    def iter_event_mentions(self) -> Iterator[Event]:
        for row in self._stream("m.data", "event_mentions m JOIN articles a ON a.id = m.article_id",
                                "a.status = 'processed'", (), "m.rowid"):
            yield Event.from_json(row["data"])

    def iter_events(self) -> Iterator[Event]:
        for row in self.execute("SELECT data FROM events ORDER BY coalesce(date, ''), id"):
            yield Event.from_json(row["data"])

    def replace_events(self, events: list[Event], stories: list[Story]) -> None:
        with self.transaction():
            for table in ("event_sources", "event_participants", "events", "stories"):
                self.execute(f"DELETE FROM {table}")
            self.write_events(events, stories)

    def delete_events(self, event_ids: Iterable[str]) -> None:
        ids = list(event_ids)
        for table, column in (("event_sources", "event_id"), ("event_participants", "event_id"), ("events", "id")):
            for start in range(0, len(ids), IN_BATCH):
                part = ids[start : start + IN_BATCH]
                self.execute(f"DELETE FROM {table} WHERE {column} IN ({','.join('?' * len(part))})", part)

    def write_events(self, events: list[Event], stories: list[Story]) -> None:
        story_of = {eid: s.id for s in stories for eid in s.event_ids}
        insert_source = self.dialect.insert_or_replace(
            "event_sources", ("event_id", "article_id", "mention_id"), key=("event_id", "mention_id"))
        for event in events:
            self.execute(
                "INSERT INTO events(id, type, mode, modality, date, background, location, location_country, "
                "story_id, summary, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    event.id,
                    event.type,
                    event.mode,
                    event.modality,
                    event.date,
                    int(event.background),
                    event.location.name if event.location else None,
                    event.location.country if event.location else None,
                    story_of.get(event.id),
                    event.summary,
                    event.to_json(),
                ),
            )
            for p in event.participants:
                self.execute(
                    "INSERT INTO event_participants(event_id, name, country, role, kind, kb_id, side) "
                    "VALUES (?,?,?,?,?,?,?)",
                    (event.id, p.name, p.country, p.role, p.kind, p.kb_id, p.side),
                )
            for article_id in _reported_in(event):
                self.execute(insert_source, (event.id, article_id, f"{event.id}:{article_id}"))
        self.write_stories(stories)

    def write_stories(self, stories: list[Story]) -> None:
        for story in stories:
            self.execute(
                "INSERT INTO stories(id, title, overview, data) VALUES (?,?,?,?)",
                (story.id, story.title, story.overview, json.dumps(to_dict(story), ensure_ascii=False)),
            )

    def delete_stories(self, story_ids: Iterable[str]) -> None:
        ids = list(story_ids)
        for start in range(0, len(ids), IN_BATCH):
            part = ids[start : start + IN_BATCH]
            self.execute(f"DELETE FROM stories WHERE id IN ({','.join('?' * len(part))})", part)

    def set_story_of(self, story_of: dict[str, str | None]) -> None:
        for event_id, story_id in story_of.items():
            self.execute("UPDATE events SET story_id=? WHERE id=?", (story_id, event_id))

    def stored_events(self, event_ids: Iterable[str]) -> list[Event]:
        return [Event.from_json(row["data"]) for row in self._rows_in("SELECT data FROM events WHERE id IN ({})", event_ids)]

    def iter_stories(self) -> Iterator[Story]:
        for row in self.execute("SELECT data FROM stories ORDER BY id"):
            yield Story(**json.loads(row["data"]))

    # -- learned state --------------------------------------------------------------------------------

    def get_state(self, key: str) -> Any:
        row = self.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return json.loads(row["value"]) if row else None

    def set_state(self, key: str, value: Any) -> None:
        self.set_states({key: value})

    def set_states(self, values: dict[str, Any]) -> None:
        with self.transaction():
            for key, value in values.items():
                self.execute(
                    "INSERT INTO state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                    (key, json.dumps(value, ensure_ascii=False)),
                )


def _writes_article(item: Outcome) -> bool:
    return item.article is not None and item.store_row and item.outcome in ("new", "revised", "rejected")


# Namespace of the article locks (the first of the two 32-bit keys of a PostgreSQL advisory lock).
ARTICLE_LOCKS = 0x6C696E69  # "lini"


def lock_key(article_id: str) -> int:
    """A 32-bit key standing for an article id (ids sharing one only wait for each other)."""
    digest = hashlib.blake2b(article_id.encode("utf-8", "surrogatepass"), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


def _reported_in(event: Event) -> list[str]:
    """The articles that report the event, for finding events by article or outlet (the evidence itself is
    kept once, with the event)."""
    found = dict.fromkeys(item.article_id for item in event.evidence)
    if event.article_id:
        found.setdefault(event.article_id)
    return list(found)
