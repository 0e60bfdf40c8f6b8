"""Resolving a mention to what it names in the knowledge base: a country, an organisation, a place, or a
person with the office held on the article's date (a title phrase resolves to the person holding it)."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from linimasa.kb.matcher import Entry, tokens
from linimasa.kb.offices import Office, ever_held, is_office, office_holder, parse_title, role_name
from linimasa.kb.records import INTERNATIONAL
from linimasa.model import Mention

if TYPE_CHECKING:
    from linimasa.kb.base import KnowledgeBase

# The people named in an article decide who a bare surname is. A news article names far fewer than this many
# entities, and all of them count; in a longer text only this many around the mention do, so that a text of
# thousands of names is linked in time proportional to its length.
CONTEXT_WINDOW = 400


def near(context: Sequence[Mention], mention: Mention) -> Sequence[Mention]:
    if len(context) <= CONTEXT_WINDOW:
        return context
    at = bisect.bisect_left(context, mention.start, key=lambda m: m.start)
    half = CONTEXT_WINDOW // 2
    return context[max(0, at - half): at + half]


class Resolver:
    """:meth:`KnowledgeBase.resolve`, over the knowledge base's records and look-ups."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def resolve(self, mention: Mention, on: dt.date | None, context: Sequence[Mention] = ()) -> Mention:
        """Fill a mention's KB fields (kb_id, kind, name, country, role, lat/lon) from what it names, the
        date and the other mentions of the article; leave it unresolved when that is not certain. Fields
        from an earlier resolution are cleared first, so resolving again (another date) starts afresh."""
        mention.kb_id = mention.kind = mention.name = mention.country = mention.role = None
        mention.lat = mention.lon = None
        if mention.label == "TITLE":
            self._resolve_title(mention, on, context)
        elif mention.label == "PER":
            self._resolve_person(mention, on, context)
        elif mention.label == "ORG":
            self._resolve_organisation(mention) or self._resolve_country(mention)
        else:
            (
                self._resolve_country(mention)
                or self._resolve_organisation(mention)
                or self._resolve_place(mention, context)
                or (mention.label != "LOC" and self._resolve_person(mention, on, context))
            )
        return mention

    def _resolve_country(self, mention: Mention) -> bool:
        country = self.kb.country(mention.text)
        if country is None:
            return False
        mention.kb_id, mention.kind, mention.name = country.kb_id, "country", country.name
        mention.country = country.iso3
        return True

    def _resolve_organisation(self, mention: Mention) -> bool:
        organisation = self.kb.organisation(mention.text)
        if organisation is None:
            return False
        mention.kb_id, mention.kind, mention.name = organisation.kb_id, "organisation", organisation.name
        mention.country = organisation.country
        return True

    def _resolve_place(self, mention: Mention, context: Sequence[Mention]) -> bool:
        place = self.kb.places.find(mention.text, self._context_countries(mention, context))
        if place is None:
            return False
        mention.kb_id, mention.kind, mention.name = place.kb_id, "place", place.name
        mention.country, mention.lat, mention.lon = place.country, place.lat, place.lon
        return True

    def _context_countries(self, mention: Mention, context: Sequence[Mention]) -> list[str]:
        """Countries the article names, nearest to the mention first."""
        named = [
            (abs(m.start - mention.start), m.country)
            for m in near(context, mention)
            if m is not mention and m.country and m.country != INTERNATIONAL and m.kind in ("country", "place", "organisation")
        ]
        ordered: list[str] = []
        for _, country in sorted(named, key=lambda pair: pair[0]):
            if country not in ordered:
                ordered.append(country)
        home = self.kb.linking.get("home_country")
        return ordered + [home] if home and home not in ordered else ordered

    # ------------------------------------------------------------------ people
    def _resolve_person(self, mention: Mention, on: dt.date | None, context: Sequence[Mention]) -> bool:
        entries = [e for e in self.kb.index.lookup(mention.text) if e.kind in ("person", "surname")]
        if not entries:
            entries = self._people_inside(mention.text)
        kb_id = self._choose_person(entries, on, context, exclude=mention)
        if kb_id is None:
            return False
        self._fill_person(mention, kb_id, on)
        return True

    def _people_inside(self, text: str) -> list[Entry]:
        """People named inside a longer span ("Menlu AS John Kerry"): the entries of its one person match."""
        matches = list(self.kb.index.scan(text))
        found = [m for m in matches if any(e.kind in ("person", "surname") for e in m.entries)]
        if len(found) != 1:
            return []
        known = [(m.start, m.end) for m in matches]
        for start, end, word in tokens(text):
            if word[0].isupper() and not any(s <= start and end <= e for s, e in known):
                return []
        return [e for e in found[0].entries if e.kind in ("person", "surname")]

    def _choose_person(
        self, entries: list[Entry], on: dt.date | None, context: Sequence[Mention], exclude: Mention
    ) -> str | None:
        full = {e.ref for e in entries if e.kind == "person"}
        by_surname = {e.ref for e in entries if e.kind == "surname"} - full
        candidates = full | by_surname
        if not candidates:
            return None
        named_nearby = {m.kb_id for m in near(context, exclude) if m is not exclude and m.kind == "person" and m.kb_id}
        in_context = candidates & named_nearby
        if len(in_context) == 1:
            return in_context.pop()
        if len(full) == 1:
            return next(iter(full))
        pool = full or by_surname
        if on is None:
            return None
        in_office = {k for k in pool if self.kb.role_at(k, on)}
        if len(in_office) == 1:
            return in_office.pop()
        if len(in_office) > 1:
            return self._one_from_named_country(in_office, context)
        fitting = {k for k in pool if self._fits(k, on)}
        if len(fitting) == 1:
            return fitting.pop()
        return self._one_from_named_country(fitting, context) if fitting else None

    def _one_from_named_country(self, kb_ids: set[str], context: Sequence[Mention]) -> str | None:
        """Of several people a name fits ("Lee" in 2010: Singapore's and South Korea's leaders), the one
        whose country the article names, if only one's is."""
        named = {m.country for m in context if m.kind == "country" and m.country}
        from_named = {k for k in kb_ids if self.kb.people[k].country in named}
        return from_named.pop() if len(from_named) == 1 else None

    def _fits(self, kb_id: str, on: dt.date) -> bool:
        """Whether a day falls in one of a person's terms or soon after it (former office holders stay in
        the news by surname; future ones are rarely called by surname alone before they take office)."""
        slack = dt.timedelta(days=int(self.kb.linking.get("surname_fit_days", 365)))
        return any(
            p.start <= on and (p.end is None or on <= p.end + slack) for p in self.kb.roles_by_person.get(kb_id, [])
        )

    def _fill_person(self, mention: Mention, kb_id: str, on: dt.date | None, office: Office | None = None) -> None:
        """Link a mention to a person, with the office held that day: the one a title names, else the most
        senior one."""
        person = self.kb.people[kb_id]
        mention.kb_id, mention.kind, mention.name, mention.country = kb_id, "person", person.name, person.country
        if on is None:
            period = None
        elif office is None:
            period = self.kb.role_at(kb_id, on)
        else:
            terms = [p for p in self.kb.roles_by_person.get(kb_id, []) if p.holds_on(on) and is_office(p, office)]
            period = terms[-1] if terms else None
        mention.role = period.role if period else None
        if period and period.country:
            mention.country = period.country if period.country != INTERNATIONAL else person.country

    # ------------------------------------------------------------------ titles
    def _resolve_title(self, mention: Mention, on: dt.date | None, context: Sequence[Mention]) -> None:
        office = parse_title(self.kb, mention.text)
        if office is None:
            return
        mention.role = None if office.not_current else role_name(self.kb, office)
        mention.country = office.country or mention.country
        named = self._adjacent_person(mention, context)
        if named is not None and ever_held(self.kb, named, office):
            kb_id = named
        elif named is not None:
            return
        else:
            kb_id = office_holder(self.kb, office, on, context)
        if kb_id is None:
            return
        self._fill_person(mention, kb_id, on, office)
        if on is None and not office.not_current:
            mention.role = role_name(self.kb, office, kb_id)
        if office.country and office.country != INTERNATIONAL:
            mention.country = office.country

    def _adjacent_person(self, mention: Mention, context: Sequence[Mention]) -> str | None:
        for other in near(context, mention):
            if other.kind == "person" and other.kb_id and 0 <= other.start - mention.end <= 3:
                return other.kb_id
        return None
