"""The learned decision on each event the rules propose: keep it or not, with the evidence of the decision.

The rules find candidates with high recall (every trigger form, every party they can attach); a logistic
regression trained on the annotated corpus (``scripts/train_event_decision.py``, train split) decides which
of the asserted events to report. Its features are ones a reader can check: the event's type, mode and
trigger word, how many parties it has and how many the knowledge base knows, their kinds, whether it has a
date and a place and where they were read, the words around the trigger. Each kept event records its score
and the features that weighed most (``Event.decision``), so a user sees why it is there.

The model is a JSON file of weights: no pickle, no library needed to apply it, microseconds per event.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from linimasa.dates import precision_name
from linimasa.model import Event

MODEL_FILE = Path(__file__).resolve().parents[1] / "lang" / "id" / "models" / "event_decision.json"
_WORD = re.compile(r"[a-z]+")
CONTEXT = 4  # words each side of the trigger


def sentence_of(event: Event) -> tuple[int, int]:
    """The span of the sentence that holds the event's trigger (its trigger evidence)."""
    for item in event.evidence:
        if item.field == "trigger" and event.trigger and item.start <= event.trigger.start < item.end:
            return item.start, item.end
    if event.trigger:
        return event.trigger.start, event.trigger.end
    return 0, 0


def event_features(event: Event, text: str) -> dict[str, float]:
    """The explainable features of one event mention in its article's working text."""
    kind = event.type
    features: dict[str, float] = {f"type={kind}": 1.0, f"mode={kind}:{event.mode}": 1.0}
    trigger = (event.trigger.text if event.trigger else "").lower()
    features[f"trigger={kind}:{trigger}"] = 1.0
    parties = event.participants
    known = sum(1 for p in parties if p.kb_id)
    features[f"parties={kind}:{min(len(parties), 4)}"] = 1.0
    features[f"known={kind}:{min(known, 3)}"] = 1.0
    features[f"all_unknown={kind}"] = float(known == 0)
    for party in parties:
        features[f"party_kind={kind}:{party.kind}"] = 1.0
        features[f"party_role={bool(party.role)}"] = 1.0
    features[f"only_countries={kind}"] = float(bool(parties) and all(p.kind == "country" for p in parties))
    features[f"date={precision_name(event.date)}"] = 1.0
    features[f"date_basis={event.date_basis}"] = 1.0
    features[f"place={event.location_basis or 'none'}"] = 1.0
    features[f"background={event.background}"] = 1.0
    told = sum(1 for e in event.evidence if e.field == "trigger")
    features[f"told={min(told, 3)}"] = 1.0
    features["rule_confidence"] = float(event.confidence)
    if event.trigger:
        start, end = sentence_of(event)
        features[f"lead={event.trigger.start < 300}"] = 1.0
        before = _WORD.findall(text[start:event.trigger.start].lower())[-CONTEXT:]
        after = _WORD.findall(text[event.trigger.end:end].lower())[:CONTEXT]
        for word in before:
            features[f"before:{word}"] = 1.0
        for word in after:
            features[f"after:{word}"] = 1.0
        features[f"in_quote={text[start:event.trigger.start].count(chr(34)) % 2 == 1}"] = 1.0
    return features


@functools.cache
def load_decision(path: str | None = None) -> "EventDecision":
    """The decision model, read once per process."""
    return EventDecision.load(path)


@dataclass(frozen=True)
class EventDecision:
    weights: dict[str, float]
    bias: float
    threshold: float
    name: str = "event_decision"
    require_known_party: bool = False  # the candidates it was trained on kept the rules' known-party filter

    @classmethod
    def load(cls, path: str | Path | None = None) -> "EventDecision":
        path = Path(path) if path else MODEL_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(
                f"{path}: no event decision model; train one with scripts/train_event_decision.py or set the "
                "events stage option 'decision' to false") from None
        return cls(data["weights"], float(data["bias"]), float(data["threshold"]), data.get("name", path.stem),
                   bool(data.get("require_known_party", False)))

    def score(self, features: dict[str, float]) -> tuple[float, list[tuple[str, float]]]:
        """The probability that the event is real, and the features that weighed most (either way)."""
        parts = [(name, self.weights[name] * value) for name, value in features.items() if name in self.weights]
        z = self.bias + sum(weight for _, weight in parts)
        probability = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
        strongest = sorted(parts, key=lambda item: -abs(item[1]))[:4]
        return probability, [(name, round(weight, 3)) for name, weight in strongest]

    def decide(self, events: list[Event], text: str) -> list[Event]:
        """The events to report: every event that is not asserted (its modality already says it did not
        happen), and the asserted ones the model scores at or above its threshold. Each scored event keeps
        its score and strongest features in ``decision``."""
        kept = []
        for event in events:
            if event.modality != "asserted":
                kept.append(event)
                continue
            probability, strongest = self.score(event_features(event, text))
            event.decision = {"model": self.name, "score": round(probability, 4), "threshold": self.threshold,
                              "features": [{"feature": name, "weight": weight} for name, weight in strongest]}
            if probability >= self.threshold:
                kept.append(event)
        return kept
