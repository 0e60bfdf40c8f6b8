"""Linking event mentions into real events.

A mention is compared with the events that share one of its parties within a year (:mod:`linimasa.link_index`)
and joins the one the decision prefers: the rule (:mod:`linimasa.link_rule`: same type and modality,
compatible dates and places, shared parties) or the learned decision with the rule as its fallback
(:mod:`linimasa.link_judge`, features in :mod:`linimasa.link_features`). How linked mentions become one
record is :mod:`linimasa.link_merge`; :mod:`linimasa.link_units` and :mod:`linimasa.link_replay` relink only
what a run's new mentions can reach.
"""

from __future__ import annotations

import hashlib
import json

from linimasa.dates import precision
from linimasa.link_index import BlockIndex
from linimasa.link_judge import Judge
from linimasa.link_keys import STATED_DATE_BASES
from linimasa.link_merge import merged_event
from linimasa.link_rule import (RULE, Cluster, dates_compatible, locations_compatible,  # noqa: F401
                                participants_overlap, rule_choice, shared_parties)
from linimasa.model import INFERRED_PLACE_BASES, Event

# The version of how linking decides, beyond the model's weights and the parameters linking_parameters()
# gathers (a change to those is seen without it): the rule's tests, the features the learned decision reads
# (linimasa/link_features.py), the candidates it compares. Raise it with any change to that code: a store
# remembers the decision, version and parameters it was linked by (decision_name) and the first run of the
# new code relinks it whole, once, with no `linimasa relink` to remember.
LINKING_VERSION = 4


def link_events(mentions: list[Event], existing: list[Event] = (), decision=None,
                members: dict[str, str] | None = None, trace: list | None = None) -> list[Event]:
    """Real events from event mentions.

    ``existing`` events (from earlier runs) keep their ids; a mention that fits one joins it. A new event's
    id derives from its first mention (the smallest mention id), so a rerun gives the same ids.
    ``decision``: None (the default) for the rule alone; "shipped" for the learned decision
    (linimasa/link_decision.py, off by default, see docs/events.md) with the rule as its fallback; or a
    :class:`~linimasa.link_decision.LinkDecision`. Either compares a mention only with the events of its
    party blocks and never joins what :mod:`linimasa.link_units` puts in different units. Every mention that
    joins an event leaves its link evidence on it (``Event.links``): which source it was compared with, by
    the model or the rule, the score and the features that weighed most. ``members``, if given, learns the
    event of each mention (by mention id). ``trace``, if given (a list), receives one :class:`Comparison`
    per candidate event the learned decision looked at, in order (scripts/link_losses.py reads it to say
    where a pair of reports was lost).
    """
    model = load_decision(decision)
    clusters = [Cluster([event], event.id) for event in existing]
    known = {(e.article_id, e.start, e.end) for event in existing for e in event.evidence if e.field == "trigger"}
    ordered = sorted(mentions, key=link_order)
    index = BlockIndex()
    judge = Judge(model, trace) if model is not None else None
    for c in clusters:
        index.add(c, c.members[0])
    for mention in ordered:
        triggers = {(e.article_id, e.start, e.end) for e in mention.evidence if e.field == "trigger"}
        if triggers and triggers <= known:
            continue  # already part of an existing event
        if judge is None:
            best, link = rule_choice(index.candidates(mention), mention)
        else:
            best, link = judge.choose(index.candidates(mention), mention)
        if best is None:
            best = Cluster()
            clusters.append(best)
        elif link is not None:
            best.links.append(link)
        best.add(mention)
        index.add(best, mention)
    events = [merged_event(c.members, c.id, c.links) for c in clusters]
    if members is not None:
        members.update({m.id: event.id for cluster, event in zip(clusters, events) for m in cluster.members})
    return events


def link_order(mention: Event) -> tuple:
    """The one order linking takes mentions in: the most precise dates first, then by article and place in it."""
    return -precision(mention.date), mention.article_id or "", mention.trigger.start if mention.trigger else 0, mention.id


def load_decision(decision):
    """None (the rule), "shipped" (the shipped model) or a LinkDecision, as the model to link with."""
    if decision is None:
        return None
    if decision == "shipped":
        from linimasa.link_decision import load_link_decision

        return load_link_decision()
    return decision


def linking_parameters() -> dict:
    """The numbers and sets linking decides by, besides the learned model's weights: the rule's thresholds,
    how many members of an event a mention is compared with, the date and place bases the tests read, and
    the constants of the learned decision's features."""
    from linimasa import link_features

    return {
        "rule": RULE,
        "members_compared": Judge.MEMBERS_COMPARED,
        "stated_date_bases": sorted(STATED_DATE_BASES),
        "inferred_place_bases": sorted(INFERRED_PLACE_BASES),
        "features": {name: sorted(value) if isinstance(value, frozenset) else value
                     for name, value in link_features.LINK_TIME_PARAMETERS.items()},
    }


def decision_name(model) -> str:
    """What a store was linked by: "rule", or the learned model and a digest of its weights and thresholds,
    with the linking version and a digest of :func:`linking_parameters` (another model, another version of
    the code or other parameters relink the store). A store that names none was linked by the rule before
    versions ("rule")."""
    parameters = json.dumps(linking_parameters(), sort_keys=True)
    version = f"v{LINKING_VERSION}.{hashlib.sha1(parameters.encode()).hexdigest()[:8]}"
    if model is None:
        return f"rule/{version}"
    weights = json.dumps([sorted(model.weights.items()), model.bias, model.threshold, model.rule_threshold])
    return f"{model.name}:{hashlib.sha1(weights.encode()).hexdigest()[:12]}/{version}"
