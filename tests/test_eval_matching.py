"""The development set's matching rule, as shared/annotations/README.md states it."""

from __future__ import annotations

from dataclasses import dataclass, field

from linimasa.evaluation.gold import GoldEvent, GoldLocation, GoldParticipant
from linimasa.evaluation.matching import match_article, participant_matches, participants_exact, sides_of_found


@dataclass
class P:
    name: str
    mention: str | None = None
    country: str | None = None
    kind: str | None = "person"
    side: str = "actor"


@dataclass
class E:
    participants: list
    date: str | None = None
    mode: str | None = "meet"
    location: object = None
    duration_minutes: int | None = None
    type: str = "CONSULT"
    modality: str = "asserted"
    evidence: list = field(default_factory=list)
    background: bool = False


def gold(*people, background=False, confidence="high"):
    return GoldEvent("CONSULT", "meet", [GoldParticipant(*p) for p in people], GoldLocation(), None,
                     background=background, confidence=confidence)


def test_a_participant_matches_by_last_name_token_even_when_spelled_differently():
    assert participant_matches(GoldParticipant("Sergey Lavrov", "Lavrov", "RUS"), P("Sergei Lavrov"))


def test_a_participant_matches_as_the_article_spells_it():
    assert participant_matches(GoldParticipant("Joko Widodo", "Jokowi", "IDN"), P("Jokowi"))


def test_a_participant_matches_by_two_shared_name_tokens():
    assert participant_matches(GoldParticipant("Democratic Party of Struggle", None, "IDN"),
                               P("Struggle Party Democratic Front"))


def test_an_unnamed_participant_of_the_same_country_matches_but_a_named_stranger_does_not():
    person = GoldParticipant("Retno Marsudi", "Retno", "IDN")
    assert participant_matches(person, P("Indonesia", country="IDN", kind="country"))
    assert not participant_matches(person, P("Prabowo Subianto", country="IDN"))
    assert not participant_matches(person, P("Malaysia", country="MYS", kind="country"))


def test_a_gold_event_needs_two_of_its_participants_found():
    g = gold(("Joko Widodo", "Jokowi", "IDN"), ("Mark Rutte", "Rutte", "NLD"), ("Ma'ruf Amin", "Ma'ruf", "IDN"))
    one = E([P("Joko Widodo")])
    two = E([P("Joko Widodo"), P("Mark Rutte")])
    assert match_article([g], [one])[0] == []
    matches, unmatched, extra = match_article([g], [one, two])
    assert [m.predicted for m in matches] == [two] and unmatched == [] and extra == [one]


def test_a_gold_event_of_one_participant_needs_that_one():
    g = gold(("Joko Widodo", "Jokowi", "IDN"))
    assert match_article([g], [E([P("Joko Widodo")])])[0]
    assert not match_article([g], [E([P("Mark Rutte")])])[0]


def test_each_gold_event_takes_the_prediction_with_most_participants_in_common():
    g = gold(("A Satu", None, "IDN"), ("B Dua", None, "IDN"), ("C Tiga", None, "IDN"))
    two = E([P("A Satu"), P("B Dua")])
    three = E([P("A Satu"), P("B Dua"), P("C Tiga")])
    matches, _, extra = match_article([g], [two, three])
    assert matches[0].predicted is three and extra == [two]


def test_the_news_is_matched_before_a_background_recall_of_the_same_parties():
    recall = gold(("A Satu", None, "IDN"), ("B Dua", None, "IDN"), background=True)
    news = gold(("A Satu", None, "IDN"), ("B Dua", None, "IDN"))
    only = E([P("A Satu"), P("B Dua")])
    matches, unmatched, _ = match_article([recall, news], [only])
    assert matches[0].gold is news and unmatched == [recall]


def test_participants_exact_wants_the_same_set_and_nothing_extra():
    g = gold(("Joko Widodo", "Jokowi", "IDN"), ("Mark Rutte", "Rutte", "NLD"))
    assert participants_exact(g, E([P("Mark Rutte"), P("Joko Widodo")]))
    assert not participants_exact(g, E([P("Mark Rutte"), P("Joko Widodo"), P("Ma'ruf Amin")]))
    assert not participants_exact(g, E([P("Mark Rutte")]))


def test_sides_are_scored_for_the_annotated_parties_that_were_found_and_never_for_talks():
    arrest = GoldEvent("COERCE", "arrest", [GoldParticipant("Komisi Pemberantasan Korupsi", "KPK", "IDN", side="actor"),
                                            GoldParticipant("Setya Novanto", "Setnov", "IDN", side="recipient"),
                                            GoldParticipant("Fredrich Yunadi", None, "IDN", side="recipient")],
                       GoldLocation(), None)
    given = E([P("KPK", kind="organisation", side="recipient"), P("Setya Novanto", side="recipient")], type="COERCE")
    assert [(g.name, side) for g, side in sides_of_found(arrest, given)] == [
        ("Komisi Pemberantasan Korupsi", "recipient"), ("Setya Novanto", "recipient")]
    police = GoldEvent("COERCE", "arrest", [GoldParticipant("Tasikmalaya City Police", None, "IDN", side="actor")],
                       GoldLocation(), None)
    two_police = E([P("Indonesian National Police", kind="organisation", side="recipient"),
                    P("Tasikmalaya Police", kind="organisation", side="actor")], type="COERCE")
    assert [side for _, side in sides_of_found(police, two_police)] == ["actor"]
    talks = gold(("Joko Widodo", "Jokowi", "IDN"), ("Mark Rutte", "Rutte", "NLD"))
    assert sides_of_found(talks, E([P("Mark Rutte"), P("Joko Widodo")])) == []


def test_a_type_with_annotated_events_and_no_prediction_scores_f1_zero_not_undefined():
    from linimasa.evaluation.scores import _Tally

    silent = _Tally(gold_primary=3, found_primary=0, predicted=0).scores()
    assert silent["precision"] is None and silent["recall"] == 0.0 and silent["f1"] == 0.0
    unannotated = _Tally(gold_primary=0, predicted=2).scores()
    assert unannotated["recall"] is None and unannotated["f1"] is None
    half = _Tally(gold_primary=2, found_primary=1, predicted=1, matched_predictions=1).scores()
    assert half["f1"] == round(2 * 1.0 * 0.5 / 1.5, 4)


def test_a_city_written_two_ways_is_the_same_city_but_a_neighbour_is_not():
    from linimasa.evaluation.matching import same_city
    from linimasa.kb import load_kb
    from linimasa.model import Location

    kb = load_kb()
    new_york = kb.place("New York City", "USA")
    predicted = Location(new_york.name, new_york.city, "USA", new_york.lat, new_york.lon, new_york.kb_id)
    assert same_city("New York", "USA", predicted, kb)
    assert same_city("new york city", "USA", predicted, kb)
    assert not same_city("Newark", "USA", predicted, kb)
    assert not same_city("New York", "USA", None, kb)
    solo = Location("Surakarta", "Surakarta", "IDN")  # no kb_id: the predicted city is looked up by name
    assert same_city("Solo", "IDN", solo, kb)
    assert not same_city("Semarang", "IDN", solo, kb)
