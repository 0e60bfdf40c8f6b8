"""Linking event mentions into real events.

Two mentions from different articles are the same real event when (thresholds in ``RULE``; the events
stage has already told apart the events of one article, so mentions of one article never merge here):

- they have the same PLOVER type;
- their dates are compatible: equal, or one contains the other ("2014-10" contains "2014-10-14"), or one is the other's
  weekday-consistent alternative (a weekday conflict: the named weekday falls one day off the date). A mention
  with no date links only to an event sharing ``undated_min_shared`` parties; a
  date the article only lends from context (the time stage's basis is not clause, sentence or lead) may be
  ``borrowed_window_days`` off;
- their places are compatible: unknown on either side, the same place, or a city inside the other's country;
- they share at least ``min_shared`` party (by knowledge-base id, or kind and name when unresolved); across
  articles one shared party is enough only when both dates are days, else ``undated_min_shared``;
- a telephone call and a meeting are never the same event;
- their modalities agree: an article announcing a meeting is not a report that it was held.

Among the events a mention could join it joins the one it shares most with (parties, then place, then
date). How the linked mentions become one record is :mod:`linimasa.link_merge`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from dataclasses import dataclass, field

from linimasa.dates import bounds as date_bounds
from linimasa.dates import precision
from linimasa.link_keys import STATED_DATE_BASES, participant_key
from linimasa.link_merge import merged_event
from linimasa.model import INFERRED_PLACE_BASES, Event, Location, Participant

RULE = {
    "borrowed_window_days": 3,
    "min_shared": 1,
    "undated_min_shared": 2,
}
# The version of how linking decides, beyond the model's weights and the parameters linking_parameters()
# gathers (a change to those is seen without it): the rule's tests, the features the learned decision reads
# (linimasa/link_features.py), the candidates it compares. Raise it with any change to that code: a store
# remembers the decision, version and parameters it was linked by (decision_name) and the first run of the
# new code relinks it whole, once, with no `linimasa relink` to remember.
LINKING_VERSION = 4


# ---------------------------------------------------------------------- compatibility (also used per article)
def dates_compatible(a: str | None, b: str | None, a_alternatives=(), b_alternatives=()) -> bool:
    """Equal, one containing the other, or one the other's weekday-consistent alternative."""
    if not a or not b:
        return True
    if a == b or a.startswith(b + "-") or b.startswith(a + "-"):
        return True
    # a weekday conflict offers the weekday's day (one day off) as an alternative reading of the same date
    return b in a_alternatives or a in b_alternatives or bool(set(a_alternatives) & set(b_alternatives))


def locations_compatible(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.kb_id and a.kb_id == b.kb_id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.city and b.city:
        return a.city == b.city
    return True


def shared_parties(a: list[Participant], b: list[Participant]) -> int:
    """How many parties two lists share. A generic actor named by a common noun (kind ``agent``: "polisi",
    "mahasiswa") is not evidence that two mentions tell one event: the police of two arrests are two."""
    keys_a = {participant_key(p) for p in a if p.kind != "agent"}
    return len(keys_a & {participant_key(p) for p in b if p.kind != "agent"})


def participants_overlap(a: list[Participant], b: list[Participant]) -> bool:
    return shared_parties(a, b) >= RULE["min_shared"]


# ---------------------------------------------------------------------- clustering
@dataclass
class _Cluster:
    members: list[Event] = field(default_factory=list)
    id: str | None = None  # kept from an existing event
    links: list[dict] = field(default_factory=list)  # why each further mention joined
    member_articles: set[str | None] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.member_articles = {m.article_id for m in self.members}

    def add(self, mention: Event) -> None:
        self.members.append(mention)
        self.member_articles.add(mention.article_id)

    def articles(self) -> set[str | None]:
        return {m.article_id for m in self.members} | {e.article_id for m in self.members for e in m.evidence}

    def participants(self) -> list[Participant]:
        return [p for m in self.members for p in m.participants]


def _dates_fit(a: Event, b: Event) -> bool:
    """Compatible dates; a date only borrowed from the article's context may be ``borrowed_window_days`` off."""
    if dates_compatible(a.date, b.date, a.date_alternatives, b.date_alternatives):
        return True
    if a.date_basis in STATED_DATE_BASES and b.date_basis in STATED_DATE_BASES:
        return False
    first, second = _day_bounds(a.date), _day_bounds(b.date)
    window = RULE["borrowed_window_days"]
    return bool(first and second) and first[0] - dt.timedelta(window) <= second[1] and second[0] - dt.timedelta(window) <= first[1]


def _stated_place(mention: Event) -> Location | None:
    """The place a sentence of the report states; an inferred one (dateline, the parties' country) is not
    evidence against joining another report that states a different one."""
    return None if mention.location_basis in INFERRED_PLACE_BASES else mention.location


@functools.lru_cache(maxsize=8192)
def _day_bounds(value: str | None):
    """:func:`linimasa.dates.bounds`, remembered: linking compares the same few thousand dates many times."""
    return date_bounds(value)


def _fits(cluster: _Cluster, mention: Event) -> int | None:
    """How well a mention fits a cluster (higher is better), or None when it must not join."""
    score = 0
    if mention.article_id in cluster.member_articles:
        return None  # the events stage already told apart the events of one article
    for member in cluster.members:
        if member.type != mention.type:
            return None
        if not _dates_fit(member, mention):
            return None
        if not locations_compatible(_stated_place(member), _stated_place(mention)):
            return None
        if member.modality != mention.modality:
            return None
        if (member.mode == "phone") != (mention.mode == "phone"):
            return None  # a call and a meeting are two events
    shared = shared_parties(cluster.participants(), mention.participants)
    dated = mention.date and any(m.date for m in cluster.members)
    if shared < RULE["min_shared"]:
        return None
    if dated:
        same_day = precision(mention.date) == 3 and any(precision(m.date) == 3 for m in cluster.members)
        if shared < RULE["undated_min_shared"] and not same_day:
            return None  # one shared party links across articles only on a stated day
    elif shared < RULE["undated_min_shared"]:
        return None
    score += 10 * shared
    if mention.location and any(m.location and m.location.kb_id == mention.location.kb_id for m in cluster.members):
        score += 2
    if mention.date and any(m.date == mention.date for m in cluster.members):
        score += 1
    return score


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
    clusters = [_Cluster([event], event.id) for event in existing]
    known = {(e.article_id, e.start, e.end) for event in existing for e in event.evidence if e.field == "trigger"}
    ordered = sorted(mentions, key=link_order)
    index = _BlockIndex()
    judge = _Judge(model, trace) if model is not None else None
    for c in clusters:
        index.add(c, c.members[0])
    for mention in ordered:
        triggers = {(e.article_id, e.start, e.end) for e in mention.evidence if e.field == "trigger"}
        if triggers and triggers <= known:
            continue  # already part of an existing event
        if judge is None:
            best, link = _rule_choice(index.candidates(mention), mention)
        else:
            best, link = judge.choose(index.candidates(mention), mention)
        if best is None:
            best = _Cluster()
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
        "members_compared": _Judge.MEMBERS_COMPARED,
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


def _rule_choice(candidates: list[_Cluster], mention: Event) -> tuple[_Cluster | None, dict | None]:
    """The rule alone: the fitting event the mention shares most with."""
    best, best_score = None, None
    for cluster in candidates:
        score = _fits(cluster, mention)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = cluster, score
    if best is None:
        return None, None
    return best, {"article_id": mention.article_id, "mention": mention.id, "with": best.members[0].article_id,
                  "by": "rule", "score": None, "threshold": None,
                  "features": [{"feature": "rule_fit", "value": best_score, "weight": None}]}


@dataclass(frozen=True)
class Comparison:
    """One candidate event the learned decision looked at for a mention: its members then (mention ids), the
    verdict ("same article", "other kind": a type, modality, call or date no score overrides; "no": scored
    below both thresholds; "model" or "rule": could join), the probability, and whether it was chosen."""

    mention: str
    members: tuple[str, ...]
    verdict: str
    probability: float | None
    chosen: bool = False


class _Judge:
    """The learned decision over candidate events, the rule as its fallback where it is surer."""

    MEMBERS_COMPARED = 12  # a mention is compared with at most this many members of an event (distinct articles)

    def __init__(self, model, trace: list | None = None, full=None):
        from linimasa.link_features import ArticleVectors

        self.model = model
        self.vectors = ArticleVectors()
        self.views: dict[int, object] = {}
        self.trace = trace
        # a mention with everything the features read, from what the clusters hold (linimasa/link_replay.py
        # holds members without their evidence and article signature until one is compared)
        self.full = full

    def view(self, event: Event):
        from linimasa.link_features import MentionView

        found = self.views.get(id(event))
        if found is None:
            found = self.views[id(event)] = MentionView.of(self.full(event) if self.full else event)
        return found

    def score(self, cluster: _Cluster, mention: Event) -> tuple[float, Event | None, dict]:
        """The best probability over the cluster's members, the member and the features behind it."""
        from linimasa.link_features import pair_features

        best = (-1.0, None, {})
        seen = set()
        here = self.view(mention)
        for member in cluster.members:
            if member.article_id in seen:
                continue
            seen.add(member.article_id)
            if len(seen) > self.MEMBERS_COMPARED:
                break
            features = pair_features(here, self.view(member), self.vectors)
            probability = self.model.probability(features)
            if probability > best[0]:
                best = (probability, member, features)
        return best

    def choose(self, candidates: list[_Cluster], mention: Event) -> tuple[_Cluster | None, dict | None]:
        if not mention.signature:
            # without its article's facts (a mention not made by the events stage) the model sees half the
            # evidence it was trained on: the rule is surer there
            return _rule_choice([c for c in candidates if _same_kind(c, mention)], mention)
        chosen = None
        looked: list[tuple[_Cluster, str, float | None]] = []
        for cluster in candidates:
            if mention.article_id in cluster.member_articles:
                looked.append((cluster, "same article", None))
                continue  # the events stage already told apart the events of one article
            if not _same_kind(cluster, mention):
                looked.append((cluster, "other kind", None))
                continue
            probability, member, features = self.score(cluster, mention)
            by = "model" if probability >= self.model.threshold else None
            if by is None and probability >= self.model.rule_threshold and _fits(cluster, mention) is not None:
                by = "rule"
            looked.append((cluster, by or "no", probability))
            if by and (chosen is None or probability > chosen[1]):
                chosen = (cluster, probability, member, features, by)
        if self.trace is not None:
            self.trace.extend(Comparison(mention.id, tuple(m.id for m in cluster.members), verdict, probability,
                                         chosen is not None and cluster is chosen[0])
                              for cluster, verdict, probability in looked)
        if chosen is None:
            return None, None
        cluster, probability, member, features, by = chosen
        threshold = self.model.threshold if by == "model" else self.model.rule_threshold
        return cluster, {"article_id": mention.article_id, "mention": mention.id, "with": member.article_id,
                         "by": by, "score": round(probability, 4), "threshold": threshold,
                         "features": self.model.explain(features)}


def _same_kind(cluster: _Cluster, mention: Event) -> bool:
    """What no score overrides: one PLOVER type, one modality (an announced meeting is not a held one), a call
    is not a meeting, and two days the texts state for the event differ only within the rule's tolerance for
    a date borrowed from context (the day before a visit is another meeting)."""
    return all(m.type == mention.type and m.modality == mention.modality
               and (m.mode == "phone") == (mention.mode == "phone") and _dates_fit(m, mention)
               for m in cluster.members)


class _BlockIndex:
    """Clusters by type and party within a year: a mention is compared with the events sharing one of its
    parties within a year of its date (or undated). The learned decision searches the same blocks as the rule
    (it once also searched events of the type dated within a week, whatever their parties; that was not
    local to a linking unit, so a run could not relink only what it reached)."""

    def __init__(self) -> None:
        self.blocks: dict[tuple[str, str, int | None], list[_Cluster]] = {}
        self.years: dict[tuple[str, str], set[int | None]] = {}
        self.order: dict[int, int] = {}  # cluster id -> creation rank, for a deterministic candidate order
        self.keys: dict[int, set] = {}

    def add(self, cluster: _Cluster, member: Event) -> None:
        self.order.setdefault(id(cluster), len(self.order))
        keys = self.keys.setdefault(id(cluster), set())
        year = _year(member.date)
        for p in member.participants:
            key = (member.type, participant_key(p), year)
            if key not in keys:
                keys.add(key)
                self.blocks.setdefault(key, []).append(cluster)
                self.years.setdefault(key[:2], set()).add(year)

    def candidates(self, mention: Event) -> list[_Cluster]:
        year = _year(mention.date)
        keys = []
        for p in mention.participants:
            party = (mention.type, participant_key(p))
            years = self.years.get(party, set())
            wanted = years if year is None else {year - 1, year, year + 1, None} & years
            keys.extend((*party, y) for y in wanted)
        found = {id(c): c for k in keys for c in self.blocks.get(k, ())}
        return sorted(found.values(), key=lambda c: self.order[id(c)])


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def blocking_keys(mention: Event) -> set[tuple[str, int | None]]:
    """The party blocks :class:`_BlockIndex` files a mention under, as (type and party, year): two mentions
    are ever compared, and so can end up in one event, only when they share a type and party in years one
    searches the other in (:func:`years_searched`), under the rule and the learned decision alike. Incremental linking (linimasa/engine/corpus.py) relies on it to relink
    only what a change can reach; a candidate retrieval that compares more must file under more blocks here
    before it is used by a run."""
    year = _year(mention.date)
    return {(f"{mention.type}\t{participant_key(p)}", year) for p in mention.participants}


def years_searched(year: int | None) -> set[int] | None:
    """The years whose blocks (of one type and party) a block of ``year`` is compared with, besides undated
    ones, which are always: a year either side; every year (None) for an undated block."""
    return None if year is None else {year - 1, year, year + 1}
