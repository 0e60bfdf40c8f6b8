"""Acronyms that name something else here: a regency's initials are not the organisation they spell.

Indonesian news abbreviates regencies and cities the way organisations are abbreviated: "OKI" is the
Organisation of Islamic Cooperation ("KTT OKI di Astana") and Ogan Komering Ilir ("Bupati OKI", "Kejari OKI",
"Kodim 0402/OKI"). Two signs say an acronym the knowledge base links to an organisation means a place:

- the article defines it in brackets after a local unit's name whose initials it is ("Kabupaten Ogan
  Komering Ilir (OKI)", "Bupati Ogan Komering Ilir (OKI)"): every use of it in the article is that place;
- a word of local government or a local office stands right before it (``local_units`` in
  ``linking.yaml``: "Bupati", "Pemkab", "Kejari", "Polres", "Dinas" ...), or a unit number with a slash
  ("Kodim 0402/OKI").

Such a mention is left unresolved: a party the knowledge base does not know, never a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from linimasa.kb.matcher import fold
from linimasa.model import Mention

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
_DEFINED = re.compile(r"((?:[A-Z][\w'-]*\s+){1,6}[A-Z][\w'-]*)\s*\(\s*([A-Z][A-Z0-9]{1,7})\s*\)")
_UNIT_NUMBER = re.compile(r"\d+\s*/\s*$")


def local_acronyms(mentions: Iterable[Mention], text: str, kb) -> list[Mention]:
    """The mentions linked to an organisation by an acronym that the article uses for a place; their
    knowledge-base fields are cleared (returned for tests and diagnostics)."""
    acronyms = [m for m in mentions if m.kind == "organisation" and _ACRONYM.match(m.text)]
    if not acronyms:  # most articles: no need to scan the text for definitions
        return []
    units = {fold(word) for word in kb.linking.get("local_units", ())}
    defined = _defined_as_places(text, units)
    cleared = []
    for m in acronyms:
        if m.text in defined or _after_local_unit(text, m.start, units):
            m.kb_id = m.kind = m.name = m.country = m.role = None
            cleared.append(m)
    return cleared


def _defined_as_places(text: str, units: set[str]) -> set[str]:
    """Acronyms the article defines as the initials of a name right after a local unit word ("Kabupaten Ogan
    Komering Ilir (OKI)")."""
    found = set()
    for match in _DEFINED.finditer(text):
        words, acronym = match.group(1).split(), match.group(2)
        size = len(acronym)
        name = words[-size:]
        if len(name) < size or "".join(w[0] for w in name).upper() != acronym:
            continue
        before = words[:-size] or re.findall(r"[\w-]+", text[max(0, match.start() - 40) : match.start()])[-1:]
        if before and fold(before[-1]) in units:
            found.add(acronym)
    return found


def _after_local_unit(text: str, start: int, units: set[str]) -> bool:
    before = text[max(0, start - 40) : start]
    if _UNIT_NUMBER.search(before):  # "Kodim 0402/OKI"
        return True
    words = re.findall(r"[\w-]+", before)
    return bool(words) and fold(words[-1]) in units
