"""Where articles, events and stories live: SQLite by default (one file), PostgreSQL for many writers.

Callers hold a :class:`Store` (the interface, :mod:`linimasa.store.base`) opened by :func:`open_store`; a
backend is one module, named here by the URL schemes it serves.
"""

from __future__ import annotations

from importlib import import_module

from .base import Outcome, RunCounts, Store, StoredArticle, StoreError, StoreUnavailable, redact
from .sqlite import SQLiteStore

DEFAULT_DB = "linimasa.db"

# URL scheme -> "module:class" of the backend that serves it; anything else is a SQLite file path.
BACKENDS = {
    "postgresql": "linimasa.store.postgres:PostgresStore",
    "postgres": "linimasa.store.postgres:PostgresStore",
}


def open_store(db: str = DEFAULT_DB, *, readonly: bool = False) -> Store:
    """Open (and create or migrate, unless read-only) the store named by a path or a database URL."""
    backend = BACKENDS.get(url_scheme(db))
    if backend is None:
        return SQLiteStore(db, readonly=readonly)
    module, name = backend.split(":")
    return getattr(import_module(module), name)(db, readonly=readonly)


def url_scheme(db: str) -> str:
    """The scheme of a database URL ("postgresql"), or "" for a file path."""
    scheme, separator, _ = db.partition("://")
    return scheme.lower() if separator and scheme.isidentifier() else ""


__all__ = ["BACKENDS", "DEFAULT_DB", "Outcome", "RunCounts", "SQLiteStore", "Store", "StoreError",
           "StoreUnavailable", "StoredArticle", "open_store", "redact", "url_scheme"]
