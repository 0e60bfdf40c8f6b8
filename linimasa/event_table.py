"""Events as the one-row-per-event table event-data users know (GDELT, ICEWS, POLECAT): who acted on whom,
the PLOVER codes with their CAMEO code, quad class and intensity, the date with its precision, the place
with coordinates, the provenance, the sources. Every column is read from one field of the event record
(:mod:`linimasa.event_schema`), so the table, the JSON and the web view say the same thing; written as CSV
(lists joined with "; ") or Parquet (lists as lists).

The columns and their meaning are in docs/data-dictionary.md.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterable, TextIO

from . import dates
from .event_schema import EVENT_SCHEMA_VERSION

CODES_FILE = Path(__file__).parent / "data" / "plover_codes.csv"

Record = dict[str, Any]


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


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its kind (for Parquet: str, int, float, bool or list of strings), the field of the event
    record it is read from, and how."""

    kind: str
    field: str
    value: Callable[[Record], Any]


def _same(field: str, kind: str) -> Column:
    """A column holding a record field as it is."""
    if kind == "list":
        return Column(kind, field, lambda r: list(r.get(field) or []))
    return Column(kind, field, lambda r: r.get(field))


def _code(attribute: str, kind: str) -> Column:
    def value(record: Record) -> Any:
        codes = codes_for(record["type"], record.get("mode"))
        return getattr(codes, attribute) if codes else None

    return Column(kind, "type", value)


def _year(record: Record) -> int | None:
    period = dates.parse(record.get("date"))
    return period.first.year if period else None


def _parties(recipient: bool, key: str, kind: str = "list") -> Column:
    """One attribute of the actors (PLOVER's source) or the recipients (its target), in the record's order."""

    def value(record: Record) -> list[Any]:
        parties = [p for p in record["participants"] if (p.get("side") == "recipient") == recipient]
        return [p[key] if key == "name" else (p.get(key) or "") for p in parties]

    return Column(kind, "participants", value)


def _place(key: str, kind: str) -> Column:
    return Column(kind, "location", lambda r: (r.get("location") or {}).get(key))


def _sources(key: str) -> Column:
    if key == "article_id":
        return Column("list", "sources", lambda r: [s["article_id"] for s in r["sources"]])
    return Column("list", "sources", lambda r: [s.get(key) or "" for s in r["sources"]])


COLUMNS: dict[str, Column] = {
    "id": _same("id", "str"),
    "date": _same("date", "str"),
    "date_precision": Column("str", "date", lambda r: dates.precision_name(r.get("date"))),
    "year": Column("int", "date", _year),
    "date_flags": _same("date_flags", "list"),
    "date_alternatives": _same("date_alternatives", "list"),
    "date_basis": _same("date_basis", "str"),
    "type": _same("type", "str"),
    "mode": _same("mode", "str"),
    "modality": _same("modality", "str"),
    "background": Column("bool", "background", lambda r: bool(r.get("background"))),
    "cameo": _code("cameo", "str"),
    "quad_class": _code("quad_class", "str"),
    "quad": _code("quad", "int"),
    "intensity": _code("intensity", "float"),
    **{f"{side}_{plural}": _parties(side == "recipient", key)
       for side in ("actor", "recipient")
       for plural, key in (("names", "name"), ("countries", "country"), ("kinds", "kind"), ("roles", "role"),
                           ("sectors", "sector"), ("codes", "actor_code"), ("sector_bases", "sector_basis"),
                           ("kb_ids", "kb_id"))},
    "place_name": _place("name", "str"),
    "place_city": _place("city", "str"),
    "place_country": _place("country", "str"),
    "place_lat": _place("lat", "float"),
    "place_lon": _place("lon", "float"),
    "place_geonameid": _place("geonameid", "int"),
    "place_admin1": _place("admin1", "str"),
    "place_admin1_code": _place("admin1_code", "str"),
    "place_admin1_geonames": _place("admin1_geonames", "str"),
    "place_kb_id": _place("kb_id", "str"),
    "location_basis": _same("location_basis", "str"),
    "duration_minutes": _same("duration_minutes", "int"),
    "topics": _same("topics", "list"),
    "summary": _same("summary", "str"),
    "trigger_text": Column("str", "trigger", lambda r: (r.get("trigger") or {}).get("text")),
    "confidence": _same("confidence", "float"),
    "story_id": _same("story_id", "str"),
    "source_count": Column("int", "sources", lambda r: len(r["sources"])),
    "outlets": _sources("outlet"),
    "source_urls": _sources("url"),
    "article_ids": _sources("article_id"),
}


def event_row(record: Record) -> dict[str, Any]:
    """One event record as a row of the table (lists as lists; None where unknown)."""
    return {name: column.value(record) for name, column in COLUMNS.items()}


def write_csv(records: Iterable[Record], out: TextIO) -> None:
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
    return pa.schema([(name, kinds[column.kind]) for name, column in COLUMNS.items()],
                     metadata={"linimasa.event_schema": str(EVENT_SCHEMA_VERSION)})


def write_parquet(records: Iterable[Record], out: BinaryIO | str) -> int:
    """The table as Parquet (pyarrow); returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [event_row(record) for record in records]
    table = pa.Table.from_pylist(rows, schema=parquet_schema())
    pq.write_table(table, out)
    return len(rows)
