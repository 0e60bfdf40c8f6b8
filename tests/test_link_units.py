"""Linking units: mentions that linking can never connect fall into different units, and linking each unit
alone gives exactly the events that linking all the mentions together gives."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from linimasa.link import link_events
from linimasa.link_units import brief_mention, date_span, linking_units, units_reached
from linimasa.model import Event, Evidence, Location, Participant, Span, to_dict

PARTIES = [
    Participant("Joko Widodo", "Jokowi", "IDN", "President", "person", "Q1"),
    Participant("Retno Marsudi", "Retno", "IDN", "Foreign Minister", "person", "Q2"),
    Participant("Penny Wong", "Wong", "AUS", "Foreign Minister", "person", "Q4"),
    Participant("Japan", None, "JPN", None, "country", "country:JPN"),
    Participant("mahasiswa", None, None, None, "agent", None),
]
WORDS = ["bertemu", "presiden", "menteri", "dagang", "istana", "kunjungan", "iklim", "perbatasan", "investasi"]
PLACES = [Location("Jakarta", "Jakarta", "IDN", None, None, "p:jakarta"), Location("Indonesia", None, "IDN", None, None, "country:IDN"), None]


def meeting(article_id: str, number: int, date: str | None, parties: list[Participant], *, alternatives=(),
            basis: str = "sentence", modality: str = "asserted", mode: str = "meet", location=None) -> Event:
    return Event(id=f"{article_id}#e{number}", type="CONSULT", mode=mode, modality=modality, date=date,
                 date_alternatives=list(alternatives), date_basis=basis, location=location, participants=parties,
                 article_id=article_id, trigger=Span(10 * number, 10 * number + 7, "bertemu"),
                 evidence=[Evidence(article_id, "trigger", "bertemu", 10 * number, 10 * number + 7)])


def random_mention(rng: random.Random, article_id: str, number: int) -> Event:
    day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 500))
    date = rng.choice((day.isoformat(),) * 6 + (day.isoformat()[:7], day.isoformat()[:4], None))
    alternatives = [(day + dt.timedelta(days=rng.choice((-1, 1)))).isoformat()] if date and rng.random() < 0.15 else []
    found = meeting(article_id, number, date, rng.sample(PARTIES, rng.randint(1, 3)), alternatives=alternatives,
                    basis=rng.choice(("clause", "sentence", "preceding_context", "anchor")),
                    modality=rng.choice(("asserted",) * 5 + ("planned",)), mode=rng.choice(("meet",) * 4 + ("phone",)),
                    location=rng.choice(PLACES))
    found.signature = {"title": rng.sample(WORDS, 2), "words": rng.sample(WORDS, 6), "entities": ["Q1", "Q2"][:rng.randint(0, 2)],
                       "published": (day + dt.timedelta(days=rng.randint(0, 2))).isoformat(), "outlet": rng.choice(("A", "B"))}
    return found


def as_records(events: list[Event]) -> list[str]:
    return sorted(json.dumps(to_dict(e), sort_keys=True) for e in events)


@pytest.mark.parametrize("seed,decision", [(seed, None) for seed in range(12)] + [(seed, "shipped") for seed in range(6)])
def test_linking_each_unit_alone_gives_what_linking_everything_gives(seed, decision):
    rng = random.Random(seed)
    mentions = [random_mention(rng, f"a{a}", n) for a in range(120) for n in range(rng.randint(1, 3))]
    units = linking_units(mentions, learned=decision is not None)
    assert sorted(m.id for unit in units for m in unit) == sorted(m.id for m in mentions)
    assert len(units) > 1
    together = link_events(mentions, decision=decision)
    alone = [event for unit in units for event in link_events(unit, decision=decision)]
    assert as_records(alone) == as_records(together)


def test_one_partys_meetings_months_apart_are_two_units_and_an_undated_report_of_two_parties_joins_them():
    jokowi, retno = PARTIES[0], PARTIES[1]
    march = meeting("a1", 1, "2021-03-10", [jokowi, retno])
    also_march = meeting("a2", 1, "2021-03-12", [jokowi], basis="preceding_context")
    july = meeting("a3", 1, "2021-07-01", [jokowi, retno])
    assert sorted(len(u) for u in linking_units([march, also_march, july])) == [1, 2]
    undated = meeting("a4", 1, None, [jokowi, retno])
    assert len(linking_units([march, also_march, july, undated])) == 1
    alone = meeting("a5", 1, None, [jokowi])  # undated with one party: it can join nothing, nothing joins it
    assert [len(u) for u in linking_units([march, july, alone])] == [1, 1, 1]


def test_a_call_a_planned_meeting_and_another_type_are_other_units():
    jokowi = PARTIES[0]
    held = meeting("a1", 1, "2021-03-10", [jokowi])
    call = meeting("a2", 1, "2021-03-10", [jokowi], mode="phone")
    planned = meeting("a3", 1, "2021-03-10", [jokowi], modality="planned")
    assert len(linking_units([held, call, planned])) == 3
    assert [m.id for m in units_reached([held, call, planned], {"a2#e1"})] == ["a2#e1"]


def test_a_date_span_covers_alternatives_and_the_days_a_borrowed_date_may_be_off():
    event = meeting("a1", 1, "2021-03-10", [PARTIES[0]], alternatives=["2021-03-11"])
    first, last = date_span(event)
    assert dt.date.fromordinal(first) == dt.date(2021, 3, 7) and dt.date.fromordinal(last) == dt.date(2021, 3, 14)
    assert date_span(meeting("a1", 1, None, [PARTIES[0]])) is None


def test_a_brief_mention_keeps_what_units_read():
    event = random_mention(random.Random(3), "a1", 1)
    brief = brief_mention(json.loads(event.to_json()))
    assert (brief.type, brief.mode, brief.modality, brief.date, brief.date_alternatives, brief.participants) == (
        event.type, event.mode, event.modality, event.date, event.date_alternatives, event.participants)
    assert brief.evidence == []
