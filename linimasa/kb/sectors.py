"""Who an event's party is in the terms event-data users code actors by: the CAMEO/Phoenix agent codes
(GOV government, MIL military, COP police, JUD judiciary, LEG legislature, PTY party, REB rebels, MED media,
BUS business, REL religious, IGO international organisation, ELI former office holder ...) and the actor code
they make with the country ("IDNGOVMIL": Indonesia's defence minister; "IGOUNO": the United Nations).

Derived from the knowledge base, never from the text, with the basis said in words:
- a person by the office held on the event's date (role_sectors.csv; an office of an organisation takes the
  organisation's codes), a person whose offices all ended before that date as ELI (Phoenix's
  FORMER_PRESIDENT [~ELI]); a person with no known office has no code;
- an organisation by organisation_sectors.csv: its kb_id, its kind ("org:mfa:*", a regional body's "local:polres:*") or, for the events stage's
  collective parties ("Russia military"), its name template;
- a country named as a whole by its country code alone, as CAMEO codes a state (no agent code).
Both tables are built from the Phoenix dictionaries by scripts/build_role_sectors.py and
scripts/build_organisation_sectors.py; each row says which entry or reason its codes come from.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linimasa import dates
from linimasa.kb import loader
from linimasa.kb.records import INTERNATIONAL, RolePeriod

ROLE_SECTORS = "role_sectors.csv"
ORGANISATION_SECTORS = "organisation_sectors.csv"
# Codes that stand in the place of a country: an international, non-governmental or militarised group, or a
# multinational company, is coded by its own code ("IGOUNO"), not after a country.
TRANSNATIONAL = ("IGO", "NGO", "IMG", "MNC")


@dataclass(frozen=True, slots=True)
class ActorCode:
    """A party's codes: ``sector`` the first agent code (None for a country as a whole), ``code`` the CAMEO
    actor code, ``basis`` what they were derived from."""

    sector: str | None
    code: str | None
    basis: str


@dataclass(frozen=True, slots=True)
class Codes:
    codes: str  # agent codes in 3-letter segments, without the country: "GOVMIL", "IGOUNO"
    source: str  # the Phoenix entry or linimasa's reason


class SectorTable:
    def __init__(self, roles: list[RolePeriod], organisations: Mapping[str, Any], role_codes: Mapping[str, Codes],
                 organisation_codes: Mapping[str, Codes]) -> None:
        self.roles_by_person: dict[str, list[RolePeriod]] = {}
        for period in sorted(roles, key=lambda r: r.start):
            self.roles_by_person.setdefault(period.kb_id, []).append(period)
        self.organisation_by_name = {o.name: o.kb_id for o in organisations.values()}
        self.organisation_names = {o.kb_id: o.name for o in organisations.values()}
        self.role_codes = dict(role_codes)
        self.organisation_codes = {k: v for k, v in organisation_codes.items() if "{country}" not in k}
        self.templates = [(re.compile("^" + re.escape(k).replace(re.escape("{country}"), ".+") + "$"), k, v)
                          for k, v in organisation_codes.items() if "{country}" in k]

    @classmethod
    def from_paths(cls, *paths: str | Path, with_defaults: bool = True) -> "SectorTable":
        """The tables of the shipped knowledge base plus any folders in the same format (docs/knowledge-base.md)."""
        folders = ([loader.DEFAULT_DATA] if with_defaults else []) + [Path(p) for p in paths]
        return cls(
            roles=loader.read_roles(loader.files_named(loader.ROLES, folders)),
            organisations=loader.read_organisations(loader.files_named(loader.ORGANISATIONS, folders)),
            role_codes={row["role"]: Codes(row["codes"], row["source"])
                        for row in loader.csv_rows(loader.files_named(ROLE_SECTORS, folders))},
            organisation_codes={row["organisation"]: Codes(row["codes"], row["source"])
                                for row in loader.csv_rows(loader.files_named(ORGANISATION_SECTORS, folders))},
        )

    def of(self, party: Mapping[str, Any], date: str | None) -> ActorCode | None:
        """The codes of one participant of an event record (name, country, role, kind, kb_id) on the event's
        date, or None when the knowledge base does not say."""
        kind, kb_id = party.get("kind"), party.get("kb_id")
        if kind == "country" and party.get("country"):
            return ActorCode(None, party["country"], "a country as a whole (CAMEO codes a state by its country alone)")
        if kind == "person" and kb_id:
            return self._person(party, kb_id, date)
        if kind == "organisation":
            return self._organisation(party)
        return None

    def _person(self, party: Mapping[str, Any], kb_id: str, date: str | None) -> ActorCode | None:
        periods = self.roles_by_person.get(kb_id, [])
        role = party.get("role")
        if role:
            held = [p for p in periods if p.role == role]
            span = dates.bounds(date)
            in_date = [p for p in held if span and p.start <= span[1] and (p.end is None or p.end >= span[0])]
            period = (in_date or held or [None])[-1]
            office = f"{role} of {period.organisation}" if period and period.organisation else role
            codes = self._office_codes(role, period)
            if codes is None:
                return None
            return self._code(codes, party.get("country"), f"office held on the event's date: {office} ({codes.source})")
        span = dates.bounds(date)
        if span is None or not periods:
            return None
        held = {p.role: p for p in periods if p.start <= span[1] and (p.end is None or p.end >= span[0])}
        if len(held) == 1:  # the record names no office, but the knowledge base knows just one on that date
            (role, period), = held.items()
            codes = self._office_codes(role, period)
            office = f"{role} of {period.organisation}" if period.organisation else role
            return self._code(codes, party.get("country"),
                              f"office held on the event's date by the knowledge base: {office} ({codes.source})"
                              ) if codes else None
        if all(p.end is not None and p.end < span[0] for p in periods):
            last = max(periods, key=lambda p: p.end)
            office = f"{last.role} of {last.organisation}" if last.organisation else last.role
            return self._code(Codes("ELI", "Phoenix.agents.txt: FORMER_PRESIDENT [~ELI]"), party.get("country"),
                              f"former office: {office} until {last.end.isoformat()} "
                              "(Phoenix.agents.txt: FORMER_PRESIDENT [~ELI])")
        return None

    def _office_codes(self, role: str, period: RolePeriod | None) -> Codes | None:
        if period is not None and period.organisation:
            kb_id = self.organisation_by_name.get(period.organisation)
            return self.organisation_codes.get(kb_id) if kb_id else None
        return self.role_codes.get(role)

    def _organisation(self, party: Mapping[str, Any]) -> ActorCode | None:
        kb_id, name = party.get("kb_id") or "", party.get("name") or ""
        codes = self.organisation_codes.get(kb_id)
        if codes is not None:
            return self._code(codes, party.get("country"), f"organisation: {name} ({codes.source})")
        parts = kb_id.split(":")
        if len(parts) == 3 and parts[0] in ("org", "local"):  # "org:mfa:JPN", "local:polres:jember"
            codes = self.organisation_codes.get(f"{parts[0]}:{parts[1]}:*")
            if codes is not None:
                return self._code(codes, party.get("country"), f"kind of organisation: {name} ({codes.source})")
        if kb_id.startswith(("collective:", "body:")) or not kb_id:
            for pattern, template, codes in self.templates:
                if pattern.match(name):
                    return self._code(codes, party.get("country"), f"collective party: {template} ({codes.source})")
        return None

    @staticmethod
    def _code(codes: Codes, country: str | None, basis: str) -> ActorCode:
        transnational = codes.codes.startswith(TRANSNATIONAL)
        prefix = "" if transnational or not country or country == INTERNATIONAL else country
        return ActorCode(codes.codes[:3], prefix + codes.codes, basis)


@functools.cache
def load_sectors() -> SectorTable:
    """The shipped tables, read once per process (a few milliseconds: no alias index is built)."""
    return SectorTable.from_paths()
