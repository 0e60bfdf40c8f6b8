"""The alias index: every name the knowledge base knows (countries, organisations, people and their
surnames, places, title phrases, kinds of institution), folded, in one :class:`PhraseIndex`, so that a text
is scanned once for all of them."""

from __future__ import annotations

import functools
import importlib.util
import runpy
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from linimasa.kb.matcher import PhraseIndex, fold
from linimasa.kb.records import OrganisationKind, Title

if TYPE_CHECKING:
    from linimasa.kb.base import KnowledgeBase


@functools.cache
def indonesian_stop_words() -> frozenset[str]:
    """spaCy's Indonesian stop words ("Kita" is "we", not the town in Japan), read from the module file
    that defines them: importing it imports all of spaCy, most of a second of every process's start."""
    spec = importlib.util.find_spec("spacy")
    module = Path(spec.submodule_search_locations[0], "lang", "id", "stop_words.py") if spec else None
    if module is None or not module.is_file():
        from spacy.lang.id.stop_words import STOP_WORDS

        return frozenset(STOP_WORDS)
    return frozenset(runpy.run_path(str(module))["STOP_WORDS"])


def build_index(kb: KnowledgeBase, country_aliases: Iterable[tuple[str, str]], titles: Sequence[Title],
                organisation_kinds: Sequence[OrganisationKind]) -> PhraseIndex:
    """Every alias of the knowledge base's records, with the kind of thing it names."""
    index = PhraseIndex()
    _index_countries(index, kb, country_aliases)
    _index_organisations(index, kb)
    _index_people(index, kb)
    _index_places(index, kb)
    for title in titles:
        index.add(title.phrase, "title", title)
    for kind in organisation_kinds:
        index.add(kind.phrase, "org_kind", kind)
    return index


def _index_countries(index: PhraseIndex, kb: KnowledgeBase, aliases: Iterable[tuple[str, str]]) -> None:
    stopwords = {fold(w) for w in kb.linking.get("country_alias_stopwords", [])}
    for alias, iso3 in aliases:
        if iso3 in kb.countries and fold(alias) not in stopwords:
            index.add(alias, "country", iso3)


def _index_organisations(index: PhraseIndex, kb: KnowledgeBase) -> None:
    for organisation in kb.organisations.values():
        for alias in [organisation.name, *organisation.aliases]:
            index.add(alias, "organisation", organisation.kb_id)


def _index_people(index: PhraseIndex, kb: KnowledgeBase) -> None:
    no_surname = set(kb.linking.get("no_surname_alias_countries", []))
    stopwords = {fold(w) for w in kb.linking.get("surname_stopwords", [])}
    for person in kb.people.values():
        parts = person.name.split()
        for alias in [person.name, *person.aliases]:
            is_surname = len(parts) > 1 and fold(alias) == fold(parts[-1])
            if is_surname and fold(alias) in stopwords:
                continue
            index.add(alias, "surname" if is_surname else "person", person.kb_id)
        if len(parts) > 1 and person.country not in no_surname and fold(parts[-1]) not in stopwords:
            index.add(parts[-1], "surname", person.kb_id)


def _index_places(index: PhraseIndex, kb: KnowledgeBase) -> None:
    stopwords = {fold(w) for w in kb.linking.get("place_stopwords", [])} | indonesian_stop_words()
    for alias, kb_id in kb.places.aliases:
        index.add(alias, "place", kb_id)
    home = kb.linking.get("home_country")
    home_min = int(kb.linking.get("gazetteer_home_min_population", 50_000))
    foreign_min = int(kb.linking.get("gazetteer_foreign_min_population", 1_000_000))
    for name, kb_id in kb.places.gazetteer_names(home, home_min, foreign_min):
        if fold(name) not in stopwords:
            index.add(name, "city", kb_id)
