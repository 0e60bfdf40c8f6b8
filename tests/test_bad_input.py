"""Every kind of bad input gets a clear message naming it, the run goes on, and nothing is lost."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from linimasa.config import Settings
from linimasa.engine.local import LocalRunner
from linimasa.store import open_store

from badinput import GOOD, KINDS, Kind

SETTINGS = Settings(workers=1)
PRIVILEGED_KINDS = [k for k in KINDS if not k.needs_unprivileged]


def store_with_one_good_article(db_path: str, tmp_path: Path):
    seed = tmp_path / "seed.jsonl"
    seed.write_text(json.dumps({"id": "kept", "title": "Tetap", "text": GOOD}) + "\n", encoding="utf-8")
    store = open_store(db_path)
    LocalRunner(store, SETTINGS).run([str(seed)])
    return store


def test_the_bad_input_corpus_has_at_least_eighty_kinds():
    assert len(KINDS) >= 80
    assert len({k.name for k in KINDS}) == len(KINDS)


@pytest.mark.parametrize("kind", [k for k in PRIVILEGED_KINDS if not k.heavy], ids=lambda k: k.name)
def test_bad_input_is_accounted_for_and_nothing_stored_is_lost(kind: Kind, tmp_path: Path, db_path: str):
    store = store_with_one_good_article(db_path, tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    kind.write(folder)
    summary = LocalRunner(store, SETTINGS).run([str(folder)])
    c = summary.counts
    assert c.read == c.stored + c.duplicates + c.rejected
    if kind.accepted is not None:
        assert c.stored + c.duplicates == kind.accepted, summary.rejections
    else:
        assert c.stored + c.duplicates >= 1
    if kind.rejected is not None:
        assert c.rejected == kind.rejected, summary.rejections
    else:
        assert c.rejected >= 1
    for source, reason in summary.rejections:
        assert source.startswith(str(folder)), source
        assert len(reason) >= 8  # a reason, not a code
    assert store.article("kept") is not None
    assert store.run(summary.run_id)["status"] == "finished"


def test_all_bad_inputs_in_one_run_balance_exactly(tmp_path: Path, db_path: str):
    store = store_with_one_good_article(db_path, tmp_path)
    folder = tmp_path / "all"
    folder.mkdir()
    for index, kind in enumerate(PRIVILEGED_KINDS):
        sub = folder / f"{index:02d}"
        sub.mkdir()
        kind.write(sub)
    summary = LocalRunner(store, SETTINGS).run([str(folder)])
    c = summary.counts
    assert c.read == c.stored + c.duplicates + c.rejected
    exact = [k for k in PRIVILEGED_KINDS if k.rejected is not None]
    assert c.rejected >= sum(k.rejected for k in exact)
    inputs = store.conn.execute("SELECT count(*) FROM run_inputs WHERE run_id=?", (summary.run_id,)).fetchone()[0]
    assert inputs == c.read
    assert store.article("kept")["text_raw"] == GOOD  # a junk revision of it was refused
    again = LocalRunner(store, SETTINGS).run([str(folder)]).counts
    assert again.new == again.revised == 0, "a second run of the same inputs stores nothing"
    assert again.read == again.stored + again.duplicates + again.rejected


def _ingest_as_nobody(runner: LocalRunner, folder: str, results) -> None:
    # Root reads any file, so the child drops to the unprivileged user before reading.
    try:
        os.setgid(65534)
        os.setuid(65534)
        summary = runner.run([folder])
        results.put((summary.counts.read, summary.counts.stored, summary.counts.rejected, summary.rejections))
    except BaseException as exc:
        results.put((None, None, None, repr(exc)))


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="needs POSIX users")
def test_an_unreadable_file_is_rejected_by_name(tmp_path: Path):
    workdir = Path(tempfile.mkdtemp(prefix="linimasa-perm-"))
    try:
        workdir.chmod(0o777)
        folder = workdir / "in"
        folder.mkdir()
        folder.chmod(0o777)
        (folder / "open.txt").write_text("Judul\n" + GOOD, encoding="utf-8")
        (folder / "open.txt").chmod(0o644)
        [kind] = [k for k in KINDS if k.needs_unprivileged]
        kind.write(folder)
        db = workdir / "s.db"
        store = open_store(str(db))
        db.chmod(0o666)
        for suffix in ("-wal", "-shm"):
            if Path(str(db) + suffix).exists():
                Path(str(db) + suffix).chmod(0o666)
        # Reading is what is under test; the stages load model files the unprivileged user may not see.
        runner = LocalRunner(store, Settings(prepare=(), extract=(), corpus=(), workers=1))
        if os.geteuid() == 0:
            context = multiprocessing.get_context("fork")
            results = context.Queue()
            child = context.Process(target=_ingest_as_nobody, args=(runner, str(folder), results))
            child.start()
            read, stored, rejected, rejections = results.get(timeout=120)
            child.join(timeout=30)
        else:
            summary = runner.run([str(folder)])
            read, stored, rejected, rejections = (
                summary.counts.read, summary.counts.stored, summary.counts.rejected, summary.rejections)
        assert (read, stored, rejected) == (2, 1, 1)
        [(source, reason)] = rejections
        assert source.endswith("secret.txt") and "permission denied" in reason
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
