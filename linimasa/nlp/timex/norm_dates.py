"""Days, months, years, parts of a year and clock times, as stated or with the year the anchor gives
("Selasa (12/5)", "Juli lalu", "2015", "semester kedua 2016", "09.30 WIB")."""

from __future__ import annotations

import datetime as dt
import re

from linimasa.model import TimeExpression
from linimasa.nlp.timex import dates
from linimasa.nlp.timex.context import CLOCK_DATE_REACH, Context, add_mod, direction_step, points_ahead
from linimasa.nlp.timex.dates import WEEKDAY_CONFLICT, YEAR_INFERRED
from linimasa.nlp.timex.lexicon import Lexicon, normal_words

# Beyond this many days from the anchor, a year-less day's weekday may choose its year.
WEEKDAY_YEAR_DISTANCE = 90
# ... and the year it chooses keeps the day within a year and a half of the anchor.
WEEKDAY_YEAR_REACH = 548
_RANGE_PARTNER = re.compile(r"\s*(?:[-–]|s\.?/?d\.?|hingga|sampai)\s*\d{1,2}\s+[^\W\d_]+\.?\s+((?:19|20)\d{2})(?!\d)")
_SENTENCE_END = re.compile(r"[.!?\n]")


def paren_day_month(match: re.Match, lexicon: Lexicon) -> tuple[int, int]:
    if match.group("d"):
        return int(match.group("d")), int(match.group("m"))
    return int(match.group("d2")), lexicon.month(match.group("mn"))


def _expand_year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _set_day(expression: TimeExpression, day: dt.date, weekday: int | None) -> None:
    expression.value = dates.day_value(day)
    if weekday and day.isoweekday() != weekday:
        expression.flags.append(WEEKDAY_CONFLICT)
        expression.alternatives.append(dates.day_value(dates.weekday_alternative(day, weekday)))


def _full_or_yearless(expression: TimeExpression, context: Context, day: int, month: int, year: int | None,
                      weekday: int | None, direction: str | None = None) -> None:
    if year is not None:
        if dates.valid_day(year, month, day):
            _set_day(expression, dt.date(year, month, day), weekday)
            expression.basis = "stated"
        return
    if context.anchor is not None:
        resolved = _nearest_year(context.anchor, month, day, direction, context.lexicon)
        if resolved is not None:
            basis = "anchor_year"
            fitting = _weekday_year(context.anchor, resolved, weekday)
            if fitting is not None:
                resolved, basis = fitting, "weekday_year"
                expression.flags.append(YEAR_INFERRED)
            _set_day(expression, resolved, weekday)
            expression.basis = basis
            return
    expression.value = f"XXXX-{month:02d}-{day:02d}"
    expression.basis = "no_year"
    if weekday and context.year_range:
        low, high = context.year_range
        fitting = [y for y in range(low, high + 1)
                   if dates.valid_day(y, month, day) and dt.date(y, month, day).isoweekday() == weekday]
        if len(fitting) == 1:
            expression.value = dates.day_value(dt.date(fitting[0], month, day))
            expression.flags.append(YEAR_INFERRED)
            expression.basis = f"weekday+year_range {low}-{high}"


def _weekday_year(anchor: dt.date, nearest: dt.date, weekday: int | None) -> dt.date | None:
    """The same day a year earlier or later when only it has the weekday the text gives and the nearest
    reading lies months from the anchor ("Rabu (15/5)" in an October 2025 report: 15 May 2024, a
    Wednesday). Near the anchor the nearest reading stands and a conflict is flagged instead."""
    if not weekday or nearest.isoweekday() == weekday or abs((nearest - anchor).days) <= WEEKDAY_YEAR_DISTANCE:
        return None
    fitting = [d for d in (_same_day(nearest, -1), _same_day(nearest, 1))
               if d is not None and d.isoweekday() == weekday and abs((d - anchor).days) <= WEEKDAY_YEAR_REACH]
    return fitting[0] if len(fitting) == 1 else None


def _same_day(day: dt.date, years: int) -> dt.date | None:
    year = day.year + years
    return dt.date(year, day.month, day.day) if dates.valid_day(year, day.month, day.day) else None


def _nearest_year(anchor: dt.date, month: int, day: int, direction: str | None, lexicon: Lexicon):
    """The year that puts a year-less day nearest the anchor (on the side the text says, if it says)."""
    options = [dt.date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if dates.valid_day(y, month, day)]
    if direction in lexicon.past_markers:
        options = [d for d in options if d <= anchor]
    elif direction in lexicon.future_markers:
        options = [d for d in options if d >= anchor]
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor)) if options else None


def norm_date_paren(match, expression, context, weekday):
    day, month = paren_day_month(match, context.lexicon)
    year_text = match.group("y") or match.group("y2")
    _full_or_yearless(expression, context, day, month, _expand_year(year_text) if year_text else None, weekday)
    if match.group("part") and expression.value:
        expression.type = "TIME"
        expression.value += "T" + context.lexicon.day_parts[normal_words(match.group("part"))]


def norm_date_text(match, expression, context, weekday):
    year_text = match.group("y") if "y" in match.re.groupindex else None
    if year_text is None:
        partner = _RANGE_PARTNER.match(context.text, match.end())
        year_text = partner.group(1) if partner else None  # "30 November - 12 Desember 2017"
    year = int(year_text) if year_text else None
    direction = normal_words(match.group("dir")) if "dir" in match.re.groupindex and match.group("dir") else None
    _full_or_yearless(expression, context, int(match.group("d")), context.lexicon.month(match.group("mn")),
                      year, weekday, direction)


def norm_date_numeric(match, expression, context, weekday):
    _full_or_yearless(expression, context, int(match.group("d")), int(match.group("m")),
                      int(match.group("y")), weekday)


def _relative_month(anchor: dt.date, month: int, direction: str | None, lexicon: Lexicon) -> int:
    """The year of a month named without one ("Juli lalu", "Oktober ini", "pada Juni")."""
    if direction in lexicon.present_markers:
        return anchor.year
    if direction in lexicon.past_markers:
        return anchor.year if month <= anchor.month else anchor.year - 1
    if direction in lexicon.future_markers:
        return anchor.year if month >= anchor.month else anchor.year + 1
    distance = month - anchor.month
    if distance > 6:
        return anchor.year - 1
    if distance < -6:
        return anchor.year + 1
    return anchor.year


def norm_month(match, expression, context, weekday):
    lexicon = context.lexicon
    month = lexicon.month(match.group("mn") or match.group("ma"))
    direction = normal_words(match.group("dir")) if match.group("dir") else None
    add_mod(expression, match, lexicon)
    if match.group("y"):
        expression.value, expression.basis = f"{match.group('y')}-{month:02d}", "stated"
    elif context.anchor is not None:
        if direction is None and points_ahead(context, match.start()):
            direction = "mendatang"
        year = _relative_month(context.anchor, month, direction, lexicon)
        expression.value, expression.basis = f"{year:04d}-{month:02d}", "anchor_year"
    else:
        expression.value, expression.basis = f"XXXX-{month:02d}", "no_year"


def norm_year(match, expression, context, weekday):
    year = match.group("y")
    if match.group("decade"):
        expression.value = year[:3]
    else:
        expression.value = year
        add_mod(expression, match, context.lexicon)
    expression.basis = "stated"


ANCHOR_CLOCK = "anchor_clock"  # a clock time whose day is only the anchor's


def _clock_date(context: Context, start: int) -> tuple[str, str]:
    """The day of a clock time and where it comes from: the date written right before it ("22/01/2022, 09:31
    WIB", basis ``clock``), else the anchor (basis ``anchor_clock``: "sekitar pukul 13.30 Wita" says nothing of
    its day, so event dating does not take it for one: linimasa/nlp/timex/event_date.py)."""
    if context.found:
        earlier = context.found[-1][0]
        gap = context.text[earlier.end:start]
        if len(gap) <= CLOCK_DATE_REACH and not _SENTENCE_END.search(gap) and dates.parse_date(earlier.value):
            return earlier.value[:10], "clock"
    return (dates.day_value(context.anchor) if context.anchor else "XXXX-XX-XX"), ANCHOR_CLOCK


def norm_clock(match, expression, context, weekday):
    lexicon = context.lexicon
    expression.type = "TIME"
    hour = int(match.group("h") or match.group("h2"))
    minute = int(match.group("mi") or match.group("mi2") or 0)
    part = normal_words(match.group("part")) if match.group("part") else None
    if part in lexicon.afternoon_parts and hour < 12 and not (part == "siang" and hour >= 10):
        hour += 12
    zone = match.group("zone")
    offset = lexicon.zones[zone] if zone else ""
    day, expression.basis = _clock_date(context, expression.start)
    expression.value = f"{day}T{hour:02d}:{minute:02d}{offset}"


def norm_year_part(match, expression, context, weekday):
    lexicon = context.lexicon
    code = lexicon.year_parts[match.group("part").lower()]
    number = lexicon.year_part_ordinals[match.group("ordinal").lower()]
    if code == "H" and number > 2:
        expression.value = None
        return
    if match.group("y"):
        year, expression.basis = int(match.group("y")), "stated"
    elif context.anchor is not None:
        step = direction_step(normal_words(match.group("dir")) if match.group("dir") else None, lexicon)
        year, expression.basis = context.anchor.year + step, "anchor_year"
    else:
        expression.value, expression.basis = f"XXXX-{code}{number}", "no_year"
        return
    expression.value = f"{year:04d}-{code}{number}"


def norm_vague(match, expression, context, weekday):
    expression.value = context.lexicon.vague_references[normal_words(match.group("ref"))]
    expression.basis = "vague"
