"""One Indonesian sentence per event, generated from its record, never quoted from a report.

The sentence says what the structured fields say and nothing else: the actors, the type (and mode) as a
verb phrase, the recipients, the place, the date, the length of talks and the topics, in Indonesian
throughout (countries by their Indonesian names, places by the exonym the reports use, topics by their
Indonesian labels: a label with no Indonesian form is left out, never mixed in). A party is only ever said
on its own side: an event with recipients and no named actor is told as a noun phrase ("Unjuk rasa menentang
Suharto"), so the sentence cannot make the target of a protest its protester. The words are in
``summary_id.yaml``; the topic labels in ``linimasa/kb/topics.yaml`` (``labels_id``).

Readers show the sentence as generated, beside the words of the reports it was read from.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from linimasa import dates, yamldata
from linimasa.kb import loader
from linimasa.kb.places import name_key
from linimasa.model import Event, to_dict

TOPICS_FILE = Path(__file__).resolve().parents[1] / "kb" / "topics.yaml"


@functools.cache
def _words() -> dict:
    return yamldata.safe_load(Path(__file__).with_name("summary_id.yaml").read_text(encoding="utf-8"))


@functools.cache
def _topic_labels() -> dict[str, str]:
    return yamldata.safe_load(TOPICS_FILE.read_text(encoding="utf-8")).get("labels_id") or {}


@functools.cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(ISO3 -> Indonesian name, English name -> Indonesian name) from the knowledge base's countries.csv."""
    rows = list(loader.csv_rows(loader.files_named(loader.COUNTRIES, [loader.DEFAULT_DATA])))
    by_code = {r["iso3"]: r["name_id"] or r["name"] for r in rows}
    by_name = {r["name"]: r["name_id"] or r["name"] for r in rows}
    for row in loader.csv_rows(loader.files_named("countries_names_en.csv", [loader.DEFAULT_DATA])):
        by_name.setdefault(row["name"], by_code.get(row["iso3"], row["name"]))
    return by_code, by_name


@functools.cache
def _place_exonyms() -> dict[str, list[str]]:
    """Place kb_id -> its Indonesian names in the knowledge base's hand table, in the table's order."""
    names: dict[str, list[str]] = {}
    for row in loader.csv_rows(loader.files_named(loader.PLACE_ALIASES, [loader.DEFAULT_DATA])):
        if row.get("geonameid"):
            names.setdefault(f"geonames:{row['geonameid']}", []).append(row["alias"])
        elif row.get("name"):
            names.setdefault("place:" + name_key(row["name"]).replace(" ", "-"), []).append(row["alias"])
    return names


def _templates() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile("^" + re.escape(k).replace(re.escape("{country}"), "(?P<country>.+)") + "$"), v)
            for k, v in _words()["collectives"].items()]


def country_id(iso3: str | None = None, name: str | None = None) -> str | None:
    by_code, by_name = _countries()
    return by_code.get(iso3 or "") or by_name.get(name or "")


def party_id(party: Mapping[str, Any]) -> str:
    """How the sentence names a party: a person by name, a country by its Indonesian name, a collective party
    by its Indonesian form ("pasukan Rusia"), an organisation and a group ("polisi") as the report writes it."""
    name = party.get("name") or party.get("mention") or "?"
    if party.get("kind") == "country":
        return country_id(party.get("country"), name) or name
    if party.get("kind") == "organisation":
        for pattern, indonesian in _templates():
            match = pattern.match(name)
            if match:
                country = country_id(party.get("country"), match.group("country")) or match.group("country")
                return indonesian.format(country=country)
        return party.get("mention") or name
    if party.get("kind") == "role":  # an office whose holder is not known, as the report titles it ("Menlu Iran")
        return party.get("mention") or name
    if party.get("kind") == "agent":  # a group named by a common noun, as the report names it ("warga sipil")
        return (party.get("mention") or name).lower()
    return name


def place_id(location: Mapping[str, Any], written: Iterable[str] = ()) -> str:
    """A place in Indonesian: a country by its Indonesian name; a place with Indonesian exonyms by the one the
    reports wrote (else the first); else as the knowledge base names it."""
    kb_id, name = location.get("kb_id") or "", location.get("name") or ""
    if kb_id.startswith("country:"):
        return country_id(kb_id[8:]) or name
    exonyms = _place_exonyms().get(kb_id) or []
    folded = {w.casefold() for w in written}
    return next((e for e in exonyms if e.casefold() in folded), None) or (exonyms[0] if exonyms else
                                                                          country_id(name=name) or name)


def date_id(value: str | None) -> str | None:
    if not dates.is_valid(value):
        return None
    words = _words()
    parts = value.split("-")
    month = words["months"][int(parts[1]) - 1] if len(parts) > 1 else None
    if len(parts) == 3:
        return words["date"]["day"].format(day=int(parts[2]), month=month, year=parts[0])
    if month:
        return words["date"]["month"].format(month=month, year=parts[0])
    return words["date"]["year"].format(year=parts[0])


def topic_id(label: str) -> str | None:
    """A topic label in Indonesian, or None when there is none (the label is then left out)."""
    labels = _topic_labels()
    if label in labels:
        return labels[label]
    country = country_id(name=label)
    if country:
        return country
    for template, indonesian in labels.items():
        if "{country}" in template and template != "{country}":
            pattern = "^" + re.escape(template).replace(re.escape("{country}"), "(?P<country>.+)") + "$"
            match = re.match(pattern, label)
            if match:
                inner = country_id(name=match.group("country")) or labels.get(match.group("country"))
                return indonesian.format(country=inner) if inner else None
    return None


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {_words()['and_word']} " + items[-1]


def _who(record: Mapping[str, Any]) -> str:
    words = _words()
    forms = words["types"].get(record.get("type"), {})
    forms = {**forms, **(forms.get("modes", {}).get(record.get("mode") or "", {}))}
    parties = record.get("participants") or []
    actors = _join(list(dict.fromkeys(party_id(p) for p in parties if p.get("side") != "recipient")))
    recipients = _join(list(dict.fromkeys(party_id(p) for p in parties if p.get("side") == "recipient")))
    if not forms or not (actors or recipients):
        return words["no_party"].format(type=record.get("type"))
    form = "both" if actors and recipients else "actors" if actors else "recipients"
    return forms[form].format(actors=actors, recipients=recipients)


def generate(record: Mapping[str, Any], place_words: Iterable[str] = ()) -> str:
    """The sentence of an event record (the contract's event object, or the model's event as a dict).
    ``place_words`` are how the reports wrote the place, to name it with their exonym."""
    words = _words()
    who = _who(record)
    parts = [who]
    place = place_id(record["location"], place_words) if record.get("location") else None
    if place and not re.search(rf"\b{re.escape(place)}$", who):  # "mengunjungi Taiwan", not "... Taiwan di Taiwan"
        parts.append(words["place"].format(place=place))
    when = date_id(record.get("date"))
    if when:
        parts.append(when)
    if record.get("duration_minutes"):
        parts.append(words["duration"].format(minutes=record["duration_minutes"]))
    sentence = " ".join(parts)
    topics = [t for t in (topic_id(label) for label in record.get("topics") or []) if t]
    if topics:
        phrase = words["topics"].get(record.get("type")) or words["topics"]["other"]
        sentence += ", " + phrase.format(topics=_join(list(dict.fromkeys(topics))))
    prefix = words["modality"].get(record.get("modality") or "asserted")
    sentence = sentence[0].upper() + sentence[1:] + "."
    return f"{prefix} {sentence}" if prefix else sentence


def record_place_words(record: Mapping[str, Any]) -> list[str]:
    """How the reports of a record wrote its place (its location evidence)."""
    return [e["text"] for s in record.get("sources") or [] for e in s.get("evidence") or [] if e.get("field") == "location"]


def summarise(event: Event) -> str:
    """The sentence of an event of the model (what the store keeps, and searches)."""
    return generate(to_dict(event), [e.text for e in event.evidence if e.field == "location"])
