"""Re-runs change nothing: an article's earlier or truncated versions never come back as revisions,
whatever order its versions arrive in (contract, Input)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from linimasa.config import Settings
from linimasa.engine.local import LocalRunner
from linimasa.store import open_store

RAW_ONLY = Settings(prepare=(), extract=(), corpus=(), near_duplicates=False, workers=1, chunk_size=2)
FULL = ("Presiden Joko Widodo menerima kunjungan Perdana Menteri Jepang di Istana Bogor, Jawa Barat. "
        "Keduanya membahas kerja sama infrastruktur dan perdagangan.")
CUT = "Presiden Joko Widodo menerima kunjungan Perdana Menteri Jepang di Istana Bogor,"
EDITED = FULL + " Pertemuan berlangsung satu jam."


def write(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": "a1", "title": "Kunjungan", "text": t}) + "\n" for t in texts),
                    encoding="utf-8")
    return path


def run(db: str, path: Path):
    store = open_store(db)
    try:
        return LocalRunner(store, RAW_ONLY).run([str(path)])
    finally:
        store.close()


def state(db: str) -> tuple[str, int]:
    store = open_store(db, readonly=True)
    try:
        return store.article("a1")["text_raw"], len(store.article_versions("a1"))
    finally:
        store.close()


@pytest.mark.parametrize("order", list(itertools.permutations([FULL, CUT, EDITED])))
def test_a_second_run_of_the_same_inputs_stores_nothing_new_in_any_order(tmp_path, db_path, order):
    inputs = write(tmp_path / "in.jsonl", list(order))
    first = run(db_path, inputs)
    after_first = state(db_path)
    second = run(db_path, inputs)
    assert second.counts.new == second.counts.revised == 0
    assert second.counts.read == second.counts.duplicates == 3
    assert state(db_path) == after_first
    assert first.counts.read == first.counts.stored + first.counts.duplicates + first.counts.rejected


def test_a_truncated_copy_never_replaces_the_full_text_and_the_full_text_replaces_a_cut_one(tmp_path, db_path):
    run(db_path, write(tmp_path / "a.jsonl", [FULL, CUT]))
    assert state(db_path) == (FULL, 0)
    other = str(tmp_path / "other.db")
    run(other, write(tmp_path / "b.jsonl", [CUT, FULL]))
    assert state(other)[0] == FULL


def test_an_earlier_version_arriving_again_is_a_duplicate_with_its_reason(tmp_path, db_path):
    run(db_path, write(tmp_path / "v1.jsonl", [FULL]))
    run(db_path, write(tmp_path / "v2.jsonl", [EDITED]))
    summary = run(db_path, write(tmp_path / "v1-again.jsonl", [FULL]))
    assert summary.counts.duplicates == 1 and summary.counts.revised == 0
    assert state(db_path) == (EDITED, 1)
    store = open_store(db_path, readonly=True)
    try:
        reasons = [reason for _, reason in store.conn.execute(
            "SELECT source, reason FROM run_inputs WHERE run_id = ?", (summary.run_id,))]
    finally:
        store.close()
    assert any("earlier version" in (reason or "") for reason in reasons)


def test_a_real_revision_still_replaces_the_stored_version(tmp_path, db_path):
    run(db_path, write(tmp_path / "v1.jsonl", [FULL]))
    summary = run(db_path, write(tmp_path / "v2.jsonl", [EDITED]))
    assert summary.counts.revised == 1
    assert state(db_path) == (EDITED, 1)


def test_two_versions_in_one_chunk_each_keep_their_own_text_through_the_whole_pipeline(tmp_path, db_path):
    store = open_store(db_path)
    try:
        LocalRunner(store, Settings(workers=1)).run([str(write(tmp_path / "two.jsonl", [FULL, EDITED]))])
        [old] = store.article_versions("a1")
        assert old["text_raw"] == FULL and store.article("a1")["text_raw"] == EDITED
        again = LocalRunner(store, Settings(workers=1)).run([str(tmp_path / "two.jsonl")]).counts
        assert again.new == again.revised == 0
    finally:
        store.close()
