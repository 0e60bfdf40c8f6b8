"""Generic actors as party mentions: "polisi", "penyidik", "ratusan mahasiswa", "pemerintah".

Named-entity recognition finds people, organisations and places by name; much of what news tells is done
by or to groups and offices named by a common noun ("Lima penagih ditangkap polisi", "Penyidik menetapkan
Lisa sebagai tersangka"). The words of ``linimasa/lang/id/agents.yaml`` become mentions of kind ``agent``
with an English name, where no other mention covers them, so that the argument finders can take them as
parties. They carry no country and no knowledge-base id.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from linimasa import yamldata
from linimasa.model import Mention
from linimasa.nlp.phrases import PhraseIndex

AGENTS_FILE = Path(__file__).resolve().parents[1] / "lang" / "id" / "agents.yaml"


@dataclass(frozen=True)
class AgentLexicon:
    names: PhraseIndex[str]  # words -> English name
    quantifiers: frozenset[str]
    not_after: frozenset[str]


@functools.cache
def load_agents(path: str | None = None) -> AgentLexicon:
    data = yamldata.safe_load(Path(path or AGENTS_FILE).read_text(encoding="utf-8"))
    names = PhraseIndex.of((words.split(), name) for words, name in data["agents"].items())
    return AgentLexicon(names, frozenset(data["quantifiers"]), frozenset(data.get("not_after") or ()))


def agent_mentions(words: list[str], starts: list[int], ends: list[int], text: str, taken: list[Mention],
                   agents: AgentLexicon) -> list[Mention]:
    """Agent mentions of one sentence (lower-cased ``words`` with their offsets) that overlap no mention in
    ``taken`` and are not followed by one (a name after the noun carries the party: "penyidik KPK"), nor
    stand as a role ("sebagai tersangka")."""
    found = []
    i = 0
    while i < len(words):
        n, name = agents.names.longest_at(words, i)
        if not n:
            i += 1
            continue
        first = i
        while first > 0 and words[first - 1] in agents.quantifiers or (first > 0 and words[first - 1].isdigit()):
            first -= 1
        start, end = starts[first], ends[i + n - 1]
        named_after = any(0 <= m.start - end <= 1 for m in taken)  # "polisi Prancis", "penyidik KPK"
        role = first > 0 and words[first - 1] in agents.not_after  # "sebagai tersangka"
        if not named_after and not role and not any(m.start < end and start < m.end for m in taken):
            found.append(Mention(start, end, text[start:end], "AGENT", source="agents", kind="agent", name=name))
        i += n
    return found
