"""The learned linking decision: does this event mention report the same real event as that one?

A logistic regression over the features of :mod:`linimasa.link_features` (shared parties by
knowledge-base id, date distance and precision, place agreement, mode and modality, article similarity of
words and entities with time decay, same outlet, title and trigger-sentence words), trained on the annotated
same-event pairs and hard negatives of the train split (``scripts/train_link_decision.py``) and chosen on
the dev split. It is a JSON file of weights: no library is needed to apply it.

The score says why: :meth:`LinkDecision.explain` returns the features that weighed most, which linking
keeps on the event (``Event.links``) so that a reader sees why each source was attached.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent / "lang" / "id" / "models" / "link_decision.json"


@functools.cache
def load_link_decision(path: str | None = None) -> "LinkDecision":
    """The shipped (or another) linking model, read once per process."""
    return LinkDecision.load(path)


@dataclass(frozen=True)
class LinkDecision:
    weights: dict[str, float]
    bias: float
    threshold: float  # join when the probability is at least this
    rule_threshold: float  # where the rule would join, join when the probability is at least this
    name: str = "link_decision"

    @classmethod
    def load(cls, path: str | Path | None = None) -> "LinkDecision":
        path = Path(path) if path else MODEL_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(
                f"{path}: no linking model; train one with scripts/train_link_decision.py, or link by the rule "
                "alone (link_events(..., decision=None))") from None
        return cls(data["weights"], float(data["bias"]), float(data["threshold"]),
                   float(data.get("rule_threshold", data["threshold"])), data.get("name", path.stem))

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def explain(self, features: dict[str, float], strongest: int = 5) -> list[dict]:
        """The features that moved the score most, either way, with their values and weighted effect."""
        parts = [(name, value, self.weights[name] * value) for name, value in features.items()
                 if name in self.weights and value]
        parts.sort(key=lambda part: -abs(part[2]))
        return [{"feature": name, "value": round(value, 3), "weight": round(effect, 3)}
                for name, value, effect in parts[:strongest]]
