"""Build linimasa/kb/data/countries.csv from installed packages: ISO codes from pycountry, English and
Indonesian names from babel (CLDR), with the English names corrected where Wikipedia titles a country
differently (linimasa/kb/data/countries_names_en.csv). Hand aliases (abbreviations such as "AS", "RI",
"Korsel", older names such as "Tiongkok") live in countries_aliases_id.csv and are not touched here.

Run: python scripts/build_kb_countries.py
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pycountry
from babel import Locale

DATA = Path(__file__).resolve().parents[1] / "linimasa" / "kb" / "data"
PARENTHESES = re.compile(r"\s*\(.*?\)")


def english_overrides() -> dict[str, str]:
    with open(DATA / "countries_names_en.csv", encoding="utf-8") as handle:
        return {row["iso3"]: row["name"] for row in csv.DictReader(handle)}


def clean(name: str | None) -> str:
    return PARENTHESES.sub("", name or "").strip()


def rows() -> list[dict[str, str]]:
    english, indonesian = Locale("en").territories, Locale("id").territories
    overrides = english_overrides()
    out = []
    for country in pycountry.countries:
        name = overrides.get(country.alpha_3) or clean(english.get(country.alpha_2)) or country.name
        names_id = {clean(indonesian.get(country.alpha_2))}
        aliases = {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}
        aliases |= names_id | {clean(english.get(country.alpha_2))}
        aliases = sorted(a for a in aliases if a and a != name and " - " not in a and "," not in a)
        out.append(
            {
                "iso3": country.alpha_3,
                "iso2": country.alpha_2,
                "name": name,
                "name_id": clean(indonesian.get(country.alpha_2)),
                "aliases": "|".join(aliases),
                "source": "pycountry (ISO 3166-1); babel CLDR en/id territory names",
            }
        )
    return out


def main() -> None:
    fields = ["iso3", "iso2", "name", "name_id", "aliases", "source"]
    with open(DATA / "countries.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows())


if __name__ == "__main__":
    main()
