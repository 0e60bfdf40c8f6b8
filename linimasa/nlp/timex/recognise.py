"""Recognition of Indonesian temporal expressions and their normalisation to TimeML values.

The patterns come from :mod:`linimasa.nlp.timex.lexicon`. Every pattern proposes candidates; overlapping
candidates are settled by length (the longest reading wins: "Selasa (12/5)" over "12/5"), then by pattern
order. Each surviving candidate is normalised against the anchor date with the precision the words give:
a day, a week, a month, a year, or a year-less day ("XXXX-05-12") when there is no anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from linimasa.model import TimeExpression
from linimasa.nlp.timex import dates
from linimasa.nlp.timex.dates import WEEKDAY_CONFLICT, YEAR_INFERRED
from linimasa.nlp.timex.lexicon import DIGIT, Lexicon, load_lexicon, normal_words

UNANCHORED = "unanchored"
# How far back a clock time looks for the date it belongs to ("22/01/2022, 09:31 WIB").
CLOCK_DATE_REACH = 16
# Beyond this many days from the anchor, a year-less day's weekday may choose its year.
WEEKDAY_YEAR_DISTANCE = 90
# ... and the year it chooses keeps the day within a year and a half of the anchor.
WEEKDAY_YEAR_REACH = 548
# How many expressions back "setahun sebelumnya" looks for the time it counts from.
RELATIVE_REACH = 20
# How far back a weekday looks for a cue that it lies ahead ("akan bertemu ... Kamis").
FUTURE_CUE_REACH = 60

_TOKEN = re.compile(r"(?<![^\W\d_])\d+|[^\W\d_]+|\(")
_WORD_BEFORE = re.compile(r"([\w.$-]+)[\s(]*$")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_RANGE_AFTER = re.compile(r"\s*[-–]\s*([\w'’]+)")
_RANGE_BEFORE = re.compile(r"([\w'’]+)\s*[-–]\s*$")
_RANGE_PARTNER = re.compile(r"\s*(?:[-–]|s\.?/?d\.?|hingga|sampai)\s*\d{1,2}\s+[^\W\d_]+\.?\s+((?:19|20)\d{2})(?!\d)")
_SENTENCE_END = re.compile(r"[.!?\n]")
_YEAR_VALUE = re.compile(r"\d{4}(?:-\d{2})?(?:-\d{2})?$")
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d{2}-\d{2}")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: str
    priority: int
    match: re.Match


@dataclass
class Context:
    """What normalisation needs beyond the expression itself."""

    text: str
    anchor: dt.date | None
    year_range: tuple[int, int] | None
    lexicon: Lexicon
    found: list[tuple[TimeExpression, int | None]]  # earlier expressions with the weekday they named
    dated_weekdays: dict[int, TimeExpression] = field(default_factory=dict)  # last day dated with its weekday


def find_times(text: str, anchor: dt.date | None,
               year_range: tuple[int, int] | None = None) -> list[TimeExpression]:
    """The temporal expressions of ``text``, in order, normalised against ``anchor``.

    Without an anchor a year-less day stays "XXXX-MM-DD", unless ``year_range`` and the weekday named with
    it leave exactly one year (then the year is filled in and flagged ``year_inferred``).
    """
    lexicon = load_lexicon()
    context = Context(text, anchor, tuple(year_range) if year_range else None, lexicon, [])
    expressions = []
    for candidate in _select(_candidates(text, lexicon)):
        expression, weekday = _normalise(candidate, context)
        expressions.append(expression)
        context.found.append((expression, weekday))
        if weekday and expression.value and _DAY_VALUE.match(expression.value):
            context.dated_weekdays[weekday] = expression
    return expressions


def _candidates(text: str, lexicon: Lexicon) -> list[Candidate]:
    """Every reading any pattern gives, tried only where a token that can start it stands."""
    candidates = []
    for token in _TOKEN.finditer(text):
        word = token.group()
        key = DIGIT if word[0].isdigit() else word.lower()
        for priority in lexicon.starters.get(key, ()):
            kind, pattern = lexicon.patterns[priority]
            match = pattern.match(text, token.start())
            if match is None:
                continue
            check = _CHECKS.get(kind)
            span = check(match, text, lexicon) if check else match.span()
            if span is not None and span[1] > span[0]:
                candidates.append(Candidate(span[0], span[1], kind, priority, match))
    return candidates


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """The longest non-overlapping candidates, in text order.

    Candidates only compete within a cluster of overlapping spans, so each cluster is settled on its own:
    the work stays linear in the length of the text.
    """
    chosen: list[Candidate] = []
    cluster: list[Candidate] = []
    cluster_end = -1
    for candidate in sorted(candidates, key=lambda c: c.start):
        if cluster and candidate.start >= cluster_end:
            chosen += _settle(cluster)
            cluster = []
        cluster.append(candidate)
        cluster_end = max(cluster_end, candidate.end) if len(cluster) > 1 else candidate.end
    chosen += _settle(cluster)
    return chosen


def _settle(cluster: list[Candidate]) -> list[Candidate]:
    """Longest first, then pattern order; each one kept if it overlaps none kept before it."""
    kept: list[Candidate] = []
    for candidate in sorted(cluster, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if all(candidate.end <= c.start or candidate.start >= c.end for c in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _word_before(text: str, position: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, position - 30), position)
    return found.group(1).lower() if found else ""


# ---- checks: reject false readings, or narrow the span ------------------------------------------------

def _check_date_paren(match: re.Match, text: str, lexicon: Lexicon):
    day, month = _paren_day_month(match, lexicon)
    if not dates.valid_yearless_day(month, day):
        return None
    if match.group("wd"):
        return match.span()
    inner_start = match.start("d") if match.group("d") else match.start("d2")
    inner_end = max(match.end(g) for g in ("m", "y", "mn", "y2") if match.group(g))
    return inner_start, inner_end


def _paren_day_month(match: re.Match, lexicon: Lexicon) -> tuple[int, int]:
    if match.group("d"):
        return int(match.group("d")), int(match.group("m"))
    return int(match.group("d2")), lexicon.month(match.group("mn"))


def _check_day_month(match: re.Match, text: str, lexicon: Lexicon):
    month = int(match.group("m")) if "m" in match.re.groupindex else lexicon.month(match.group("mn"))
    return match.span() if dates.valid_yearless_day(month, int(match.group("d"))) else None


def _check_year(match: re.Match, text: str, lexicon: Lexicon):
    if match.group("mod") or match.group("tahun"):
        return match.span()
    word_before = _word_before(text, match.start())
    if word_before in lexicon.year_cues or match.group("decade") or match.group("dir"):
        return match.span()
    if word_before in lexicon.year_blockers:
        return None
    following = _NEXT_WORD.match(text, match.end())
    if following and following.group(1).lower() in lexicon.year_quantity_nouns:
        return None  # "2000 orang": a quantity
    before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
    if before and before.group(1)[:1].isupper() and not _opens_sentence(text, before.start()):
        return None  # "Pertamina Outlook 2015": part of a name
    return match.span()


def _check_weekday(match: re.Match, text: str, lexicon: Lexicon):
    if match.group("hari") is None and _word_before(text, match.start()) in lexicon.weekday_name_prefixes:
        return None  # "Pasar Minggu", "Jumat Kliwon"-style names
    return match.span()


def _check_count(match: re.Match, text: str, lexicon: Lexicon):
    number = match.group("n")
    if number and (_YEAR_LIKE.fullmatch(number) or _word_before(text, match.start()) in lexicon.number_blockers):
        return None
    unit = match.group("unit")
    if unit and unit.lower() == "tahun" and _YEAR_AFTER.match(text, match.end("unit")):
        return None  # "UU No 13 Tahun 2003": a law's number and year
    return match.span()


def _check_clock(match: re.Match, text: str, lexicon: Lexicon):
    cue = match.group("cue")
    if cue and cue.lower() == "jam" and not (match.group("mi") or match.group("zone") or match.group("part")):
        return None  # "jam 8" alone is as often "8 hours" as a clock time
    hour = int(match.group("h") or match.group("h2"))
    return match.span() if hour <= 24 else None


def _check_range_start(match: re.Match, text: str, lexicon: Lexicon):
    month = lexicon.month(match.group("mn"))
    return match.span("d") if dates.valid_yearless_day(month, int(match.group("d"))) else None


_CHECKS = {
    "date_range_start": _check_range_start,
    "date_paren": _check_date_paren,
    "date_text": _check_day_month,
    "date_numeric": _check_day_month,
    "date_iso": _check_day_month,
    "year": _check_year,
    "counted_relative": _check_count,
    "duration": _check_count,
    "clock": _check_clock,
    "weekday": _check_weekday,
}


# ---- normalisation ---------------------------------------------------------------------------------

def _normalise(candidate: Candidate, context: Context) -> tuple[TimeExpression, int | None]:
    match = candidate.match
    expression = TimeExpression(candidate.start, candidate.end, context.text[candidate.start:candidate.end],
                                "DATE", None)
    weekday = None
    if "wd" in match.re.groupindex and match.group("wd") and candidate.kind != "set_every":
        weekday = context.lexicon.weekday(match.group("wd"))
    _NORMALISERS[candidate.kind](match, expression, context, weekday)
    return expression, weekday


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


def _norm_date_paren(match, expression, context, weekday):
    day, month = _paren_day_month(match, context.lexicon)
    year_text = match.group("y") or match.group("y2")
    _full_or_yearless(expression, context, day, month, _expand_year(year_text) if year_text else None, weekday)
    if match.group("part") and expression.value:
        expression.type = "TIME"
        expression.value += "T" + context.lexicon.day_parts[normal_words(match.group("part"))]


def _norm_date_text(match, expression, context, weekday):
    year_text = match.group("y") if "y" in match.re.groupindex else None
    if year_text is None:
        partner = _RANGE_PARTNER.match(context.text, match.end())
        year_text = partner.group(1) if partner else None  # "30 November - 12 Desember 2017"
    year = int(year_text) if year_text else None
    direction = normal_words(match.group("dir")) if "dir" in match.re.groupindex and match.group("dir") else None
    _full_or_yearless(expression, context, int(match.group("d")), context.lexicon.month(match.group("mn")),
                      year, weekday, direction)


def _norm_date_numeric(match, expression, context, weekday):
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


def _add_mod(expression: TimeExpression, match: re.Match, lexicon: Lexicon) -> None:
    if match.group("mod"):
        expression.flags.append("mod:" + lexicon.period_modifiers[normal_words(match.group("mod"))])


def _norm_month(match, expression, context, weekday):
    lexicon = context.lexicon
    month = lexicon.month(match.group("mn") or match.group("ma"))
    direction = normal_words(match.group("dir")) if match.group("dir") else None
    _add_mod(expression, match, lexicon)
    if match.group("y"):
        expression.value, expression.basis = f"{match.group('y')}-{month:02d}", "stated"
    elif context.anchor is not None:
        if direction is None and _points_ahead(context, match.start()):
            direction = "mendatang"
        year = _relative_month(context.anchor, month, direction, lexicon)
        expression.value, expression.basis = f"{year:04d}-{month:02d}", "anchor_year"
    else:
        expression.value, expression.basis = f"XXXX-{month:02d}", "no_year"


def _norm_year(match, expression, context, weekday):
    year = match.group("y")
    if match.group("decade"):
        expression.value = year[:3]
    else:
        expression.value = year
        _add_mod(expression, match, context.lexicon)
    expression.basis = "stated"


def _direction_step(direction: str | None, lexicon: Lexicon) -> int:
    if direction in lexicon.past_markers:
        return -1
    if direction in lexicon.future_markers:
        return 1
    return 0


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


def _norm_relative_unit(match, expression, context, weekday):
    step = _direction_step(normal_words(match.group("dir")), context.lexicon)
    _relative_period(expression, context, match.group("unit"), step)


def _norm_modified_unit(match, expression, context, weekday):
    lexicon = context.lexicon
    unit = normal_words(match.group("unit"))
    modifier = lexicon.period_modifiers[normal_words(match.group("mod"))]
    step = _direction_step(normal_words(match.group("dir")) if match.group("dir") else None, lexicon)
    _relative_period(expression, context, unit, step)
    if unit in ("pekan", "minggu") and modifier == "END":
        if expression.value:
            expression.value += "-WE"  # "akhir pekan" is the weekend
    else:
        _add_mod(expression, match, lexicon)


def _count(match: re.Match, lexicon: Lexicon, number_group: str = "n", unit_group: str = "unit"):
    """(amount or None when vague, unit word) of "dua hari", "sepekan", "beberapa tahun"."""
    if match.group("one"):
        return 1.0, lexicon.one_unit_words[match.group("one").lower()]
    return lexicon.number(match.group(number_group)), normal_words(match.group(unit_group))


def _norm_counted_relative(match, expression, context, weekday):
    lexicon = context.lexicon
    direction = normal_words(match.group("dir"))
    amount, unit = _count(match, lexicon)
    if direction in lexicon.period_markers:
        expression.type, expression.value = "DURATION", _duration_value([(amount, unit)], lexicon)
        return
    reference = context.anchor
    if direction in lexicon.event_relative_markers:
        reference = _last_dated(context, _UNIT_PRECISION.get(unit, "D"))
        if reference is None:
            expression.flags.append("event_relative")
            reference = context.anchor
        direction = "lalu" if direction == "sebelumnya" else "lagi"
    step = _direction_step(direction, lexicon)
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


# Smaller units that express a fraction of a larger one exactly ("1,5 jam" = 1 hour 30 minutes).
_SUBDIVISION = {"jam": ("menit", 60), "menit": ("detik", 60), "hari": ("jam", 24), "tahun": ("bulan", 12),
                "pekan": ("hari", 7), "minggu": ("hari", 7)}
_DATE_ORDER = ("CE", "DE", "Y", "M", "W", "D")
_TIME_ORDER = ("H", "M", "S")


def _duration_value(parts: list[tuple[float | None, str]], lexicon: Lexicon) -> str:
    """ISO 8601 duration of counted units: [(1, "jam"), (45, "menit")] -> "PT1H45M"."""
    date_part: dict[str, str] = {}
    time_part: dict[str, str] = {}
    for amount, unit_word in _exact_parts(parts):
        unit = lexicon.unit(unit_word)
        target = time_part if unit.get("time") else date_part
        if amount is None:
            target[unit["designator"]] = "X"
            continue
        amount *= unit.get("factor", 1)
        total = float(target.get(unit["designator"], 0)) + amount
        target[unit["designator"]] = str(int(total)) if total == int(total) else f"{total:g}"
    value = "P" + "".join(date_part[d] + d for d in _DATE_ORDER if d in date_part)
    if time_part:
        value += "T" + "".join(time_part[d] + d for d in _TIME_ORDER if d in time_part)
    return value


def _exact_parts(parts):
    for amount, unit in parts:
        if amount is not None and amount != int(amount) and unit in _SUBDIVISION:
            smaller, ratio = _SUBDIVISION[unit]
            whole = int(amount)
            rest = (amount - whole) * ratio
            if rest == int(rest):
                if whole:
                    yield float(whole), unit
                yield rest, smaller
                continue
        yield amount, unit


def _norm_duration(match, expression, context, weekday):
    lexicon = context.lexicon
    expression.type = "DURATION"
    if match.group("redup"):
        expression.value = _duration_value([(None, lexicon.reduplicated_units[match.group("redup").lower()])],
                                           lexicon)
        return
    parts = [_count(match, lexicon)]
    if match.group("n2"):
        parts.append(_count(match, lexicon, "n2", "unit2"))
    expression.value = _duration_value(parts, lexicon)


def _norm_relative_day(match, expression, context, weekday):
    offset = context.lexicon.relative_days[normal_words(match.group("rel"))]
    if context.anchor is None:
        expression.flags.append(UNANCHORED)
        return
    expression.value = dates.day_value(context.anchor + dt.timedelta(days=offset))
    expression.basis = "anchor"


def _norm_relative_day_part(match, expression, context, weekday):
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


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?\n"


def _points_ahead(context: Context, start: int) -> bool:
    window = context.text[max(0, start - FUTURE_CUE_REACH):start]
    sentence_start = max(window.rfind(". "), window.rfind("\n"))
    return context.lexicon.future_cue_pattern.search(window[sentence_start + 1:]) is not None


def _norm_weekday(match, expression, context, weekday):
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
    if weekday == 7 and direction and not part and _opens_sentence(context.text, match.start()):
        _relative_period(expression, context, "minggu", _direction_step(direction, lexicon))
        return  # "Minggu lalu, ..." opening a sentence or a quote is "last week", not "last Sunday"
    anchor = context.anchor
    if anchor is None:
        expression.value = f"XXXX-WXX-{weekday}" + suffix
        expression.basis = "no_anchor"
        return
    if week_direction:
        day = dates.weekday_in_week(anchor, weekday, _direction_step(week_direction, lexicon))
    elif direction in lexicon.present_markers:
        day = dates.weekday_in_week(anchor, weekday)
    elif direction in lexicon.future_markers or (direction is None and _points_ahead(context, match.start())):
        day = dates.next_weekday(anchor, weekday)
    else:
        day = dates.last_weekday(anchor, weekday, strictly_before=direction in lexicon.past_markers)
    expression.value = dates.day_value(day) + suffix
    expression.basis = "anchor"


def _clock_date(context: Context, start: int) -> str:
    if context.found:
        earlier = context.found[-1][0]
        gap = context.text[earlier.end:start]
        if len(gap) <= CLOCK_DATE_REACH and not _SENTENCE_END.search(gap) and dates.parse_date(earlier.value):
            return earlier.value[:10]
    return dates.day_value(context.anchor) if context.anchor else "XXXX-XX-XX"


def _norm_clock(match, expression, context, weekday):
    lexicon = context.lexicon
    expression.type = "TIME"
    hour = int(match.group("h") or match.group("h2"))
    minute = int(match.group("mi") or match.group("mi2") or 0)
    part = normal_words(match.group("part")) if match.group("part") else None
    if part in lexicon.afternoon_parts and hour < 12 and not (part == "siang" and hour >= 10):
        hour += 12
    zone = match.group("zone")
    offset = lexicon.zones[zone] if zone else ""
    expression.value = f"{_clock_date(context, expression.start)}T{hour:02d}:{minute:02d}{offset}"
    expression.basis = "clock"


def _norm_year_part(match, expression, context, weekday):
    lexicon = context.lexicon
    code = lexicon.year_parts[match.group("part").lower()]
    number = lexicon.year_part_ordinals[match.group("ordinal").lower()]
    if code == "H" and number > 2:
        expression.value = None
        return
    if match.group("y"):
        year, expression.basis = int(match.group("y")), "stated"
    elif context.anchor is not None:
        step = _direction_step(normal_words(match.group("dir")) if match.group("dir") else None, lexicon)
        year, expression.basis = context.anchor.year + step, "anchor_year"
    else:
        expression.value, expression.basis = f"XXXX-{code}{number}", "no_year"
        return
    expression.value = f"{year:04d}-{code}{number}"


def _norm_set_every(match, expression, context, weekday):
    lexicon = context.lexicon
    expression.type = "SET"
    if match.group("wd"):
        expression.value = f"XXXX-WXX-{lexicon.weekday(match.group('wd'))}"
    elif match.group("mn"):
        expression.value = f"XXXX-{lexicon.month(match.group('mn')):02d}"
    else:
        unit = normal_words(match.group("unit"))
        if unit in lexicon.day_parts:
            expression.value = f"XXXX-XX-XXT{lexicon.day_parts[unit]}"
        else:
            amount = lexicon.number(match.group("n")) if match.group("n") else 1.0
            expression.value = _duration_value([(amount, unit)], lexicon)


def _norm_set_frequency(match, expression, context, weekday):
    lexicon = context.lexicon
    expression.type = "SET"
    unit = lexicon.one_unit_words[match.group("one").lower()] if match.group("one") else normal_words(
        match.group("unit"))
    expression.value = _duration_value([(1.0, unit)], lexicon)
    times = lexicon.number(match.group("n"))
    if times is not None:
        expression.flags.append(f"freq:{int(times)}X")


def _norm_set_per(match, expression, context, weekday):
    expression.type = "SET"
    expression.value = _duration_value([(1.0, normal_words(match.group("unit")))], context.lexicon)


def _norm_vague(match, expression, context, weekday):
    expression.value = context.lexicon.vague_references[normal_words(match.group("ref"))]
    expression.basis = "vague"


_NORMALISERS = {
    "date_paren": _norm_date_paren,
    "date_text": _norm_date_text,
    "date_range_start": _norm_date_text,
    "date_numeric": _norm_date_numeric,
    "date_iso": _norm_date_numeric,
    "month": _norm_month,
    "year": _norm_year,
    "modified_unit": _norm_modified_unit,
    "relative_unit": _norm_relative_unit,
    "counted_relative": _norm_counted_relative,
    "duration": _norm_duration,
    "relative_day_part": _norm_relative_day_part,
    "relative_day": _norm_relative_day,
    "weekday": _norm_weekday,
    "clock": _norm_clock,
    "year_part": _norm_year_part,
    "set_every": _norm_set_every,
    "set_frequency": _norm_set_frequency,
    "set_per": _norm_set_per,
    "vague": _norm_vague,
}
