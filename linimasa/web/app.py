"""The web view and JSON API over a store: ``create_app(db)`` builds the app ``linimasa serve`` runs.

Read-only by construction: every connection is opened with ``mode=ro`` and ``query_only``, and only GET
routes exist. Each request borrows a connection from a small pool and reads one snapshot, so a
``linimasa run`` writing the same store (WAL) never blocks a page nor tears one.
"""

import json
import os
import queue
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

import anyio
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store import SQLiteStore, StoreError
from . import queries, views
from .queries import ArticleFilter, EventFilter

HERE = Path(__file__).parent
MAX_PAGE = 500
MAX_OFFSET = 10_000_000
MAX_ACTORS = 10
MAX_TEXT = 200
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
Zoom = Literal["year", "month", "day"]
SIDES = ("cooperation", "conflict", "other")
Modality = Literal["asserted", "future", "hypothetical", "negated"]
Status = Literal["processed", "duplicate", "rejected"]
CountryCode = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3, or IGO")]
# no NUL: SQLite's LIKE and FTS stop reading at one, so "a\0" would search for "a"
Text = Annotated[str | None, Query(max_length=MAX_TEXT, pattern=r"^[^\x00]*$")]


def event_filter(
    since: Annotated[date | None, Query(description="first day, YYYY-MM-DD")] = None,
    until: Annotated[date | None, Query(description="last day, YYYY-MM-DD")] = None,
    actor: Annotated[list[str], Query(description="name, kb id or country code; repeat to require all")] = [],
    country: CountryCode = None,
    type: Annotated[str | None, Query(max_length=MAX_TEXT, description="PLOVER event type, e.g. CONSULT")] = None,
    mode: Text = None,
    outlet: Text = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the reporting articles or summary")] = None,
    place: Text = None,
    story: Text = None,
    modality: Modality | None = None,
    all: Annotated[bool, Query(description="also planned, hypothetical, negated and background events")] = False,
) -> EventFilter:
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    if len(actor) > MAX_ACTORS:
        raise HTTPException(422, f"at most {MAX_ACTORS} actor parameters")
    if any(len(a) > MAX_TEXT for a in actor) or any("\x00" in a for a in actor):
        raise HTTPException(422, f"an actor is a name of at most {MAX_TEXT} characters, without NUL")
    if type and type.upper() not in queries.event_types():
        raise HTTPException(422, f"type {shown(type)} is not a PLOVER event type: one of {', '.join(queries.event_types())}")
    if q is not None and q.strip() and not queries.has_words(q):
        raise HTTPException(422, "q has no words to search for")
    return EventFilter(
        since=since, until=until, actors=tuple(a.strip() for a in actor if a.strip()),
        country=country.upper() if country else None, type=type.upper() if type else None,
        mode=mode or None, outlet=outlet or None, q=(q or "").strip() or None, place=place or None,
        story=story or None, modality=modality, include_all=all,
    )


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> tuple[int, int]:
    return limit, offset


Filter = Annotated[EventFilter, Depends(event_filter)]
Paging = Annotated[tuple[int, int], Depends(paging)]


def create_app(db: str) -> FastAPI:
    """The app over the SQLite store at ``db``; raises StoreError when there is none (or it needs migrating)."""
    if db.startswith(("postgresql://", "postgres://")):
        raise StoreError("the web view reads SQLite stores only; serve a SQLite copy of this PostgreSQL store")
    SQLiteStore(db, readonly=True).close()
    app = FastAPI(
        title="linimasa", version=__version__, docs_url=None, redoc_url=None,
        description="Events, articles, actors, places and stories of a linimasa store. Read-only.",
    )
    pool = ReadPool(db)
    app.state.pool = pool
    app.add_middleware(RequestLimits)

    async def conn() -> AsyncIterator[sqlite3.Connection]:
        async with pool.lend() as connection:
            yield connection

    Conn = Annotated[sqlite3.Connection, Depends(conn)]
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.autoescape = True
    # an id or a name is one path segment even when it holds '/' or '..' (input ids may be URLs or paths);
    # the routes take the rest of the path, so the decoded '/' is found again
    templates.env.filters["path_part"] = lambda value: quote(str(value), safe="")
    templates.env.globals.update(
        safe_url=views.safe_url, side_of=queries.side_of, event_types=queries.event_types, version=__version__,
        with_params=with_params,
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def wants_html(request: Request) -> bool:
        path = request.url.path
        return not (path.startswith("/api/") or path == "/openapi.json")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = [
            f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in exc.errors()
        ]
        if wants_html(request):
            return page(request, "error.html", 400, status=400, problems=problems)
        return JSONResponse({"detail": problems}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if wants_html(request):
            return page(request, "error.html", exc.status_code, status=exc.status_code, problems=[str(exc.detail)])
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(sqlite3.OperationalError)
    async def store_busy(request: Request, exc: sqlite3.OperationalError):
        detail = f"the store could not answer: {exc}"
        if wants_html(request):
            return page(request, "error.html", 503, status=503, problems=[detail])
        return JSONResponse({"detail": detail}, status_code=503)

    # -- JSON API -------------------------------------------------------------------------------------

    @app.get("/api/events", tags=["events"], summary="Events in date order, filtered and paged")
    def api_events(c: Conn, flt: Filter, pg: Paging) -> dict[str, Any]:
        limit, offset = pg
        planned = queries.plan(c, flt)
        total = queries.count_events(c, planned)
        items = queries.event_records(c, queries.page_events(c, planned, limit, offset))
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/events/{event_id:path}", tags=["events"], summary="One event with its sources and evidence")
    def api_event(c: Conn, event_id: str) -> dict[str, Any]:
        return event_or_404(c, event_id)

    @app.get("/api/timeline", tags=["events"], summary="Event counts per year, month or day")
    def api_timeline(c: Conn, flt: Filter, zoom: Zoom = "month") -> dict[str, Any]:
        return {"zoom": zoom, "periods": queries.histogram(c, queries.plan(c, flt), zoom)}

    @app.get("/api/places", tags=["places"], summary="Event places with coordinates and event counts")
    def api_places(c: Conn, flt: Filter) -> dict[str, Any]:
        return {"items": queries.places(c, queries.plan(c, flt))}

    @app.get("/api/actors", tags=["actors"], summary="Participants with event counts, most active first")
    def api_actors(c: Conn, pg: Paging, q: Text = None, country: CountryCode = None) -> dict[str, Any]:
        limit, offset = pg
        total, items = queries.actors(c, q or None, country.upper() if country else None, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/actors/{name:path}", tags=["actors"], summary="An actor's roles, activity and counterparts")
    def api_actor(c: Conn, name: str) -> dict[str, Any]:
        return actor_or_404(c, name)

    @app.get("/api/stories", tags=["stories"], summary="Stories, largest first")
    def api_stories(c: Conn, pg: Paging) -> dict[str, Any]:
        limit, offset = pg
        total, items = queries.stories(c, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/stories/{story_id:path}", tags=["stories"], summary="A story and its events in date order")
    def api_story(c: Conn, story_id: str, flt: Filter) -> dict[str, Any]:
        story = story_or_404(c, story_id)
        scoped = EventFilter(**{**flt.__dict__, "story": story_id})
        story["events"] = queries.event_records(c, queries.page_events(c, queries.plan(c, scoped), MAX_PAGE, 0))
        return story

    @app.get("/api/dyad", tags=["events"], summary="Events between two countries per month, cooperation vs conflict")
    def api_dyad(
        c: Conn, flt: Filter,
        a: Annotated[str, Query(pattern=r"^[A-Za-z]{3}$")], b: Annotated[str, Query(pattern=r"^[A-Za-z]{3}$")],
    ) -> dict[str, Any]:
        a, b = a.upper(), b.upper()
        return {"a": a, "b": b, "months": queries.dyad(c, a, b, flt)}

    @app.get("/api/articles", tags=["articles"], summary="Stored articles, filtered and paged")
    def api_articles(c: Conn, aflt: Annotated[ArticleFilter, Depends(article_filter)], pg: Paging) -> dict[str, Any]:
        limit, offset = pg
        total, items = queries.articles(c, aflt, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/articles/{article_id:path}", tags=["articles"], summary="One article with its cleaned text")
    def api_article(c: Conn, article_id: str) -> dict[str, Any]:
        return article_or_404(c, article_id)

    # -- pages ----------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, c: Conn, flt: Filter, pg: Paging, zoom: Zoom = "year") -> HTMLResponse:
        limit, offset = pg
        planned = queries.plan(c, flt)
        total = queries.count_events(c, planned)
        events = queries.event_records(c, queries.page_events(c, planned, limit, offset))
        bars = views.bar_chart(views.fill_periods(queries.histogram(c, planned, zoom), SIDES), SIDES)
        return page(
            request, "timeline.html", flt=flt, zoom=zoom, total=total, limit=limit, offset=offset,
            events=events, groups=group_events(events, zoom), bars=bars, finer=views.finer_zoom(zoom),
            period_bounds=views.period_bounds, outlets=queries.outlets(c), modes=queries.modes(c),
            up=views.zoom_out(flt.since, flt.until),
        )

    @app.get("/events/{event_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, c: Conn, event_id: str) -> HTMLResponse:
        record = event_or_404(c, event_id)
        texts = queries.article_texts(c, [s["article_id"] for s in record["sources"]])
        sentences = queries.article_sentences(c, list(texts))
        documents = []
        for source in record["sources"]:
            spans = source["evidence"]
            text = texts.get(source["article_id"])
            segments = views.highlight(text, spans, sentences.get(source["article_id"], [])) if text else []
            documents.append({"source": source, "segments": segments})
        return page(request, "event.html", e=record, documents=documents)

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request, c: Conn, pg: Paging, q: Text = None, country: CountryCode = None) -> HTMLResponse:
        limit, offset = pg
        total, items = queries.actors(c, q or None, country.upper() if country else None, limit, offset)
        return page(request, "actors.html", total=total, items=items, q=q or "", country=country or "",
                    limit=limit, offset=offset)

    @app.get("/actors/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, c: Conn, name: str) -> HTMLResponse:
        record = actor_or_404(c, name)
        bars = views.bar_chart(views.fill_periods(record["activity"], SIDES), SIDES, height=120)
        spans, ticks = views.role_spans(record["kb_roles"], record["roles_seen"], date.today())
        return page(request, "actor.html", a=record, bars=bars, spans=spans, ticks=ticks)

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, c: Conn, pg: Paging) -> HTMLResponse:
        limit, offset = pg
        total, items = queries.stories(c, limit, offset)
        return page(request, "stories.html", total=total, items=items, limit=limit, offset=offset)

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, c: Conn, story_id: str, zoom: Zoom = "day") -> HTMLResponse:
        story = story_or_404(c, story_id)
        planned = queries.plan(c, EventFilter(story=story_id, include_all=True))
        events = queries.event_records(c, queries.page_events(c, planned, MAX_PAGE, 0))
        bars = views.bar_chart(views.fill_periods(queries.histogram(c, planned, zoom), SIDES), SIDES, height=100)
        return page(request, "story.html", s=story, events=events, groups=group_events(events, zoom), zoom=zoom,
                    bars=bars)

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(
        request: Request, c: Conn, flt: Filter,
        a: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
        b: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    ) -> HTMLResponse:
        months, bars = [], []
        if a and b:
            a, b = a.upper(), b.upper()
            months = queries.dyad(c, a, b, flt)
            bars = views.mirrored_chart(views.fill_periods(months, SIDES))
        return page(request, "dyad.html", a=a or "", b=b or "", months=months, bars=bars,
                    countries=queries.participant_countries(c), flt=flt)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, c: Conn, flt: Filter) -> HTMLResponse:
        items = queries.places(c, queries.plan(c, flt))
        located = [p for p in items if p["lat"] is not None and p["lon"] is not None]
        peak = max((p["events"] for p in located), default=0)
        dots = [
            {**p, "xy": views.project(p["lon"], p["lat"]), "r": views.dot_radius(p["events"], peak)} for p in located
        ]
        return page(request, "map.html", world=views.world_paths(), dots=dots,
                    unlocated=[p for p in items if p["lat"] is None or p["lon"] is None], flt=flt)

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(
        request: Request, c: Conn, aflt: Annotated[ArticleFilter, Depends(article_filter)], pg: Paging
    ) -> HTMLResponse:
        limit, offset = pg
        total, items = queries.articles(c, aflt, limit, offset)
        return page(request, "articles.html", total=total, items=items, aflt=aflt, limit=limit, offset=offset,
                    outlets=queries.outlets(c))

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, c: Conn, article_id: str) -> HTMLResponse:
        record = article_or_404(c, article_id)
        events = queries.event_records(c, [e for e in map(lambda i: queries.get_event(c, i), record["event_ids"]) if e])
        return page(request, "article.html", art=record, events=events)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request) -> HTMLResponse:
        return page(request, "docs.html", spec=app.openapi())

    # -- lookups that 404 ---------------------------------------------------------------------------------

    def event_or_404(c: sqlite3.Connection, event_id: str) -> dict[str, Any]:
        event = queries.get_event(c, event_id)
        if event is None:
            raise HTTPException(404, f"no event {shown(event_id)}")
        return queries.event_records(c, [event])[0]

    def actor_or_404(c: sqlite3.Connection, name: str) -> dict[str, Any]:
        record = queries.actor(c, name)
        if record is None:
            raise HTTPException(404, f"no actor named {shown(name)} takes part in any event")
        record["kb_roles"] = kb_roles(record["kb_id"])
        return record

    def story_or_404(c: sqlite3.Connection, story_id: str) -> dict[str, Any]:
        story = queries.story(c, story_id)
        if story is None:
            raise HTTPException(404, f"no story {shown(story_id)}")
        return story

    def article_or_404(c: sqlite3.Connection, article_id: str) -> dict[str, Any]:
        record = queries.article(c, article_id)
        if record is None:
            raise HTTPException(404, f"no article {shown(article_id)}")
        return record

    return app


class ReadPool:
    """Read-only connections to one store, each lent to one request at a time and kept warm between them.

    A request reads inside one transaction, so its count and its page come from the same snapshot even
    while `linimasa run` replaces the events. At most ``size`` connections exist: under a crowd of requests
    the others wait their turn (memory and file handles stay flat), and one that waits longer than
    ``wait_seconds`` is told the server is busy. The wait is on the event loop, never in a worker thread:
    threads blocked waiting for a connection would starve the requests that hold one of the threads they
    need to finish."""

    def __init__(self, db: str, size: int | None = None, wait_seconds: float = 30.0):
        self.db = db
        self.size = size or min(16, 4 * (os.cpu_count() or 2))
        self.wait_seconds = wait_seconds
        self.idle: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self.slots = anyio.Semaphore(self.size)
        self.opened = 0

    @asynccontextmanager
    async def lend(self) -> AsyncIterator[sqlite3.Connection]:
        with anyio.move_on_after(self.wait_seconds) as waiting:
            await self.slots.acquire()
        if waiting.cancelled_caught:
            raise HTTPException(503, "the store is busy answering other requests: retry in a moment",
                                headers={"Retry-After": "5"})
        try:
            try:
                connection = self.idle.get_nowait()
            except queue.Empty:
                connection = SQLiteStore(self.db, readonly=True).conn
                self.opened += 1
            connection.execute("BEGIN")
            try:
                yield connection
            finally:
                connection.rollback()
                self.idle.put(connection)
        finally:
            self.slots.release()


# Request lines and headers past these are refused with 414 and 431 (RFC 9110, RFC 6585) before any work.
# Below them, an oversized parameter is the app's to refuse with its reason (422): a filter of thousands
# of outlets is still answered.
MAX_URL_BYTES = 256 * 1024
MAX_HEADER_BYTES = 64 * 1024


class RequestLimits:
    """ASGI middleware: oversized URLs and header blocks are answered 414 and 431, before any work."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            url = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string") or b"")
            headers = sum(len(k) + len(v) + 4 for k, v in scope.get("headers") or [])
            if url > MAX_URL_BYTES:
                return await _refuse(send, 414, f"URI Too Long: {url:,} bytes, the limit is {MAX_URL_BYTES:,}")
            if headers > MAX_HEADER_BYTES:
                return await _refuse(send, 431, f"Request Header Fields Too Large: {headers:,} bytes, the limit "
                                                f"is {MAX_HEADER_BYTES:,}")
        await self.app(scope, receive, send)


async def _refuse(send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def article_filter(
    outlet: Text = None,
    status: Status | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    since: date | None = None,
    until: date | None = None,
) -> ArticleFilter:
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    if q is not None and q.strip() and not queries.has_words(q):
        raise HTTPException(422, "q has no words to search for")
    return ArticleFilter(outlet=outlet or None, status=status, q=(q or "").strip() or None, since=since, until=until)


def kb_roles(kb_id: str | None) -> list[dict[str, Any]]:
    """The dated roles the knowledge base records for a person (empty for others)."""
    if not kb_id:
        return []
    from ..kb import load_kb

    return [
        {"role": p.role, "country": p.country, "organisation": p.organisation, "start": p.start.isoformat(),
         "end": p.end.isoformat() if p.end else None, "source": p.source}
        for p in sorted(load_kb().role_periods(kb_id), key=lambda p: p.start)
    ]


def shown(value: str, limit: int = 80) -> str:
    """A requested id as an error message quotes it: cut short, so a 100 KB id is not echoed back."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def group_events(events: list[dict[str, Any]], zoom: str) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        groups.setdefault(views.period_of(event["date"], zoom), []).append(event)
    return list(groups.items())


def with_params(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters replaced (None removes one); keeps the rest shareable."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    for key, value in changes.items():
        if value is None or value == "":
            continue
        if isinstance(value, (list, tuple)):
            params += [(key, str(v)) for v in value]
        else:
            params.append((key, str(value)))
    query = urlencode(params)
    return request.url.path + ("?" + query if query else "")
