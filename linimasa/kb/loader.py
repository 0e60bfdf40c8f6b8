"""Reading the knowledge-base data files (CSV and YAML) into records.

Every file is optional in a user's extension folder; rows from later files add to (and, for the same
key, replace) rows from earlier ones, so a user can correct a fact without editing the shipped data.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Iterable, Iterator

from linimasa import dates, yamldata
from linimasa.kb.local_bodies import LocalBodies, LocalUnit
from linimasa.kb.places import PlaceIndex
from linimasa.kb.regional_titles import province_names, regional_titles
from linimasa.kb.records import (
    INTERNATIONAL,
    Country,
    Organisation,
    OrganisationKind,
    Person,
    RolePeriod,
    Title,
)
from linimasa.kb.seats import Seats

DEFAULT_DATA = Path(__file__).resolve().parent / "data"

PEOPLE = "people.csv"
ROLES = "roles.csv"
COUNTRIES = "countries.csv"
COUNTRY_ALIASES = "countries_aliases_id.csv"
ORGANISATIONS = "organisations.csv"
PLACE_ALIASES = "places_aliases_id.csv"
REGIONS = "regions_id.csv"  # Indonesia's regencies and cities (scripts/build_regions.py)
TITLES = "titles_id.yaml"
ORGANISATION_KINDS = "organisation_kinds_id.yaml"
LINKING = "linking.yaml"
LOCAL_BODIES = "local_bodies_id.yaml"
ADMIN1 = "admin1.csv"
SEATS = "seats.csv"


def files_named(name: str, folders: Iterable[Path]) -> list[Path]:
    return [folder / name for folder in folders if (folder / name).is_file()]


def csv_rows(paths: Iterable[Path]) -> Iterator[dict[str, str]]:
    for path in paths:
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(line for line in handle if not line.startswith("#")):
                yield {k: (v or "").strip() for k, v in row.items() if k}


def split_aliases(value: str) -> list[str]:
    return [a.strip() for a in value.split("|") if a.strip()]


def parse_date(value: str) -> dt.date | None:
    return dates.parse_day(value) if value else None


def read_people(paths: Iterable[Path]) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for row in csv_rows(paths):
        people[row["kb_id"]] = Person(
            kb_id=row["kb_id"],
            name=row["name"],
            country=row["country"],
            aliases=split_aliases(row.get("aliases", "")),
            wikidata=row.get("wikidata") or None,
        )
    return people


def read_roles(paths: Iterable[Path]) -> list[RolePeriod]:
    """Dated roles; a later file that lists any role of a person replaces all of that person's roles from
    earlier files (so a user's file can correct a date without editing the shipped one)."""
    roles: list[RolePeriod] = []
    for path in paths:
        added = [role_period(row) for row in csv_rows([path])]
        replaced = {r.kb_id for r in added}
        roles = [r for r in roles if r.kb_id not in replaced] + added
    return roles


def role_period(row: dict[str, str]) -> RolePeriod:
    try:
        start = parse_date(row["start"])
        end = parse_date(row.get("end", ""))
    except ValueError as error:
        raise ValueError(f"roles: bad date for {row.get('kb_id')} ({row.get('role')}): {error}") from error
    if start is None:
        raise ValueError(f"roles: {row['kb_id']} ({row['role']}) has no start date")
    return RolePeriod(
        kb_id=row["kb_id"],
        role=row["role"],
        country=row["country"],
        organisation=row.get("organisation") or None,
        start=start,
        end=end,
        source=row.get("source", ""),
    )


def read_organisations(paths: Iterable[Path]) -> dict[str, Organisation]:
    organisations: dict[str, Organisation] = {}
    for row in csv_rows(paths):
        organisations[row["kb_id"]] = Organisation(
            kb_id=row["kb_id"],
            name=row["name"],
            country=row["country"],
            aliases=split_aliases(row.get("aliases", "")),
            source=row.get("source", ""),
        )
    return organisations


# Word lists of titles_id.yaml beside the titles: what a word before a title or a name says of it.
TITLE_WORD_LISTS = ("not_current", "attached_to_office", "indonesian_force_ranks")


def read_titles(paths: Iterable[Path]) -> tuple[list[Title], dict[str, list[str]]]:
    """The titles, and the word lists of ``TITLE_WORD_LISTS``: the words before a title that say its office
    is not held now, that name someone attached to the office (an adviser, a spouse) rather than its holder,
    and the ranks only Indonesia's police and armed forces write before a name."""
    titles: list[Title] = []
    words: dict[str, list[str]] = {name: [] for name in TITLE_WORD_LISTS}
    for path in paths:
        data = yamldata.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("titles", []):
            for phrase in item["phrases"]:
                titles.append(
                    Title(
                        phrase=phrase,
                        roles=tuple(item["roles"]),
                        country=item.get("country"),
                        organisation=item.get("organisation"),
                        needs_complement=bool(item.get("needs_complement", False)),
                        default_country=item.get("default_country"),
                    )
                )
        for name in TITLE_WORD_LISTS:
            words[name].extend(data.get(name, []))
    return titles, words


def read_regional_title_specs(paths: Iterable[Path]) -> list[dict]:
    """The offices of Indonesia's regions (``regional_titles`` of titles_id.yaml)."""
    specs: list[dict] = []
    for path in paths:
        specs.extend((yamldata.safe_load(path.read_text(encoding="utf-8")) or {}).get("regional_titles", []))
    return specs


def read_linking(paths: Iterable[Path]) -> dict:
    settings: dict = {}
    for path in paths:
        for key, value in (yamldata.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if isinstance(value, list) and isinstance(settings.get(key), list):
                settings[key] = settings[key] + value
            else:
                settings[key] = value
    return settings


def read_organisation_kinds(paths: Iterable[Path]) -> list[OrganisationKind]:
    kinds = []
    for path in paths:
        for item in (yamldata.safe_load(path.read_text(encoding="utf-8")) or {}).get("kinds", []):
            kinds.extend(OrganisationKind(phrase, item["key"], item["name"]) for phrase in item["phrases"])
    return kinds


def read_local_bodies(paths: Iterable[Path], admin1: Iterable[Path]) -> LocalBodies:
    """The regional units, region short forms and stop words of every ``local_bodies_id.yaml``; Indonesia's
    provinces are named in English from ``admin1.csv``."""
    units, aliases, stops, offices = [], {}, [], []
    for path in paths:
        data = yamldata.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("units", []):
            units.extend((phrase, LocalUnit(item["key"], item["name"])) for phrase in item["phrases"])
        aliases.update(data.get("region_aliases") or {})
        stops.extend(data.get("region_stops") or ())
        offices.extend(data.get("regional_offices") or ())
    names = {row["name_id"]: row["name"] for row in csv_rows(admin1) if row["country"] == "IDN" and row["name_id"]}
    return LocalBodies(units, aliases, names, stops, offices)


def read_seats(paths: Iterable[Path], local_bodies: Iterable[Path], admin1: Iterable[Path]) -> Seats:
    """Listed seats (``seats.csv``), Indonesia's province capitals (``admin1.csv``) and the directions a regional
    body's region may end with (``region_directions`` of ``local_bodies_id.yaml``)."""
    listed = {row["kb_id"]: (row["city"], row["country"]) for row in csv_rows(paths)}
    capitals = {row["name_id"]: row["capital"] for row in csv_rows(admin1)
                if row["country"] == "IDN" and row.get("name_id") and row.get("capital")}
    directions = []
    for path in local_bodies:
        directions.extend((yamldata.safe_load(path.read_text(encoding="utf-8")) or {}).get("region_directions") or ())
    return Seats(listed, capitals, directions)


def read_folders(folders: Sequence[Path]) -> dict[str, Any]:
    """Every record of the data files in ``folders``, later folders extending (and, for the same key,
    replacing) earlier ones: the arguments of :class:`~linimasa.kb.base.KnowledgeBase`."""
    countries = {
        row["iso3"]: Country(iso3=row["iso3"], name=row["name"])
        for row in csv_rows(files_named(COUNTRIES, folders))
    }
    countries.setdefault(INTERNATIONAL, Country(iso3=INTERNATIONAL, name="International organisation"))
    country_aliases = []
    for row in csv_rows(files_named(COUNTRIES, folders)):
        for alias in [row["name"], row.get("name_id", "")] + split_aliases(row.get("aliases", "")):
            if alias:
                country_aliases.append((alias, row["iso3"]))
    for row in csv_rows(files_named(COUNTRY_ALIASES, folders)):
        country_aliases.append((row["alias"], row["iso3"]))
    places = PlaceIndex.from_geonames()
    places.add_aliases(csv_rows(files_named(PLACE_ALIASES, folders)))
    places.add_regions(csv_rows(files_named(REGIONS, folders)), country="IDN")
    titles, title_words = read_titles(files_named(TITLES, folders))
    provinces = [row["name"] for row in csv_rows(files_named(ADMIN1, folders)) if row["country"] == "IDN"]
    titles += regional_titles(read_regional_title_specs(files_named(TITLES, folders)),
                              csv_rows(files_named(REGIONS, folders)), province_names(places, provinces), titles)
    return dict(
        people=read_people(files_named(PEOPLE, folders)),
        roles=read_roles(files_named(ROLES, folders)),
        countries=countries,
        country_aliases=country_aliases,
        organisations=read_organisations(files_named(ORGANISATIONS, folders)),
        titles=titles,
        **title_words,
        places=places,
        linking=read_linking(files_named(LINKING, folders)),
        organisation_kinds=read_organisation_kinds(files_named(ORGANISATION_KINDS, folders)),
        local_bodies=read_local_bodies(files_named(LOCAL_BODIES, folders), files_named(ADMIN1, folders)),
        seats=read_seats(files_named(SEATS, folders), files_named(LOCAL_BODIES, folders), files_named(ADMIN1, folders)),
    )
