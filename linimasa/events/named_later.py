"""Who "the suspect" is: a person described by a common noun, named in the sentences that follow.

Crime and court news tells an arrest with a noun ("Polisi menahan dua tersangka", "mengamankan pengemudi
mobil itu") and names the people a sentence or two later, often by initials ("Keduanya berinisial S dan DP",
"pengemudi berinisial AR (37)"). When the only party a candidate has on one side is such a noun (a word of
``described_later``), the people the next sentences introduce with a naming word ("berinisial", "bernama")
take its place. Only people introduced that way count: a name merely mentioned later is no evidence that it
is who the noun meant.
"""

from __future__ import annotations

from linimasa.events.arguments import Party
from linimasa.events.initials import LIST_WORDS
from linimasa.model import Mention

REACH = 3  # sentences after the trigger's where the people may be named


def introduced(views: list, naming: frozenset[str]) -> dict[int, list[Mention]]:
    """The people each sentence introduces after a naming word, by sentence index: the name (or initials)
    right after the word and those listed after it."""
    found: dict[int, list[Mention]] = {}
    for view in views:
        if naming.isdisjoint(view.words):
            continue
        people = [m for m in view.mentions if m.label == "PER" or m.kind == "person"]
        starts = {view.token_index(m.start): m for m in people}
        named: list[Mention] = []
        for i, word in enumerate(view.words):
            if word not in naming:
                continue
            k = i + 1
            while k < len(view.words) and (k in starts or view.words[k] in LIST_WORDS or view.words[k] in ("(", ")")
                                           or view.words[k].isdigit()):
                if k in starts and starts[k] not in named:
                    named.append(starts[k])
                k += 1
        if named:
            found[view.index] = sorted(named, key=lambda m: m.start)
    return found


def stand_ins(parties: list[Party], view, later: dict[int, list[Mention]], described: frozenset[str]) -> list[Party]:
    """``parties`` with a side held only by a described noun ("dua tersangka") given to the people the next
    sentences introduce; unchanged when nobody is introduced or the side already has a named party."""
    for side in ("recipient", "actor"):
        here = [p for p in parties if p.side == side]
        if len(here) != 1 or here[0].mention.kind != "agent" or described.isdisjoint(here[0].mention.text.lower().split()):
            continue
        people = next((later[i] for i in range(view.index, view.index + REACH + 1) if i in later), None)
        if not people:
            continue
        named = {id(p.mention) for p in parties}
        people = [m for m in people if id(m) not in named]
        if people:
            return [p for p in parties if p is not here[0]] + [Party(m, side) for m in people]
    return parties
