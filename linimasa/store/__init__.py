"""Where articles, events and stories live: SQLite by default (one file), PostgreSQL for many writers."""

from __future__ import annotations

from .sqlite import Outcome, RunCounts, SQLiteStore, StoreError, StoredArticle

DEFAULT_DB = "linimasa.db"


def open_store(db: str = DEFAULT_DB, *, readonly: bool = False) -> SQLiteStore:
    """Open (and create or migrate, unless read-only) the store named by a path or a database URL."""
    if is_postgres_url(db):
        from .postgres import PostgresStore

        return PostgresStore(db, readonly=readonly)
    return SQLiteStore(db, readonly=readonly)


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


__all__ = ["DEFAULT_DB", "Outcome", "RunCounts", "SQLiteStore", "StoreError", "StoredArticle", "is_postgres_url", "open_store"]
