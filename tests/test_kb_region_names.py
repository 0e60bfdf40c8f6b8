"""An official titled by office and region before the name: the region is a place, the person the words after
it ("Bupati Pemalang Mukti Agung Wibowo"), through the real kb stage."""

from __future__ import annotations

import pytest

from types import SimpleNamespace

from linimasa.config import Settings
from linimasa.kb.region_names import without_regions
from linimasa.model import Article, Mention
from linimasa.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    settings = Settings()
    return Pipeline(settings.prepare + settings.extract, settings)


def people(pipeline, text: str) -> list[str]:
    article = pipeline(Article(id="own", text=text, title="Judul", published="2025-10-20"))
    return [m.text for m in article.mentions if m.names_a_person]


@pytest.mark.parametrize("text, person", [
    ("Bupati Pemalang Mukti Agung Wibowo bertemu Menteri Dalam Negeri Tito Karnavian di Jakarta.", "Mukti Agung Wibowo"),
    ("Wakil Bupati Pemalang Nurkholes menghadiri rapat di Semarang, Senin (20/10).", "Nurkholes"),
])
def test_the_region_after_an_office_is_no_part_of_the_officials_name(pipeline, text, person):
    names = people(pipeline, text)
    assert person in names and not any("Pemalang" in n or "Bupati" in n for n in names)


class Towns:
    """A knowledge base that knows two Indonesian towns and the regional offices."""

    regional_offices = frozenset({"bupati", "wakil", "wali", "kota", "gubernur"})

    def place(self, name, context_country=None):
        return SimpleNamespace(country="IDN") if name in ("Pemalang", "Bandung") else None


def split(text: str, surface: str) -> list[tuple[str, str]]:
    start = text.index(surface)
    found = without_regions([Mention(start, start + len(surface), surface, "PER")], text, Towns())
    return [(m.text, m.label) for m in found]


def test_a_known_region_after_an_office_becomes_a_place():
    text = "Bupati Pemalang Rahmat Hidayat hadir."
    assert split(text, "Pemalang Rahmat Hidayat") == [("Pemalang", "LOC"), ("Rahmat Hidayat", "PER")]
    assert split(text, "Bupati Pemalang Rahmat Hidayat") == [("Pemalang", "LOC"), ("Rahmat Hidayat", "PER")]


def test_an_unknown_region_stays_in_the_name_but_the_office_does_not():
    assert split("Kata Bupati Rokan Hilir Bistamam.", "Bupati Rokan Hilir Bistamam") == [("Rokan Hilir Bistamam", "PER")]


def test_a_name_that_opens_with_a_town_but_no_office_before_it_is_left_alone():
    assert split("Sastrawan Bandung Mawardi menulis.", "Bandung Mawardi") == [("Bandung Mawardi", "PER")]


def test_the_person_keeps_at_least_one_word():
    assert split("Kata Bupati Pemalang.", "Pemalang") == [("Pemalang", "PER")]
