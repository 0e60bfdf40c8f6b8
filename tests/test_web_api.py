"""The JSON API: every endpoint, every filter, paging, and bad parameters answered with a clear 4xx."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser.corpus import HOSTILE_TITLE, fill_store  # noqa: E402
from conftest import BACKENDS, filled_store  # noqa: E402

from linimasa.web.app import create_app  # noqa: E402


@pytest.fixture(scope="module", params=BACKENDS)
def client(request, tmp_path_factory) -> TestClient:
    """The app over the corpus of tests/browser/corpus.py, in a store of each backend."""
    with filled_store(request.param, tmp_path_factory.mktemp("api"), fill_store) as db:
        app = create_app(db)
        yield TestClient(app)
        app.state.pool.close()


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_events_come_in_date_order_and_only_asserted_news_by_default(client):
    assert ids(client.get("/api/events")) == [
        "ev-sanction", "ev-geneva", "ev-sochi", "ev-accuse", "ev-jakarta", "ev-hostile",
    ]
    assert "ev-planned" in ids(client.get("/api/events", params={"all": "true"}))
    assert ids(client.get("/api/events", params={"modality": "future"})) == ["ev-planned"]


def test_event_objects_follow_the_contract_like_linimasa_events(client):
    event = client.get("/api/events/ev-geneva").json()
    assert event["type"] == "CONSULT" and event["mode"] == "meet" and event["date"] == "2015-05-12"
    assert event["date_flags"] == ["weekday_conflict"] and event["date_alternatives"] == ["2015-05-11"]
    assert event["location"] == {"name": "Geneva", "city": "Geneva", "country": "CHE", "lat": 46.2, "lon": 6.15,
                                 "kb_id": None, "geonameid": None, "admin1": None, "admin1_code": None, "admin1_geonames": None}
    assert [(p["name"], p["role"], p["country"]) for p in event["participants"]] == [
        ("John Kerry", "Secretary of State", "USA"), ("Sergey Lavrov", "Foreign Minister", "RUS"),
    ]
    assert event["duration_minutes"] == 240 and event["story_id"] == "story-ukraine-talks"
    (source,) = event["sources"]
    assert source["outlet"] == "Kabar Dunia" and source["url"] == "https://kabar.example/geneva"
    assert {"text": "bertemu", "field": "trigger"}.items() <= source["evidence"][0].items()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"since": "2015-01-01", "until": "2015-12-31"}, ["ev-geneva", "ev-sochi"]),
        ({"since": "2016-02-15"}, ["ev-accuse", "ev-jakarta", "ev-hostile"]),  # a month-dated event reaches into range
        ({"until": "2016-02-01"}, ["ev-sanction", "ev-geneva", "ev-sochi", "ev-accuse"]),
        ({"actor": "John Kerry"}, ["ev-geneva", "ev-sochi"]),
        ({"actor": "john kerry"}, ["ev-geneva", "ev-sochi"]),
        ({"actor": "person:vladimir-putin"}, ["ev-sochi"]),
        ({"actor": ["USA", "Sergey Lavrov"]}, ["ev-geneva"]),
        ({"country": "aus"}, ["ev-jakarta"]),
        ({"type": "consult"}, ["ev-geneva", "ev-sochi", "ev-jakarta"]),
        ({"type": "CONSULT", "mode": "visit"}, ["ev-sochi", "ev-jakarta"]),
        ({"outlet": "Warta Harian"}, ["ev-sochi", "ev-accuse"]),
        ({"q": "sanksi ekonomi"}, ["ev-sanction"]),
        ({"q": "interference"}, ["ev-accuse"]),  # the summary is searched too
        ({"q": 'Jenewa" OR *'}, []),  # FTS syntax in user words is quoted, not run
        ({"place": "Geneva"}, ["ev-geneva"]),
        ({"story": "story-ukraine-talks"}, ["ev-geneva", "ev-sochi"]),
    ],
)
def test_event_filters(client, params, expected):
    assert ids(client.get("/api/events", params=params)) == expected


def test_paging_walks_the_same_order_and_reports_the_total(client):
    pages = [client.get("/api/events", params={"limit": 2, "offset": o, "all": "true"}).json() for o in (0, 2, 4, 6)]
    assert {p["total"] for p in pages} == {7}
    walked = [item["id"] for p in pages for item in p["items"]]
    assert walked == ids(client.get("/api/events", params={"all": "true"}))
    assert walked[-2:] == ["ev-hostile", "ev-planned"]  # 2016-04-01, then the month-dated 2016-05


@pytest.mark.parametrize("backend", BACKENDS)
def test_undated_events_come_after_dated_ones_across_pages(tmp_path, backend):
    from linimasa.model import Event

    def fill(store):
        store.replace_events([Event("b-undated", "AID"), Event("a-dated", "AID", date="2020-01-01"),
                              Event("c-undated", "AID")], [])

    with filled_store(backend, tmp_path, fill) as db:
        undated = TestClient(create_app(db))
        assert ids(undated.get("/api/events")) == ["a-dated", "b-undated", "c-undated"]
        assert ids(undated.get("/api/events", params={"limit": 1, "offset": 1})) == ["b-undated"]
        assert ids(undated.get("/api/events", params={"limit": 5, "offset": 2})) == ["c-undated"]
        undated.app.state.pool.close()


def test_timeline_counts_per_zoom_split_into_cooperation_and_conflict(client):
    years = client.get("/api/timeline", params={"zoom": "year"}).json()["periods"]
    assert [(y["period"], y["events"], y["cooperation"], y["conflict"]) for y in years] == [
        ("2014", 1, 0, 1), ("2015", 2, 2, 0), ("2016", 3, 1, 2),
    ]
    days = client.get("/api/timeline", params={"zoom": "day", "since": "2016-01-01"}).json()["periods"]
    assert [d["period"] for d in days] == ["2016-02", "2016-03-10", "2016-04-01"]  # month-dated stays a month


def test_places_have_coordinates_and_counts(client):
    places = {p["name"]: p for p in client.get("/api/places").json()["items"]}
    assert places["Geneva"] == {"name": "Geneva", "country": "CHE", "lat": 46.2, "lon": 6.15, "events": 1}
    assert set(client.get("/api/places", params={"country": "RUS"}).json()["items"][0]) >= {"lat", "lon"}


def test_actors_list_and_actor_detail(client):
    listing = client.get("/api/actors", params={"q": "kerry"}).json()
    assert listing["total"] == 1 and listing["items"][0]["events"] == 2
    assert {a["name"] for a in client.get("/api/actors", params={"country": "IDN"}).json()["items"]} >= {"Joko Widodo"}
    kerry = client.get("/api/actors/John Kerry").json()
    assert kerry["kb_id"] == "person:john-kerry"
    assert [r["role"] for r in kerry["roles_seen"]] == ["Secretary of State"]
    assert {c["name"] for c in kerry["counterparts"]} == {"Sergey Lavrov", "Vladimir Putin"}
    assert kerry["activity"] == [{"period": "2015-05", "events": 2, "cooperation": 2, "conflict": 0, "other": 0}]
    assert any(r["role"] == "Secretary of State" and r["start"].startswith("2013") for r in kerry["kb_roles"])


def test_stories_list_and_story_with_its_events(client):
    listing = client.get("/api/stories").json()
    assert listing["total"] == 1 and listing["items"][0]["events"] == 2
    story = client.get("/api/stories/story-ukraine-talks").json()
    assert story["title"] == "Kerry and Lavrov talks"
    assert [e["id"] for e in story["events"]] == ["ev-geneva", "ev-sochi"]


def test_dyad_counts_cooperation_and_conflict_per_month(client):
    months = client.get("/api/dyad", params={"a": "usa", "b": "RUS"}).json()["months"]
    assert [(m["period"], m["cooperation"], m["conflict"]) for m in months] == [
        ("2014-07", 0, 1), ("2015-05", 2, 0), ("2016-02", 0, 1),
    ]
    assert months[1]["types"] == {"CONSULT": 2}
    assert client.get("/api/dyad", params={"a": "USA", "b": "RUS", "since": "2015-01-01"}).json()["months"][0][
        "period"] == "2015-05"


def test_articles_list_filters_and_detail(client):
    assert client.get("/api/articles").json()["total"] == 6
    assert [a["article_id"] for a in client.get("/api/articles", params={"outlet": "Kabar Dunia"}).json()["items"]] == [
        "art-sanksi", "art-geneva"]
    assert client.get("/api/articles", params={"q": "Turnbull"}).json()["items"][0]["article_id"] == "art-jakarta"
    assert client.get("/api/articles", params={"status": "duplicate"}).json()["total"] == 0
    assert client.get("/api/articles", params={"since": "2016-03-01", "until": "2016-03-31"}).json()["total"] == 1
    hostile = client.get("/api/articles/art-hostile").json()
    assert hostile["title"] == HOSTILE_TITLE and hostile["event_ids"] == ["ev-hostile"]


def test_dyad_keeps_each_direction_apart(client):
    months = {m["period"]: m["directions"] for m in client.get("/api/dyad", params={"a": "USA", "b": "RUS"}).json()["months"]}
    assert months["2014-07"]["a_to_b"]["conflict"] == 1 and months["2014-07"]["b_to_a"]["events"] == 0  # sanctions
    assert months["2016-02"]["b_to_a"]["conflict"] == 1 and months["2016-02"]["a_to_b"]["events"] == 0  # accusation
    assert months["2015-05"]["a_to_b"]["cooperation"] == 2
    reverse = {m["period"]: m["directions"] for m in client.get("/api/dyad", params={"a": "RUS", "b": "USA"}).json()["months"]}
    assert reverse["2016-02"]["a_to_b"]["conflict"] == 1 and reverse["2014-07"]["b_to_a"]["conflict"] == 1


def test_a_filtered_view_downloads_as_the_event_table_or_records(client):
    from linimasa.event_table import COLUMNS

    table = client.get("/download/events.csv", params={"actor": "John Kerry"})
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/csv")
    assert "attachment" in table.headers["content-disposition"]
    lines = table.text.splitlines()
    assert lines[0].split(",") == list(COLUMNS) and len(lines) == 3
    records = client.get("/download/events.json", params={"type": "SANCTION"}).json()
    assert [r["id"] for r in records] == ["ev-sanction"] and records[0]["participants"][0]["actor_code"] == "USA"
    assert client.get("/download/events.xml").status_code == 400  # a bad format, answered as a page


@pytest.mark.parametrize(("q", "target"), [
    ("Jokowi", "/?actor=Jokowi"), ("Rusia", "/?actor=Rusia"), ("IDN", "/?actor=IDN"),
    ("sanksi ekonomi", "/?q=sanksi+ekonomi"), ("", "/"),
])
def test_the_search_box_opens_an_actors_timeline_or_a_search_of_the_words(client, q, target):
    response = client.get("/search", params={"q": q}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == target


def test_suggestions_offer_a_name_by_any_alias_while_it_is_typed(client):
    def offered(q):
        return [item["value"] for item in client.get("/api/suggest", params={"q": q}).json()["items"]]

    assert offered("Jokow")[0] == "Joko Widodo"  # by the alias Jokowi
    assert "Russia" in offered("Rusia") and "United Nations" in offered("PBB")
    assert "John Kerry" in offered("kerr")  # a participant of the store, by part of its name
    assert offered("J") == [] and offered("") == []


def test_the_dyad_page_offers_the_busiest_pairs_before_one_is_chosen(client):
    page = client.get("/dyad")
    assert page.status_code == 200
    assert 'href="/dyad?a=RUS&amp;b=USA"' in page.text and "4 events" in page.text  # sanctions, talks, accusation


def test_the_glossary_explains_the_labels_and_renders_the_data_dictionary_as_text(client):
    page = client.get("/glossary")
    assert page.status_code == 200
    for term in ("weekday_conflict", "mod:START", "preceding_context", "trigger_sentence", "ringkasan otomatis"):
        assert term in page.text
    assert "<table>" in page.text and "<code>actor_codes</code>" in page.text


def test_openapi_and_docs_describe_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/timeline", "/api/places", "/api/actors",
            "/api/actors/{name}", "/api/stories", "/api/stories/{story_id}", "/api/dyad", "/api/articles",
            "/api/articles/{article_id}"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/dyad" in docs.text and "cdn" not in docs.text.lower()


@pytest.mark.parametrize(
    ("path", "params", "complaint"),
    [
        ("/api/events", {"since": "12-05-2015"}, "since"),
        ("/api/events", {"since": "2015-02-30"}, "since"),
        ("/api/events", {"since": "2016-01-01", "until": "2015-01-01"}, "after until"),
        ("/api/events", {"type": "PARTY"}, "not a PLOVER event type"),
        ("/api/events", {"country": "United States"}, "country"),
        ("/api/events", {"modality": "maybe"}, "modality"),
        ("/api/events", {"limit": 0}, "limit"),
        ("/api/events", {"limit": 100000}, "limit"),
        ("/api/events", {"offset": -1}, "offset"),
        ("/api/events", {"offset": 10**30}, "offset"),
        ("/api/events", {"limit": "ten"}, "limit"),
        ("/api/events", {"all": "perhaps"}, "all"),
        ("/api/events", {"q": "&&& ***"}, "no words"),
        ("/api/events", {"q": "x" * 500}, "q"),
        ("/api/timeline", {"zoom": "week"}, "zoom"),
        ("/api/dyad", {"a": "USA"}, "b"),
        ("/api/dyad", {"a": "USA", "b": "R'S"}, "b"),
        ("/api/articles", {"status": "lost"}, "status"),
        ("/api/articles", {"until": "soon"}, "until"),
        ("/api/actors", {"country": "12"}, "country"),
    ],
)
def test_bad_parameters_get_a_clear_422(client, path, params, complaint):
    response = client.get(path, params=params)
    assert response.status_code == 422
    assert complaint in str(response.json()["detail"])


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/actors/Nobody", "/api/stories/nope", "/api/articles/nope"])
def test_unknown_things_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert path.rsplit("/", 1)[1] in response.json()["detail"]


def test_the_server_is_read_only(client):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/events").status_code == 405


def test_pages_send_a_strict_content_security_policy(client):
    response = client.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    ["/", "/?zoom=month&actor=John+Kerry", "/?zoom=day&since=2015-05-01&until=2015-05-31", "/events/ev-geneva",
     "/events/ev-hostile", "/actors", "/actors/John%20Kerry", "/stories", "/stories/story-ukraine-talks",
     "/dyad", "/dyad?a=USA&b=RUS", "/map", "/map?type=CONSULT", "/articles", "/articles/art-hostile", "/docs"],
)
def test_every_page_renders(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")


def test_pages_escape_hostile_text(client):
    for path in ("/articles/art-hostile", "/events/ev-hostile", "/?all=true", "/map", "/actors", "/articles"):
        html = client.get(path).text
        assert "<script>window" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html or "&lt;img src=x" in html
    assert 'href="javascript:' not in client.get("/articles/art-hostile").text


@pytest.mark.parametrize(("path", "status"), [("/?since=yesterday", 400), ("/events/nope", 404),
                                               ("/dyad?a=U", 400), ("/?type=PARTY", 422)])
def test_bad_page_requests_get_an_html_error_page(client, path, status):
    response = client.get(path)
    assert response.status_code == status and response.headers["content-type"].startswith("text/html")


def test_too_many_actors_is_a_clear_422(client):
    response = client.get("/api/events", params={"actor": [f"Actor {i}" for i in range(11)]})
    assert response.status_code == 422 and "at most 10" in str(response.json()["detail"])


def test_the_app_refuses_a_missing_store_saying_what_to_do(tmp_path):
    from linimasa.store import StoreError

    with pytest.raises(StoreError, match="no store"):
        create_app(str(tmp_path / "absent.db"))
    with pytest.raises(StoreError, match="cannot connect to the store postgresql://someone:\\*\\*\\*@127.0.0.1:9"):
        create_app("postgresql://someone:secret@127.0.0.1:9/linimasa")


@pytest.mark.postgres
def test_the_app_refuses_an_empty_postgresql_database_saying_what_to_do():
    from conftest import fresh_pg_database

    from linimasa.store import StoreError

    with fresh_pg_database() as url, pytest.raises(StoreError, match="schema version 0.*run any writing command"):
        create_app(url)


PARAMETERS = ["since", "until", "actor", "country", "type", "mode", "outlet", "q", "place", "story", "modality",
              "all", "limit", "offset", "zoom", "a", "b", "status"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(["/api/events", "/api/timeline", "/api/places", "/api/actors", "/api/dyad", "/api/articles",
                          "/api/stories", "/", "/map", "/dyad", "/actors"]),
    params=st.dictionaries(st.sampled_from(PARAMETERS), st.text(max_size=30), max_size=5),
)
def test_no_parameter_value_makes_a_server_error(client, path, params):
    response = client.get(path, params=params)
    assert response.status_code in (200, 400, 404, 422), (path, params, response.text[:300])


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_request_reads_one_snapshot_while_a_run_replaces_the_events(tmp_path, backend):
    from linimasa.model import Event
    from linimasa.store import open_store
    from linimasa.store.filters import EventFilter
    from linimasa.web.app import ReadPool

    import anyio

    def stored(store) -> int:
        return store.count_events(store.event_query(EventFilter(include_all=True)))

    with filled_store(backend, tmp_path, fill_store) as db:
        pool = ReadPool(db)
        writer = open_store(db)

        async def read() -> None:
            async with pool.lend() as reading:
                before = stored(reading)
                writer.replace_events([Event("ev-new", "AID", date="2020-01-01")], [])
                assert stored(reading) == before == 7
            async with pool.lend() as reading:
                assert stored(reading) == 1

        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=1) as thread:  # a loop of its own: the browser tests may hold this one's
            thread.submit(anyio.run, read).result()
        writer.close()
        pool.close()


def test_the_api_accepts_exactly_the_models_modalities_and_statuses():
    from typing import get_args

    from linimasa.model import ARTICLE_STATUSES, MODALITIES
    from linimasa.web.app import Modality, Status

    assert set(get_args(Modality)) == set(MODALITIES) and set(get_args(Status)) == set(ARTICLE_STATUSES)


def test_the_actor_filter_finds_events_by_any_alias_the_knowledge_base_knows(client):
    by_code = ids(client.get("/api/events", params={"actor": "RUS"}))
    assert by_code
    for alias in ("Russia", "Rusia", "rus"):
        assert ids(client.get("/api/events", params={"actor": alias})) == by_code
    by_name = ids(client.get("/api/events", params={"actor": "Joko Widodo"}))
    assert by_name and ids(client.get("/api/events", params={"actor": "Jokowi"})) == by_name
