"""What the templates draw, computed in Python: highlighted text segments, safe links and chart geometry.

Nothing here builds HTML: templates escape every value, so hostile article text stays text.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .. import dates

WORLD = Path(__file__).with_name("static") / "world.geojson"
MAX_STEP = 60.0  # widest column of a chart, in chart units (a chart is 900 wide)


@dataclass(slots=True)
class Segment:
    """A stretch of article text and the evidence marks over it."""

    text: str
    in_sentence: bool
    fields: tuple[str, ...]
    anchor: str | None = None


def highlight(text: str, spans: list[dict[str, Any]], sentences: list[dict[str, Any]]) -> list[Segment]:
    """The text cut at every evidence boundary; each piece knows which evidence fields cover it and whether it
    lies in a sentence that holds evidence. The first piece of each evidence span carries its anchor
    (``ev-<index>``) so a field can link to its words."""
    length = len(text)
    valid = [(i, s) for i, s in enumerate(spans) if 0 <= s["start"] < s["end"] <= length]
    covering = []
    for _, span in valid:
        for sentence in sentences:
            if sentence["start"] <= span["start"] < sentence["end"]:
                covering.append((sentence["start"], min(sentence["end"], length)))
                break
        else:
            covering.append((span["start"], span["end"]))
    cuts = {0, length}
    for i, span in valid:
        cuts.update((span["start"], span["end"]))
    for start, end in covering:
        cuts.update((start, end))
    points = sorted(cuts)
    segments = []
    anchored: set[int] = set()
    for start, end in zip(points, points[1:]):
        covered = (s.get("field") or "evidence" for _, s in valid if s["start"] <= start and end <= s["end"])
        fields = tuple(dict.fromkeys(covered))
        anchor = None
        for i, span in valid:
            if span["start"] == start and i not in anchored:
                anchored.add(i)
                anchor = anchor or f"ev-{i}"
        in_sentence = any(s <= start and end <= e for s, e in covering)
        segments.append(Segment(text[start:end], in_sentence, fields, anchor))
    return segments


def safe_url(url: str | None) -> str | None:
    """The URL if it is a web link (http or https), else None: no javascript:, data: or relative tricks."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def valid_period(period: str | None) -> bool:
    """Whether ``period`` is a real year, month or day, by the rule every reader of a date follows
    (:mod:`linimasa.dates`): a store written by another tool or by hand may hold anything."""
    return dates.is_valid(period)


def period_bounds(period: str) -> tuple[str, str]:
    """First and last day of a year, month or day period (a malformed period is its own bounds)."""
    found = dates.parse(period)
    return (found.first.isoformat(), found.last.isoformat()) if found else (period, period)


def finer_zoom(zoom: str) -> str:
    return {"year": "month", "month": "day"}.get(zoom, "day")


def coarser(period: str) -> str | None:
    """The period one step up (day -> month -> year), None above a year."""
    return {10: period[:7], 7: period[:4]}.get(len(period))


def zoom_out(since: date | None, until: date | None) -> dict[str, Any] | None:
    """When the date range is exactly one day, month or year: the range and zoom one step wider."""
    if not (since and until):
        return None
    first, last = since.isoformat(), until.isoformat()
    for period in (first, first[:7], first[:4]):
        if period_bounds(period) == (first, last):
            parent = coarser(period)
            if parent is None:
                return {"label": "all dates", "since": None, "until": None, "zoom": "year"}
            lo, hi = period_bounds(parent)
            return {"label": parent, "since": lo, "until": hi, "zoom": "month" if len(parent) == 4 else "day"}
    return None


def period_of(date_value: str | None, zoom: str) -> str:
    if not date_value:
        return "undated"
    return date_value[: {"year": 4, "month": 7, "day": 10}[zoom]]


def _next_period(period: str) -> str:
    if len(period) == 4:
        return f"{int(period) + 1:04d}"
    if len(period) == 7:
        year, month = int(period[:4]), int(period[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return (date.fromisoformat(period) + timedelta(days=1)).isoformat()


def fill_periods(rows: list[dict[str, Any]], keys: tuple[str, ...], limit: int = 400) -> list[dict[str, Any]]:
    """The rows with an empty row for every period missing between the first and the last, so a chart's
    axis is time and not a list of busy periods. Only periods of the finest length present are filled (a
    month among days stays where it sorts); when filling would pass ``limit`` bars the rows stay as they are."""
    if not rows:
        return rows
    if not all(valid_period(r["period"]) for r in rows):
        return rows
    finest = max(len(r["period"]) for r in rows)
    periods = [r["period"] for r in rows if len(r["period"]) == finest]
    present = {r["period"] for r in rows}
    added = []
    current = periods[0]
    while current < periods[-1]:
        current = _next_period(current)
        if current not in present:
            added.append({"period": current, **{k: 0 for k in keys}})
            if len(added) + len(rows) > limit:
                return rows
    return sorted(rows + added, key=lambda r: r["period"])


@dataclass(slots=True)
class Bar:
    label: str
    x: float
    width: float
    parts: list[tuple[str, float, float, int]]  # (class, y, height, count)
    total: int


def bar_chart(rows: list[dict[str, Any]], keys: tuple[str, ...], width: float = 900, height: float = 160) -> list[Bar]:
    """Stacked bars for rows of counts (``keys`` stacked bottom-up), scaled into width x height."""
    if not rows:
        return []
    peak = max(sum(r.get(k, 0) for k in keys) for r in rows) or 1
    step = min(width / len(rows), MAX_STEP)  # a few periods stay bars, not slabs
    bars = []
    for i, row in enumerate(rows):
        y = height
        parts = []
        for key in keys:
            count = row.get(key, 0)
            h = height * count / peak
            y -= h
            if count:
                parts.append((key, round(y, 2), round(h, 2), count))
        bars.append(Bar(row["period"], round(i * step + step * 0.1, 2), round(step * 0.8, 2), parts,
                        sum(r for *_, r in parts)))
    return bars


def mirrored_chart(rows: list[dict[str, Any]], width: float = 900, half: float = 110) -> list[Bar]:
    """Cooperation above the axis, conflict below, one column a month."""
    if not rows:
        return []
    peak = max(max(r["cooperation"], r["conflict"]) for r in rows) or 1
    step = min(width / len(rows), MAX_STEP)  # a few periods stay bars, not slabs
    bars = []
    for i, row in enumerate(rows):
        up = half * row["cooperation"] / peak
        down = half * row["conflict"] / peak
        parts = []
        if row["cooperation"]:
            parts.append(("cooperation", round(half - up, 2), round(up, 2), row["cooperation"]))
        if row["conflict"]:
            parts.append(("conflict", half, round(down, 2), row["conflict"]))
        bars.append(Bar(row["period"], round(i * step + step * 0.1, 2), round(step * 0.8, 2), parts,
                        row["cooperation"] + row["conflict"] + row.get("other", 0)))
    return bars


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular projection into a 360 x 180 box (x east, y down)."""
    return round(lon + 180, 2), round(90 - lat, 2)


@functools.cache
def world_paths() -> tuple[tuple[str, str, str], ...]:
    """(name, iso_a3, SVG path) for each country of the shipped outline."""
    data = json.loads(WORLD.read_text(encoding="utf-8"))
    paths = []
    for feature in data["features"]:
        rings = [ring for polygon in feature["geometry"]["coordinates"] for ring in polygon]
        d = " ".join(
            "M" + " L".join(f"{x},{y}" for x, y in (project(lon, lat) for lon, lat in ring)) + " Z" for ring in rings
        )
        props = feature["properties"]
        paths.append((props.get("name") or "", props.get("iso_a3") or "", d))
    return tuple(paths)


def dot_radius(count: int, peak: int) -> float:
    return round(1.2 + 4.5 * math.sqrt(count / peak), 2) if peak else 1.2


@dataclass(slots=True)
class Span:
    label: str
    kind: str  # "kb" (a dated role from the knowledge base) or "seen" (first to last event naming it)
    x: float
    width: float
    y: float
    title: str


def role_spans(kb_roles: list[dict[str, Any]], roles_seen: list[dict[str, Any]], today: date,
               width: float = 860, row: float = 22) -> tuple[list[Span], list[tuple[float, str]]]:
    """Roles as bars on one time axis (years), knowledge-base periods above the spans seen in events;
    with the axis ticks as (x, year)."""
    items = [(f"{r['role']} ({r['country']})", "kb", r["start"], r["end"] or today.isoformat(),
              f"{r['role']}, {r['country']}: {r['start']} to {r['end'] or 'in office'}") for r in kb_roles]
    items += [(f"{r['role']}{' (' + r['country'] + ')' if r['country'] else ''}", "seen",
               period_bounds(r["first"])[0], period_bounds(r["last"])[1],
               f"named {r['role']} in {r['events']} events, {r['first']} to {r['last']}")
              for r in roles_seen if valid_period(r["first"]) and valid_period(r["last"])]
    if not items:
        return [], []
    first_year = min(int(start[:4]) for _, _, start, _, _ in items)
    last_year = max(int(end[:4]) for _, _, _, end, _ in items) + 1
    span_days = (date(last_year, 1, 1) - date(first_year, 1, 1)).days

    def x(day: str) -> float:
        return round(width * (date.fromisoformat(day) - date(first_year, 1, 1)).days / span_days, 2)

    spans = [
        Span(label, kind, x(start), max(2.0, round(x(end) - x(start), 2)), i * row, title)
        for i, (label, kind, start, end, title) in enumerate(items)
    ]
    step = max(1, (last_year - first_year) // 12)
    ticks = [(x(f"{year}-01-01"), str(year)) for year in range(first_year, last_year + 1, step)]
    return spans, ticks
