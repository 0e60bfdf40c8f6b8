"""Actors: participants by activity (``/api/actors``, ``/actors``) and one actor's roles, activity and
counterparts (``/api/actors/{name}``, ``/actors/{name}``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ...store import Store
from .. import views
from ..params import CountryCode, Paging, Text, shown
from ..plover import SIDES, by_side
from ..pool import Reader
from ..render import page

router = APIRouter()


def actor_list(store: Store, q: str | None, country: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Participants whose name holds ``q``, with their event counts, most active first."""
    total, items = store.list_actors(q or None, country.upper() if country else None, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def actor_or_404(store: Store, name: str) -> dict[str, Any]:
    """Identity, dated roles from the knowledge base, roles seen in events, activity per month, counterparts."""
    record = store.actor_detail(name)
    if record is None:
        raise HTTPException(404, f"no actor named {shown(name)} takes part in any event")
    record["activity"] = by_side(record["activity"])
    record["kb_roles"] = kb_roles(record["kb_id"])
    return record


def kb_roles(kb_id: str | None) -> list[dict[str, Any]]:
    """The dated roles the knowledge base records for a person (empty for others)."""
    if not kb_id:
        return []
    from ...kb import load_kb

    return [
        {"role": p.role, "country": p.country, "organisation": p.organisation, "start": p.start.isoformat(),
         "end": p.end.isoformat() if p.end else None, "source": p.source}
        for p in sorted(load_kb().role_periods(kb_id), key=lambda p: p.start)
    ]


@router.get("/api/actors", tags=["actors"], summary="Participants with event counts, most active first")
def api_actors(store: Reader, pg: Paging, q: Text = None, country: CountryCode = None) -> dict[str, Any]:
    return actor_list(store, q, country, *pg)


def suggestions(store: Store, typed: str, limit: int = 10) -> list[dict[str, str]]:
    """Names to offer while an actor is typed: the knowledge base's people, organisations and countries any
    of whose names starts with it ("Jokow" -> Joko Widodo, by the alias Jokowi), then the store's participants
    whose name holds it, with their event counts."""
    from ...kb.suggest import suggest

    items = [{"value": s.name, "label": f"{s.name} · {s.alias}" if s.alias else s.name} for s in suggest(typed, limit)]
    seen = {item["value"] for item in items}
    for actor in store.list_actors(typed, None, limit, 0)[1]:
        if actor["name"] not in seen and len(items) < limit:
            seen.add(actor["name"])
            items.append({"value": actor["name"], "label": f"{actor['name']} · {actor['events']} events"})
    return items


@router.get("/api/suggest", tags=["actors"], summary="Actor names to offer while one is typed (any alias, any language)")
def api_suggest(store: Reader, q: Text = None) -> dict[str, Any]:
    return {"items": suggestions(store, q or "") if q and len(q.strip()) >= 2 else []}


@router.get("/api/actors/{name:path}", tags=["actors"], summary="An actor's roles, activity and counterparts")
def api_actor(store: Reader, name: str) -> dict[str, Any]:
    return actor_or_404(store, name)


@router.get("/actors", response_class=HTMLResponse, include_in_schema=False)
def actors_page(request: Request, store: Reader, pg: Paging, q: Text = None,
                country: CountryCode = None) -> HTMLResponse:
    return page(request, "actors.html", **actor_list(store, q, country, *pg), q=q or "", country=country or "")


@router.get("/actors/{name:path}", response_class=HTMLResponse, include_in_schema=False)
def actor_page(request: Request, store: Reader, name: str) -> HTMLResponse:
    record = actor_or_404(store, name)
    chart = views.time_chart(record["activity"], SIDES, height=120)
    spans, ticks = views.role_spans(record["kb_roles"], record["roles_seen"], date.today())
    return page(request, "actor.html", a=record, chart=chart, spans=spans, ticks=ticks)
