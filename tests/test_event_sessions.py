"""The rule that tells a body's own sitting from talks with someone outside it (linimasa/events/sessions.py),
on a knowledge base of two people."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from linimasa.events.sessions import own_sitting
from linimasa.kb.records import RolePeriod
from linimasa.model import Participant

DAY = dt.date(2017, 3, 6)
KB = SimpleNamespace(roles_by_person={
    "person:speaker": [RolePeriod("person:speaker", "Speaker of the House of Representatives", "IDN", None,
                                  dt.date(2016, 11, 30), dt.date(2017, 12, 11), "test")],
    "person:president": [RolePeriod("person:president", "President", "IDN", None, dt.date(2014, 10, 20), None, "test")],
    "person:chair": [RolePeriod("person:chair", "Chair", "IDN", "Golkar", dt.date(2016, 5, 17), None, "test")],
})
DPR = Participant("House of Representatives (Indonesia)", kind="organisation", kb_id="org:dpr")
GOLKAR = Participant("Golkar", kind="organisation", kb_id="org:golkar")


def person(kb_id, name="Someone"):
    return Participant(name, kind="person", kb_id=kb_id)


def parties(*participants):
    return [(p, None) for p in participants]


def test_a_body_with_the_holder_of_its_office_sits_on_its_own():
    assert own_sitting(parties(person("person:speaker"), DPR), KB, DAY)
    assert own_sitting(parties(person("person:chair"), GOLKAR), KB, DAY)


def test_a_body_with_someone_whose_office_is_elsewhere_meets_them():
    assert not own_sitting(parties(person("person:president"), GOLKAR), KB, DAY)
    assert not own_sitting(parties(person("person:speaker"), GOLKAR), KB, DAY)


def test_an_office_held_only_before_the_date_is_not_membership():
    assert not own_sitting(parties(person("person:speaker"), DPR), KB, dt.date(2018, 6, 1))


def test_people_unknown_to_the_knowledge_base_are_no_sign_of_an_outsider():
    assert own_sitting(parties(person(None, "Anggota Fraksi"), DPR), KB, DAY)


def test_two_bodies_are_talks_between_them():
    assert not own_sitting(parties(DPR, GOLKAR), KB, DAY)


def test_someone_unknown_titled_with_an_office_elsewhere_is_an_outsider():
    guest = Participant("Budiman Santosa", kind="person")
    mention = object()
    assert not own_sitting([(guest, mention), (GOLKAR, None)], KB, DAY, outsiders=frozenset({id(mention)}))
