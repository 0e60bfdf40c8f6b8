"""Linking event mentions into real events: the rule, the merge, stable ids, and the sample corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from linimasa.link import dates_compatible, link_events, locations_compatible
from linimasa.model import Event, Evidence, Location, Participant, Span

REPO = Path(__file__).resolve().parents[1]
GENEVA = Location("Geneva", "Geneva", "CHE", 46.2, 6.14, "p:geneva")
BERN = Location("Bern", "Bern", "CHE", 46.9, 7.4, "p:bern")
SWITZERLAND = Location("Switzerland", None, "CHE", None, None, "country:CHE")


def person(name, kb_id, country, role=None):
    return Participant(name=name, mention=name.split()[-1], country=country, role=role, kind="person", kb_id=kb_id)


BLINKEN = person("Antony Blinken", "Q1", "USA", "Secretary of State")
LAVROV = person("Sergey Lavrov", "Q2", "RUS", "Foreign Minister")
BIDEN = person("Joe Biden", "Q3", "USA", "President")
PUTIN = person("Vladimir Putin", "Q4", "RUS", "President")


def mention(article, date, parties, location=GENEVA, modality="asserted", background=False, basis="sentence",
            duration=None, topics=(), start=0, alternatives=()):
    return Event(
        id=f"m-{article}-{start}", type="CONSULT", mode="meet", modality=modality, date=date,
        date_alternatives=list(alternatives), date_basis=basis, location=location, participants=list(parties),
        duration_minutes=duration, topics=list(topics), summary=f"summary of {article}", article_id=article,
        trigger=Span(start, start + 8, "bertemu"),
        evidence=[Evidence(article, "trigger", "a sentence", start, start + 10)], background=background,
    )


def test_dates_are_compatible_when_equal_contained_or_a_weekday_alternative():
    assert dates_compatible("2014-10", "2014-10-14")
    assert dates_compatible("2022-01-22", "2022-01-21", ["2022-01-21"], [])
    assert not dates_compatible("2022-01-22", "2022-01-20")
    assert not dates_compatible("2021-06", "2022-01-21")


def test_a_city_is_compatible_with_its_country_but_not_with_another_city():
    assert locations_compatible(GENEVA, SWITZERLAND)
    assert not locations_compatible(GENEVA, BERN)


def test_reports_of_one_meeting_from_several_outlets_become_one_event_with_all_sources():
    events = link_events([
        mention("kompas", "2022-01-21", [BLINKEN, LAVROV], duration=90, topics=["Ukraine"]),
        mention("detik", "2022-01-21", [BLINKEN, LAVROV], location=SWITZERLAND, topics=["Ukraine", "NATO expansion"]),
        mention("antara", "2022-01", [LAVROV, BLINKEN], location=None, basis="preceding_context"),
    ])
    [event] = events
    assert {e.article_id for e in event.evidence} == {"kompas", "detik", "antara"}
    assert event.date == "2022-01-21"
    assert event.location.city == "Geneva"
    assert event.duration_minutes == 90
    assert event.topics[0] == "Ukraine" and "NATO expansion" in event.topics
    assert {p.name for p in event.participants} == {"Antony Blinken", "Sergey Lavrov"}


def test_different_meetings_of_the_same_people_stay_apart():
    events = link_events([
        mention("a", "2021-06-16", [BIDEN, PUTIN]),
        mention("b", "2022-01-21", [BLINKEN, LAVROV]),
        mention("c", "2021-05-19", [BLINKEN, LAVROV], location=Location("Reykjavik", "Reykjavik", "ISL", 64.1, -21.9, "p:rey")),
    ])
    assert len(events) == 3


def test_a_planned_meeting_is_not_a_source_of_the_held_one():
    events = link_events([mention("held", "2022-01-21", [BLINKEN, LAVROV]),
                          mention("plan", "2022-01-21", [BLINKEN, LAVROV], modality="future")])
    assert sorted((e.modality, sorted({x.article_id for x in e.evidence})[0]) for e in events) == [
        ("asserted", "held"), ("future", "plan")]


def test_background_only_when_every_source_recalls_it():
    recalled = mention("later", "2021-06-16", [BIDEN, PUTIN], background=True)
    [event] = link_events([recalled])
    assert event.background
    [event] = link_events([recalled, mention("news", "2021-06-16", [BIDEN, PUTIN])])
    assert not event.background


def test_ids_are_stable_and_existing_events_keep_theirs():
    first = link_events([mention("a", "2022-01-21", [BLINKEN, LAVROV]), mention("b", "2022-01-21", [LAVROV, BLINKEN])])
    again = link_events([mention("b", "2022-01-21", [LAVROV, BLINKEN]), mention("a", "2022-01-21", [BLINKEN, LAVROV])])
    assert [e.id for e in first] == [e.id for e in again]
    later = link_events([mention("c", "2022-01-21", [BLINKEN, LAVROV], start=40)], existing=first)
    [event] = later
    assert event.id == first[0].id
    assert {e.article_id for e in event.evidence} == {"a", "b", "c"}


def test_an_undated_mention_joins_another_article_only_with_two_shared_parties():
    dated = mention("a", "2022-01-21", [BLINKEN, LAVROV])
    assert len(link_events([dated, mention("b", None, [BLINKEN, PUTIN])])) == 2
    assert len(link_events([dated, mention("c", None, [LAVROV, BLINKEN])])) == 1


def test_one_shared_party_links_across_articles_only_on_a_stated_day():
    xi = person("Xi Jinping", "Q5", "CHN", "President")
    jokowi = person("Joko Widodo", "Q6", "IDN", "President")
    bali = Location("Bali", None, "IDN", None, None, "p:bali")
    recalled = mention("later", "2022-11", [jokowi, xi], location=bali, background=True)
    assert len(link_events([mention("news", "2022-11-14", [BIDEN, xi], location=bali), recalled])) == 2


def test_a_call_and_a_meeting_are_two_events():
    call = mention("a", "2022-01-21", [BLINKEN, LAVROV], location=None)
    call.mode = "phone"
    assert len(link_events([call, mention("b", "2022-01-21", [BLINKEN, LAVROV])])) == 2


def test_sample_corpus_every_meeting_once_with_all_its_reports():
    """sample/expected.json: each real meeting is one event (1.0 events per meeting) with its reports."""
    if not (REPO / "sample" / "expected.json").exists():
        pytest.skip("sample/expected.json not found")
    sys.path.insert(0, str(REPO / "scripts"))
    import events_report

    report = events_report.sample_report()
    assert report["found_consult_events"] == report["real_consult_events"]
    assert report["events_per_real_meeting"] == 1.0
    assert report["events_standing_for_two_meetings"] == 0
    # the one report not linked is in English (antaraen), a language the extractors do not read
    assert report["source_recall"] >= 0.95
