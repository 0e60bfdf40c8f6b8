"""The web view and JSON API over a store: ``create_app(db)`` builds the app ``linimasa serve`` runs.

Read-only by construction: the store is opened read-only and only GET routes exist. Each request borrows
a store from a small pool and reads one snapshot, so a ``linimasa run`` writing the same store never
blocks a page nor tears one. The routes live in :mod:`linimasa.web.routers`, one router per resource.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store import StoreUnavailable, open_store
from .limits import MAX_HEADER_BYTES, MAX_URL_BYTES, SECURITY_HEADERS, RequestLimits
from .params import Modality, Status
from .pool import ReadPool
from .render import TEMPLATES, page, templates, wants_html
from .routers import ROUTERS

__all__ = ["MAX_HEADER_BYTES", "MAX_URL_BYTES", "Modality", "ReadPool", "Status", "create_app"]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # The knowledge base (actors' aliases and dated roles) is read before the first request is taken, not
    # during the first request that names an actor (2 to 3 s on an idle machine).
    from ..kb import load_kb
    from ..kb.admin1 import division_of
    from ..kb.sectors import load_sectors

    await anyio.to_thread.run_sync(load_kb)
    # and what every event record reads: the actor code tables and the gazetteer's provinces
    await anyio.to_thread.run_sync(load_sectors)
    await anyio.to_thread.run_sync(division_of, {"kb_id": "geonames:1642911"})
    yield
    app.state.pool.close()


def create_app(db: str) -> FastAPI:
    """The app over the store named by ``db`` (a SQLite path or a postgresql:// URL); raises StoreError
    when there is none (or it needs migrating)."""
    open_store(db, readonly=True).close()
    app = FastAPI(
        title="linimasa", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
        description="Events, articles, actors, places and stories of a linimasa store. Read-only.",
    )
    app.state.pool = ReadPool(db)
    app.state.templates = templates()
    app.add_middleware(RequestLimits)
    app.mount("/static", StaticFiles(directory=TEMPLATES.with_name("static")), name="static")
    for router in ROUTERS:
        app.include_router(router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

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

    @app.exception_handler(StoreUnavailable)
    async def store_busy(request: Request, exc: StoreUnavailable):
        if wants_html(request):
            return page(request, "error.html", 503, status=503, problems=[str(exc)])
        return JSONResponse({"detail": str(exc)}, status_code=503)

    return app
