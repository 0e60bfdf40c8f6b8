"""Property tests for the normaliser: any date written in a supported form reads back as that date."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.nlp.timex import find_times

WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]

FULL_FORMS = [
    lambda d: f"{WEEKDAYS[d.weekday()]} ({d.day}/{d.month}/{d.year})",
    lambda d: f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.day} {ABBREVIATIONS[d.month - 1]} {d.year}",
    lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
    lambda d: f"({d.day} {MONTHS[d.month - 1]} {d.year})",
]
YEARLESS_FORMS = [
    lambda d: f"{WEEKDAYS[d.weekday()]} ({d.day}/{d.month})",
    lambda d: f"{WEEKDAYS[d.weekday()]} ({d.day} {MONTHS[d.month - 1]})",
]

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31))


def read_back(sentence: str, anchor: dt.date | None):
    times = [t for t in find_times(sentence, anchor) if t.type == "DATE"]
    assert len(times) == 1, [(t.text, t.value) for t in times]
    return times[0]


@settings(max_examples=300, deadline=None)
@given(day=dates, form=st.sampled_from(FULL_FORMS), anchor=st.one_of(st.none(), dates))
def test_a_full_date_reads_back_as_itself_whatever_the_anchor(day, form, anchor):
    expression = read_back(f"Rapat itu digelar {form(day)} di gedung DPR.", anchor)
    assert expression.value == day.isoformat()
    assert expression.flags == []


@settings(max_examples=300, deadline=None)
@given(day=dates, form=st.sampled_from(YEARLESS_FORMS), days_later=st.integers(min_value=0, max_value=150))
def test_a_year_less_date_reads_back_against_an_anchor_within_five_months(day, form, days_later):
    anchor = day + dt.timedelta(days=days_later)
    expression = read_back(f"Kedua menteri bertemu pada {form(day)} di Jenewa.", anchor)
    assert expression.value == day.isoformat()


@settings(max_examples=200, deadline=None)
@given(day=dates, wrong=st.integers(min_value=1, max_value=6))
def test_a_wrong_weekday_keeps_the_date_and_offers_the_nearest_day_with_that_weekday(day, wrong):
    weekday = (day.weekday() + wrong) % 7
    expression = read_back(f"Pertemuan berlangsung {WEEKDAYS[weekday]} ({day.day}/{day.month}/{day.year}).", None)
    assert expression.value == day.isoformat()
    assert expression.flags == ["weekday_conflict"]
    alternative = dt.date.fromisoformat(expression.alternatives[0])
    assert alternative.weekday() == weekday and abs((alternative - day).days) <= 3
