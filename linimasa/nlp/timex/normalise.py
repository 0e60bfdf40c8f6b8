"""Normalisation of a recognised expression to its TimeML value, by the kind of pattern that found it."""

from __future__ import annotations

from linimasa.model import TimeExpression
from linimasa.nlp.timex import norm_dates as D
from linimasa.nlp.timex import norm_durations as N
from linimasa.nlp.timex import norm_relative as R
from linimasa.nlp.timex.context import Candidate, Context

_NORMALISERS = {
    "date_paren": D.norm_date_paren,
    "date_text": D.norm_date_text,
    "date_range_start": D.norm_date_text,
    "date_numeric": D.norm_date_numeric,
    "date_iso": D.norm_date_numeric,
    "month": D.norm_month,
    "year": D.norm_year,
    "modified_unit": R.norm_modified_unit,
    "relative_unit": R.norm_relative_unit,
    "counted_relative": R.norm_counted_relative,
    "duration": N.norm_duration,
    "relative_day_part": R.norm_relative_day_part,
    "relative_day": R.norm_relative_day,
    "weekday": R.norm_weekday,
    "clock": D.norm_clock,
    "year_part": D.norm_year_part,
    "set_every": N.norm_set_every,
    "set_frequency": N.norm_set_frequency,
    "set_per": N.norm_set_per,
    "vague": D.norm_vague,
}


def normalise(candidate: Candidate, context: Context) -> tuple[TimeExpression, int | None]:
    match = candidate.match
    expression = TimeExpression(candidate.start, candidate.end, context.text[candidate.start:candidate.end],
                                "DATE", None)
    weekday = None
    if "wd" in match.re.groupindex and match.group("wd") and candidate.kind != "set_every":
        weekday = context.lexicon.weekday(match.group("wd"))
    _NORMALISERS[candidate.kind](match, expression, context, weekday)
    return expression, weekday
