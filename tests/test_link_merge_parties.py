"""The parties of a linked event: every report's, each once, and not what a small minority of many reports
name."""

from __future__ import annotations

from test_link import BLINKEN, LAVROV, mention

from linimasa.link_merge import merged_event
from linimasa.model import Participant

TURKEY = Participant(name="Turkey", mention="Turki", country="TUR", role=None, kind="country", kb_id="country:TUR")


def unlinked(name: str, kind: str) -> Participant:
    return Participant(name=name, mention=name, country=None, role=None, kind=kind, kb_id=None)


def names(event) -> list[str]:
    return sorted(p.name for p in event.participants)


def test_a_party_only_one_of_many_reports_names_is_left_out():
    reports = [mention(f"outlet{i}", "2022-01-21", [BLINKEN, LAVROV]) for i in range(7)]
    reports.append(mention("outlet7", "2022-01-21", [BLINKEN, LAVROV, TURKEY]))
    assert names(merged_event(reports)) == ["Antony Blinken", "Sergey Lavrov"]


def test_a_party_a_quarter_of_the_reports_name_stays():
    reports = [mention(f"outlet{i}", "2022-01-21", [BLINKEN, LAVROV]) for i in range(6)]
    reports += [mention(f"outlet{i}", "2022-01-21", [BLINKEN, LAVROV, TURKEY]) for i in (6, 7)]
    assert names(merged_event(reports)) == ["Antony Blinken", "Sergey Lavrov", "Turkey"]


def test_of_a_few_reports_every_party_stays():
    reports = [mention("kompas", "2022-01-21", [BLINKEN, LAVROV]), mention("detik", "2022-01-21", [BLINKEN, LAVROV]),
               mention("tempo", "2022-01-21", [BLINKEN, LAVROV, TURKEY])]
    assert names(merged_event(reports)) == ["Antony Blinken", "Sergey Lavrov", "Turkey"]


def test_an_unknown_name_is_one_party_whatever_kind_each_report_took_it_for():
    reports = [mention("kompas", "2025-10-20", [BLINKEN, unlinked("Rina Wulandari", "person")]),
               mention("detik", "2025-10-20", [BLINKEN, unlinked("Rina Wulandari", "person")]),
               mention("tempo", "2025-10-20", [BLINKEN, unlinked("Rina Wulandari", "organisation")])]
    merged = merged_event(reports)
    assert names(merged) == ["Antony Blinken", "Rina Wulandari"]
    assert next(p.kind for p in merged.participants if p.name == "Rina Wulandari") == "person"
