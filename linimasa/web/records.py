"""Events as the API and the pages show them: the contract's event object, plus the story it belongs to."""

from __future__ import annotations

from typing import Any

from ..export import event_record
from ..model import Event
from ..store import Store


def event_records(store: Store, events: list[Event]) -> list[dict[str, Any]]:
    """The contract's event objects (as ``linimasa events`` writes them), each with its ``story_id``."""
    refs = store.article_refs(ev.article_id for e in events for ev in e.evidence)
    stories = store.story_ids([e.id for e in events])
    records = []
    for event in events:
        record = event_record(event, refs)
        record["story_id"] = stories.get(event.id)
        records.append(record)
    return records
