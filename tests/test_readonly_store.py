"""Reading commands read a store they may not write: a file of mode 0444 in a folder of mode 0555.

Root reads and writes any file, so when the tests run as root the commands run as root without its
file-permission override (setpriv drops CAP_DAC_OVERRIDE and friends): the kernel then refuses root a write
just as it refuses any user. Where that cannot be arranged, the test says so and skips.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from linimasa.config import Settings
from linimasa.engine.local import LocalRunner
from linimasa.store import StoreError, open_store

from conftest import REPO, SAMPLE

DROP_OVERRIDES = ["--bounding-set=-dac_override,-dac_read_search,-fowner", "--inh-caps=-all"]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    """The sample corpus run once into a store; tests copy it."""
    db = tmp_path_factory.mktemp("sample") / "linimasa.db"
    with open_store(str(db)) as store:
        LocalRunner(store, Settings(workers=1)).run([str(SAMPLE)])
    return db


def copy_of(store: Path, folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(store, folder / "linimasa.db")
    return folder / "linimasa.db"


def as_user_who_cannot_write(folder: Path) -> list[str]:
    """The command prefix under which a process cannot write ``folder`` (skips when there is none)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv (util-linux): root would write the read-only store anyway")
    prefix = [setpriv, *DROP_OVERRIDES]
    probe = subprocess.run([*prefix, sys.executable, "-c", f"open({str(folder / 'probe')!r}, 'w')"],
                           capture_output=True, text=True)
    if probe.returncode == 0:
        (folder / "probe").unlink()
        pytest.skip("root keeps its file-permission override here (setpriv could not drop it)")
    return prefix


def linimasa_command(prefix: list[str], *args: str) -> list[str]:
    return [*prefix, sys.executable, "-c", "from linimasa.cli import main; main()", *args]


def environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}


@pytest.fixture
def locked_store(sample_store: Path, tmp_path: Path):
    """A store with events, its file 0444 in a folder 0555; permissions restored afterwards for clean-up."""
    db = copy_of(sample_store, tmp_path / "locked")
    folder = db.parent
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield db
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


def test_a_reading_connection_is_read_only_even_with_query_only_off(sample_store: Path, tmp_path: Path):
    db_path = str(copy_of(sample_store, tmp_path / "store"))
    with open_store(db_path, readonly=True) as store:
        store.conn.execute("PRAGMA query_only=OFF")  # the second guard: mode=ro must hold on its own
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("CREATE TABLE intruder(x)")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM articles")
    with open_store(db_path, readonly=True) as store:
        assert store.count_articles()


@pytest.mark.parametrize("command", [["events"], ["timeline"], ["articles"], ["events", "--format", "csv"]],
                         ids=" ".join)
def test_reading_commands_read_a_store_they_cannot_write(command: list[str], locked_store: Path):
    prefix = as_user_who_cannot_write(locked_store.parent)
    done = subprocess.run(linimasa_command(prefix, *command, "--db", str(locked_store)), capture_output=True,
                          text=True, env=environment(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert "readonly" not in done.stderr and "not a linimasa store" not in done.stderr
    assert done.stdout.strip()
    assert sorted(p.name for p in locked_store.parent.iterdir()) == ["linimasa.db"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_reads_a_store_it_cannot_write(locked_store: Path):
    prefix = as_user_who_cannot_write(locked_store.parent)
    port = free_port()
    server = subprocess.Popen(linimasa_command(prefix, "serve", "--db", str(locked_store), "--port", str(port)),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment())
    try:
        answer = None
        for _ in range(300):
            if server.poll() is not None:
                pytest.fail(f"serve exited: {server.communicate()[0]}")
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert answer is not None and answer.status_code == 200, answer and answer.text
        assert json.loads(answer.text)["total"] > 0
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_store_being_written_in_a_folder_the_reader_cannot_write_is_refused_with_what_to_do(
        sample_store: Path, tmp_path: Path):
    db = copy_of(sample_store, tmp_path / "busy")
    folder = db.parent
    writer = sqlite3.connect(db)  # a writer holds it open: its -wal file is there
    writer.execute("CREATE TABLE busy(x)")
    try:
        assert (folder / "linimasa.db-wal").exists()
        (folder / "linimasa.db-shm").unlink()  # as if the reader could not map the writer's index
        folder.chmod(0o555)
        prefix = as_user_who_cannot_write(folder)
        done = subprocess.run(linimasa_command(prefix, "events", "--db", str(db)), capture_output=True, text=True,
                              env=environment(), timeout=120)
        assert done.returncode == 1
        assert "open for writing" in done.stderr and "Traceback" not in done.stderr
    finally:
        folder.chmod(0o755)
        writer.close()


def test_a_missing_store_is_not_created_by_a_reader(tmp_path: Path):
    with pytest.raises(StoreError, match="no store"):
        open_store(str(tmp_path / "none.db"), readonly=True)
    assert not (tmp_path / "none.db").exists()
    assert stat.S_ISDIR(tmp_path.stat().st_mode)
