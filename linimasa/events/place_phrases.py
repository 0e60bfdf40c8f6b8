"""Place phrases: the stretch of words a "di" opens, with the places that continue it after commas.

News writes where something happened as one phrase that goes from the venue to the city and on to the
province or country, each part after a comma: "di acara jamuan partai, Hotel Mawar Indah, Menteng,
Jakarta Pusat, Selasa (16/9)", "di Kantor Pusat Badan Pangan, Jakarta Selatan", "di KTT ASEAN, Kuala Lumpur,
Malaysia". The first part may be any words (a venue, an event); each later part is a name: capitalised words
(or a place word such as "kawasan"), a bracketed short form, and nothing else, closed by a comma, a date or
the end of the sentence. A clause that only begins with a name ("di bidang ekonomi, Indonesia dan Jepang
sepakat ...") goes on in lower case and so is no part of the phrase.

Every place mentioned in a later part belongs to the phrase, however long the venue before it was, so the
city of "di kompleks gedung dewan, Jakarta Pusat" is read although "dewan" is no place word.
"""

from __future__ import annotations

from dataclasses import dataclass

from linimasa.model import TimeExpression

# A phrase's first part (the venue or occasion after "di") is at most this many words ...
FIRST_PART_WORDS = 12
# ... and each later part (a district, a city, a province) at most this many.
LATER_PART_WORDS = 6
CLOSERS = {",", ".", "!", "?", ";", ":", '"', "“", "”", "'"}


@dataclass(frozen=True)
class PlacePhrase:
    """Word indices of one phrase: ``start`` (after "di") to ``end`` (excluded); later parts from ``later``."""

    start: int
    later: int
    end: int
    first_end: int  # where the first part (the venue or occasion) ends
    dated: TimeExpression | None = None  # the date written right after it ("..., Jakarta Selatan, Senin (20/10)")

    def holds(self, word: int) -> bool:
        return self.start <= word < self.end

    def first_part(self, view) -> str:
        """The words of the first part as written ("Gedung DPR RI")."""
        offset = view.sentence.start
        return view.sentence.text[view.starts[self.start] - offset : view.ends[self.first_end - 1] - offset]

    def continues(self, word: int) -> bool:
        """Whether a word is in a part after the first (a place named after the venue)."""
        return self.later <= word < self.end


def phrases_of(view, lexicon) -> list[PlacePhrase]:
    """The sentence's phrases opened by the lexicon's ``location_words``, found once per sentence view: every
    candidate of the sentence and the article's dated places read the same ones."""
    if view.place_phrases is None:
        view.place_phrases = place_phrases(view, lexicon.words("location_words"), lexicon.words("place_part_heads"))
    return view.place_phrases


def place_phrases(view, opening_words: frozenset[str], part_heads: frozenset[str]) -> list[PlacePhrase]:
    """The phrases opened by ``opening_words`` ("di") in a sentence view, in order. ``part_heads``: lower-case
    words that may begin a later part ("kawasan", "jalan")."""
    words = view.words
    times = {view.token_index(t.start): t for t in view.times}
    time_starts = set(times)
    phrases = []
    for i, word in enumerate(words):
        if word not in opening_words:
            continue
        end = _first_part_end(words, i + 1, time_starts)
        if end is None:
            continue
        later = end + 1
        while end < len(words) and words[end] == ",":
            part_end = _later_part_end(view, end + 1, time_starts, part_heads)
            if part_end is None:
                break
            end = part_end
        after = end + 1 if end < len(words) and words[end] == "," else end
        phrases.append(PlacePhrase(i + 1, min(later, end), end, later - 1, times.get(after)))
    return phrases


def _first_part_end(words: list[str], start: int, time_starts: set[int]) -> int | None:
    """Where the first part ends (at a comma, a date or a closing mark), or None when it runs on too long."""
    j = start
    while j < len(words) and words[j] not in CLOSERS and j not in time_starts:
        j += 1
        if j - start > FIRST_PART_WORDS:
            return None
    return j if j > start else None


def _later_part_end(view, start: int, time_starts: set[int], part_heads: frozenset[str]) -> int | None:
    """Where a later part starting at ``start`` ends, or None when the words there are no place's name."""
    words = view.words
    j, length, bracket = start, 0, False
    while j < len(words) and (bracket or words[j] not in CLOSERS):
        if j in time_starts and not bracket:
            break
        word = words[j]
        if word == "(":
            bracket = True
        elif word == ")":
            bracket = False
        elif not (view.capitalised(j) or word in part_heads or word == "-" or (bracket and word.isalnum())):
            return None
        j, length = j + 1, length + 1
        if length > LATER_PART_WORDS:
            return None
    if j == start or bracket or (j < len(words) and j in time_starts and j == start):
        return None
    return j
