"""The learned decision on each candidate the rules propose: is it an event of its type the article tells?

The trigger lexicon proposes candidates with high recall (every form of every lexeme, with the parties,
date and place of its clause); a logistic regression (or boosted trees) trained on the annotated corpus
(``scripts/train_event_decision.py``, train split) scores each asserted candidate of the types it judges;
an event mention is reported when one of the candidates that tell it scores at or above the threshold. Its
features (:mod:`linimasa.events.decision_features`) are ones a reader can check; what the knowledge base
knows of the parties is one of them, so for the types the model judges the rules' known-party filter is
off. Each judged candidate keeps its score and the features that weighed most; the event it heads carries
them (``Event.decision``), so a user sees why it is there.

The model is a JSON file of weights or trees: no pickle, no library needed to apply it, microseconds a
candidate.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from linimasa.events.decision_features import ArticleContext, candidate_features, load_cues

__all__ = ["ArticleContext", "EventDecision", "best_decision", "candidate_features", "judged", "load_decision"]

MODEL_FILE = Path(__file__).resolve().parents[1] / "lang" / "id" / "models" / "event_decision.json"


def judged(c) -> bool:
    """Candidates the decision judges: asserted ones that may start an event (references only lend their
    place and date; a planned or denied meeting is reported as such by its modality)."""
    return c.modality == "asserted" and not c.reference


@functools.cache
def load_decision(path: str | None = None) -> EventDecision:
    """The decision model, read once per process."""
    return EventDecision.load(path)


@dataclass(frozen=True)
class EventDecision:
    """A logistic regression (``weights``) or boosted trees (``trees``) over the candidate's features, with a
    threshold on the probability. A tree is a list of nodes: ``[feature, threshold, left, right, value]``
    for a split (a feature absent counts 0; a value at or below the threshold goes left) and ``[value]``
    for a leaf; a split's value is the mean of its leaves, so that each split's share of the score (the
    value of the branch taken less the node's) is the weight its feature is shown with."""

    weights: dict[str, float]
    bias: float
    threshold: float
    name: str = "event_decision"
    require_known_party: bool = False  # whether the rules' known-party filter stays on with this model
    types: frozenset[str] | None = None  # the event types it judges (None: all); the rules alone decide the rest
    trees: tuple = ()
    type_thresholds: dict[str, float] = field(default_factory=dict)  # a type's own threshold (CONSULT), else ``threshold``

    @classmethod
    def load(cls, path: str | Path | None = None) -> EventDecision:
        path = Path(path) if path else MODEL_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(
                f"{path}: no event decision model; train one with scripts/train_event_decision.py or set the "
                "events stage option 'decision' to false") from None
        types = data.get("types")
        return cls(data.get("weights") or {}, float(data["bias"]), float(data["threshold"]),
                   data.get("name", path.stem), bool(data.get("require_known_party", False)),
                   frozenset(types) if types is not None else None,
                   tuple(tuple(tuple(node) for node in tree) for tree in data.get("trees") or ()),
                   {kind: float(t) for kind, t in (data.get("type_thresholds") or {}).items()})

    def features(self, c, context: ArticleContext) -> dict[str, float]:
        return candidate_features(c, context, load_cues())

    def score(self, features: dict[str, float]) -> tuple[float, list[tuple[str, float]]]:
        """The probability that the candidate is an event, and the features that weighed most (either way)."""
        if self.trees:
            shares = self._tree_shares(features)
            parts = list(shares.items())
            z = self.bias + sum(tree_value for tree_value in (self._leaf(t, features) for t in self.trees))
        else:
            parts = [(name, self.weights[name] * value) for name, value in features.items() if name in self.weights]
            z = self.bias + sum(weight for _, weight in parts)
        probability = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
        strongest = sorted(parts, key=lambda item: -abs(item[1]))[:4]
        return probability, [(name, round(weight, 3)) for name, weight in strongest]

    @staticmethod
    def _leaf(tree: tuple, features: dict[str, float]) -> float:
        node = tree[0]
        while len(node) > 1:
            node = tree[node[2] if features.get(node[0], 0.0) <= node[1] else node[3]]
        return node[0]

    def _tree_shares(self, features: dict[str, float]) -> dict[str, float]:
        """Each feature's share of the trees' score: the change of value at the splits on it."""
        shares: dict[str, float] = {}
        for tree in self.trees:
            node = tree[0]
            while len(node) > 1:
                name = node[0]
                present = features.get(name, 0.0)
                child = tree[node[2] if present <= node[1] else node[3]]
                label = name if present > node[1] else f"not {name}"
                shares[label] = shares.get(label, 0.0) + child[-1] - node[4]
                node = child
        return shares

    def judge(self, candidates: list, context: ArticleContext) -> None:
        """Scores every judged candidate, keeping its score and strongest features in ``decision``."""
        for c in candidates:
            if judged(c) and (self.types is None or c.match.rule.type in self.types):
                probability, strongest = self.score(self.features(c, context))
                threshold = self.type_thresholds.get(c.match.rule.type, self.threshold)
                c.decision = {"model": self.name, "score": round(probability, 4), "threshold": threshold,
                              "features": [{"feature": name, "weight": weight} for name, weight in strongest]}

    def keeps(self, heads: list) -> bool:
        """Whether an event whose heads are these candidates is reported: when one of them scores at or above
        the threshold, or none was judged (a planned or denied event is reported as such by its modality).
        A head below the threshold still lends its place and date to an event another head carries ("Kerry
        mengunjungi Sochi" after the talks were told)."""
        judged_heads = [c.decision for c in heads if c.decision is not None]
        return not judged_heads or any(d["score"] >= d["threshold"] for d in judged_heads)


def best_decision(heads: list) -> dict | None:
    """The decision of the head that scored highest: the reason an event is reported."""
    judged_heads = [c for c in heads if c.decision is not None]
    return max(judged_heads, key=lambda c: c.decision["score"]).decision if judged_heads else None
