"""Names after the ranks of Indonesia's police and armed forces.

"kata Irjen Anwar" names an Indonesian police general: the knowledge base's surname lookup, which takes a
lone "Anwar" in 2025 for Malaysia's prime minister (the one Anwar in office), must not. A person linked by
one word of their name after such a rank (``KnowledgeBase.indonesian_force_ranks``) who is not Indonesian is
unlinked, and so is every other mention of the article linked to them by that word alone: the article's
Anwar is the officer throughout.
"""

from __future__ import annotations

from linimasa.kb.matcher import fold
from linimasa.model import Mention


def unlink_foreigners_after_indonesian_ranks(mentions: list[Mention], text: str, kb) -> None:
    """Clear the links of ``mentions`` that give an officer of Indonesia a foreigner's identity."""
    mistaken = {m.kb_id for m in mentions if _foreigner_by_surname(m, kb) and _after_a_rank(m, text, kb)}
    for m in mentions:
        if m.kb_id in mistaken and _foreigner_by_surname(m, kb):
            m.kb_id = m.kind = m.name = m.country = m.role = None
            m.lat = m.lon = None


def _foreigner_by_surname(mention: Mention, kb) -> bool:
    """A person mention linked to someone not Indonesian by fewer words than their name."""
    if mention.label != "PER" or not mention.kb_id:
        return False
    person = kb.people.get(mention.kb_id)
    if person is None or person.country == "IDN":
        return False
    return len(mention.text.split()) < len(person.name.split())


def _after_a_rank(mention: Mention, text: str, kb) -> bool:
    before = text[max(0, mention.start - 20) : mention.start].split()
    return bool(before) and fold(before[-1]) in kb.indonesian_force_ranks
