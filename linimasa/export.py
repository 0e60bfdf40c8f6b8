"""Records of the contract (events, articles) and the timeline, in JSONL, JSON, CSV and Markdown. An event's
record is made by :mod:`linimasa.event_schema`; the event table (CSV, Parquet) by :mod:`linimasa.event_table`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, TextIO

from . import dates
from .event_schema import event_record, reported_in
from .model import Event
from .outlets import outlet_name
from .store import Store

ARTICLE_FIELDS = (
    "article_id", "title", "text", "outlet", "url", "published", "lang", "status", "duplicate_of", "reason",
)


def is_default_visible(event: Event) -> bool:
    """By default only events asserted as having happened, and reported as news by some article."""
    return event.modality == "asserted" and not event.background


def event_records(store: Store, include_all: bool = False) -> Iterator[dict[str, Any]]:
    """The stored events as records (:mod:`linimasa.event_schema`), in the store's date order."""
    events = [e for e in store.iter_events() if include_all or is_default_visible(e)]
    articles = store.article_refs(reported_in(events))
    story_of = {event_id: story.id for story in store.iter_stories() for event_id in story.event_ids}
    for event in events:
        yield event_record(event, articles, story_of.get(event.id))


def article_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_id": row["id"],
        "title": row["title"],
        "text": row["text_clean"] if row["text_clean"] is not None else row["text_raw"],
        "outlet": outlet_name(row["outlet"], row["url"]),
        "url": row["url"],
        "published": row["published"],
        "lang": row["lang"],
        "status": row["status"],
        "duplicate_of": row["duplicate_of"],
        "reason": row["reason"],
        "near_duplicate_of": row["near_duplicate_of"],
        "version": row["version"],
    }


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _flat(row.get(k)) for k in columns})


# -- timeline -----------------------------------------------------------------------------------------


def _actor_matches(record: dict[str, Any], actor: str, identities=None) -> bool:
    """Whether a participant is the actor a user named: by the knowledge base's aliases (``identities``: the
    kb ids, canonical names and country codes the name stands for), or by the name, mention, country or id
    as written."""
    wanted = actor.casefold()
    for p in record["participants"]:
        if identities is not None and ((p.get("kb_id") and p["kb_id"] in identities.kb_ids)
                                       or (p.get("country") and p["country"] in identities.countries)
                                       or p.get("name") in identities.names):
            return True
        for value in (p.get("name"), p.get("mention"), p.get("country"), p.get("kb_id")):
            if value and (value.casefold() == wanted or (len(wanted) > 3 and wanted in value.casefold())):
                return True
    return False


def actor_identities(actor: str):
    """What the shipped knowledge base says a typed actor name stands for (see KnowledgeBase.identities)."""
    from .kb import load_kb

    return load_kb().identities(actor)


def _date_key(value: str | None) -> str:
    return value or "9999"


def timeline_records(
    store: Store, actors: Iterable[str] = (), since: date | None = None, until: date | None = None,
    include_all: bool = False,
) -> list[dict[str, Any]]:
    wanted = [(actor, actor_identities(actor)) for actor in actors]
    records = [
        r for r in event_records(store, include_all)
        if all(_actor_matches(r, a, ids) for a, ids in wanted) and dates.overlaps(r["date"], since, until)
    ]
    return sorted(records, key=lambda r: (_date_key(r["date"]), r["id"]))


def _party(p: dict[str, Any]) -> str:
    return p["name"] + (f" ({p['role']}, {p['country']})" if p.get("role") and p.get("country") else
                        f" ({p['country']})" if p.get("country") else "")


def who_to_whom(participants: list[dict[str, Any]]) -> str:
    """The parties as "actor(s) → recipient(s)" when the event has a direction (PLOVER's actor and recipient:
    the accuser and the accused, the visitor and the host), else the parties of a meeting of equals."""
    actors = [_party(p) for p in participants if p.get("side") != "recipient"]
    recipients = [_party(p) for p in participants if p.get("side") == "recipient"]
    if not recipients:
        return ", ".join(actors)
    return f"{', '.join(actors) or '(actor not named)'} → {', '.join(recipients)}"


# How a reader is told that a summary was written by linimasa from the record, not by a reporter.
GENERATED_LABEL = "ringkasan otomatis (generated from the record)"

TIMELINE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>linimasa timeline</title>
<style>
body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
li{margin:.8rem 0} .date{font-weight:600} .type{font-family:monospace} .meta{color:#555;font-size:.92em}
blockquote{margin:.3rem 0 .3rem 1rem;color:#444;border-left:3px solid #ccc;padding-left:.6rem}
.generated{font-size:.8em;background:#eef;border:1px solid #ccd;border-radius:3px;padding:0 .3em;color:#335}
cite{color:#666;font-size:.9em}
</style></head><body>
<h1>Timeline</h1>
{% if not records %}<p>No events match.</p>{% endif %}
<ol>
{% for r in records %}<li>
<span class="date">{{ r.date or "date unknown" }}</span>{% if r.date_flags %} [{{ r.date_flags|join(", ") }}]{% endif %}
<span class="type">{{ r.type }}{% if r.mode %}/{{ r.mode }}{% endif %}</span>{% if r.location %} in {{ r.location.name }}{% endif %}{% if r.duration_minutes %}, {{ r.duration_minutes }} min{% endif %}:
{{ who(r.participants) }}
{% if r.topics %}<div class="meta">topics: {{ r.topics|join(", ") }}</div>{% endif %}
{% if r.summary %}<p class="summary"><span class="generated">{{ generated }}</span> {{ r.summary }}</p>{% endif %}
{% set q = quotes.get(r.id) %}{% if q %}<blockquote>“{{ q.text }}” <cite>{{ q.outlet or q.article_id }}</cite></blockquote>{% endif %}
<div class="meta">sources ({{ r.sources|length }}): {% for s in r.sources %}{% if s.url %}<a href="{{ s.url }}">{{ s.outlet or s.article_id }}</a>{% else %}{{ s.outlet or s.article_id }}{% endif %}{% if not loop.last %}, {% endif %}{% endfor %}</div>
</li>
{% endfor %}</ol>
</body></html>
"""


def timeline_html(records: list[dict[str, Any]], quotes: dict[str, dict[str, Any]] | None = None) -> str:
    """The timeline as one self-contained HTML page (escaped: names and quotes are data, not markup)."""
    from jinja2 import Environment

    template = Environment(autoescape=True).from_string(TIMELINE_HTML)
    return template.render(records=records, who=who_to_whom, quotes=quotes or {}, generated=GENERATED_LABEL)


def timeline_markdown(records: list[dict[str, Any]], quotes: dict[str, dict[str, Any]] | None = None) -> str:
    """The timeline in Markdown: each event's line (date, type, place, actor → recipient), its sentence generated
    from the record (marked so) and, when ``quotes`` has it, the report's own sentence, quoted with its outlet."""
    quotes = quotes or {}
    out = io.StringIO()
    out.write("# Timeline\n\n")
    if not records:
        out.write("No events match.\n")
        return out.getvalue()
    for r in records:
        who = who_to_whom(r["participants"])
        where = f" in {r['location']['name']}" if r.get("location") else ""
        flags = f" [{', '.join(r['date_flags'])}]" if r["date_flags"] else ""
        duration = f", {r['duration_minutes']} min" if r.get("duration_minutes") else ""
        out.write(f"- **{r['date'] or 'date unknown'}**{flags} {r['type']}"
                  f"{'/' + r['mode'] if r.get('mode') else ''}{where}{duration}: {who}\n")
        if r.get("topics"):
            out.write(f"  - topics: {', '.join(r['topics'])}\n")
        if r.get("summary"):
            out.write(f"  - {GENERATED_LABEL}: {r['summary']}\n")
        quote = quotes.get(r["id"])
        if quote:
            out.write(f"  - > “{quote['text']}” ({quote['outlet'] or quote['article_id']})\n")
        outlets = ", ".join(s.get("outlet") or s["article_id"] for s in r["sources"])
        out.write(f"  - sources ({len(r['sources'])}): {outlets}\n")
    return out.getvalue()


def evidence_quotes(store: Store, records: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each event's quoted evidence: the sentence of its earliest report that holds the words naming the event
    (its trigger), as stored with the article; events whose article is not stored have none."""
    quotes: dict[str, dict[str, Any]] = {}
    articles: dict[str, tuple[str, list[dict[str, int]]] | None] = {}
    for record in records:
        for source in record["sources"]:
            trigger = next((e for e in source["evidence"] if e["field"] == "trigger"), None)
            if trigger is None:
                continue
            article_id = source["article_id"]
            if article_id not in articles:
                articles[article_id] = _text_and_sentences(store, article_id)
            stored = articles[article_id]
            if stored is None:
                continue
            text, sentences = stored
            span = next(((s["start"], s["end"]) for s in sentences if s["start"] <= trigger["start"] < s["end"]),
                        (trigger["start"], trigger["end"]))
            quotes[record["id"]] = {"text": " ".join(text[span[0]:span[1]].split()), "article_id": article_id,
                                    "outlet": source.get("outlet"), "url": source.get("url")}
            break
    return quotes


def _text_and_sentences(store: Store, article_id: str) -> tuple[str, list[dict[str, int]]] | None:
    row = store.article(article_id)
    if row is None:
        return None
    text = row["text_clean"] if row["text_clean"] is not None else row["text_raw"]
    try:
        sentences = json.loads(row["annotations"] or "{}").get("sentences") or []
    except ValueError:
        sentences = []
    return text or "", sentences
