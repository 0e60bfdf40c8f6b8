"""The offices of Indonesia's regions, composed with each region's name: "Bupati Agam" (Regent of Agam),
"Wali Kota Tegal" (Mayor of Tegal), "Gubernur Sumbar" (Governor of West Sumatra).

Regional news titles its officials this way, and there are thousands of them (a regent, a deputy and an
acting one for each of 416 regencies, a mayor for each of 98 cities, the governors of 38 provinces), so the
title phrases are composed from the offices of ``regional_titles`` (titles_id.yaml) and the regions, not
listed. The holder is not in the knowledge base: the title says who the person named after it is (role,
country), and that the words before the name are an office and a region, not a part of the name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from linimasa.kb.matcher import fold
from linimasa.kb.places import PlaceIndex
from linimasa.kb.records import Title

COUNTRY = "IDN"


def province_names(places: PlaceIndex, provinces: Iterable[str]) -> list[tuple[str, str]]:
    """(name as written, English name) of each province the place index knows by a hand alias: "Sumatera
    Barat" and "Sumbar" are West Sumatra."""
    english = set(provinces)
    found = []
    for alias, kb_id in places.aliases:
        place = places.places[kb_id]
        if place.city is None and place.country == COUNTRY and place.name in english:
            found.append((alias, place.name))
    return found


def regional_titles(specs: Sequence[Mapping[str, Any]], regions: Iterable[Mapping[str, str]],
                    provinces: Iterable[tuple[str, str]], known: Iterable[Title]) -> list[Title]:
    """A title for each office of ``specs`` and each region of its kind; a phrase ``known`` keeps its own."""
    written: dict[str, list[tuple[str, str]]] = {"regency": [], "city": [], "province": list(provinces)}
    for region in regions:
        written[region["kind"]].append((region["name"], region["name"]))
    taken = {fold(title.phrase) for title in known}
    titles = []
    for spec in specs:
        for office in spec["phrases"]:
            for name, english in written[spec["regions"]]:
                phrase = f"{office} {name}"
                if fold(phrase) not in taken:
                    taken.add(fold(phrase))
                    titles.append(Title(phrase=phrase, roles=(spec["role"].format(region=english),), country=COUNTRY,
                                        listed_holders=False))
    return titles
