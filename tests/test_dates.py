"""The one reading of a date value (linimasa.dates): real days, months and years only, each standing for the
days it names (February and leap years included), and every reader of a date agreeing with it."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linimasa import dates
from linimasa.export import timeline_records
from linimasa.model import Event
from linimasa.nlp.timex.dates import parse_date as timex_day
from linimasa.store import SQLiteStore
from linimasa.web.views import period_bounds, valid_period

days = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@given(days)
def test_a_day_stands_for_itself(day):
    period = dates.parse(day.isoformat())
    assert (period.precision, period.first, period.last) == ("day", day, day)
    assert dates.precision_name(day.isoformat()) == "day"


@given(days)
def test_a_month_stands_for_each_of_its_days_and_no_other(day):
    value = day.isoformat()[:7]
    first, last = dates.bounds(value)
    assert first == day.replace(day=1)
    assert last.month == day.month and (last + dt.timedelta(days=1)).month != day.month
    assert first <= day <= last
    assert dates.precision_name(value) == "month"


@given(days)
def test_a_year_stands_for_each_of_its_days(day):
    first, last = dates.bounds(day.isoformat()[:4])
    assert (first, last) == (dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    assert dates.precision_name(day.isoformat()[:4]) == "year"


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(1, 40))
def test_a_day_is_real_exactly_when_the_calendar_has_it(year, month, day):
    value = f"{year:04d}-{month:02d}-{day:02d}"
    assert dates.is_valid(value) == (day <= calendar.monthrange(year, month)[1])


@pytest.mark.parametrize("value, last", [("2016-02", "2016-02-29"), ("2015-02", "2015-02-28"),
                                         ("1900-02", "1900-02-28"), ("2000-02", "2000-02-29"),
                                         ("2015-04", "2015-04-30"), ("2015-12", "2015-12-31")])
def test_month_lengths(value, last):
    assert dates.bounds(value)[1].isoformat() == last


@pytest.mark.parametrize("value", ["", None, "2015-02-30", "2015-13", "2015-00", "0000", "2015-W19", "XXXX-05-12",
                                   "201", "2015-5", "2015-05-1", "20150512", "2015-05-12T09:00", " 2015"])
def test_what_is_not_a_day_month_or_year(value):
    assert dates.parse(value) is None and dates.bounds(value) is None and not dates.is_valid(value)


def test_a_day_must_be_written_in_full():
    assert dates.parse_day("2015-05-12") == dt.date(2015, 5, 12)
    for value in ("2015-05", "20150512", "2015-W19-2", "2015-02-29"):
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            dates.parse_day(value)


@given(days, st.sampled_from(["", "T09:30:00", "T23:59:59+07:00", " 10:00", "Z"]))
def test_the_day_a_datetime_starts_with(day, rest):
    assert dates.day_of(day.isoformat() + rest) == day


@given(days, st.sampled_from([4, 7, 10]), days, days)
def test_a_date_overlaps_a_range_when_one_of_its_days_lies_in_it(day, length, a, b):
    value = day.isoformat()[:length]
    since, until = min(a, b), max(a, b)
    first, last = dates.bounds(value)
    assert dates.overlaps(value, since, until) == (first <= until and since <= last)
    assert dates.overlaps(value, None, None)
    assert not dates.overlaps(None, since, until)


@given(days, st.sampled_from([4, 7, 10]))
def test_every_reader_of_a_date_agrees(day, length):
    """The web view's periods and the time stage's days are the same reading as the rest."""
    value = day.isoformat()[:length]
    first, last = dates.bounds(value)
    assert valid_period(value)
    assert period_bounds(value) == (first.isoformat(), last.isoformat())
    assert timex_day(value) == (day if length == 10 else None)


def test_the_timeline_keeps_a_month_whose_last_day_is_in_range(tmp_path):
    """A date filter starting on the last day of February keeps an event dated only "February"."""
    store = SQLiteStore(tmp_path / "store.db")
    store.replace_events([Event(id="e-feb", type="CONSULT", date="2015-02"),
                          Event(id="e-jan", type="CONSULT", date="2015-01")], [])
    kept = timeline_records(store, since=dt.date(2015, 2, 28), until=dt.date(2015, 3, 1))
    assert [r["id"] for r in kept] == ["e-feb"]
    assert timeline_records(store, since=dt.date(2015, 3, 1)) == []


@given(days, st.sampled_from([4, 7, 10]), st.one_of(st.none(), days), st.one_of(st.none(), days))
def test_the_stores_sql_date_filter_keeps_what_the_python_rule_keeps(day, length, since, until):
    """The web's and the store's date filter (SQL) is the rule of :func:`dates.overlaps`, stated in SQL."""
    import sqlite3

    value = day.isoformat()[:length]
    clauses, params = dates.sql_overlaps("d", since, until)
    where = " AND ".join(clauses) or "1=1"
    kept = sqlite3.connect(":memory:").execute(f"SELECT count(*) FROM (SELECT ? AS d) WHERE {where}",
                                               [value, *params]).fetchone()[0]
    assert bool(kept) == dates.overlaps(value, since, until)


@pytest.mark.parametrize(("value", "day"), [
    ("2014-10-03", dt.date(2014, 10, 3)), ("2014-10", dt.date(2014, 10, 15)), ("2014", dt.date(2014, 7, 1)),
    ("2015-02-29", None), ("2015-W19", None), ("XXXX-05-12", None), ("", None), (None, None),
])
def test_the_events_stage_asks_office_holders_on_a_representative_day_by_the_one_rule(value, day):
    from linimasa.events.arguments import as_date

    assert as_date(value) == dates.representative_day(value) == day
