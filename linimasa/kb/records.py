"""What the knowledge base knows: people and their dated roles, countries, organisations and places."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RolePeriod:
    """One office held by one person; ``end`` is the last day in office, None while still in office."""

    kb_id: str
    role: str  # English title, e.g. "Secretary of State", "Foreign Minister"
    country: str  # ISO 3166-1 alpha-3, IGO for international organisations
    organisation: str | None
    start: dt.date
    end: dt.date | None
    source: str

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(slots=True)
class Person:
    kb_id: str
    name: str
    country: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None


# The country code the knowledge base files international organisations under (the UN, ISIS): no country an
# event can happen in, nor one a person belongs to.
INTERNATIONAL = "IGO"


@dataclass(slots=True)
class Country:
    iso3: str
    name: str
    kb_id: str = ""

    def __post_init__(self) -> None:
        self.kb_id = self.kb_id or f"country:{self.iso3}"


@dataclass(slots=True)
class Organisation:
    kb_id: str
    name: str
    country: str
    aliases: list[str] = field(default_factory=list)
    source: str = ""


@dataclass(slots=True)
class Place:
    name: str
    city: str | None  # None for a region
    country: str
    lat: float
    lon: float
    kb_id: str
    population: int = 0


@dataclass(frozen=True, slots=True)
class Title:
    """An Indonesian title word ("Menlu") and the English roles it names, optionally tied to a country."""

    phrase: str
    roles: tuple[str, ...]
    country: str | None = None  # implied country, e.g. "Kapolri" is always Indonesian
    organisation: str | None = None  # implied organisation, e.g. "Sekjen PBB"
    needs_complement: bool = False  # "Ketua" alone names no office
    default_country: str | None = None  # the country meant when none is named ("Mendagri" alone is Indonesia's)
    listed_holders: bool = True  # the KB lists who held it; not for the composed regional offices ("Bupati Agam")


@dataclass(frozen=True, slots=True)
class OrganisationKind:
    """A kind of institution every country has, named with the country: "Kemlu" + "Jepang"."""

    phrase: str
    key: str  # kb_id part: org:<key>:<ISO3>
    name: str  # English name with {country}

    def of(self, country: Country) -> Organisation:
        return Organisation(
            kb_id=f"org:{self.key}:{country.iso3}",
            name=self.name.format(country=country.name),
            country=country.iso3,
            source="composed from the organisation kind and the country",
        )
