"""What differs between the SQL databases a store can live in, in one interface.

The store's statements (:mod:`linimasa.store.sql`) and its schema (:mod:`linimasa.store.schema`) are written
once; everywhere two databases would need different SQL they ask the store's :class:`Dialect`, and a backend
module implements it. Nothing rewrites SQL text after the fact.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FullText:
    """Words searched in the rows of a table, as the schema declares them.

    ``fields``: each searched field's name with the columns whose first non-null value it holds;
    ``skip``: (column, value): rows holding that value are not searched (a duplicate repeats the text of the
    article it duplicates, which is searched already); ``view``: a view of the searched rows, for databases
    that index a view (it exposes ``doc_id`` and the fields)."""

    name: str
    table: str
    fields: tuple[tuple[str, tuple[str, ...]], ...]
    skip: tuple[str, str] | None = None
    view: str | None = None

    def field_names(self) -> list[str]:
        return [name for name, _ in self.fields]


class Dialect(ABC):
    """The SQL of one kind of database, where it differs from the others."""

    name: str

    # -- statements -------------------------------------------------------------------------------------

    def sql(self, statement: str) -> str:
        """A statement written with ``?`` placeholders (DB-API's qmark style, which every statement here
        uses and none holds otherwise), in the driver's placeholder style."""
        return statement

    @abstractmethod
    def insert_or_replace(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        """INSERT of ``columns`` (one placeholder each) that replaces the row with the same ``key``: the old
        row is gone and the new one comes last in insertion order."""

    def holds(self, text: str) -> bool:
        """Whether a text column can hold ``text`` (a value it cannot hold is in no row)."""
        return True

    key_lock: str | None = None
    """A statement that takes two 32-bit integers (a namespace and a key) and holds a lock on them until the
    transaction ends, for databases whose write transactions run at once; None where a write transaction
    excludes every other writer already (SQLite's ``BEGIN IMMEDIATE``)."""

    hidden_columns: tuple[str, ...] = ()
    """Columns this database's schema adds for its own use, left out of every row returned to callers."""

    # -- schema ----------------------------------------------------------------------------------------

    text: str = "TEXT"
    integer: str = "INTEGER"
    blob: str = "BLOB"
    key_only: str = ""
    """What follows a CREATE TABLE's closing parenthesis for a table that is only its primary key (SQLite
    then keeps it as that index alone, without a rowid table beside it)."""

    @property
    @abstractmethod
    def serial_key(self) -> str:
        """Column definition of an integer primary key numbered by the database."""

    def insertion_order(self) -> str:
        """Column definitions (ending with a comma, or empty) that keep the order rows were inserted in,
        as ``rowid``, for tables whose readers rely on it."""
        return ""

    @abstractmethod
    def nocase(self, column: str) -> str:
        """An index expression on ``column`` that compares ASCII letters without regard to case."""

    @abstractmethod
    def create_full_text(self, spec: FullText) -> list[str]:
        """Statements that create the search index of ``spec`` over the rows already there and keep it
        current as rows change."""

    @abstractmethod
    def drop_full_text(self, spec: FullText) -> list[str]: ...

    def upgrade(self, version: int) -> list[str]:
        """What this database's stores made by an earlier linimasa need, besides the statements every
        database shares, to reach schema ``version`` (a backend whose stores were right from the start
        needs nothing)."""
        return []

    # -- reading ---------------------------------------------------------------------------------------

    joins_lookups: bool = False
    """Whether the web view's participant, outlet and word lookups are left to the database to join, as
    subqueries (a planner that keeps statistics plans them well), rather than run first and their events
    passed to each query as one list (SQLite's planner keeps none: the list lets a query start from few
    events)."""

    @abstractmethod
    def words(self, text: str) -> Any:
        """The parameter :meth:`holds_words` takes for the words a user typed (never query syntax)."""

    @abstractmethod
    def holds_words(self, spec: FullText, alias: str) -> str:
        """A condition (one placeholder: :meth:`words`) on the row ``alias`` of ``spec.table``: it holds every
        word."""

    @abstractmethod
    def count_holding_words(self, spec: FullText) -> str:
        """``SELECT count(*) AS n``: how many rows hold every word, counted up to a cap (placeholders:
        :meth:`words`, the cap)."""

    @abstractmethod
    def ranked_matches(self, spec: FullText) -> str:
        """``SELECT id``: the rows holding every word, best match first (placeholders: :meth:`words`,
        limit)."""

    def articles_by_id(self, alias: str) -> str:
        """The articles table as a FROM item for rows reached by id."""
        return f"articles {alias}"

    @abstractmethod
    def in_list(self, expression: str) -> str:
        """A condition: ``expression`` is one of a list of values given as one parameter (:meth:`list_param`)."""

    @abstractmethod
    def list_param(self, values: list[Any]) -> Any: ...

    def unindexed(self, column: str) -> str:
        """``column`` written so that the planner does not pick its index (when the query should start from
        elsewhere)."""
        return column

    @abstractmethod
    def nocase_in(self, column: str, count: int) -> str:
        """A condition: ``column`` equals one of ``count`` values, ASCII letters compared without case (as
        the :meth:`nocase` index does)."""

    @abstractmethod
    def contains_nocase(self, column: str) -> str:
        """A condition: ``column`` matches a LIKE pattern (escape: backslash), ASCII letters compared
        without case."""

    @abstractmethod
    def json_number(self, column: str, *path: str) -> str:
        """The number at ``path`` in the JSON text of ``column`` (NULL when absent)."""
