"""The days people are said to have spoken, for statements that state no day of their own.

News tells a statement in one sentence and dates it in another: "Bhima juga menilai independensi BI semakin
tidak ada ..." is dated by "... kata Bhima dalam keterangan yang diterima detikcom, Jumat (5/9/2025)" two
sentences on, not by the day another speaker spoke just before it ("kata Denny ..., Kamis (4/9/2025)"). A
*spoken day* is a person named beside a reporting verb ("kata X", "ujar X", "X mengatakan") with a day
stated after the verb in that sentence, outside quotation marks. A sentence without a day of its own whose
speaker (the person named last before its trigger, else the person a reporting verb in it names) has spoken
days takes the nearest one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import attrgetter

from linimasa.model import Mention, Sentence, TimeExpression
from linimasa.nlp.timex import dates
from linimasa.nlp.timex.lexicon import load_lexicon

# Characters between a reporting verb and its speaker's name ("kata Juru Bicara KPK Febri Diansyah").
SPEAKER_REACH = 40
_BREAK = re.compile(r"[,.;:!?\"“”()]")
_START = attrgetter("start")
_NAME_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")  # "Mu'ti" is one word


@dataclass(frozen=True)
class SpokenDay:
    speakers: tuple[Mention, ...]
    sentence: int  # index of the sentence that dates the words
    expression: TimeExpression


def _quoted(text: str, sentence: Sentence, position: int) -> bool:
    before = text[sentence.start:position]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


class People:
    """The person mentions of an article in text order, to find those near a position quickly."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = sorted(mentions, key=_START)  # in text order already: a linear pass

    def between(self, start: int, end: int) -> list[Mention]:
        """The people whose mention starts in [start, end)."""
        first = bisect_left(self.mentions, start, key=_START)
        last = bisect_left(self.mentions, end, lo=first, key=_START)
        return [m for m in self.mentions[first:last] if m.names_a_person]


def _named_after(text: str, verb_end: int, people: People, limit: int) -> list[Mention]:
    """The people named right after a reporting verb, before any punctuation ("kata Bhima", "ujar Kepala
    Biro X Y")."""
    return [m for m in people.between(verb_end, min(limit, verb_end + SPEAKER_REACH + 1))
            if not _BREAK.search(text, verb_end, m.start)]


def _named_before(text: str, verb_start: int, people: People, floor: int) -> list[Mention]:
    """The people named right before a reporting verb in its clause ("Ramdan Denny Prakoso mengatakan")."""
    return [m for m in people.between(max(floor, verb_start - SPEAKER_REACH - 60), verb_start)
            if verb_start - SPEAKER_REACH <= m.end <= verb_start and not _BREAK.search(text, m.end, verb_start)]


def _speaker_verbs(text: str, sentence: Sentence, people: People):
    """(verb end, speakers) for each reporting verb of the sentence that names its speaker."""
    lexicon = load_lexicon()
    found = []
    for match in lexicon.speaker_before_pattern.finditer(text, sentence.start, sentence.end):
        named = _named_after(text, match.end(), people, sentence.end)
        if named:
            found.append((match.end(), named))
    for match in lexicon.speaker_after_pattern.finditer(text, sentence.start, sentence.end):
        named = _named_before(text, match.start(), people, sentence.start)
        if named:
            found.append((match.end(), named))
    return sorted(found, key=lambda pair: pair[0])


def spoken_days(text: str, sentences: list[Sentence], people: People,
                usable: list[TimeExpression]) -> list[SpokenDay]:
    """Every spoken day of the article: a speaker and the first day stated after the verb that names them,
    in that sentence and outside quotation marks. ``usable`` are the expressions that may date an event."""
    days = sorted((t for t in usable if dates.parse_date(t.value)), key=lambda t: t.start)
    day_starts = [t.start for t in days]
    sentence_starts = [s.start for s in sentences]
    result = []
    for position in sorted({bisect_right(sentence_starts, t.start) - 1 for t in days}):
        if position < 0:
            continue
        sentence = sentences[position]
        here = [t for t in days[bisect_left(day_starts, sentence.start):bisect_left(day_starts, sentence.end)]
                if not _quoted(text, sentence, t.start)]
        if not here or not people.between(sentence.start, sentence.end):
            continue
        for verb_end, named in _speaker_verbs(text, sentence, people):
            day = next((t for t in here if t.start >= verb_end), None)
            if day is not None:
                result.append(SpokenDay(tuple(named), position, day))
    return result


def speakers_of(text: str, sentence: Sentence, people: People, trigger_start: int) -> list[Mention]:
    """Whose statement the sentence tells: the person named last before the trigger outside quotation marks
    (its subject: "Bhima juga menilai ...", "Zainudin menyatakan ... Viktor ... yang menuding" is Viktor's),
    else the people its reporting verbs name ("... meminta ...," kata Zeid.)."""
    before = [m for m in people.between(sentence.start, trigger_start)
              if m.end <= trigger_start and not _quoted(text, sentence, m.start)]
    if before:
        return [before[-1]]
    return [m for _, named in _speaker_verbs(text, sentence, people) for m in named]


def _name_words(mention: Mention) -> frozenset[str]:
    return frozenset(w.casefold() for w in _NAME_WORD.findall(mention.text) if len(w) >= 3)


def same_person(a: Mention, b: Mention) -> bool:
    """The same person: the same knowledge-base entry, or (either unresolved) one name's words within the
    other's ("Bhima" and "Bhima Yudhistira Adhinegara")."""
    if a.kb_id and b.kb_id:
        return a.kb_id == b.kb_id
    first, second = _name_words(a), _name_words(b)
    return bool(first) and bool(second) and (first <= second or second <= first)


def nearest_spoken_day(days: list[SpokenDay], speakers: list[Mention], index: int) -> SpokenDay | None:
    """The spoken day of one of ``speakers`` nearest to sentence ``index`` (a later one on a tie: the words
    come first, then who said them and when)."""
    matching = [d for d in days if any(same_person(s, t) for s in speakers for t in d.speakers)]
    if not matching:
        return None
    return min(matching, key=lambda d: (abs(d.sentence - index), d.sentence < index))
