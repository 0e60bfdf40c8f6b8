"""Where an event happened when no sentence of it names the place.

Reports often leave the place to the dateline ("Jakarta, CNN Indonesia -") or to who took part: a country's
police arresting its own citizens, its parliament accusing its government. Two fallbacks, each recorded as
the event's ``location_basis`` so a user can keep or drop them:

- ``dateline``: the dateline's city, for an event the article reports as its news (not a recalled one, not a
  call), when the parties fit the city: at least one is of the dateline's country, or none has a country.
  An article datelined Jakarta about Turkey arresting Gülen's supporters does not put the arrests in Jakarta.
- ``participants``: the one country every party with a known country belongs to, as a country-level place
  (no city), when there are no foreign parties and the event is not a call.

Both stay silent when the event's sentences name a place or country the parties do not belong to: such a
sentence may be telling where it happened in a way the rules did not read.
"""

from __future__ import annotations

from linimasa.model import DATELINE_PLACE, PARTICIPANTS_PLACE, Location, Mention, Participant


def dateline_place(article, kb, participants: list[Participant], sentence_mentions: list[Mention]
                   ) -> tuple[Location, Mention, str] | None:
    """The dateline's city as the place of an event told without one, when the parties fit it."""
    dateline = article.dateline or {}
    if not dateline.get("place") or kb is None:
        return None
    place = kb.place(dateline["place"])
    if place is None or not place.city or not place.country:
        return None
    countries = {p.country for p in participants if p.country}
    if countries and place.country not in countries:
        return None
    if _foreign_place_named(sentence_mentions, countries | {place.country}):
        return None
    start = dateline.get("start") or 0
    end = dateline.get("end") or start
    stand_in = Mention(start, end, dateline.get("text") or dateline["place"], "LOC", DATELINE_PLACE)
    return Location(place.name, place.city, place.country, place.lat, place.lon, place.kb_id), stand_in, DATELINE_PLACE


def participants_country(kb, participants: list[Participant], sentence_mentions: list[Mention]
                         ) -> tuple[Location, Mention, str] | None:
    """The parties' one country, as a country-level place, when every party with a country shares it."""
    countries = {p.country for p in participants if p.country}
    if len(countries) != 1 or kb is None:
        return None
    [iso3] = countries
    country = kb.country(iso3)
    if country is None or _foreign_place_named(sentence_mentions, countries):
        return None
    stand_in = Mention(0, 0, country.name, "LOC", PARTICIPANTS_PLACE)
    return Location(name=country.name, city=None, country=iso3, kb_id=country.kb_id), stand_in, PARTICIPANTS_PLACE


def _foreign_place_named(mentions: list[Mention], countries: set[str]) -> bool:
    """Whether the sentences name a place, or a country as a place, outside ``countries``."""
    for m in mentions:
        if m.kind == "place" and m.country and m.country not in countries:
            return True
        if m.kind == "country" and m.country and m.country not in countries:
            return True
    return False
