"""Events as the API and the pages show them: the event record (:mod:`linimasa.event_schema`), the one
``linimasa events`` writes."""

from __future__ import annotations

from typing import Any

from ..event_schema import event_record, reported_in
from ..model import Event
from ..store import Store


def event_records(store: Store, events: list[Event]) -> list[dict[str, Any]]:
    """The events' records, each with the story it belongs to."""
    refs = store.article_refs(reported_in(events))
    stories = store.story_ids([e.id for e in events])
    return [event_record(event, refs, stories.get(event.id)) for event in events]
