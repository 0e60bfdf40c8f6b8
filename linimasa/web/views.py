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


def quote_of(record: dict[str, Any], texts: dict[str, str], sentences: dict[str, list[dict[str, Any]]]
             ) -> dict[str, Any] | None:
    """The sentence of the earliest report that holds the words naming the event, to quote beside the
    generated summary; None when no report's text is stored."""
    for source in record["sources"]:
        trigger = next((e for e in source["evidence"] if e.get("field") == "trigger"), None)
        text = texts.get(source["article_id"])
        if trigger is None or not text:
            continue
        span = next(((s["start"], s["end"]) for s in sentences.get(source["article_id"], [])
                     if s["start"] <= trigger["start"] < s["end"]), (trigger["start"], trigger["end"]))
        return {"text": " ".join(text[span[0]:span[1]].split()), "outlet": source.get("outlet"),
                "article_id": source["article_id"]}
    return None


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


@dataclass(slots=True)
class Bar:
    label: str
    x: float
    width: float
    parts: list[tuple[str, float, float, int]]  # (class, y, height, count)
    total: int
    clipped: bool = False  # taller than the chart's scale: drawn to the top, with its count


@dataclass(slots=True)
class Chart:
    """Bars on a true time axis: each period's bar spans its days, so a gap of years is a gap; a y axis with
    counts; a scale cut at ``cap`` when a few periods would flatten the rest (those bars are marked); and the
    undated events in a column of their own at the right."""

    bars: list[Bar]
    yticks: list[tuple[float, int]]  # (y, count)
    xticks: list[tuple[float, str]]  # (x, label)
    height: float
    width: float
    cap: int | None = None
    undated: Bar | None = None
    baseline: float = 0.0  # y of the zero line (mirrored charts: the middle)


UNDATED_GAP = 70.0  # chart units kept right of the time axis for the undated column
OUTLIER_RATIO = 3  # the scale is cut when the busiest period has this many times the 90th percentile


def _nice(value: float) -> int:
    """The smallest 1, 2 or 5 times a power of ten at or above ``value``."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= value))


def _scale(totals: list[int]) -> tuple[int, int | None]:
    """(top of the y axis, cap or None): the busiest period, unless it would flatten the rest."""
    peak = max(totals, default=0)
    busy = sorted(t for t in totals if t)
    if len(busy) >= 5:
        typical = busy[int(0.9 * (len(busy) - 1))]
        if typical and peak > OUTLIER_RATIO * typical:
            cap = _nice(typical * 1.5)
            return cap, cap
    return _nice(peak), None


def _yticks(top: int, height: float, baseline: float, down: bool = False) -> list[tuple[float, int]]:
    step = max(1, _nice(top / 4))
    sign = 1 if down else -1
    return [(round(baseline + sign * height * v / top, 2), v) for v in range(0, top + 1, step)]


def _days(period: str) -> tuple[date, date] | None:
    found = dates.parse(period)
    return (found.first, found.last) if found else None


def _xticks(first: date, last: date, x) -> list[tuple[float, str]]:
    """Labels at round dates, at most about twelve, never one per bar."""
    years = last.year - first.year
    if years >= 3:
        step = max(1, _nice(years / 10))
        return [(x(date(y, 1, 1)), str(y)) for y in range(first.year + (-first.year) % step, last.year + 1, step)
                if date(y, 1, 1) >= first]
    months = years * 12 + last.month - first.month
    if months >= 2:
        step = next(m for m in (1, 2, 3, 6, 12) if months / m <= 12)
        ticks, y, m = [], first.year, first.month
        while date(y, m, 1) <= last:
            if date(y, m, 1) >= first and (m - 1) % step == 0:
                ticks.append((x(date(y, m, 1)), f"{y}-{m:02d}"))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return ticks
    days = (last - first).days
    step = max(1, math.ceil((days + 1) / 10))
    return [(x(first + timedelta(d)), (first + timedelta(d)).isoformat()) for d in range(0, days + 1, step)]


def _axis(rows: list[dict[str, Any]], width: float):
    """The time axis of a chart's rows: (rows with their days, x of a day, x ticks), or None when a period is
    not a real year, month or day."""
    spans = [(_days(r["period"]), r) for r in rows]
    if not spans or any(s is None for s, _ in spans):
        return None
    first = min(s[0] for s, _ in spans)
    last = max(s[1] for s, _ in spans)
    total_days = (last - first).days + 1

    def x(day: date) -> float:
        return round(width * (day - first).days / total_days, 2)

    return spans, x, _xticks(first, last, x)


def time_chart(rows: list[dict[str, Any]], keys: tuple[str, ...], undated: int = 0, width: float = 900,
               height: float = 160) -> Chart | None:
    """Stacked bars (``keys`` bottom-up) of periods on a true time axis, and the undated count beside."""
    plot = width - (UNDATED_GAP if undated else 0)
    axis = _axis(rows, plot) if rows else None
    totals = [sum(r.get(k, 0) for k in keys) for r in rows] + ([undated] if undated else [])
    if axis is None and not undated:
        return None
    top, cap = _scale(totals)

    def stack(label: str, x0: float, w: float, counts: list[tuple[str, int]]) -> Bar:
        y, parts, total, stacked = height, [], sum(n for _, n in counts), 0
        clipped = cap is not None and total > cap
        for key, count in counts:
            shown = min(count, max(0, top - stacked))  # a clipped bar's parts stop at the top
            stacked += count
            h = height * shown / top
            y -= h
            if count:
                parts.append((key, round(y, 2), round(h, 2), count))
        return Bar(label, round(x0, 2), round(max(w, 1.5), 2), parts, total, clipped)

    bars, xticks = [], []
    if axis is not None:
        spans, x, xticks = axis
        for (first, last), row in spans:
            x0, x1 = x(first), x(last + timedelta(days=1))
            gap = min(2.0, (x1 - x0) * 0.15)
            bars.append(stack(row["period"], x0 + gap / 2, x1 - x0 - gap, [(k, row.get(k, 0)) for k in keys]))
    undated_bar = stack("undated", plot + 20, UNDATED_GAP - 30, [("other", undated)]) if undated else None
    return Chart(bars, _yticks(top, height, height), xticks, height, width, cap, undated_bar, height)


def mirrored_chart(rows: list[dict[str, Any]], undated: dict[str, int] | None = None, width: float = 900,
                   half: float = 100) -> Chart | None:
    """Cooperation above the axis, conflict below, each period on a true time axis; undated events beside."""
    undated = undated or {}
    has_undated = bool(undated.get("cooperation") or undated.get("conflict"))
    plot = width - (UNDATED_GAP if has_undated else 0)
    axis = _axis(rows, plot) if rows else None
    if axis is None and not has_undated:
        return None
    values = [max(r["cooperation"], r["conflict"]) for r in rows] + [max(undated.get("cooperation", 0),
                                                                        undated.get("conflict", 0))]
    top, cap = _scale(values)

    def column(label: str, x0: float, w: float, row: dict[str, int]) -> Bar:
        up, down = min(row.get("cooperation", 0), top), min(row.get("conflict", 0), top)
        parts = []
        if row.get("cooperation"):
            parts.append(("cooperation", round(half - half * up / top, 2), round(half * up / top, 2),
                          row["cooperation"]))
        if row.get("conflict"):
            parts.append(("conflict", half, round(half * down / top, 2), row["conflict"]))
        clipped = cap is not None and max(row.get("cooperation", 0), row.get("conflict", 0)) > cap
        return Bar(label, round(x0, 2), round(max(w, 1.5), 2), parts,
                   row.get("cooperation", 0) + row.get("conflict", 0) + row.get("other", 0), clipped)

    bars, xticks = [], []
    if axis is not None:
        spans, x, xticks = axis
        for (first, last), row in spans:
            x0, x1 = x(first), x(last + timedelta(days=1))
            gap = min(2.0, (x1 - x0) * 0.15)
            bars.append(column(row["period"], x0 + gap / 2, x1 - x0 - gap, row))
    undated_bar = column("undated", plot + 20, UNDATED_GAP - 30, undated) if has_undated else None
    ticks = _yticks(top, half, half) + _yticks(top, half, half, down=True)[1:]
    return Chart(bars, ticks, xticks, 2 * half, width, cap, undated_bar, half)


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
