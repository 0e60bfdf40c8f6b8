"""Build the offline world outline the map page draws (static/world.geojson).

The outline is Natural Earth's 1:110m countries (public domain) as shipped in the geopandas 0.14.4 wheel
(``geopandas/datasets/naturalearth_lowres``; later geopandas releases dropped it). Reproduce with::

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne
    python -m linimasa.web.build_world /tmp/ne/geopandas-0.14.4-py3-none-any.whl

The shapefile is read here with :mod:`struct` (polygons only, which is all that file holds), so building
needs no GIS library, and serving needs nothing but the JSON it writes.
"""

from __future__ import annotations

import json
import struct
import sys
import zipfile
from pathlib import Path

MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUTPUT = Path(__file__).with_name("static") / "world.geojson"
PRECISION = 2  # decimal degrees kept: about 1 km, far below what a 1:110m outline resolves


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Each record's rings, in file order (a ring is a list of (lon, lat))."""
    shapes = []
    pos = 100
    while pos < len(shp):
        _, words = struct.unpack(">ii", shp[pos : pos + 8])
        content = shp[pos + 8 : pos + 8 + 2 * words]
        pos += 8 + 2 * words
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type != 5:
            shapes.append([])
            continue
        num_parts, num_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{num_parts}i", content[44 : 44 + 4 * num_parts]))
        start = 44 + 4 * num_parts
        points = [struct.unpack("<2d", content[start + 16 * i : start + 16 * i + 16]) for i in range(num_points)]
        bounds = parts + [num_points]
        shapes.append([points[bounds[i] : bounds[i + 1]] for i in range(num_parts)])
    return shapes


def read_dbf(dbf: bytes) -> list[dict[str, str]]:
    """The attribute rows of a dBase III file, as stripped strings."""
    count, header_len, record_len = struct.unpack("<IHH", dbf[4:12])
    fields = []
    pos = 32
    while dbf[pos] != 0x0D:
        name = dbf[pos : pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for i in range(count):
        record = dbf[header_len + i * record_len : header_len + (i + 1) * record_len]
        row, offset = {}, 1  # the first byte is the deletion flag
        for name, width in fields:
            row[name] = record[offset : offset + width].decode("utf-8", "replace").strip()
            offset += width
        rows.append(row)
    return rows


def simplify(ring: list[tuple[float, float]]) -> list[list[float]]:
    """The ring rounded to PRECISION, without the repeated points rounding makes."""
    out: list[list[float]] = []
    for lon, lat in ring:
        point = [round(lon, PRECISION), round(lat, PRECISION)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def build(wheel: Path) -> dict:
    with zipfile.ZipFile(wheel) as zf:
        shapes = read_polygons(zf.read(MEMBER + ".shp"))
        rows = read_dbf(zf.read(MEMBER + ".dbf"))
    features = []
    for rings, row in zip(shapes, rows):
        polygons = [simplify(r) for r in rings]
        polygons = [p for p in polygons if len(p) >= 4]
        if not polygons:
            continue
        features.append({
            "type": "Feature",
            "properties": {"name": row.get("name"), "iso_a3": row.get("iso_a3")},
            "geometry": {"type": "MultiPolygon", "coordinates": [[p] for p in polygons]},
        })
    return {"type": "FeatureCollection", "source": "Natural Earth 1:110m countries (public domain)",
            "features": features}


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        sys.exit(__doc__)
    collection = build(Path(argv[0]))
    OUTPUT.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{OUTPUT}: {len(collection['features'])} countries, {OUTPUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
