"""The ``kb`` stage: add the names the NER missed, then link every mention to the knowledge base."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from pathlib import Path

from linimasa import dates
from linimasa.config import Settings
from linimasa.kb import KnowledgeBase, load_kb
from linimasa.kb.acronyms import local_acronyms
from linimasa.kb.ranks import unlink_foreigners_after_indonesian_ranks
from linimasa.kb.region_names import without_regions
from linimasa.kb.titled_names import name_after_title
from linimasa.model import Article, Mention

ENTITY_LABELS = ("PER", "ORG", "LOC")


def reference_date(article: Article) -> dt.date | None:
    """The day the article's offices are read at: the time stage's anchor, else the publication date."""
    for value in ((article.anchor or {}).get("date"), article.published):
        day = dates.day_of(str(value)) if value else None
        if day is not None:
            return day
    return None


def overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def merge(existing: list[Mention], found: list[Mention], text: str) -> tuple[list[Mention], dict[int, list[Mention]]]:
    """NER mentions plus the KB's, without duplicates: of two overlapping entity spans the longer stays; a
    span inside a title phrase gives way to it, and a person's or place's span that runs from a title's
    region into a name is cut to the name ("Gubernur [Sumatera Barat Mahyeldi]": linimasa/kb/titled_names.py).
    Returns the merged list and, for each kept span that swallowed KB mentions, those mentions (a
    fallback when the longer span cannot be linked).

    Spans are looked up by position (a sorted index), not compared all against all: a text of thousands of
    names costs time in proportion to its length."""
    titles = _Spans(m for m in found if m.label == "TITLE")
    # a span inside a title phrase ("AS" in "Menlu AS") is part of the office, not an actor of its own
    kept = _Spans()
    for m in existing:
        beside = titles.overlapping(m)
        if not any(_within(m, t) for t in beside):
            kept.add(name_after_title(m, beside, text))
    swallowed: dict[int, list[Mention]] = {}
    for mention in (m for m in found if m.label != "TITLE"):
        rivals = [m for m in kept.overlapping(mention) if m.label in ENTITY_LABELS]
        longer = [m for m in rivals if (m.end - m.start) > (mention.end - mention.start)]
        if longer:
            swallowed.setdefault(id(longer[0]), []).append(mention)
            continue
        for rival in rivals:
            kept.remove(rival)
        kept.add(mention)
    merged = kept.in_order() + list(titles.in_order())
    merged.sort(key=lambda m: (m.start, -m.end))
    return merged, swallowed


class _Spans:
    """Mentions indexed by start offset, for the ones overlapping a span; rivals come in the order they were
    added, as a list scanned front to back would give them."""

    def __init__(self, mentions=()):
        self._entries: list[tuple[int, int, Mention]] = []  # (start, order added, mention), sorted
        self._added = 0
        self._longest = 0
        for mention in mentions:
            self.add(mention)

    def add(self, mention: Mention) -> None:
        bisect.insort(self._entries, (mention.start, self._added, mention), key=lambda e: (e[0], e[1]))
        self._added += 1
        self._longest = max(self._longest, mention.end - mention.start)

    def remove(self, mention: Mention) -> None:
        low = bisect.bisect_left(self._entries, mention.start, key=lambda e: e[0])
        for index in range(low, len(self._entries)):
            if self._entries[index][2] is mention:
                del self._entries[index]
                return

    def overlapping(self, span: Mention) -> list[Mention]:
        low = bisect.bisect_left(self._entries, span.start - self._longest, key=lambda e: e[0])
        high = bisect.bisect_left(self._entries, span.end, key=lambda e: e[0])
        found = [e for e in self._entries[low:high] if overlaps(e[2], span)]
        return [e[2] for e in sorted(found, key=lambda e: e[1])]

    def in_order(self) -> list[Mention]:
        return [e[2] for e in sorted(self._entries, key=lambda e: e[1])]


def _within(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


class EntityLinkStage:
    name = "kb"

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        options = self.settings.stage_options(self.name)
        self.extra_paths = tuple(str(Path(p)) for p in options.paths)

    def knowledge_base(self) -> KnowledgeBase:
        return _extended_kb(self.extra_paths) if self.extra_paths else load_kb()

    def __call__(self, article: Article) -> Article:
        kb = self.knowledge_base()
        mentions, swallowed = merge(article.mentions, kb.find_mentions(article.working_text), article.working_text)
        mentions = without_regions(mentions, article.working_text, kb)  # "Bupati Pemalang Mukti Agung Wibowo"
        on = reference_date(article)
        entities = [m for m in mentions if m.label != "TITLE"]
        for mention in entities:
            kb.resolve(mention, on, mentions)
        mentions = self._fall_back_to_inner(mentions, swallowed, kb, on)
        for mention in (m for m in mentions if m.kb_id is None and m.label != "TITLE"):
            kb.resolve(mention, on, mentions)
        for mention in (m for m in mentions if m.label == "TITLE"):
            kb.resolve(mention, on, mentions)
        local_acronyms(mentions, article.working_text, kb)  # "Bupati OKI" is a regency, not the OIC
        unlink_foreigners_after_indonesian_ranks(mentions, article.working_text, kb)  # "Irjen Anwar"
        article.mentions = mentions
        return article

    def _fall_back_to_inner(self, mentions, swallowed, kb, on) -> list[Mention]:
        """A long NER span the KB cannot link gives way to the linked KB names inside it."""
        out = []
        for mention in mentions:
            inner = swallowed.get(id(mention), [])
            if mention.kb_id is None and inner:
                for m in inner:
                    kb.resolve(m, on, mentions)
                if any(m.kb_id for m in inner):
                    out.extend(inner)
                    continue
            out.append(mention)
        out.sort(key=lambda m: (m.start, -m.end))
        return out


@functools.cache
def _extended_kb(paths: tuple[str, ...]) -> KnowledgeBase:
    """The shipped KB extended with a user's folders (stage option ``paths``), built once per process."""
    return KnowledgeBase.from_paths(*paths)
