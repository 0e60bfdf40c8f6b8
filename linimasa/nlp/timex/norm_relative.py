"""Expressions counted from the anchor or from an earlier date: "pekan lalu", "dua tahun sebelumnya",
"kemarin", "Kamis" (the nearest Thursday on the side the text points to)."""

from __future__ import annotations

import datetime as dt
import re

from linimasa.model import TimeExpression
from linimasa.nlp.timex import dates
from linimasa.nlp.timex.context import (
    UNANCHORED,
    Context,
    add_mod,
    direction_step,
    opens_sentence,
    points_ahead,
)
from linimasa.nlp.timex.dates import WEEKDAY_CONFLICT
from linimasa.nlp.timex.lexicon import normal_words
from linimasa.nlp.timex.norm_durations import count_of, duration_value

# How many expressions back "setahun sebelumnya" looks for the time it counts from.
RELATIVE_REACH = 20
_RANGE_AFTER = re.compile(r"\s*[-–]\s*([\w'’]+)")
_RANGE_BEFORE = re.compile(r"([\w'’]+)\s*[-–]\s*$")
_YEAR_VALUE = re.compile(r"\d{4}(?:-\d{2})?(?:-\d{2})?$")


_UNIT_PRECISION = {"pekan": "W", "minggu": "W", "bulan": "M", "tahun": "Y", "dekade": "DE",
                   "dasawarsa": "DE", "abad": "CE", "hari": "D", "malam": "D"}


def _relative_period(expression: TimeExpression, context: Context, unit_word: str, step: int) -> None:
    precision = _UNIT_PRECISION[normal_words(unit_word)]
    if context.anchor is None:
        expression.flags.append(UNANCHORED)
        return
    shift_unit = {"DE": "Y", "CE": "Y"}.get(precision, precision)
    amount = step * {"DE": 10, "CE": 100}.get(precision, 1)
    shifted = dates.shift_within_calendar(context.anchor, amount, shift_unit)
    if shifted is None:
        expression.value = "PAST_REF" if step < 0 else "FUTURE_REF"
        return
    expression.value = dates.value_at_precision(shifted, precision)
    expression.basis = "anchor"


def norm_relative_unit(match, expression, context, weekday):
    step = direction_step(normal_words(match.group("dir")), context.lexicon)
    _relative_period(expression, context, match.group("unit"), step)


def norm_modified_unit(match, expression, context, weekday):
    lexicon = context.lexicon
    unit = normal_words(match.group("unit"))
    modifier = lexicon.period_modifiers[normal_words(match.group("mod"))]
    step = direction_step(normal_words(match.group("dir")) if match.group("dir") else None, lexicon)
    _relative_period(expression, context, unit, step)
    if unit in ("pekan", "minggu") and modifier == "END":
        if expression.value:
            expression.value += "-WE"  # "akhir pekan" is the weekend
    else:
        add_mod(expression, match, lexicon)


def norm_counted_relative(match, expression, context, weekday):
    lexicon = context.lexicon
    direction = normal_words(match.group("dir"))
    amount, unit = count_of(match, lexicon)
    if direction in lexicon.period_markers:
        expression.type, expression.value = "DURATION", duration_value([(amount, unit)], lexicon)
        return
    reference = context.anchor
    if direction in lexicon.event_relative_markers:
        reference = _last_dated(context, _UNIT_PRECISION.get(unit, "D"))
        if reference is None:
            expression.flags.append("event_relative")
            reference = context.anchor
        direction = "lalu" if direction == "sebelumnya" else "lagi"
    step = direction_step(direction, lexicon)
    if amount is None or amount != int(amount):
        expression.value = "PAST_REF" if step < 0 else "FUTURE_REF"  # "beberapa", "setengah abad lalu"
        return
    precision = _UNIT_PRECISION.get(unit)
    if precision is None:
        expression.type = "TIME"
        return
    if reference is None:
        expression.flags.append(UNANCHORED)
        return
    factor = lexicon.unit(unit).get("factor", 1)
    shift_unit = {"DE": "Y", "CE": "Y"}.get(precision, precision)
    amount = int(amount) * factor * {"DE": 10, "CE": 100}.get(precision, 1)
    shifted = dates.shift_within_calendar(reference, step * amount, shift_unit)
    if shifted is None:
        expression.value = "PAST_REF" if step < 0 else "FUTURE_REF"
        return
    expression.value = dates.value_at_precision(shifted, precision)
    expression.basis = "anchor" if reference is context.anchor else "previous_expression"


def _last_dated(context: Context, precision: str) -> dt.date | None:
    """The first day of the last expression dated finely enough for a count of ``precision`` units
    ("pada 2012 ... setahun sebelumnya"; a week before needs a day)."""
    digits_needed = {"Y": 4, "DE": 4, "CE": 4, "M": 7}.get(precision, 10)
    for earlier, _ in reversed(context.found[-RELATIVE_REACH:]):
        if earlier.value and _YEAR_VALUE.match(earlier.value) and len(earlier.value) >= digits_needed:
            year, *rest = (int(part) for part in earlier.value.split("-"))
            month, day = (rest + [1, 1])[:2]
            return dt.date(year, month, day)
    return None


def norm_relative_day(match, expression, context, weekday):
    offset = context.lexicon.relative_days[normal_words(match.group("rel"))]
    if context.anchor is None:
        expression.flags.append(UNANCHORED)
        return
    expression.value = dates.day_value(context.anchor + dt.timedelta(days=offset))
    expression.basis = "anchor"


def norm_relative_day_part(match, expression, context, weekday):
    entry = context.lexicon.relative_day_parts[normal_words(match.group("rel"))]
    expression.type = "TIME"
    if context.anchor is None:
        expression.flags.append(UNANCHORED)
        return
    day = context.anchor + dt.timedelta(days=entry["offset"])
    expression.value = f"{dates.day_value(day)}T{entry['part']}"
    expression.basis = "anchor"


def _earlier_same_weekday(context: Context, weekday: int) -> TimeExpression | None:
    """An earlier expression that named this weekday with a full date: a later bare weekday is that day."""
    return context.dated_weekdays.get(weekday)


def _in_weekday_range(context: Context, match: re.Match) -> bool:
    text = context.text
    after = _RANGE_AFTER.match(text, match.end("wd"))
    before = _RANGE_BEFORE.search(text, max(0, match.start("wd") - 12), match.start("wd"))
    lexicon = context.lexicon
    return bool((after and lexicon.weekday(after.group(1)) and after.group(1)[0].isupper())
                or (before and lexicon.weekday(before.group(1)) and before.group(1)[0].isupper()))


def norm_weekday(match, expression, context, weekday):
    lexicon = context.lexicon
    part = match.group("part")
    if part:
        expression.type = "TIME"
    suffix = f"T{lexicon.day_parts[normal_words(part)]}" if part else ""
    direction = normal_words(match.group("dir")) if match.group("dir") else None
    week_direction = normal_words(match.group("wdir")) if match.group("wdir") else None
    earlier = None if (direction or week_direction) else _earlier_same_weekday(context, weekday)
    if earlier is not None:
        expression.value = earlier.value[:10] + suffix
        expression.flags += [f for f in earlier.flags if f == WEEKDAY_CONFLICT]
        expression.alternatives += earlier.alternatives
        expression.basis = "same_weekday_as_earlier"
        return
    if _in_weekday_range(context, match):
        expression.value, expression.basis = f"XXXX-WXX-{weekday}" + suffix, "weekday_range"
        return  # "Senin-Jumat": every working day, no particular date
    if weekday == 7 and direction and not part and opens_sentence(context.text, match.start()):
        _relative_period(expression, context, "minggu", direction_step(direction, lexicon))
        return  # "Minggu lalu, ..." opening a sentence or a quote is "last week", not "last Sunday"
    anchor = context.anchor
    if anchor is None:
        expression.value = f"XXXX-WXX-{weekday}" + suffix
        expression.basis = "no_anchor"
        return
    if week_direction:
        day = dates.weekday_in_week(anchor, weekday, direction_step(week_direction, lexicon))
    elif direction in lexicon.present_markers:
        day = dates.weekday_in_week(anchor, weekday)
    elif direction in lexicon.future_markers or (direction is None and points_ahead(context, match.start())):
        day = dates.next_weekday(anchor, weekday)
    else:
        day = dates.last_weekday(anchor, weekday, strictly_before=direction in lexicon.past_markers)
    expression.value = dates.day_value(day) + suffix
    expression.basis = "anchor"
