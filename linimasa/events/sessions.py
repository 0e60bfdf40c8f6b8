"""A body's own sitting is no talks between parties.

A legislature's plenary, an annual session, an armed force's leadership meeting, a party's congress or
national meeting held by that body's own people ("Rapat Paripurna DPR mengesahkan undang-undang", "Panglima
TNI memimpin rapim", "Golkar menggelar munaslub") is what the annotators reject as "an internal
meeting of a single body, no talks between named parties"; the same sitting attended by someone from
outside is a meeting ("Wakil Gubernur hadir di rakernas partai", the president opening a party's congress:
the conventions count a party meeting attended by outside politicians). The words do not say which it is;
the knowledge base does, for the people it knows: a person whose office at the event's date names the body
("Speaker of the House of Representatives", "Commander of the Indonesian National Armed Forces", the chair
of a party) is one of its own. A person it does not know counts as one of the body's own (train: deputies and
party chairmen missing from the knowledge base) unless the text gives them an office of government right
before their name ("Wakil Gubernur Jawa Barat ...", "Menteri Keuangan ...").
"""

from __future__ import annotations

import datetime as dt
import re

_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")  # "House of Representatives (Indonesia)"


def own_sitting(participants: list, kb, on: dt.date | None, outsiders: frozenset[int] = frozenset()) -> bool:
    """Whether the parties of a session are one body and its own people: exactly one organisation the
    knowledge base knows, and everyone else either a person whose office names it or a name the knowledge
    base does not know (no sign of anyone from outside), unless the text titles that name with an office of
    government (``outsiders``: the ids of such mentions, "Wakil Gubernur Jawa Barat <name>")."""
    bodies = {p.kb_id: p for p, _ in participants if p.kind == "organisation" and p.kb_id}
    if len(bodies) != 1:
        return False
    (body,) = bodies.values()
    for p, m in participants:
        if p is body or p.kb_id == body.kb_id or (not p.kb_id and id(m) not in outsiders):
            continue
        if p.kind != "person" or not p.kb_id or not _holds_office_of(p.kb_id, body.name, kb, on):
            return False
    return True


def _holds_office_of(person: str, body: str, kb, on: dt.date | None) -> bool:
    """Whether an office the person held on ``on`` (any office, when the date is unknown) is of ``body``."""
    plain = _QUALIFIER.sub("", body).casefold()
    for period in getattr(kb, "roles_by_person", {}).get(person, ()):
        if on is not None and not period.holds_on(on):
            continue
        if (period.organisation or "").casefold() == body.casefold() or plain in period.role.casefold():
            return True
    return False


def session_body(words: list[str], match, bodies: dict, body_words: dict) -> str | None:
    """The body a session is held with (a name template, "Cabinet of {country}"), by the session's words
    (``bodies``: "sidang kabinet paripurna") or a body word right after a meeting noun, through one qualifier
    (``body_words``: "pertemuan darurat kabinet", "rapat kabinet")."""
    body = bodies.get(" ".join(match.rule.words))
    if body is not None or match.rule.type != "CONSULT" or match.rule.pos != "noun":
        return body
    return next((body_words[w] for w in words[match.last : match.last + 2] if w in body_words), None)
