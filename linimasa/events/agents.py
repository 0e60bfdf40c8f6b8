"""Generic actors as party mentions: "polisi", "penyidik", "ratusan mahasiswa", "pemerintah".

Named-entity recognition finds people, organisations and places by name; much of what news tells is done
by or to groups and offices named by a common noun ("Lima penagih ditangkap polisi", "Penyidik menetapkan
Lisa sebagai tersangka"). The words of ``linimasa/lang/id/agents.yaml`` become mentions of kind ``agent``
with an English name, where no other mention covers them, so that the argument finders can take them as
parties. They carry no country and no knowledge-base id.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from linimasa import yamldata
from linimasa.model import Mention
from linimasa.nlp.phrases import PhraseIndex

AGENTS_FILE = Path(__file__).resolve().parents[1] / "lang" / "id" / "agents.yaml"
_NUMBER = re.compile(r"^\d[\d.,]*$")  # "257", "1.300"
COUNTED_PEOPLE = "counted_people"  # the source of "N orang" mentions, parties of `counted_people_types` only


@dataclass(frozen=True)
class AgentLexicon:
    names: PhraseIndex[str]  # words -> English name
    quantifiers: frozenset[str]
    not_after: frozenset[str]
    counted: dict[str, str]  # nouns that are a group only after a count ("tiga pria") -> English name
    counts: frozenset[str]  # the words that count them ("tiga", "ratusan"; a number too)
    counted_people: dict[str, str]  # "N orang": a group only for some types (mentions of source COUNTED_PEOPLE)

    def is_count(self, word: str) -> bool:
        return word in self.counts or bool(_NUMBER.match(word))


@functools.cache
def load_agents(path: str | None = None) -> AgentLexicon:
    data = yamldata.safe_load(Path(path or AGENTS_FILE).read_text(encoding="utf-8"))
    names = PhraseIndex.of((words.split(), name) for words, name in data["agents"].items())
    return AgentLexicon(names, frozenset(data["quantifiers"]), frozenset(data.get("not_after") or ()),
                        dict(data.get("counted") or {}), frozenset(data.get("counts") or ()),
                        dict(data.get("counted_people") or {}))


def agent_mentions(words: list[str], starts: list[int], ends: list[int], text: str, taken: list[Mention],
                   agents: AgentLexicon) -> list[Mention]:
    """Agent mentions of one sentence (lower-cased ``words`` with their offsets) that overlap no mention in
    ``taken`` and are not followed by one (a name after the noun carries the party: "penyidik KPK"), nor
    stand as a role ("sebagai tersangka"). A counted noun makes a group only after its count ("dua pria
    ditangkap"), and joins the count of an agent noun after it ("tiga orang tersangka": the suspects)."""
    found = []
    free = 0  # the first word no agent found so far covers
    first_words, counted, counted_people = agents.names.first_words, agents.counted, agents.counted_people
    # most words start no agent: only those that may are tried
    for i in [i for i, word in enumerate(words) if word in first_words or word in counted or word in counted_people]:
        if i < free:
            continue
        n, name = agents.names.longest_at(words, i)
        source = "agents"
        if not n and i > 0 and agents.is_count(words[i - 1]) and not (
                i + 1 < len(words) and agents.names.longest_at(words, i + 1)[0]):
            if counted.get(words[i]):
                n, name = 1, counted[words[i]]
            elif words[i] in counted_people:
                n, name, source = 1, counted_people[words[i]], COUNTED_PEOPLE
        if not n:
            continue
        first = i
        while first > 0 and (words[first - 1] in agents.quantifiers or _NUMBER.match(words[first - 1]) or (
                (words[first - 1] in agents.counted or words[first - 1] in agents.counted_people)
                and first > 1 and agents.is_count(words[first - 2]))):
            first -= 1
        start, end = starts[first], ends[i + n - 1]
        named_after = any(0 <= m.start - end <= 1 for m in taken)  # "polisi Prancis", "penyidik KPK"
        role = first > 0 and words[first - 1] in agents.not_after  # "sebagai tersangka"
        if not named_after and not role and not any(m.start < end and start < m.end for m in taken):
            found.append(Mention(start, end, text[start:end], "AGENT", source=source, kind="agent", name=name))
        free = i + n
    return found
