"""The PostgreSQL store has the SQLite store's schema and behaves like it, call for call.

Runs against the real server named by LINIMASA_TEST_PG_URL (scripts/ci_postgres.sh starts one and prints
the URL); each test gets a database of its own, dropped afterwards. Without a reachable server the tests
skip, saying why.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest
from conftest import fresh_pg_database

from linimasa.model import Article, Event, Evidence, Location, Participant, Story, content_hash
from linimasa.store import Outcome, SQLiteStore, StoreError, open_store

psycopg = pytest.importorskip("psycopg")

pytestmark = pytest.mark.postgres

# Columns that differ by design: SQLite's implicit rowid made explicit, and the full-text column.
PG_ONLY_COLUMNS = {"rowid", "search"}
# Written at save time, so they differ between any two runs.
VOLATILE = {"ingested_at", "updated_at", "replaced_at", "run_id", "replaced_by_run"}


@pytest.fixture
def pg_url():
    """The URL of a fresh, empty database on the test server."""
    with fresh_pg_database() as url:
        yield url


def _article(article_id: str, title: str, text: str, *, outlet: str = "Warta Contoh", events: int = 1) -> Article:
    article = Article(id=article_id, text=text, title=title, outlet=outlet, url=f"https://contoh.test/{article_id}",
                      published="2024-03-05", lang="id", source=f"fixture:{article_id}")
    article.compute_hash()
    article.clean_text = text
    article.anchor = {"date": "2024-03-05", "basis": "published", "year_range": None}
    article.events = [
        Event(id=f"{article_id}-e{i}", type="CONSULT", mode="meet", date="2024-03-04", article_id=article_id,
              participants=[Participant(name="Retno Marsudi", country="IDN", role="Foreign Minister")],
              evidence=[Evidence(article_id=article_id, field="trigger", text=text[:40], start=0, end=min(40, len(text)))])
        for i in range(events)
    ]
    return article


def _exercise(store: SQLiteStore) -> dict:
    """The same calls on any store; returns everything it can read back, volatile columns removed."""
    first = store.begin_run("run", ["a.jsonl"])
    store.save_chunk(first, [
        Outcome("new", "a.jsonl:1", _article("a1", "Menlu bertemu mitra", "Menteri Luar Negeri bertemu mitranya di Jakarta pada Senin.")),
        Outcome("new", "a.jsonl:2", _article("a2", "Banjir di hulu", "Hujan deras membuat sungai meluap di tiga desa.", events=2)),
        Outcome("rejected", "a.jsonl:3", None, None, "no text"),
    ])
    store.finish_run(first, "finished", 2, 1)
    second = store.begin_run("run", ["b.jsonl"])
    revised = _article("a1", "Menlu bertemu mitra", "Menteri Luar Negeri bertemu mitranya di Bandung pada Selasa.")
    duplicate = _article("a3", "Banjir di hulu", "Hujan deras membuat sungai meluap di tiga desa.")
    duplicate.status, duplicate.duplicate_of, duplicate.reason = "duplicate", "a2", "same content as a2"
    store.save_chunk(second, [
        Outcome("revised", "b.jsonl:1", revised, "a1"),
        Outcome("duplicate", "b.jsonl:2", duplicate, "a3", duplicate.reason),
        Outcome("duplicate", "b.jsonl:3", None, "a2", "already stored (same id, same content)", False),
    ])
    mentions = list(store.iter_event_mentions())
    linked = [
        Event(id="ev-b", type="CONSULT", mode="meet", date="2024-03-04", summary="Menlu bertemu mitra",
              location=Location(name="Bandung", city="Bandung", country="IDN", lat=-6.9, lon=107.6),
              participants=mentions[0].participants, evidence=mentions[0].evidence, article_id="a1"),
        Event(id="ev-a", type="CONSULT", mode="meet", date="2024-03-04", evidence=mentions[1].evidence + mentions[2].evidence),
        Event(id="Ev-c", type="AID", date="2024-03-04", background=True, evidence=mentions[2].evidence),
    ]
    store.replace_events(linked, [Story(id="s1", title="Pertemuan", overview="Dua pertemuan", event_ids=["ev-a", "ev-b"])])
    store.set_state("clean.templates", {"Warta Contoh": ["Baca juga"]})
    store.set_state("clean.templates", {"Warta Contoh": ["Baca juga", "Simak video"]})
    store.finish_run(second, "finished", 3, 1)

    def strip(row: dict) -> dict:
        return {k: v for k, v in row.items() if k not in VOLATILE}

    return {
        "articles": [strip(r) for r in store.iter_articles()],
        "processed": [r["id"] for r in store.iter_articles("processed")],
        "article": strip(store.article("a1")),
        "versions": [strip(r) for r in store.article_versions("a1")],
        "counts": store.count_articles(),
        "lookup": store.lookup("a1"),
        "by_hash": store.find_by_hash(duplicate.content_hash),
        "lookup_many": store.lookup_many(["a1", "a3", "missing", "a1"]),
        "by_hashes": store.find_by_hashes([duplicate.content_hash, "no such hash"]),
        "rejections": store.rejections(first),
        "runs": [{k: v for k, v in store.run(r).items() if k not in ("started_at", "finished_at")} for r in (first, second)],
        "mentions": mentions,
        "events": list(store.iter_events()),
        "stories": list(store.iter_stories()),
        "refs": store.article_refs(["a2", "a1", "missing"]),
        "state": store.get_state("clean.templates"),
        "no_state": store.get_state("nothing"),
        "search": store.search_articles("Bandung"),
        "search_duplicated": store.search_articles("sungai"),  # a2 and its duplicate a3 hold it
    }


@pytest.mark.parametrize("locale", [None, "en-US"])  # en-US: 'ev-a' sorts before 'Ev-c', '-' is ignored
def test_postgres_store_reads_back_what_sqlite_reads_back_for_the_same_calls(tmp_path, locale):
    sqlite_result = _exercise(open_store(str(tmp_path / "s.db")))
    with fresh_pg_database(icu_locale=locale) as pg_url:
        pg_result = _exercise(open_store(pg_url))
    for key in sqlite_result:
        assert pg_result[key] == sqlite_result[key], key
    assert pg_result["events"][0].id == "Ev-c"  # byte order, as SQLite sorts, whatever the server's locale
    assert pg_result["counts"] == {"processed": 2, "duplicate": 1}
    flood = content_hash("Banjir di hulu", "Hujan deras membuat sungai meluap di tiga desa.")
    assert pg_result["by_hashes"] == {flood: "a2"}  # the original, never its duplicate a3
    assert set(pg_result["lookup_many"]) == {"a1", "a3"} and pg_result["lookup_many"]["a1"].version == 2
    assert pg_result["versions"][0]["text_raw"].endswith("di Jakarta pada Senin.")
    assert pg_result["search"] == ["a1"]
    assert pg_result["search_duplicated"] == ["a2"]  # a duplicate is found through the article it repeats


def test_postgres_schema_has_the_sqlite_tables_and_columns(pg_url, tmp_path):
    SQLiteStore(tmp_path / "s.db").close()
    lite = sqlite3.connect(tmp_path / "s.db")
    tables = [name for (name,) in lite.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
              if "_fts" not in name and not name.startswith("sqlite_")]  # SQLite's full-text tables
    sqlite_columns = {t: [r[1] for r in lite.execute(f"PRAGMA table_info({t})")] for t in tables}
    open_store(pg_url).close()
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema='public' "
            "ORDER BY table_name, ordinal_position").fetchall()
    pg_columns: dict[str, list[str]] = {}
    for table, column in rows:
        if column not in PG_ONLY_COLUMNS:
            pg_columns.setdefault(table, []).append(column)
    assert pg_columns == sqlite_columns


def test_writers_on_one_postgres_store_all_count(pg_url):
    open_store(pg_url).close()
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            store = open_store(pg_url)
            run_id = store.begin_run("run", [name])
            for n in range(5):
                article = _article(f"{name}-{n}", f"Judul {name} {n}", f"Berita nomor {n} dari penulis {name}.")
                store.save_chunk(run_id, [Outcome("new", f"{name}:{n}", article, article.id)])
            store.close()
        except BaseException as exc:  # reported to the test thread below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    store = open_store(pg_url, readonly=True)
    assert store.count_articles() == {"processed": 20}
    assert sum(1 for _ in store.iter_event_mentions()) == 20


def test_readonly_postgres_store_refuses_writes_and_an_empty_database(pg_url):
    with pytest.raises(StoreError, match="schema version 0"):
        open_store(pg_url, readonly=True)
    open_store(pg_url).close()
    store = open_store(pg_url, readonly=True)
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        store.set_state("k", 1)


def test_unreachable_postgres_store_is_a_store_error_without_the_password():
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://someone:secret@127.0.0.1:9/nothing")
    assert "secret" not in str(caught.value)
    assert "someone:***@127.0.0.1:9" in str(caught.value)


def test_a_run_into_postgres_stores_the_same_events_as_a_run_into_sqlite_and_the_web_shows_them_alike(
        pg_url, tmp_path):
    from test_dask import SAMPLE, installed_settings, stored

    from linimasa.engine.local import LocalRunner

    if not SAMPLE.exists():
        pytest.skip(f"sample corpus not built: {SAMPLE}")
    settings = installed_settings(workers=1)
    sqlite_db = str(tmp_path / "s.db")
    on_sqlite = LocalRunner(open_store(sqlite_db), settings).run([str(SAMPLE)])
    on_postgres = LocalRunner(open_store(pg_url), settings).run([str(SAMPLE)])
    assert (on_postgres.counts.read, on_postgres.counts.new, on_postgres.counts.duplicates, on_postgres.events) == (
        on_sqlite.counts.read, on_sqlite.counts.new, on_sqlite.counts.duplicates, on_sqlite.events)
    assert stored(pg_url) == stored(sqlite_db)
    assert web_answers(pg_url) == web_answers(sqlite_db)


def web_answers(db: str) -> dict[str, object]:
    """What the web view answers over a store: every list, and each event, actor, story and article."""
    from fastapi.testclient import TestClient

    from linimasa.web.app import create_app

    app = create_app(db)
    client = TestClient(app)
    paths = ["/api/events?all=true&limit=500", "/api/timeline?zoom=day&all=true", "/api/places?all=true",
             "/api/actors?limit=500", "/api/stories?limit=500", "/api/articles?limit=500", "/api/dyad?a=IDN&b=RUS",
             "/api/events?q=presiden", "/api/events?actor=Jokowi", "/api/articles?q=bertemu", "/api/actors?q=jo",
             "/?zoom=month&all=true", "/map?all=true"]
    lists = {path: client.get(path) for path in paths[:6]}
    paths += [f"/events/{e['id']}" for e in lists[paths[0]].json()["items"]]
    paths += [f"/api/actors/{a['name']}" for a in lists[paths[3]].json()["items"]]
    paths += [f"/stories/{s['id']}" for s in lists[paths[4]].json()["items"]]
    paths += [f"/api/articles/{a['article_id']}" for a in lists[paths[5]].json()["items"]]
    answers = {path: (r.status_code, r.text) for path in paths for r in [client.get(path)]}
    app.state.pool.close()
    return answers


def test_postgres_keeps_the_near_duplicate_index_as_sqlite_does(pg_url, tmp_path):
    from test_incremental_dedup import corpus, judged, run, write

    rows = corpus()
    sqlite_db = str(tmp_path / "s.db")
    for db in (sqlite_db, pg_url):
        for part, (start, end) in enumerate(((0, 20), (20, 35), (35, len(rows)))):
            run(db, write(tmp_path / f"part-{part}.jsonl", rows[start:end]))
    assert judged(pg_url) == judged(sqlite_db)

    def signatures(db: str) -> list[tuple]:
        store = open_store(db, readonly=True)
        rows = store.execute("SELECT article_id, outlet, group_id, size, digest FROM near_duplicate_signatures "
                                  "ORDER BY seq").fetchall()
        bands = store.execute("SELECT count(*) AS n FROM near_duplicate_bands").fetchone()
        store.close()
        return [(r["article_id"], r["outlet"], r["group_id"], r["size"], bytes(r["digest"])) for r in rows] + [bands["n"]]

    assert signatures(pg_url) == signatures(sqlite_db)


def test_postgres_links_incrementally_as_sqlite_does(pg_url, tmp_path):
    """New and revised articles in several runs: the PostgreSQL store ends as the SQLite store does, and
    both as a full relink leaves them."""
    from test_incremental_linking import random_batches, relinked_copy, snapshot, store_batch

    sqlite_db = str(tmp_path / "s.db")
    for db in (sqlite_db, pg_url):
        for outcomes in random_batches(seed=4):
            store_batch(db, outcomes)
    on_postgres = snapshot(pg_url)
    assert on_postgres["events"] and on_postgres["stories"]
    assert on_postgres == snapshot(sqlite_db) == relinked_copy(sqlite_db, tmp_path)
    from linimasa.engine.corpus import relink

    store = open_store(pg_url)
    relink(store)
    store.close()
    assert snapshot(pg_url) == on_postgres
