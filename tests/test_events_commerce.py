"""Talks between companies are commerce, not public life (the annotation guide: "purely commercial meetings
between companies" are no CONSULT), and a country word closing a company's name is no party
(events/company_names.py). The developers' own sentences."""

from __future__ import annotations

import pytest
from test_events_frames import consult, extract, names  # noqa: F401 (extract is the module's fixture)


@pytest.mark.parametrize("text", [
    "PT Saka Energi Indonesia menerima kunjungan kerja dari Direktur Utama Pertamina Nicke Widyawati pada Rabu "
    "(1/3/2017) untuk memperkuat sinergi anak usaha.",
    "Direktur Utama PLN Sofyan Basir bertemu Direktur Utama Pertamina Elia Massa Manik di Jakarta, Senin "
    "(6/3/2017), membahas pasokan gas untuk pembangkit.",
])
def test_talks_between_companies_and_their_officers_are_no_meeting(extract, text):
    assert consult(extract(text)) == []


def test_a_minister_meeting_a_state_company_still_meets_it(extract):
    events = consult(extract("Menteri BUMN Rini Soemarno bertemu Direktur Utama Pertamina Elia Massa Manik di "
                             "Jakarta, Senin (6/3/2017), membahas harga bahan bakar."))
    assert len(events) == 1 and names(events[0]) == {"Rini Soemarno", "Elia Massa Manik"}


def test_the_country_closing_a_company_name_is_part_of_the_company(extract):
    events = consult(extract("Gubernur Papua Lukas Enembe menerima kunjungan direksi PT Freeport Indonesia di "
                             "Jayapura, Senin (6/3/2017), membahas divestasi saham."))
    assert len(events) == 1
    assert "Indonesia" not in names(events[0])
    assert "PT Freeport Indonesia" in names(events[0])
