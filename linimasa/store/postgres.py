"""The shared store: PostgreSQL, for many writers and distributed runs.

Same tables, columns and behaviour as the SQLite store: the statements and the schema are
:class:`~linimasa.store.sql.SQLStore`'s and :mod:`~linimasa.store.schema`'s, and :class:`PostgresDialect` says
how PostgreSQL differs. What stands in for SQLite's built-ins, so that the shared statements mean the same
here:

- ``rowid``: a ``BIGSERIAL`` column on the tables whose insertion order readers rely on (articles,
  run_inputs, event_mentions). A replaced row takes a new one, as SQLite's ``INSERT OR REPLACE`` does.
- text compared by its bytes: every text column is ``COLLATE "C"``, as SQLite compares, so events and
  stories come out in the same order, and dates compare the same, whatever the server's locale.
- full text: a generated ``search`` tsvector column with a GIN index in place of each FTS5 table, over the
  words as FTS5 splits them (:func:`words_text`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from .base import StoreError, StoreUnavailable, redact
from .dialect import Dialect, FullText
from .filters import words_of
from .schema import ARTICLE_WORDS, ARTICLES_SEARCHABLE_VIEW, EVENT_WORDS, INSERTION_ORDERED, LATEST_VERSION
from .sql import SQLStore

try:
    import psycopg
    from psycopg.rows import dict_row
except ImportError:  # pragma: no cover - psycopg is a declared dependency
    psycopg = None

# Rows fetched per round trip when streaming a large table.
PAGE_ROWS = 1000

# Serialises concurrent migrations of one database (any constant; the key of an advisory lock).
MIGRATION_LOCK = 0x6C696E696D617361  # "linimasa"
# Held by a link step (exclusive) and by each chunk that queues link changes (shared).
LINK_LOCK = MIGRATION_LOCK + 1


@lru_cache(maxsize=512)
def _format_style(statement: str) -> str:
    # psycopg takes %s placeholders, and a literal % doubled
    return statement.replace("%", "%%").replace("?", "%s")


def _latin_letters_with_marks() -> tuple[str, str]:
    """The Latin letters with diacritics (Latin-1 Supplement, Extended-A and -B, Extended Additional) and
    the ASCII letter each decomposes to: what FTS5's ``remove_diacritics`` folds. Canonical decompositions
    never change (Unicode's stability policy), so neither does this table, nor the columns built with it."""
    accented, plain = [], []
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        base, *marks = unicodedata.normalize("NFD", char)
        if marks and base.isascii() and base.isalpha() and all(unicodedata.combining(m) for m in marks):
            accented.append(char)
            plain.append(base)
    return "".join(accented), "".join(plain)


ACCENTED, UNACCENTED = _latin_letters_with_marks()
# Word separators besides what PostgreSQL's text-search parser splits on: ASCII punctuation, white space and
# control characters, and the spaces, dashes and quotation marks of typeset text.
SEPARATORS = r"[[:punct:][:space:][:cntrl:]\u00a0\u00ab\u00bb\u2000-\u200b\u2010-\u2027\u2030-\u205e\u3000-\u3003]+"


def words_text(expression: str) -> str:
    """The text of ``expression`` as plain words separated by spaces, diacritics removed, for
    ``to_tsvector('simple', ...)``. PostgreSQL's parser reads URLs, e-mail addresses, paths, dates like
    12/5/2015 and hyphenated words as tokens of their own, where SQLite's FTS5 index finds each word in them;
    with the separators made spaces first, both find the same words. ``COLLATE "C"``: the same classes
    whatever the server's locale, for the stored text and for a user's words alike."""
    return (f"translate(regexp_replace(({expression}) COLLATE \"C\", '{SEPARATORS}', ' ', 'g'), "
            f"'{ACCENTED}', '{UNACCENTED}')")


# A user's words as a query: every word required, no syntax.
WORDS = f"plainto_tsquery('simple', {words_text('CAST(? AS text)')})"
# The same as a scalar subquery, worked out once per statement (an InitPlan), not again for each row that a
# prepared statement's generic plan tests (a page of events with common words: 1,345 ms -> 506 ms).
WORDS_QUERY = f"(SELECT {WORDS})"

# The tables of schema version 4, whose text columns version 4 makes byte-ordered.
TABLES_V4 = ("runs", "run_inputs", "articles", "article_versions", "event_mentions", "events", "event_sources",
             "event_participants", "stories", "state")


class PostgresDialect(Dialect):
    name = "postgresql"
    key_lock = "SELECT pg_advisory_xact_lock(?, ?)"
    hidden_columns = ("rowid", "search")  # rowid: SQLite's implicit one made explicit; search: the words
    # byte order, as SQLite compares text: the same order and the same date comparisons whatever the locale
    text = 'TEXT COLLATE "C"'
    integer = "BIGINT"
    blob = "BYTEA"
    # a lookup's events passed as an array (16,000 ids for an outlet) cost more than letting the planner,
    # which keeps statistics, join the lookup (outlet + year: 200 -> 77 ms at the store, 100,000 events)
    joins_lookups = True

    def sql(self, statement: str) -> str:
        return _format_style(statement)

    def holds(self, text: str) -> bool:
        return "\x00" not in text  # PostgreSQL's text has no NUL character

    def insert_or_replace(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        updates = [f"{c}=EXCLUDED.{c}" for c in columns if c not in key]
        if table in INSERTION_ORDERED:
            updates.append("rowid=DEFAULT")  # a replaced row moves to the end, as in SQLite
        return (f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
                f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {', '.join(updates)}")

    # -- schema ----------------------------------------------------------------------------------------

    @property
    def serial_key(self) -> str:
        return "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"

    def insertion_order(self) -> str:
        return "rowid BIGSERIAL UNIQUE,"

    def nocase(self, column: str) -> str:
        return f"lower({column})"  # of byte-ordered ("C") text: ASCII letters only, as SQLite's NOCASE

    def create_full_text(self, spec: FullText) -> list[str]:
        """A generated tsvector column ``search`` with a GIN index (it keeps itself current: no triggers).
        Stripped of word positions: every search is for words, never phrases, and the column stays small."""
        text = " || ' ' || ".join(f"coalesce({', '.join(columns)}, '')" for _, columns in spec.fields)
        vector = f"strip(to_tsvector('simple', {words_text(text)}))"
        if spec.skip:
            column, value = spec.skip
            vector = f"CASE WHEN {column} <> '{value}' THEN {vector} END"
        return [
            # an index made again replaces the column made for it before (its GIN index goes with it)
            f"ALTER TABLE {spec.table} DROP COLUMN IF EXISTS search",
            f"ALTER TABLE {spec.table} ADD COLUMN search tsvector GENERATED ALWAYS AS ({vector}) STORED",
            f"CREATE INDEX {spec.table}_search ON {spec.table} USING GIN (search)",
        ]

    def drop_full_text(self, spec: FullText) -> list[str]:
        return [f"ALTER TABLE {spec.table} DROP COLUMN IF EXISTS search"]

    def upgrade(self, version: int) -> list[str]:
        if version != 4:
            return []
        # Stores made before version 4 compared text in the server's locale and split words with the
        # text-search parser alone; the view and the search columns hang on the columns retyped, so they
        # are made again after.
        tables = ", ".join(f"'{t}'" for t in TABLES_V4)
        return [
            "DROP VIEW IF EXISTS articles_searchable",
            *self.drop_full_text(ARTICLE_WORDS), *self.drop_full_text(EVENT_WORDS),
            f"""DO $$
            DECLARE c record;
            BEGIN
                FOR c IN SELECT table_name, column_name FROM information_schema.columns
                         WHERE table_schema = current_schema() AND data_type = 'text'
                           AND collation_name IS DISTINCT FROM 'C' AND table_name IN ({tables})
                LOOP
                    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE text COLLATE "C"', c.table_name,
                                   c.column_name);
                END LOOP;
            END $$""",
            # the web view's queries reach events by rowid, as SQLite's implicit one
            "ALTER TABLE events ADD COLUMN IF NOT EXISTS rowid BIGSERIAL UNIQUE",
            ARTICLES_SEARCHABLE_VIEW,
            *self.create_full_text(ARTICLE_WORDS), *self.create_full_text(EVENT_WORDS),
        ]

    # -- reading ---------------------------------------------------------------------------------------

    def words(self, text: str) -> str:
        return " ".join(words_of(text))

    def holds_words(self, spec: FullText, alias: str) -> str:
        return f"{alias}.search @@ {WORDS_QUERY}"

    def count_holding_words(self, spec: FullText) -> str:
        return (f"SELECT count(*) AS n FROM (SELECT 1 FROM {spec.table} t WHERE {self.holds_words(spec, 't')} "
                "LIMIT ?) AS hits")

    def ranked_matches(self, spec: FullText) -> str:
        return (f"SELECT t.id AS id FROM {spec.table} t, {WORDS} AS q WHERE t.search @@ q "
                "ORDER BY ts_rank(t.search, q) DESC, t.rowid LIMIT ?")

    def in_list(self, expression: str) -> str:
        return f"{expression} = ANY(?)"

    def list_param(self, values: list[Any]) -> list[Any]:
        return list(values)

    def nocase_in(self, column: str, count: int) -> str:
        value = 'lower(CAST(? AS text) COLLATE "C")'
        return f"lower({column}) IN ({', '.join([value] * count)})"

    def contains_nocase(self, column: str) -> str:
        return f"{column} ILIKE ? ESCAPE '\\'"

    def json_number(self, column: str, *path: str) -> str:
        return f"CAST(CAST({column} AS jsonb) #>> '{{{','.join(path)}}}' AS double precision)"


class PostgresStore(SQLStore):
    """The store on a PostgreSQL server. Open with :func:`linimasa.store.open_store` and a postgresql:// URL."""

    dialect = PostgresDialect()

    def __init__(self, url: str, *, readonly: bool = False):
        if psycopg is None:  # pragma: no cover
            raise StoreError("PostgreSQL stores need psycopg: pip install 'psycopg[binary]'")
        self.url = url
        self.path = redact(url)
        self.readonly = readonly
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to the store {self.path}: {str(exc).strip()}") from exc
        if readonly:
            self.conn.execute("SET default_transaction_read_only = on")
            # A reader's queries (the web view's) are short: compiling them costs more than it saves (667 of
            # 1,321 ms of a page of events with common words, on 100,000 events)
            self.conn.execute("SET jit = off")
            unreadable = self.readable_schema()
            if unreadable:
                raise StoreError(unreadable)
        else:
            self.migrate()

    # -- schema and transactions -----------------------------------------------------------------------

    def schema_version(self) -> int:
        row = self.execute("SELECT to_regclass('schema_version') AS t").fetchone()
        if row["t"] is None:
            return 0
        return self.execute("SELECT max(version) AS v FROM schema_version").fetchone()["v"] or 0

    def migrate(self) -> None:
        with self.transaction():
            # Writers opening a new database at once would otherwise race to create it.
            self.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            self.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT, "
                "applied_at TEXT)"
            )
            current = self.schema_version()
            if current > LATEST_VERSION:
                raise StoreError(
                    f"the store {self.path} has schema version {current}, newer than this linimasa "
                    f"({LATEST_VERSION}): upgrade linimasa"
                )
            for migration, statements in self.pending_migrations(current):
                self._apply_migration(migration, statements)

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        try:
            with self.conn.transaction():
                yield self.conn
        except psycopg.OperationalError as exc:
            raise StoreError(f"the store {self.path} failed: {str(exc).strip()}") from exc

    @contextmanager
    def snapshot(self) -> Iterator[PostgresStore]:
        try:
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                yield self
            finally:
                self.conn.execute("ROLLBACK")
        except psycopg.OperationalError as exc:
            raise StoreUnavailable(f"the store {self.path} could not answer: {str(exc).strip()}") from exc

    def close(self) -> None:
        self.conn.close()

    def lock_links(self, exclusive: bool) -> None:
        """A link step (``exclusive``) waits for the chunks being committed and holds off new ones until it
        commits, so that what it reads does not change under it; chunks (shared) go on side by side."""
        lock = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        self.execute(f"SELECT {lock}(?)", (LINK_LOCK,))

    def _stream(self, columns: str, source: str, where: str | None, params: tuple,
                order: str) -> Iterator[Mapping[str, Any]]:
        # psycopg fetches a whole result at once: large tables are read a page at a time, by insertion order
        condition = f"({where}) AND " if where else ""
        last = -1
        while True:
            rows = self.execute(
                f"SELECT {columns}, {order} AS page_key FROM {source} WHERE {condition}{order} > ? "
                f"ORDER BY {order} LIMIT ?", params + (last, PAGE_ROWS),
            ).fetchall()
            if not rows:
                return
            last = rows[-1]["page_key"]
            for row in rows:
                del row["page_key"]
                yield row
