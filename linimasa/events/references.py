"""A back-reference to talks ("pertemuan itu", "dalam pertemuan bilateral") made a head of its own: with the
parties its own clause names, or with those of the event it refers to (:mod:`linimasa.events.assembly`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linimasa.events.candidates import Candidate
from linimasa.events.participants import key

if TYPE_CHECKING:
    from linimasa.events.assembly import Group


def own_people(c: Candidate) -> int:
    return len({key(p) for p, _ in c.own_participants if p.kind == "person"})


def as_head(c: Candidate) -> Candidate:
    """A back-reference made a head with the parties its own clause names."""
    return Candidate(c.match, c.view, c.modality, False, c.recalled, c.date, list(c.own_participants), c.location,
                     c.durations, c.topics, c.anaphoric, decision=c.decision)


def with_parties(c: Candidate, source: Group) -> Candidate:
    """A reference made a head with the parties of the event it refers to."""
    parties = list({key(p): (p, m) for h in source.heads for p, m in h.participants}.values())
    return Candidate(c.match, c.view, c.modality, False, c.recalled, c.date, parties, c.location, c.durations,
                     c.topics, c.anaphoric)
