"""The embedded store: one SQLite file in WAL mode.

What is SQLite's own: opening the file (read-only by URI, also in a folder the reader cannot write), its
pragmas, ``BEGIN IMMEDIATE`` transactions, FTS5 tables kept current by triggers, and :class:`SQLiteDialect`.
Everything else is :class:`~linimasa.store.sql.SQLStore`'s.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .base import StoreError, StoreUnavailable
from .dialect import Dialect, FullText
from .filters import words_of
from .schema import LATEST_VERSION
from .sql import SQLStore

READER_CACHE_KIB = 64 * 1024  # page cache of each read-only connection
READER_MMAP_BYTES = 256 * 1024 * 1024  # address space, not memory: pages are shared with the OS cache
# Page cache of a writing connection: the near-duplicate band index takes 32 keys per article at random
# places, so a chunk's commit touches pages all over it; SQLite's default 2 MB cache reread them each time.
WRITER_CACHE_KIB = 64 * 1024
FTS_TOKENIZER = "unicode61 remove_diacritics 2"


class SQLiteDialect(Dialect):
    name = "sqlite"
    key_only = " WITHOUT ROWID"

    def insert_or_replace(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        return f"INSERT OR REPLACE INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    @property
    def serial_key(self) -> str:
        return "INTEGER PRIMARY KEY AUTOINCREMENT"

    def nocase(self, column: str) -> str:
        return f"{column} COLLATE NOCASE"

    def create_full_text(self, spec: FullText) -> list[str]:
        """An FTS5 table over the table (or over ``spec.view``, when rows are skipped) and the triggers that
        keep it current; each trigger statement is guarded rather than the trigger, so that an update
        removes the old entry before it adds the new one whatever the rows' values."""
        fields = ", ".join(spec.field_names())
        content, content_rowid = (spec.view, "doc_id") if spec.view else (spec.table, "rowid")

        def rows(row: str, *values: str) -> str:
            listed = ", ".join((*values, _values(spec, row)))
            return f"SELECT {listed}{_guard(spec, row)}" if spec.skip else f"VALUES ({listed})"

        def add(row: str) -> str:
            return f"INSERT INTO {spec.name}(rowid, {fields}) {rows(row, f'{row}.rowid')};"

        def remove(row: str) -> str:
            deleted = rows(row, "'delete'", f"{row}.rowid")
            return f"INSERT INTO {spec.name}({spec.name}, rowid, {fields}) {deleted};"

        return [
            f"""CREATE VIRTUAL TABLE {spec.name} USING fts5(
                {fields}, content='{content}', content_rowid='{content_rowid}', tokenize='{FTS_TOKENIZER}'
            )""",
            f"CREATE TRIGGER {spec.name}_insert AFTER INSERT ON {spec.table} BEGIN\n    {add('new')}\nEND",
            f"CREATE TRIGGER {spec.name}_delete AFTER DELETE ON {spec.table} BEGIN\n    {remove('old')}\nEND",
            f"CREATE TRIGGER {spec.name}_update AFTER UPDATE ON {spec.table} BEGIN\n    {remove('old')}\n"
            f"    {add('new')}\nEND",
            # the rows already there (a table made in the same migration has none)
            f"INSERT INTO {spec.name}(rowid, {fields}) SELECT {spec.table}.rowid, {_values(spec, spec.table)} "
            f"FROM {spec.table}{_guard(spec, spec.table)}",
        ]

    def drop_full_text(self, spec: FullText) -> list[str]:
        return [*(f"DROP TRIGGER {spec.name}_{event}" for event in ("insert", "delete", "update")),
                f"DROP TABLE {spec.name}"]

    def words(self, text: str) -> str:
        # every word quoted, all required: FTS5 query syntax in what a user typed stays words
        return " ".join(f'"{word}"' for word in words_of(text))

    def holds_words(self, spec: FullText, alias: str) -> str:
        return f"{alias}.rowid IN (SELECT rowid FROM {spec.name} WHERE {spec.name} MATCH ?)"

    def count_holding_words(self, spec: FullText) -> str:
        return f"SELECT count(*) AS n FROM (SELECT rowid FROM {spec.name} WHERE {spec.name} MATCH ? LIMIT ?)"

    def ranked_matches(self, spec: FullText) -> str:
        return (f"SELECT t.id AS id FROM {spec.name} f JOIN {spec.table} t ON t.rowid = f.rowid "
                f"WHERE {spec.name} MATCH ? ORDER BY rank LIMIT ?")

    def articles_by_id(self, alias: str) -> str:
        # the id index holds each rowid: ids and full-text matches meet there, never in the wide rows
        return f"articles {alias} INDEXED BY sqlite_autoindex_articles_1"

    def in_list(self, expression: str) -> str:
        return f"{expression} IN (SELECT value FROM json_each(?))"

    def list_param(self, values: list[Any]) -> str:
        return json.dumps(values)

    def unindexed(self, column: str) -> str:
        # unary + stops SQLite, which keeps no statistics here, from preferring the column's index
        return f"+{column}"

    def nocase_in(self, column: str, count: int) -> str:
        return f"{column} COLLATE NOCASE IN ({', '.join('?' * count)})"

    def contains_nocase(self, column: str) -> str:
        return f"{column} LIKE ? ESCAPE '\\'"

    def json_number(self, column: str, *path: str) -> str:
        return f"json_extract({column}, '$.{'.'.join(path)}')"


def _values(spec: FullText, row: str) -> str:
    """The searched fields of ``row`` (new or old, in a trigger)."""
    values = []
    for _, columns in spec.fields:
        qualified = [f"{row}.{c}" for c in columns]
        values.append(qualified[0] if len(qualified) == 1 else f"coalesce({', '.join(qualified)})")
    return ", ".join(values)


def _guard(spec: FullText, row: str) -> str:
    if spec.skip is None:
        return ""
    column, value = spec.skip
    return f" WHERE {row}.{column} != '{value}'"


def connect_readonly(path: str) -> sqlite3.Connection:
    """A connection to the store file at ``path`` that cannot write it (``mode=ro``), for every reading command.

    A store is in WAL mode, and reading one needs its shared-memory index (the ``-shm`` file) beside it.
    When the folder is one this user may not write, SQLite cannot make that file; if no writer has the
    store open either (no ``-wal`` file: every change is in the store file itself), the file is read as
    immutable, without the index and without locks. A store being written in a folder the reader cannot
    write is refused with what to do."""
    # Quoted: '#', '?' and '%' in a path would otherwise end or alter the URI (and drop mode=ro).
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=30)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorname", "") not in NO_INDEX_ERRORS:
            raise
        if Path(path + "-wal").exists():
            raise StoreError(
                f"the store {path} is open for writing (its -wal file exists) in a folder this user cannot write, "
                "so it cannot be read consistently: read it when the writer has finished, or from a copy") from exc
    return sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False, timeout=30)


# What SQLite answers a read-only connection that cannot make a WAL store's shared-memory index.
NO_INDEX_ERRORS = frozenset({"SQLITE_READONLY_DIRECTORY", "SQLITE_READONLY_CANTINIT", "SQLITE_CANTOPEN"})


class SQLiteStore(SQLStore):
    """The store in one SQLite file. Open with :func:`linimasa.store.open_store`."""

    dialect = SQLiteDialect()

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        if Path(self.path).is_dir():
            raise StoreError(f"{self.path} is a folder, not a store: pass --db with a file path (e.g. "
                             f"{Path(self.path) / 'linimasa.db'})")
        if readonly:
            if not Path(self.path).exists():
                raise StoreError(f"no store at {self.path}: run `linimasa run PATH...` first, or pass --db")
            self.conn = connect_readonly(self.path)
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
                self.conn.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
                self.conn.execute("PRAGMA foreign_keys=ON")
                self.migrate()
            else:
                self.conn.execute("PRAGMA query_only=ON")
                # A reader (the web view) walks indexes of the whole store; SQLite's default 2 MB page
                # cache makes it reread them from the file on every request.
                self.conn.execute(f"PRAGMA cache_size=-{READER_CACHE_KIB}")
                self.conn.execute(f"PRAGMA mmap_size={READER_MMAP_BYTES}")
                unreadable = self.readable_schema()
                if unreadable:
                    raise StoreError(unreadable)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a linimasa store (SQLite says: {exc})") from exc

    # -- schema and transactions -----------------------------------------------------------------------

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
        for migration, statements in self.pending_migrations(current):
            with self.transaction():
                self._apply_migration(migration, statements)

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

    @contextmanager
    def snapshot(self) -> Iterator[SQLiteStore]:
        # WAL: a reader's transaction sees the database as of its first read, whatever commits meanwhile
        try:
            self.conn.execute("BEGIN")
            try:
                yield self
            finally:
                self.conn.rollback()
        except sqlite3.OperationalError as exc:
            raise StoreUnavailable(f"the store could not answer: {exc}") from exc

    def close(self) -> None:
        self.conn.close()

    def _stream(self, columns: str, source: str, where: str | None, params: tuple,
                order: str) -> Iterator[Mapping[str, Any]]:
        # SQLite steps through the rows as they are fetched: nothing large is held
        condition = f" WHERE {where}" if where else ""
        yield from self.conn.execute(f"SELECT {columns} FROM {source}{condition} ORDER BY {order}", params)
