"""The event record: the one shape an event has outside the pipeline.

`linimasa events` (JSON, JSONL), `linimasa timeline`, the event table (CSV, Parquet), the JSON API and the
web pages all show an event as :func:`event_record` makes it, so they cannot disagree on a field. The
record is the contract's event object (``../shared/contract.md``) with linimasa's extensions
(``docs/contract-extensions.md``): the provenance of each value (how the date was read, where the place was
read and which knowledge-base entry it is, the words that name the event, how sure the events stage is)
and the story the event belongs to.

The store keeps an event as the model's :class:`~linimasa.model.Event` in JSON (``Event.to_json``,
``Event.from_json``), which holds every source's evidence once; the record's sources are built from it and
the articles' references (outlet, URL, date, title) when it is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .events.summary import generate as generate_summary
from .events.summary import record_place_words
from .kb.admin1 import place_codes
from .kb.sectors import load_sectors
from .model import Event
from .outlets import outlet_name

# 1: the contract's object with date_basis, background and the participants' kind, side and kb_id.
# 2: adds the provenance the model always had (trigger, confidence, location_basis, the place's kb_id), the
#    story, why each source joined the event (link), who a party is in CAMEO terms and where a place is in
#    GeoNames terms; the summary is generated from the record.
EVENT_SCHEMA_VERSION = 2


@dataclass(frozen=True, slots=True)
class Field:
    """One key of the record: where it is specified ("contract" or "extension", with the schema version that
    added it) and what it means."""

    name: str
    origin: str
    meaning: str
    since: int = 1


LOCATION_FIELDS: tuple[Field, ...] = (
    Field("name", "contract", "the place as the knowledge base names it"),
    Field("city", "contract", "its city, when it is in one"),
    Field("country", "contract", "ISO 3166-1 alpha-3"),
    Field("lat", "contract", "latitude from the knowledge base"),
    Field("lon", "contract", "longitude from the knowledge base"),
    Field("kb_id", "extension", "the knowledge base's id of the place (geonames:..., country:...)", 2),
    Field("geonameid", "extension", "the GeoNames id of a gazetteer city", 2),
    Field("admin1", "extension", "its first-level division's English name (Indonesia's provinces, US states)", 2),
    Field("admin1_code", "extension", "that division's ISO 3166-2 code", 2),
    Field("admin1_geonames", "extension", "the GeoNames admin1 code, for every gazetteer city", 2),
)

PARTICIPANT_FIELDS: tuple[Field, ...] = (
    Field("name", "contract", "canonical English/Latin name"),
    Field("mention", "contract", "as the report writes it"),
    Field("country", "contract", "ISO 3166-1 alpha-3, IGO for international organisations"),
    Field("role", "contract", "the office held on the event's date"),
    Field("kind", "extension", "person, organisation, country, agent (a group named by a common noun) or role "
                               "(an office whose holder is not known)"),
    Field("side", "extension", "actor or recipient (PLOVER's source and target)"),
    Field("kb_id", "extension", "the knowledge base's id"),
    Field("sector", "extension", "the CAMEO/Phoenix agent code (GOV, MIL, ...), from the knowledge base", 2),
    Field("actor_code", "extension", "the CAMEO actor code (IDNGOVMIL, IGOUNO, RUS)", 2),
    Field("sector_basis", "extension", "what the codes were derived from, in words", 2),
)

EVIDENCE_FIELDS: tuple[Field, ...] = (
    Field("text", "contract", "the words as in the article"),
    Field("start", "contract", "character offset in the article's cleaned text"),
    Field("end", "contract", "character offset, exclusive"),
    Field("field", "extension", "which field they support: trigger, participant, location, date, duration, topic"),
)

SOURCE_FIELDS: tuple[Field, ...] = (
    Field("article_id", "contract", "the article's id, as given on input or derived from its content"),
    Field("outlet", "contract", "the outlet's one name (linimasa/data/outlets.csv)"),
    Field("url", "contract", "the article's URL"),
    Field("published", "contract", "the publication date or datetime as given"),
    Field("title", "contract", "the article's title"),
    Field("evidence", "contract", "the words of this article that support the event's fields"),
    Field("link", "extension", "why this source joined the event, or null for the source that founded it", 2),
)

LINK_FIELDS: tuple[Field, ...] = (
    Field("with", "extension", "the article of the source it was compared with", 2),
    Field("by", "extension", "rule or model", 2),
    Field("score", "extension", "the model's probability, or null (the rule)", 2),
    Field("threshold", "extension", "the score at which a source joins", 2),
    Field("features", "extension", "[{feature, value, weight}], strongest first", 2),
)

TRIGGER_FIELDS: tuple[Field, ...] = (
    Field("article_id", "extension", "the report whose words name the event", 2),
    Field("text", "extension", "the words", 2),
    Field("start", "extension", "character offset in that article's cleaned text", 2),
    Field("end", "extension", "character offset, exclusive", 2),
)

RECORD_FIELDS: tuple[Field, ...] = (
    Field("id", "contract", "the event's stable id"),
    Field("type", "contract", "PLOVER event type"),
    Field("mode", "contract", "PLOVER mode"),
    Field("modality", "contract", "asserted, future, hypothetical or negated"),
    Field("date", "contract", "YYYY-MM-DD, YYYY-MM, YYYY or null: what the reports support"),
    Field("date_flags", "contract", "e.g. weekday_conflict"),
    Field("date_alternatives", "contract", "other dates the text allows"),
    Field("date_basis", "extension", "how the date was read: clause, sentence, lead, context, anchor ..."),
    Field("location", "contract", "where it happened, or null"),
    Field("location_basis", "extension", "where the place was read: trigger_sentence, reference, anaphor, occasion, dated_place, dateline, seat, participants (the last six inferred)", 2),
    Field("participants", "contract", "who took part, each on a side"),
    Field("duration_minutes", "contract", "the length of talks, when a report states it"),
    Field("topics", "contract", "what the talks were about, in English"),
    Field("summary", "contract", "one Indonesian sentence generated from the record's fields, never quoted"),
    Field("background", "extension", "recalled as background by every report, not their news"),
    Field("trigger", "extension", "the words that name the event in its first report, or null", 2),
    Field("confidence", "extension", "how sure the events stage is, 0 to 1 (more reports, a date, a place: higher)",
          2),
    Field("story_id", "extension", "the story the event belongs to, or null", 2),
    Field("sources", "contract", "every article that reports the event, with its evidence"),
)

RECORD_KEYS: tuple[str, ...] = tuple(f.name for f in RECORD_FIELDS)


def event_record(event: Event, articles: Mapping[str, Mapping[str, Any]], story_id: str | None = None) -> dict[str, Any]:
    """The record of one (linked) event. ``articles`` gives each reporting article's ``outlet``, ``url``,
    ``published`` and ``title`` by id (an article missing from it still appears, with those unknown)."""
    location = None
    if event.location is not None:
        place = event.location
        location = {"name": place.name, "city": place.city, "country": place.country, "lat": place.lat,
                    "lon": place.lon, "kb_id": place.kb_id}
        location.update(place_codes(location))
    trigger = None
    if event.trigger is not None:
        trigger = {"article_id": event.article_id, "text": event.trigger.text, "start": event.trigger.start,
                   "end": event.trigger.end}
    record = {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "modality": event.modality,
        "date": event.date,
        "date_flags": list(event.date_flags),
        "date_alternatives": list(event.date_alternatives),
        "date_basis": event.date_basis,
        "location": location,
        "location_basis": event.location_basis if location is not None else None,
        "participants": [
            _with_actor_codes({"name": p.name, "mention": p.mention, "country": p.country, "role": p.role,
                               "kind": p.kind, "side": p.side, "kb_id": p.kb_id}, event.date)
            for p in event.participants
        ],
        "duration_minutes": event.duration_minutes,
        "topics": list(event.topics),
        "summary": event.summary,  # replaced by the sentence generated from the record, below
        "background": event.background,
        "trigger": trigger,
        "confidence": event.confidence,
        "story_id": story_id,
        "sources": _sources(event, articles),
    }
    record["summary"] = generate_summary(record, record_place_words(record))
    return record


def _with_actor_codes(party: dict[str, Any], date: str | None) -> dict[str, Any]:
    """A participant with its CAMEO codes from the knowledge base (linimasa/kb/sectors.py): ``sector`` (GOV,
    MIL, ...), ``actor_code`` (IDNGOVMIL, IGOUNO, RUS) and ``sector_basis``, each None when it does not say."""
    code = load_sectors().of(party, date)
    party["sector"] = code.sector if code else None
    party["actor_code"] = code.code if code else None
    party["sector_basis"] = code.basis if code else None
    return party


def _sources(event: Event, articles: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Each reporting article once, with its evidence in the order the event holds it (each span once), the
    earliest published first."""
    sources: dict[str, dict[str, Any]] = {}
    joined = {link["article_id"]: link for link in event.links}
    for item in event.evidence:
        source = sources.get(item.article_id)
        if source is None:
            ref = articles.get(item.article_id, {})
            source = sources[item.article_id] = {
                "article_id": item.article_id,
                "outlet": outlet_name(ref.get("outlet"), ref.get("url")),
                "url": ref.get("url"),
                "published": ref.get("published"),
                "title": ref.get("title"),
                "evidence": [],
                "link": _link(joined.get(item.article_id)),
            }
        span = {"text": item.text, "start": item.start, "end": item.end, "field": item.field}
        if span not in source["evidence"]:
            source["evidence"].append(span)
    return sorted(sources.values(), key=lambda s: (s.get("published") or "", s["article_id"]))


def _link(link: dict[str, Any] | None) -> dict[str, Any] | None:
    """Why a source joined the event (None for the source that founded it), as linking recorded it."""
    if link is None:
        return None
    return {"with": link.get("with"), "by": link.get("by"), "score": link.get("score"),
            "threshold": link.get("threshold"), "features": list(link.get("features") or [])}


def reported_in(events: list[Event]) -> list[str]:
    """The ids of the articles the events' sources come from, for looking up their references."""
    return list(dict.fromkeys(item.article_id for event in events for item in event.evidence))
