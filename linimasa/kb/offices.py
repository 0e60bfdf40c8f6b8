"""Offices named by title phrases ("Menlu AS", "Presiden Rusia", "mantan Ketua Umum PDI-P"): which office a
phrase names, who held it on a day, and its English name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from linimasa.kb.matcher import fold
from linimasa.kb.records import RolePeriod, Title
from linimasa.model import Mention

if TYPE_CHECKING:
    from linimasa.kb.base import KnowledgeBase


class Office:
    """What a title phrase names: a title, and the country or organisation it is of."""

    __slots__ = ("title", "country", "organisation", "not_current", "defaulted")

    def __init__(
        self, title: Title, country: str | None, organisation: str | None, not_current: bool, defaulted: bool = False
    ) -> None:
        self.title, self.country, self.organisation, self.not_current = title, country, organisation, not_current
        self.defaulted = defaulted  # the country is the title's default, not named in the text


def parse_title(kb: KnowledgeBase, text: str) -> Office | None:
    """The office the first title of a phrase names, with the country or organisation after it (else the
    title's default country), and whether a word before it ("mantan") says it is not held now."""
    matches = list(kb.index.scan(text))
    for i, match in enumerate(matches):
        title = next((e.ref for e in match.entries if e.kind == "title"), None)
        if title is None:
            continue
        not_current = any(fold(w) in kb.not_current for w in text[: match.start].split()[-2:]) or (
            fold(" ".join(text[: match.start].split()[-2:])) in kb.not_current
        )
        country, organisation, defaulted = title.country, title.organisation, False
        if i + 1 < len(matches):
            complement = matches[i + 1].entries
            org = next((kb.organisations[e.ref] for e in complement if e.kind == "organisation"), None)
            iso3 = next((e.ref for e in complement if e.kind == "country"), None)
            if iso3:
                country = iso3
            elif org:
                organisation, country = org.name, org.country
        if country is None and organisation is None and title.default_country:
            country, defaulted = title.default_country, True
        return Office(title, country, organisation, not_current, defaulted)
    return None


def holders(kb: KnowledgeBase, office: Office, on: dt.date | None) -> list[RolePeriod]:
    """The terms in the office (held on ``on``, or ever with no day)."""
    found = []
    for periods in kb.roles_by_person.values():
        for p in periods:
            if p.role not in office.title.roles:
                continue
            if p.organisation != office.organisation:  # a party chair is no "Presiden Indonesia"
                continue
            if office.country and p.country != office.country:
                continue
            if not office.country and not office.organisation:
                continue
            if on is None or p.holds_on(on):
                found.append(p)
    return found


def office_holder(kb: KnowledgeBase, office: Office, on: dt.date | None, context: Sequence[Mention]) -> str | None:
    """Who held the office that day (the latest appointed); with no day, or for a former holder, the one
    person named in ``context`` who ever held it."""
    if on is not None and not office.not_current and (office.country or office.organisation):
        found = holders(kb, office, on)
        if found:
            return max(found, key=lambda p: p.start).kb_id
        return None
    ever = {p.kb_id for p in holders(kb, office, None)}
    named = {m.kb_id for m in context if m.kind == "person" and m.kb_id in ever}
    return named.pop() if len(named) == 1 else None


def role_name(kb: KnowledgeBase, office: Office, kb_id: str | None = None) -> str | None:
    """The English name of the office a title names ("Menlu AS" -> "Secretary of State"); for a
    generic head word ("Kepala", "Ketua") of an organisation the KB has no office of, none."""
    for periods in ([kb.roles_by_person.get(kb_id, [])] if kb_id else kb.roles_by_person.values()):
        for p in periods:
            if p.role in office.title.roles and (not office.country or p.country == office.country):
                if p.organisation == office.organisation:
                    return p.role
    return None if office.title.needs_complement else office.title.roles[0]


def is_office(period: RolePeriod, office: Office) -> bool:
    """Whether a term is in the office a title names (a defaulted country does not bind a named person:
    "Menkeu Janet Yellen")."""
    return (
        period.role in office.title.roles
        and (not office.country or office.defaulted or period.country == office.country)
        and period.organisation == office.organisation
    )


def ever_held(kb: KnowledgeBase, kb_id: str, office: Office) -> bool:
    return any(is_office(p, office) for p in kb.roles_by_person.get(kb_id, []))
