"""Shared fixtures: where ../shared is, temporary stores of every backend, and runs of the pipeline."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "sample"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: tests on the shared seeds and data are skipped")
    return SHARED


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "linimasa.db")


# Every backend a store can live in; tests that take ``BACKENDS`` as parameters run on each. PostgreSQL needs
# the server named by LINIMASA_TEST_PG_URL (scripts/ci_postgres.sh starts one and prints the URL) and
# skips, saying why, without one.
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pg_server_url() -> str:
    """The URL of the test PostgreSQL server, or a skip that says why there is none."""
    url = os.environ.get("LINIMASA_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL tests skipped: LINIMASA_TEST_PG_URL is not set (run scripts/ci_postgres.sh)")
    psycopg = pytest.importorskip("psycopg")
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL tests skipped: no server at {url}: {str(exc).strip()}")
    return url


@contextmanager
def fresh_pg_database(icu_locale: str | None = None) -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped afterwards; ``icu_locale`` (e.g.
    "en-US"): compare its text in that language's order by default, as servers set up for people do."""
    import psycopg

    server = pg_server_url()
    name = "linimasa_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as admin:
        if icu_locale:
            try:
                admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 LOCALE_PROVIDER icu '
                              f"ICU_LOCALE '{icu_locale}' LOCALE 'C.UTF-8'")
            except psycopg.Error as exc:
                pytest.skip(f"the test server cannot make a database in ICU locale {icu_locale}: {exc}")
        else:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(server)._replace(path="/" + name))
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def filled_store(backend: str, folder: Path, fill: Callable | None = None) -> Iterator[str]:
    """A new store of ``backend`` ("sqlite": a file in ``folder``; "postgresql": a database of its own),
    written by ``fill(store)`` if given; yields what ``--db`` takes to open it."""
    from linimasa.store import open_store

    @contextmanager
    def location() -> Iterator[str]:
        if backend == "sqlite":
            yield str(folder / "store.db")
        else:
            with fresh_pg_database() as url:
                yield url

    with location() as db:
        with open_store(db) as store:
            if fill is not None:
                fill(store)
        yield db
