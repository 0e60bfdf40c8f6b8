"""Topics of events: what talks were about, as canonical English labels.

The lexicon (``topics.yaml`` beside this module) maps Indonesian surface forms to labels. A form counts in
two ways: *specific* forms ("perubahan iklim", "program nuklir Iran") name a topic wherever they occur in
a sentence about the event; country names and common themes count only in the stretch after a topic cue
("membahas Ukraina, Suriah dan Iran", "mengenai Ukraina di Jenewa" stops at the place).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from linimasa import yamldata
from linimasa.nlp.phrases import PhraseIndex

_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_CLAUSE_END = frozenset({".", ";", "!", "?", '"', "“", "”", "(", ")", "[", "]"})
_COORDINATION = frozenset({"dan", ",", "serta", "maupun", "atau"})


@dataclass(frozen=True, slots=True)
class TopicHit:
    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Form:
    words: tuple[str, ...]
    label: str


class TopicLexicon:
    """Compiled topic lexicon: phrase tables keyed by their first word."""

    def __init__(self, data: dict):
        self.cues = PhraseIndex.of((tuple(c.split()), c) for c in data["cues"])
        self.cue_stops = frozenset(data["cue_stops"])
        self.di_heads = frozenset(data["di_heads"])
        self.specific = PhraseIndex.of(_forms(data["specific"]))
        self.cued = PhraseIndex.of(_forms(data["cued"]) + _forms(data["specific"]))
        self.countries = PhraseIndex.of(_forms(data["countries"]))
        self.headed = PhraseIndex.of((tuple(h["head"]), h["label"]) for h in data["headed"])
        # the words that can start a match of a region's tables: the rest are passed without a look-up
        self._starts = {tables: self.headed.first_words.union(*(table.first_words for table in tables))
                        for tables in ((self.cued, self.countries), (self.specific,))}

    def find(self, text: str, offset: int = 0, cued: bool = True) -> list[TopicHit]:
        """Topics named in ``text`` (offsets shifted by ``offset``), in order of appearance, one per label;
        with ``cued=False`` only the specific forms, which need no cue."""
        tokens = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
        words = [t[0] for t in tokens]
        hits: list[tuple[int, int, str]] = []  # (first token, last token + 1, label)
        for start, end in self._cued_regions(words) if cued else ():
            hits.extend(self._match_region(words, start, end, (self.cued, self.countries)))
        hits.extend(self._match_region(words, 0, len(words), (self.specific,)))
        seen: set[str] = set()
        result = []
        for first, last, label in sorted(hits):
            if label in seen:
                continue
            seen.add(label)
            s, e = tokens[first][1], tokens[last - 1][2]
            result.append(TopicHit(label, s + offset, e + offset, text[s:e]))
        return result

    def _cued_regions(self, words: list[str]) -> list[tuple[int, int]]:
        regions = []
        i = 0
        cue_words = self.cues.first_words
        while i < len(words):
            length, _ = self.cues.longest_at(words, i) if words[i] in cue_words else (0, None)
            if not length:
                i += 1
                continue
            start = end = i + length
            while end < len(words) and not self._ends_region(words, end):
                end += 1
            regions.append((start, end))
            i = start
        return regions

    def _ends_region(self, words: list[str], i: int) -> bool:
        word = words[i]
        if word in _CLAUSE_END:
            return True
        if word == "di":  # a place ends the stretch, unless it belongs to a topic ("pasukan Rusia di ...")
            return not any(w in self.di_heads for w in words[max(0, i - 2) : i])
        return word in self.cue_stops

    def _match_region(self, words: list[str], start: int, end: int, tables) -> list[tuple[int, int, str]]:
        """Headed forms ("program nuklir Iran dan Korea Utara") first, then the longest form of ``tables``."""
        hits = []
        starts = self._starts[tables]
        i = start
        while i < end:
            if words[i] not in starts:
                i += 1
                continue
            head_length, template = self.headed.longest_at(words, i, end)
            if head_length:
                countries, stop = self._country_list(words, i + head_length, end)
                if countries:
                    hits.extend((a, b, template.format(country=c)) for a, b, c in countries)
                    i = stop
                    continue
            length, label = 0, None
            for table in tables:
                length, label = table.longest_at(words, i, end)
                if length:
                    break
            if length:
                hits.append((i, i + length, label))
                i += length
            else:
                i += 1
        return hits

    def _country_list(self, words, i, end):
        """Countries coordinated from position ``i``: "Iran dan Korea Utara"."""
        found = []
        while i < end:
            length, label = self.countries.longest_at(words, i, end)
            if not length:
                break
            found.append((i, i + length, label))
            i += length
            if (i < end and words[i] in _COORDINATION and i + 1 < end
                    and self.countries.longest_at(words, i + 1, end)[0]):
                i += 1
            else:
                break
        return found, i


def _forms(mapping: dict) -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(_WORD.findall(form.lower())), label) for label, forms in mapping.items() for form in forms]


@functools.cache
def load_topics(path: str | None = None) -> TopicLexicon:
    """The topic lexicon, loaded once per process."""
    source = Path(path) if path else Path(__file__).with_name("topics.yaml")
    return TopicLexicon(yamldata.safe_load(source.read_text(encoding="utf-8")))


def find_topics(text: str, offset: int = 0, cued: bool = True) -> list[TopicHit]:
    return load_topics().find(text, offset, cued)
