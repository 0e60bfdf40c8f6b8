"""`linimasa watch`: files dropped into a folder are processed once they are complete, each only once, and a
restarted watcher does not read old files again."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from linimasa.config import Settings
from linimasa.engine.local import LocalRunner
from linimasa.store import open_store
from linimasa.watch import Watcher

STORE_ONLY = Settings(prepare=(), extract=(), corpus=(), workers=1)


def write_article(path: Path, article_id: str, text: str) -> None:
    path.write_text(json.dumps({"id": article_id, "title": f"Berita {article_id}", "text": text}) + "\n",
                    encoding="utf-8")


def make_watcher(folder: Path, db: str, batches: list) -> Watcher:
    return Watcher(folder, open_store(db), lambda store: LocalRunner(store, STORE_ONLY),
                   settle_seconds=0.1, rescan_seconds=0.2, on_batch=batches.append)


def sources_of_run(db: str, run_id: int) -> list[str]:
    store = open_store(db, readonly=True)
    return [r[0] for r in store.conn.execute("SELECT source FROM run_inputs WHERE run_id=?", (run_id,))]


def test_each_new_file_is_processed_once_and_old_files_are_not_read_again(tmp_path: Path):
    inbox, db = tmp_path / "inbox", str(tmp_path / "l.db")
    inbox.mkdir()
    (inbox / "README").write_text("not an input")
    write_article(inbox / "a.jsonl", "a", "Gubernur meresmikan jembatan baru di tepi Sungai Musi.")
    batches: list = []
    watcher = make_watcher(inbox, db, batches)

    first = watcher.run_once()
    assert [p.name for p in first.files] == ["a.jsonl"] and first.summary.counts.new == 1
    assert watcher.run_once() is None

    write_article(inbox / "b.jsonl", "b", "Wali kota membuka pasar malam di alun-alun kota.")
    second = watcher.run_once()
    assert [p.name for p in second.files] == ["b.jsonl"]
    assert [s.split(":")[0] for s in sources_of_run(db, second.summary.run_id)] == [str(inbox / "b.jsonl")]

    restarted = make_watcher(inbox, db, batches)
    assert restarted.run_once() is None
    assert open_store(db, readonly=True).count_articles() == {"processed": 2}


def test_a_file_still_being_written_waits_until_it_stops_changing(tmp_path: Path):
    inbox, db = tmp_path / "inbox", str(tmp_path / "l.db")
    inbox.mkdir()
    watcher = make_watcher(inbox, db, [])
    growing = inbox / "c.jsonl"
    growing.write_text('{"id": "c1", "text": "Kapal feri berangkat dari Merak."}\n')
    stop_writing = threading.Event()

    def keep_appending() -> None:
        n = 2
        while not stop_writing.is_set():
            with growing.open("a") as f:
                f.write(json.dumps({"id": f"c{n}", "text": f"Kapal ke-{n} berangkat dari Merak."}) + "\n")
            n += 1
            time.sleep(0.02)

    writer = threading.Thread(target=keep_appending)
    writer.start()
    try:
        assert watcher.ready_files() == {}
    finally:
        stop_writing.set()
        writer.join()
    batch = watcher.run_once()
    lines = len(growing.read_text().splitlines())
    assert batch.summary.counts.new == lines


def test_the_watch_loop_picks_up_a_file_dropped_while_it_runs(tmp_path: Path):
    inbox, db = tmp_path / "inbox", str(tmp_path / "l.db")
    inbox.mkdir()
    batches: list = []
    watcher = make_watcher(inbox, db, batches)
    stop = threading.Event()
    loop = threading.Thread(target=watcher.run, args=(stop,))
    loop.start()
    try:
        time.sleep(0.3)
        write_article(inbox / "d.jsonl", "d", "Presiden meninjau lokasi banjir di Demak.")
        deadline = time.monotonic() + 10
        while not batches and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        watcher.stop_waiting()
        loop.join(timeout=10)
    assert not loop.is_alive()
    assert [p.name for b in batches for p in b.files] == ["d.jsonl"]
    assert batches[0].summary.counts.new == 1


def test_reports_arriving_file_by_file_link_as_one_run_over_all_of_them(tmp_path: Path):
    from test_dask import SAMPLE, installed_settings, stored

    if not SAMPLE.exists():
        pytest.skip(f"sample corpus not built: {SAMPLE}")
    settings = installed_settings(workers=1)
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    whole_db, watched_db = str(tmp_path / "whole.db"), str(tmp_path / "watched.db")
    LocalRunner(open_store(whole_db), settings).run([str(SAMPLE)])

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    watcher = Watcher(inbox, open_store(watched_db), lambda store: LocalRunner(store, settings), settle_seconds=0.05)
    half = len(lines) // 2
    (inbox / "morning.jsonl").write_text("".join(lines[:half]), encoding="utf-8")
    watcher.run_once()
    (inbox / "evening.jsonl").write_text("".join(lines[half:]), encoding="utf-8")
    evening = watcher.run_once()

    assert {s.rsplit(":", 1)[0] for s in sources_of_run(watched_db, evening.summary.run_id)} == {
        str(inbox / "evening.jsonl")}
    assert evening.summary.counts.read == len(lines) - half
    assert stored(watched_db) == stored(whole_db)


def test_watch_once_on_a_folder_with_nothing_new_says_so(tmp_path: Path):
    from click.testing import CliRunner

    from linimasa.cli import cli

    (tmp_path / "inbox").mkdir()
    result = CliRunner().invoke(cli, ["watch", "--once", str(tmp_path / "inbox"), "--db", str(tmp_path / "l.db")])
    assert result.exit_code == 0, result.output
    assert "nothing new" in result.output


def test_run_refuses_a_scheduler_without_the_dask_engine(tmp_path: Path):
    from click.testing import CliRunner

    from linimasa.cli import cli

    write_article(tmp_path / "a.jsonl", "a", "Kereta cepat mulai beroperasi.")
    result = CliRunner().invoke(cli, ["run", "--scheduler", "tcp://127.0.0.1:8786", str(tmp_path / "a.jsonl"),
                                      "--db", str(tmp_path / "l.db")])
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.output
