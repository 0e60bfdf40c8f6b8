"""The knowledge base: who held which office when, countries, organisations and places, and how
Indonesian text names them.

Built once per process (:func:`linimasa.kb.load_kb`); all look-ups are dictionary look-ups over folded
aliases, and :meth:`KnowledgeBase.find_mentions` scans a text once for every alias at the same time.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import importlib.util
import re
import runpy
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from linimasa.kb import loader
from linimasa.kb.matcher import Entry, Match, PhraseIndex, fold, tokens
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
from linimasa.model import Mention

ADJACENT_GAP = re.compile(r"^[\s,]{0,3}$")  # between a title and the name after it: "Menlu AS, John Kerry"
BRACKETED = re.compile(r"[ \t]*\([A-Z][\w.'’ -]{0,24}\)")  # "(Menlu)", "(AS)", "(BUMN)" after a title
COMPLEMENT_GAP = re.compile(r"^[ \t\u00a0]{1,2}$")  # between a title and its country: "Menlu AS"
NEXT_WORD = re.compile(r"[ \t]+(\w[\w'’-]*)")
SENTENCE_START = re.compile(r"(^|[.!?:\n\"“”]\s*)$")
PREVIOUS_WORD = re.compile(r"(\w[\w'’-]*)[ \t]+$")
LABELS = {"person": "PER", "surname": "PER", "organisation": "ORG", "country": "LOC", "place": "LOC", "city": "LOC"}



@functools.cache
def indonesian_stop_words() -> frozenset[str]:
    """spaCy's Indonesian stop words ("Kita" is "we", not the town in Japan), read from the module file
    that defines them: importing it imports all of spaCy, most of a second of every process's start."""
    spec = importlib.util.find_spec("spacy")
    module = Path(spec.submodule_search_locations[0], "lang", "id", "stop_words.py") if spec else None
    if module is None or not module.is_file():
        from spacy.lang.id.stop_words import STOP_WORDS

        return frozenset(STOP_WORDS)
    return frozenset(runpy.run_path(str(module))["STOP_WORDS"])


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
    ) -> None:
        self.people = people
        self.countries = countries
        self.organisations = organisations
        self.places = places
        self.linking = linking
        self.not_current = {fold(w) for w in not_current}
        self.roles_by_person: dict[str, list[RolePeriod]] = {}
        for period in sorted(roles, key=lambda r: r.start):
            if period.kb_id not in people:
                raise ValueError(f"roles.csv names {period.kb_id!r}, who is not in people.csv")
            self.roles_by_person.setdefault(period.kb_id, []).append(period)
        self.role_rank = {role: i for i, role in enumerate(linking.get("role_priority", []))}
        self.name_neighbours = {fold(w) for w in linking.get("name_neighbours", [])}
        self.place_neighbours = {fold(w) for w in linking.get("place_neighbours", [])}
        self.not_country_after = {fold(w) for w in linking.get("not_country_after", [])}
        self.index = PhraseIndex()
        self._index_countries(country_aliases)
        self._index_organisations()
        self._index_people()
        self._index_places()
        for title in titles:
            self.index.add(title.phrase, "title", title)
        for kind in organisation_kinds:
            self.index.add(kind.phrase, "org_kind", kind)

    # ------------------------------------------------------------------ building
    @classmethod
    def from_paths(cls, *paths: str | Path, with_defaults: bool = True) -> "KnowledgeBase":
        """A KB from the shipped data files plus any folders of files in the same format (see
        docs/knowledge-base.md); a user's rows extend the shipped ones and replace rows with the same key."""
        folders = ([loader.DEFAULT_DATA] if with_defaults else []) + [Path(p) for p in paths]
        countries = {
            row["iso3"]: Country(iso3=row["iso3"], name=row["name"])
            for row in loader.csv_rows(loader.files_named(loader.COUNTRIES, folders))
        }
        countries.setdefault("IGO", Country(iso3="IGO", name="International organisation"))
        country_aliases = []
        for row in loader.csv_rows(loader.files_named(loader.COUNTRIES, folders)):
            for alias in [row["name"], row.get("name_id", "")] + loader.split_aliases(row.get("aliases", "")):
                if alias:
                    country_aliases.append((alias, row["iso3"]))
        for row in loader.csv_rows(loader.files_named(loader.COUNTRY_ALIASES, folders)):
            country_aliases.append((row["alias"], row["iso3"]))
        places = PlaceIndex.from_geonames()
        places.add_aliases(loader.csv_rows(loader.files_named(loader.PLACE_ALIASES, folders)))
        titles, not_current = loader.read_titles(loader.files_named(loader.TITLES, folders))
        return cls(
            people=loader.read_people(loader.files_named(loader.PEOPLE, folders)),
            roles=loader.read_roles(loader.files_named(loader.ROLES, folders)),
            countries=countries,
            country_aliases=country_aliases,
            organisations=loader.read_organisations(loader.files_named(loader.ORGANISATIONS, folders)),
            titles=titles,
            not_current=not_current,
            places=places,
            linking=loader.read_linking(loader.files_named(loader.LINKING, folders)),
            organisation_kinds=loader.read_organisation_kinds(loader.files_named(loader.ORGANISATION_KINDS, folders)),
        )

    def _index_countries(self, aliases: Iterable[tuple[str, str]]) -> None:
        stopwords = {fold(w) for w in self.linking.get("country_alias_stopwords", [])}
        for alias, iso3 in aliases:
            if iso3 in self.countries and fold(alias) not in stopwords:
                self.index.add(alias, "country", iso3)

    def _index_organisations(self) -> None:
        for organisation in self.organisations.values():
            for alias in [organisation.name, *organisation.aliases]:
                self.index.add(alias, "organisation", organisation.kb_id)

    def _index_people(self) -> None:
        no_surname = set(self.linking.get("no_surname_alias_countries", []))
        stopwords = {fold(w) for w in self.linking.get("surname_stopwords", [])}
        for person in self.people.values():
            parts = person.name.split()
            for alias in [person.name, *person.aliases]:
                is_surname = len(parts) > 1 and fold(alias) == fold(parts[-1])
                if is_surname and fold(alias) in stopwords:
                    continue
                self.index.add(alias, "surname" if is_surname else "person", person.kb_id)
            if len(parts) > 1 and person.country not in no_surname and fold(parts[-1]) not in stopwords:
                self.index.add(parts[-1], "surname", person.kb_id)

    def _index_places(self) -> None:
        stopwords = {fold(w) for w in self.linking.get("place_stopwords", [])} | indonesian_stop_words()
        for alias, kb_id in self.places.aliases:
            self.index.add(alias, "place", kb_id)
        home = self.linking.get("home_country")
        home_min = int(self.linking.get("gazetteer_home_min_population", 50_000))
        foreign_min = int(self.linking.get("gazetteer_foreign_min_population", 1_000_000))
        for name, kb_id in self.places.gazetteer_names(home, home_min, foreign_min):
            if fold(name) not in stopwords:
                self.index.add(name, "city", kb_id)

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
        """The organisation a name denotes: a listed one ("Kemlu", "Gedung Putih"), or an institution
        named by its kind and country ("Kemlu Jepang" -> Ministry of Foreign Affairs (Japan))."""
        for entry in self.index.lookup(name):
            if entry.kind == "organisation":
                return self.organisations[entry.ref]
        matches = list(self.index.scan(name))
        if len(matches) == 2 and self._composes(name, matches[0], matches[1]):
            return self._composed(matches[0], matches[1])
        return None

    def _composes(self, text: str, kind: Match, country: Match) -> bool:
        """Whether a kind word and the country right after it name one institution ("Kedubes AS")."""
        return (
            any(e.kind == "org_kind" for e in kind.entries)
            and any(e.kind == "country" for e in country.entries)
            and COMPLEMENT_GAP.match(text[kind.end : country.start]) is not None
        )

    def _composed(self, kind: Match, country: Match) -> Organisation:
        organisation_kind = next(e.ref for e in kind.entries if e.kind == "org_kind")
        iso3 = next(e.ref for e in country.entries if e.kind == "country")
        return organisation_kind.of(self.countries[iso3])

    def place(self, name: str, context_country: str | None = None) -> Place | None:
        return self.places.find(name, [context_country] if context_country else [], insist=True)

    def holder(self, title: str, on: dt.date | None, context: Sequence[Mention] = ()) -> Person | None:
        """The person who held the office a title phrase names ("Menlu AS", "Presiden Rusia") on a day;
        with no day, the one person named in ``context`` who ever held it."""
        office = self._parse_title(title)
        if office is None:
            return None
        kb_id = self._office_holder(office, on, context)
        return self.people.get(kb_id) if kb_id else None

    # ------------------------------------------------------------------ text
    def find_mentions(self, text: str) -> list[Mention]:
        """Every known name and title phrase in a text, unresolved (see :meth:`resolve`)."""
        matches = list(self.index.scan(text))
        covered = {t for m in matches for t in (m.start, m.end)}
        mentions: list[Mention] = []
        i = 0
        while i < len(matches):
            match = matches[i]
            following = matches[i + 1] if i + 1 < len(matches) else None
            if following is not None and self._composes(text, match, following):
                span = text[match.start : following.end]
                mentions.append(Mention(match.start, following.end, span, "ORG", source="kb"))
                i += 2
                continue
            titles = [e for e in match.entries if e.kind == "title"]
            if titles:
                title_mention, used = self._title_mention(text, matches, i)
                if title_mention is not None:
                    mentions.append(title_mention)
                    i += used
                    continue
            kind = self._surface_kind(match.entries)
            if kind in ("person", "surname", "place", "city") and self._inside_unknown_name(text, match, covered):
                kind = None
            if kind == "city" and match.first_token == match.last_token and self._starts_sentence(text, match.start):
                kind = None
            if kind == "country" and self._previous_word(text, match.start) in self.not_country_after:
                kind = None
            if kind is not None:
                mentions.append(Mention(match.start, match.end, match.text, LABELS[kind], source="kb"))
            i += 1
        return mentions

    @staticmethod
    def _previous_word(text: str, start: int) -> str | None:
        before = PREVIOUS_WORD.search(text[max(0, start - 40) : start])
        return fold(before.group(1)) if before else None

    @staticmethod
    def _starts_sentence(text: str, start: int) -> bool:
        """Whether a word opens a sentence, where a capital letter says nothing about it being a name."""
        return start == 0 or SENTENCE_START.search(text[max(0, start - 5) : start]) is not None

    def _inside_unknown_name(self, text: str, match: Match, covered: set[int]) -> bool:
        """A one-word name next to another capitalised word the KB does not know is part of a longer name:
        "Anwar Usman" is not Anwar Ibrahim, "Inter Milan" and "Kali Malang" are not the cities."""
        if match.first_token != match.last_token:
            return False
        is_person = self._surface_kind(match.entries) in ("person", "surname")
        neighbours = self.name_neighbours if is_person else self.place_neighbours
        after = NEXT_WORD.match(text, match.end)
        if after and after.group(1)[0].isupper() and fold(after.group(1)) not in neighbours:
            if after.start(1) not in covered:
                return True
        window_start = max(0, match.start - 40)
        before = PREVIOUS_WORD.search(text[window_start : match.start])
        if before and before.group(1)[0].isupper() and fold(before.group(1)) not in neighbours:
            word_start = window_start + before.start(1)
            if self._starts_sentence(text, word_start):
                return False
            return word_start not in covered
        return False

    def _surface_kind(self, entries: list[Entry]) -> str | None:
        kinds = {e.kind for e in entries}
        for kind in ("person", "organisation", "country", "place", "city"):
            if kind in kinds:
                return kind
        surname_people = {e.ref for e in entries if e.kind == "surname"}
        return "surname" if len(surname_people) == 1 else None

    def _title_mention(self, text: str, matches: list[Match], i: int) -> tuple[Mention | None, int]:
        """The title phrase starting at match ``i`` and how many matches it uses: the title, its country
        or organisation ("Menlu AS"), and an abbreviation in brackets after it ("Menteri Luar Negeri
        (Menlu) Retno Marsudi"), so that the name after the brackets still stands next to the title."""
        match = matches[i]
        title = next(e.ref for e in match.entries if e.kind == "title")
        start, end, used = match.start, match.end, 1
        after = matches[i + 1] if i + 1 < len(matches) else None
        office_named = (
            after is not None
            and COMPLEMENT_GAP.match(text[end : after.start]) is not None
            and any(e.kind in ("country", "organisation") for e in after.entries)
        )
        if office_named:
            end, used = after.end, 2
        bracket = BRACKETED.match(text, end)
        if bracket:
            end = bracket.end()
            while i + used < len(matches) and matches[i + used].end <= end:
                used += 1
        following = matches[i + used] if i + used < len(matches) else None
        named_next = (
            following is not None
            and ADJACENT_GAP.match(text[end : following.start]) is not None
            and any(e.kind in ("person", "surname") for e in following.entries)
        )
        if not office_named and (
            title.needs_complement or not (title.country or title.organisation or title.default_country or named_next)
        ):
            return None, 1
        start = self._modifier_start(text, start)
        return Mention(start, end, text[start:end], "TITLE", source="title"), used

    def _modifier_start(self, text: str, start: int) -> int:
        """Extend a title leftwards over a word like "mantan" that says the office is not held now."""
        before = text[max(0, start - 40) : start]
        words = before.split()
        for n in (2, 1):
            if len(words) >= n and fold(" ".join(words[-n:])) in self.not_current and before.endswith((" ", "\u00a0")):
                return start - len(before) + before.rfind(words[-n])
        return start

    # ------------------------------------------------------------------ resolution
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
        country = self.country(mention.text)
        if country is None:
            return False
        mention.kb_id, mention.kind, mention.name = country.kb_id, "country", country.name
        mention.country = country.iso3
        return True

    def _resolve_organisation(self, mention: Mention) -> bool:
        organisation = self.organisation(mention.text)
        if organisation is None:
            return False
        mention.kb_id, mention.kind, mention.name = organisation.kb_id, "organisation", organisation.name
        mention.country = organisation.country
        return True

    def _resolve_place(self, mention: Mention, context: Sequence[Mention]) -> bool:
        place = self.places.find(mention.text, self._context_countries(mention, context))
        if place is None:
            return False
        mention.kb_id, mention.kind, mention.name = place.kb_id, "place", place.name
        mention.country, mention.lat, mention.lon = place.country, place.lat, place.lon
        return True

    def _context_countries(self, mention: Mention, context: Sequence[Mention]) -> list[str]:
        """Countries the article names, nearest to the mention first."""
        named = [
            (abs(m.start - mention.start), m.country)
            for m in _near(context, mention)
            if m is not mention and m.country and m.country != "IGO" and m.kind in ("country", "place", "organisation")
        ]
        ordered: list[str] = []
        for _, country in sorted(named, key=lambda pair: pair[0]):
            if country not in ordered:
                ordered.append(country)
        home = self.linking.get("home_country")
        return ordered + [home] if home and home not in ordered else ordered

    def _resolve_person(self, mention: Mention, on: dt.date | None, context: Sequence[Mention]) -> bool:
        entries = [e for e in self.index.lookup(mention.text) if e.kind in ("person", "surname")]
        if not entries:
            entries = self._people_inside(mention.text)
        kb_id = self._choose_person(entries, on, context, exclude=mention)
        if kb_id is None:
            return False
        self._fill_person(mention, kb_id, on)
        return True

    def _people_inside(self, text: str) -> list[Entry]:
        """People named inside a longer span ("Menlu AS John Kerry"): the entries of its one person match."""
        matches = list(self.index.scan(text))
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
        named_nearby = {m.kb_id for m in _near(context, exclude) if m is not exclude and m.kind == "person" and m.kb_id}
        in_context = candidates & named_nearby
        if len(in_context) == 1:
            return in_context.pop()
        if len(full) == 1:
            return next(iter(full))
        pool = full or by_surname
        if on is None:
            return None
        in_office = {k for k in pool if self.role_at(k, on)}
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
        from_named = {k for k in kb_ids if self.people[k].country in named}
        return from_named.pop() if len(from_named) == 1 else None

    def _fits(self, kb_id: str, on: dt.date) -> bool:
        """Whether a day falls in one of a person's terms or soon after it (former office holders stay in
        the news by surname; future ones are rarely called by surname alone before they take office)."""
        slack = dt.timedelta(days=int(self.linking.get("surname_fit_days", 365)))
        return any(
            p.start <= on and (p.end is None or on <= p.end + slack) for p in self.roles_by_person.get(kb_id, [])
        )

    def _fill_person(self, mention: Mention, kb_id: str, on: dt.date | None, office: "Office | None" = None) -> None:
        """Link a mention to a person, with the office held that day: the one a title names, else the most
        senior one."""
        person = self.people[kb_id]
        mention.kb_id, mention.kind, mention.name, mention.country = kb_id, "person", person.name, person.country
        if on is None:
            period = None
        elif office is None:
            period = self.role_at(kb_id, on)
        else:
            terms = [p for p in self.roles_by_person.get(kb_id, []) if p.holds_on(on) and self._is_office(p, office)]
            period = terms[-1] if terms else None
        mention.role = period.role if period else None
        if period and period.country:
            mention.country = period.country if period.country != "IGO" else person.country

    # ------------------------------------------------------------------ titles
    def _parse_title(self, text: str) -> "Office | None":
        matches = list(self.index.scan(text))
        for i, match in enumerate(matches):
            title = next((e.ref for e in match.entries if e.kind == "title"), None)
            if title is None:
                continue
            not_current = any(fold(w) in self.not_current for w in text[: match.start].split()[-2:]) or (
                fold(" ".join(text[: match.start].split()[-2:])) in self.not_current
            )
            country, organisation, defaulted = title.country, title.organisation, False
            if i + 1 < len(matches):
                complement = matches[i + 1].entries
                org = next((self.organisations[e.ref] for e in complement if e.kind == "organisation"), None)
                iso3 = next((e.ref for e in complement if e.kind == "country"), None)
                if iso3:
                    country = iso3
                elif org:
                    organisation, country = org.name, org.country
            if country is None and organisation is None and title.default_country:
                country, defaulted = title.default_country, True
            return Office(title, country, organisation, not_current, defaulted)
        return None

    def _holders(self, office: "Office", on: dt.date | None) -> list[RolePeriod]:
        found = []
        for periods in self.roles_by_person.values():
            for p in periods:
                if p.role not in office.title.roles:
                    continue
                if p.organisation != office.organisation:  # a party chair is no "Presiden Indonesia"
                    continue
                if office.country and p.country != office.country:
                    continue
                if not office.country and not office.organisation:
                    continue
                if on is None or p.holds_on(on):
                    found.append(p)
        return found

    def _office_holder(self, office: "Office", on: dt.date | None, context: Sequence[Mention]) -> str | None:
        if on is not None and not office.not_current and (office.country or office.organisation):
            holders = self._holders(office, on)
            if holders:
                return max(holders, key=lambda p: p.start).kb_id
            return None
        ever = {p.kb_id for p in self._holders(office, None)}
        named = {m.kb_id for m in context if m.kind == "person" and m.kb_id in ever}
        return named.pop() if len(named) == 1 else None

    def _resolve_title(self, mention: Mention, on: dt.date | None, context: Sequence[Mention]) -> None:
        office = self._parse_title(mention.text)
        if office is None:
            return
        mention.role = None if office.not_current else self._role_name(office)
        mention.country = office.country or mention.country
        named = self._adjacent_person(mention, context)
        if named is not None and self._ever_held(named, office):
            kb_id = named
        elif named is not None:
            return
        else:
            kb_id = self._office_holder(office, on, context)
        if kb_id is None:
            return
        self._fill_person(mention, kb_id, on, office)
        if on is None and not office.not_current:
            mention.role = self._role_name(office, kb_id)
        if office.country and office.country != "IGO":
            mention.country = office.country

    def _role_name(self, office: "Office", kb_id: str | None = None) -> str | None:
        """The English name of the office a title names ("Menlu AS" -> "Secretary of State"); for a
        generic head word ("Kepala", "Ketua") of an organisation the KB has no office of, none."""
        for periods in ([self.roles_by_person.get(kb_id, [])] if kb_id else self.roles_by_person.values()):
            for p in periods:
                if p.role in office.title.roles and (not office.country or p.country == office.country):
                    if p.organisation == office.organisation:
                        return p.role
        return None if office.title.needs_complement else office.title.roles[0]

    def _adjacent_person(self, mention: Mention, context: Sequence[Mention]) -> str | None:
        for other in _near(context, mention):
            if other.kind == "person" and other.kb_id and 0 <= other.start - mention.end <= 3:
                return other.kb_id
        return None

    def _ever_held(self, kb_id: str, office: "Office") -> bool:
        return any(self._is_office(p, office) for p in self.roles_by_person.get(kb_id, []))

    @staticmethod
    def _is_office(period: RolePeriod, office: "Office") -> bool:
        """Whether a term is in the office a title names (a defaulted country does not bind a named person:
        "Menkeu Janet Yellen")."""
        return (
            period.role in office.title.roles
            and (not office.country or office.defaulted or period.country == office.country)
            and period.organisation == office.organisation
        )


class Office:
    """What a title phrase names: a title, and the country or organisation it is of."""

    __slots__ = ("title", "country", "organisation", "not_current", "defaulted")

    def __init__(
        self, title: Title, country: str | None, organisation: str | None, not_current: bool, defaulted: bool = False
    ) -> None:
        self.title, self.country, self.organisation, self.not_current = title, country, organisation, not_current
        self.defaulted = defaulted  # the country is the title's default, not named in the text


# The people named in an article decide who a bare surname is. A news article names far fewer than this many
# entities, and all of them count; in a longer text only this many around the mention do, so that a text of
# thousands of names is linked in time proportional to its length.
CONTEXT_WINDOW = 400


def _near(context: Sequence[Mention], mention: Mention) -> Sequence[Mention]:
    if len(context) <= CONTEXT_WINDOW:
        return context
    at = bisect.bisect_left(context, mention.start, key=lambda m: m.start)
    half = CONTEXT_WINDOW // 2
    return context[max(0, at - half): at + half]
