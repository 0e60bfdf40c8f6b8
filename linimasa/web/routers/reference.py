"""Pages that explain and export: the glossary with the data dictionary (``/glossary``), the top bar's search
(``/search``), and downloads of any filtered view of events (``/download/events.csv``: the event table's
columns; ``/download/events.json``: the event records)."""

from __future__ import annotations

import functools
import io
import json
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ... import yamldata
from ...event_table import write_csv
from ..params import Filter
from ..pool import Reader
from ..records import event_records
from ..render import page

router = APIRouter()

GLOSSARY = Path(__file__).resolve().parents[1] / "glossary.yaml"
DICTIONARY = Path(__file__).resolve().parents[3] / "docs" / "data-dictionary.md"
MAX_DOWNLOAD = 50_000  # events in one download (docs/limits.md)
COUNTRY_CODE_LENGTH = 3


@functools.cache
def glossary() -> list[dict[str, Any]]:
    return yamldata.safe_load(GLOSSARY.read_text(encoding="utf-8"))["sections"]


@functools.cache
def dictionary_html() -> str | None:
    """docs/data-dictionary.md as HTML (raw HTML in it is escaped, not passed through), or None when the
    documentation is not installed beside the package."""
    if not DICTIONARY.is_file():
        return None
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").render(DICTIONARY.read_text(encoding="utf-8"))


def search_target(q: str) -> str:
    """Where the top bar's search goes: the timeline of an actor when the words name one the knowledge base
    knows by any alias, or a country code ("Jokowi", "Rusia", "IDN"), else the timeline of the words."""
    from ...export import actor_identities

    words = " ".join(q.split())
    if not words:
        return "/"
    ids = actor_identities(words)
    named = ids.kb_ids or ids.countries or (len(words) == COUNTRY_CODE_LENGTH and words.isalpha())
    return "/?" + urlencode({"actor" if named else "q": words})


@router.get("/glossary", response_class=HTMLResponse, include_in_schema=False)
def glossary_page(request: Request) -> HTMLResponse:
    return page(request, "glossary.html", sections=glossary(), dictionary=dictionary_html())


@router.get("/search", include_in_schema=False)
def search(q: Annotated[str, Query(max_length=200)] = "") -> RedirectResponse:
    return RedirectResponse(search_target(q), status_code=303)


@router.get("/download/events.{fmt}", tags=["events"],
            summary="Every event of a filtered view (the timeline's filters), as CSV or JSON")
def download(store: Reader, flt: Filter, fmt: Annotated[str, PathParam(pattern="^(csv|json)$")]) -> Response:
    records = event_records(store, store.page_events(store.event_query(flt), MAX_DOWNLOAD, 0))
    if fmt == "csv":
        out = io.StringIO()
        write_csv(records, out)
        body, kind = out.getvalue(), "text/csv; charset=utf-8"
    else:
        body, kind = json.dumps(records, ensure_ascii=False, indent=1), "application/json"
    return Response(body, media_type=kind, headers={"Content-Disposition": f'attachment; filename="linimasa-events.{fmt}"'})
