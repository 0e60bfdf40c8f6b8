"""Full-text search over a store where the words are common: the plan that tests events in SQL as it meets
them must give exactly what gathering every match gives, on every page, count, histogram and filter mix."""

from __future__ import annotations

import random

import pytest
from conftest import BACKENDS, filled_store
from fastapi.testclient import TestClient

from linimasa.model import Article, Event, Evidence, Participant
from linimasa.store import Outcome, browse, open_store
from linimasa.web.app import create_app

ARTICLES = 700  # over the 500 matching articles from which words count as common


def fill(store) -> None:
    rng = random.Random(3)
    run_id = store.begin_run("test", [])
    outcomes = []
    for i in range(ARTICLES):
        # most articles speak of a border; only some of sanctions too; one in ten of neither
        words = ["perbatasan"] * (i % 10 != 0) + ["sanksi"] * (i % 3 == 0) + ["laporan", f"nomor{i}"]
        article = Article(f"art-{i:04d}", " ".join(words) + ".", title=f"Laporan {i}", outlet="Harian",
                          published=f"20{10 + i % 10}-01-01", lang="id")
        article.compute_hash()
        article.clean_text = article.text
        outcomes.append(Outcome("new", article.id, article=article, article_id=article.id))
    store.save_chunk(run_id, outcomes)
    events = []
    for i in range(1200):
        sources = rng.sample(range(ARTICLES), rng.randint(1, 2))
        dated = i % 17 != 0
        events.append(Event(
            id=f"ev-{i:05d}", type=rng.choice(["CONSULT", "AID", "COERCE"]),
            modality="asserted" if i % 9 else "future",
            date=f"{rng.randint(2010, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if dated else None,
            participants=[Participant(f"Tokoh {i % 40}", f"Tokoh {i % 40}", ["IDN", "MYS"][i % 2], None, "person")],
            summary="sanksi dibahas" if i % 50 == 0 else "pertemuan",
            article_id=f"art-{sources[0]:04d}",
            evidence=[Evidence(f"art-{s:04d}", "trigger", "x", 0, 1) for s in sources],
        ))
    store.replace_events(events, [])
    store.finish_run(run_id, "done", len(events), 0)


@pytest.fixture(scope="module", params=BACKENDS)
def store_path(request, tmp_path_factory):
    with filled_store(request.param, tmp_path_factory.mktemp("words"), fill) as db:
        yield db


@pytest.fixture(scope="module")
def client(store_path):
    app = create_app(store_path)
    yield TestClient(app)
    app.state.pool.close()


def everything(client, params):
    """Every event of a search, page by page, with the totals and the histogram."""
    first = client.get("/api/events", params={**params, "limit": 1}).json()
    walked = []
    for offset in range(0, first["total"] + 120, 120):
        walked += [e["id"] for e in client.get("/api/events", params={**params, "limit": 120, "offset": offset}).json()["items"]]
    histogram = client.get("/api/timeline", params={**params, "zoom": "year"}).json()["periods"]
    return first["total"], walked, histogram


SEARCHES = [
    {"q": "perbatasan"},
    {"q": "perbatasan sanksi"},
    {"q": "sanksi", "all": "true"},
    {"q": "perbatasan", "country": "MYS"},
    {"q": "perbatasan", "actor": "Tokoh 7", "all": "true"},
    {"q": "perbatasan", "since": "2012-01-01", "until": "2013-06-30", "type": "AID"},
]


def test_the_words_of_this_store_count_as_common(store_path):
    with open_store(store_path, readonly=True) as store:
        assert store.word_hits("perbatasan").common
        assert not store.word_hits("nomor12").common


@pytest.mark.parametrize("params", SEARCHES, ids=[" ".join(f"{k}={v}" for k, v in p.items()) for p in SEARCHES])
def test_testing_events_in_sql_gives_what_gathering_them_gives(client, params, monkeypatch):
    tested = everything(client, params)
    monkeypatch.setattr(browse, "PER_EVENT_MAX_WALK", 0)  # deep pages gather the matches
    deep = everything(client, params)
    monkeypatch.setattr(browse.WordHits, "common", property(lambda self: False))  # gather matches in Python
    gathered = everything(client, params)
    assert tested == deep == gathered
    total, walked, histogram = gathered
    assert total == len(walked) == len(set(walked)) > 0
    assert sum(period["events"] for period in histogram) <= total  # undated events have no period


def test_a_summary_match_counts_though_its_articles_do_not_hold_the_word(client):
    total, walked, _ = everything(client, {"q": "dibahas", "all": "true"})
    assert total == len(walked) == 24  # every fiftieth of 1,200 events says so in its summary
