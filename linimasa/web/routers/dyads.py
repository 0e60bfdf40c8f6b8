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


DIRECTIONS = ("a_to_b", "b_to_a", "mutual")
PAIRS_OFFERED = 12  # the busiest pairs of countries offered on /dyad before a pair is chosen


def dyad_months(store: Store, a: str, b: str, flt: EventFilter) -> list[dict[str, Any]]:
    """Per month (undated events in a last period "undated"): events, cooperation, conflict, other, events per
    type, and the same counts per direction: ``a_to_b`` when a party of A acts on one of B (A on the actor
    side, B on the recipient side), ``b_to_a`` the other way, ``mutual`` when both act (a meeting of equals, a
    joint statement) or the record gives no direction between them."""
    rows = store.dyad_periods(store.event_query(flt), a, b)
    months = by_side((period, event_type, n) for period, event_type, _, n in rows)
    for month in months:
        mine = [r for r in rows if r[0] == month["period"]]
        month["types"] = {}
        for _, event_type, _, n in mine:
            month["types"][event_type] = month["types"].get(event_type, 0) + n
        month["directions"] = {}
        for direction in DIRECTIONS:
            folded = by_side((p, t, n) for p, t, d, n in mine if d == direction)
            month["directions"][direction] = folded[0] if folded else {
                "period": month["period"], "events": 0, **{side: 0 for side in SIDES}}
    return months


@router.get("/api/dyad", tags=["events"], summary="Events between two countries per month and direction, cooperation vs conflict")
def api_dyad(store: Reader, flt: Filter, a: ThreeLetters, b: ThreeLetters) -> dict[str, Any]:
    a, b = a.upper(), b.upper()
    return {"a": a, "b": b, "months": dyad_months(store, a, b, flt)}


@router.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
def dyad_page(
    request: Request, store: Reader, flt: Filter,
    a: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    b: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
) -> HTMLResponse:
    months, charts = [], {}
    if a and b:
        a, b = a.upper(), b.upper()
        months = dyad_months(store, a, b, flt)
        for direction in DIRECTIONS:
            dated = [m["directions"][direction] for m in months if m["period"] != "undated"]
            undated = next((m["directions"][direction] for m in months if m["period"] == "undated"), None)
            charts[direction] = views.mirrored_chart(dated, undated)  # one time axis for the three
    pairs = [] if a and b else store.country_pairs(store.event_query(flt), PAIRS_OFFERED)
    return page(request, "dyad.html", a=a or "", b=b or "", months=months, charts=charts, pairs=pairs,
                countries=store.participant_countries(), flt=flt)
