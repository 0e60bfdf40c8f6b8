"""The store interface: everything the engine, the exports and the web view read from and write to a store,
and the types they exchange with it (run accounting, stored articles, errors).

A backend implements :class:`Store`; :mod:`linimasa.store.sql` implements it once over SQL for any database
with a :class:`~linimasa.store.dialect.Dialect`, and each backend module (``sqlite``, ``postgres``) adds only
its connection, transactions and dialect. Callers hold a ``Store`` and never a backend's connection.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..model import Article, Event, Story
from .filters import ArticleFilter, EventFilter


class StoreError(Exception):
    """The store cannot be opened or used; the message says what to do."""


class StoreUnavailable(StoreError):
    """The store could not answer a read just now (locked, busy, connection lost): retrying may work."""


def redact(db: str) -> str:
    """A store's path or URL as messages show it: without a password."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", db)


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(slots=True)
class StoredArticle:
    id: str
    content_hash: str
    version: int
    status: str


@dataclass
class RunCounts:
    """How a run's inputs were counted: every input read is new, revised, a duplicate or rejected."""

    read: int = 0
    new: int = 0
    revised: int = 0
    duplicates: int = 0
    rejected: int = 0

    @property
    def stored(self) -> int:
        return self.new + self.revised

    def add(self, other: "RunCounts") -> None:
        self.read += other.read
        self.new += other.new
        self.revised += other.revised
        self.duplicates += other.duplicates
        self.rejected += other.rejected

    def count(self, outcome: str) -> None:
        """One more input with this outcome (new | revised | duplicate | rejected)."""
        self.read += 1
        if outcome == "new":
            self.new += 1
        elif outcome == "revised":
            self.revised += 1
        elif outcome == "duplicate":
            self.duplicates += 1
        else:
            self.rejected += 1


@dataclass(slots=True)
class Outcome:
    """What became of one input: the article (for new/revised/duplicate rows) and how it is counted."""

    outcome: str  # new | revised | duplicate | rejected
    source: str
    article: Article | None = None
    article_id: str | None = None
    reason: str | None = None
    store_row: bool = True  # False for a re-ingest of an article already stored as it is
    signature: Any = None  # a processed article's near-duplicate signature (dedup.StoredSignature), if computed


@dataclass(frozen=True)
class EventQuery:
    """An event filter made ready for one store (:meth:`Store.event_query`): its lookups already run, so a
    count, a page and a histogram of the same filter do not repeat them. A backend adds what it needs."""

    filter: EventFilter


class Store(ABC):
    """Where articles, event mentions, linked events, stories, runs and learned state live.

    Writes that belong together are one transaction each: a chunk of articles with its accounting
    (:meth:`save_chunk`), the linked events with their sources and stories (:meth:`replace_events`). Open one
    with :func:`linimasa.store.open_store`; a read-only store refuses every write."""

    path: str  # what the store was opened from, as messages may show it (a URL without its password)
    readonly: bool

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def schema_version(self) -> int:
        """The schema version the store is at (0: no linimasa schema yet)."""

    # -- runs and their accounting --------------------------------------------------------------------

    @abstractmethod
    def begin_run(self, command: str, inputs: list[str]) -> int:
        """A new run of ``command`` over ``inputs``; returns its id."""

    @abstractmethod
    def finish_run(self, run_id: int, status: str, events: int | None, stories: int | None) -> None: ...

    @abstractmethod
    def run(self, run_id: int) -> dict[str, Any]:
        """A run's row: command, inputs, status, counts (empty when there is no such run)."""

    @abstractmethod
    def rejections(self, run_id: int) -> list[tuple[str, str]]:
        """(source, reason) of each input the run rejected, in input order."""

    @abstractmethod
    def save_chunk(self, run_id: int, outcomes: Iterable[Outcome]) -> RunCounts:
        """Store a chunk's articles, event mentions and accounting in one transaction."""

    # -- articles -------------------------------------------------------------------------------------

    def lookup(self, article_id: str) -> StoredArticle | None:
        return self.lookup_many([article_id]).get(article_id)

    def find_by_hash(self, content_hash: str) -> str | None:
        """The id of the first stored article with this content, if any (a duplicate only when no article
        before it had the content: a near-duplicate re-ingest)."""
        return self.find_by_hashes([content_hash]).get(content_hash)

    @abstractmethod
    def lookup_many(self, article_ids: Iterable[str]) -> dict[str, StoredArticle]:
        """:meth:`lookup` of many ids at once: the stored ones, by id."""

    @abstractmethod
    def find_by_hashes(self, content_hashes: Iterable[str]) -> dict[str, str]:
        """:meth:`find_by_hash` of many hashes at once: the hashes held, each with its first id."""

    @abstractmethod
    def earlier_versions(self, article_ids: Iterable[str]) -> dict[str, tuple[frozenset[str], str]]:
        """For stored articles: the content hashes of every earlier version, and the current raw text; what
        a run needs to tell a real revision from an old or truncated copy arriving again."""

    @abstractmethod
    def iter_articles(self, status: str | None = None) -> Iterator[dict[str, Any]]:
        """Every stored article's row (of one status, if given), in the order they were stored."""

    @abstractmethod
    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article's stored row."""

    @abstractmethod
    def article_versions(self, article_id: str) -> list[dict[str, Any]]:
        """The earlier versions of an article, oldest first."""

    @abstractmethod
    def count_articles(self) -> dict[str, int]:
        """Stored articles by status."""

    @abstractmethod
    def article_refs(self, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """outlet, url, published and title of articles, by id, for an event's ``sources``."""

    @abstractmethod
    def search_articles(self, words: str, limit: int = 50) -> list[str]:
        """Ids of the articles (not duplicates) whose title or text holds every word of ``words``, best
        first. Words are words: no query syntax."""

    # -- event mentions, linked events, stories -------------------------------------------------------

    @abstractmethod
    def iter_event_mentions(self) -> Iterator[Event]:
        """The event mentions of every processed article, in the order they were stored."""

    @abstractmethod
    def iter_events(self) -> Iterator[Event]:
        """The linked events in date order (undated last), then by id in byte order."""

    @abstractmethod
    def replace_events(self, events: list[Event], stories: list[Story]) -> None:
        """Replace the linked events, their sources and the stories in one transaction."""

    @abstractmethod
    def iter_stories(self) -> Iterator[Story]: ...

    # The link step's own writes, inside its transaction (linimasa/engine/corpus.py).

    @abstractmethod
    def delete_events(self, event_ids: Iterable[str]) -> None:
        """Remove events with their sources and participants."""

    @abstractmethod
    def write_events(self, events: list[Event], stories: list[Story]) -> None:
        """Insert events and stories (none of them stored) with the events' participants and sources; an
        event is marked with the story that holds it."""

    @abstractmethod
    def write_stories(self, stories: list[Story]) -> None: ...

    @abstractmethod
    def delete_stories(self, story_ids: Iterable[str]) -> None: ...

    @abstractmethod
    def set_story_of(self, story_of: dict[str, str | None]) -> None:
        """Mark events (by id) with the story that holds them, or none."""

    @abstractmethod
    def stored_events(self, event_ids: Iterable[str]) -> list[Event]: ...

    def lock_links(self, exclusive: bool) -> None:
        """In a write transaction: keep link steps (``exclusive``) and the chunks that queue link changes
        (shared) from interleaving, where the database lets writers work side by side."""

    # -- learned state (outlet templates, files taken, feeds seen) ------------------------------------

    @abstractmethod
    def get_state(self, key: str) -> Any:
        """The JSON value stored under ``key`` (None when absent)."""

    @abstractmethod
    def set_state(self, key: str, value: Any) -> None: ...

    @abstractmethod
    def set_states(self, values: dict[str, Any]) -> None:
        """:meth:`set_state` of several keys in one transaction."""

    # -- reading for the web view and the API ---------------------------------------------------------
    # Inside one snapshot (:meth:`snapshot`) every read sees the same state of the store, even while a run
    # writes it. Lists come in a fixed order, the same on every backend.

    @abstractmethod
    def snapshot(self) -> AbstractContextManager["Store"]:
        """A read-only transaction over one state of the store; raises :class:`StoreUnavailable` when the
        store cannot answer (locked, connection lost)."""

    @abstractmethod
    def event_query(self, flt: EventFilter) -> EventQuery: ...

    @abstractmethod
    def count_events(self, query: EventQuery) -> int: ...

    @abstractmethod
    def page_events(self, query: EventQuery, limit: int, offset: int) -> list[Event]:
        """A page of the events in date order (by id within a date), undated events last."""

    @abstractmethod
    def event(self, event_id: str) -> Event | None: ...

    @abstractmethod
    def story_ids(self, event_ids: list[str]) -> dict[str, str]:
        """The story of each event that belongs to one."""

    @abstractmethod
    def event_periods(self, query: EventQuery, zoom: str) -> list[tuple[str, str, int]]:
        """(period, type, events) of the dated events per year, month or day (``zoom``), by period then type;
        an event dated less precisely than the zoom counts at its own precision."""

    @abstractmethod
    def event_places(self, query: EventQuery, limit: int = 2000) -> list[dict[str, Any]]:
        """Places (name, country, lat, lon, events), busiest first, then by name."""

    @abstractmethod
    def dyad_periods(self, query: EventQuery, a: str, b: str) -> list[tuple[str, str, str, int]]:
        """(month or "undated", type, direction, events) of the events with participants of both countries:
        direction a_to_b (A acts on B), b_to_a, or mutual; undated events last."""

    @abstractmethod
    def modes(self) -> list[str]: ...

    @abstractmethod
    def list_actors(self, words: str | None, country: str | None, limit: int,
                    offset: int) -> tuple[int, list[dict[str, Any]]]:
        """How many participants' names hold ``words`` (case-blind for ASCII letters, no wildcards), and a
        page of them (name, country, kind, kb_id, events), most active first."""

    @abstractmethod
    def actor_detail(self, name: str) -> dict[str, Any] | None:
        """name, country, kind, kb_id, events, roles_seen, activity as (month, type, events),
        counterparts."""

    @abstractmethod
    def participant_countries(self) -> list[str]: ...

    @abstractmethod
    def country_pairs(self, query: EventQuery, limit: int) -> list[tuple[str, str, int]]:
        """(country, country, events) of the pairs of countries whose parties meet in the most events."""

    @abstractmethod
    def list_stories(self, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """How many stories there are, and a page of them (id, title, overview, events, first, last),
        largest first."""

    @abstractmethod
    def story(self, story_id: str) -> dict[str, Any] | None: ...

    @abstractmethod
    def list_articles(self, flt: ArticleFilter, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """How many articles match, and a page of them by publication date (undated last)."""

    @abstractmethod
    def article_detail(self, article_id: str) -> dict[str, Any] | None:
        """An article's fields with its cleaned ``text`` and the ``event_ids`` it reports, in date order."""

    @abstractmethod
    def article_texts(self, article_ids: list[str]) -> dict[str, str]: ...

    @abstractmethod
    def article_sentences(self, article_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """The sentence spans (start, end) of each article."""

    @abstractmethod
    def outlets(self) -> list[str]: ...
