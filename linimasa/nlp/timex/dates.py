"""Calendar arithmetic and TimeML value formatting (python-dateutil does the month and year steps)."""

from __future__ import annotations

import calendar
import datetime as dt

from dateutil.relativedelta import relativedelta

from linimasa.dates import day_of as parse_date  # the one reading of an ISO day, shared with the rest

WEEKDAY_CONFLICT = "weekday_conflict"
YEAR_INFERRED = "year_inferred"

# Indonesian news is dated in Western Indonesian Time; a publication time given with another offset is
# moved there before its date is taken.
NEWS_TIMEZONE = dt.timezone(dt.timedelta(hours=7))


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def valid_yearless_day(month: int, day: int) -> bool:
    """Whether some year has this day (29 February counts: leap years have it)."""
    return valid_day(2000, month, day)


def day_value(day: dt.date) -> str:
    return day.isoformat()


def week_value(day: dt.date) -> str:
    iso_year, iso_week, _ = day.isocalendar()
    return f"{iso_year}-W{iso_week:02d}"


def month_value(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """``day`` moved by ``amount`` days, weeks, months or years (unit: D, W, M, Y)."""
    step = {"D": relativedelta(days=amount), "W": relativedelta(weeks=amount),
            "M": relativedelta(months=amount), "Y": relativedelta(years=amount)}[unit]
    return day + step


def shift_within_calendar(day: dt.date, amount: int, unit: str) -> dt.date | None:
    """:func:`shift`, or None where the result leaves the years 1-9999 ("60 abad lalu" from 2015)."""
    try:
        return shift(day, amount, unit)
    except (ValueError, OverflowError):
        return None


def value_at_precision(day: dt.date, unit: str) -> str:
    """The TimeML value of the day, month, week, year, decade or century around ``day``."""
    if unit == "D":
        return day_value(day)
    if unit == "W":
        return week_value(day)
    if unit == "M":
        return month_value(day)
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    return f"{day.year // 100:02d}"


def weekday_alternative(day: dt.date, weekday: int) -> dt.date:
    """The date within three days of ``day`` that falls on ``weekday`` (ISO number)."""
    delta = (weekday - day.isoweekday()) % 7
    return day + dt.timedelta(days=delta if delta <= 3 else delta - 7)


def last_weekday(anchor: dt.date, weekday: int, strictly_before: bool = False) -> dt.date:
    delta = (anchor.isoweekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def next_weekday(anchor: dt.date, weekday: int) -> dt.date:
    delta = (weekday - anchor.isoweekday()) % 7 or 7
    return anchor + dt.timedelta(days=delta)


def weekday_in_week(anchor: dt.date, weekday: int, weeks: int = 0) -> dt.date:
    """The given weekday of the ISO week ``weeks`` away from the anchor's week."""
    monday = anchor - dt.timedelta(days=anchor.isoweekday() - 1)
    return monday + dt.timedelta(days=7 * weeks + weekday - 1)


def week_span(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of an ISO week value "2015-W19"."""
    year, week = value.split("-W")
    monday = dt.date.fromisocalendar(int(year), int(week[:2]), 1)
    return monday, monday + dt.timedelta(days=6)


def local_date(value: str | None) -> dt.date | None:
    """The date of a publication date or datetime, in Western Indonesian Time when it carries an offset."""
    day = parse_date(value)
    if day is None or len(value) <= 10:
        return day
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return day
    if moment.tzinfo is None:
        return day
    return moment.astimezone(NEWS_TIMEZONE).date()
