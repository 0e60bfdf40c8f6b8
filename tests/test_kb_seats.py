"""Where a body sits (linimasa/kb/seats.py): a listed body's headquarters town, a provincial body in its
province's capital, any other regional body in the town its region is named for."""

from __future__ import annotations

import pytest

from linimasa.kb import load_kb
from linimasa.kb.seats import LOCAL, NATIONAL, PROVINCIAL, Seats


@pytest.mark.parametrize("kb_id, city", [
    ("org:kpk", "Jakarta"),                              # listed
    ("org:white-house", "Washington, D.C."),
    ("local:kejati:jawa-tengah", "Semarang"),            # a province's body: its capital
    ("local:dprd:jawa-timur", "Surabaya"),
    ("local:city-government:solo", "Surakarta"),         # a town's body: the town, by any of its names
    ("local:district-court:jakarta-selatan", "Jakarta"),  # a direction after the town dropped
    ("local:polda:jakarta-metropolitan", "Jakarta"),     # listed although composed
    ("local:polda:metro", "Jakarta"),                    # "Polda Metro", not the town of Metro in Lampung
])
def test_a_body_sits_in_its_town(kb_id, city):
    seat = load_kb().seat(kb_id)
    assert seat is not None and seat.city == city


@pytest.mark.parametrize("kb_id", [
    "local:kodam:iv-diponegoro",   # a numbered command
    "org:un",                      # no row
    "person:joko-widodo",
])
def test_a_body_of_no_known_town_has_no_seat(kb_id):
    assert load_kb().seat(kb_id) is None


@pytest.mark.parametrize("kb_id, town", [
    ("local:polres:sumba-timur", "Waingapu"),  # a regency not named for its town sits in its seat
    ("local:kejari:sikka", "Maumere"),         # not "Sikka", a town in India to geonames
])
def test_a_regencys_body_sits_in_the_regencys_seat(kb_id, town):
    assert load_kb().seat(kb_id).city == town


def test_the_more_local_body_ranks_first():
    seats = Seats({"org:kpk": ("Jakarta", "IDN"), "local:polda:jakarta-metropolitan": ("Jakarta", "IDN")},
                  {"Jawa Tengah": "Semarang"}, ["Selatan"])
    assert seats.rank("local:city-government:solo") == LOCAL
    assert seats.rank("local:provincial-government:jawa-tengah") == PROVINCIAL
    assert seats.rank("local:polda:jakarta-metropolitan") == PROVINCIAL
    assert seats.rank("org:kpk") == NATIONAL
    assert seats.names("local:kejari:jakarta-selatan") == [("jakarta selatan", "IDN"), ("jakarta", "IDN")]
