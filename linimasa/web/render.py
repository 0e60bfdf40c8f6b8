"""Pages: the Jinja2 templates (autoescape on, nothing marked safe) and what they are given besides data."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .. import __version__
from . import views
from .plover import event_types, side_of

TEMPLATES = Path(__file__).with_name("templates")


def templates() -> Jinja2Templates:
    """The templates, with the filters and functions every page may use."""
    made = Jinja2Templates(directory=TEMPLATES)
    made.env.autoescape = True
    # an id or a name is one path segment even when it holds '/' or '..' (input ids may be URLs or paths);
    # the routes take the rest of the path, so the decoded '/' is found again
    made.env.filters["path_part"] = lambda value: quote(str(value), safe="")
    made.env.globals.update(safe_url=views.safe_url, side_of=side_of, event_types=event_types, version=__version__,
                            with_params=with_params)
    return made


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The template ``name`` filled with ``context``, with the app's templates."""
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status_code)


def wants_html(request: Request) -> bool:
    """Whether the request is for a page (else for the JSON API)."""
    path = request.url.path
    return not (path.startswith("/api/") or path == "/openapi.json")


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


def group_events(events: list[dict[str, Any]], zoom: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """Events (in date order) grouped under the period of the zoom they fall in."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        groups.setdefault(views.period_of(event["date"], zoom), []).append(event)
    return list(groups.items())
