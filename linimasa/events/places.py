"""Where an event happened when no sentence of it names the place.

Reports often leave the place to the dateline ("Jakarta, CNN Indonesia -") or to who took part: a country's
police arresting its own citizens, its parliament accusing its government. Three fallbacks, each recorded as
the event's ``location_basis`` so a user can keep or drop them:

- ``dateline``: the dateline's city, for an event the article reports as its news (not a recalled one, not a
  call), when the parties fit the city: at least one is of the dateline's country, or none has a country.
  An article datelined Jakarta about Turkey arresting Gülen's supporters does not put the arrests in Jakarta.
- ``seat``: the town where a party sits (the knowledge base's seats: a ministry in Jakarta, "Polres Jember" in
  Jember), the host's for a visit, when the parties fit it as for a dateline.
- ``participants``: the one country every party with a known country belongs to, as a country-level place
  (no city), when there are no foreign parties and the event is not a call.

All stay silent when the event's sentences name a place or country the parties do not belong to: such a
sentence may be telling where it happened in a way the rules did not read.
"""

from __future__ import annotations

from dataclasses import dataclass

from linimasa.dates import day_of
from linimasa.events.place_mentions import apposed_country, find_location_mentions, location_of, venue_city
from linimasa.events.place_phrases import phrases_of
from linimasa.kb.places import REGION_PREFIX, SEAT_SUFFIX
from linimasa.kb.records import INTERNATIONAL
from linimasa.kb.seats import NATIONAL
from linimasa.model import (ANAPHOR_PLACE, DATED_PLACE, DATELINE_PLACE, PARTICIPANTS_PLACE, SEAT_PLACE, Location, Mention,
                             Participant)


def _countries(participants: list[Participant]) -> set[str]:
    """The countries of the parties that have one, international organisations aside (the UN, ISIS as the
    knowledge base files them): a party of no country says nothing about where an event happened."""
    return {p.country for p in participants if p.country and p.country != INTERNATIONAL}


def sentence_place(view, match, lexicon, kb) -> tuple[Location, Mention] | None:
    """The place a trigger's sentence states for it: the nearest place mention that resolves to a country;
    when that is a city or a venue of no known city, within its "di" phrase, the phrase's biggest city of that
    country (a district names its city after it:
    "di Ciampea, Bogor, Jawa Barat" is Bogor, "di Hotel Mawar Indah, Menteng, Jakarta Pusat" is Jakarta);
    a country alone gives way to a city of it the sentence places the event in ("sidang di Wina ...
    sebuah kejahatan di Austria" is Vienna)."""
    resolved = []
    for m in find_location_mentions(view, match, lexicon):
        found = location_of(m, kb, apposed_country(view, m), lexicon)
        if found is not None and found.country:  # a region across countries ("Asia Tenggara") is no venue
            resolved.append((found, m))
    if not resolved:
        return body_venue(view, match, lexicon, kb)
    best = resolved[0]
    phrases = phrases_of(view, lexicon)
    phrase = _phrase_of(view, best[1], phrases)
    same_country = [(loc, m) for loc, m in resolved if loc.city and loc.country == best[0].country]
    if phrase is not None:
        # a city named as such; a venue's city is only a guess ("Istana Bogor, Kompleks Istana Kepresidenan"),
        # which the city written after it names as the text does ("di Kremlin, Moskow")
        named = [(loc, m) for loc, m in same_country if m.kind == "place" and _phrase_of(view, m, phrases) == phrase]
        if named and (best[1].kind != "country" or best[0].city is None):
            return max(named, key=lambda pair: _population(kb, pair[0]))
    if best[0].city is None and same_country:
        return same_country[0]
    return best


def body_venue(view, match, lexicon, kb) -> tuple[Location, Mention] | None:
    """A body's building as the venue, its city unnamed: "di Kantor DPP Partai Gerindra", "di Gedung KPK", a
    visit's "menyambangi Kantor Kementerian Dalam Negeri" are where the body sits (``kb.seat``). A word of
    ``body_venue_heads`` opens the venue, and the first body of known seat in it (before a comma) gives the
    city; the venue nearest after the trigger first."""
    if kb is None:
        return None
    heads = lexicon.words("body_venue_heads")
    starts = [(p.start, p.first_end) for p in phrases_of(view, lexicon) if view.words[p.start] in heads]
    if match.rule.mode == "visit" and match.last < len(view.words) and view.words[match.last] in heads:
        end = next((j for j in range(match.last, len(view.words)) if view.words[j] in (",", ".")), len(view.words))
        starts.append((match.last, end))
    trigger = view.token_index(match.start)
    for start, end in sorted(starts, key=lambda span: (span[0] < trigger, abs(span[0] - trigger))):
        found = _body_seat(view, start, end, kb)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class DatedPlace:
    """A place written with a day right after it ("kata juru bicara itu di kantornya, Jalan Merdeka, Bandung,
    Senin (7/8)"): where whatever the article tells of that day took place."""

    location: Location
    mention: Mention
    day: str
    sentence: int


def dated_places(views, lexicon, kb) -> list[DatedPlace]:
    """Every place phrase of the article closed by a day, with the place it names (its biggest named city,
    else a venue's city, else its country)."""
    found = []
    for view in views:
        for phrase in phrases_of(view, lexicon):
            day = day_of(phrase.dated.value) if phrase.dated is not None and phrase.dated.value else None
            if day is None:
                continue
            located = _phrase_place(view, phrase, lexicon, kb)
            if located is not None:
                found.append(DatedPlace(located[0], located[1], day.isoformat(), view.index))
    return found


def _phrase_place(view, phrase, lexicon, kb) -> tuple[Location, Mention] | None:
    resolved = []
    for m in view.mentions:
        if not phrase.holds(view.token_index(m.start)):
            continue
        if m.kind in ("place", "country") or venue_city(m.text, lexicon) is not None:
            found = location_of(m, kb, apposed_country(view, m), lexicon)
            if found is not None and found.country:
                resolved.append((found, m))
    named = [(loc, m) for loc, m in resolved if m.kind == "place" and loc.city]
    if named:
        return max(named, key=lambda pair: _population(kb, pair[0]))
    if resolved:
        return next((pair for pair in resolved if pair[0].city), resolved[0])
    return _venue_place(view, phrase, lexicon, kb)


def _venue_place(view, phrase, lexicon, kb) -> tuple[Location, Mention] | None:
    """The city of a venue that is no mention of its own ("di Gedung DPR RI, Kamis (11/9)": "DPR RI" is an
    organisation, the building is in Jakarta)."""
    venue = phrase.first_part(view)
    city_name = venue_city(venue, lexicon)
    city = kb.place(city_name) if city_name and kb is not None else None
    if city is None or not city.city:
        return None
    start = view.starts[phrase.start]
    stand_in = Mention(start, start + len(venue), venue, "LOC", "venue")
    return Location(city.name, city.city, city.country, city.lat, city.lon, city.kb_id), stand_in


def city_of_country(kb, located, participants: list[Participant], parties: list[Participant], day: str | None,
                    dated: list[DatedPlace], host_side: str | None, national: bool
                    ) -> tuple[Location, Mention, str] | None:
    """A country stated for the event gives way to a city of it written with the event's own day ("...
    pendukung khilafah di Indonesia" said "dalam pidato di Kupang, Nusa Tenggara Timur, Selasa (1/8)"),
    else to the town in it where a party sits ("menemui pimpinan MPR, DPR dan DPD dalam lawatan resminya
    ke Indonesia": Jakarta). ``located``: the place stated, with its basis; None stays None."""
    if located is None or located[0].city is not None:
        return located
    found = dated_place(dated, day, 0, participants)
    if found is not None and found[0].city and found[0].country == located[0].country:
        return found
    seat = seat_place(kb, parties, [], host_side, country=located[0].country, national=national)
    return seat or located


def dated_place(places: list[DatedPlace], day: str | None, sentence: int, participants: list[Participant]
                ) -> tuple[Location, Mention, str] | None:
    """The place written with the event's own day nearest the event's sentence, when the parties fit it."""
    countries = _countries(participants)
    fitting = [d for d in places if d.day == day and (not countries or d.location.country in countries)]
    if not day or not fitting:
        return None
    nearest = min(fitting, key=lambda d: (abs(d.sentence - sentence), d.sentence))
    return nearest.location, nearest.mention, DATED_PLACE


def with_city_of_city_state(located, kb, lexicon):
    """A country-level place in a country that is one city (``city_countries``: Singapore, Hong Kong ...) is
    in that city; other places stay as they are."""
    if located is None or located[0].city is not None or kb is None:
        return located
    name = lexicon.arguments["city_countries"].get(located[0].country)
    city = kb.place(name, located[0].country) if name else None
    if city is None or not city.city:
        return located
    return (Location(located[0].name, city.city, city.country, city.lat, city.lon, city.kb_id), *located[1:])


def place_anaphors(views, lexicon, kb) -> dict[int, tuple[Location, Mention]]:
    """For each sentence that refers back to a place or an occasion told before ("Jenderal Tito tiba di
    lokasi", "Dalam kesempatan yang sama, ..."), the place the nearest sentence before it names (within
    ``place_anaphor_reach`` sentences): a city first, else the nearest country. By sentence index."""
    found = {}
    for k, view in enumerate(views):
        if _refers_back(view.words, lexicon):
            place = _place_before(views, k, lexicon, kb)
            if place is not None:
                found[view.index] = place
    return found


def anaphor_place(indices, anaphors: dict[int, tuple[Location, Mention]]) -> tuple[Location, Mention, str] | None:
    """The place an event's sentences (``indices``, in order) refer back to, if one does."""
    for index in indices:
        if index in anaphors:
            return (*anaphors[index], ANAPHOR_PLACE)
    return None


def stated_place(located, head_indices, anaphors: dict[int, tuple[Location, Mention]]):
    """The place stated for an event (``located``, with its basis), unless a head's sentence refers back to a
    place ("Dalam kesempatan yang sama, ..."): that says where it was, before another sentence that only
    refers to the event does (basis ``reference``)."""
    referred = anaphor_place(head_indices, anaphors)
    return referred if referred is not None and (located is None or located[2] == "reference") else located


def _refers_back(words: list[str], lexicon) -> bool:
    index = lexicon.phrases("place_anaphors")
    followers = lexicon.words("place_anaphor_followers")
    for i, word in enumerate(words):
        if word not in index.first_words:  # the usual case, without a call
            continue
        length, phrase = index.longest_at(words, i)
        # the longest phrase at a word ending in "lokasi" and going on names a new place ("di lokasi pengungsian")
        if length and (phrase[-1] != "lokasi" or i + length == len(words) or words[i + length] in followers):
            return True
    return False


def _place_before(views, k: int, lexicon, kb) -> tuple[Location, Mention] | None:
    """The place the nearest sentence before the k-th names: its last place with a city, else its last one.
    A venue named there that no rule places ("di gedung Kementerian Pertahanan") ends the search with nothing:
    that venue is what the sentence refers back to."""
    for view in reversed(views[max(0, k - lexicon.arguments["place_anaphor_reach"]):k]):
        places, named = [], False
        for phrase in phrases_of(view, lexicon):
            located = _phrase_place(view, phrase, lexicon, kb) or _phrase_seat(view, phrase, lexicon, kb)
            if located is not None:
                places.append(located)
            else:
                named = named or any(_capitalised(view, j) for j in range(phrase.start, phrase.first_end))
        if places:
            return next((p for p in reversed(places) if p[0].city), places[-1])
        if named:
            return None
    return None


def _capitalised(view, j: int) -> bool:
    return view.sentence.text[view.starts[j] - view.sentence.start:][:1].isupper()


def _phrase_seat(view, phrase, lexicon, kb) -> tuple[Location, Mention] | None:
    """A body's building as the phrase's venue ("di depan Gedung Kementerian BUMN"): where the body sits."""
    heads = lexicon.words("body_venue_heads")
    at = next((j for j in range(phrase.start, phrase.first_end) if view.words[j] in heads), None)
    return _body_seat(view, at, phrase.first_end, kb) if kb is not None and at is not None else None


def _body_seat(view, at: int, end: int, kb) -> tuple[Location, Mention] | None:
    """Where the body named after the building's word at ``at`` (up to word ``end``) sits: the first body of
    known seat a mention there names, else the body the words there name ("di gedung Kementerian
    Pertahanan", which no mention covers)."""
    for m in view.mentions:
        if m.kind == "organisation" and m.kb_id and at < view.token_index(m.start) < end:
            seat = kb.seat(m.kb_id)
            if seat is not None:
                return Location(seat.name, seat.city, seat.country, seat.lat, seat.lon, seat.kb_id), m
    if at + 1 >= end:
        return None
    offset = view.sentence.start
    first, last = view.starts[at + 1], view.ends[end - 1]
    name = view.sentence.text[first - offset:last - offset]
    # Indonesian news names its own country's bodies without "RI", the form the knowledge base lists for the
    # names other countries' bodies share ("Kementerian Pertahanan RI", not "Kementerian Pertahanan")
    body = kb.organisation(name) or kb.organisation(f"{name} RI")
    seat = kb.seat(body.kb_id) if body is not None else None
    if seat is None:
        return None
    venue = view.sentence.text[view.starts[at] - offset:last - offset]
    return (Location(seat.name, seat.city, seat.country, seat.lat, seat.lon, seat.kb_id),
            Mention(view.starts[at], last, venue, "LOC", "venue"))


def _phrase_of(view, m: Mention, phrases):
    at = view.token_index(m.start)
    return next((p for p in phrases if p.holds(at)), None)


def _population(kb, location: Location) -> int:
    """How many people live in a city, as the knowledge base knows it (0 when it does not say). An Indonesian
    regency is the frame of the towns a phrase names, not a bigger town: "di Kecamatan Kuta, Kabupaten Badung"
    happened in Kuta, "di Lubuk Basung, Kabupaten Agam" in Lubuk Basung (a regency counts 0, so the town the
    phrase names first wins)."""
    place = kb.place(location.name, location.country) if kb is not None else None
    if place is not None and place.kb_id.startswith(REGION_PREFIX) and not place.kb_id.endswith(SEAT_SUFFIX):
        return 0
    return getattr(place, "population", 0) or 0


def dateline_place(article, kb, participants: list[Participant], sentence_mentions: list[Mention],
                   fitting: list[Participant] | None = None) -> tuple[Location, Mention, str] | None:
    """The dateline's city as the place of an event told without one, when the parties fit it (``fitting``:
    the parties whose countries must, when not all of them)."""
    dateline = article.dateline or {}
    if not dateline.get("place") or kb is None:
        return None
    place = kb.place(dateline["place"])
    if place is None or not place.city or not place.country:
        return None
    countries = _countries(participants if fitting is None else fitting)
    if countries and place.country not in countries:
        return None
    if _foreign_place_named(sentence_mentions, _countries(participants) | {place.country}):
        return None
    start = dateline.get("start") or 0
    end = dateline.get("end") or start
    stand_in = Mention(start, end, dateline.get("text") or dateline["place"], "LOC", DATELINE_PLACE)
    return Location(place.name, place.city, place.country, place.lat, place.lon, place.kb_id), stand_in, DATELINE_PLACE


def seat_place(kb, participants: list[Participant], sentence_mentions: list[Mention], side: str | None = None,
               country: str | None = None, national: bool = True) -> tuple[Location, Mention, str] | None:
    """The town where the event's parties sit (``kb.seat``: a ministry's hearing, a police resort's arrest),
    for an event told without a place. Only the parties on ``side`` count when given (a visit is where its
    host sits), and only seats in ``country`` when given (a country the event is stated in); the most local
    seat wins (a city's or regency's body over a province's, a province's over a national one), and seats
    of one rank in several towns say nothing. Silent when the sentences name a place or country outside the
    parties' countries, as for a dateline. ``national``: whether a national body's seat counts (not for what
    such a body does where it goes: an arrest, a deployment)."""
    if kb is None:
        return None
    ranked: dict[int, dict[str, Location]] = {}
    for p in participants:
        if not p.kb_id or (side is not None and p.side != side):
            continue
        seat = kb.seat(p.kb_id)
        if seat is None or (country is not None and seat.country != country):
            continue
        rank = kb.seats.rank(p.kb_id)
        if rank == NATIONAL and not national:
            continue
        ranked.setdefault(rank, {})[seat.kb_id or seat.name] = Location(seat.name, seat.city, seat.country, seat.lat,
                                                                        seat.lon, seat.kb_id)
    if not ranked:
        return None
    towns = ranked[min(ranked)]
    if len(towns) != 1:
        return None
    [location] = towns.values()
    if _foreign_place_named(sentence_mentions, _countries(participants) | {location.country}):
        return None
    stand_in = Mention(0, 0, location.name, "LOC", SEAT_PLACE)
    return location, stand_in, SEAT_PLACE


def participants_country(kb, participants: list[Participant], sentence_mentions: list[Mention],
                         place_side: str | None = None) -> tuple[Location, Mention, str] | None:
    """The parties' one country, as a country-level place, when every party with a country shares it; with
    parties of several countries, the one country of the parties on ``place_side`` (where events of the type
    happen: an attack where its victims are, an arrest where the police is), if it has one."""
    countries = _countries(participants)
    if len(countries) > 1 and place_side is not None:
        countries = _countries([p for p in participants if (p.side == "actor") == (place_side == "actor")])
    if len(countries) != 1 or kb is None:
        return None
    [iso3] = countries
    country = kb.country(iso3)
    if country is None or _foreign_place_named(sentence_mentions, _countries(participants)):
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
