"""Where articles, events and stories live: SQLite by default (one file), PostgreSQL for many writers."""

from __future__ import annotations

from .sqlite import Outcome, RunCounts, SQLiteStore, StoreError, StoredArticle

DEFAULT_DB = "linimasa.db"


def open_store(db: str = DEFAULT_DB, *, readonly: bool = False) -> SQLiteStore:
    """Open (and create or migrate, unless read-only) the store named by a path or a database URL."""
    if db.startswith(("postgresql://", "postgres://")):
        raise StoreError(f"{db}: PostgreSQL stores are not available in this version; use a SQLite file path")
    return SQLiteStore(db, readonly=readonly)


__all__ = ["DEFAULT_DB", "Outcome", "RunCounts", "SQLiteStore", "StoreError", "StoredArticle", "open_store"]
