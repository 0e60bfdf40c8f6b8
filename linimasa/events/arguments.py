"""An event's arguments from the words around its trigger: parties, length and topics (its place mentions:
:mod:`linimasa.events.place_mentions`).

Offsets are character offsets into the article's working text. Every argument keeps the mention or
expression it came from, so the stage can record its evidence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from linimasa import dates
from linimasa.events.detect import TriggerMatch
from linimasa.events.lexicon import Lexicon
from linimasa.model import Mention, Sentence, TimeExpression

_ISO_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$|^PT?(\d+(?:\.\d+)?)H$")
MAX_MEETING_MINUTES = 12 * 60  # longer spans ("sehari", "empat bulan") are not a meeting's length
ADJACENT = re.compile(r"^[\s,]{0,3}$")


@dataclass
class SentenceView:
    """A sentence as the argument finders see it: lower-cased words with offsets and its mentions."""

    index: int
    sentence: Sentence
    words: list[str]
    starts: list[int]
    ends: list[int]
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    topics: list | None = None  # the sentence's topic hits, once looked up
    not_political: bool | None = None  # whether it is about sport or show business, once looked up
    not_talks: bool | None = None  # whether it is about tourism or a fair (no talks told), once looked up
    show_people: bool | None = None  # whether it names a player, coach or performer as such, once looked up
    place_phrases: list | None = None  # its "di" phrases (events/place_phrases.py), once found
    # the speaker last told in the sentences before (events/coreference.py): whose statement "Hal itu
    # disampaikan ..." tells again
    speaker_before: Mention | None = None

    def token_index(self, offset: int) -> int:
        """Index of the token that contains (or first follows) a character offset."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return max(i, 0)

    def capitalised(self, i: int) -> bool:
        """Whether the sentence writes its i-th word with a capital, as the words of a title or a name."""
        offset = self.sentence.start
        word = self.sentence.text[self.starts[i] - offset : self.ends[i] - offset]
        return word[:1].isupper() and word.isalpha()


@dataclass
class Party:
    """A mention taking part in an event, with the side the sentence gives it."""

    mention: Mention
    side: str
    collective: str | None = None  # name template when a collective noun precedes a country ("delegasi Rusia")


def clause_bounds(view: SentenceView, match: TriggerMatch, lexicon: Lexicon) -> tuple[int, int, int | None]:
    """(start, end, reporting verb index) of the trigger's clause, in word indices."""
    breaks = lexicon.words("clause_breaks")
    reporting = lexicon.words("reporting_verbs")
    start, reported_by = max(0, match.first - lexicon.arguments["subject_window"]), None
    for i in range(match.first - 1, start - 1, -1):
        if view.words[i] in breaks:
            start = i + 1
            break
        if view.words[i] in reporting:
            start, reported_by = i + 1, i
            break
    end = len(view.words)
    topic_verbs = lexicon.words("topic_verbs_before_with")
    cue_words = frozenset(lexicon.arguments.get("topic_cue_words", ()))
    for i in range(match.last, len(view.words)):
        word = view.words[i]
        if word in breaks or word in reporting or word in cue_words:
            end = i
            break
        if word in lexicon.words("with_words") and i > 0 and view.words[i - 1] in topic_verbs:
            end = i - 1
            break
    return start, end, reported_by


def rules_clause(view: SentenceView, match: TriggerMatch, lexicon: Lexicon,
                 span: tuple[int, int] | None = None) -> tuple[int, int]:
    """The words (start, end indices) :func:`find_parties` reads parties from: the subject window before the
    trigger and the object after it."""
    start, end, _ = clause_bounds(view, match, lexicon)
    if span is not None:
        floor, limit = span
        commas = [i for i in range(max(floor, start), match.first) if view.words[i] == ","]
        if floor > start and commas:
            start = commas[-1] + 1
        end = min(end, limit)
    return start, end_of_object(view, match, end, lexicon)


def find_parties(view: SentenceView, match: TriggerMatch, lexicon: Lexicon, reference: bool,
                 span: tuple[int, int] | None = None) -> list[Party]:
    """The mentions in the trigger's clause that take part, with their sides (PLOVER actor/recipient).

    ``span`` bounds the clause by the neighbouring triggers: the subject starts after the previous
    trigger's phrase ("Seusai berbicara dengan Putin, Trump menelepon ..."), the object ends at the next.
    """
    start, end, reported_by = clause_bounds(view, match, lexicon)
    if span is not None:
        floor, limit = span
        commas = [i for i in range(max(floor, start), match.first) if view.words[i] == ","]
        if floor > start and commas:  # serial verbs share their subject: "Jokowi menolak bertemu Xi"
            start = commas[-1] + 1
        end = min(end, limit)
    rule = match.rule
    before_side, after_side = party_sides(rule)
    parties: list[Party] = []
    before = [m for m in view.mentions if start <= view.token_index(m.start) < match.first]
    object_end = end_of_object(view, match, end, lexicon)
    after = [m for m in view.mentions if match.last <= view.token_index(m.start) < object_end]
    if rule.type != "CONSULT":
        after = _before_complement(view, after, lexicon)
    after += _with_after_place(view, object_end, end, lexicon)
    before, after = _with_described(view, before, lexicon), _with_described(view, after, lexicon)
    if reference or rule.with_only:  # "pertemuan itu", "membicarakan ISIS dengan Menhan Selandia Baru"
        after = [m for m in after if after_with(view, match, m, lexicon)]
    after = [m for m in after if not _apposed_country(view, m)]
    speakers = {id(m) for m in view.mentions if spoken_by(view, m, lexicon)}
    if not reference:
        for m in before:
            party = None if id(m) in speakers else party_of(view, m, before_side, lexicon)
            if party:
                parties.append(party)
        if not parties and any(w in lexicon.words("pronouns") for w in view.words[start : match.first]):
            parties.extend(_reporter(view, reported_by, start, before_side, lexicon))
        elif not parties and not before and _said_by_subject(view, reported_by, lexicon):
            # "Adian menegaskan dukungannya terhadap ...", "KPK menyatakan telah menahan ...": the subject of
            # the reporting verb is the subject of what it reports when that has none of its own
            parties.extend(_reporter(view, reported_by, start, before_side, lexicon, organisations=True))
    for k, m in enumerate(after):
        by_agent = rule.type != "CONSULT" and _by_agent(view, match, m, lexicon)
        side = "actor" if by_agent or (k == 0 and _genitive_agent(view, match, m, lexicon)) else after_side
        party = party_of(view, m, side, lexicon, visit=rule.mode == "visit",
                         addressed=rule.type in lexicon.words("addressed_types"))
        if party:
            parties.append(party)
    return parties


# At most this many words (the noun's own modifiers: "serangan udara", "ancaman terbaru") stand between an
# action noun and the name whose act it is.
GENITIVE_REACH = 2
# Kinds of mention that act after an action noun ("serangan Israel", "tembakan tentara Israel", "OTT KPK",
# "aksi buruh"); a person there is as often the one acted on.
GENITIVE_AGENT_KINDS = frozenset({"organisation", "country", "agent"})
# ... not for talks (everyone is an actor) nor protests, whose nouns after a name read as its place or target
# too ("demo santri di kediaman X", "blokade Israel"): measured, train PROTEST precision 0.32 -> 0.31 with them.
NO_GENITIVE_AGENT_TYPES = frozenset({"CONSULT", "PROTEST"})


def _without_bracketed(words: list[str]) -> list[str]:
    """The words outside one short bracketed aside that opens them ("( ott )")."""
    if len(words) >= 3 and words[0] == "(" and ")" in words[1:4]:
        return words[words.index(")", 1) + 1 :]
    return words


def _genitive_agent(view: SentenceView, match: TriggerMatch, m: Mention, lexicon: Lexicon) -> bool:
    """Whether ``m`` is the one whose act an action noun names, written right after it with no preposition:
    "serangan udara Israel" is Israel's attack, "ancaman Korea Utara" North Korea's threat, "tuduhan jaksa"
    the prosecutor's. The noun of an act done to someone (peN-an of COERCE, ASSAULT: "penangkapan Setnov",
    "pembunuhan Munir") takes its patient there instead."""
    rule = match.rule
    if rule.pos != "noun" or rule.type in NO_GENITIVE_AGENT_TYPES:
        return False
    first = view.token_index(m.start)
    between = _without_bracketed(view.words[match.last : first])  # "operasi tangkap tangan (OTT) KPK"
    if len(between) > GENITIVE_REACH or any(not w.isalpha() or w in lexicon.words("genitive_breaks") for w in between):
        return False
    if any(view.capitalised(i) and view.words[i] in between for i in range(match.last, first)):
        return False
    if m.kind not in GENITIVE_AGENT_KINDS:
        return False  # a person there is as often the one it is done to: "dakwaan Setnov", "OTT Siti Mashita"
    noun = rule.words[0]
    done_to = noun.startswith("pe") and rule.type in lexicon.words("patient_genitive_types")
    return not done_to


def _by_agent(view: SentenceView, match: TriggerMatch, m: Mention, lexicon: Lexicon) -> bool:
    """Whether the object names ``m`` after "oleh": who did it ("penangkapan mantan wartawan oleh polisi",
    "penembakan demonstran oleh polisi Kenya"), whatever side the words after the trigger take otherwise."""
    markers = lexicon.words("agent_markers")
    return any(w in markers for w in view.words[match.last : view.token_index(m.start)])


def _before_complement(view: SentenceView, after: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """The object's mentions up to the verb of what it is asked, urged or backed to do: "meminta Menkumham
    Yasonna Laoly mencopot Dirjen X", "mendukung langkah Prabowo mewajibkan para menteri ...", "mengusulkan agar
    Pemprov DKI mengeluarkan Pergub ...". Who the complement's verb acts on is no party of the event. The verb
    is an active meN- form written in lower case, between two of the object's mentions; the meN- words that
    work as prepositions ("melawan", "melalui", "merangkap": ``not_complement_verbs``) end nothing."""
    if len(after) < 2:
        return after
    prepositions = lexicon.words("not_complement_verbs")
    complementisers = lexicon.words("complementisers")
    kept = [after[0]]
    for previous, m in zip(after, after[1:]):
        gap = range(view.token_index(previous.end - 1) + 1, view.token_index(m.start))
        if any(view.words[i] in complementisers or view.words[i].startswith("me") and len(view.words[i]) > 4
               and view.words[i] not in prepositions and not view.capitalised(i) for i in gap):
            break
        kept.append(m)
    return kept


def _with_described(view: SentenceView, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """The mentions with, after each that only describes a person ("pelaku ... bernama Y"), the person named."""
    found = []
    for m in mentions:
        found.append(m)
        person = lexicon.nonparties.described_person(view, m)
        if person is not None and all(person is not other for other in mentions + found):
            found.append(person)
    return found


def companions(view: SentenceView, match: TriggerMatch, lexicon: Lexicon) -> list[Party]:
    """Who a sentence referring back to talks says attended them: the people and bodies listed after
    ``companion_words`` ("Dalam pertemuan itu Presiden didampingi Menteri A, Menteri B dan Kepala C", "Rapat ini
    dihadiri oleh ..."), or who ``accompanying_words`` say accompanied someone, with whom they accompanied
    ("Menlu A yang ikut mendampingi Presiden mengatakan di pertemuan itu ..."); the list runs up to a clause
    break or a place or time word (not "untuk": "Duta Besar RI untuk Jerman A")."""
    words = view.words
    args = lexicon.arguments
    after = frozenset(args.get("companion_words") or ())
    around = frozenset(args.get("accompanying_words") or ())
    stops = lexicon.words("clause_breaks") | lexicon.words("reporting_verbs") | frozenset(args.get("companion_stops") or ())
    found = []
    for at, word in enumerate(words):
        if word not in after and word not in around:
            continue
        end = next((i for i in range(at + 1, len(words)) if words[i] in stops), len(words))
        listed = [m for m in view.mentions if at < view.token_index(m.start) < end]
        if word in around:
            before = [m for m in view.mentions if view.token_index(m.end - 1) < at and m.names_a_person_or_title
                      and not any(words[i] in stops for i in range(view.token_index(m.end - 1) + 1, at))]
            listed = before[-1:] + listed
        for m in listed:
            party = party_of(view, m, "actor", lexicon) if m.kind != "agent" else None
            if party is not None and all(party.mention is not other.mention for other in found):
                found.append(party)
    return found


def venue_host(view: SentenceView, match: TriggerMatch, lexicon: Lexicon) -> Party | None:
    """Who talks were held at the place of: "usai rapat terbatas di kediaman Prabowo", "dalam rapat di kantor
    Kemendagri" (a person or organisation right after "di"/"ke" and a place word of ``host_places``, in the
    trigger's clause after it). The host took part; a building named for no one ("di Gedung Sate") has no
    mention after the place word and so no host."""
    places = lexicon.words("host_places") if "host_places" in lexicon.arguments else frozenset()
    if not places or " ".join(match.rule.words) in lexicon.words("interview_triggers"):
        return None
    stops = lexicon.words("clause_breaks") | lexicon.words("reporting_verbs")
    at = lexicon.words("location_words") | lexicon.words("to_words")
    for m in view.mentions:
        i = view.token_index(m.start)
        if i < match.last + 2 or m.kind not in ("person", "organisation", None) or m.label not in ("PER", "ORG", "TITLE"):
            continue
        if view.words[i - 1] in places and view.words[i - 2] in at:
            if any(w in stops for w in view.words[match.last : i - 2]):
                return None
            return Party(m, "actor" if party_sides(match.rule)[1] == "actor" else "recipient")
    return None


def is_reference_noun(view: SentenceView, match: TriggerMatch, lexicon: Lexicon) -> bool:
    following = view.words[match.last : match.last + lexicon.arguments["determiner_window"]]
    return match.rule.pos == "noun" and any(w in lexicon.words("determiners") for w in following)


# Words between an envoy's office and the "untuk" of where they are sent ("Duta Besar Republik Korea untuk").
ENVOY_REACH = 4


def end_of_object(view: SentenceView, match: TriggerMatch, end: int, lexicon: Lexicon, keep=frozenset()) -> int:
    stops = lexicon.words("object_stops") - keep
    lengths = [(t.start, t.end) for t in view.times if t.type == "DURATION"]
    for i in range(match.last, end):
        in_length = any(s <= view.starts[i] < e or s <= view.starts[min(i + 1, len(view.starts) - 1)] < e
                        for s, e in lengths)
        if view.words[i] in stops and not in_length and not envoy_to(view, i, lexicon):
            return i  # "pembicaraan selama empat jam dengan Lavrov" goes on
    return end


def envoy_to(view: SentenceView, i: int, lexicon: Lexicon) -> bool:
    """Whether word ``i`` is the "untuk" of an envoy's title, which names where the envoy is sent ("Duta Besar
    Jepang untuk Indonesia Kenji Kanasugi", "Utusan Khusus PBB untuk Myanmar"), not a purpose."""
    return (view.words[i] == "untuk" and i + 1 < len(view.words) and view.capitalised(i + 1)
            and not lexicon.words("envoy_heads").isdisjoint(view.words[max(0, i - ENVOY_REACH) : i]))


def _with_after_place(view: SentenceView, stop: int, end: int, lexicon: Lexicon) -> list[Mention]:
    """The parties after "dengan" / "bersama" when the trigger's place came first: "melakukan rapat di Bandara
    Soekarno-Hatta dengan Dirjen A dan Dirut B". The object stopped at the place's "di"; when a with-word
    follows the place (through its name, commas and a date after "pada", no other stop) and a name or title
    follows it, the mentions after it up to the next stop are parties too."""
    if stop >= end or view.words[stop] not in lexicon.words("location_words"):
        return []
    with_words = lexicon.words("with_words")
    passable = lexicon.words("location_words") | {"pada"}
    stops = lexicon.words("object_stops") - passable
    resume = next((i for i in range(stop + 1, end) if view.words[i] in with_words or view.words[i] in stops), None)
    if resume is None or view.words[resume] not in with_words or resume + 1 >= end:
        return []
    if not view.capitalised(resume + 1):  # "di Dublin dengan dibuka Perdana Menteri ...": a manner, no party
        return []
    finish = next((i for i in range(resume + 1, end) if view.words[i] in lexicon.words("object_stops")), end)
    return [m for m in view.mentions if resume < view.token_index(m.start) < finish]


def after_with(view: SentenceView, match: TriggerMatch, m: Mention, lexicon: Lexicon) -> bool:
    first = view.token_index(m.start)
    return any(w in lexicon.words("with_words") for w in view.words[match.last : first])


def _apposed_country(view: SentenceView, m: Mention) -> bool:
    """A country right after a place names the place's country ("di Paris, Prancis"), not a party."""
    if m.kind != "country":
        return False
    earlier = [p for p in view.mentions if p.end <= m.start and p.kind == "place"]
    return bool(earlier) and view.token_index(m.start) - view.token_index(earlier[-1].end - 1) <= 2


# Types whose passive names the actor's own forces as its subject: "personel TNI dan Polri telah dikerahkan",
# "15 polisi disiagakan di markas": PLOVER's MOBILIZE actor is the force mobilised (and whoever deploys it,
# after "oleh"); its recipient is whom it is sent against.
OWN_FORCES_TYPES = frozenset({"MOBILIZE"})


def party_sides(rule) -> tuple[str, str]:
    """(the side of parties before the trigger, of parties after it)."""
    if rule.type == "CONSULT" and (rule.mode != "visit" or (rule.pos == "noun" and rule.subject == "actor")):
        # PLOVER: with no host/visitor distinction everyone is an actor; after "kunjungan" comes the
        # visitor ("kunjungan Presiden X ke Y"), and the host is only the place or party after "ke"
        return "actor", "actor"
    if rule.type in OWN_FORCES_TYPES and rule.voice == "passive":
        return "actor", "actor"
    before, after = "actor", "recipient"
    if rule.subject == "recipient":
        before, after = after, before
    if rule.voice == "passive":
        before, after = after, before
    return before, after


def _said_by_subject(view: SentenceView, reported_by: int | None, lexicon: Lexicon) -> bool:
    """A reporting verb whose subject comes before it ("X menegaskan"), not after ("kata X", "menurut X")."""
    return reported_by is not None and view.words[reported_by] not in lexicon.words("speaker_after")


def _reporter(view: SentenceView, reported_by: int | None, start: int, side: str, lexicon: Lexicon,
              organisations: bool = False) -> list[Party]:
    """Who a pronoun subject is: the speaker before the reporting verb ("Lavrov menyatakan, dirinya akan
    ..."), else the person the sentence opens with ("Zulkifli tak menyangkal, dirinya bertemu ...")."""
    limit = reported_by if reported_by is not None else start
    people = [m for m in view.mentions if view.token_index(m.start) < limit
              and (m.names_a_person_or_title or (organisations and (m.kind == "organisation" or m.label == "ORG")))]
    if reported_by is not None:
        return [Party(m, side) for m in people[-1:]]
    return [Party(m, side) for m in people[:1]]


def spoken_by(view: SentenceView, m: Mention, lexicon: Lexicon) -> bool:
    """The speaker right after a reporting verb whose speaker follows it ("..., kata Erwan, ...") is no party
    to the event; after one whose speaker comes before ("Wilton mengungkap Khariq ditahan ...") comes what is
    reported."""
    i = view.token_index(m.start)
    if i > 0 and view.words[i - 1] in lexicon.words("speaker_after"):
        return True
    # the name right after the speaker's title: "Menurut Juru Bicara Kemlu Arrmanatha Nasir, ..." (not a subject
    # after a title with no name: "Menurut Kepala Staf Kepresidenan, Presiden ... bertemu ...")
    return m.names_a_person and any(
        t.label == "TITLE" and t.end <= m.start and view.token_index(t.end - 1) + 1 == i
        and 0 < (k := view.token_index(t.start)) and view.words[k - 1] in lexicon.words("speaker_after")
        for t in view.mentions)


def party_of(view: SentenceView, m: Mention, side: str, lexicon: Lexicon, visit: bool = False,
             addressed: bool = False) -> Party | None:
    """The party a mention of the sentence stands for on ``side``, or None where it is none: a source credited
    or excluded, a place (unless a visit's destination), a building after "ke" (unless a request is
    ``addressed`` to a named body or person)."""
    if _credit(view, m) or lexicon.nonparties.excluded(view, m):
        return None
    marker = preposition_of(view, m, lexicon)
    if marker in lexicon.words("location_words"):
        return None
    if m.kind == "place" or (m.kind is None and m.label == "LOC" and marker is None):
        return Party(m, "recipient") if visit and marker != "di" and m.country else None
    if m.kind == "country" and marker in lexicon.words("to_words"):
        return Party(m, "recipient") if visit else None
    if marker in lexicon.words("to_words"):
        # "ke Istana Negara": a building, not a party; but a request sent to a body or a person is addressed to
        # them ("mengirimkan surat permohonan ke Pengadilan Tinggi Jakarta")
        named = m.kind in ("person", "organisation") or (m.kind is None and m.label in ("PER", "ORG"))
        return Party(m, side) if addressed and named else None
    if m.kind == "country" or m.label in ("PER", "ORG", "TITLE") or m.kind in ("person", "organisation", "agent"):
        first = view.token_index(m.start)
        collective = lexicon.arguments["collectives"].get(view.words[first - 1]) if first > 0 else None
        return Party(m, side, collective)
    return None


def _credit(view: SentenceView, m: Mention) -> bool:
    """An agency credit in a dateline: "Nusa Dua, Bali (ANTARA) - ...", "Kuta (ANTARA News) - ..."."""
    i = view.token_index(m.start)
    j = view.token_index(m.end - 1)
    if i == 0 or view.words[i - 1] != "(":
        return False
    closing = next((k for k in range(j + 1, min(j + 4, len(view.words))) if view.words[k] == ")"), None)
    return closing is not None and closing + 1 < len(view.words) and view.words[closing + 1] in ("-", "–", "—", "--")


def preposition_of(view: SentenceView, m: Mention, lexicon: Lexicon) -> str | None:
    """The location or direction word before a mention ("di kota Sochi" -> "di"), if any."""
    fillers = lexicon.words("location_fillers")
    i = view.token_index(m.start) - 1
    gap = 0
    while i >= 0 and view.words[i] in fillers and gap < lexicon.arguments["location_gap"]:
        i, gap = i - 1, gap + 1
    if i >= 0 and view.words[i] in lexicon.words("location_words") | lexicon.words("to_words"):
        return view.words[i]
    return None


def duration_minutes(expression: TimeExpression) -> int | None:
    """Minutes of a DURATION value ("P4H" -> 240, "PT105M" -> 105); None when not a meeting's length."""
    if expression.type != "DURATION" or not expression.value:
        return None
    match = _ISO_DURATION.match(expression.value)
    if not match:
        return None
    days, hours, minutes, bare_hours = (float(g) if g else 0.0 for g in match.groups())
    total = round(days * 1440 + (hours + bare_hours) * 60 + minutes)
    return total if 0 < total <= MAX_MEETING_MINUTES else None


def as_date(value: str | None) -> dt.date | None:
    """A representative day of a date value ("2014-10" -> 2014-10-15), for looking up who held an office."""
    return dates.representative_day(value)


def is_adjacent(text: str, left: Mention, right: Mention) -> bool:
    return left.end <= right.start and bool(ADJACENT.match(text[left.end : right.start]))
