"""Stories: real events linked over time by who took part and what they were about.

Two asserted events belong to the same story when they join the same pair of countries (every event
between United States and Russia officials is one thread: "Russia–United States top-level diplomacy"), or,
for events that join no pair of countries (domestic ones), when they share a person and a topic. A story holds at least ``MIN_EVENTS`` events. Its id derives from
what defines it (the country pair, or the first event of a person-and-topic thread), so it stays the same
as events are added; its title and overview are built from its events, in date order.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from linimasa.kb.records import INTERNATIONAL
from linimasa.model import Event, Story

MIN_EVENTS = 2
# Roles whose holders make a consultation "top-level" diplomacy.
TOP_LEVEL_ROLES = frozenset({
    "President", "Vice President", "Prime Minister", "Foreign Minister", "Secretary of State", "King",
    "Chancellor", "Supreme Leader", "Secretary-General", "Minister of Foreign Affairs",
})
TYPE_NOUNS = {"CONSULT": ("meeting", "meetings"), "AGREE": ("agreement", "agreements")}


def build_stories(events: list[Event]) -> list[Story]:
    """Stories over linked events, in order of their first event; deterministic ids and titles.

    Events thread together through shared :func:`story_keys`, so a story is a connected group of told
    events and depends on nothing else: the stories over any events that hold every event sharing a key
    with them are the stories over all events (the link step rebuilds only the stories its events reach)."""
    told = sorted((e for e in events if e.modality == "asserted"), key=lambda e: (e.date or "9999", e.id))
    parent = {e.id: e.id for e in told}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_with: dict[str, str] = {}
    for event in told:
        for key in story_keys(event):
            if key in first_with:
                parent[root(event.id)] = root(first_with[key])
            else:
                first_with[key] = event.id
    threads: dict[str, list[Event]] = {}
    for event in told:
        threads.setdefault(root(event.id), []).append(event)
    stories = [_story(thread) for thread in threads.values() if len(thread) >= MIN_EVENTS]
    return sorted(stories, key=lambda s: s.id)


def story_keys(event: Event) -> list[str]:
    """What threads a told event into a story: the pair of countries it joins (a pair's events thread by the
    pair alone), or else each of its people with each of its topics. Events that are not told (announced,
    planned) thread into none."""
    if event.modality != "asserted":
        return []
    pair = country_pair(event)
    if pair:
        return ["pair:" + "-".join(pair)]
    return sorted({f"thread:{person}\t{topic}" for person, topic in _person_topics(event)})


def country_pair(event: Event) -> tuple[str, str] | None:
    """The two countries an event joins, when it joins exactly two (international organisations aside)."""
    countries = sorted({p.country for p in event.participants if p.country and p.country != INTERNATIONAL})
    return (countries[0], countries[1]) if len(countries) == 2 else None


def _person_topics(event: Event) -> list[tuple[str, str]]:
    people = [p.kb_id for p in event.participants if p.kind == "person" and p.kb_id]
    return [(person, topic) for person in people for topic in event.topics]


def _story(events: list[Event]) -> Story:
    pairs = Counter(pair for e in events if (pair := country_pair(e)))
    actors = Counter(p.name for e in events for p in e.participants if p.kind == "person")
    topics = Counter(t for e in events for t in e.topics)
    top_topics = [t for t, _ in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))][:5]
    if pairs:
        pair = max(sorted(pairs), key=lambda p: pairs[p])
        key = "pair:" + "-".join(pair)
        subject = "–".join(_country_names(pair, events))
    else:
        key = "thread:" + events[0].id
        subject = max(sorted(actors), key=lambda a: actors[a]) if actors else events[0].type.title()
    title = f"{subject} {_label(events, international=bool(pairs))}"
    if not pairs and top_topics:
        title += f": {top_topics[0]}"
    return Story(
        id="story-" + hashlib.sha1(key.encode()).hexdigest()[:12],
        title=title,
        overview=_overview(events, top_topics),
        event_ids=[e.id for e in events],
        actors=[a for a, _ in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))],
        topics=top_topics,
    )


def _label(events: list[Event], international: bool) -> str:
    if all(e.type == "CONSULT" for e in events):
        top = international and all(any(p.role in TOP_LEVEL_ROLES for p in e.participants) for e in events)
        return "top-level diplomacy" if top else "talks"
    return "relations"


def _country_names(pair: tuple[str, str], events: list[Event]) -> list[str]:
    names = {p.country: p.name for e in events for p in e.participants if p.kind == "country" and p.country}
    missing = [c for c in pair if c not in names]
    if missing:
        try:
            from linimasa.kb import load_kb

            kb = load_kb()
            for code in missing:
                found = kb.country(code)
                if found is not None:
                    names[code] = found.name
        except ImportError:
            pass
    return [names.get(c, c) for c in pair]


def _overview(events: list[Event], topics: list[str]) -> str:
    counts = Counter(e.type for e in events)
    parts = []
    for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        singular, plural = TYPE_NOUNS.get(kind, (f"{kind} event", f"{kind} events"))
        parts.append(f"{n} {singular if n == 1 else plural}")
    dates = [e.date for e in events if e.date]
    span = f" from {dates[0]} to {dates[-1]}" if len(dates) > 1 else ""
    stops = "; ".join(
        f"{e.date or 'undated'} {e.location.city or e.location.name if e.location else 'place unknown'} "
        f"({', '.join(p.name for p in e.participants if p.kind == 'person') or e.type})"
        for e in events
    )
    text = f"{', '.join(parts)}{span}: {stops}."
    if topics:
        text += f" Main topics: {', '.join(topics)}."
    return text
