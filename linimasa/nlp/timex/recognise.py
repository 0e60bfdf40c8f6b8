"""Recognition of Indonesian temporal expressions and their normalisation to TimeML values.

The patterns come from :mod:`linimasa.nlp.timex.lexicon`. Every pattern proposes candidates; overlapping
candidates are settled by length (the longest reading wins: "Selasa (12/5)" over "12/5"), then by pattern
order. Each surviving candidate is normalised against the anchor date with the precision the words give
(:mod:`linimasa.nlp.timex.normalise`): a day, a week, a month, a year, or a year-less day ("XXXX-05-12")
when there is no anchor.
"""

from __future__ import annotations

import datetime as dt
import re

from linimasa.model import TimeExpression
from linimasa.nlp.timex import dates
from linimasa.nlp.timex.context import Candidate, Context, opens_sentence
from linimasa.nlp.timex.lexicon import DIGIT, Lexicon, load_lexicon
from linimasa.nlp.timex.norm_dates import paren_day_month
from linimasa.nlp.timex.normalise import normalise

_TOKEN = re.compile(r"(?<![^\W\d_])\d+|[^\W\d_]+|\(")
_WORD_BEFORE = re.compile(r"([\w.$-]+)[\s(]*$")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d{2}-\d{2}")
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w.]*)[ \t]+$")
# What a check returns for a date that is part of a name: it wins over the shorter readings inside it
# ("Agustus 1945", "1945") and is then dropped.
NAME_PART = "name_part"


def time_candidates(text: str) -> list[Candidate]:
    """The expressions :func:`find_times` normalises, found and settled: they depend on the text alone, so a
    caller normalising one text twice (without an anchor, then against the one found) finds them once."""
    return candidates_and_name_spans(text)[0]


def name_date_spans(text: str) -> list[tuple[int, int]]:
    """Where the text writes a date as part of a name ("Universitas 17 Agustus 1945")."""
    return candidates_and_name_spans(text)[1]


def candidates_and_name_spans(text: str) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """:func:`time_candidates` and :func:`name_date_spans` of a text from one reading of it (the times stage
    needs both, and reading a text is most of what either costs)."""
    settled = _select(_candidates(text, load_lexicon()))
    return ([c for c in settled if c.kind != NAME_PART],
            [(c.start, c.end) for c in settled if c.kind == NAME_PART])


def find_times(text: str, anchor: dt.date | None,
               year_range: tuple[int, int] | None = None,
               candidates: list[Candidate] | None = None) -> list[TimeExpression]:
    """The temporal expressions of ``text``, in order, normalised against ``anchor``.

    Without an anchor a year-less day stays "XXXX-MM-DD", unless ``year_range`` and the weekday named with
    it leave exactly one year (then the year is filled in and flagged ``year_inferred``). ``candidates``:
    :func:`time_candidates` of this very text, when the caller has them already.
    """
    lexicon = load_lexicon()
    context = Context(text, anchor, tuple(year_range) if year_range else None, lexicon, [])
    expressions = []
    for candidate in time_candidates(text) if candidates is None else candidates:
        expression, weekday = normalise(candidate, context)
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
            if span is NAME_PART:  # kept as a candidate so that no shorter reading inside the name survives
                candidates.append(Candidate(match.start(), match.end(), NAME_PART, priority, match))
            elif span is not None and span[1] > span[0]:
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
    day, month = paren_day_month(match, lexicon)
    if not dates.valid_yearless_day(month, day):
        return None
    if match.group("wd"):
        return match.span()
    inner_start = match.start("d") if match.group("d") else match.start("d2")
    inner_end = max(match.end(g) for g in ("m", "y", "mn", "y2") if match.group(g))
    return inner_start, inner_end


def _check_day_month(match: re.Match, text: str, lexicon: Lexicon):
    month = int(match.group("m")) if "m" in match.re.groupindex else lexicon.month(match.group("mn"))
    if not dates.valid_yearless_day(month, int(match.group("d"))):
        return None
    if "wd" in match.re.groupindex and match.group("wd") is None:
        before = _CAPITALISED_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if before and before.group(1).lower() in lexicon.date_name_prefixes:
            return NAME_PART  # "Universitas 17 Agustus 1945", "Jalan 10 November"
    return match.span()


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
    if before and before.group(1)[:1].isupper() and not opens_sentence(text, before.start()):
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
