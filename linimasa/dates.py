"""Date values as linimasa writes them: one parser for every reader of an event's date.

An event's date is an ISO 8601 calendar value of the precision the reports support: a day
(``2015-05-12``), a month (``2015-05``) or a year (``2015``). Linking, the timeline's date filter, the
event table and the web view all ask the same three things of such a value (is it real, which days can
it stand for, how precise is it), and ask them here, so that they agree on every value, February and
leap years included.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

PRECISIONS: tuple[str, ...] = ("none", "year", "month", "day")

_VALUE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
_DAY_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}(?![\d-])")
# The extractors ask for the same few values over and over (an article's dates, for every event of it):
# ``parse`` and ``day_of`` are pure functions of a string that return immutable values, so their answers are
# kept, for the most recent values only.
READ_CACHE = 4096


@dataclass(frozen=True, slots=True)
class Period:
    """The days one date value can stand for: ``first`` to ``last``, both included."""

    value: str
    precision: str  # year | month | day
    first: dt.date
    last: dt.date


@functools.lru_cache(maxsize=READ_CACHE)
def parse(value: str | None) -> Period | None:
    """The period of a day, month or year value (``2015-05-12``, ``2015-05``, ``2015``); None for no value or
    one that is not a real calendar day, month or year ("2015-02-30", "2015-13", "2015-W19", "XXXX-05-12").
    """
    if not value:
        return None
    found = _VALUE.fullmatch(value)
    if found is None:
        return None
    year = int(found["year"])
    if year < 1:
        return None
    if found["month"] is None:
        return Period(value, "year", dt.date(year, 1, 1), dt.date(year, 12, 31))
    month = int(found["month"])
    if not 1 <= month <= 12:
        return None
    last_day = calendar.monthrange(year, month)[1]
    if found["day"] is None:
        return Period(value, "month", dt.date(year, month, 1), dt.date(year, month, last_day))
    day = int(found["day"])
    if not 1 <= day <= last_day:
        return None
    return Period(value, "day", dt.date(year, month, day), dt.date(year, month, day))


def is_valid(value: str | None) -> bool:
    """Whether ``value`` is a real day, month or year. The pipeline writes only such dates, but a store written
    by another tool or by hand may hold anything."""
    return parse(value) is not None


def bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a date value covers ("2016-02" -> 2016-02-01 .. 2016-02-29); None when it is not a
    real day, month or year."""
    period = parse(value)
    return (period.first, period.last) if period is not None else None


def precision(value: str | None) -> int:
    """How many of year, month and day a value states: 0 (no value) to 3 (a day). Other TimeML values rank by
    their parts the same way (a week ``2015-W19`` with a month, ``XXXX-05-12`` with a day): the events stage
    compares the candidates for an event's date, which may be any of them, on this one scale."""
    return len(value.split("-")) if value else 0


def precision_name(value: str | None) -> str:
    """What a date value states: "day", "month", "year", or "none"."""
    return PRECISIONS[min(precision(value), 3)]


def more_precise(a: str, b: str) -> bool:
    return precision(a) > precision(b)


def overlaps(value: str | None, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether a date value (possibly only a month or a year) can fall in [since, until]; either end may be
    open. An undated event falls in no range but the open one; a malformed date is compared as written, as
    the day of its first ten characters would sort."""
    if value is None:
        return since is None and until is None
    period = parse(value)
    if period is not None:
        first, last = period.first.isoformat(), period.last.isoformat()
    else:
        first = last = value
    if since and last < since.isoformat():
        return False
    if until and first > until.isoformat():
        return False
    return True


def sql_overlaps(column: str, since: dt.date | None, until: dt.date | None) -> tuple[list[str], list[str]]:
    """:func:`overlaps` as SQL conditions on a date ``column`` (with their parameters), for a store to filter
    by: a value of a month or a year reaches the range when its prefix of the range's ends does. The first
    condition of each end lets an index on the column bound the scan."""
    clauses: list[str] = []
    params: list[str] = []
    if since:
        clauses.append(f"{column} >= ? AND {column} >= substr(?, 1, length({column}))")
        params += [since.isoformat()[:4], since.isoformat()]
    if until:
        clauses.append(f"{column} <= ? AND {column} <= substr(?, 1, length({column}))")
        params += [until.isoformat(), until.isoformat()]
    return clauses, params


def sql_day_within(column: str, since: dt.date | None, until: dt.date | None) -> tuple[list[str], list[str]]:
    """SQL conditions (and parameters) that an ISO date or datetime ``column`` (a publication date) falls on a
    day of [since, until], either end open, its day read as :func:`day_of` reads it: its first ten characters."""
    clauses: list[str] = []
    params: list[str] = []
    if since:
        clauses.append(f"{column} >= ?")
        params.append(since.isoformat())
    if until:
        clauses.append(f"substr({column}, 1, 10) <= ?")
        params.append(until.isoformat())
    return clauses, params


def representative_day(value: str | None) -> dt.date | None:
    """One day standing for a day, month or year value: the day itself, the 15th of a month, the 1st of July of
    a year (for asking who held an office then); None when the value is no real day, month or year."""
    period = parse(value)
    if period is None:
        return None
    if period.precision == "month":
        return period.first.replace(day=15)
    if period.precision == "year":
        return period.first.replace(month=7)
    return period.first


def parse_day(value: str) -> dt.date:
    """A ``YYYY-MM-DD`` day; ValueError naming the value and the form expected otherwise (Python's own
    ``date.fromisoformat`` also takes ``20150512`` and ``2015-W19-2``, which no user means as a day here)."""
    period = parse(value)
    if period is None or period.precision != "day":
        raise ValueError(f"'{value}' is not a date of the form YYYY-MM-DD")
    return period.first


@functools.lru_cache(maxsize=READ_CACHE)
def day_of(value: str | None) -> dt.date | None:
    """The calendar day an ISO date or datetime starts with (``2015-05-12T09:30:00+07:00`` -> 2015-05-12), as
    written: no time zone is applied. None when it does not start with a real ``YYYY-MM-DD`` day: a week
    (``2015-W19``) or a day of no year (``XXXX-05-12``) is no day, and neither is the basic form
    ``20150512``, so a TimeML value and a publication date are read by the one rule."""
    if not value or not _DAY_PREFIX.match(value):
        return None
    period = parse(value[:10])
    return period.first if period is not None else None
