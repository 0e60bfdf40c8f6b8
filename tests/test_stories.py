"""Stories: events threaded by the countries they join, or by a person and a topic."""

from linimasa.model import Event, Location, Participant
from linimasa.stories import build_stories


def person(name, kb_id, country, role):
    return Participant(name=name, country=country, role=role, kind="person", kb_id=kb_id)


KERRY = person("John Kerry", "Q1", "USA", "Secretary of State")
LAVROV = person("Sergey Lavrov", "Q2", "RUS", "Foreign Minister")
BLINKEN = person("Antony Blinken", "Q3", "USA", "Secretary of State")
JOKOWI = person("Joko Widodo", "Q4", "IDN", "President")
GOVERNOR = person("Ridwan Kamil", "Q5", "IDN", "Governor")


def meeting(event_id, date, parties, city, topics=(), modality="asserted", kind="CONSULT"):
    return Event(id=event_id, type=kind, mode="meet", modality=modality, date=date, participants=parties,
                 location=Location(city, city, None), topics=list(topics))


def test_meetings_between_the_same_two_countries_form_one_story_in_date_order():
    events = [
        meeting("e2", "2021-05-20", [BLINKEN, LAVROV], "Reykjavik", ["Ukraine"]),
        meeting("e1", "2014-10", [KERRY, LAVROV], "Paris", ["ISIS"]),
        meeting("e3", "2022-01-21", [BLINKEN, LAVROV], "Geneva", ["Ukraine"]),
        meeting("e4", "2022-02-01", [BLINKEN, LAVROV], "Geneva", modality="future"),
    ]
    [story] = build_stories(events)
    assert story.event_ids == ["e1", "e2", "e3"]
    assert story.title == "Russia–United States top-level diplomacy"
    assert story.topics[0] == "Ukraine"
    assert story.overview.startswith("3 meetings from 2014-10 to 2022-01-21: 2014-10 Paris (John Kerry, Sergey Lavrov)")


def test_story_ids_stay_the_same_as_events_are_added():
    events = [meeting("e1", "2014-10", [KERRY, LAVROV], "Paris"), meeting("e2", "2021-05-20", [BLINKEN, LAVROV], "Reykjavik")]
    before = build_stories(events)
    after = build_stories(events + [meeting("e3", "2022-01-21", [BLINKEN, LAVROV], "Geneva")])
    assert [s.id for s in before] == [s.id for s in after]


def test_domestic_events_thread_by_a_shared_person_and_topic():
    events = [
        meeting("d1", "2023-01-05", [JOKOWI, GOVERNOR], "Bandung", ["infrastructure"]),
        meeting("d2", "2023-03-09", [JOKOWI, GOVERNOR], "Jakarta", ["infrastructure", "elections"]),
        meeting("d3", "2023-04-01", [GOVERNOR], "Bogor", ["health"], kind="SUPPORT"),
    ]
    [story] = build_stories(events)
    assert story.event_ids == ["d1", "d2"]
    assert story.title == "Joko Widodo talks: infrastructure"


def test_a_single_event_is_no_story():
    assert build_stories([meeting("e1", "2014-10", [KERRY, LAVROV], "Paris")]) == []
