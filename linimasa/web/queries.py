"""Every query the web view and API run, in parameterised SQL over a read-only store connection.

Filters are pushed into SQL so a page of 100,000 events costs one indexed query and one count, never a
Python loop over all events. Event objects are built with :func:`linimasa.export.event_record`, so the
API and ``linimasa events`` describe an event the same way.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from linimasa import yamldata

from ..export import actor_identities, event_record
from ..model import Event

ZOOMS = {"year": 4, "month": 7, "day": 10}
WORD = re.compile(r"\w+", re.UNICODE)


@functools.cache
def quad_classes() -> dict[str, str]:
    """PLOVER type -> quad category (verbal_cooperation, material_conflict, ...)."""
    data = yamldata.safe_load((Path(__file__).with_name("plover.yaml")).read_text(encoding="utf-8"))
    return {event_type: quad for quad, types in data.items() for event_type in types}


def event_types() -> list[str]:
    return list(quad_classes())


def side_of(event_type: str) -> str:
    """cooperation, conflict or other (a type outside PLOVER's sixteen)."""
    quad = quad_classes().get(event_type)
    return quad.split("_", 1)[1] if quad else "other"


@dataclass(frozen=True)
class EventFilter:
    """What the timeline, the map and the event API filter on; every field optional."""

    since: date | None = None
    until: date | None = None
    actors: tuple[str, ...] = ()
    country: str | None = None
    type: str | None = None
    mode: str | None = None
    outlet: str | None = None
    q: str | None = None
    place: str | None = None
    story: str | None = None
    modality: str | None = None
    include_all: bool = False

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition on the columns of events ``e`` (participants, outlets and words are looked up
        separately, by :func:`plan`)."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.modality:
            clauses.append("e.modality = ?")
            params.append(self.modality)
        elif not self.include_all:
            clauses.append("e.modality = 'asserted' AND e.background = 0")
        if self.since:
            since = self.since.isoformat()
            # an event dated only by month or year is kept when its period reaches the range
            clauses.append("e.date >= ? AND e.date >= substr(?, 1, length(e.date))")
            params += [since[:4], since]
        if self.until:
            until = self.until.isoformat()
            clauses.append("e.date <= ? AND e.date <= substr(?, 1, length(e.date))")
            params += [until, until]
        for column, value in (("type", self.type), ("mode", self.mode), ("location", self.place),
                              ("story_id", self.story)):
            if value:
                clauses.append(f"e.{column} = ?")
                params.append(value)
        return (" AND ".join(clauses) or "1"), params

    @property
    def has_lookups(self) -> bool:
        return bool(self.actors or self.country or self.outlet or self.q)


@dataclass(frozen=True)
class Plan:
    """A filter as SQL for one request: its lookups already run, their events passed as one JSON list.

    ``page_where`` is the same condition written for a query that stops after a page: it may test each
    event it meets on its own instead of first gathering every match (see :func:`words_condition`)."""

    where: str
    params: list[Any]
    page_where: str | None = None
    page_params: list[Any] | None = None
    density: float = 1.0  # at least this share of the events walked in date order match

    def for_page(self, offset: int, limit: int) -> tuple[str, list[Any]]:
        """The condition for a page: testing event by event costs per event walked, so when the page lies
        deeper than ``PER_EVENT_MAX_WALK`` events are likely to be walked, gathering the matches once is
        cheaper."""
        if self.page_where is None or (offset + limit) / self.density > PER_EVENT_MAX_WALK:
            return self.where, self.params
        return self.page_where, self.page_params or []


# Testing one event costs about a twenty-thousandth of gathering the matches of common words (measured by
# benchmarks/bench_web.py), so up to this many events walked, testing wins.
PER_EVENT_MAX_WALK = 20_000


# Article ids come from the id index (which holds each rowid), never from the wide article rows.
MATCHING_ARTICLES = ("SELECT a.id FROM articles a INDEXED BY sqlite_autoindex_articles_1 WHERE a.rowid IN "
                     "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
MATCHING_SUMMARIES = "SELECT rowid FROM events_fts WHERE events_fts MATCH ?"


def lookup_ids(conn: sqlite3.Connection, flt: EventFilter, with_words: bool = True) -> set[str] | None:
    """The ids of the events every participant, outlet and words filter allows (None: no such filter).
    ``with_words=False`` leaves the words to the SQL condition of :func:`words_condition`."""
    found: list[set[str]] = []

    def ids(sql: str, *params: Any) -> None:
        found.append({r[0] for r in conn.execute(sql, params)})

    for actor in flt.actors:
        # By any alias the knowledge base knows ("Jokowi", "Rusia"), as the CLI's --actor does.
        known = actor_identities(actor)
        kb_ids, countries = sorted(known.kb_ids | {actor}), sorted(known.countries | {actor.upper()})
        names = sorted(known.names | {actor})
        ids("SELECT event_id FROM event_participants WHERE name COLLATE NOCASE IN"
            f" ({', '.join('?' * len(names))}) OR kb_id IN ({', '.join('?' * len(kb_ids))})"
            f" OR country IN ({', '.join('?' * len(countries))})", *names, *kb_ids, *countries)
    if flt.country:
        ids("SELECT event_id FROM event_participants WHERE country = ?", flt.country)
    if flt.outlet:
        ids("SELECT event_id FROM event_sources WHERE article_id IN (SELECT id FROM articles WHERE outlet = ?)",
            flt.outlet)
    if flt.q and with_words:
        words = fts_query(flt.q)
        ids(f"SELECT event_id FROM event_sources WHERE article_id IN ({MATCHING_ARTICLES}) "
            f"UNION SELECT e.id FROM events e WHERE e.rowid IN ({MATCHING_SUMMARIES})", words, words)
    if not found:
        return None
    found.sort(key=len)
    return found[0].intersection(*found[1:])


def words_condition(words: str, per_event: bool) -> tuple[str, list[Any]]:
    """Events whose source articles or summary hold all ``words``, as SQL on events ``e``.

    The gathering form collects every matching event once (best when the query reads all of them: a
    count, a histogram); the ``per_event`` form looks up each event's sources as the query meets it (best
    when it stops after a page, walking the date order through events that mostly match)."""
    if per_event:
        return ("(EXISTS (SELECT 1 FROM event_sources s JOIN articles a INDEXED BY sqlite_autoindex_articles_1 "
                "ON a.id = s.article_id WHERE s.event_id = e.id AND a.rowid IN "
                "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)) "
                f"OR e.rowid IN ({MATCHING_SUMMARIES}))", [words, words])
    return (f"(e.id IN (SELECT event_id FROM event_sources WHERE article_id IN ({MATCHING_ARTICLES})) "
            f"OR e.rowid IN ({MATCHING_SUMMARIES}))", [words, words])


@dataclass(frozen=True)
class WordHits:
    """How many stored articles hold all of a query's words (counted up to ``MAX_COUNTED_HITS``)."""

    hits: int
    articles: int

    @property
    def share(self) -> float:
        """The share of the articles holding the words (at least this, when the count hit its cap)."""
        return self.hits / self.articles if self.articles else 0.0

    @property
    def common(self) -> bool:
        """Whether so many articles hold the words that gathering their events in Python would cost more
        than letting SQL test events as it meets them."""
        return not few(self.hits, self.articles)


def few(count: int, stored: int) -> bool:
    """Whether ``count`` of ``stored`` rows is few enough to start a query from them: under a hundredth of
    the store, or under 500."""
    return count < max(500, stored // 100)


def word_hits(conn: sqlite3.Connection, words: str) -> WordHits:
    stored = conn.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0
    hits = conn.execute(
        "SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
        (words, MAX_COUNTED_HITS),
    ).fetchone()[0]
    return WordHits(hits, stored)


MAX_COUNTED_HITS = 50_000


def plan(conn: sqlite3.Connection, flt: EventFilter) -> Plan:
    """The filter's SQL for this store. Lookups run once here; when they leave few events (under a hundredth
    of the store) the query starts from those events, otherwise from the date-ordered index, testing each
    event against the list. Words that many articles hold are not looked up but tested in SQL."""
    where, params = flt.where()
    words = fts_query(flt.q) if flt.q else None
    found = word_hits(conn, words) if words else None
    dense_words = found is not None and found.common
    allowed = lookup_ids(conn, flt, with_words=not dense_words)
    if allowed is not None and not allowed:
        return Plan("0", [])
    if allowed is not None:
        stored = conn.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0
        if few(len(allowed), stored):
            # unary + stops SQLite, which has no statistics here, from preferring the modality index
            where = where.replace("e.modality", "+e.modality").replace("e.background", "+e.background")
        where, params = f"{where} AND e.id IN (SELECT value FROM json_each(?))", params + [json.dumps(list(allowed))]
    if not dense_words:
        return Plan(where, params)
    # after a short list of allowed events, testing each of them beats gathering every match
    gathered, gathered_params = words_condition(words, per_event=allowed is not None)
    tested, tested_params = words_condition(words, per_event=True)
    return Plan(f"{where} AND {gathered}", params + gathered_params, f"{where} AND {tested}", params + tested_params,
                density=found.share)


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query that cannot be a syntax error: every word quoted, all required."""
    return " ".join(f'"{w}"' for w in WORD.findall(text))


def has_words(text: str) -> bool:
    return bool(WORD.search(text))


# -- events -------------------------------------------------------------------------------------------


def count_events(conn: sqlite3.Connection, planned: Plan) -> int:
    where, params = planned.where, planned.params
    return conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]


def page_events(conn: sqlite3.Connection, planned: Plan, limit: int, offset: int) -> list[Event]:
    """One page of events in date order; undated events come last.

    The page's rows are chosen on the indexes alone and only then read, so a deep offset skips index
    entries, not whole events."""
    where, params = planned.for_page(offset, limit)
    rows = conn.execute(
        "SELECT data FROM events WHERE rowid IN (SELECT e.rowid FROM events e "
        f"WHERE {where} AND e.date IS NOT NULL ORDER BY e.date, e.id LIMIT ? OFFSET ?) ORDER BY date, id",
        params + [limit, offset],
    ).fetchall()
    if len(rows) < limit:
        dated = offset + len(rows) if rows else conn.execute(
            f"SELECT count(*) FROM events e WHERE {planned.where} AND e.date IS NOT NULL", planned.params
        ).fetchone()[0]
        rows += conn.execute(
            "SELECT data FROM events WHERE rowid IN (SELECT e.rowid FROM events e "
            f"WHERE {where} AND e.date IS NULL ORDER BY e.id LIMIT ? OFFSET ?) ORDER BY id",
            params + [limit - len(rows), max(0, offset - dated)],
        ).fetchall()
    return [Event.from_dict(json.loads(r["data"])) for r in rows]


def get_event(conn: sqlite3.Connection, event_id: str) -> Event | None:
    row = conn.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
    return Event.from_dict(json.loads(row["data"])) if row else None


def article_refs(conn: sqlite3.Connection, article_ids: list[str]) -> dict[str, dict[str, Any]]:
    ids = list(dict.fromkeys(article_ids))
    refs: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        marks = ",".join("?" * len(batch))
        for row in conn.execute(
            f"SELECT id, outlet, url, published, title FROM articles WHERE id IN ({marks})", batch
        ):
            refs[row["id"]] = dict(row)
    return refs


def event_records(conn: sqlite3.Connection, events: list[Event]) -> list[dict[str, Any]]:
    """The contract's event objects, plus the story each event belongs to."""
    refs = article_refs(conn, [ev.article_id for e in events for ev in e.evidence])
    stories = story_ids(conn, [e.id for e in events])
    records = []
    for event in events:
        record = event_record(event, refs)
        record["story_id"] = stories.get(event.id)
        records.append(record)
    return records


def story_ids(conn: sqlite3.Connection, event_ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for start in range(0, len(event_ids), 500):
        batch = event_ids[start : start + 500]
        marks = ",".join("?" * len(batch))
        for row in conn.execute(
            f"SELECT id, story_id FROM events WHERE id IN ({marks}) AND story_id IS NOT NULL", batch
        ):
            found[row["id"]] = row["story_id"]
    return found


def side_case() -> tuple[str, list[str]]:
    """SQL naming an event's side (cooperation / conflict / other) from its type, and its parameters."""
    sides: dict[str, list[str]] = {}
    for event_type in event_types():
        sides.setdefault(side_of(event_type), []).append(event_type)
    whens, params = [], []
    for side, types in sides.items():
        whens.append(f"WHEN e.type IN ({','.join('?' * len(types))}) THEN ?")
        params += types + [side]
    return f"CASE {' '.join(whens)} ELSE 'other' END", params


def histogram(conn: sqlite3.Connection, planned: Plan, zoom: str) -> list[dict[str, Any]]:
    """Events per year, month or day, split into cooperation, conflict and other (an event dated less
    precisely than the zoom counts at its own precision)."""
    side, side_params = side_case()
    rows = conn.execute(
        f"SELECT substr(e.date, 1, ?) AS period, {side} AS side, count(*) AS n FROM events e "
        f"WHERE {planned.where} AND e.date IS NOT NULL GROUP BY period, side ORDER BY period",
        [ZOOMS[zoom]] + side_params + planned.params,
    )
    periods: dict[str, dict[str, Any]] = {}
    for r in rows:
        item = periods.setdefault(
            r["period"], {"period": r["period"], "events": 0, "cooperation": 0, "conflict": 0, "other": 0}
        )
        item["events"] += r["n"]
        item[r["side"]] += r["n"]
    return list(periods.values())


def by_side(rows: Iterable[tuple[str, str, int]]) -> list[dict[str, Any]]:
    """(period, type, count) rows folded into one row a period: events, cooperation, conflict, other."""
    periods: dict[str, dict[str, Any]] = {}
    for period, event_type, count in rows:
        item = periods.setdefault(
            period, {"period": period, "events": 0, "cooperation": 0, "conflict": 0, "other": 0}
        )
        item["events"] += count
        item[side_of(event_type)] += count
    return list(periods.values())


def places(conn: sqlite3.Connection, planned: Plan, limit: int = 2000) -> list[dict[str, Any]]:
    """Event places with coordinates and how many events each saw, busiest first.

    Counted on the index; coordinates and country are then read from one event of each place."""
    counts = conn.execute(
        f"SELECT e.location AS name, count(*) AS n, min(e.rowid) AS sample FROM events e WHERE {planned.where} "
        "AND e.location IS NOT NULL GROUP BY e.location ORDER BY n DESC, name LIMIT ?",
        planned.params + [limit],
    ).fetchall()
    located = {
        r["rowid"]: r for r in conn.execute(
            "SELECT rowid, location_country AS country, json_extract(data, '$.location.lat') AS lat, "
            "json_extract(data, '$.location.lon') AS lon FROM events WHERE rowid IN (SELECT value FROM json_each(?))",
            (json.dumps([r["sample"] for r in counts]),),
        )
    }
    return [
        {"name": r["name"], "country": located[r["sample"]]["country"], "lat": located[r["sample"]]["lat"],
         "lon": located[r["sample"]]["lon"], "events": r["n"]}
        for r in counts
    ]


# -- actors -------------------------------------------------------------------------------------------


def actors(
    conn: sqlite3.Connection, q: str | None, country: str | None, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """Participants by name with their event counts, most active first."""
    clauses, params = [], []
    if q:
        # the user's % and _ are letters to find, not LIKE wildcards
        clauses.append("p.name LIKE ? ESCAPE '\\'")
        params.append(f"%{like_literal(q)}%")
    if country:
        clauses.append("p.country = ?")
        params.append(country)
    where = " AND ".join(clauses) or "1"
    total = conn.execute(f"SELECT count(DISTINCT p.name) FROM event_participants p WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        "SELECT p.name, max(p.country) AS country, max(p.kind) AS kind, max(p.kb_id) AS kb_id, "
        f"count(DISTINCT p.event_id) AS n FROM event_participants p WHERE {where} GROUP BY p.name "
        "ORDER BY n DESC, p.name LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    return total, [
        {"name": r["name"], "country": r["country"], "kind": r["kind"], "kb_id": r["kb_id"], "events": r["n"]}
        for r in rows
    ]


def like_literal(text: str) -> str:
    """``text`` as a LIKE pattern that matches itself only (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def actor(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    """An actor's identity, the roles seen in its events over time, its activity per month and counterparts."""
    row = conn.execute(
        "SELECT name, max(country) AS country, max(kind) AS kind, max(kb_id) AS kb_id, count(DISTINCT event_id) AS n "
        "FROM event_participants WHERE name = ? GROUP BY name",
        (name,),
    ).fetchone()
    if row is None:
        return None
    roles = conn.execute(
        "SELECT p.role, p.country, min(e.date) AS first, max(e.date) AS last, count(*) AS n "
        "FROM event_participants p JOIN events e ON e.id = p.event_id WHERE p.name = ? AND p.role IS NOT NULL "
        "GROUP BY p.role, p.country ORDER BY first",
        (name,),
    )
    activity = conn.execute(
        "SELECT substr(e.date, 1, 7) AS period, e.type, count(*) AS n FROM event_participants p "
        "JOIN events e ON e.id = p.event_id WHERE p.name = ? AND e.date IS NOT NULL GROUP BY period, e.type "
        "ORDER BY period",
        (name,),
    )
    counterparts = conn.execute(
        "SELECT o.name, max(o.country) AS country, count(DISTINCT o.event_id) AS n FROM event_participants p "
        "JOIN event_participants o ON o.event_id = p.event_id AND o.name != p.name WHERE p.name = ? "
        "GROUP BY o.name ORDER BY n DESC, o.name LIMIT 50",
        (name,),
    )
    return {
        "name": row["name"],
        "country": row["country"],
        "kind": row["kind"],
        "kb_id": row["kb_id"],
        "events": row["n"],
        "roles_seen": [
            {"role": r["role"], "country": r["country"], "first": r["first"], "last": r["last"], "events": r["n"]}
            for r in roles
        ],
        "activity": by_side((r["period"], r["type"], r["n"]) for r in activity),
        "counterparts": [{"name": r["name"], "country": r["country"], "events": r["n"]} for r in counterparts],
    }


# -- dyads --------------------------------------------------------------------------------------------


def dyad(conn: sqlite3.Connection, a: str, b: str, flt: EventFilter) -> list[dict[str, Any]]:
    """Events with participants of both countries, per month and per cooperation / conflict side."""
    planned = plan(conn, flt)
    where, params = planned.where, planned.params
    rows = conn.execute(
        "SELECT substr(e.date, 1, 7) AS period, e.type, count(*) AS n FROM events e "
        f"WHERE {where} AND e.date IS NOT NULL "
        "AND e.id IN (SELECT event_id FROM event_participants WHERE country = ?) "
        "AND e.id IN (SELECT event_id FROM event_participants WHERE country = ?) "
        "GROUP BY period, e.type ORDER BY period",
        params + [a, b],
    )
    rows = [(r["period"], r["type"], r["n"]) for r in rows]
    months = by_side(rows)
    for month in months:
        month["types"] = {t: n for p, t, n in rows if p == month["period"]}
    return months


# -- stories ------------------------------------------------------------------------------------------


def stories(conn: sqlite3.Connection, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    total = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    rows = conn.execute(
        "SELECT s.id, s.title, s.overview, (SELECT count(*) FROM events e WHERE e.story_id = s.id) AS n, "
        "(SELECT min(date) FROM events e WHERE e.story_id = s.id) AS first, "
        "(SELECT max(date) FROM events e WHERE e.story_id = s.id) AS last "
        "FROM stories s ORDER BY n DESC, s.id LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return total, [
        {"id": r["id"], "title": r["title"], "overview": r["overview"], "events": r["n"], "first": r["first"],
         "last": r["last"]}
        for r in rows
    ]


def story(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
    return json.loads(row["data"]) if row else None


# -- articles -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleFilter:
    outlet: str | None = None
    status: str | None = None
    q: str | None = None
    since: date | None = None
    until: date | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.outlet:
            clauses.append("a.outlet = ?")
            params.append(self.outlet)
        if self.status:
            clauses.append("a.status = ?")
            params.append(self.status)
        if self.since:
            clauses.append("a.published >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append("substr(a.published, 1, 10) <= ?")
            params.append(self.until.isoformat())
        if self.q:
            clauses.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_query(self.q))
        return (" AND ".join(clauses) or "1"), params


ARTICLE_COLUMNS = "a.id, a.title, a.outlet, a.url, a.published, a.lang, a.status, a.duplicate_of, a.reason"


def articles(conn: sqlite3.Connection, flt: ArticleFilter, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    where, params = flt.where()
    total = conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE {where} ORDER BY a.published IS NULL, a.published, a.id "
        "LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    return total, [_article_row(r) for r in rows]


def _article_row(row: sqlite3.Row) -> dict[str, Any]:
    record = dict(row)
    record["article_id"] = record.pop("id")
    return record


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """An article with its cleaned text and the ids of the events it reports."""
    row = conn.execute(
        f"SELECT {ARTICLE_COLUMNS}, coalesce(a.text_clean, a.text_raw) AS text FROM articles a WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    record = _article_row(row)
    record["event_ids"] = [
        r["event_id"] for r in conn.execute(
            "SELECT DISTINCT s.event_id FROM event_sources s JOIN events e ON e.id = s.event_id "
            "WHERE s.article_id = ? ORDER BY e.date, e.id",
            (article_id,),
        )
    ]
    return record


def article_sentences(conn: sqlite3.Connection, article_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The sentence spans (start, end) of articles, from their stored annotations."""
    found: dict[str, list[dict[str, Any]]] = {}
    for article_id in dict.fromkeys(article_ids):
        rows = conn.execute(
            "SELECT json_extract(value, '$.start') AS start, json_extract(value, '$.end') AS end "
            "FROM articles, json_each(articles.annotations, '$.sentences') WHERE articles.id = ?",
            (article_id,),
        )
        found[article_id] = [{"start": r["start"], "end": r["end"]} for r in rows]
    return found


def participant_countries(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT country FROM event_participants WHERE country IS NOT NULL ORDER BY 1"
    )]


def article_texts(conn: sqlite3.Connection, article_ids: list[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for article_id in dict.fromkeys(article_ids):
        row = conn.execute(
            "SELECT coalesce(text_clean, text_raw) AS text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is not None:
            texts[article_id] = row["text"]
    return texts


def outlets(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1")]


def modes(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT mode FROM events WHERE mode IS NOT NULL ORDER BY 1")]
