"""Dyads: events with participants of two countries per month, cooperation against conflict
(``/api/dyad``, ``/dyad``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ...store import Store
from ...store.filters import EventFilter
from .. import views
from ..params import Filter, ThreeLetters
from ..plover import SIDES, by_side
from ..pool import Reader
from ..render import page

router = APIRouter()


def dyad_months(store: Store, a: str, b: str, flt: EventFilter) -> list[dict[str, Any]]:
    """Per month: events, cooperation, conflict, other, and events per type."""
    rows = store.dyad_periods(store.event_query(flt), a, b)
    months = by_side(rows)
    for month in months:
        month["types"] = {t: n for p, t, n in rows if p == month["period"]}
    return months


@router.get("/api/dyad", tags=["events"], summary="Events between two countries per month, cooperation vs conflict")
def api_dyad(store: Reader, flt: Filter, a: ThreeLetters, b: ThreeLetters) -> dict[str, Any]:
    a, b = a.upper(), b.upper()
    return {"a": a, "b": b, "months": dyad_months(store, a, b, flt)}


@router.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
def dyad_page(
    request: Request, store: Reader, flt: Filter,
    a: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    b: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
) -> HTMLResponse:
    months, bars = [], []
    if a and b:
        a, b = a.upper(), b.upper()
        months = dyad_months(store, a, b, flt)
        bars = views.mirrored_chart(views.fill_periods(months, SIDES))
    return page(request, "dyad.html", a=a or "", b=b or "", months=months, bars=bars,
                countries=store.participant_countries(), flt=flt)
