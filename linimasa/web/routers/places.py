"""Places: where the filtered events happened, with counts (``/api/places``) and on a world map (``/map``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...store import Store
from ...store.filters import EventFilter
from .. import views
from ..params import Filter
from ..pool import Reader
from ..render import page

router = APIRouter()


def places(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Event places with coordinates and event counts, busiest first."""
    return store.event_places(store.event_query(flt))


@router.get("/api/places", tags=["places"], summary="Event places with coordinates and event counts")
def api_places(store: Reader, flt: Filter) -> dict[str, Any]:
    return {"items": places(store, flt)}


@router.get("/map", response_class=HTMLResponse, include_in_schema=False)
def map_page(request: Request, store: Reader, flt: Filter) -> HTMLResponse:
    """The zoomable map (static/map.js draws it from /api/places; the SVG dots are its no-script fallback) and
    how many of the filtered events are on it, at a place without coordinates, and with no place."""
    query = store.event_query(flt)
    items, total = store.event_places(query), store.count_events(query)
    located = [p for p in items if p["lat"] is not None and p["lon"] is not None]
    unlocated = [p for p in items if p["lat"] is None or p["lon"] is None]
    peak = max((p["events"] for p in located), default=0)
    dots = [{**p, "xy": views.project(p["lon"], p["lat"]), "r": views.dot_radius(p["events"], peak)} for p in located]
    located_events, unlocated_events = sum(p["events"] for p in located), sum(p["events"] for p in unlocated)
    return page(request, "map.html", world=views.world_paths(), dots=dots, unlocated=unlocated, flt=flt, total=total,
                located_events=located_events, unlocated_events=unlocated_events,
                placeless=max(0, total - located_events - unlocated_events))
