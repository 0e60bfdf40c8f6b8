"""A region's name the NER took into the name of the official it titles.

Indonesian news titles a regional official by office and region before the name ("Bupati Pemalang Mukti Agung
Wibowo", "Wali Kota Tegal Dedy Yon", "Gubernur Aher"), and the tagger often reads the region, or the office too,
as the first words of the person's name: the person is then "Pemalang Mukti Agung Wibowo", whom no other
report of the same news names so. An unlinked ``PER`` mention that an office word (``regional_offices`` of
``local_bodies_id.yaml``) opens or follows loses the office words, and the words after them that the knowledge
base knows as a place in Indonesia (up to ``REGION_WORDS``) become a place mention of their own: the person is
the words left. A region the knowledge base does not know ("Rokan Hilir") stays in the name; at least one word
is always left to the person.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linimasa.kb.matcher import fold
from linimasa.kb.mentions import previous_word
from linimasa.model import Mention

if TYPE_CHECKING:
    from linimasa.kb.base import KnowledgeBase

COUNTRY = "IDN"
REGION_WORDS = 3  # a region's name has at most this many words ("Kota Batu", "Hulu Sungai Selatan")
_WORD = re.compile(r"\S+")


def without_regions(mentions: list[Mention], text: str, kb: KnowledgeBase) -> list[Mention]:
    """``mentions`` with each titled person's mention cut after its office and region (and the region as a
    ``LOC`` mention)."""
    offices = kb.regional_offices
    if not offices:
        return mentions
    out = []
    for m in mentions:
        out.extend(_split(m, text, kb, offices) if m.label == "PER" and m.kb_id is None else (m,))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _split(m: Mention, text: str, kb: KnowledgeBase, offices: frozenset[str]) -> list[Mention]:
    words = [(m.start + w.start(), m.start + w.end()) for w in _WORD.finditer(m.text)]
    first = 0
    while first < len(words) - 1 and fold(text[slice(*words[first])]) in offices:
        first += 1
    if first == 0 and previous_word(text, m.start) not in offices:
        return [m]
    found = []
    for n in range(min(REGION_WORDS, len(words) - first - 1), 0, -1):
        start, end = words[first][0], words[first + n - 1][1]
        place = kb.place(text[start:end], COUNTRY)
        if place is not None and place.country == COUNTRY:
            found.append(Mention(start, end, text[start:end], "LOC", source=m.source))
            first += n
            break
    if first == 0:
        return [m]
    start = words[first][0]
    return found + [Mention(start, m.end, text[start : m.end], "PER", source=m.source)]
