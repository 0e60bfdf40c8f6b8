"""`linimasa serve` keeps answering, whole and consistent, while `linimasa run` writes the same store (WAL).

A real server process reads the store while real runs write it: the first run fills an empty store, the
second adds articles and relinks, replacing the events table in one transaction. Every answer polled in
between, by several clients at once, must be a 200 with a well-formed body; the counts never go down;
and a page of events is always the whole old set or the whole new set, never a mixture.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from linimasa.store import SQLiteStore

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample" / "articles.jsonl"
PAGE = 500
READERS = 3

PEOPLE = [
    ("Presiden", "Joko Widodo", "Indonesia"), ("Menteri Luar Negeri", "Retno Marsudi", "Indonesia"),
    ("Perdana Menteri", "Anthony Albanese", "Australia"), ("Presiden", "Emmanuel Macron", "Prancis"),
    ("Perdana Menteri", "Narendra Modi", "India"), ("Presiden", "Ferdinand Marcos Jr", "Filipina"),
    ("Kanselir", "Olaf Scholz", "Jerman"), ("Perdana Menteri", "Fumio Kishida", "Jepang"),
    ("Presiden", "Yoon Suk Yeol", "Korea Selatan"), ("Perdana Menteri", "Anwar Ibrahim", "Malaysia"),
]
PLACES = ["Jakarta", "Bali", "Surabaya", "Bandung", "Medan", "Makassar", "Yogyakarta", "Semarang", "Balikpapan"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
TOPICS = ["perdagangan", "energi terbarukan", "keamanan maritim", "pendidikan", "kesehatan", "pangan",
          "infrastruktur", "investasi", "perubahan iklim", "pariwisata", "perikanan", "teknologi digital"]
LEADS = [
    "{role_a} {a} bertemu {role_b} {country_b} {b} di {place}, {day} ({date}).",
    "{role_a} {a} menerima kunjungan {role_b} {country_b} {b} di {place}, {day} ({date}).",
    "{role_b} {country_b} {b} mengunjungi {place} dan bertemu {role_a} {a} pada {day} ({date}).",
    "{role_a} {a} dan {role_b} {country_b} {b} menandatangani nota kesepahaman di {place}, {day} ({date}).",
]
BODIES = [
    "Pertemuan itu membahas kerja sama di bidang {topic} dan {topic2}.",
    "Kedua pemimpin sepakat memperkuat hubungan bilateral, terutama dalam {topic}.",
    "Menurut juru bicara, pembicaraan berlangsung selama {hours} jam dalam suasana hangat.",
    "Sebanyak {n} kesepakatan senilai {money} miliar dolar AS dicapai dalam bidang {topic}.",
    "Wartawan menunggu di luar ruang pertemuan sejak pukul {clock}.00 waktu setempat.",
    "Kunjungan ini merupakan yang ke-{n} sejak hubungan diplomatik kedua negara dibuka.",
    "Para menteri juga akan menggelar pertemuan lanjutan mengenai {topic2} bulan depan.",
    "Sejumlah pengusaha dari {country_b} ikut dalam rombongan untuk menjajaki peluang {topic}.",
    "Pengamat hubungan internasional menilai pertemuan itu penting bagi stabilitas kawasan.",
    "Pemerintah berharap kerja sama {topic} dapat membuka {n} ribu lapangan kerja baru.",
]


def generated_articles(count: int, seed: int) -> list[dict[str, str]]:
    """Short diplomatic news items written from templates: who met whom, where and when, and a few
    sentences of detail, varied enough that deduplication keeps them apart."""
    rng = random.Random(seed)
    articles = []
    for i in range(count):
        (role_a, a, _), (role_b, b, country_b) = PEOPLE[0 if i % 3 else 1], rng.choice(PEOPLE[2:])
        day = rng.randrange(1, 29)
        month = rng.randrange(1, 13)
        year = rng.choice([2021, 2022, 2023])
        fill = dict(
            role_a=role_a, a=a, role_b=role_b, b=b, country_b=country_b, place=rng.choice(PLACES),
            day=DAYS[(day + month) % 7], date=f"{day}/{month}/{year}", topic=rng.choice(TOPICS),
            topic2=rng.choice(TOPICS), hours=rng.randrange(1, 6), n=rng.randrange(2, 40),
            money=rng.randrange(1, 90), clock=rng.randrange(7, 22),
        )
        sentences = [rng.choice(LEADS)] + rng.sample(BODIES, 4)
        articles.append({
            "id": f"gen-{seed}-{i}",
            "title": f"{a} dan {b} bahas {fill['topic']} di {fill['place']}",
            "text": "\n\n".join(s.format(**fill) for s in sentences),
            "outlet": rng.choice(["Kabar Nusantara", "Warta Kini", "Harian Pagi"]),
            "published": f"{year}-{month:02d}-{day:02d}T10:00:00+07:00",
            "url": f"https://berita.example/{seed}/{i}",
        })
    return articles


def write_jsonl(path: Path, articles: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def linimasa(*args: str) -> subprocess.Popen:
    """The installed command, as a user runs it (the package has no ``__main__``)."""
    command = shutil.which("linimasa", path=str(Path(sys.executable).parent)) or shutil.which("linimasa")
    if command is None:
        pytest.skip("the linimasa command is not installed (pip install -e .)")
    return subprocess.Popen([command, *args], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def stop(process: subprocess.Popen) -> str:
    """Ctrl-C, as a user would, then wait; the output it printed."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        output, _ = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return output


def wait_until_serving(base: str, server: subprocess.Popen) -> None:
    for _ in range(300):
        if server.poll() is not None:
            pytest.fail(f"serve exited: {server.communicate()[0]}")
        try:
            if httpx.get(base + "/api/stories", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail("serve did not answer within 30 s")


def snapshot(client: httpx.Client) -> dict:
    """One poll: the first page of events, the article count and the timeline. Each answer must be a 200
    with the shape the API documents."""
    events = client.get("/api/events", params={"limit": PAGE})
    assert events.status_code == 200, events.text
    body = events.json()
    assert set(body) == {"total", "limit", "offset", "items"}
    assert all({"id", "type", "sources", "participants"} <= set(e) for e in body["items"])
    assert len(body["items"]) == min(body["total"], PAGE), "a page and its total come from one snapshot"
    articles = client.get("/api/articles", params={"limit": 1})
    assert articles.status_code == 200, articles.text
    timeline = client.get("/api/timeline", params={"zoom": "year"})
    assert timeline.status_code == 200, timeline.text
    assert all(p["events"] == p["cooperation"] + p["conflict"] + p["other"] for p in timeline.json()["periods"])
    page = client.get("/")
    assert page.status_code == 200 and page.text.rstrip().endswith("</html>")
    return {"total": body["total"], "ids": [e["id"] for e in body["items"]], "articles": articles.json()["total"]}


def poll_while(process: subprocess.Popen, base: str, limit: int = 1500) -> list[list[dict]]:
    """What each of READERS concurrent clients saw, polling one request after another until the run ends
    (bounded: at most ``limit`` polls each)."""

    def reader() -> list[dict]:
        seen = []
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(limit):
                if process.poll() is not None:
                    break
                seen.append(snapshot(client))
        return seen

    with ThreadPoolExecutor(READERS) as pool:
        return [future.result() for future in [pool.submit(reader) for _ in range(READERS)]]


def assert_never_goes_down(seen: list[dict]) -> None:
    for key in ("total", "articles"):
        values = [s[key] for s in seen]
        assert all(a <= b for a, b in zip(values, values[1:])), f"{key} went down: {values}"


@pytest.mark.slow
def test_serve_answers_whole_snapshots_while_run_writes_the_store(tmp_path):
    db = tmp_path / "store.db"
    SQLiteStore(db).close()  # an empty store, as `linimasa run` leaves it before its first commit
    first = write_jsonl(tmp_path / "first.jsonl", generated_articles(150, seed=1))
    second = write_jsonl(tmp_path / "second.jsonl", generated_articles(150, seed=2))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = linimasa("serve", "--db", str(db), "--port", str(port))
    runs = []
    try:
        wait_until_serving(base, server)
        with httpx.Client(base_url=base, timeout=30) as client:
            assert snapshot(client)["total"] == 0
            # the first run fills the empty store in chunks; events appear once, at its end
            runs.append(linimasa("run", "-q", "--workers", "1", "--chunk-size", "40", "--db", str(db), str(first)))
            during_first = poll_while(runs[-1], base)
            assert runs[-1].wait() == 0, runs[-1].communicate()[0]
            old = snapshot(client)
            for seen in during_first:
                assert_never_goes_down([*seen, old])
            assert old["total"] > 0 and old["articles"] >= 150

            # the second run adds articles and relinks: the events table is replaced in one transaction
            runs.append(linimasa("run", "-q", "--workers", "1", "--chunk-size", "40", "--db", str(db), str(second),
                                 str(SAMPLE)))
            during_second = poll_while(runs[-1], base)
            assert runs[-1].wait() == 0, runs[-1].communicate()[0]
            new = snapshot(client)
            assert new["total"] > old["total"] and new["articles"] > old["articles"]
            for seen in during_second:
                assert_never_goes_down([old, *seen, new])
            halves = [s for seen in during_second for s in seen if s["ids"] not in (old["ids"], new["ids"])]
            assert halves == [], "a reader saw a mixture of the old and the new events"
            polls = sum(len(seen) for seen in [*during_first, *during_second])
            assert polls > 10, "the polls should overlap the runs"
    finally:
        for process in runs:
            stop(process)
        output = stop(server)
    assert server.returncode in (0, -signal.SIGINT), output
    assert "Traceback" not in output, output
