"""The one data model that flows through every stage.

An :class:`Article` enters the pipeline raw and leaves it annotated: cleaned text, sentences, mentions of
actors and places, temporal expressions and the events extracted from it. Every annotation carries
character offsets into ``Article.clean_text`` so that any field of any event can be traced back to the
words that support it.

Everything here is a plain dataclass: picklable (worker processes, Dask) and serialisable with
:func:`to_dict` / the ``from_dict`` class methods (the store keeps annotations as JSON).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any

ARTICLE_STATUSES = ("processed", "duplicate", "rejected")
MODALITIES = ("asserted", "future", "hypothetical", "negated")


_SCALARS = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, in order; None for any other type."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def to_dict(obj: Any) -> Any:
    """A JSON-ready copy of a model object (dataclasses, lists and dicts, recursively).

    Every stored article and event goes through here (hundreds of objects each), so the type is looked up
    once per call and a dataclass's field names once per type."""
    kind = type(obj)
    if kind in _SCALARS:
        return obj
    if kind is list:
        return [to_dict(x) for x in obj]
    if kind is dict:
        return {k: to_dict(v) for k, v in obj.items()}
    names = _field_names(kind)
    if names is not None:
        return {name: to_dict(getattr(obj, name)) for name in names}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def _from_dict(cls, data: dict | None):
    if data is None:
        return None
    names = _field_set(cls)
    return cls(**{k: v for k, v in data.items() if k in names})


@functools.cache
def _field_set(cls) -> frozenset[str]:
    """A dataclass's field names as a set, asked once per class (reading thousands of stored events asks
    often). Not to be confused with :func:`_field_names`, whose order ``to_dict`` keeps: a set's order changes
    with each process's string hashing, and stored JSON written in it differed from run to run."""
    return frozenset(f.name for f in dataclasses.fields(cls))


def normalise_for_hash(text: str) -> str:
    """Text reduced to what makes two copies the same article: NFKC, case-folded, whitespace folded.

    ``str.split`` splits on exactly the characters ``re``'s ``\\s`` matches (both ask
    ``str.isspace``), at a third of the cost of a substitution: stored hashes are unchanged."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def content_hash(title: str | None, text: str) -> str:
    """Stable hash of an article's normalised content; equal for re-ingests of the same article."""
    payload = normalise_for_hash(title or "") + "\n" + normalise_for_hash(text)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Span:
    """A stretch of ``Article.clean_text``: ``clean_text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict) -> "Sentence":
        sentence = _from_dict(cls, data)
        sentence.tokens = [_from_dict(Token, t) for t in data.get("tokens", [])]
        return sentence


@dataclass(slots=True)
class Mention:
    """A named actor, organisation, country or place in the text, linked to the knowledge base if possible.

    ``label`` is the surface class (``PER``, ``ORG``, ``LOC`` from NER or the gazetteer; ``TITLE`` for role
    phrases such as "Menlu AS"). ``kind`` is what the knowledge base says it is (``person``,
    ``organisation``, ``country``, ``place``) and is None when the mention is unresolved.
    """

    start: int
    end: int
    text: str
    label: str
    source: str = "ner"  # ner | kb | title
    kb_id: str | None = None
    kind: str | None = None
    name: str | None = None  # canonical English/Latin name
    country: str | None = None  # ISO 3166-1 alpha-3, IGO for international organisations
    role: str | None = None  # role held at the article's reference date
    lat: float | None = None
    lon: float | None = None
    score: float | None = None

    @classmethod
    def from_dict(cls, data: dict) -> "Mention":
        return _from_dict(cls, data)

    @property
    def names_a_person(self) -> bool:
        """A person by name: one the knowledge base knows as a person, or an unresolved PER mention (a title
        phrase such as "Menlu AS" names an office, not a person)."""
        return self.kind == "person" or (self.kind is None and self.label == "PER")

    @property
    def names_a_person_or_title(self) -> bool:
        """A person by name or by office ("Menlu AS"): one the knowledge base knows as a person, or an
        unresolved PER or TITLE mention (the knowledge base's kind wins over the tagger's label)."""
        return self.kind == "person" or (self.kind is None and self.label in ("PER", "TITLE"))


@dataclass(slots=True)
class TimeExpression:
    """A temporal expression normalised to a TimeML value against the article's anchor date."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # e.g. 2015-05-12, 2014-10, XXXX-05-12, P4H, PT105M
    flags: list[str] = field(default_factory=list)  # e.g. weekday_conflict, year_inferred
    alternatives: list[str] = field(default_factory=list)
    basis: str | None = None  # how the value was reached (anchor, stated year, tenure ...)

    @classmethod
    def from_dict(cls, data: dict) -> "TimeExpression":
        return _from_dict(cls, data)


@dataclass(slots=True)
class Evidence:
    """The words that support one field of an event, in one article."""

    article_id: str
    field: str  # trigger | participant | location | date | duration | topic
    text: str
    start: int
    end: int

    @classmethod
    def from_dict(cls, data: dict) -> "Evidence":
        return _from_dict(cls, data)


@dataclass(slots=True)
class Participant:
    name: str
    mention: str | None = None
    country: str | None = None
    role: str | None = None
    kind: str | None = None  # person | organisation | country
    kb_id: str | None = None
    side: str = "actor"  # actor | recipient

    @classmethod
    def from_dict(cls, data: dict) -> "Participant":
        return _from_dict(cls, data)


# Places no sentence of the event states, inferred from the dateline or from the parties' one country
# (linimasa.events.places): shown, but never evidence that two reports tell two different events.
DATELINE_PLACE = "dateline"
PARTICIPANTS_PLACE = "participants"
DATED_PLACE = "dated_place"  # the place another sentence writes with the event's own day
SEAT_PLACE = "seat"  # the town where a party sits (the knowledge base's seats), no place being stated
ANAPHOR_PLACE = "anaphor"  # the place told before that the event's sentence refers back to ("tiba di lokasi")
# the place of the meeting the event's sentence names as its occasion ("Dalam pertemuan itu, keduanya sepakat ...")
OCCASION_PLACE = "occasion"
INFERRED_PLACE_BASES = frozenset({DATELINE_PLACE, PARTICIPANTS_PLACE, DATED_PLACE, SEAT_PLACE, ANAPHOR_PLACE,
                                  OCCASION_PLACE})


@dataclass(slots=True)
class Location:
    name: str
    city: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kb_id: str | None = None

    @classmethod
    def from_dict(cls, data: dict | None) -> "Location | None":
        return _from_dict(cls, data)


@dataclass
class Event:
    """One event as reported in one article (an event *mention*), or, after linking, one real event."""

    id: str
    type: str  # PLOVER type, e.g. CONSULT
    mode: str | None = None
    modality: str = "asserted"
    date: str | None = None  # YYYY-MM-DD, YYYY-MM, YYYY or None
    date_flags: list[str] = field(default_factory=list)
    date_alternatives: list[str] = field(default_factory=list)
    date_basis: str | None = None
    location: Location | None = None
    location_basis: str | None = None  # trigger_sentence | reference | anaphor | occasion | dated_place | dateline | seat | participants
    participants: list[Participant] = field(default_factory=list)
    duration_minutes: int | None = None
    topics: list[str] = field(default_factory=list)
    summary: str | None = None
    article_id: str | None = None
    trigger: Span | None = None
    evidence: list[Evidence] = field(default_factory=list)
    background: bool = False  # recalled as background to the article's news, not its news
    confidence: float = 1.0
    # Why the learned decision kept it: {"model", "score", "threshold", "features": [{"feature", "weight"}]}
    decision: dict | None = None
    # Of a mention: its article's words, entity ids, day and outlet, which linking compares (link_features)
    signature: dict | None = None
    # Of a linked event: why each further source joined it, {"article_id", "mention", "with", "by", "score",
    # "threshold", "features": [{"feature", "value", "weight"}]} (link.py, docs/contract-extensions.md)
    links: list[dict] = field(default_factory=list)

    def to_json(self) -> str:
        """The event as the store keeps it: every field, evidence included (the outputs show it as
        :func:`linimasa.event_schema.event_record` makes it)."""
        return json.dumps(to_dict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Event":
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, data: dict) -> "Event":
        event = _from_dict(cls, data)
        event.location = Location.from_dict(data.get("location"))
        event.participants = [Participant.from_dict(p) for p in data.get("participants", [])]
        event.trigger = _from_dict(Span, data.get("trigger"))
        event.evidence = [Evidence.from_dict(e) for e in data.get("evidence", [])]
        return event


@dataclass
class Story:
    id: str
    title: str
    overview: str
    event_ids: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


@dataclass
class Article:
    """A news article, raw on input and annotated by the stages.

    ``text`` is the text as read (HTML already reduced to text by the reader); ``clean_text`` is what the
    extractors see, and every span of every annotation points into it.
    """

    id: str | None
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date or datetime as given
    lang: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    source: str | None = None  # the input it came from, e.g. "corpus/a.jsonl:12"
    html: str | None = None

    content_hash: str | None = None
    clean_text: str | None = None
    dateline: dict[str, Any] | None = None  # {"place": ..., "outlet": ..., "text": ...}
    credits: dict[str, Any] = field(default_factory=dict)  # {"editors": [...], "wire": [...], "authors": [...]}
    related_links: list[str] = field(default_factory=list)  # "Baca juga" titles/links
    removed: list[dict[str, Any]] = field(default_factory=list)  # what cleaning removed and why
    anchor: dict[str, Any] | None = None  # {"date": ..., "basis": ...}: reference date for time expressions
    near_duplicate_of: str | None = None  # group key of near-duplicate reports (kept, grouped)

    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    status: str = "processed"
    reason: str | None = None
    duplicate_of: str | None = None

    def compute_hash(self) -> str:
        self.content_hash = content_hash(self.title, self.text)
        return self.content_hash

    def derive_id(self) -> str:
        """The id of an article given none: derived from its content, so a re-ingest maps to the same id."""
        return "a-" + (self.content_hash or self.compute_hash())[:20]

    @property
    def working_text(self) -> str:
        return self.clean_text if self.clean_text is not None else self.text

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.working_text[start:end])

    def annotations(self) -> dict[str, Any]:
        """The derived parts of the article, for storage as JSON."""
        return {
            "dateline": self.dateline,
            "credits": self.credits,
            "related_links": self.related_links,
            "removed": self.removed,
            "anchor": self.anchor,
            # Spans only: a sentence's text is its slice of clean_text and its tokens are recomputed cheaply,
            # so storing them would multiply the size of every stored article for nothing.
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
            "mentions": to_dict(self.mentions),
            "times": to_dict(self.times),
        }

    def annotations_json(self) -> str:
        """:meth:`annotations` as the JSON text the store keeps."""
        return json.dumps(self.annotations(), ensure_ascii=False)

    def event_rows(self) -> list[tuple[str, str, str, str | None, str]]:
        """Each event mention as the store keeps it: id, type, modality, date and the whole event as JSON."""
        return [(e.id, e.type, e.modality, e.date, e.to_json()) for e in self.events]

    def load_annotations(self, data: dict[str, Any]) -> None:
        self.dateline = data.get("dateline")
        self.credits = data.get("credits") or {}
        self.related_links = data.get("related_links") or []
        self.removed = data.get("removed") or []
        self.anchor = data.get("anchor")
        text = self.working_text
        self.sentences = [Sentence(s["start"], s["end"], text[s["start"] : s["end"]]) for s in data.get("sentences", [])]
        self.mentions = [Mention.from_dict(m) for m in data.get("mentions", [])]
        self.times = [TimeExpression.from_dict(t) for t in data.get("times", [])]


@dataclass(slots=True)
class Rejection:
    """An input that could not become an article, with the reason a user can act on."""

    source: str
    reason: str
    article_id: str | None = None
