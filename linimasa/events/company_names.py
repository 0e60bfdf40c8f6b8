"""Companies named with their country: "PT Saka Energi Indonesia", "PT Freeport Indonesia", "PT Roatex Indonesia
Tollroad System".

The knowledge base reads the country word that closes (or ends a stretch of) a company's name as the country, which
then stands as a party of its own: a visit to a subsidiary became talks with Indonesia, a strike at a mine a
protest against Indonesia. After a company prefix (``company_prefixes`` in ``events/arguments_id.yaml``: "PT",
"CV") and at most COMPANY_WORDS capitalised words, the country word is part of the company's name: the name up to
it becomes an organisation mention with no knowledge-base identity, unless the knowledge base already knows a body
inside it ("PT Bank Rakyat Indonesia"), which then stands for the company alone.
"""

from __future__ import annotations

from linimasa.kb.sectors import load_sectors
from linimasa.model import Mention, Participant

COMPANY_WORDS = 4


def company_mentions(view, text: str, prefixes: frozenset[str]) -> list[Mention]:
    """The sentence's mentions (``view``: a SentenceView) with each country word closing a company's name
    folded into the company."""
    if not prefixes or prefixes.isdisjoint(view.words):
        return view.mentions
    dropped: set[int] = set()
    companies: list[Mention] = []
    for m in view.mentions:
        start = _company_start(view, m, prefixes)
        if start is None:
            continue
        dropped.add(id(m))
        inside = [o for o in view.mentions if o is not m and start <= o.start and o.end <= m.end]
        if not any(o.kb_id for o in inside):
            dropped.update(id(o) for o in inside)
            companies.append(Mention(start, m.end, text[start:m.end], "ORG", source="company"))
    if not dropped:
        return view.mentions
    kept = [m for m in view.mentions if id(m) not in dropped]
    return sorted(kept + companies, key=lambda m: m.start)


def _company_start(view, m: Mention, prefixes: frozenset[str]) -> int | None:
    """Where the company's name that ``m`` (a country) closes starts: its prefix; None when it closes none."""
    if m.kind != "country":
        return None
    k = view.token_index(m.start) - 1
    for _ in range(COMPANY_WORDS + 1):
        if k < 0 or not view.capitalised(k):
            return None
        if view.words[k] in prefixes:
            return view.starts[k]
        k -= 1
    return None


def commercial(p: Participant, sectors: frozenset[str]) -> bool:
    """Whether a party is a company or one of its officers (``commercial_sectors``, agent codes such as "BUS"):
    such a party does not make talks public life on its own ("PT X menerima kunjungan kerja Direktur Utama
    Pertamina" is commerce)."""
    if not sectors:
        return False
    code = load_sectors().of({"kind": p.kind, "kb_id": p.kb_id, "role": p.role, "country": p.country,
                              "name": p.name}, None)
    return code is not None and code.sector in sectors
