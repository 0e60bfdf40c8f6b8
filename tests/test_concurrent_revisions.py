"""Two runs at once that store one id keep every version: history rows hold what the current row replaced.

Two processes run over one store. Each has classified its articles against the same stored state before
either commits (a barrier in front of the commit), so each believes its version is the first or replaces
the one it saw; the store settles the writes in the order they commit. Both stores: SQLite, and PostgreSQL
where LINIMASA_TEST_PG_URL names a server.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from linimasa.config import Settings
from linimasa.engine.local import LocalRunner
from linimasa.store import open_store
from linimasa.store.sql import SQLStore

from badinput import GOOD

SETTINGS = Settings(workers=1, extract=(), corpus=())
FULL = GOOD + " Keduanya sepakat bertemu lagi tahun depan."
OTHER = GOOD + " Pertemuan berikutnya di Jakarta."


def _run_after_both_classified(db: str, path: str, barrier, results) -> None:
    original = SQLStore.save_chunk

    def save_chunk(self, run_id, outcomes):
        barrier.wait(timeout=120)  # the other run has classified its articles too
        return original(self, run_id, outcomes)

    SQLStore.save_chunk = save_chunk
    try:
        with open_store(db) as store:
            summary = LocalRunner(store, SETTINGS).run([path])
            status = store.run(summary.run_id)["status"]
        c = summary.counts
        results.put((path, c.read, c.new, c.revised, c.duplicates, c.rejected, status))
    except BaseException as exc:  # noqa: BLE001 - reported to the test
        results.put((path, repr(exc)))


def run_both(db: str, first: Path, second: Path) -> dict[str, tuple]:
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(2), context.Queue()
    runs = [context.Process(target=_run_after_both_classified, args=(db, str(p), barrier, results))
            for p in (first, second)]
    for process in runs:
        process.start()
    answers = [results.get(timeout=300) for _ in runs]
    for process in runs:
        process.join(timeout=60)
    by_path = {answer[0]: answer[1:] for answer in answers}
    for answer in by_path.values():
        assert len(answer) == 6, answer  # not an exception
    return by_path


def jsonl(path: Path, article_id: str, text: str) -> Path:
    path.write_text(json.dumps({"id": article_id, "title": "Judul", "text": text}) + "\n", encoding="utf-8")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path: Path):
    if request.param == "sqlite":
        yield str(tmp_path / "linimasa.db")
        return
    psycopg = pytest.importorskip("psycopg")
    server = os.environ.get("LINIMASA_TEST_PG_URL")
    if not server:
        pytest.skip("PostgreSQL case skipped: LINIMASA_TEST_PG_URL is not set (run scripts/ci_postgres.sh)")
    try:
        psycopg.connect(server, connect_timeout=3).close()
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL case skipped: no server at {server}: {str(exc).strip()}")
    name = "linimasa_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(urlsplit(server)._replace(path="/" + name))
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def history(db: str, article_id: str) -> tuple[dict, list[dict]]:
    with open_store(db, readonly=True) as store:
        return store.article(article_id), store.article_versions(article_id)


def test_two_runs_storing_one_new_id_keep_both_versions(store_url: str, tmp_path: Path):
    open_store(store_url).close()
    counts = run_both(store_url, jsonl(tmp_path / "a.jsonl", "x", FULL), jsonl(tmp_path / "b.jsonl", "x", OTHER))
    current, versions = history(store_url, "x")
    assert {current["text_raw"], *(v["text_raw"] for v in versions)} == {FULL, OTHER}
    assert (current["version"], [v["version"] for v in versions]) == (2, [1])
    assert sorted((c[1], c[2]) for c in counts.values()) == [(0, 1), (1, 0)]  # one new, one revision
    assert all(c[0] == c[1] + c[2] + c[3] + c[4] and c[5] == "finished" for c in counts.values())


def test_two_runs_revising_a_stored_id_keep_both_versions(store_url: str, tmp_path: Path):
    with open_store(store_url) as store:
        LocalRunner(store, SETTINGS).run([str(jsonl(tmp_path / "seed.jsonl", "x", GOOD))])
    run_both(store_url, jsonl(tmp_path / "a.jsonl", "x", FULL), jsonl(tmp_path / "b.jsonl", "x", OTHER))
    current, versions = history(store_url, "x")
    assert [v["text_raw"] for v in versions][0] == GOOD
    assert {current["text_raw"], versions[1]["text_raw"]} == {FULL, OTHER}
    assert (current["version"], [v["version"] for v in versions]) == (3, [1, 2])


def test_two_runs_storing_the_same_version_store_it_once(store_url: str, tmp_path: Path):
    open_store(store_url).close()
    counts = run_both(store_url, jsonl(tmp_path / "a.jsonl", "x", FULL), jsonl(tmp_path / "b.jsonl", "x", FULL))
    current, versions = history(store_url, "x")
    assert (current["text_raw"], current["version"], versions) == (FULL, 1, [])
    assert sorted((c[1], c[3]) for c in counts.values()) == [(0, 1), (1, 0)]  # one new, one duplicate


def test_a_truncated_copy_stored_at_once_never_ends_up_current(store_url: str, tmp_path: Path):
    open_store(store_url).close()
    run_both(store_url, jsonl(tmp_path / "a.jsonl", "x", FULL), jsonl(tmp_path / "b.jsonl", "x", FULL[:90]))
    current, versions = history(store_url, "x")
    assert current["text_raw"] == FULL
    assert all(v["text_raw"] == FULL[:90] for v in versions)  # kept only when it was committed first
