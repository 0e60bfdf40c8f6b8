"""The article's anchor: the date its relative and year-less expressions are read against.

In order of trust: the publication date; a stamp in the text ("Kompas.com - 22/01/2022, 09:31 WIB", the
dateline); a full date the text states ("Rabu (15/10/2014)"); a date pinned down by a weekday with a
year-less day and the years the named actors held office together ("Selasa (12/5)" with Kerry as
Secretary of State, 2013-2017, is 12 May 2015). With none of these the anchor date is unknown.
"""

from __future__ import annotations

import datetime as dt
import re

from linimasa.model import Article, TimeExpression
from linimasa.nlp.timex import dates
from linimasa.nlp.timex.context import CLOCK_DATE_REACH, Candidate
from linimasa.nlp.timex.dates import WEEKDAY_CONFLICT, YEAR_INFERRED
from linimasa.nlp.timex.recognise import find_times, name_date_spans

# A stamp is a dated line near the top of the text.
STAMP_REACH = 400

Tenure = tuple[dt.date, dt.date | None]

_CLOCK_VALUE = re.compile(r"T\d\d:\d\d")
_YEAR_WORD = re.compile(r"(?<![\d.,/])(?:19|20)\d\d(?![\d.,/]\d)")


def tenure_year_range(tenures: list[Tenure] | list[list[Tenure]],
                      today: dt.date | None = None) -> tuple[int, int] | None:
    """The years in which the named people held their posts together.

    ``tenures`` is a list of terms, or a list with each person's terms (then a person counts as in office
    during any of their terms). People named together in a report were in office together, so the range is
    the intersection of their terms. When some do not overlap (a past office of one person, a predecessor
    named in passing), the range is where the most people's terms overlap.
    """
    if not tenures:
        return None
    today = today or dt.date.today()
    people = [group if isinstance(group, list) else [group] for group in tenures]
    spans = [span for person in people for span in _merged(person, today)]
    if not spans:
        return None
    low, high = max(s for s, _ in spans), min(e for _, e in spans)
    if low <= high:
        return low.year, high.year
    return _deepest_overlap(spans)


def _merged(terms: list[Tenure], today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """One person's terms as disjoint stretches (back-to-back terms joined)."""
    spans = sorted((start, end or today) for start, end in terms if start and (end or today) >= start)
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _deepest_overlap(spans: list[tuple[dt.date, dt.date]]) -> tuple[int, int]:
    """The hull of the stretches covered by the largest number of spans."""
    events = sorted([(s, 0) for s, _ in spans] + [(e, 1) for _, e in spans])  # starts before ends on a day
    depth, best, stretches, opened = 0, 0, [], None
    for day, is_end in events:
        if is_end:
            if depth == best and opened is not None:
                stretches.append((opened, day))
            depth -= 1
            opened = None
        else:
            depth += 1
            if depth > best:
                best, stretches = depth, []
            if depth == best:
                opened = day
    return min(s for s, _ in stretches).year, max(e for _, e in stretches).year


def resolve_anchor(article: Article, tenures: list[Tenure] | list[list[Tenure]],
                   candidates: list[Candidate] | None = None,
                   name_spans: list[tuple[int, int]] | None = None) -> dict:
    """{"date", "basis", "year_range", "reason"}: the article's reference date and how it was reached
    (``candidates``, ``name_spans``: :func:`time_candidates` and :func:`name_date_spans` of the article's
    working text, if the caller has them)."""
    year_range = tenure_year_range(tenures)
    range_list = list(year_range) if year_range else None
    published = dates.local_date(article.published)
    if published is not None:
        from_text = article.metadata.get("published_source") == "text"
        return _anchor(published, "text_stamp" if from_text else "published", range_list,
                       "publication date read from the text" if from_text else "publication date supplied")
    text = article.working_text
    expressions = find_times(text, None, year_range, candidates)
    stamp = _stamp(article, expressions)
    if stamp is not None:
        return _anchor(dates.parse_date(stamp.value), "text_stamp", range_list,
                       f"date stamp in the text: {stamp.text!r}")
    stated = _stated_date(expressions)
    if stated is not None:
        return _anchor(dates.parse_date(stated.value), "stated_date", range_list,
                       f"full date stated in the text: {stated.text!r}")
    inferred = next((e for e in expressions if YEAR_INFERRED in e.flags), None)
    years_are = "the years the named actors held office together"
    named = _named_year_range(text, year_range, name_spans)
    if named is not None and named != year_range:
        # the years the text names narrow the office terms: a weekday that fits several years of the terms
        # mostly fits one near the latest year the report names
        narrowed = next((e for e in find_times(text, None, named, candidates) if YEAR_INFERRED in e.flags), None)
        if narrowed is not None:
            inferred, year_range, range_list = narrowed, named, list(named)
            years_are = "the years around the latest year the text names, within any office terms of its actors"
    if inferred is not None:
        return _anchor(dates.parse_date(inferred.value), "weekday+tenure", range_list,
                       f"{inferred.text!r} falls on its weekday in only one year of {year_range[0]}-{year_range[1]}, "
                       + years_are)
    reason = (f"no date in the text; the named actors held office together in {year_range[0]}-{year_range[1]}"
              if year_range else "no publication date, no date in the text and no dated actors")
    return {"date": None, "basis": None, "year_range": range_list, "reason": reason}


def _named_year_range(text: str, tenure_range: tuple[int, int] | None,
                      names: list[tuple[int, int]] | None = None) -> tuple[int, int] | None:
    """The year before to the year after the latest year the text names, within the office terms when they
    reach it: a report names years of its past and of its near future ("UMP 2018" in November 2017), seldom
    years after its own but one. None when the text names no year or the terms lie elsewhere."""
    if names is None:
        names = name_date_spans(text)  # "Universitas 17 Agustus 1945" names no year of the report
    years = [int(y.group()) for y in _YEAR_WORD.finditer(text)
             if not any(start <= y.start() < end for start, end in names)]
    if not years:
        return None
    latest = max(years)
    low, high = latest - 1, latest + 1
    if tenure_range is not None:
        low, high = max(low, tenure_range[0]), min(high, tenure_range[1])
    return (low, high) if low <= high else None


def _anchor(day: dt.date, basis: str, year_range: list[int] | None, reason: str) -> dict:
    return {"date": day.isoformat(), "basis": basis, "year_range": year_range, "reason": reason}


def _full_day(expression: TimeExpression) -> bool:
    return expression.type == "DATE" and expression.basis == "stated" and dates.parse_date(expression.value) is not None


def _stamp(article: Article, expressions: list[TimeExpression]) -> TimeExpression | None:
    """A full date in the dateline, or one near the top of the text with a clock time right after it."""
    dateline = article.dateline or {}
    for i, expression in enumerate(expressions):
        if not _full_day(expression):
            continue
        if dateline.get("start") is not None and dateline["start"] <= expression.start < dateline.get("end", -1):
            return expression
        following = expressions[i + 1] if i + 1 < len(expressions) else None
        if (expression.start < STAMP_REACH and following is not None and _CLOCK_VALUE.search(following.value or "")
                and following.start - expression.end <= CLOCK_DATE_REACH):
            return expression
    return None


def _stated_date(expressions: list[TimeExpression]) -> TimeExpression | None:
    """The first full date written with its weekday (the report's day, by Indonesian news style), else the
    latest full date stated. A date whose weekday disagrees with it is a typo somewhere: others go first."""
    full = [e for e in expressions if _full_day(e)]
    with_weekday = sorted((e for e in full if e.text[:1].isalpha()), key=lambda e: WEEKDAY_CONFLICT in e.flags)
    if with_weekday:
        return with_weekday[0]  # the first whose weekday agrees with its date, if any does
    return max(full, key=lambda e: e.value, default=None)
