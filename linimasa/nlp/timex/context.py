"""What normalising a temporal expression needs beyond its own words (:class:`Context`), and the cues
every kind of expression reads the same way: a direction word ("lalu", "depan"), a period modifier
("awal", "akhir"), a cue that the text looks ahead, the start of a sentence."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from linimasa.model import TimeExpression
from linimasa.nlp.timex.lexicon import Lexicon, normal_words

UNANCHORED = "unanchored"
# How far back a clock time looks for the date it belongs to ("22/01/2022, 09:31 WIB").
CLOCK_DATE_REACH = 16
# How far back a weekday looks for a cue that it lies ahead ("akan bertemu ... Kamis").
FUTURE_CUE_REACH = 60


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


def opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?\n"


def points_ahead(context: Context, start: int) -> bool:
    window = context.text[max(0, start - FUTURE_CUE_REACH):start]
    sentence_start = max(window.rfind(". "), window.rfind("\n"))
    return context.lexicon.future_cue_pattern.search(window[sentence_start + 1:]) is not None


def direction_step(direction: str | None, lexicon: Lexicon) -> int:
    if direction in lexicon.past_markers:
        return -1
    if direction in lexicon.future_markers:
        return 1
    return 0


def add_mod(expression: TimeExpression, match: re.Match, lexicon: Lexicon) -> None:
    if match.group("mod"):
        expression.flags.append("mod:" + lexicon.period_modifiers[normal_words(match.group("mod"))])
