"""The place mentions of a trigger's sentence: the places introduced by "di" (or "ke" for a visit) and the
phrases that continue them, venues that tell their city, and the location each mention resolves to.

Offsets are character offsets into the article's working text.
"""

from __future__ import annotations

from linimasa.events.arguments import SentenceView, clause_bounds, end_of_object, is_reference_noun, preposition_of
from linimasa.events.detect import TriggerMatch
from linimasa.events.lexicon import Lexicon
from linimasa.events.place_phrases import phrases_of
from linimasa.kb.local_bodies import region_slug
from linimasa.model import Location, Mention


def find_location_mentions(view: SentenceView, match: TriggerMatch, lexicon: Lexicon) -> list[Mention]:
    """Places introduced by "di" (or "ke" for a visit) in the trigger's sentence, nearest after it first."""
    wanted = lexicon.words("location_words") | (lexicon.words("to_words") if match.rule.mode == "visit" else frozenset())
    start, end, _ = clause_bounds(view, match, lexicon)
    if is_reference_noun(view, match, lexicon):  # "pertemuan itu berlangsung ... setelah X di Kyiv"
        end = end_of_object(view, match, end, lexicon, keep=lexicon.words("location_words"))
    else:
        end = len(view.words)
    chained = _place_chains(view, lexicon) | phrase_continuations(view, lexicon)
    visited = None
    if match.rule.mode == "visit" and match.rule.pos == "verb":  # "mengunjungi Sochi"
        visited = next((m for m in view.mentions if view.token_index(m.start) == match.last), None)
    found = [
        _written_venue(view, m, lexicon) for m in view.mentions
        if (m.kind in ("place", "country") or venue_city(m.text, lexicon) is not None)
        and start <= view.token_index(m.start) < end
        and (preposition_of(view, m, lexicon) in wanted or m is visited or id(m) in chained)
        and not _topic_place(view, m, lexicon, match)
    ]
    return sorted(found, key=lambda m: (m.start < match.start, abs(m.start - match.end)))


def _written_venue(view: SentenceView, m: Mention, lexicon: Lexicon) -> Mention:
    """The venue as written when the text goes on past the mention to a longer venue of ``venue_cities``: the
    tagger or the knowledge base may take "Istana Kepresidenan" (Jakarta) out of "Istana Kepresidenan Bogor"."""
    if m.kind in ("place", "country"):
        return m
    first, last = view.token_index(m.start), view.token_index(m.end - 1) + 1
    length, _ = lexicon.phrases("venue_cities").longest_at(view.words, first)
    if first + length <= last:
        return m
    end, offset = view.ends[first + length - 1], view.sentence.start
    return Mention(m.start, end, view.sentence.text[m.start - offset : end - offset], "LOC", "venue")


def phrase_continuations(view: SentenceView, lexicon: Lexicon) -> set[int]:
    """Mentions in the later parts of a "di" phrase ("di kompleks gedung dewan, Jakarta Pusat" -> Jakarta), and
    a city that closes a venue's name ("di Universitas 17 Agustus 1945 (Untag) Surabaya", "di Pengadilan Tipikor
    Jakarta"): a country there names the venue's owner ("di Kedutaan Besar Rusia"), not its place, and a
    lower-case place word is no venue's name ("strobo di jalanan Kota Bandung" may tell where else it was)."""
    phrases = phrases_of(view, lexicon)
    named = [p for p in phrases if view.sentence.text[view.starts[p.start] - view.sentence.start:][:1].isupper()]
    return {id(m) for m in view.mentions if any(p.continues(view.token_index(m.start)) for p in phrases)
            or (m.kind == "place" and any(p.start < view.token_index(m.start)
                                          and view.token_index(m.end - 1) == p.first_end - 1 for p in named))}


def _place_chains(view: SentenceView, lexicon: Lexicon) -> set[int]:
    """Places that continue a "di" phrase after a comma: "di Istana Maryinsky, Kyiv" -> Kyiv."""
    chained: set[int] = set()
    places = [m for m in view.mentions if m.label in ("LOC", "ORG") or m.kind in ("place", "country")]
    for before, after in zip(places, places[1:]):
        gap = view.words[view.token_index(before.end - 1) + 1 : view.token_index(after.start)]
        linked = id(before) in chained or preposition_of(view, before, lexicon) in lexicon.words("location_words")
        aside = len(gap) >= 3 and gap[0] == "(" and gap[-2:] == [")", ","]  # "Balai Agung (Great Hall), Beijing"
        if linked and (gap in ([","], []) or aside):
            chained.add(id(after))
    return chained


def _topic_place(view: SentenceView, m: Mention, lexicon: Lexicon, match: TriggerMatch) -> bool:
    """A place of a topic, not of the event: "perang di Ukraina", also past the words that qualify the topic
    ("krisis kemanusiaan yang terjadi di Gaza", "ketegangan yang meningkat di Laut China Selatan"): up to
    ``topic_place_reach`` lower-case words, none of which ends the topic (``not_topic_qualifiers``: "dan",
    "untuk", "pada" ...). The event's own trigger is no topic ("pertempuran di Aleppo" when it is the event)."""
    first = view.token_index(m.start)
    words = view.words[max(0, first - 4) : first]
    if "di" not in words:
        return False
    at = max(0, first - 4) + len(words) - 1 - words[::-1].index("di")
    topics = lexicon.words("not_location_after")
    stops = lexicon.words("not_topic_qualifiers")
    for j in range(at - 1, max(-1, at - 1 - lexicon.arguments["topic_place_reach"]), -1):
        word = view.words[j]
        if match.first <= j < match.last:
            return False
        if word in topics:
            return True
        if word in stops or not word.isalpha() or view.capitalised(j):
            return False
    return False


def apposed_country(view: SentenceView, place: Mention) -> str | None:
    """The country named right after a place ("Paris, Prancis" -> FRA), to resolve the place within it."""
    after = [m for m in view.mentions if m.start >= place.end and m.kind == "country"]
    if after and view.token_index(after[0].start) - view.token_index(place.end - 1) <= 2:
        return after[0].country
    return None


SHORT_FORM_LENGTH = 4  # "RI", "DKI", "MPR": short forms that may follow a venue's name


def venue_city(text: str, lexicon: Lexicon) -> str | None:
    """The city a venue's name tells ("Istana Bogor" -> Bogor, "Balai Kota Makassar" -> Makassar), if any:
    a venue of ``venue_cities`` (longest first; also followed by short forms only: "Gedung DPR RI"), or a
    city's office of ``venue_city_heads`` and the city."""
    folded = " ".join(text.casefold().split())
    venues = lexicon.arguments["venue_cities"]
    if folded in venues:
        return venues[folded]
    written = text.split()
    for length in range(len(written) - 1, 0, -1):  # not "Istana Kepresidenan Tampaksiring": a name follows
        rest = written[length:]
        if all(w.isupper() and len(w) <= SHORT_FORM_LENGTH for w in rest):
            prefix = " ".join(written[:length]).casefold()
            if prefix in venues:
                return venues[prefix]
    for head in lexicon.arguments["venue_city_heads"]:
        if folded.startswith(head + " ") and len(folded) > len(head) + 1:
            return text.split(None, len(head.split()))[-1]
    return None


def province_capital(kb, name: str) -> str | None:
    """The capital of the Indonesian province ``name`` names ("Jawa Tengah" -> Semarang), if it names one."""
    seats = getattr(kb, "seats", None)
    return seats.capitals.get(region_slug(name)) if seats is not None else None


def location_of(m: Mention, kb, context_country: str | None = None, lexicon: Lexicon | None = None) -> Location | None:
    if m.kind == "country":
        city = kb.place(m.text, m.country) if kb is not None else None
        if city is not None and city.country == m.country and city.name == (m.name or m.text):
            # a city-state: "di Singapura" is the city of Singapore
            return Location(city.name, city.city, city.country, city.lat, city.lon, city.kb_id)
        return Location(name=m.name or m.text, city=None, country=m.country, lat=m.lat, lon=m.lon, kb_id=m.kb_id)
    place = kb.place(m.text, context_country) if kb is not None else None
    if place is not None and (context_country is None or place.country == context_country):
        return Location(place.name, place.city, place.country, place.lat, place.lon, place.kb_id)
    city_name = venue_city(m.text, lexicon) if lexicon is not None and kb is not None else None
    city = kb.place(city_name, context_country) if city_name else None
    if city_name and (city is None or not city.city):  # a province's office: "Kantor Gubernur Jawa Tengah"
        capital = province_capital(kb, city_name)
        city = kb.place(capital, "IDN") if capital else city
    if city is not None and city.city:  # a venue is placed in its city, where events of that city are
        return Location(city.name, city.city, city.country, city.lat, city.lon, city.kb_id)
    if m.kb_id:
        return Location(name=m.name or m.text, city=m.name, country=m.country, lat=m.lat, lon=m.lon, kb_id=m.kb_id)
    return None
