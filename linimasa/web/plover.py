"""PLOVER's event types and their quad categories (``plover.yaml``): what the view calls cooperation and
conflict, and the counts per period folded into those sides."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from linimasa import yamldata

SIDES = ("cooperation", "conflict", "other")


@functools.cache
def quad_classes() -> dict[str, str]:
    """PLOVER type -> quad category (verbal_cooperation, material_conflict, ...)."""
    data = yamldata.safe_load((Path(__file__).with_name("plover.yaml")).read_text(encoding="utf-8"))
    return {event_type: quad for quad, types in data.items() for event_type in types}


def event_types() -> list[str]:
    return list(quad_classes())


def side_of(event_type: str) -> str:
    """cooperation, conflict or other (a type outside PLOVER's sixteen)."""
    quad = quad_classes().get(event_type)
    return quad.split("_", 1)[1] if quad else "other"


def by_side(rows: Iterable[tuple[str, str, int]]) -> list[dict[str, Any]]:
    """(period, type, count) rows folded into one row a period, in the order periods first appear:
    events, cooperation, conflict, other."""
    periods: dict[str, dict[str, Any]] = {}
    for period, event_type, count in rows:
        item = periods.setdefault(period, {"period": period, "events": 0, **{side: 0 for side in SIDES}})
        item["events"] += count
        item[side_of(event_type)] += count
    return list(periods.values())
