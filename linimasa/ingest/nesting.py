"""How deep a decoded JSON value nests, found without recursion.

An article's extra fields travel with it: copied, pickled to worker processes, written as JSON. Each of those
walks a nested value by recursion, and Python stops at about a thousand levels with a RecursionError, so a
field nested that deep would fail the run wherever it was first copied. A reader measures the nesting first
and rejects such an input with the reason.
"""

from __future__ import annotations

from typing import Any

from ..limits import limit_named


def nesting_depth(value: Any, limit: int) -> int:
    """The depth of lists and objects in ``value`` (a scalar is 0, ``[]`` is 1), counted up to ``limit`` + 1."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        depth += 1
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((child, depth) for child in children)
    return deepest


def too_deep(fields: dict[str, Any], limit: int) -> str | None:
    """Why one of ``fields`` cannot travel with an article, or None."""
    for key, value in fields.items():
        if nesting_depth(value, limit) > limit:
            return (f"field '{key}' nests more than {limit} levels deep: an article's fields may nest at most "
                    f"{limit} levels ({limit_named('field_depth')})")
    return None
