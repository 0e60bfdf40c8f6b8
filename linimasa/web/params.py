"""The request parameters every router shares: event and article filters, paging, and their limits.

Each is a FastAPI dependency that validates what it takes and answers a bad value with a 422 that says why
(pages show the same reasons on an error page)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Query

from ..store.filters import ActorMatch, ArticleFilter, EventFilter, has_words
from .plover import event_types

MAX_PAGE = 500
MAX_OFFSET = 10_000_000
MAX_ACTORS = 10
MAX_TEXT = 200

Zoom = Literal["year", "month", "day"]
Modality = Literal["asserted", "future", "hypothetical", "negated"]
Status = Literal["processed", "duplicate", "rejected"]
CountryCode = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3, or IGO")]
# no NUL: SQLite's LIKE and FTS stop reading at one, so "a\0" would search for "a"
Text = Annotated[str | None, Query(max_length=MAX_TEXT, pattern=r"^[^\x00]*$")]


def shown(value: str, limit: int = 80) -> str:
    """A requested value as a message quotes it: cut short, so a 100 KB id is not echoed back."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def actor_match(typed: str) -> ActorMatch:
    """An actor a user named, by every alias the knowledge base knows ("Jokowi", "Rusia"), as the CLI's
    --actor finds it."""
    from ..export import actor_identities

    known = actor_identities(typed)
    return ActorMatch.of(typed, known.names, known.kb_ids, known.countries)


def event_filter(
    since: Annotated[date | None, Query(description="first day, YYYY-MM-DD")] = None,
    until: Annotated[date | None, Query(description="last day, YYYY-MM-DD")] = None,
    actor: Annotated[list[str], Query(description="name, kb id or country code; repeat to require all")] = [],
    country: CountryCode = None,
    type: Annotated[str | None, Query(max_length=MAX_TEXT, description="PLOVER event type, e.g. CONSULT")] = None,
    mode: Text = None,
    outlet: Text = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the reporting articles or summary")] = None,
    place: Text = None,
    story: Text = None,
    modality: Modality | None = None,
    all: Annotated[bool, Query(description="also planned, hypothetical, negated and background events")] = False,
) -> EventFilter:
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    if len(actor) > MAX_ACTORS:
        raise HTTPException(422, f"at most {MAX_ACTORS} actor parameters")
    if any(len(a) > MAX_TEXT for a in actor) or any("\x00" in a for a in actor):
        raise HTTPException(422, f"an actor is a name of at most {MAX_TEXT} characters, without NUL")
    if type and type.upper() not in event_types():
        raise HTTPException(422, f"type {shown(type)} is not a PLOVER event type: one of {', '.join(event_types())}")
    if q is not None and q.strip() and not has_words(q):
        raise HTTPException(422, "q has no words to search for")
    return EventFilter(
        since=since, until=until, actors=tuple(actor_match(a.strip()) for a in actor if a.strip()),
        country=country.upper() if country else None, type=type.upper() if type else None,
        mode=mode or None, outlet=outlet or None, q=(q or "").strip() or None, place=place or None,
        story=story or None, modality=modality, include_all=all,
    )


def article_filter(
    outlet: Text = None,
    status: Status | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    since: date | None = None,
    until: date | None = None,
) -> ArticleFilter:
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    if q is not None and q.strip() and not has_words(q):
        raise HTTPException(422, "q has no words to search for")
    return ArticleFilter(outlet=outlet or None, status=status, q=(q or "").strip() or None, since=since, until=until)


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> tuple[int, int]:
    return limit, offset


Filter = Annotated[EventFilter, Depends(event_filter)]
ArticleParams = Annotated[ArticleFilter, Depends(article_filter)]
Paging = Annotated[tuple[int, int], Depends(paging)]
ThreeLetters = Annotated[str, Query(pattern=r"^[A-Za-z]{3}$")]
