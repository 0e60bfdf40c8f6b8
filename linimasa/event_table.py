"""Events as the one-row-per-event table event-data users know (GDELT, ICEWS, POLECAT): who acted on whom,
the PLOVER codes with their CAMEO code, quad class and intensity, the date with its precision, the place
with coordinates, the sources. Built from the contract's event record, so the table, the JSON and the web
view say the same thing; written as CSV (lists joined with "; ") or Parquet (lists as lists).

The columns and their meaning are in docs/data-dictionary.md.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterable, TextIO

from .dates import precision_name

CODES_FILE = Path(__file__).parent / "data" / "plover_codes.csv"

# name -> (kind for Parquet: str | float | int | bool | list)
COLUMNS: dict[str, str] = {
    "id": "str", "date": "str", "date_precision": "str", "year": "int", "date_flags": "list",
    "type": "str", "mode": "str", "modality": "str", "background": "bool",
    "cameo": "str", "quad_class": "str", "quad": "int", "intensity": "float",
    "actor_names": "list", "actor_countries": "list", "actor_kinds": "list", "actor_roles": "list",
    "actor_sectors": "list", "actor_codes": "list", "actor_sector_bases": "list", "actor_kb_ids": "list",
    "recipient_names": "list", "recipient_countries": "list", "recipient_kinds": "list", "recipient_roles": "list",
    "recipient_sectors": "list", "recipient_codes": "list", "recipient_sector_bases": "list", "recipient_kb_ids": "list",
    "place_name": "str", "place_city": "str", "place_country": "str", "place_lat": "float", "place_lon": "float",
    "place_geonameid": "int", "place_admin1": "str", "place_admin1_code": "str", "place_admin1_geonames": "str",
    "duration_minutes": "int", "topics": "list", "summary": "str",
    "source_count": "int", "outlets": "list", "source_urls": "list", "article_ids": "list",
}


@dataclass(frozen=True, slots=True)
class PloverCode:
    cameo: str
    quad_class: str
    quad: int
    intensity: float | None


@functools.cache
def plover_codes() -> dict[tuple[str, str], PloverCode]:
    """(type, mode) -> codes, from linimasa/data/plover_codes.csv (scripts/build_plover_codes.py)."""
    with CODES_FILE.open(encoding="utf-8", newline="") as handle:
        return {(row["type"], row["mode"]): PloverCode(row["cameo"], row["quad_class"], int(row["quad"]),
                                                       float(row["intensity"]) if row["intensity"] else None)
                for row in csv.DictReader(handle)}


def codes_for(event_type: str, mode: str | None) -> PloverCode | None:
    table = plover_codes()
    return table.get((event_type, mode or "")) or table.get((event_type, ""))


def _side(participants: list[dict[str, Any]], recipient: bool) -> list[dict[str, Any]]:
    return [p for p in participants if (p.get("side") == "recipient") == recipient]


def event_row(record: dict[str, Any]) -> dict[str, Any]:
    """One contract event record as a row of the table (lists as lists; None where unknown)."""
    place = record.get("location") or {}
    codes = codes_for(record["type"], record.get("mode"))
    row: dict[str, Any] = {
        "id": record["id"], "date": record.get("date"), "date_precision": precision_name(record.get("date")),
        "year": int(record["date"][:4]) if record.get("date") else None,
        "date_flags": list(record.get("date_flags") or []),
        "type": record["type"], "mode": record.get("mode"), "modality": record.get("modality"),
        "background": bool(record.get("background")),
        "cameo": codes.cameo if codes else None, "quad_class": codes.quad_class if codes else None,
        "quad": codes.quad if codes else None, "intensity": codes.intensity if codes else None,
        "place_name": place.get("name"), "place_city": place.get("city"), "place_country": place.get("country"),
        "place_lat": place.get("lat"), "place_lon": place.get("lon"), "place_geonameid": place.get("geonameid"),
        "place_admin1": place.get("admin1"), "place_admin1_code": place.get("admin1_code"),
        "place_admin1_geonames": place.get("admin1_geonames"),
        "duration_minutes": record.get("duration_minutes"), "topics": list(record.get("topics") or []),
        "summary": record.get("summary"),
        "source_count": len(record["sources"]),
        "outlets": [s.get("outlet") or "" for s in record["sources"]],
        "source_urls": [s.get("url") or "" for s in record["sources"]],
        "article_ids": [s["article_id"] for s in record["sources"]],
    }
    for side, recipient in (("actor", False), ("recipient", True)):
        parties = _side(record["participants"], recipient)
        row[f"{side}_names"] = [p["name"] for p in parties]
        row[f"{side}_countries"] = [p.get("country") or "" for p in parties]
        row[f"{side}_kinds"] = [p.get("kind") or "" for p in parties]
        row[f"{side}_roles"] = [p.get("role") or "" for p in parties]
        row[f"{side}_sectors"] = [p.get("sector") or "" for p in parties]
        row[f"{side}_codes"] = [p.get("actor_code") or "" for p in parties]
        row[f"{side}_sector_bases"] = [p.get("sector_basis") or "" for p in parties]
        row[f"{side}_kb_ids"] = [p.get("kb_id") or "" for p in parties]
    return {name: row[name] for name in COLUMNS}


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS))
    writer.writeheader()
    for record in records:
        row = event_row(record)
        writer.writerow({name: "; ".join(value) if isinstance(value, list) else ("" if value is None else value)
                         for name, value in row.items()})


def parquet_schema():
    import pyarrow as pa

    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string())}
    return pa.schema([(name, kinds[kind]) for name, kind in COLUMNS.items()])


def write_parquet(records: Iterable[dict[str, Any]], out: BinaryIO | str) -> int:
    """The table as Parquet (pyarrow); returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [event_row(record) for record in records]
    table = pa.Table.from_pylist(rows, schema=parquet_schema())
    pq.write_table(table, out)
    return len(rows)
