"""What differs between the SQL databases a store can live in, in one interface.

The store's statements (:mod:`linimasa.store.sql`) and its schema (:mod:`linimasa.store.schema`) are written
once; everywhere two databases would need different SQL they ask the store's :class:`Dialect`, and a backend
module implements it. Nothing rewrites SQL text after the fact.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass


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

    def byte_order(self, expression: str) -> str:
        """``expression`` (text) as ORDER BY sorts it by its bytes, as SQLite compares text."""
        return expression

    hidden_columns: tuple[str, ...] = ()
    """Columns this database's schema adds for its own use, left out of every row returned to callers."""

    # -- schema ----------------------------------------------------------------------------------------

    text: str = "TEXT"
    integer: str = "INTEGER"

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
