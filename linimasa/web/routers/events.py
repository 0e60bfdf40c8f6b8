"""Events: the filtered, paged list (``/api/events``, the timeline ``/``), one event (``/api/events/{id}``,
``/events/{id}``) and counts per period (``/api/timeline``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ...export import GENERATED_LABEL
from ...store import Store
from ...store.base import EventQuery
from .. import views
from ..params import Filter, Paging, Zoom, shown
from ..plover import SIDES, by_side
from ..pool import Reader
from ..records import event_records
from ..render import group_events, page

router = APIRouter()


def listing(store: Store, query: EventQuery, limit: int, offset: int) -> dict[str, Any]:
    """A page of events in date order with the number of all that match."""
    items = event_records(store, store.page_events(query, limit, offset))
    return {"total": store.count_events(query), "limit": limit, "offset": offset, "items": items}


def periods(store: Store, query: EventQuery, zoom: str) -> list[dict[str, Any]]:
    """Events per year, month or day, split into cooperation, conflict and other (an event dated less
    precisely than the zoom counts at its own precision)."""
    return by_side(store.event_periods(query, zoom))


def event_or_404(store: Store, event_id: str) -> dict[str, Any]:
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {shown(event_id)}")
    return event_records(store, [event])[0]


@router.get("/api/events", tags=["events"], summary="Events in date order, filtered and paged")
def api_events(store: Reader, flt: Filter, pg: Paging) -> dict[str, Any]:
    return listing(store, store.event_query(flt), *pg)


@router.get("/api/events/{event_id:path}", tags=["events"], summary="One event with its sources and evidence")
def api_event(store: Reader, event_id: str) -> dict[str, Any]:
    return event_or_404(store, event_id)


@router.get("/api/timeline", tags=["events"], summary="Event counts per year, month or day")
def api_timeline(store: Reader, flt: Filter, zoom: Zoom = "month") -> dict[str, Any]:
    return {"zoom": zoom, "periods": periods(store, store.event_query(flt), zoom)}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def timeline_page(request: Request, store: Reader, flt: Filter, pg: Paging, zoom: Zoom = "year") -> HTMLResponse:
    query = store.event_query(flt)
    found = listing(store, query, *pg)
    counts = periods(store, query, zoom)
    chart = views.time_chart(counts, SIDES, undated=found["total"] - sum(p["events"] for p in counts))
    return page(
        request, "timeline.html", flt=flt, zoom=zoom, **found, events=found["items"],
        groups=group_events(found["items"], zoom), chart=chart, finer=views.finer_zoom(zoom),
        period_bounds=views.period_bounds, outlets=store.outlets(), modes=store.modes(),
        up=views.zoom_out(flt.since, flt.until),
    )


@router.get("/events/{event_id:path}", response_class=HTMLResponse, include_in_schema=False)
def event_page(request: Request, store: Reader, event_id: str) -> HTMLResponse:
    record = event_or_404(store, event_id)
    article_ids = [s["article_id"] for s in record["sources"]]
    texts = store.article_texts(article_ids)
    sentences = store.article_sentences(list(texts))
    documents = []
    for source in record["sources"]:
        text = texts.get(source["article_id"])
        segments = views.highlight(text, source["evidence"], sentences.get(source["article_id"], [])) if text else []
        documents.append({"source": source, "segments": segments})
    return page(request, "event.html", e=record, documents=documents, quote=views.quote_of(record, texts, sentences),
                generated=GENERATED_LABEL)
