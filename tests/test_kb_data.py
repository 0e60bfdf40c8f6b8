"""The shipped knowledge-base files are consistent: the checks a user's additions should pass too."""

import collections

import pycountry
import pytest

from linimasa.kb import load_kb


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def all_periods(kb):
    return [p for periods in kb.roles_by_person.values() for p in periods]


def test_every_role_has_a_source_and_a_sane_term(kb):
    for period in all_periods(kb):
        assert period.source, period
        assert period.end is None or period.start <= period.end, period


def test_role_countries_are_iso_codes(kb):
    codes = {c.alpha_3 for c in pycountry.countries} | {"IGO"}
    assert {p.country for p in all_periods(kb)} <= codes


def test_one_holder_per_office_except_on_handover_days(kb):
    offices = collections.defaultdict(list)
    for period in all_periods(kb):
        offices[(period.role, period.country, period.organisation)].append(period)
    overlaps = []
    for office, periods in offices.items():
        periods.sort(key=lambda p: p.start)
        for before, after in zip(periods, periods[1:]):
            if before.end is None or after.start < before.end:
                overlaps.append((office, before.kb_id, after.kb_id))
    assert overlaps == []


def test_organisations_named_by_roles_exist(kb):
    names = {o.name for o in kb.organisations.values()}
    assert {p.organisation for p in all_periods(kb) if p.organisation} <= names


def test_people_are_named_and_placed(kb):
    codes = {c.alpha_3 for c in pycountry.countries}
    for person in kb.people.values():
        assert person.name and person.country in codes, person


def test_every_title_names_roles_the_kb_holds(kb):
    held = {p.role for p in all_periods(kb)}
    titles = {e.ref for entries in kb.index.entries.values() for e in entries if e.kind == "title"}
    listed = [t for t in titles if t.listed_holders]  # not the composed regional offices ("Bupati Agam")
    unheld = sorted({t.phrase for t in listed if not set(t.roles) & held and not t.needs_complement})
    assert unheld == []
