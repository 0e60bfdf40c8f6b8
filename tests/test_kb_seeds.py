"""Every person, place and country the seed articles name is linked right, with and without dates."""

import json
from pathlib import Path

import pytest

from linimasa.config import Settings
from linimasa.kb.linker import EntityLinkStage
from linimasa.model import Article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEEDS = SHARED / "seeds"


def seed_cases():
    if not (SEEDS / "expected.json").is_file():
        return []
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
    return expected["articles"]


def link(seed, published):
    text = (SEEDS / seed["file"]).read_text(encoding="utf-8")
    article = Article(id=seed["file"], text=text, published=published, lang="id")
    return EntityLinkStage(Settings())(article).mentions


@pytest.fixture(scope="module", autouse=True)
def shared_present():
    if not seed_cases():
        pytest.skip(f"../shared not found: {SEEDS}")


@pytest.mark.parametrize("dated", [True, False], ids=["published", "undated"])
@pytest.mark.parametrize("index", range(5))
def test_seed_participants_are_linked(index, dated):
    cases = seed_cases()
    if index >= len(cases):
        pytest.skip("fewer seeds")
    seed = cases[index]
    mentions = link(seed, seed["published_supplied"] if dated else None)
    people = {(m.name, m.country) for m in mentions if m.kind == "person"}
    for event in seed["events"]:
        for participant in event["participants"]:
            assert (participant["name"], participant["country"]) in people
            if dated:
                roles = {m.role for m in mentions if m.kind == "person" and m.name == participant["name"]}
                assert participant["role"] in roles


@pytest.mark.parametrize("index", range(5))
def test_seed_locations_are_linked(index):
    cases = seed_cases()
    if index >= len(cases):
        pytest.skip("fewer seeds")
    seed = cases[index]
    mentions = link(seed, None)
    places = {(m.name, m.country) for m in mentions if m.kind == "place"}
    for event in seed["events"]:
        location = event["location"]
        assert (location["city"], location["country"]) in places


def test_no_seed_mention_is_linked_to_a_wrong_kind_of_thing():
    for seed in seed_cases():
        for mention in link(seed, seed["published_supplied"]):
            if mention.label == "PER" and mention.kb_id:
                assert mention.kind == "person", mention
            if mention.label == "TITLE" and mention.kb_id:
                assert mention.kind == "person", mention


@pytest.mark.parametrize("index", range(5))
def test_seed_countries_are_linked(index):
    """The participants' countries and every topic that is a country ("Ukraine", "Syria") are linked, as
    country mentions or as the country of a title phrase ("Menlu AS")."""
    from linimasa.kb import load_kb

    cases = seed_cases()
    if index >= len(cases):
        pytest.skip("fewer seeds")
    seed = cases[index]
    kb = load_kb()
    mentions = link(seed, None)
    linked_countries = {m.country for m in mentions if m.kind == "country" or m.label == "TITLE"}
    for event in seed["events"]:
        expected = {p["country"] for p in event["participants"]}
        expected |= {kb.country(topic).iso3 for topic in event["topics"] if kb.country(topic)}
        assert expected <= linked_countries
