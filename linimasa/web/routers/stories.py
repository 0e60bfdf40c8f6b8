"""Stories: the list, largest first (``/api/stories``, ``/stories``), and one story with its events in date
order (``/api/stories/{id}``, ``/stories/{id}``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ...store import Store
from ...store.filters import EventFilter
from .. import views
from ..params import MAX_PAGE, Filter, Paging, Zoom, shown
from ..plover import SIDES
from ..pool import Reader
from ..render import group_events, page
from .events import listing, periods

router = APIRouter()


def story_list(store: Store, limit: int, offset: int) -> dict[str, Any]:
    total, items = store.list_stories(limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def story_or_404(store: Store, story_id: str) -> dict[str, Any]:
    story = store.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story {shown(story_id)}")
    return story


@router.get("/api/stories", tags=["stories"], summary="Stories, largest first")
def api_stories(store: Reader, pg: Paging) -> dict[str, Any]:
    return story_list(store, *pg)


@router.get("/api/stories/{story_id:path}", tags=["stories"], summary="A story and its events in date order")
def api_story(store: Reader, story_id: str, flt: Filter) -> dict[str, Any]:
    story = story_or_404(store, story_id)
    story["events"] = listing(store, store.event_query(replace(flt, story=story_id)), MAX_PAGE, 0)["items"]
    return story


@router.get("/stories", response_class=HTMLResponse, include_in_schema=False)
def stories_page(request: Request, store: Reader, pg: Paging) -> HTMLResponse:
    return page(request, "stories.html", **story_list(store, *pg))


@router.get("/stories/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
def story_page(request: Request, store: Reader, story_id: str, zoom: Zoom = "day") -> HTMLResponse:
    story = story_or_404(store, story_id)
    query = store.event_query(EventFilter(story=story_id, include_all=True))
    events = listing(store, query, MAX_PAGE, 0)["items"]
    counts = periods(store, query, zoom)
    undated = store.count_events(query) - sum(p["events"] for p in counts)
    chart = views.time_chart(counts, SIDES, undated=undated, height=100)
    return page(request, "story.html", s=story, events=events, groups=group_events(events, zoom), zoom=zoom,
                chart=chart)
