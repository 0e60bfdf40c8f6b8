"""The timeline API on a large store: median and p95 latency of filtered pages with 100,000 events.

    python benchmarks/bench_web.py                 # build a 100,000-event store in a temp folder and time it
    python benchmarks/bench_web.py --events 20000  # smaller
    python benchmarks/bench_web.py --db big.db     # reuse (or build once into) a store file
    python benchmarks/bench_web.py --db postgresql://USER@HOST:PORT/DB   # the same on PostgreSQL (an empty
                                                   # database is filled first)

The store is synthetic: events spread over 2005-2024 among 400 actors of 40 countries, each reported by
one to three of 20,000 short articles (from 12 outlets) written by a template here (a common
vocabulary of 20 words and a rare one of 3,000), so outlet and full-text
filters have real joins to do. Requests go through the whole app (FastAPI TestClient, JSON encoding
included), each filter timed over repeated pages at several offsets.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402

from linimasa.model import Article, Event, Evidence, Location, Participant, Story  # noqa: E402
from linimasa.store import Outcome, open_store, url_scheme  # noqa: E402
from linimasa.store.filters import EventFilter  # noqa: E402
from linimasa.web.app import create_app  # noqa: E402
from linimasa.web.plover import event_types  # noqa: E402

COUNTRIES = ["USA", "RUS", "CHN", "IDN", "AUS", "JPN", "KOR", "PRK", "IND", "PAK", "GBR", "FRA", "DEU", "IRN",
             "SAU", "TUR", "EGY", "BRA", "MEX", "CAN", "MYS", "SGP", "THA", "VNM", "PHL", "MMR", "UKR", "SYR",
             "ISR", "PSE", "ZAF", "NGA", "KEN", "ETH", "ARG", "CHL", "NZL", "ITA", "ESP", "IGO"]
PLACES = [("Jakarta", "IDN", -6.2, 106.85), ("Geneva", "CHE", 46.2, 6.15), ("Beijing", "CHN", 39.9, 116.4),
          ("Moscow", "RUS", 55.75, 37.62), ("Washington", "USA", 38.9, -77.04), ("Canberra", "AUS", -35.3, 149.1),
          ("Tokyo", "JPN", 35.68, 139.69), ("New Delhi", "IND", 28.61, 77.21), ("Riyadh", "SAU", 24.71, 46.68),
          ("Ankara", "TUR", 39.93, 32.86), ("Kuala Lumpur", "MYS", 3.14, 101.69), ("Hanoi", "VNM", 21.03, 105.85)]
OUTLETS = [f"Outlet {chr(65 + i)}" for i in range(12)]
WORDS = ("pertemuan kunjungan perundingan bantuan sanksi protes kesepakatan ekonomi keamanan perbatasan energi "
         "perdagangan investasi pendidikan kesehatan pangan iklim maritim pertahanan diplomasi").split()
ROLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", None]


def build(db: str, n_events: int, n_articles: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    actors = [(f"Actor {i:03d}", COUNTRIES[i % len(COUNTRIES)], ROLES[i % len(ROLES)]) for i in range(400)]
    store = open_store(db)
    run_id = store.begin_run("bench_web", [])
    article_ids = []
    for start in range(0, n_articles, 2000):
        outcomes = []
        for i in range(start, min(start + 2000, n_articles)):
            rare = [f"istilah{rng.randint(0, 2999)}" for _ in range(3)]
            text = " ".join([rng.choice(WORDS) for _ in range(40)] + rare) + "."
            article = Article(f"art-{i:06d}", text, title=f"Berita {i} tentang {rng.choice(WORDS)}",
                              url=f"https://example.org/{i}", outlet=rng.choice(OUTLETS),
                              published=f"{rng.randint(2005, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                              lang="id")
            article.compute_hash()
            article.clean_text = text
            outcomes.append(Outcome("new", article.id, article=article, article_id=article.id))
            article_ids.append(article.id)
        store.save_chunk(run_id, outcomes)
    types = event_types()
    events = []
    for i in range(n_events):
        a, b = rng.sample(actors, 2)
        place = rng.choice(PLACES) if rng.random() < 0.7 else None
        day = f"{rng.randint(2005, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        date = day if rng.random() < 0.9 else day[:7]
        evidence = [Evidence(aid, "trigger", "pertemuan", 0, 9) for aid in rng.sample(article_ids, rng.randint(1, 3))]
        events.append(Event(
            id=f"ev-{i:06d}", type=rng.choice(types), mode=rng.choice(["meet", "visit", "phone", None]),
            modality="asserted" if rng.random() < 0.85 else rng.choice(["future", "negated"]), date=date,
            location=Location(place[0], place[0], place[1], place[2], place[3]) if place else None,
            participants=[Participant(a[0], a[0], a[1], a[2], "person"),
                          Participant(b[0], b[0], b[1], b[2], "person", side="recipient")],
            summary=f"{a[0]} and {b[0]} on {rng.choice(WORDS)}", article_id=evidence[0].article_id, evidence=evidence,
        ))
    stories = [Story(f"story-{s}", f"Story {s}", "synthetic", [e.id for e in events[s::500]]) for s in range(200)]
    store.replace_events(events, stories)
    store.finish_run(run_id, "done", len(events), len(stories))
    store.close()


QUERIES = {
    "unfiltered first page": {},
    "date range (one year)": {"since": "2015-01-01", "until": "2015-12-31"},
    "date range + type": {"since": "2010-01-01", "until": "2014-12-31", "type": "CONSULT"},
    "actor": {"actor": "Actor 042"},
    "two actors": {"actor": ["Actor 042", "IDN"]},
    "country + mode": {"country": "IDN", "mode": "visit"},
    "outlet + year": {"outlet": "Outlet C", "since": "2020-01-01", "until": "2020-12-31"},
    "full text, rare word": {"q": "istilah123"},
    "full text, common words": {"q": "sanksi perbatasan"},
    "common words + country": {"q": "sanksi perbatasan", "country": "RUS"},
    "common words, offset 10,000": {"q": "sanksi perbatasan", "offset": 10_000},
    "place + all modalities": {"place": "Jakarta", "all": "true"},
    "deep page (offset 50,000)": {"offset": 50_000},
}


def time_queries(client: TestClient, repeats: int) -> list[tuple[str, float, float, int]]:
    results = []
    for name, params in QUERIES.items():
        client.get("/api/events", params=params)  # warm the page cache
        samples = []
        total = 0
        for r in range(repeats):
            paged = dict(params)
            paged.setdefault("offset", (r % 5) * 50)
            started = time.perf_counter()
            response = client.get("/api/events", params=paged)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.text
            total = response.json()["total"]
        samples.sort()
        p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
        results.append((name, statistics.median(samples), p95, total))
    return results


def stored_events(db: str) -> int:
    """How many events the store at ``db`` holds (0 when there is none yet)."""
    if not url_scheme(db) and not Path(db).exists():
        return 0
    with open_store(db) as store:
        return store.count_events(store.event_query(EventFilter(include_all=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--db", help="store file (or postgresql:// URL) to reuse, built there if absent (empty)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        if not stored_events(db):
            started = time.perf_counter()
            build(db, args.events, args.articles)
            print(f"built {db}: {args.events:,} events, {args.articles:,} articles in "
                  f"{time.perf_counter() - started:.1f} s")
        client = TestClient(create_app(db))
        stored = client.get("/api/events", params={"all": "true", "limit": 1}).json()["total"]
        print(f"timeline API, {stored:,} events in the store, page of 50, {args.repeats} requests per filter:")
        print(f"{'filter':32} {'median ms':>10} {'p95 ms':>8} {'matches':>9}")
        results = time_queries(client, args.repeats)
        for name, median, p95, total in results:
            print(f"{name:32} {median:10.1f} {p95:8.1f} {total:9,}")
        within = [name for name, _, p95, _ in results if p95 < 300]
        over = [f"{name} ({total:,} matches, p95 {p95:.0f} ms)" for name, _, p95, total in results if p95 >= 300]
        print(f"median of medians {statistics.median(m for _, m, _, _ in results):.1f} ms; "
              f"p95 under the 300 ms target for {len(within)} of {len(results)} filters"
              + (f"; over: {', '.join(over)}" if over else ""))


if __name__ == "__main__":
    main()
