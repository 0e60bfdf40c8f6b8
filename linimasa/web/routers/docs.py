"""The API description as a page rendered by the server (``/docs``; the document itself is ``/openapi.json``)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..render import page

router = APIRouter()


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs_page(request: Request) -> HTMLResponse:
    return page(request, "docs.html", spec=request.app.openapi())
