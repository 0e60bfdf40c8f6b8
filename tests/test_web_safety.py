"""Hostile content and hostile requests against the web view and API (`linimasa serve`).

The store is filled with markup, template syntax and script URLs in every text field a page can show, and
every page and endpoint is then asked for it, with hostile filters, path parameters and sizes besides. The
view must show hostile data as text, answer hostile requests with a clear 4xx (never a 500), and never write.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
import hashlib
import json
import shutil
import signal
import socket
import subprocess
import sys
import time
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlencode

import lxml.html
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BACKENDS, filled_store

from linimasa.model import Article, Event, Evidence, Location, Participant, Story
from linimasa.nlp.sentences import split_sentences
from linimasa.store import Outcome, SQLiteStore, Store, open_store
from linimasa.store.filters import WORD
import linimasa.web.views
from linimasa.web.app import create_app

SERVER_START_SECONDS = 120
PACKAGE_STATIC = Path(linimasa.web.views.__file__).with_name("static")
OUR_SCRIPTS = {"/static/app.js", "/static/map.js", "/static/vendor/leaflet/leaflet.js",
               "/static/vendor/markercluster/leaflet.markercluster.js"}


def payload(field: str) -> str:
    """Markup, attribute breakouts, template syntax and a textarea breakout, tagged with the field's name so
    a script that gets through says where it came from."""
    tag = f"XSS-{field}"
    return (
        f"{tag} <script>alert('{tag}')</script> \"><img src=x onerror=alert('{tag}')> </textarea> "
        f"{{{{7*7}}}} ' onmouseover='alert(\"{tag}\")' {tag}-end"
    )


SCRIPT_URL = "javascript:alert('XSS-url')"

ARTICLE_TEXT = (
    "Ribuan warga berunjuk rasa di depan gedung dewan. " + payload("text") + " Polisi membubarkan massa. "
)
HOSTILE_ID = "x\"><img src=x onerror=alert('XSS-id')>"


def _article(article_id: str, *, title: str, outlet: str, url: str, published: str, text: str) -> Article:
    article = Article(id=article_id, title=title, outlet=outlet, url=url, published=published, text=text)
    article.compute_hash()
    article.clean_text = text
    article.lang = "id"
    article.sentences = split_sentences(text)
    return article


def hostile_corpus() -> tuple[list[Article], list[Event], list[Story]]:
    """Two articles and two events; every text field the view renders carries a payload naming the field."""
    hostile = _article(
        "art-hostile", title=payload("title"), outlet=payload("outlet"), url=SCRIPT_URL, published="2016-04-01",
        text=ARTICLE_TEXT,
    )
    sneaky = _article(
        HOSTILE_ID, title="Warga menuntut perbaikan jalan", outlet="Kabar Kota",
        url=" JaVaScRiPt:alert('XSS-url2')", published="2016-04-02",
        text="Warga desa menuntut perbaikan jalan yang rusak parah sejak tahun lalu.",
    )
    linked = _article(
        "art-linked", title="Jalan desa akhirnya diperbaiki", outlet="Warta Desa",
        url="https://berita.example/jalan?a=\"><script>alert('XSS-url3')</script>&b=' onmouseover='alert(1)",
        published="2016-04-03", text="Pemerintah kabupaten mulai memperbaiki jalan desa pada pekan ini.",
    )
    quote_start = ARTICLE_TEXT.index("XSS-text")
    quote_end = ARTICLE_TEXT.index("XSS-text-end") + len("XSS-text-end")
    person = Participant(
        name=payload("participant_name"), mention=payload("participant_mention"), country="IDN",
        role=payload("participant_role"), kind="person", kb_id=payload("kb_id"), side="initiator",
    )
    foreign = Participant(name="Kedutaan Negara Lain", mention="kedutaan", country="AUS", kind="organisation",
                          side="recipient")
    odd = Participant(name="Kelompok Tak Dikenal", mention="kelompok", country=payload("participant_country"),
                      kind=payload("participant_kind"), side=payload("participant_side"))
    event = Event(
        id="ev-hostile", type="PROTEST", mode=payload("mode"), date="2016-04-01",
        participants=[person, foreign, odd],
        location=Location(payload("location_name"), city=payload("location_city"), country="IDN", lat=-6.9,
                          lon=107.6),
        summary=payload("summary"), article_id="art-hostile", topics=[payload("topic")],
        date_flags=[payload("date_flag")], date_alternatives=[payload("date_alternative")],
        date_basis=payload("date_basis"),
        evidence=[Evidence("art-hostile", "trigger", payload("evidence"), quote_start, quote_end)],
    )
    second = Event(
        id=HOSTILE_ID, type="REQUEST", date="2016-04-02", article_id=HOSTILE_ID, summary="Warga menuntut jalan.",
        participants=[Participant("Warga Desa", mention="Warga desa", country="IDN", kind="organisation")],
        location=Location("Desa Sukamaju", country=payload("location_country")),
        evidence=[Evidence(HOSTILE_ID, "trigger", "menuntut", 12, 20),
                  Evidence("art-linked", payload("evidence_field"), "memperbaiki", 27, 38)],
    )
    story = Story(HOSTILE_ID, payload("story_title"), payload("story_overview"), event_ids=["ev-hostile", HOSTILE_ID],
                  actors=[person.name], topics=[payload("topic")])
    return [hostile, sneaky, linked], [event, second], [story]


FIELDS = [
    "title", "text", "outlet", "url", "summary", "participant_name", "participant_mention", "participant_role",
    "kb_id", "mode", "location_name", "location_city", "topic", "date_flag", "date_alternative", "date_basis",
    "evidence", "story_title", "story_overview", "id", "participant_country", "participant_kind",
    "participant_side", "location_country", "evidence_field",
]


def fill_hostile(store: Store) -> None:
    run_id = store.begin_run("test", [])
    articles, events, stories = hostile_corpus()
    store.save_chunk(run_id, [Outcome("new", a.id, article=a, article_id=a.id) for a in articles])
    store.replace_events(events, stories)
    store.finish_run(run_id, "done", len(events), len(stories))


TABLES = ["runs", "run_inputs", "articles", "article_versions", "event_mentions", "events", "event_sources",
          "event_participants", "stories", "state", "schema_version"]


def store_fingerprint(db: str) -> dict[str, object]:
    """Row counts of every table and a hash of the events table, read through a store of its own."""
    with open_store(db, readonly=True) as store:
        counts = {t: store.execute(f"SELECT count(*) AS n FROM {t}").fetchone()["n"] for t in TABLES}
        rows = store.execute("SELECT id, type, mode, modality, date, background, location, location_country, "
                             "story_id, summary, data FROM events ORDER BY id").fetchall()
        events = hashlib.sha256(json.dumps([list(dict(r).values()) for r in rows]).encode()).hexdigest()
    return {"counts": counts, "events": events}


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory) -> str:
    with filled_store(request.param, tmp_path_factory.mktemp("hostile"), fill_hostile) as db:
        yield db


@pytest.fixture(scope="module")
def client(db, fingerprint_before) -> TestClient:
    # a crash must show up as the 500 a user would get, not as an exception in the test
    app = create_app(db)
    yield TestClient(app, raise_server_exceptions=False)
    app.state.pool.close()


@pytest.fixture(scope="module")
def fingerprint_before(db) -> dict[str, object]:
    return store_fingerprint(db)


# -- XSS: hostile data shown as text --------------------------------------------------------------------

PAGES = {
    "timeline-year": "/?zoom=year&all=true",
    "timeline-month": "/?zoom=month&all=true",
    "timeline-day": "/?zoom=day&all=true",
    "event": "/events/ev-hostile",
    "event-hostile-id": "/events/" + quote(HOSTILE_ID, safe=""),
    "actors": "/actors",
    "actor": "/actors/" + quote(payload("participant_name"), safe=""),
    "stories": "/stories",
    "story": "/stories/" + quote(HOSTILE_ID, safe=""),
    "dyad": "/dyad?a=IDN&b=AUS",
    "map": "/map?all=true",
    "articles": "/articles",
    "article": "/articles/art-hostile",
    "article-hostile-id": "/articles/" + quote(HOSTILE_ID, safe=""),
    "docs": "/docs",
}


@cache
def parsed(client: TestClient, path: str) -> tuple[str, lxml.html.HtmlElement]:
    response = client.get(path)
    assert response.status_code == 200, f"{path}: {response.status_code} {response.text[:300]}"
    assert response.headers["content-type"].startswith("text/html")
    return response.text, lxml.html.document_fromstring(response.text)


def injected(tree: lxml.html.HtmlElement, tag: str) -> list[str]:
    """Everything in the page that would run code and mentions ``tag``: script elements, on* attributes,
    javascript: links and elements a payload's attribute breakout created."""
    found = []
    for script in tree.iter("script"):
        if tag in (script.text or "") or script.get("src") not in OUR_SCRIPTS:
            found.append(f"<script src={script.get('src')!r}>{script.text}")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.tag} {name}={value!r}>")
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href") and \
                    value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"<{element.tag} {name}={value!r}>")
        if element.tag == "img" and element.get("src") == "x":
            found.append("<img src=x>")
    return found


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("page", list(PAGES))
def test_hostile_field_is_shown_as_text_on_every_page(client, page, field):
    html, tree = parsed(client, PAGES[page])
    tag = "XSS-url" if field == "url" else f"XSS-{field}"  # XSS-url also finds XSS-url2 and XSS-url3
    assert injected(tree, tag) == []
    shown = tree.text_content()
    if f"{tag} " in shown:  # where the page shows the field, it shows all of it, literally
        assert "{{7*7}}" in shown and "<script>alert(" in shown
        assert f"alert('{tag}')</script>" not in html  # the markup reached the browser escaped


def test_the_hostile_fields_are_really_shown(client):
    """Guards the test above: the payloads do reach the pages (escaped), so its checks are not vacuous."""
    shown = " ".join(parsed(client, path)[1].text_content() for path in PAGES.values())
    # a stored summary is never shown: pages show the sentence generated from the record's (hostile) fields
    missing = [f for f in FIELDS if f not in ("url", "id", "summary") and f"XSS-{f} " not in shown]
    assert missing == []
    assert "javascript:alert('XSS-url')" in shown  # a script URL is shown, as text, not linked


REFLECTED = {
    "timeline": "/?q={p}&outlet={p}&mode={p}&place={p}&story={p}",
    "map": "/map?outlet={p}&place={p}",
    "dyad": "/dyad?a=IDN&b=AUS&outlet={p}",
    "actors": "/actors?q={p}",
    "articles": "/articles?outlet={p}&q={p}",
    "error-page": "/events/{p}",
    "error-actor": "/actors/{p}",
}


@pytest.mark.parametrize("page", list(REFLECTED))
def test_hostile_parameters_are_not_reflected_as_markup(client, page):
    value = "\"><script>alert('XSS-param')</script><img src=x onerror=alert('XSS-param')>"
    response = client.get(REFLECTED[page].format(p=quote(value, safe="")))
    assert response.status_code in (200, 400, 404, 422), response.text[:300]
    assert injected(lxml.html.document_fromstring(response.text), "XSS-param") == []


def test_every_response_carries_a_strict_content_security_policy(client):
    for path in [*PAGES.values(), "/api/events", "/events/nothing-here"]:
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


API = {
    "events": "/api/events?all=true",
    "event": "/api/events/ev-hostile",
    "timeline": "/api/timeline?all=true",
    "places": "/api/places?all=true",
    "actors": "/api/actors",
    "actor": "/api/actors/" + quote(payload("participant_name"), safe=""),
    "stories": "/api/stories",
    "story": "/api/stories/" + quote(HOSTILE_ID, safe=""),
    "dyad": "/api/dyad?a=IDN&b=AUS&all=true",
    "articles": "/api/articles",
    "article": "/api/articles/art-hostile",
    "openapi": "/openapi.json",
}


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)] + [k for k in value if isinstance(k, str)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []


def generated_summaries(value) -> list[str]:
    """The summaries of the event records in an answer: sentences composed of several fields (whose payloads
    they hold whole, among other words)."""
    if isinstance(value, dict):
        own = [value["summary"]] if isinstance(value.get("summary"), str) and "participants" in value else []
        return own + [s for v in value.values() for s in generated_summaries(v)]
    if isinstance(value, list):
        return [s for v in value for s in generated_summaries(v)]
    return []


@pytest.mark.parametrize("endpoint", list(API))
def test_api_answers_valid_json_with_payloads_as_plain_strings(client, endpoint):
    response = client.get(API[endpoint])
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"] == "application/json"
    strings = strings_in(json.loads(response.text))
    carried = [s for s in strings if "XSS-" in s]
    if endpoint not in ("timeline", "openapi", "dyad"):
        assert carried, "the endpoint should return some hostile field"
    composed = set(strings_in(generated_summaries(json.loads(response.text))))
    for s in carried:  # each payload comes back whole, byte for byte, not escaped nor altered
        if s.startswith("XSS-") and s not in composed:
            field = s.split(" ", 1)[0].removeprefix("XSS-")
            assert s == payload(field)
    assert SCRIPT_URL in strings or endpoint not in ("event", "events", "article", "articles")


# -- SQL and FTS injection in every filter ----------------------------------------------------------------

INJECTIONS = [
    "' OR 1=1 --",
    "'; DROP TABLE events; --",
    "\"; DROP TABLE events; --",
    "%' UNION SELECT id, data, 1, 1, 1, 1, 1, 1, 1 FROM events --",
    "%",
    "_",
    "NEAR(",
    "\"unbalanced",
    "*",
    "AND OR",
    "warga OR polisi",
    "title:warga",
    "NOT warga",
    "^warga",
    "warga*",
    "1) OR (1=1",
    "\\",
    "\x00",
    "ev-hostile' --",
    "IDN\n",
    "x\r\nSet-Cookie: a=1",
]

EVENT_FILTERS = ["actor", "country", "type", "mode", "outlet", "q", "place", "story", "modality", "since", "until",
                 "all", "zoom", "limit", "offset"]
LISTS = {
    "/api/events": EVENT_FILTERS,
    "/api/timeline": EVENT_FILTERS,
    "/api/places": EVENT_FILTERS,
    "/api/dyad?a=IDN&b=AUS": [*EVENT_FILTERS, "a", "b"],
    "/api/actors": ["q", "country", "limit", "offset"],
    "/api/stories": ["limit", "offset"],
    "/api/articles": ["outlet", "status", "q", "since", "until", "limit", "offset"],
    "/": EVENT_FILTERS,
    "/map": EVENT_FILTERS,
    "/dyad?a=IDN&b=AUS": [*EVENT_FILTERS, "a", "b"],
    "/actors": ["q", "country", "limit", "offset"],
    "/stories": ["limit", "offset"],
    "/articles": ["outlet", "status", "q", "since", "until", "limit", "offset"],
    "/stories/" + quote(HOSTILE_ID, safe=""): ["zoom"],
}


def answer_size(response) -> int:
    """How much a response found: its total, or the events counted over its periods, or its items."""
    if not response.headers["content-type"].startswith("application/json"):
        return response.text.count('class="event ') + response.text.count("<tr>")
    body = response.json()
    if "total" in body:
        return body["total"]
    if "periods" in body:
        return sum(p["events"] for p in body["periods"])
    if "months" in body:
        return sum(m["events"] for m in body["months"])
    return len(body["items"])


def honest_query(path: str, param: str, value: str) -> str | None:
    """What a user typing ``value`` asked for: its words for a full-text query, nothing for an exact filter
    (the actor search, which finds names containing the text, is counted by :func:`names_containing`)."""
    if param == "q" and "actors" not in path:
        return " ".join(WORD.findall(value)) or None
    if param == "actor" and value.strip() != value:  # surrounding white space is dropped, by design
        return value.strip() or None
    return None


def names_containing(text: str) -> int:
    _, events, _ = hostile_corpus()
    names = {p.name for e in events for p in e.participants}
    return sum(text.lower() in name.lower() for name in names)


def with_param(path: str, param: str, value: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}{param}={quote(value, safe='')}"


@pytest.mark.parametrize("injection", INJECTIONS)
@pytest.mark.parametrize("path", list(LISTS))
def test_injection_in_every_filter_finds_no_more_than_the_honest_query(client, path, injection):
    for param in LISTS[path]:
        response = client.get(with_param(path, param, injection))
        assert response.status_code < 500, f"{param}={injection!r}: {response.status_code} {response.text[:300]}"
        assert response.status_code in (200, 400, 404, 422), f"{param}={injection!r}: {response.status_code}"
        if response.status_code != 200:
            if path.startswith("/api/"):
                assert response.json()["detail"], "a refusal says why"
            continue
        honest = honest_query(path, param, injection)
        expected = client.get(with_param(path, param, honest)) if honest else None
        if expected is not None and expected.status_code == 200:
            assert answer_size(response) <= answer_size(expected), f"{param}={injection!r}"
        elif path == "/api/actors" and param == "q":
            assert answer_size(response) == names_containing(injection), f"q={injection!r} is not a literal search"
        elif path.startswith("/api/") and param not in ("zoom", "all", "limit", "offset"):
            assert answer_size(response) == 0, f"{param}={injection!r} matched something"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    target=st.sampled_from([(path, param) for path, params in LISTS.items() for param in params]),
    value=st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
    | st.from_regex(r"[\"'*()%_:^\\ -]{0,3}[A-Za-z]{0,5}[\"'*()%_:^\\ -]{0,3}", fullmatch=True),
)
def test_any_text_in_any_filter_is_answered_without_a_server_error(client, target, value):
    path, param = target
    response = client.get(with_param(path, param, value))
    assert response.status_code in (200, 400, 404, 422), f"{param}={value!r}: {response.status_code}"


def test_words_with_fts_syntax_search_for_the_words(client):
    plain = client.get("/api/articles", params={"q": "warga"}).json()["total"]
    assert plain == 2
    assert client.get("/api/articles", params={"q": "warga*"}).json()["total"] == plain
    assert client.get("/api/articles", params={"q": "NOT warga"}).json()["total"] == 0  # "not" is a word here
    assert client.get("/api/events", params={"q": "warga OR xyzzy", "all": "true"}).json()["total"] == 0


# -- path traversal and hostile ids -----------------------------------------------------------------------

TRAVERSALS = [
    "../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/app.py",
    "..%5c..%5capp.py",
    "..\\..\\app.py",
    "ev-hostile%00",
    "%00",
    "%252e%252e%252fetc%252fpasswd",
    "x" * 20_000,
    "%ff%fe",
]
ID_ROUTES = ["/events/", "/api/events/", "/actors/", "/api/actors/", "/stories/", "/api/stories/", "/articles/",
             "/api/articles/"]


def leaked(response) -> bool:
    text = response.text
    return "root:" in text or "def create_app" in text or "import " in text


@pytest.mark.parametrize("attack", TRAVERSALS)
@pytest.mark.parametrize("route", ID_ROUTES)
def test_path_parameters_answer_not_found_and_never_a_file(client, route, attack):
    response = client.get(route + attack)
    assert response.status_code in (404, 422), f"{route}{attack[:60]}: {response.status_code} {response.text[:200]}"
    assert not leaked(response)


STATIC_ATTACKS = [
    "../app.py",
    "%2e%2e/app.py",
    "%2e%2e%2fapp.py",
    "..%2fapp.py",
    "..%5capp.py",
    "..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "style.css%00",
    "style.css%00.png",
    "/etc/passwd",
    "%2fetc%2fpasswd",
    "x" * 5000,
    "",
]


@pytest.mark.parametrize("attack", STATIC_ATTACKS)
def test_static_files_come_only_from_the_package_static_folder(client, attack):
    response = client.get("/static/" + attack)
    assert response.status_code in (404, 422), f"/static/{attack[:60]}: {response.status_code}"
    assert not leaked(response)


RAW_PATHS = [  # as uvicorn hands them over: already percent-decoded, dot segments left in
    "/static/../app.py", "/static/../../../../../../etc/passwd", "/static/..\\app.py", "/static/style.css\x00",
    "/static//etc/passwd", "/static/../templates/base.html", "/events/../../etc/passwd",
    "/api/events/../../etc/passwd", "/api/actors/../../../etc/passwd", "/actors/\x00", "/articles/..\\..\\x",
    "/api/stories/\x00..", "/stories/" + "../" * 2000,
]


@pytest.mark.parametrize("path", RAW_PATHS)
def test_decoded_traversal_paths_answer_not_found(client, path):
    status, body = asgi_get(client.app, path, "")
    assert status == 404, f"{path[:60]!r}: {status}"
    assert b"root:" not in body and b"def create_app" not in body and b"{% block" not in body


def test_a_not_found_message_quotes_a_long_id_short(client):
    response = client.get("/api/events/" + "x" * 20_000)
    assert response.status_code == 404 and len(response.text) < 300


def test_line_breaks_in_a_path_never_become_headers(client):
    for path in ["/api/stories/x%0d%0aSet-Cookie:%20a=1/", "/map%0d%0aSet-Cookie:%20a=1/", "/stories/x%0aLocation:%20/"]:
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 404, path
        assert "set-cookie" not in response.headers and "location" not in response.headers


def test_a_trailing_slash_redirect_stays_on_this_server(client):
    response = client.get("/map/?all=true", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "http://testserver/map?all=true"


def test_static_files_are_served(client):
    assert client.get("/static/app.js").text == (PACKAGE_STATIC / "app.js").read_text(encoding="utf-8")


def test_a_hostile_id_with_markup_is_found_and_linked_by_its_escaped_form(client):
    assert client.get("/api/events/" + quote(HOSTILE_ID, safe="")).json()["id"] == HOSTILE_ID
    html, tree = parsed(client, PAGES["event-hostile-id"])
    links = [a.get("href") for a in tree.iter("a")]
    assert "/api/events/" + quote(HOSTILE_ID, safe="") in links


# -- oversized and out-of-range parameters ------------------------------------------------------------------

OVERSIZED = {
    "100 KB q": ("/api/events", [("q", "warga " * 17_000)]),
    "100 KB q, page": ("/", [("q", "warga " * 17_000)]),
    "100 KB outlet": ("/api/events", [("outlet", "x" * 100_000)]),
    "100 KB type": ("/api/events", [("type", "x" * 100_000)]),
    "100 KB type, page": ("/", [("type", "x" * 100_000)]),
    "100 KB place, map": ("/map", [("place", "x" * 100_000)]),
    "100 KB story id filter": ("/api/stories/s", [("story", "x" * 100_000)]),
    "100 KB status": ("/api/articles", [("status", "x" * 100_000)]),
    "100 KB actor": ("/api/events", [("actor", "x" * 100_000)]),
    "100 KB actors q": ("/api/actors", [("q", "x" * 100_000)]),
    "100 KB articles q": ("/api/articles", [("q", "warga " * 17_000)]),
    "10,000 actors": ("/api/events", [("actor", f"a{i}") for i in range(10_000)]),
    "10,000 actors, map": ("/map", [("actor", f"a{i}") for i in range(10_000)]),
    "limit 10**12": ("/api/events", [("limit", str(10**12))]),
    "limit 10**100": ("/api/articles", [("limit", "1" + "0" * 100)]),
    "offset -1": ("/api/events", [("offset", "-1")]),
    "offset 10**12": ("/api/actors", [("offset", str(10**12))]),
    "limit 0": ("/api/stories", [("limit", "0")]),
    "limit 1e3": ("/api/events", [("limit", "1e3")]),
    "since 99999-01-01": ("/api/events", [("since", "99999-01-01")]),
    "until 99999-01-01, page": ("/", [("until", "99999-01-01")]),
    "since 0000-00-00": ("/api/timeline", [("since", "0000-00-00")]),
    "since 2016-02-30": ("/api/articles", [("since", "2016-02-30")]),
    "since after until": ("/api/events", [("since", "2016-05-01"), ("until", "2016-01-01")]),
    "zoom century": ("/api/timeline", [("zoom", "century")]),
    "country of 100 KB": ("/api/places", [("country", "X" * 100_000)]),
    "dyad of 100 KB": ("/api/dyad", [("a", "IDN" * 30_000), ("b", "AUS")]),
    "all=maybe": ("/api/events", [("all", "maybe")]),
}
SERVED_RANGES = {
    "widest dates": ("/api/events", [("since", "0001-01-01"), ("until", "9999-12-31")]),
    "last year of the calendar, page": ("/", [("since", "9999-01-01"), ("until", "9999-12-31"), ("zoom", "day")]),
    "last month of the calendar, page": ("/", [("since", "9999-12-01"), ("until", "9999-12-31")]),
    "deepest offset": ("/api/events", [("offset", "10000000"), ("limit", "500")]),
    "ten actors": ("/api/events", [("actor", f"a{i}") for i in range(10)]),
    "10,000 outlets (the last counts)": ("/api/events", [("outlet", f"o{i}") for i in range(10_000)]),
}


def asgi_get(app, path: str, query: str) -> tuple[int, bytes]:
    """A GET straight through the ASGI interface: httpx refuses to build URLs past 64 KB, a hostile client
    does not, and uvicorn passes a long query string on to the app."""
    responses: list[dict] = []

    async def exchange() -> None:
        answered = asyncio.Event()
        requested = False

        async def receive() -> dict:
            nonlocal requested
            if not requested:
                requested = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await answered.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict) -> None:
            responses.append(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                answered.set()

        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
            "path": path, "raw_path": path.encode(), "query_string": query.encode(), "root_path": "",
            "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 50000), "server": ("testserver", 80),
        }
        await app(scope, receive, send)

    # A thread of its own: Playwright's sync API, used by the browser tests, may hold this thread's loop.
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, exchange()).result()
    status = next(m["status"] for m in responses if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in responses if m["type"] == "http.response.body")


@pytest.mark.parametrize("case", list(OVERSIZED))
def test_oversized_or_out_of_range_parameters_are_refused_clearly(client, case):
    path, params = OVERSIZED[case]
    status, body = asgi_get(client.app, path, urlencode(params))
    assert 400 <= status < 500, f"{case}: {status} {body[:200]!r}"
    assert len(body) < 20_000, "the reason is short, not an echo of the input"
    if path.startswith("/api/"):
        assert json.loads(body)["detail"]


@pytest.mark.parametrize("case", list(SERVED_RANGES))
def test_extreme_but_valid_parameters_are_answered(client, case):
    path, params = SERVED_RANGES[case]
    status, body = asgi_get(client.app, path, urlencode(params))
    assert status == 200, f"{case}: {status} {body[:200]!r}"


def test_a_burst_of_oversized_requests_leaves_the_server_answering(client):
    for _ in range(50):
        assert client.get("/api/events", params=[("actor", "x" * 2_000)] * 11).status_code == 422
    assert client.get("/api/events").status_code == 200


# -- read-only ------------------------------------------------------------------------------------------------


def route_paths(routes) -> list[str]:
    """The paths of routes, those of included routers too."""
    paths = []
    for route in routes:
        if hasattr(route, "original_router"):  # a router included into the app
            paths += route_paths(route.original_router.routes)
        elif hasattr(route, "path"):
            paths.append(route.path)
    return paths


def routes(client: TestClient) -> list[str]:
    paths = route_paths(client.app.routes)
    concrete = {"{event_id}": "ev-hostile", "{name:path}": "Kedutaan Negara Lain", "{story_id}": "s",
                "{article_id}": "art-hostile", "{path:path}": "style.css"}
    resolved = []
    for path in paths:
        for pattern, value in concrete.items():
            path = path.replace(pattern, quote(value))
        resolved.append(path if path != "/static" else "/static/style.css")
    return resolved


def test_writing_methods_are_refused_on_every_route(client):
    found = routes(client)
    assert {"/", "/api/events", "/static/style.css", "/docs", "/openapi.json"} <= set(found)
    for path in found:
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            response = client.request(method, path, content=b"{}")
            assert response.status_code == 405, f"{method} {path}: {response.status_code}"


def test_a_full_crawl_leaves_the_store_unchanged(db, client, fingerprint_before):
    file = Path(db) if Path(db).is_file() else None  # a SQLite store's bytes must not change either
    before = hashlib.sha256(file.read_bytes()).hexdigest() if file else None
    for path in [*PAGES.values(), *API.values(), *routes(client)]:
        for method in ("GET", "POST", "DELETE"):
            client.request(method, path)
    for path in LISTS:
        client.get(with_param(path, "q", "'; DROP TABLE events; --"))
    assert (hashlib.sha256(file.read_bytes()).hexdigest() if file else None) == before
    assert store_fingerprint(db) == fingerprint_before


def test_serve_listens_on_localhost_unless_told_otherwise():
    from linimasa.cli import cli

    host = next(p for p in cli.commands["serve"].params if p.name == "host")
    assert host.default == "127.0.0.1"


@pytest.mark.parametrize("backend", BACKENDS)
def test_malformed_dates_in_a_store_written_by_another_tool_do_not_break_pages(tmp_path, backend):
    person = Participant("Siti Rahma", country="IDN", role="Bupati", kind="person")

    def fill(store: Store) -> None:
        store.replace_events([
            Event("ev-month-13", "PROTEST", date="2016-13", participants=[person]),
            Event("ev-feb-30", "AID", date="2016-02-30", participants=[person]),
            Event("ev-markup", "AID", date="<b>2016</b>", participants=[person]),
            Event("ev-fine", "AID", date="2016-03-01", participants=[person]),
        ], [])

    with filled_store(backend, tmp_path, fill) as db:
        foreign = TestClient(create_app(db), raise_server_exceptions=False)
        for path in ["/?zoom=year", "/?zoom=month", "/?zoom=day", "/actors/Siti%20Rahma", "/api/timeline?zoom=day",
                     "/events/ev-feb-30", "/map", "/dyad?a=IDN&b=IDN"]:
            response = foreign.get(path)
            assert response.status_code == 200, f"{path}: {response.status_code}"
            assert "<b>2016</b>" not in response.text
        foreign.app.state.pool.close()


# -- the real server, over raw HTTP ---------------------------------------------------------------------------


def raw_request(port: int, request_line: str) -> bytes:
    """One request as bytes on a socket, bypassing every client library's URL checks; the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(f"{request_line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode("latin-1"))
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer else 0  # 0: the server closed without answering


def this_machines_addresses() -> set[str]:
    """IPv4 addresses of this machine: its name's, and the one it would send from (no packet is sent)."""
    found = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        try:
            udp.connect(("192.0.2.1", 9))
            found.add(udp.getsockname()[0])
        except OSError:
            pass  # no route off this machine: nothing else to listen on
    return found


@pytest.mark.slow
def test_the_real_server_answers_raw_hostile_requests_and_listens_on_localhost_only(db):
    command = shutil.which("linimasa", path=str(Path(sys.executable).parent)) or shutil.which("linimasa")
    if command is None:
        pytest.skip("the linimasa command is not installed (pip install -e .)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([command, "serve", "--db", str(db), "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        # under load (a full suite beside other jobs on 2 cores) the server's start-up alone has taken over 30 s
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                if status_of(raw_request(port, "GET /api/stories HTTP/1.1")) == 200:
                    break
            except OSError:
                time.sleep(0.1)
            if server.poll() is not None:
                pytest.fail(f"serve exited with {server.returncode} before answering: {server.stdout.read()[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"serve was still starting after {SERVER_START_SECONDS} s (the machine may be overloaded)")
        for target in ["/static/../app.py", "/static/../../../../etc/passwd", "/static/..%2fapp.py",
                       "/static/%2e%2e/%2e%2e/templates/base.html", "/events/../../etc/passwd", "/static/style.css%00",
                       "/actors/%00", "/api/events?q=" + "warga+" * 17_000, "/api/events?" + "&".join(["actor=x"] * 10_000),
                       "/api/events/" + "x" * 60_000]:
            answer = raw_request(port, f"GET {target} HTTP/1.1")
            # uvicorn itself may refuse an over-long request line (4xx or closing the connection)
            assert status_of(answer) in (0, 400, 404, 413, 414, 422, 431), f"{target[:60]}: {answer[:120]!r}"
            assert b"root:" not in answer and b"def create_app" not in answer and b"{% block" not in answer
        assert status_of(raw_request(port, "GET /api/events HTTP/1.1")) == 200, "still answering after all that"
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            assert status_of(raw_request(port, f"{method} /api/events HTTP/1.1")) == 405
        for address in this_machines_addresses() - {"127.0.0.1"}:
            with pytest.raises(OSError), socket.create_connection((address, port), timeout=5):
                pass
    finally:
        server.send_signal(signal.SIGINT)
        try:
            output, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    assert "Traceback" not in output, output


def test_serve_opens_a_store_whose_path_has_uri_characters_read_only(tmp_path):
    odd = tmp_path / "berita #1 100%20.db"
    with SQLiteStore(odd) as store:
        fill_hostile(store)
    for written in tmp_path.glob("*-wal"):
        written.unlink()  # what a run leaves behind is the run's, not the view's
    client = TestClient(create_app(str(odd)))
    assert client.get("/api/events/ev-hostile").status_code == 200
    assert {p.name for p in tmp_path.iterdir()} <= {odd.name, odd.name + "-wal", odd.name + "-shm"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_ids_and_names_holding_slashes_and_dot_segments_are_linked_and_found(tmp_path, backend):
    """Input ids may be URLs or paths ("kompas/2023/07/27/rapat"); each link must reach its page, and a '..'
    in an id must stay in the id, not climb the URL."""
    text = "Menteri PPN/Kepala Bappenas bertemu Gubernur di Jakarta pada hari ini."
    article = _article("kompas/2023/07/27/rapat", title="Rapat koordinasi", outlet="Kabar", published="2023-07-27",
                       url="https://kabar.example/rapat", text=text)
    event = Event(id="ev/1/../2", type="CONSULT", date="2023-07-27", article_id=article.id,
                  participants=[Participant("PPN/Bappenas", country="IDN", kind="organisation"),
                                Participant("../../api/events", country="IDN", kind="person")],
                  evidence=[Evidence(article.id, "trigger", "bertemu", 28, 35)])

    def fill(store: Store) -> None:
        run_id = store.begin_run("test", [])
        store.save_chunk(run_id, [Outcome("new", article.id, article=article, article_id=article.id)])
        store.replace_events([event], [Story("story/../rapat", "Rapat", "Rapat koordinasi.", event_ids=[event.id])])

    with filled_store(backend, tmp_path, fill) as db:
        slashes = TestClient(create_app(db), raise_server_exceptions=False)
        followed = follow_links(slashes, event)
        assert slashes.get("/api/articles/kompas/2023/07/27/rapat").json()["event_ids"] == [event.id]
        slashes.app.state.pool.close()
    assert followed and all(status == 200 for status in followed.values()), followed
    assert "/actors/..%2F..%2Fapi%2Fevents" in followed


def follow_links(slashes: TestClient, event: Event) -> dict[str, int]:
    """Every link to an event, actor, article or story on the pages that list them, with the status it gets."""
    followed = {}
    for page in ["/?all=true", "/articles", "/stories", "/actors", "/events/" + quote(event.id, safe="")]:
        tree = lxml.html.document_fromstring(slashes.get(page).text)
        for href in {a.get("href") for a in tree.iter("a")}:
            if href and href.startswith(("/events/", "/actors/", "/articles/", "/stories/", "/api/events/")):
                followed[href] = slashes.get(href).status_code
    return followed


def test_a_url_or_header_block_past_the_limits_is_answered_414_or_431_before_any_work(client):
    from linimasa.web.app import MAX_HEADER_BYTES, MAX_URL_BYTES

    status, body = asgi_get(client.app, "/api/events", "q=" + "x" * (MAX_URL_BYTES + 1))
    assert status == 414 and "limit" in json.loads(body)["detail"]
    response = client.get("/api/events", headers={"x-filler": "y" * (MAX_HEADER_BYTES + 1)})
    assert response.status_code == 431
    assert client.get("/api/events").status_code == 200


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_read_pool_lends_at_most_its_size_of_connections_however_many_requests(tmp_path, backend):
    with filled_store(backend, tmp_path) as db:
        most, opened = crowd_the_pool(db)
    assert most == 3 and opened == 3


def crowd_the_pool(db: str) -> tuple[int, int]:
    """60 requests at once on a pool of 3: the most stores lent at once, and how many were opened."""
    import anyio

    from linimasa.web.app import ReadPool

    pool = ReadPool(db, size=3)
    busy, most = [0], [0]

    async def request() -> None:
        async with pool.lend() as store:
            busy[0] += 1
            most[0] = max(most[0], busy[0])
            store.outlets()
            await anyio.sleep(0.01)
            busy[0] -= 1

    async def crowd() -> None:
        async with anyio.create_task_group() as group:
            for _ in range(60):
                group.start_soon(request)

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as thread:  # a loop of its own: the browser tests may hold this one's
        thread.submit(anyio.run, crowd).result()
    pool.close()
    return most[0], pool.opened
