"""Names to suggest while a user types an actor: the people, organisations and countries of the knowledge
base one of whose names (canonical, English or Indonesian alias, country code) starts with what was typed,
so "Jokow" offers Joko Widodo and "Rus" offers Russia."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from linimasa.kb import loader
from linimasa.kb.matcher import fold

MIN_TYPED = 2


@dataclass(frozen=True, slots=True)
class Suggestion:
    name: str  # the canonical name events carry
    kind: str  # person, organisation, country
    alias: str | None  # the name that matched, when it is not the canonical one


@functools.cache
def _names() -> tuple[tuple[str, str, str, str], ...]:
    """(folded alias, alias, canonical name, kind) for every name of the shipped knowledge base."""
    folders = [loader.DEFAULT_DATA]
    entries: list[tuple[str, str, str]] = []
    for person in loader.read_people(loader.files_named(loader.PEOPLE, folders)).values():
        entries += [(alias, person.name, "person") for alias in (person.name, *person.aliases)]
    for org in loader.read_organisations(loader.files_named(loader.ORGANISATIONS, folders)).values():
        entries += [(alias, org.name, "organisation") for alias in (org.name, *org.aliases)]
    countries = list(loader.csv_rows(loader.files_named(loader.COUNTRIES, folders)))
    names = {row["iso3"]: row["name"] for row in countries}
    for row in countries:
        aliases = [row["name"], row["iso3"], row.get("name_id", ""), *loader.split_aliases(row.get("aliases", ""))]
        entries += [(alias, row["name"], "country") for alias in aliases if alias]
    for row in loader.csv_rows(loader.files_named(loader.COUNTRY_ALIASES, folders)):
        if row["iso3"] in names and len(row["alias"]) > 2:  # "AS" alone would match every word in "as..."
            entries.append((row["alias"], names[row["iso3"]], "country"))
    return tuple((fold(alias), alias, name, kind) for alias, name, kind in dict.fromkeys(entries))


def suggest(typed: str, limit: int = 8) -> list[Suggestion]:
    """Knowledge-base names that start with ``typed`` (folded: case and accents aside), or that have a word
    starting with it; a canonical name before an alias, shorter names first."""
    key = fold(" ".join(typed.split()))
    if len(key) < MIN_TYPED:
        return []
    found: dict[str, tuple[tuple[int, int], Suggestion]] = {}
    for folded, alias, name, kind in _names():
        if folded.startswith(key):
            rank = 0 if alias == name else 1
        elif f" {key}" in f" {folded}":
            rank = 2
        else:
            continue
        order = (rank, len(alias))
        if name not in found or order < found[name][0]:
            found[name] = (order, Suggestion(name, kind, None if alias == name else alias))
    return [s for _, s in sorted(found.values(), key=lambda item: (item[0], item[1].name))][:limit]
