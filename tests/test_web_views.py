"""What the web templates draw: evidence segments, safe links, periods and chart axes."""

from __future__ import annotations

import pytest

from datetime import date

from linimasa.web.views import (
    highlight, mirrored_chart, period_bounds, role_spans, safe_url, time_chart, world_paths, zoom_out,
)

TEXT = "Menlu RI bertemu Menlu Jepang di Tokyo. Keduanya membahas perdagangan."


def span(words: str, field: str) -> dict:
    start = TEXT.index(words)
    return {"start": start, "end": start + len(words), "field": field}


def test_highlight_marks_each_evidence_span_inside_its_sentence():
    sentences = [{"start": 0, "end": 39}, {"start": 40, "end": len(TEXT)}]
    segments = highlight(TEXT, [span("bertemu", "trigger"), span("Tokyo", "location")], sentences)
    assert "".join(s.text for s in segments) == TEXT
    marked = [(s.text, s.fields, s.anchor) for s in segments if s.fields]
    assert marked == [("bertemu", ("trigger",), "ev-0"), ("Tokyo", ("location",), "ev-1")]
    assert all(s.in_sentence for s in segments if TEXT.index(s.text) < 39)
    assert not any(s.in_sentence for s in segments if "Keduanya" in s.text)


def test_highlight_handles_overlapping_spans_and_ignores_spans_outside_the_text():
    overlapping = [span("Menlu RI bertemu", "participant"), span("bertemu", "trigger"), {"start": 500, "end": 510}]
    segments = highlight(TEXT, overlapping, [])
    assert "".join(s.text for s in segments) == TEXT
    assert [(s.text, s.fields) for s in segments if s.fields] == [
        ("Menlu RI ", ("participant",)), ("bertemu", ("participant", "trigger")),
    ]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//evil.example/x", None),
        ("/relative", None),
        ("http://[::1", None),
        (None, None),
    ],
)
def test_only_web_links_become_links(url, shown):
    assert safe_url(url) == shown


def test_period_bounds_cover_years_months_and_leap_days():
    assert period_bounds("2016") == ("2016-01-01", "2016-12-31")
    assert period_bounds("2016-02") == ("2016-02-01", "2016-02-29")
    assert period_bounds("2015-02") == ("2015-02-01", "2015-02-28")
    assert period_bounds("2015-05-12") == ("2015-05-12", "2015-05-12")


SIDES = ("cooperation", "conflict", "other")


def row(period, cooperation=0, conflict=0, other=0):
    return {"period": period, "cooperation": cooperation, "conflict": conflict, "other": other,
            "events": cooperation + conflict + other}


def test_bars_sit_on_a_true_time_scale_so_a_gap_of_years_is_a_gap():
    chart = time_chart([row("1965", 1), row("2010", 1), row("2011", 1)], SIDES)
    x1965, x2010, x2011 = (bar.x for bar in chart.bars)
    assert x2010 - x1965 > 40 * (x2011 - x2010)  # 45 years apart, not one slot
    labels = [label for _, label in chart.xticks]
    assert "1970" in labels and "2010" in labels and len(labels) <= 13  # round years, never one per bar
    days = time_chart([row("2022-06-29", 1), row("2022-06-30", 2), row("2022-07", 1)], SIDES)
    month, day = days.bars[2], days.bars[0]
    assert month.width > 20 * day.width  # a month-precise event spans its month


def test_the_y_axis_counts_and_an_outlier_cuts_the_scale_without_flattening_the_rest():
    plain = time_chart([row("2020", 3), row("2021", 7)], SIDES)
    assert plain.cap is None and [v for _, v in plain.yticks][-1] >= 7 and [v for _, v in plain.yticks][0] == 0
    rows = [row(str(y), 2 + y % 3) for y in range(2000, 2012)] + [row("2012", 400)]
    chart = time_chart(rows, SIDES)
    assert chart.cap is not None and chart.cap < 400
    spike = chart.bars[-1]
    assert spike.clipped and spike.total == 400 and min(y for _, y, _, _ in spike.parts) >= 0
    ordinary = max(sum(h for _, _, h, _ in bar.parts) for bar in chart.bars[:-1])
    assert ordinary > 0.25 * chart.height  # the bulk stays readable


def test_undated_events_are_counted_in_a_column_of_their_own():
    chart = time_chart([row("2021", 2)], SIDES, undated=5)
    assert chart.undated.total == 5 and chart.undated.x > max(b.x + b.width for b in chart.bars)
    only_undated = time_chart([], SIDES, undated=3)
    assert only_undated.undated.total == 3 and only_undated.bars == []
    assert time_chart([], SIDES) is None


def test_a_mirrored_chart_puts_cooperation_up_and_conflict_down_on_the_same_time_axis():
    chart = mirrored_chart([row("2020-01", 2, 1), row("2021-06", 0, 3)], {"cooperation": 1, "conflict": 0})
    up, down = chart.bars[0].parts
    assert up[0] == "cooperation" and up[1] + up[2] == chart.baseline
    assert down[0] == "conflict" and down[1] == chart.baseline
    assert chart.undated.total == 1 and chart.bars[1].x - chart.bars[0].x > 10 * chart.bars[0].width


def test_world_outline_ships_with_the_package_and_projects_into_the_map_box():
    paths = world_paths()
    assert len(paths) > 150
    names = {name for name, _, _ in paths}
    assert {"Indonesia", "Russia", "Brazil"} <= names
    indonesia = next(d for name, _, d in paths if name == "Indonesia")
    xs = [float(p.split(",")[0]) for p in indonesia.replace("M", " ").replace("L", " ").replace("Z", " ").split()]
    assert 270 < min(xs) < max(xs) < 325  # 95°E to 141°E, shifted by 180


def test_zoom_out_widens_a_day_to_its_month_a_month_to_its_year_and_a_year_to_all_dates():
    day = zoom_out(date(2016, 2, 29), date(2016, 2, 29))
    assert (day["since"], day["until"], day["zoom"]) == ("2016-02-01", "2016-02-29", "day")
    month = zoom_out(date(2016, 2, 1), date(2016, 2, 29))
    assert (month["since"], month["until"], month["zoom"]) == ("2016-01-01", "2016-12-31", "month")
    assert zoom_out(date(2016, 1, 1), date(2016, 12, 31))["label"] == "all dates"
    assert zoom_out(date(2016, 1, 5), date(2016, 3, 1)) is None
    assert zoom_out(None, date(2016, 3, 1)) is None


def test_role_spans_put_knowledge_base_periods_and_event_spans_on_one_axis():
    kb = [{"role": "Foreign Minister", "country": "IDN", "start": "2014-10-27", "end": "2024-10-20"},
          {"role": "Ambassador", "country": "IDN", "start": "2012-01-01", "end": None}]
    seen = [{"role": "Foreign Minister", "country": "IDN", "first": "2015-03", "last": "2019-08-01", "events": 4}]
    spans, ticks = role_spans(kb, seen, date(2026, 1, 1), width=1000)
    assert [(s.kind, s.label) for s in spans] == [
        ("kb", "Foreign Minister (IDN)"), ("kb", "Ambassador (IDN)"), ("seen", "Foreign Minister (IDN)")]
    minister, ambassador, named = spans
    assert ticks[0] == (0.0, "2012")
    assert ambassador.x == 0.0 and ambassador.x + ambassador.width > 900  # still in office: runs to today
    assert minister.x < named.x and named.x + named.width < minister.x + minister.width
    assert role_spans([], [], date(2026, 1, 1)) == ([], [])
