"""Workers die with their driver; SIGTERM and Ctrl-C stop a run within seconds, mark it interrupted, and the
next run completes it. Linux only (the tests read /proc to find the workers)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_kill_safety import make_corpus

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")]


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hygiene") / "corpus.jsonl"
    make_corpus(path, 4000)
    return path


def interruptible_by_ctrl_c() -> None:
    """The driver starts as a terminal's foreground command does, with Ctrl-C (SIGINT) at its default.

    A process inherits an ignored SIGINT (a shell ignores it for the commands it runs in the background,
    and CI runners often start the suite that way), and Python then leaves it ignored: the run would go on
    to its end and this test would measure the runner, not linimasa."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_run(corpus: Path, db: Path) -> tuple[subprocess.Popen, list[int]]:
    driver = subprocess.Popen([sys.executable, "-m", "linimasa.cli", "run", "--workers", "2", "--quiet",
                               "--db", str(db), str(corpus)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              preexec_fn=interruptible_by_ctrl_c)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = children(driver.pid)
        if len(workers) >= 2:
            return driver, workers
        if driver.poll() is not None:
            pytest.fail(f"the run ended before its workers started: {driver.stderr.read().decode()}")
        time.sleep(0.1)
    driver.kill()
    pytest.fail("no worker processes appeared within 60 s")


def run_status(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT status FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def test_no_worker_outlives_a_killed_driver_by_more_than_5_seconds(corpus, tmp_path):
    driver, workers = start_run(corpus, tmp_path / "s.db")
    time.sleep(1.0)
    driver.kill()
    driver.wait()
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)]


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_run_exits_within_5_seconds_marked_interrupted_and_the_next_run_completes_it(corpus, tmp_path, stop):
    db = tmp_path / "s.db"
    driver, workers = start_run(corpus, db)
    time.sleep(1.0)
    sent = time.monotonic()
    driver.send_signal(stop)
    code = driver.wait(timeout=30)
    assert time.monotonic() - sent < 5
    stderr = driver.stderr.read().decode()
    assert code == 128 + stop, stderr
    assert "interrupted" in stderr
    assert run_status(db) == "interrupted"
    assert not [pid for pid in workers if alive(pid)]
    again = subprocess.run([sys.executable, "-m", "linimasa.cli", "run", "--quiet", "--db", str(db), str(corpus)],
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert run_status(db) == "finished"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles WHERE status = 'processed'").fetchone()[0] == 4000
    finally:
        conn.close()


def test_loading_the_models_pauses_the_collector():
    """The driver's warm-up runs without garbage collection (the models' millions of lasting objects made the
    collector walk the heap over and over); the collector runs again afterwards and frees what it left."""
    import gc
    import weakref

    from linimasa.engine.hygiene import collections_paused

    class Node:
        pass

    assert gc.isenabled()
    with collections_paused():
        assert not gc.isenabled()
        node = Node()
        node.self = node  # a cycle: only the collector frees it
        left = weakref.ref(node)
        del node
        assert left() is not None  # not collected while paused
    assert gc.isenabled()
    gc.collect()
    assert left() is None
