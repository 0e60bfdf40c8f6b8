"""The reads of the web view and the API, over SQL, written once for every database.

Filters are pushed into SQL so a page of 100,000 events costs one indexed query and one count, never a
Python loop over all events. Where databases differ (full-text search, lists of ids as one parameter,
JSON, case-blind names, planner hints) the statement asks the store's dialect. :class:`BrowseSQL` is mixed
into :class:`~linimasa.store.sql.SQLStore`; it needs its ``execute``, ``_rows_in`` and ``dialect``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .. import dates
from ..model import Event
from .base import EventQuery
from .filters import ArticleFilter, EventFilter
from .schema import ARTICLE_WORDS, EVENT_WORDS

ZOOMS = {"year": 4, "month": 7, "day": 10}  # characters of a date that name its period

# Testing one event costs about a twenty-thousandth of gathering the matches of common words (measured by
# benchmarks/bench_web.py), so up to this many events walked, testing wins.
PER_EVENT_MAX_WALK = 20_000
MAX_COUNTED_HITS = 50_000

ARTICLE_COLUMNS = "a.id, a.title, a.outlet, a.url, a.published, a.lang, a.status, a.duplicate_of, a.reason"


@dataclass(frozen=True)
class SQLEventQuery(EventQuery):
    """A filter as SQL for one request: its lookups already run, their events passed as one parameter.

    ``page_where`` is the same condition written for a query that stops after a page: it may test each
    event it meets on its own instead of first gathering every match (see :meth:`BrowseSQL._words_condition`)."""

    where: str = "1=1"
    params: tuple[Any, ...] = ()
    page_where: str | None = None
    page_params: tuple[Any, ...] = ()
    density: float = 1.0  # at least this share of the events walked in date order match

    def for_page(self, offset: int, limit: int) -> tuple[str, tuple[Any, ...]]:
        """The condition for a page: testing event by event costs per event walked, so when the page lies
        deeper than ``PER_EVENT_MAX_WALK`` events are likely to be walked, gathering the matches once is
        cheaper."""
        if self.page_where is None or (offset + limit) / self.density > PER_EVENT_MAX_WALK:
            return self.where, self.params
        return self.page_where, self.page_params


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


class BrowseSQL:
    """The web view's read methods of :class:`~linimasa.store.base.Store`, in SQL."""

    # -- planning a filter ----------------------------------------------------------------------------

    def _stored_rows(self, table: str) -> int:
        """About how many rows ``table`` holds (its span of rowids: exact unless rows were deleted). Two
        subqueries: each of max() and min() alone is one index lookup, both in one SELECT scan the table."""
        row = self.execute(f"SELECT (SELECT max(rowid) FROM {table}) - (SELECT min(rowid) FROM {table}) + 1 AS n"
                           ).fetchone()
        return row["n"] or 0

    def _filter_where(self, flt: EventFilter, few_events: bool) -> tuple[str, list[Any]]:
        """The SQL condition on the columns of events ``e`` (participants, outlets and words are looked up
        separately). ``few_events``: the query will start from a short list of events, so the modality
        columns must not steer it onto their index."""
        d = self.dialect
        modality, background = ("e.modality", "e.background") if not few_events else (
            d.unindexed("e.modality"), d.unindexed("e.background"))
        clauses: list[str] = []
        params: list[Any] = []
        if flt.modality:
            clauses.append(f"{modality} = ?")
            params.append(flt.modality)
        elif not flt.include_all:
            clauses.append(f"{modality} = 'asserted' AND {background} = 0")
        # an event dated only by month or year is kept when its period reaches the range
        dated, dated_params = dates.sql_overlaps("e.date", flt.since, flt.until)
        clauses += dated
        params += dated_params
        for column, value in (("type", flt.type), ("mode", flt.mode), ("location", flt.place),
                              ("story_id", flt.story)):
            if value:
                clauses.append(f"e.{column} = ?")
                params.append(value)
        return (" AND ".join(clauses) or "1=1"), params

    def _lookups(self, flt: EventFilter, with_words: bool) -> list[tuple[str, list[Any]]]:
        """The participant, outlet and words filters, each as SQL selecting the ``event_id`` of the events
        it allows, with its parameters. ``with_words=False`` leaves the words to the SQL condition of
        :meth:`_words_condition`."""
        d = self.dialect
        lookups: list[tuple[str, list[Any]]] = []
        for actor in flt.actors:
            names, kb_ids, countries = sorted(actor.names), sorted(actor.kb_ids), sorted(actor.countries)
            lookups.append((
                f"SELECT event_id FROM event_participants WHERE {d.nocase_in('name', len(names))}"
                f" OR kb_id IN ({', '.join('?' * len(kb_ids))}) OR country IN ({', '.join('?' * len(countries))})",
                [*names, *kb_ids, *countries]))
        if flt.country:
            lookups.append(("SELECT event_id FROM event_participants WHERE country = ?", [flt.country]))
        if flt.outlet:
            lookups.append(("SELECT event_id FROM event_sources WHERE article_id IN "
                            "(SELECT id FROM articles WHERE outlet = ?)", [flt.outlet]))
        if flt.q and with_words:
            words = d.words(flt.q)
            lookups.append((f"SELECT event_id FROM event_sources WHERE article_id IN ({self._matching_articles()}) "
                            f"UNION SELECT e.id AS event_id FROM events e WHERE {d.holds_words(EVENT_WORDS, 'e')}",
                            [words, words]))
        return lookups

    def _lookup_ids(self, lookups: list[tuple[str, list[Any]]]) -> set[str]:
        """The ids of the events every lookup allows."""
        found = [{r["event_id"] for r in self.execute(sql, params)} for sql, params in lookups]
        found.sort(key=len)
        return found[0].intersection(*found[1:])

    def _matching_articles(self) -> str:
        """Ids of the articles holding the words (one parameter)."""
        return f"SELECT a.id FROM {self.dialect.articles_by_id('a')} WHERE {self.dialect.holds_words(ARTICLE_WORDS, 'a')}"

    def _words_condition(self, words: Any, per_event: bool) -> tuple[str, list[Any]]:
        """Events whose source articles or summary hold all ``words``, as SQL on events ``e``.

        The gathering form collects every matching event once (best when the query reads all of them: a
        count, a histogram); the ``per_event`` form looks up each event's sources as the query meets it (best
        when it stops after a page, walking the date order through events that mostly match)."""
        d = self.dialect
        summary = d.holds_words(EVENT_WORDS, "e")
        if per_event:
            return (f"(EXISTS (SELECT 1 FROM event_sources s JOIN {d.articles_by_id('a')} ON a.id = s.article_id "
                    f"WHERE s.event_id = e.id AND {d.holds_words(ARTICLE_WORDS, 'a')}) OR {summary})", [words, words])
        return (f"(e.id IN (SELECT event_id FROM event_sources WHERE article_id IN ({self._matching_articles()})) "
                f"OR {summary})", [words, words])

    def word_hits(self, text: str) -> WordHits:
        row = self.execute(self.dialect.count_holding_words(ARTICLE_WORDS),
                           (self.dialect.words(text), MAX_COUNTED_HITS)).fetchone()
        return WordHits(row["n"], self._stored_rows("articles"))

    def event_query(self, flt: EventFilter) -> SQLEventQuery:
        """The filter's SQL for this store. On a database that keeps no statistics (SQLite) the lookups run
        once here; when they leave few events (under a hundredth of the store) the query starts from those
        events, otherwise from the date-ordered index, testing each event against the list. Words that many
        articles hold are not looked up but tested in SQL."""
        found = self.word_hits(flt.q) if flt.q else None
        dense_words = found is not None and found.common
        lookups = self._lookups(flt, with_words=not dense_words)
        if self.dialect.joins_lookups:
            # the database's planner, which keeps statistics, joins the lookups itself
            where, params = self._filter_where(flt, few_events=False)
            for sql, lookup_params in lookups:
                where, params = f"{where} AND e.id IN ({sql})", params + lookup_params
        else:
            allowed = self._lookup_ids(lookups) if lookups else None
            if allowed is not None and not allowed:
                return SQLEventQuery(flt, "1=0")
            few_events = allowed is not None and few(len(allowed), self._stored_rows("events"))
            where, params = self._filter_where(flt, few_events)
            if allowed is not None:
                where = f"{where} AND {self.dialect.in_list('e.id')}"
                params.append(self.dialect.list_param(list(allowed)))
        if not dense_words:
            return SQLEventQuery(flt, where, tuple(params))
        words = self.dialect.words(flt.q)
        # after other lookups (a short list of events, mostly), testing each event beats gathering every match
        gathered, gathered_params = self._words_condition(words, per_event=bool(lookups))
        tested, tested_params = self._words_condition(words, per_event=True)
        return SQLEventQuery(flt, f"{where} AND {gathered}", tuple(params + gathered_params),
                             f"{where} AND {tested}", tuple(params + tested_params), density=found.share)

    # -- events ---------------------------------------------------------------------------------------

    def count_events(self, query: SQLEventQuery) -> int:
        return self.execute(f"SELECT count(*) AS n FROM events e WHERE {query.where}", query.params).fetchone()["n"]

    def page_events(self, query: SQLEventQuery, limit: int, offset: int) -> list[Event]:
        """One page of events in date order; undated events come last.

        The page's ids are chosen on the indexes alone (every index on events holds the id) and only then
        the rows read, so a deep offset skips index entries, not whole events."""
        where, params = query.for_page(offset, limit)
        rows = self.execute(
            "SELECT data FROM events WHERE id IN (SELECT e.id FROM events e "
            f"WHERE {where} AND e.date IS NOT NULL ORDER BY e.date, e.id LIMIT ? OFFSET ?) ORDER BY date, id",
            params + (limit, offset),
        ).fetchall()
        if len(rows) < limit:
            dated = offset + len(rows) if rows else self.execute(
                f"SELECT count(*) AS n FROM events e WHERE {query.where} AND e.date IS NOT NULL", query.params
            ).fetchone()["n"]
            rows += self.execute(
                "SELECT data FROM events WHERE id IN (SELECT e.id FROM events e "
                f"WHERE {where} AND e.date IS NULL ORDER BY e.id LIMIT ? OFFSET ?) ORDER BY id",
                params + (limit - len(rows), max(0, offset - dated)),
            ).fetchall()
        return [Event.from_json(r["data"]) for r in rows]

    def event(self, event_id: str) -> Event | None:
        if not self.dialect.holds(event_id):
            return None
        row = self.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return Event.from_json(row["data"]) if row else None

    def story_ids(self, event_ids: list[str]) -> dict[str, str]:
        rows = self._rows_in("SELECT id, story_id FROM events WHERE id IN ({}) AND story_id IS NOT NULL", event_ids)
        return {row["id"]: row["story_id"] for row in rows}

    def event_periods(self, query: SQLEventQuery, zoom: str) -> list[tuple[str, str, int]]:
        """(period, type, events) of the dated events, by period (an event dated less precisely than the
        zoom counts at its own precision)."""
        rows = self.execute(
            "SELECT substr(e.date, 1, ?) AS period, e.type AS type, count(*) AS n FROM events e "
            f"WHERE {query.where} AND e.date IS NOT NULL GROUP BY period, e.type ORDER BY period, e.type",
            (ZOOMS[zoom],) + query.params,
        )
        return [(r["period"], r["type"], r["n"]) for r in rows]

    def event_places(self, query: SQLEventQuery, limit: int = 2000) -> list[dict[str, Any]]:
        """Event places with coordinates and how many events each saw, busiest first.

        Counted on the index; coordinates and country are then read from one event of each place."""
        d = self.dialect
        counts = self.execute(
            f"SELECT e.location AS name, count(*) AS n, min(e.rowid) AS sample FROM events e WHERE {query.where} "
            "AND e.location IS NOT NULL GROUP BY e.location ORDER BY n DESC, name LIMIT ?",
            query.params + (limit,),
        ).fetchall()
        located = {
            r["rowid"]: r for r in self.execute(
                f"SELECT rowid, location_country AS country, {d.json_number('data', 'location', 'lat')} AS lat, "
                f"{d.json_number('data', 'location', 'lon')} AS lon FROM events WHERE {d.in_list('rowid')}",
                (d.list_param([r["sample"] for r in counts]),),
            )
        }
        return [
            {"name": r["name"], "country": located[r["sample"]]["country"], "lat": located[r["sample"]]["lat"],
             "lon": located[r["sample"]]["lon"], "events": r["n"]}
            for r in counts
        ]

    def dyad_periods(self, query: SQLEventQuery, a: str, b: str) -> list[tuple[str, str, str, int]]:
        """(month or "undated", type, direction, events) of the events with participants of both countries;
        the direction is a_to_b when a party of A is on the actor side and one of B on the recipient side,
        b_to_a the other way, else mutual. Undated events come last."""
        acts = "SELECT event_id FROM event_participants WHERE country = ? AND coalesce(side, 'actor') <> 'recipient'"
        receives = "SELECT event_id FROM event_participants WHERE country = ? AND side = 'recipient'"
        rows = self.execute(
            "SELECT coalesce(substr(e.date, 1, 7), 'undated') AS period, e.type AS type, "
            f"CASE WHEN e.id IN ({acts}) AND e.id IN ({receives}) THEN 'a_to_b' "
            f"WHEN e.id IN ({acts}) AND e.id IN ({receives}) THEN 'b_to_a' ELSE 'mutual' END AS direction, "
            f"count(*) AS n FROM events e WHERE {query.where} "
            "AND e.id IN (SELECT event_id FROM event_participants WHERE country = ?) "
            "AND e.id IN (SELECT event_id FROM event_participants WHERE country = ?) "
            "GROUP BY period, e.type, direction ORDER BY period, e.type, direction",  # 'undated' sorts after digits
            (a, b, b, a) + query.params + (a, b),
        )
        return [(r["period"], r["type"], r["direction"], r["n"]) for r in rows]

    def modes(self) -> list[str]:
        return [r["mode"] for r in self.execute("SELECT DISTINCT mode FROM events WHERE mode IS NOT NULL ORDER BY 1")]

    # -- actors ---------------------------------------------------------------------------------------

    def list_actors(self, words: str | None, country: str | None, limit: int,
                    offset: int) -> tuple[int, list[dict[str, Any]]]:
        """Participants whose name holds ``words`` (as typed, case-blind for ASCII letters) with their
        event counts, most active first."""
        clauses, params = [], []
        if words:
            # the user's % and _ are letters to find, not LIKE wildcards
            clauses.append(self.dialect.contains_nocase("p.name"))
            params.append(f"%{like_literal(words)}%")
        if country:
            clauses.append("p.country = ?")
            params.append(country)
        where = " AND ".join(clauses) or "1=1"
        total = self.execute(f"SELECT count(DISTINCT p.name) AS n FROM event_participants p WHERE {where}",
                             params).fetchone()["n"]
        rows = self.execute(
            "SELECT p.name AS name, max(p.country) AS country, max(p.kind) AS kind, max(p.kb_id) AS kb_id, "
            f"count(DISTINCT p.event_id) AS n FROM event_participants p WHERE {where} GROUP BY p.name "
            "ORDER BY n DESC, p.name LIMIT ? OFFSET ?",
            params + [limit, offset],
        )
        return total, [
            {"name": r["name"], "country": r["country"], "kind": r["kind"], "kb_id": r["kb_id"], "events": r["n"]}
            for r in rows
        ]

    def actor_detail(self, name: str) -> dict[str, Any] | None:
        """An actor's identity, the roles seen in its events over time, its (month, type, events) activity
        and its counterparts."""
        if not self.dialect.holds(name):
            return None
        row = self.execute(
            "SELECT name, max(country) AS country, max(kind) AS kind, max(kb_id) AS kb_id, "
            "count(DISTINCT event_id) AS n FROM event_participants WHERE name = ? GROUP BY name",
            (name,),
        ).fetchone()
        if row is None:
            return None
        roles = self.execute(
            "SELECT p.role AS role, p.country AS country, min(e.date) AS first, max(e.date) AS last, count(*) AS n "
            "FROM event_participants p JOIN events e ON e.id = p.event_id WHERE p.name = ? AND p.role IS NOT NULL "
            "GROUP BY p.role, p.country ORDER BY first NULLS FIRST, p.role, p.country NULLS FIRST",
            (name,),
        )
        activity = self.execute(
            "SELECT substr(e.date, 1, 7) AS period, e.type AS type, count(*) AS n FROM event_participants p "
            "JOIN events e ON e.id = p.event_id WHERE p.name = ? AND e.date IS NOT NULL GROUP BY period, e.type "
            "ORDER BY period, e.type",
            (name,),
        )
        counterparts = self.execute(
            "SELECT o.name AS name, max(o.country) AS country, count(DISTINCT o.event_id) AS n "
            "FROM event_participants p JOIN event_participants o ON o.event_id = p.event_id AND o.name != p.name "
            "WHERE p.name = ? GROUP BY o.name ORDER BY n DESC, o.name LIMIT 50",
            (name,),
        )
        return {
            "name": row["name"], "country": row["country"], "kind": row["kind"], "kb_id": row["kb_id"],
            "events": row["n"],
            "roles_seen": [
                {"role": r["role"], "country": r["country"], "first": r["first"], "last": r["last"], "events": r["n"]}
                for r in roles
            ],
            "activity": [(r["period"], r["type"], r["n"]) for r in activity],
            "counterparts": [{"name": r["name"], "country": r["country"], "events": r["n"]} for r in counterparts],
        }

    def participant_countries(self) -> list[str]:
        return [r["country"] for r in self.execute(
            "SELECT DISTINCT country FROM event_participants WHERE country IS NOT NULL ORDER BY 1")]

    def country_pairs(self, query: SQLEventQuery, limit: int) -> list[tuple[str, str, int]]:
        """(country, country, events) of the pairs of countries whose parties meet in the most events (each
        pair once, the codes in order; an organisation of no country, IGO, counts as its code)."""
        rows = self.execute(
            "SELECT a.country AS a, b.country AS b, count(DISTINCT e.id) AS n FROM events e "
            "JOIN event_participants a ON a.event_id = e.id JOIN event_participants b ON b.event_id = e.id "
            f"WHERE {query.where} AND a.country IS NOT NULL AND b.country IS NOT NULL AND a.country < b.country "
            "GROUP BY a.country, b.country ORDER BY n DESC, a.country, b.country LIMIT ?",
            query.params + (limit,),
        )
        return [(r["a"], r["b"], r["n"]) for r in rows]

    # -- stories --------------------------------------------------------------------------------------

    def list_stories(self, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        total = self.execute("SELECT count(*) AS n FROM stories").fetchone()["n"]
        rows = self.execute(
            "SELECT s.id AS id, s.title AS title, s.overview AS overview, "
            "(SELECT count(*) FROM events e WHERE e.story_id = s.id) AS n, "
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

    def story(self, story_id: str) -> dict[str, Any] | None:
        if not self.dialect.holds(story_id):
            return None
        row = self.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        return json.loads(row["data"]) if row else None

    # -- articles -------------------------------------------------------------------------------------

    def _article_where(self, flt: ArticleFilter) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if flt.outlet:
            clauses.append("a.outlet = ?")
            params.append(flt.outlet)
        if flt.status:
            clauses.append("a.status = ?")
            params.append(flt.status)
        published, published_params = dates.sql_day_within("a.published", flt.since, flt.until)
        clauses += published
        params += published_params
        if flt.q:
            clauses.append(self.dialect.holds_words(ARTICLE_WORDS, "a"))
            params.append(self.dialect.words(flt.q))
        return (" AND ".join(clauses) or "1=1"), params

    def list_articles(self, flt: ArticleFilter, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """Articles (duplicates too, unless words are searched: a duplicate is found through the article it
        repeats) by publication date, undated last."""
        where, params = self._article_where(flt)
        total = self.execute(f"SELECT count(*) AS n FROM articles a WHERE {where}", params).fetchone()["n"]
        rows = self.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE {where} ORDER BY a.published IS NULL, a.published, a.id "
            "LIMIT ? OFFSET ?",
            params + [limit, offset],
        )
        return total, [_article_row(r) for r in rows]

    def article_detail(self, article_id: str) -> dict[str, Any] | None:
        """An article with its cleaned text and the ids of the events it reports, in date order."""
        if not self.dialect.holds(article_id):
            return None
        row = self.execute(
            f"SELECT {ARTICLE_COLUMNS}, coalesce(a.text_clean, a.text_raw) AS text FROM articles a WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        record = _article_row(row)
        record["event_ids"] = [
            r["event_id"] for r in self.execute(
                "SELECT s.event_id AS event_id, min(e.date) AS date FROM event_sources s "
                "JOIN events e ON e.id = s.event_id WHERE s.article_id = ? GROUP BY s.event_id "
                "ORDER BY min(e.date) NULLS FIRST, s.event_id",
                (article_id,),
            )
        ]
        return record

    def article_texts(self, article_ids: list[str]) -> dict[str, str]:
        """The cleaned text (or the raw one) of each stored article."""
        rows = self._rows_in("SELECT id, coalesce(text_clean, text_raw) AS text FROM articles WHERE id IN ({})",
                             article_ids)
        return {row["id"]: row["text"] for row in rows}

    def article_sentences(self, article_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """The sentence spans (start, end) of articles, from their stored annotations."""
        rows = self._rows_in("SELECT id, annotations FROM articles WHERE id IN ({})", article_ids)
        found = {row["id"]: json.loads(row["annotations"] or "{}").get("sentences") or [] for row in rows}
        return {article_id: [{"start": s.get("start"), "end": s.get("end")} for s in found.get(article_id, [])]
                for article_id in dict.fromkeys(article_ids)}

    def outlets(self) -> list[str]:
        return [r["outlet"] for r in self.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1")]

    def search_articles(self, words: str, limit: int = 50) -> list[str]:
        rows = self.execute(self.dialect.ranked_matches(ARTICLE_WORDS), (self.dialect.words(words), limit))
        return [r["id"] for r in rows]


def like_literal(text: str) -> str:
    """``text`` as a LIKE pattern that matches itself only (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _article_row(row: Any) -> dict[str, Any]:
    record = dict(row)
    record["article_id"] = record.pop("id")
    return record
