"""Annotators' quote-based records to stored annotations with character offsets.

The stored form (docs/annotation.md) holds ids, labels and offsets: a span is ``[start, end]`` into the
article's ``text``, or ``[start, end, "title"]`` into its title. A quote that is not found verbatim, or a
field not in the guide's form, is an error the annotator mends; nothing is guessed.
"""

from __future__ import annotations

import re

from linimasa.evaluation.articles import SourceArticle, text_digest
from linimasa.evaluation.schema import (CONFIDENCE, CONSULT_MODES, EVENT_TYPES, MODALITIES, MODE_ALIASES,
                                        REJECT_REASONS, SIDES)
from linimasa.evaluation.spans import Locator

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO3 = re.compile(r"^([A-Z]{3})$")


class RawRecordError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


class _Finder:
    """Finds quotes in an article's text, then its title; collects what is not found."""

    def __init__(self, article: SourceArticle):
        self.text = Locator(article.text)
        self.title = Locator(article.title or "")
        self.problems: list[str] = []

    def span(self, quote, what: str, near: int | None = None, required: bool = True):
        if quote is None or quote == "":
            if required:
                self.problems.append(f"{what}: a verbatim quote is required")
            return None
        if not isinstance(quote, str):
            self.problems.append(f"{what}: must be a string, not {type(quote).__name__}")
            return None
        found = self.text.find(quote, near)
        if found:
            return [found[0], found[1]]
        found = self.title.find(quote)
        if found:
            return [found[0], found[1], "title"]
        self.problems.append(f"{what}: not found verbatim in the article: {quote[:80]!r}")
        return None


def _date_ok(value) -> bool:
    return value is None or (isinstance(value, str) and bool(DATE.match(value)))


def _country_ok(value) -> bool:
    return value is None or value == "IGO" or (isinstance(value, str) and bool(ISO3.match(value)))


def convert_event(raw: dict, finder: _Finder, where: str) -> dict:
    problems = finder.problems
    kind = raw.get("type")
    if kind not in EVENT_TYPES:
        problems.append(f"{where}: type {kind!r} is not a PLOVER type")
    mode = raw.get("mode")
    mode = MODE_ALIASES.get(mode, mode)
    if kind == "CONSULT" and mode not in CONSULT_MODES:
        problems.append(f"{where}: CONSULT mode must be one of {sorted(CONSULT_MODES)}, not {mode!r}")
    evidence = finder.span(raw.get("evidence"), f"{where}.evidence")
    near = evidence[0] if evidence and len(evidence) == 2 else None
    participants = []
    for number, person in enumerate(raw.get("participants") or []):
        at = f"{where}.participants[{number}]"
        if not isinstance(person, dict) or not person.get("name"):
            problems.append(f"{at}: needs a name")
            continue
        if not _country_ok(person.get("country")):
            problems.append(f"{at}: country must be ISO3, IGO or null, not {person.get('country')!r}")
        side = person.get("side")
        if side not in SIDES:
            problems.append(f"{at}: side must be one of {sorted(s for s in SIDES if s)} or null, not {side!r}")
        participants.append({
            "name": person["name"], "country": person.get("country"), "role": person.get("role") or "",
            "side": side, "mention": finder.span(person.get("mention"), f"{at}.mention", near)})
    if kind == "CONSULT" and len(participants) < 1:
        problems.append(f"{where}: a CONSULT event needs its participants")
    location = raw.get("location") or {}
    if not isinstance(location, dict):
        problems.append(f"{where}.location: must be an object")
        location = {}
    if not _country_ok(location.get("country")):
        problems.append(f"{where}.location.country must be ISO3 or null, not {location.get('country')!r}")
    date = raw.get("date")
    if not _date_ok(date):
        problems.append(f"{where}.date must be YYYY-MM-DD, YYYY-MM, YYYY or null, not {date!r}")
    duration = raw.get("duration_minutes")
    if duration is not None and not (isinstance(duration, int) and duration > 0):
        problems.append(f"{where}.duration_minutes must be a positive integer or null")
    confidence = raw.get("confidence", "high")
    if confidence not in CONFIDENCE:
        problems.append(f"{where}.confidence must be one of {sorted(CONFIDENCE)}")
    topics = raw.get("topics") or []
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        problems.append(f"{where}.topics must be a list of strings")
        topics = []
    return {
        "type": kind,
        "mode": mode,
        "background": bool(raw.get("background", False)),
        "confidence": confidence,
        "evidence": evidence,
        "participants": participants,
        "location": {
            "name": finder.span(location.get("name"), f"{where}.location.name", near, required=False),
            "city": location.get("city"), "country": location.get("country")},
        "date": date,
        "date_text": finder.span(raw.get("date_text"), f"{where}.date_text", near, required=False),
        "date_basis": raw.get("date_basis") or "",
        "date_resolvable_from_text": bool(raw.get("date_resolvable_from_text", False)),
        "duration_minutes": duration,
        "topics": topics,
    }


def convert_rejected(raw: dict, finder: _Finder, where: str) -> dict:
    reason = raw.get("reason")
    if reason not in REJECT_REASONS:
        finder.problems.append(f"{where}: reason must be one of {sorted(REJECT_REASONS)}, not {reason!r}")
    kind = raw.get("type")
    if kind not in EVENT_TYPES:
        finder.problems.append(f"{where}: type {kind!r} is not a PLOVER type")
    modality = reason if reason in MODALITIES else None
    return {"type": kind, "reason": reason, "modality": modality, "span": finder.span(raw.get("quote"), where),
            "note": raw.get("note") or ""}


def convert_raw(raw: dict, articles: dict[str, SourceArticle], pass_name: str, annotator: str) -> dict:
    """One annotator's record of one article, checked and with its quotes turned into offsets."""
    article_id = raw.get("article_id")
    article = articles.get(article_id)
    if article is None:
        raise RawRecordError([f"article {article_id!r} is not in the shared news files"])
    finder = _Finder(article)
    published = raw.get("published")
    if published is not None and not (isinstance(published, str) and DATE.match(published)):
        finder.problems.append(f"published must be YYYY-MM-DD or null, not {published!r}")
    events = [convert_event(event, finder, f"events[{n}]") for n, event in enumerate(raw.get("events") or [])]
    rejected = [convert_rejected(item, finder, f"rejected[{n}]") for n, item in enumerate(raw.get("rejected") or [])]
    if finder.problems:
        raise RawRecordError(finder.problems)
    return {
        "article_id": article_id,
        "text_sha1": article.text_sha1,
        "title_sha1": text_digest(article.title) if article.title else None,
        "pass": pass_name,
        "annotator": annotator,
        "published": published,
        "published_basis": raw.get("published_basis") or "",
        "events": events,
        "rejected": rejected,
        "notes": raw.get("notes") or "",
    }
