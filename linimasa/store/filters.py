"""What a reader of the store filters events and articles on: the web view's and the API's parameters, as
the store's read methods take them. Plain values, no SQL: each backend turns them into its own queries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

WORD = re.compile(r"\w+", re.UNICODE)


def words_of(text: str) -> list[str]:
    """The words a user typed, without anything that could be query syntax."""
    return WORD.findall(text)


def has_words(text: str) -> bool:
    return bool(WORD.search(text))


@dataclass(frozen=True)
class ActorMatch:
    """An actor as a user typed it, with everything it stands for: participants match by name (case-blind
    for ASCII letters), knowledge-base id or country code. Shown as typed."""

    typed: str
    names: frozenset[str]
    kb_ids: frozenset[str]
    countries: frozenset[str]

    @classmethod
    def of(cls, typed: str, names=frozenset(), kb_ids=frozenset(), countries=frozenset()) -> "ActorMatch":
        """What ``typed`` stands for: the aliases given (from the knowledge base), and the text itself as a
        name, an id and (upper-cased) a country code."""
        return cls(typed, frozenset(names) | {typed}, frozenset(kb_ids) | {typed},
                   frozenset(countries) | {typed.upper()})

    def __str__(self) -> str:
        return self.typed


@dataclass(frozen=True)
class EventFilter:
    """What the timeline, the map and the event API filter on; every field optional.

    ``since``/``until``: an event dated only by month or year is kept when its period reaches the range;
    ``actors``: each a name (case-blind, by any alias the knowledge base knows), kb id or country code, all
    required; ``q``: words, all required, in a reporting article's title or text or in the summary;
    by default only events asserted as having happened and reported as news (``include_all`` lifts that)."""

    since: date | None = None
    until: date | None = None
    actors: tuple[ActorMatch, ...] = ()
    country: str | None = None
    type: str | None = None
    mode: str | None = None
    outlet: str | None = None
    q: str | None = None
    place: str | None = None
    story: str | None = None
    modality: str | None = None
    include_all: bool = False

    @property
    def has_lookups(self) -> bool:
        """Whether it filters on participants, outlets or words (looked up outside the events table)."""
        return bool(self.actors or self.country or self.outlet or self.q)


@dataclass(frozen=True)
class ArticleFilter:
    """What the article list filters on: outlet, status, words in the title or text, publication dates."""

    outlet: str | None = None
    status: str | None = None
    q: str | None = None
    since: date | None = None
    until: date | None = None
