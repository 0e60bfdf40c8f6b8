"""Indonesia's regencies and cities (kb/data/regions_id.csv): places the city gazetteer does not know, named
as regional news names them, so that their events are placed and their officials' names are not taken for
part of the region."""

from __future__ import annotations

import pytest

from linimasa.config import Settings
from linimasa.kb import load_kb
from linimasa.kb.places import REGION_PREFIX
from linimasa.model import Article
from linimasa.pipeline import Pipeline


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def pipeline():
    settings = Settings()
    return Pipeline(settings.prepare + settings.extract, settings)


def told(pipeline, text: str, published: str = "2023-11-07") -> Article:
    """An article of the developers' own sentences through the real stages."""
    return pipeline(Article(id="own", title="Judul", published=published, text=text))


def the_meeting(pipeline, text: str, published: str = "2023-11-07"):
    [event] = [e for e in told(pipeline, text, published).events if e.type == "CONSULT"]
    return event


@pytest.mark.parametrize("written", ["Agam", "Kabupaten Agam", "Kab. Agam", "Kab Agam"])
def test_a_regency_is_a_place_of_indonesia_by_its_name_with_or_without_kabupaten(kb, written):
    place = kb.place(written, "IDN")
    assert (place.name, place.city, place.country) == ("Agam", "Agam", "IDN")
    assert place.kb_id.startswith(REGION_PREFIX)


def test_a_region_the_gazetteer_knows_as_a_town_is_that_town(kb):
    assert kb.place("Kabupaten Sleman", "IDN").kb_id == kb.place("Sleman", "IDN").kb_id
    bogor = kb.place("Bogor", "IDN").kb_id
    assert kb.place("Kota Bogor", "IDN").kb_id == kb.place("Kabupaten Bogor", "IDN").kb_id == bogor


def test_the_gazetteers_other_spelling_of_a_nearby_town_is_that_town(kb):
    assert kb.place("Tangerang Selatan", "IDN").kb_id == kb.place("South Tangerang", "IDN").kb_id


def test_the_cities_of_jakarta_are_jakarta(kb):
    for written in ("Jakarta Selatan", "Kota Administrasi Jakarta Timur", "Kota Jakarta Pusat"):
        assert kb.place(written, "IDN").kb_id == kb.place("Jakarta", "IDN").kb_id


def test_a_more_populous_namesake_abroad_keeps_the_bare_name(kb):
    assert kb.places.find("Malaka").country == "MYS"  # Malacca; the regency of NTT is "Kabupaten Malaka"
    assert kb.place("Kabupaten Malaka", "IDN").country == "IDN"


def test_a_regencys_seat_the_gazetteer_lacks_is_a_town(kb):
    seat = kb.place("Lubuk Basung", "IDN")
    assert (seat.city, seat.country) == ("Lubuk Basung", "IDN")
    assert kb.place("Menteng", "IDN").city == "Jakarta"


def test_bare_regency_names_are_not_searched_for_in_running_text(kb):
    """"Puncak" and "Landak" are words; the tagger's places resolve them, the text search takes "Kabupaten Puncak"."""
    scanned = {name for name, _ in kb.places.gazetteer_names("IDN", 50_000, 1_000_000)}
    assert "Puncak" not in scanned and "Landak" not in scanned
    assert any(alias == "Kabupaten Puncak" for alias, _ in kb.places.aliases)


def test_an_official_of_a_regency_is_named_without_the_regency(pipeline):
    article = told(pipeline, (
        "Wakil Presiden Ma'ruf Amin mengunjungi Kabupaten Rokan Hilir, Riau, Kamis (9/11), dan bertemu Bupati "
        "Rokan Hilir Afrizal Sintong."), "2023-11-10")
    people = [m.text for m in article.mentions if m.names_a_person]
    assert "Afrizal Sintong" in people and not any("Rokan" in name for name in people)


def test_an_event_in_a_regency_is_placed_there(pipeline):
    event = the_meeting(pipeline, (
        "Menteri Dalam Negeri Tito Karnavian mengunjungi Kabupaten Rokan Hilir, Riau, Kamis (9/11), dan bertemu "
        "Bupati Rokan Hilir Afrizal Sintong."), "2023-11-10")
    assert (event.location.city, event.location.country) == ("Rokan Hilir", "IDN")


def test_a_regency_and_its_seat_are_in_their_province():
    from linimasa.kb.admin1 import place_codes
    kb = load_kb()
    for written in ("Agam", "Lubuk Basung"):
        place = kb.place(written, "IDN")
        codes = place_codes({"kb_id": place.kb_id, "name": place.name, "city": place.city})
        assert (codes["admin1"], codes["admin1_code"]) == ("West Sumatra", "ID-SB")


@pytest.mark.parametrize("title, role", [
    ("Bupati Agam", "Regent of Agam"),
    ("Wakil Bupati Rokan Hilir", "Deputy Regent of Rokan Hilir"),
    ("Pj Bupati Sleman", "Acting Regent of Sleman"),
    ("Wali Kota Tegal", "Mayor of Tegal"),
    ("Gubernur Sumbar", "Governor of West Sumatra"),
    ("Gubernur Jawa Barat", "Governor of West Java"),  # listed with its own roles: kept
])
def test_a_regional_office_and_its_region_is_a_title_of_indonesia(kb, title, role):
    [found] = [e.ref for e in kb.index.lookup(title) if e.kind == "title"]
    assert found.roles == (role,) and found.country == "IDN"


def test_a_regency_office_is_not_composed_with_a_city_nor_a_province(kb):
    assert not [e for e in kb.index.lookup("Bupati Sumbar") if e.kind == "title"]
    assert not [e for e in kb.index.lookup("Wali Kota Agam") if e.kind == "title"]


def people_of(pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    article = told(pipeline, text)
    return sorted((p.name, p.country, p.role) for e in article.events for p in e.participants if p.kind == "person")


def test_a_name_the_tagger_ran_into_a_titles_region_is_the_titles_holder(pipeline):
    people = people_of(pipeline, "Menteri Dalam Negeri Tito Karnavian bertemu Gubernur Sumatera Barat Mahyeldi di "
                                 "Padang, Senin (6/11).")
    assert ("Mahyeldi", "IDN", "Governor of West Sumatra") in people


def test_regional_officials_meeting_are_both_named_with_their_offices(pipeline):
    people = people_of(pipeline, "Bupati Agam Andri Warman bertemu Gubernur Sumatera Barat Mahyeldi di Lubuk Basung, "
                                 "Senin (6/11). Keduanya membahas penanganan banjir.")
    assert people == [("Andri Warman", "IDN", "Regent of Agam"), ("Mahyeldi", "IDN", "Governor of West Sumatra")]


def test_a_bodys_name_running_past_a_title_is_no_persons_name():
    from linimasa.kb.linker import merge
    from linimasa.model import Mention
    text = "Ketua Dewan Perwakilan Rakyat Daerah Jakarta hadir."
    title, body = Mention(0, 29, text[0:29], "TITLE"), Mention(6, 36, text[6:36], "ORG")
    merged, _ = merge([body], [title], text)
    assert [(m.text, m.label) for m in merged] == [(title.text, "TITLE"), (body.text, "ORG")]


def test_a_place_span_running_past_a_title_ends_in_the_holders_name():
    from linimasa.kb.linker import merge
    from linimasa.model import Mention
    text = "Gubernur Sumatera Barat Mahyeldi hadir."
    title, place = Mention(0, 23, text[0:23], "TITLE"), Mention(9, 32, text[9:32], "LOC")
    merged, _ = merge([place], [title], text)
    assert [(m.text, m.label) for m in merged] == [("Gubernur Sumatera Barat", "TITLE"), ("Mahyeldi", "PER")]


def test_a_regional_office_without_a_name_takes_part_as_the_office(pipeline):
    event = the_meeting(pipeline, (
        "Menteri Dalam Negeri Tito Karnavian bertemu Pj Bupati Sleman di Jakarta, Jumat (10/11)."))
    offices = [(p.name, p.country) for p in event.participants if p.kind == "role"]
    assert offices == [("Acting Regent of Sleman", "IDN")]


def test_an_office_said_of_someone_named_is_no_party_of_its_own(pipeline):
    article = told(pipeline, (
        "Nyono Suharli, yang juga menjabat Bupati Jombang, Jawa Timur, terjaring operasi tangkap tangan KPK atas "
        "dugaan suap, Sabtu (3/2)."), "2018-02-04")
    assert not [p for e in article.events for p in e.participants if p.kind == "role"]


def test_an_event_in_a_town_of_a_regency_is_placed_in_the_town(pipeline):
    event = the_meeting(pipeline, (
        "Bupati Agam Andri Warman bertemu Gubernur Sumatera Barat Mahyeldi di Lubuk Basung, Kabupaten Agam, "
        "Senin (6/11)."))
    assert (event.location.city, event.location.country) == ("Lubuk Basung", "IDN")
