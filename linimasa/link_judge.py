"""The learned link decision over the candidate events of a mention, with the rule as its fallback where it is
surer; what it compared is kept for explanation (:class:`Comparison`, ``Event.links``)."""

from __future__ import annotations

from dataclasses import dataclass

from linimasa.link_features import ArticleVectors, MentionView, pair_features
from linimasa.link_rule import Cluster, dates_fit, fits, rule_choice
from linimasa.model import Event


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


class Judge:
    """The learned decision over candidate events, the rule as its fallback where it is surer."""

    MEMBERS_COMPARED = 12  # a mention is compared with at most this many members of an event (distinct articles)

    def __init__(self, model, trace: list | None = None, full=None):
        self.model = model
        self.vectors = ArticleVectors()
        self.views: dict[int, object] = {}
        self.trace = trace
        # a mention with everything the features read, from what the clusters hold (linimasa/link_replay.py
        # holds members without their evidence and article signature until one is compared)
        self.full = full

    def view(self, event: Event):
        found = self.views.get(id(event))
        if found is None:
            found = self.views[id(event)] = MentionView.of(self.full(event) if self.full else event)
        return found

    def score(self, cluster: Cluster, mention: Event) -> tuple[float, Event | None, dict]:
        """The best probability over the cluster's members, the member and the features behind it."""
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

    def choose(self, candidates: list[Cluster], mention: Event) -> tuple[Cluster | None, dict | None]:
        if not mention.signature:
            # without its article's facts (a mention not made by the events stage) the model sees half the
            # evidence it was trained on: the rule is surer there
            return rule_choice([c for c in candidates if _same_kind(c, mention)], mention)
        chosen = None
        looked: list[tuple[Cluster, str, float | None]] = []
        for cluster in candidates:
            if mention.article_id in cluster.member_articles:
                looked.append((cluster, "same article", None))
                continue  # the events stage already told apart the events of one article
            if not _same_kind(cluster, mention):
                looked.append((cluster, "other kind", None))
                continue
            probability, member, features = self.score(cluster, mention)
            by = "model" if probability >= self.model.threshold else None
            if by is None and probability >= self.model.rule_threshold and fits(cluster, mention) is not None:
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


def _same_kind(cluster: Cluster, mention: Event) -> bool:
    """What no score overrides: one PLOVER type, one modality (an announced meeting is not a held one), a call
    is not a meeting, and two days the texts state for the event differ only within the rule's tolerance for
    a date borrowed from context (the day before a visit is another meeting)."""
    return all(m.type == mention.type and m.modality == mention.modality
               and (m.mode == "phone") == (mention.mode == "phone") and dates_fit(m, mention)
               for m in cluster.members)
