"""Articles: stored articles, filtered and paged (``/api/articles``, ``/articles``), and one article with its
cleaned text and events (``/api/articles/{id}``, ``/articles/{id}``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ...store import Store
from ...store.filters import ArticleFilter
from ..params import ArticleParams, Paging, shown
from ..pool import Reader
from ..records import event_records
from ..render import page

router = APIRouter()


def article_list(store: Store, flt: ArticleFilter, limit: int, offset: int) -> dict[str, Any]:
    total, items = store.list_articles(flt, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def article_or_404(store: Store, article_id: str) -> dict[str, Any]:
    record = store.article_detail(article_id)
    if record is None:
        raise HTTPException(404, f"no article {shown(article_id)}")
    return record


@router.get("/api/articles", tags=["articles"], summary="Stored articles, filtered and paged")
def api_articles(store: Reader, aflt: ArticleParams, pg: Paging) -> dict[str, Any]:
    return article_list(store, aflt, *pg)


@router.get("/api/articles/{article_id:path}", tags=["articles"], summary="One article with its cleaned text")
def api_article(store: Reader, article_id: str) -> dict[str, Any]:
    return article_or_404(store, article_id)


@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(request: Request, store: Reader, aflt: ArticleParams, pg: Paging) -> HTMLResponse:
    return page(request, "articles.html", **article_list(store, aflt, *pg), aflt=aflt, outlets=store.outlets())


@router.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, store: Reader, article_id: str) -> HTMLResponse:
    record = article_or_404(store, article_id)
    events = event_records(store, [e for e in map(store.event, record["event_ids"]) if e])
    return page(request, "article.html", art=record, events=events)
