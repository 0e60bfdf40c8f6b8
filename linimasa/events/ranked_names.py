"""People named after their military or police rank: "Mayor Jenderal TNI Komaruddin Simanjuntak", "AKBP Moch
Faruk Rozi", "Irjen Pol Condro Kirono", "Jenderal (Purn) Subagyo HS".

Named-entity recognition often misses a name after a rank, or takes the rank, the force and the name together
for an organisation. The capitalised words after a rank (``ranks`` in ``events/arguments_id.yaml``) and the
words of its force or corps (``rank_corps``: "TNI", "Pol", "(Purn)", "Marinir") are a person: a mention
labelled ``PER`` with no knowledge-base identity, replacing the mentions that overlap the name but no person,
so that the argument finders read it like an unresolved name (the name resolves as any other: a surname
mentioned in full elsewhere takes its person). A rank inside an office ("Sekretaris Jenderal PBB",
"Direktur Jenderal Pajak": ``rank_not_after``) names nobody, and a name already tagged as a person is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from linimasa.model import Mention
from linimasa.nlp.phrases import PhraseIndex

MAX_NAME_WORDS = 4


@dataclass(frozen=True)
class RankCues:
    ranks: PhraseIndex  # lower-case words, longest first ("mayor jenderal" before "jenderal")
    corps: frozenset[str]  # lower-case words between a rank and the name ("tni", "pol", "purn")
    not_after: frozenset[str]  # words before "Jenderal" that make it an office ("sekretaris", "direktur")

    @classmethod
    def of(cls, lexicon) -> RankCues | None:
        args = lexicon.arguments
        ranks = args.get("ranks") or ()
        if not ranks:
            return None
        return cls(PhraseIndex.of_phrases(ranks), frozenset(w.lower() for w in args.get("rank_corps") or ()),
                   frozenset(w.lower() for w in args.get("rank_not_after") or ()))


def ranked_mentions(view, text: str, cues: RankCues) -> list[Mention]:
    """The sentence's mentions (``view``: a SentenceView) with each name after a rank as a person."""
    words = view.words
    if cues.ranks.first_words.isdisjoint(words):
        return view.mentions
    surface = [text[s:e] for s, e in zip(view.starts, view.ends)]
    people = []
    i = 0
    while i < len(words):
        rank = _rank_at(words, surface, i, cues)
        if rank is None:
            i += 1
            continue
        k = i + rank
        while k < len(words) and (words[k] in cues.corps or words[k] in ("(", ")")):
            k += 1
        start = k
        while k < len(words) and k - start < MAX_NAME_WORDS and _name_word(surface[k]):
            k += 1
        if k > start:
            name_start, name_end = view.starts[start], view.ends[k - 1]
            if not _person_covers(view, name_start, name_end) or _only_its_tail_tagged(view, name_start, name_end):
                people.append(Mention(name_start, name_end, text[name_start:name_end], "PER", source="rank"))
        i = max(k, i + 1)
    if not people:
        return view.mentions
    kept = [m for m in view.mentions if not any(m.start < p.end and p.start < m.end for p in people)]
    return sorted(kept + people, key=lambda m: m.start)


def _rank_at(words: list[str], surface: list[str], i: int, cues: RankCues) -> int | None:
    """The number of words of the rank starting at word ``i``, written with capitals, if one does."""
    if not surface[i][:1].isupper() or (i > 0 and words[i - 1] in cues.not_after):
        return None
    return cues.ranks.longest_at(words, i)[0] or None


def _name_word(word: str) -> bool:
    """A word of a name: capitalised, letters with at most an apostrophe or a closing dot ("Syafi'in", "M.")."""
    letters = word.replace("'", "").rstrip(".")
    return bool(letters) and letters.isalpha() and word[:1].isupper()


def _person_covers(view, start: int, end: int) -> bool:
    return any(m.start < end and start < m.end and m.names_a_person for m in view.mentions)


def _only_its_tail_tagged(view, start: int, end: int) -> bool:
    """Whether the tagger took only the last words of the name after a rank as a person it could not resolve
    ("Irjen Gatot Eddy Pramono": "Eddy Pramono"): the whole name is the person."""
    covering = [m for m in view.mentions if m.start < end and start < m.end and m.names_a_person]
    return bool(covering) and all(m.kb_id is None and start < m.start and m.end <= end for m in covering)
