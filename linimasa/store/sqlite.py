"""The embedded store: one SQLite file in WAL mode.

Every write that belongs together is one transaction: a chunk of articles with their event mentions and
the run's accounting for them; the linked events with their sources and stories. A run killed at any point
leaves the store as it was after its last committed chunk, and the next run picks up the rest.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..model import Article, Event, Story, to_dict
from .schema import LATEST_VERSION, MIGRATIONS


READER_CACHE_KIB = 64 * 1024  # page cache of each read-only connection
READER_MMAP_BYTES = 256 * 1024 * 1024  # address space, not memory: pages are shared with the OS cache

class StoreError(Exception):
    """The store cannot be opened or used; the message says what to do."""


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(slots=True)
class StoredArticle:
    id: str
    content_hash: str
    version: int
    status: str


@dataclass
class RunCounts:
    read: int = 0
    new: int = 0
    revised: int = 0
    duplicates: int = 0
    rejected: int = 0

    @property
    def stored(self) -> int:
        return self.new + self.revised

    def add(self, other: "RunCounts") -> None:
        self.read += other.read
        self.new += other.new
        self.revised += other.revised
        self.duplicates += other.duplicates
        self.rejected += other.rejected


@dataclass(slots=True)
class Outcome:
    """What became of one input: the article (for new/revised/duplicate rows) and how it is counted."""

    outcome: str  # new | revised | duplicate | rejected
    source: str
    article: Article | None = None
    article_id: str | None = None
    reason: str | None = None
    store_row: bool = True  # False for a re-ingest of an article already stored as it is


class SQLiteStore:
    """The store behind every command. Open with :func:`linimasa.store.open_store`."""

    dialect = "sqlite"

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        if Path(self.path).is_dir():
            raise StoreError(f"{self.path} is a folder, not a store: pass --db with a file path (e.g. "
                             f"{Path(self.path) / 'linimasa.db'})")
        if readonly:
            if not Path(self.path).exists():
                raise StoreError(f"no store at {self.path}: run `linimasa run PATH...` first, or pass --db")
            # Quoted: '#', '?' and '%' in a path would otherwise end or alter the URI (and drop mode=ro).
            uri = f"file:{quote(str(Path(self.path).resolve()))}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=30)
        else:
            parent = Path(self.path).resolve().parent
            if not parent.exists():
                raise StoreError(f"cannot create the store {self.path}: folder {parent} does not exist")
            try:
                self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=60, isolation_level=None)
            except sqlite3.Error as exc:
                raise StoreError(f"cannot open the store {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            if not readonly:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self.conn.execute("PRAGMA foreign_keys=ON")
                self.migrate()
            else:
                self.conn.execute("PRAGMA query_only=ON")
                # A reader (the web view) walks indexes of the whole store; SQLite's default 2 MB page
                # cache makes it reread them from the file on every request.
                self.conn.execute(f"PRAGMA cache_size=-{READER_CACHE_KIB}")
                self.conn.execute(f"PRAGMA mmap_size={READER_MMAP_BYTES}")
                if self.schema_version() != LATEST_VERSION:
                    raise StoreError(
                        f"the store {self.path} has schema version {self.schema_version()}, this linimasa needs "
                        f"{LATEST_VERSION}: run any writing command (e.g. `linimasa run`) once to migrate it"
                    )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a linimasa store (SQLite says: {exc})") from exc

    # -- schema ---------------------------------------------------------------------------------------

    def schema_version(self) -> int:
        row = self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'"
        ).fetchone()
        if row is None:
            return 0
        return self.conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0

    def migrate(self) -> None:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)"
        )
        current = self.schema_version()
        if current > LATEST_VERSION:
            raise StoreError(
                f"the store {self.path} has schema version {current}, newer than this linimasa ({LATEST_VERSION}): "
                "upgrade linimasa"
            )
        for version, description, statements in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction():
                for statement in statements:
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO schema_version(version, description, applied_at) VALUES (?, ?, ?)",
                    (version, description, utcnow()),
                )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    # -- runs -----------------------------------------------------------------------------------------

    def begin_run(self, command: str, inputs: list[str]) -> int:
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs(started_at, command, inputs) VALUES (?, ?, ?)",
                (utcnow(), command, json.dumps(inputs, ensure_ascii=False)),
            )
            return int(cur.lastrowid)

    def finish_run(self, run_id: int, status: str, events: int | None, stories: int | None) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE runs SET finished_at=?, status=?, events=?, stories=? WHERE id=?",
                (utcnow(), status, events, stories, run_id),
            )

    def run(self, run_id: int) -> dict[str, Any]:
        row = self.conn.execute("SELECT * FROM runs WHERE id=?", (run_id,)).fetchone()
        return dict(row) if row else {}

    def rejections(self, run_id: int) -> list[tuple[str, str]]:
        rows = self.conn.execute(
            "SELECT source, reason FROM run_inputs WHERE run_id=? AND outcome='rejected' ORDER BY rowid", (run_id,)
        )
        return [(r["source"], r["reason"]) for r in rows]

    # -- articles -------------------------------------------------------------------------------------

    def lookup(self, article_id: str) -> StoredArticle | None:
        return self.lookup_many([article_id]).get(article_id)

    def find_by_hash(self, content_hash: str) -> str | None:
        """The id of the first stored, non-duplicate article with this content, if any."""
        return self.find_by_hashes([content_hash]).get(content_hash)

    def lookup_many(self, article_ids: Iterable[str]) -> dict[str, StoredArticle]:
        """:meth:`lookup` of many ids in a few queries: the stored ones, by id."""
        return {
            row["id"]: StoredArticle(row["id"], row["content_hash"], row["version"], row["status"])
            for row in self._rows_in("SELECT id, content_hash, version, status FROM articles WHERE id IN ({})",
                                     article_ids)
        }

    def earlier_versions(self, article_ids: Iterable[str]) -> dict[str, tuple[frozenset[str], str]]:
        """For stored articles: the content hashes of every earlier version, and the current raw text; what
        a run needs to tell a real revision from an old or truncated copy arriving again."""
        ids = list(article_ids)
        history: dict[str, set[str]] = {}
        for row in self._rows_in("SELECT article_id, content_hash FROM article_versions WHERE article_id IN ({})", ids):
            history.setdefault(row["article_id"], set()).add(row["content_hash"])
        return {row["id"]: (frozenset(history.get(row["id"], ())), row["text_raw"] or "")
                for row in self._rows_in("SELECT id, text_raw FROM articles WHERE id IN ({})", ids)}

    def find_by_hashes(self, content_hashes: Iterable[str]) -> dict[str, str]:
        """:meth:`find_by_hash` of many hashes in a few queries: the hashes held, each with its first id."""
        found: dict[str, str] = {}
        rows = self._rows_in("SELECT content_hash, id, rowid FROM articles WHERE content_hash IN ({}) "
                             "AND status != 'duplicate'", content_hashes)
        for row in sorted(rows, key=lambda r: r["rowid"]):
            found.setdefault(row["content_hash"], row["id"])
        return found

    def _rows_in(self, sql: str, values: Iterable[Any], batch: int = 500) -> list[Any]:
        """The rows of ``sql``, whose ``{}`` takes a list of values, for every distinct value (asked in
        batches: a statement takes a bounded number of parameters)."""
        distinct = list(dict.fromkeys(values))
        rows: list[Any] = []
        for start in range(0, len(distinct), batch):
            part = distinct[start : start + batch]
            rows.extend(self.conn.execute(sql.format(",".join("?" * len(part))), part))
        return rows

    def save_chunk(self, run_id: int, outcomes: Iterable[Outcome]) -> RunCounts:
        """Store a chunk's articles, event mentions and accounting in one transaction."""
        counts = RunCounts()
        now = utcnow()
        with self.transaction():
            for item in outcomes:
                counts.read += 1
                if item.outcome == "new":
                    counts.new += 1
                elif item.outcome == "revised":
                    counts.revised += 1
                elif item.outcome == "duplicate":
                    counts.duplicates += 1
                else:
                    counts.rejected += 1
                self.conn.execute(
                    "INSERT INTO run_inputs(run_id, source, article_id, outcome, reason) VALUES (?, ?, ?, ?, ?)",
                    (run_id, item.source, item.article_id, item.outcome, item.reason),
                )
                if item.article is not None and item.store_row:
                    if item.outcome == "revised":
                        self._archive_version(item.article.id, run_id, now)
                    self._write_article(item.article, run_id, now)
                elif item.outcome == "rejected" and item.article_id:
                    self._record_rejected(item, run_id, now)
            self.conn.execute(
                "UPDATE runs SET read=read+?, new=new+?, revised=revised+?, duplicates=duplicates+?, "
                "rejected=rejected+? WHERE id=?",
                (counts.read, counts.new, counts.revised, counts.duplicates, counts.rejected, run_id),
            )
        return counts

    def _record_rejected(self, item: Outcome, run_id: int, now: str) -> None:
        """An input that named its id but could not be read: listed among the articles, never over a good one."""
        self.conn.execute(
            "INSERT INTO articles(id, text_raw, content_hash, status, reason, source, run_id, ingested_at, updated_at) "
            "VALUES (?, '', '', 'rejected', ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
            (item.article_id, item.reason, item.source, run_id, now, now),
        )

    def _archive_version(self, article_id: str, run_id: int, now: str) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO article_versions(article_id, version, title, text_raw, content_hash, metadata, "
            "replaced_at, replaced_by_run) SELECT id, version, title, text_raw, content_hash, metadata, ?, ? "
            "FROM articles WHERE id=?",
            (now, run_id, article_id),
        )

    def _write_article(self, article: Article, run_id: int, now: str) -> None:
        existing = self.conn.execute("SELECT version, ingested_at FROM articles WHERE id=?", (article.id,)).fetchone()
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
            self.conn.execute(
                "INSERT INTO articles(title, text_raw, text_clean, outlet, url, published, lang, metadata, annotations,"
                " content_hash, status, duplicate_of, near_duplicate_of, reason, source, run_id, updated_at, id,"
                " version, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?)",
                row + (article.id, now),
            )
        else:
            self.conn.execute(
                "UPDATE articles SET title=?, text_raw=?, text_clean=?, outlet=?, url=?, published=?, lang=?, "
                "metadata=?, annotations=?, content_hash=?, status=?, duplicate_of=?, near_duplicate_of=?, reason=?, "
                "source=?, run_id=?, updated_at=?, version=version+1 WHERE id=?",
                row + (article.id,),
            )
        self.conn.execute("DELETE FROM event_mentions WHERE article_id=?", (article.id,))
        for event_id, kind, modality, date, data in article.event_rows():
            self.conn.execute(
                "INSERT OR REPLACE INTO event_mentions(id, article_id, type, modality, date, data) VALUES (?,?,?,?,?,?)",
                (event_id, article.id, kind, modality, date, data),
            )

    def iter_articles(self, status: str | None = None) -> Iterator[dict[str, Any]]:
        sql = "SELECT * FROM articles"
        params: tuple = ()
        if status:
            sql += " WHERE status=?"
            params = (status,)
        for row in self.conn.execute(sql + " ORDER BY rowid", params):
            yield dict(row)

    def iter_dedup_entries(self) -> Iterator[dict[str, Any]]:
        """What the near-duplicate index needs of each processed article, in the order they were stored."""
        for row in self.conn.execute(
            "SELECT id, outlet, url, text_raw, text_clean, near_duplicate_of FROM articles "
            "WHERE status = 'processed' ORDER BY rowid"
        ):
            yield dict(row)

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        return dict(row) if row else None

    def article_versions(self, article_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT * FROM article_versions WHERE article_id=? ORDER BY version", (article_id,)
        )
        return [dict(r) for r in rows]

    def count_articles(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT status, count(*) AS n FROM articles GROUP BY status")
        return {r["status"]: r["n"] for r in rows}

    # -- events ---------------------------------------------------------------------------------------

    def iter_event_mentions(self) -> Iterator[Event]:
        for row in self.conn.execute(
            "SELECT m.data FROM event_mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE a.status = 'processed' ORDER BY m.rowid"
        ):
            yield Event.from_dict(json.loads(row["data"]))

    def iter_events(self) -> Iterator[Event]:
        for row in self.conn.execute("SELECT data FROM events ORDER BY coalesce(date, ''), id"):
            yield Event.from_dict(json.loads(row["data"]))

    def replace_events(self, events: list[Event], stories: list[Story]) -> None:
        """Replace the linked events, their sources and the stories in one transaction."""
        story_of = {eid: s.id for s in stories for eid in s.event_ids}
        with self.transaction():
            for table in ("event_sources", "event_participants", "events", "stories"):
                self.conn.execute(f"DELETE FROM {table}")
            for event in events:
                self.conn.execute(
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
                        json.dumps(to_dict(event), ensure_ascii=False),
                    ),
                )
                for p in event.participants:
                    self.conn.execute(
                        "INSERT INTO event_participants(event_id, name, country, role, kind, kb_id, side) "
                        "VALUES (?,?,?,?,?,?,?)",
                        (event.id, p.name, p.country, p.role, p.kind, p.kb_id, p.side),
                    )
                for article_id, mention_id, evidence in _sources_of(event):
                    self.conn.execute(
                        "INSERT OR REPLACE INTO event_sources(event_id, article_id, mention_id, evidence) "
                        "VALUES (?,?,?,?)",
                        (event.id, article_id, mention_id, json.dumps(evidence, ensure_ascii=False)),
                    )
            for story in stories:
                self.conn.execute(
                    "INSERT INTO stories(id, title, overview, data) VALUES (?,?,?,?)",
                    (story.id, story.title, story.overview, json.dumps(to_dict(story), ensure_ascii=False)),
                )

    def iter_stories(self) -> Iterator[Story]:
        for row in self.conn.execute("SELECT data FROM stories ORDER BY id"):
            yield Story(**json.loads(row["data"]))

    def article_refs(self, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """outlet, url, published and title of articles, for an event's `sources`."""
        rows = self._rows_in("SELECT id, outlet, url, published, title FROM articles WHERE id IN ({})", article_ids)
        return {row["id"]: dict(row) for row in rows}

    # -- learned state (outlet templates, near-duplicate index) ---------------------------------------

    def get_state(self, key: str) -> Any:
        row = self.conn.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return json.loads(row["value"]) if row else None

    def set_state(self, key: str, value: Any) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    def search_articles(self, query: str, limit: int = 50) -> list[str]:
        rows = self.conn.execute(
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ? "
            "ORDER BY rank LIMIT ?",
            (query, limit),
        )
        return [r["id"] for r in rows]


def _sources_of(event: Event) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
    """(article_id, mention key, evidence list) for each article that reports the event."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for ev in event.evidence:
        by_article.setdefault(ev.article_id, []).append(to_dict(ev))
    if event.article_id and event.article_id not in by_article:
        by_article[event.article_id] = []
    for article_id, evidence in by_article.items():
        yield article_id, f"{event.id}:{article_id}", evidence
