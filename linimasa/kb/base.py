"""The knowledge base: who held which office when, countries, organisations and places, and how
Indonesian text names them.

Built once per process (:func:`linimasa.kb.load_kb`) from the data files (:mod:`linimasa.kb.loader`);
every alias is in one index (:mod:`linimasa.kb.aliases`), so all look-ups are dictionary look-ups over
folded aliases and :meth:`KnowledgeBase.find_mentions` scans a text once for every alias at the same time
(:mod:`linimasa.kb.mentions`). :meth:`KnowledgeBase.resolve` says what a mention names
(:mod:`linimasa.kb.resolve`, with titles read by :mod:`linimasa.kb.offices`).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from linimasa.kb import loader
from linimasa.kb.aliases import build_index
from linimasa.kb.local_bodies import LocalBodies
from linimasa.kb.matcher import Match, fold
from linimasa.kb.mentions import MentionFinder, names_institution
from linimasa.kb.offices import office_holder, parse_title
from linimasa.kb.places import PlaceIndex
from linimasa.kb.records import (
    Country,
    Organisation,
    OrganisationKind,
    Person,
    Place,
    RolePeriod,
    Title,
)
from linimasa.kb.resolve import Resolver
from linimasa.kb.seats import Seats
from linimasa.model import Mention


@dataclass(frozen=True)
class Identities:
    """What a typed name stands for (see :meth:`KnowledgeBase.identities`)."""

    kb_ids: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()


class KnowledgeBase:
    def __init__(
        self,
        people: dict[str, Person],
        roles: list[RolePeriod],
        countries: dict[str, Country],
        country_aliases: Iterable[tuple[str, str]],
        organisations: dict[str, Organisation],
        titles: list[Title],
        not_current: list[str],
        places: PlaceIndex,
        linking: dict,
        organisation_kinds: Sequence[OrganisationKind] = (),
        local_bodies: LocalBodies | None = None,
        seats: Seats | None = None,
        attached_to_office: Sequence[str] = (),
        indonesian_force_ranks: Sequence[str] = (),
    ) -> None:
        self.people = people
        self.countries = countries
        self.organisations = organisations
        self.places = places
        self.linking = linking
        self.not_current = {fold(w) for w in not_current}
        self.attached_to_office = {fold(w) for w in attached_to_office}
        self.indonesian_force_ranks = {fold(w) for w in indonesian_force_ranks}
        self.roles_by_person: dict[str, list[RolePeriod]] = {}
        for period in sorted(roles, key=lambda r: r.start):
            if period.kb_id not in people:
                raise ValueError(f"roles.csv names {period.kb_id!r}, who is not in people.csv")
            self.roles_by_person.setdefault(period.kb_id, []).append(period)
        self.role_rank = {role: i for i, role in enumerate(linking.get("role_priority", []))}
        self.name_neighbours = {fold(w) for w in linking.get("name_neighbours", [])}
        self.place_neighbours = {fold(w) for w in linking.get("place_neighbours", [])}
        self.not_country_after = {fold(w) for w in linking.get("not_country_after", [])}
        self.local_bodies = local_bodies or LocalBodies((), {}, {}, ())
        self.seats = seats or Seats({}, {}, ())
        self._seat_places: dict[str, Place | None] = {}
        # what country() and organisation() found for a name: pure functions of it over this knowledge base, asked
        # for the same few hundred names (each article's "Indonesia", "KPK", "DPR") at almost every mention
        self._country_of: dict[str, Country | None] = {}
        self._organisation_of: dict[str, Organisation | None] = {}
        self.index = build_index(self, country_aliases, titles, organisation_kinds)
        self._finder = MentionFinder(self)
        self._resolver = Resolver(self)

    @classmethod
    def from_paths(cls, *paths: str | Path, with_defaults: bool = True) -> "KnowledgeBase":
        """A KB from the shipped data files plus any folders of files in the same format (see
        docs/knowledge-base.md); a user's rows extend the shipped ones and replace rows with the same key."""
        folders = ([loader.DEFAULT_DATA] if with_defaults else []) + [Path(p) for p in paths]
        return cls(**loader.read_folders(folders))

    # ------------------------------------------------------------------ look-ups
    def identities(self, name: str) -> "Identities":
        """Whom or what a name a user types stands for, by any alias the knowledge base knows, in Indonesian
        or English: kb ids, canonical names, and ISO3 codes of countries. "Jokowi" is Joko Widodo, "Rusia"
        and "Russia" are RUS, a country code is itself."""
        kb_ids, countries, names = set(), set(), set()
        for entry in self.index.lookup(name.strip()):
            if entry.kind == "country":
                countries.add(entry.ref)
            elif entry.kind in ("person", "surname", "organisation", "place", "city"):
                kb_ids.add(entry.ref)
                record = self.people.get(entry.ref) or self.organisations.get(entry.ref)
                if record is not None:
                    names.add(record.name)
        code = name.strip().upper()
        if code in self.countries:
            countries.add(code)
        kb_ids |= {f"country:{iso3}" for iso3 in countries}
        return Identities(frozenset(kb_ids), frozenset(countries), frozenset(names))

    def person(self, kb_id: str) -> Person | None:
        return self.people.get(kb_id)

    def role_periods(self, kb_id: str) -> list[RolePeriod]:
        return list(self.roles_by_person.get(kb_id, []))

    def role_at(self, kb_id: str, on: dt.date) -> RolePeriod | None:
        """The office a person held that day (the most senior by ``role_priority`` if several)."""
        held = [p for p in self.roles_by_person.get(kb_id, []) if p.holds_on(on)]
        if not held:
            return None
        return min(held, key=self._seniority)

    def _seniority(self, period: RolePeriod) -> tuple[int, bool, int]:
        """Listed roles first; then offices of state before party posts; then the latest appointment."""
        rank = self.role_rank.get(period.role, len(self.role_rank))
        return rank, period.organisation is not None, -period.start.toordinal()

    @functools.cached_property
    def _demonym_prefixes(self) -> list[tuple[str, int]]:
        """Words that turn a country into a demonym phrase ("warga"), folded, with their written length;
        longest first."""
        prefixes = sorted(self.linking.get("demonym_prefixes", []), key=len, reverse=True)
        return [(fold(p), len(p)) for p in prefixes]

    def country(self, name: str) -> Country | None:
        """The country a name, abbreviation, demonym phrase or ISO alpha-3 code denotes."""
        return _remembered(self._country_of, name, self._find_country)

    def _find_country(self, name: str) -> Country | None:
        text = name.strip()
        if text in self.countries:
            return self.countries[text]
        folded = fold(text)
        for prefix, length in self._demonym_prefixes:
            if folded.startswith(prefix + " "):
                text = text[length + 1 :].strip()
                break
        for entry in self.index.lookup(text):
            if entry.kind == "country":
                return self.countries[entry.ref]
        return None

    def organisation(self, name: str) -> Organisation | None:
        """The organisation a name denotes: a listed one ("Kemlu", "Gedung Putih"), an institution
        named by its kind and country ("Kemlu Jepang" -> Ministry of Foreign Affairs (Japan)), or a regional
        body named by its unit and region ("Polres Jember" -> Jember Police)."""
        return _remembered(self._organisation_of, name, self._find_organisation)

    def _find_organisation(self, name: str) -> Organisation | None:
        for entry in self.index.lookup(name):
            if entry.kind == "organisation":
                return self.organisations[entry.ref]
        matches = list(self.index.scan(name))
        if len(matches) == 2 and names_institution(name, matches[0], matches[1]):
            return self._composed(matches[0], matches[1])
        return self.local_bodies.organisation(name)

    def _composed(self, kind: Match, country: Match) -> Organisation:
        organisation_kind = next(e.ref for e in kind.entries if e.kind == "org_kind")
        iso3 = next(e.ref for e in country.entries if e.kind == "country")
        return organisation_kind.of(self.countries[iso3])

    def place(self, name: str, context_country: str | None = None) -> Place | None:
        return self.places.find(name, [context_country] if context_country else [], insist=True)

    @property
    def regional_offices(self) -> frozenset[str]:
        """The folded words of the offices that title a regional official before the region ("bupati")."""
        return self.local_bodies.offices

    def seat(self, kb_id: str) -> Place | None:
        """The town a body sits in (linimasa/kb/seats.py): a city of the body's country, or None; a
        regency's bodies sit in its seat ("Polres Sumba Timur" in Waingapu)."""
        if kb_id not in self._seat_places:
            found = None
            for name, country in self.seats.names(kb_id):
                place = self.place(name, country)
                if place is not None and place.city and place.country == country:
                    found = self.places.town(place)
                    break
            self._seat_places[kb_id] = found
        return self._seat_places[kb_id]

    def holder(self, title: str, on: dt.date | None, context: Sequence[Mention] = ()) -> Person | None:
        """The person who held the office a title phrase names ("Menlu AS", "Presiden Rusia") on a day;
        with no day, the one person named in ``context`` who ever held it."""
        office = parse_title(self, title)
        if office is None:
            return None
        kb_id = office_holder(self, office, on, context)
        return self.people.get(kb_id) if kb_id else None

    # ------------------------------------------------------------------ text
    def find_mentions(self, text: str) -> list[Mention]:
        """Every known name and title phrase in a text, unresolved (see :meth:`resolve`); a regional body
        ("Polres Jember") is one organisation, not the place inside it, unless a title phrase holds it."""
        mentions = self._finder.find_mentions(text)
        bodies = self.local_bodies.find(text)
        if not bodies:
            return mentions
        titles = [m for m in mentions if m.label == "TITLE"]
        bodies = [(s, e) for s, e in bodies if not any(t.start < e and s < t.end for t in titles)]
        kept = [m for m in mentions if m.label == "TITLE" or not any(s <= m.start and m.end <= e for s, e in bodies)]
        found = [Mention(s, e, text[s:e], "ORG", source="kb") for s, e in bodies]
        return sorted(kept + found, key=lambda m: (m.start, -m.end))

    def resolve(self, mention: Mention, on: dt.date | None, context: Sequence[Mention] = ()) -> Mention:
        """Fill a mention's KB fields (kb_id, kind, name, country, role, lat/lon) from what it names, the
        date and the other mentions of the article; leave it unresolved when that is not certain. Fields
        from an earlier resolution are cleared first, so resolving again (another date) starts afresh."""
        return self._resolver.resolve(mention, on, context)


NAME_MEMORY_LIMIT = 50_000  # names whose look-up a knowledge base remembers before it forgets them all


def _remembered(memory: dict, name: str, find):
    """``find(name)``, from ``memory`` when it was asked before (the look-ups are pure functions of the name)."""
    found = memory.get(name, _NOT_ASKED)
    if found is _NOT_ASKED:
        if len(memory) >= NAME_MEMORY_LIMIT:
            memory.clear()
        found = memory[name] = find(name)
    return found


_NOT_ASKED = object()
