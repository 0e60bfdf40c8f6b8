"""`linimasa run` killed with SIGKILL at random points leaves a consistent store, and a re-run completes it.

Each seed starts a run over a generated corpus, kills it after a random delay, checks the store, kills
the next run too, then lets a last run finish. The end state must equal that of one uninterrupted run:
the same articles, the same events, nothing duplicated and nothing accepted earlier lost.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

OUTLETS = ["Antara", "Kompas.com", "Detik", "Tempo", "CNN Indonesia"]
PEOPLE = [("Retno Marsudi", "Menteri Luar Negeri"), ("Joko Widodo", "Presiden"), ("Prabowo Subianto", "Menteri Pertahanan")]
CITIES = ["Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Denpasar"]
TOPICS = ["perdagangan", "investasi", "pendidikan", "kesehatan", "energi", "pariwisata"]


def make_corpus(path: Path, n: int) -> None:
    rng = random.Random(42)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            name, title = rng.choice(PEOPLE)
            city, topic = rng.choice(CITIES), rng.choice(TOPICS)
            text = (
                f"{city.upper()} - {title} {name} bertemu dengan delegasi pengusaha di {city} pada Senin "
                f"({1 + i % 28}/{1 + i % 12}/2019). Pertemuan nomor {i} itu membahas {topic} dan kerja sama daerah.\n\n"
                f"\"Kami ingin {topic} tumbuh lebih cepat,\" kata {name.split()[-1]} seusai pertemuan yang berlangsung "
                f"selama {1 + i % 3} jam.\n\nLaporan {i} ditutup dengan rencana kunjungan lanjutan ke {rng.choice(CITIES)}."
            )
            record = {"id": f"k-{i}", "title": f"{name} Bahas {topic.title()} di {city} ({i})", "text": text,
                      "outlet": rng.choice(OUTLETS), "published": f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def linimasa(*args: str) -> list[str]:
    return [sys.executable, "-m", "linimasa.cli", *args]


def stored_state(db: Path) -> tuple[set[str], list[str]]:
    """The stored article ids, and the events with every article's cleaned text (cleaning learns outlet
    templates from the stream, so a resumed run must clean as the uninterrupted one did)."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids))
        events = sorted(r[0] for r in conn.execute("SELECT data FROM events"))
        texts = sorted(f"{r[0]}\t{r[1]}" for r in conn.execute("SELECT id, text_clean FROM articles"))
        return set(ids), events + texts
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("kill") / "corpus.jsonl"
    make_corpus(path, 400)
    return path


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory) -> tuple[set[str], list[str]]:
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    subprocess.run(linimasa("run", str(corpus), "--db", str(db), "-q", "--chunk-size", "25"), check=True,
                   capture_output=True, timeout=600)
    return stored_state(db)


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # the store is still being created


def kill_after(process: subprocess.Popen, db: Path, articles: int, extra_delay: float) -> bool:
    """SIGKILL the run once it has committed at least `articles` articles (plus a delay); False if it ended first."""
    deadline = time.monotonic() + 300
    while process.poll() is None and stored_count(db) < articles and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(extra_delay)
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return True


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_at_random_points_then_rerun(seed: int, corpus: Path, reference, tmp_path: Path):
    rng = random.Random(seed)
    db = tmp_path / "killed.db"
    seen: set[str] = set()
    kills = 0
    for target in sorted(rng.sample(range(10, 380), 2)):
        process = subprocess.Popen(linimasa("run", str(corpus), "--db", str(db), "-q", "--chunk-size", "25"),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kills += kill_after(process, db, target, rng.uniform(0.0, 0.5))
        ids, _ = stored_state(db)
        assert seen <= ids, "articles accepted before the kill were lost"
        seen = ids
    assert kills >= 1, "no run was killed mid-way: the test proved nothing"
    subprocess.run(linimasa("run", str(corpus), "--db", str(db), "-q", "--chunk-size", "25"), check=True,
                   capture_output=True, timeout=600)
    ids, events = stored_state(db)
    assert seen <= ids
    assert (ids, events) == reference
    runs = sqlite3.connect(db).execute("SELECT status FROM runs ORDER BY id").fetchall()
    assert [r[0] for r in runs][-1] == "finished"
    # A killed run stays marked as never finished (unless the kill landed after it recorded its end).
    assert sum(1 for r in runs if r[0] == "running") <= kills
