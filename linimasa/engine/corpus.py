"""The cross-article steps, over the whole store: event mentions linked into events, events into stories.

They read every stored event mention (never the articles, which are not reprocessed) and replace the
linked events and stories in one transaction, so the result depends only on what is stored, not on the
order, chunking or engine of the runs that stored it.
"""

from __future__ import annotations

from ..store import Store


def relink(store: Store) -> tuple[int, int, int]:
    """Link all stored event mentions; returns (events, asserted events, stories)."""
    from ..link import link_events
    from ..stories import build_stories

    mentions = list(store.iter_event_mentions())
    events = link_events(mentions)
    stories = build_stories(events)
    store.replace_events(events, stories)
    asserted = sum(1 for e in events if e.modality == "asserted" and not e.background)
    return len(events), asserted, len(stories)
