"""Gold annotations, joined with the articles they annotate.

Two forms are read:
- the shared development set (``events-dev.json``: a JSON list, names and mentions as text, CONSULT only);
- linimasa's own corpus (``data/annotations/*.jsonl``: one article a line, offsets into the article, any
  PLOVER type, rejected candidates), see docs/annotation.md.
Both become :class:`GoldArticle`. Joining an offset-based record checks that the article's text is the
one annotated (its digest) and that every span lies inside it; a mismatch is an error that names the
article and the file, never a silently wrong span.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from linimasa.evaluation.articles import SourceArticle, text_digest
from linimasa.evaluation.schema import EVENT_TYPES

PRIMARY_CONFIDENCE = frozenset({"high", "medium"})


class AnnotationError(ValueError):
    """An annotation file that cannot be used as it is; the message says which file and article."""


@dataclass(frozen=True, slots=True)
class GoldParticipant:
    name: str
    mention: str | None = None
    country: str | None = None
    role: str = ""
    side: str | None = None


@dataclass(frozen=True, slots=True)
class GoldLocation:
    name: str | None = None
    city: str | None = None
    country: str | None = None


@dataclass(slots=True)
class GoldEvent:
    type: str
    mode: str | None
    participants: list[GoldParticipant]
    location: GoldLocation
    date: str | None
    duration_minutes: int | None = None
    topics: list[str] = field(default_factory=list)
    background: bool = False
    confidence: str = "high"
    evidence: str | None = None  # the quote, joined from the article at load time
    evidence_span: tuple[int, int] | None = None

    @property
    def primary(self) -> bool:
        """The events a system must find: the article's news, annotated with high or medium confidence."""
        return not self.background and self.confidence in PRIMARY_CONFIDENCE


@dataclass(frozen=True, slots=True)
class GoldRejection:
    """A mention that looks like an event of ``type`` but is not an asserted one."""

    type: str
    reason: str
    modality: str | None
    text: str
    span: tuple[int, int] | None


@dataclass(slots=True)
class GoldArticle:
    article_id: str
    published: str | None
    events: list[GoldEvent]
    rejected: list[GoldRejection] = field(default_factory=list)
    source: str = ""  # the annotation file
    types_annotated: frozenset[str] = frozenset({"CONSULT"})  # the types whose absence means something


def _span_text(article: SourceArticle, span, where: str) -> tuple[str, tuple[int, int]]:
    if not (isinstance(span, list) and len(span) in (2, 3) and all(isinstance(x, int) for x in span[:2])):
        raise AnnotationError(f"{where}: a span is [start, end] or [start, end, \"title\"], not {span!r}")
    start, end = span[0], span[1]
    text = article.field(span[2] if len(span) == 3 else "text")
    if not 0 <= start < end <= len(text):
        raise AnnotationError(f"{where}: span {span} lies outside the article's text ({len(text)} characters)")
    return text[start:end], (start, end)


def _optional_span(article: SourceArticle, span, where: str) -> str | None:
    return None if span is None else _span_text(article, span, where)[0]


def gold_from_record(record: dict, article: SourceArticle, where: str) -> GoldArticle:
    if record.get("text_sha1") != article.text_sha1:
        raise AnnotationError(
            f"{where}: the text of article {article.id} is not the one annotated (digest "
            f"{article.text_sha1}, annotated {record.get('text_sha1')}): the article file changed; "
            "re-annotate or restore the original file")
    if record.get("title_sha1") and article.title and record["title_sha1"] != text_digest(article.title):
        raise AnnotationError(f"{where}: the title of article {article.id} is not the one annotated")
    events = []
    for number, raw in enumerate(record.get("events") or []):
        at = f"{where} events[{number}]"
        evidence, evidence_span = (_span_text(article, raw["evidence"], at + ".evidence")
                                   if raw.get("evidence") else (None, None))
        participants = [
            GoldParticipant(name=p["name"], mention=_optional_span(article, p.get("mention"), at + ".mention"),
                            country=p.get("country"), role=p.get("role") or "", side=p.get("side"))
            for p in raw.get("participants") or []]
        place = raw.get("location") or {}
        events.append(GoldEvent(
            type=raw["type"], mode=raw.get("mode"), participants=participants,
            location=GoldLocation(_optional_span(article, place.get("name"), at + ".location"), place.get("city"),
                                  place.get("country")),
            date=raw.get("date"), duration_minutes=raw.get("duration_minutes"), topics=list(raw.get("topics") or []),
            background=bool(raw.get("background")), confidence=raw.get("confidence") or "high",
            evidence=evidence, evidence_span=evidence_span))
    rejected = []
    for number, raw in enumerate(record.get("rejected") or []):
        text, span = _span_text(article, raw["span"], f"{where} rejected[{number}]")
        rejected.append(GoldRejection(raw["type"], raw["reason"], raw.get("modality"), text,
                                      span if len(raw["span"]) == 2 else None))
    return GoldArticle(article.id, record.get("published"), events, rejected, source=where,
                       types_annotated=frozenset(record.get("types_annotated") or EVENT_TYPES))


def _from_dev(record: dict, where: str) -> GoldArticle:
    events = []
    for raw in record.get("events") or []:
        place = raw.get("location") or {}
        events.append(GoldEvent(
            type="CONSULT", mode=raw.get("mode"),
            participants=[GoldParticipant(p["name"], p.get("mention"), p.get("country"), p.get("role") or "")
                          for p in raw.get("participants") or []],
            location=GoldLocation(place.get("name"), place.get("city"), place.get("country")),
            date=raw.get("date"), duration_minutes=raw.get("duration_minutes"), topics=list(raw.get("topics") or []),
            background=bool(raw.get("background")), confidence=raw.get("confidence") or "high",
            evidence=raw.get("evidence")))
    return GoldArticle(record["article_id"], record.get("published"), events, [], source=where,
                       types_annotated=frozenset({"CONSULT"}))


def read_annotation_file(path: Path) -> list[dict]:
    """The records of one annotation file: a JSON list (the shared dev set) or JSON lines."""
    path = Path(path)
    if not path.is_file():
        raise AnnotationError(f"{path}: no such annotation file")
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as error:
            raise AnnotationError(f"{path}: not valid JSON ({error})") from None
        return [(f"{path}[{index}]", record) for index, record in enumerate(records)]
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((f"{path}:{number}", json.loads(line)))
        except json.JSONDecodeError as error:
            raise AnnotationError(f"{path}:{number}: not a JSON line ({error})") from None
    return records


def load_gold(paths: list[Path], articles: dict[str, SourceArticle]) -> list[GoldArticle]:
    """Every annotated article of the given files, joined with its text; one record per article id."""
    gold: dict[str, GoldArticle] = {}
    for path in paths:
        for where, record in read_annotation_file(path):
            if not isinstance(record, dict) or not record.get("article_id"):
                raise AnnotationError(f"{where}: an annotation record needs an article_id")
            article = articles.get(record["article_id"])
            if article is None:
                raise AnnotationError(
                    f"{where}: article {record['article_id']} is not in the article files given (use --articles "
                    "with the files that hold it)")
            if record["article_id"] in gold:
                raise AnnotationError(f"{where}: article {record['article_id']} is annotated twice "
                                      f"(also in {gold[record['article_id']].source})")
            if "text_sha1" in record:
                gold[article.id] = gold_from_record(record, article, where)
            else:
                gold[article.id] = _from_dev(record, where)
    return list(gold.values())
