"""The host of a visit told by where the visitor arrived: "kata Menlu Turki Mevlut Cavusoglu ... saat tiba di
Doha" (Qatar received him).

A visit needs a host (events/assembly.py); one named as a country ("berkunjung ke Rusia") is a party already,
but one named by a city of another country than every visitor's is not. The country of that city, right after
"di"/"ke" (``to_words``, ``location_words``), is then the host: a visit abroad is received by the state visited,
as the annotation guide codes it ("Government of Qatar"). A city of the visitor's own country names no host (a
working visit at home is told with no host and is no event).
"""

from __future__ import annotations

import dataclasses

from linimasa.events.arguments import Party
from linimasa.model import Mention


def foreign_host(view, match, parties: list[Party], kb, place_words: frozenset[str]) -> Party | None:
    """The country of the foreign city a visit's trigger is followed by, as the recipient, when the visit names
    no recipient and every visitor's country is known and another; else None."""
    if kb is None or not parties or any(p.side == "recipient" for p in parties):
        return None
    visitors = {p.mention.country for p in parties}
    if None in visitors or "IGO" in visitors:
        return None
    if match.last >= len(view.words) or view.words[match.last] not in place_words:
        return None
    place = next((m for m in view.mentions if view.token_index(m.start) == match.last + 1), None)
    if place is None or place.kind != "place" or not place.country or place.country in visitors:
        return None
    country = kb.country(place.country)
    if country is None:
        return None
    host = dataclasses.replace(place, label="LOC", kb_id=country.kb_id, kind="country", name=country.name,
                               country=country.iso3, role=None, lat=None, lon=None)
    return Party(host, "recipient")
