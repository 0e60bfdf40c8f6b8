"""Durations ("selama empat jam", "1,5 jam") and sets ("setiap Senin", "dua kali sepekan") as ISO 8601
durations and TimeML set values."""

from __future__ import annotations

import re

from linimasa.nlp.timex.lexicon import Lexicon, normal_words


def count_of(match: re.Match, lexicon: Lexicon, number_group: str = "n", unit_group: str = "unit"):
    """(amount or None when vague, unit word) of "dua hari", "sepekan", "beberapa tahun"."""
    if match.group("one"):
        return 1.0, lexicon.one_unit_words[match.group("one").lower()]
    return lexicon.number(match.group(number_group)), normal_words(match.group(unit_group))


# Smaller units that express a fraction of a larger one exactly ("1,5 jam" = 1 hour 30 minutes).
_SUBDIVISION = {"jam": ("menit", 60), "menit": ("detik", 60), "hari": ("jam", 24), "tahun": ("bulan", 12),
                "pekan": ("hari", 7), "minggu": ("hari", 7)}
_DATE_ORDER = ("CE", "DE", "Y", "M", "W", "D")
_TIME_ORDER = ("H", "M", "S")


def duration_value(parts: list[tuple[float | None, str]], lexicon: Lexicon) -> str:
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


def norm_duration(match, expression, context, weekday):
    lexicon = context.lexicon
    expression.type = "DURATION"
    if match.group("redup"):
        expression.value = duration_value([(None, lexicon.reduplicated_units[match.group("redup").lower()])],
                                           lexicon)
        return
    parts = [count_of(match, lexicon)]
    if match.group("n2"):
        parts.append(count_of(match, lexicon, "n2", "unit2"))
    expression.value = duration_value(parts, lexicon)


def norm_set_every(match, expression, context, weekday):
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
            expression.value = duration_value([(amount, unit)], lexicon)


def norm_set_frequency(match, expression, context, weekday):
    lexicon = context.lexicon
    expression.type = "SET"
    unit = lexicon.one_unit_words[match.group("one").lower()] if match.group("one") else normal_words(
        match.group("unit"))
    expression.value = duration_value([(1.0, unit)], lexicon)
    times = lexicon.number(match.group("n"))
    if times is not None:
        expression.flags.append(f"freq:{int(times)}X")


def norm_set_per(match, expression, context, weekday):
    expression.type = "SET"
    expression.value = duration_value([(1.0, normal_words(match.group("unit")))], context.lexicon)
