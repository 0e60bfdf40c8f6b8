"""The learned decision on each candidate the rules propose: is it an event of its type the article tells?

The trigger lexicon proposes candidates with high recall (every form of every lexeme, with the parties,
date and place of its clause); a logistic regression trained on the annotated corpus
(``scripts/train_event_decision.py``, train split) scores each asserted candidate; an event mention is
reported when one of the candidates that tell it scores at or above the threshold. Its features are ones a reader can check: the trigger and its
lexeme, the words around it, whether the rules found parties before and after it and whether the
knowledge base knows them, a date and a place, where the sentence stands in the article, whether it is a
quote, whether the headline names the trigger or a party, how often the article tells that type. Each
judged candidate keeps its score and the features that weighed most; the event it heads carries them
(``Event.decision``), so a user sees why it is there.

The model is a JSON file of weights: no pickle, no library needed to apply it, microseconds a candidate.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from linimasa.dates import precision_name
from linimasa.events.participants import key

MODEL_FILE = Path(__file__).resolve().parents[1] / "lang" / "id" / "models" / "event_decision.json"
_WORD = re.compile(r"^[a-z][a-z\-]*$")
CONTEXT = 3  # words each side of the trigger
QUOTES = frozenset({'"', "“", "”"})


@dataclass
class ArticleContext:
    """What the features need of the whole article: its headline's words and how often each type is told."""

    title_words: frozenset[str] = frozenset()
    told: Counter = field(default_factory=Counter)
    first: dict[str, int] = field(default_factory=dict)  # type -> id() of its first candidate
    reporting: frozenset[str] = frozenset()

    @classmethod
    def of(cls, title: str | None, candidates: list, reporting: frozenset[str] = frozenset()) -> ArticleContext:
        words = frozenset(w.casefold() for w in re.findall(r"\w+", title or ""))
        told = Counter(c.match.rule.type for c in candidates)
        first: dict[str, int] = {}
        for c in candidates:
            first.setdefault(c.match.rule.type, id(c))
        return cls(words, told, first, reporting)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def candidate_features(c, context: ArticleContext) -> dict[str, float]:
    """The explainable features of one candidate (a :class:`linimasa.events.candidates.Candidate`)."""
    rule = c.match.rule
    kind = rule.type
    words = c.view.words
    features: dict[str, float] = {
        f"type={kind}": 1.0,
        f"trigger={kind}:{' '.join(rule.words)}": 1.0,
        f"lexeme={kind}:{rule.lemma}": 1.0,
        f"pos={kind}:{rule.pos}": 1.0,
        f"voice={rule.voice}": 1.0,
    }
    for name in ("framed", "anaphoric", "recalled"):
        if getattr(c, name):
            features[name] = 1.0
    parties = c.participants
    count = len({key(p) for p, _ in parties})
    known = sum(1 for p, _ in parties if p.kb_id)
    features[f"parties={kind}:{min(count, 3)}"] = 1.0
    features[f"known={min(known, 2)}"] = 1.0
    features[f"party_before={any(m.start < c.match.start for _, m in parties)}"] = 1.0
    features[f"party_after={any(m.start >= c.match.end for _, m in parties)}"] = 1.0
    for p, _ in parties:
        features[f"party_kind={p.kind}"] = 1.0
    if c.date.value:
        features[f"date={precision_name(c.date.value)}:{c.date.basis}"] = 1.0
    else:
        features["date=none"] = 1.0
    features[f"place={c.location is not None}"] = 1.0
    for word in words[max(0, c.match.first - CONTEXT) : c.match.first]:
        if _WORD.match(word):
            features[f"before:{word}"] = 1.0
    for word in words[c.match.last : c.match.last + CONTEXT]:
        if _WORD.match(word):
            features[f"after:{word}"] = 1.0
    features[f"sentence={_bucket(c.view.index, (0, 1, 3, 7, 15))}"] = 1.0
    features[f"length={_bucket(len(words), (10, 20, 35, 60))}"] = 1.0
    quotes = sum(1 for w in words[: c.match.first] if w in QUOTES)
    features[f"in_quote={quotes % 2 == 1}"] = 1.0
    features["reported"] = float(any(w in context.reporting for w in words))
    # headlines use the bare root ("KPK Tangkap Bupati"): the trigger's words or its lexeme's root
    features[f"title_trigger={any(w in context.title_words for w in (*rule.words, rule.lemma))}"] = 1.0
    named = {m.text.split()[-1].casefold() for _, m in parties if m.text.split()}
    features[f"title_party={bool(named & context.title_words)}"] = 1.0
    features[f"told={kind}:{min(context.told[kind], 4)}"] = 1.0
    features[f"first_of_type={context.first.get(kind) == id(c)}"] = 1.0
    return features


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
    weights: dict[str, float]
    bias: float
    threshold: float
    name: str = "event_decision"
    require_known_party: bool = False  # whether the rules' known-party filter stays on with this model
    types: frozenset[str] | None = None  # the event types it judges (None: all); the rules alone decide the rest

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
        return cls(data["weights"], float(data["bias"]), float(data["threshold"]), data.get("name", path.stem),
                   bool(data.get("require_known_party", False)), frozenset(types) if types is not None else None)

    def score(self, features: dict[str, float]) -> tuple[float, list[tuple[str, float]]]:
        """The probability that the candidate is an event, and the features that weighed most (either way)."""
        parts = [(name, self.weights[name] * value) for name, value in features.items() if name in self.weights]
        z = self.bias + sum(weight for _, weight in parts)
        probability = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
        strongest = sorted(parts, key=lambda item: -abs(item[1]))[:4]
        return probability, [(name, round(weight, 3)) for name, weight in strongest]

    def judge(self, candidates: list, context: ArticleContext) -> None:
        """Scores every judged candidate, keeping its score and strongest features in ``decision``."""
        for c in candidates:
            if judged(c) and (self.types is None or c.match.rule.type in self.types):
                probability, strongest = self.score(candidate_features(c, context))
                c.decision = {"model": self.name, "score": round(probability, 4), "threshold": self.threshold,
                              "features": [{"feature": name, "weight": weight} for name, weight in strongest]}

    def keeps(self, heads: list) -> bool:
        """Whether an event whose heads are these candidates is reported: when one of them scores at or above
        the threshold, or none was judged (a planned or denied event is reported as such by its modality).
        A head below the threshold still lends its place and date to an event another head carries ("Kerry
        mengunjungi Sochi" after the talks were told)."""
        scores = [c.decision["score"] for c in heads if c.decision is not None]
        return not scores or max(scores) >= self.threshold


def best_decision(heads: list) -> dict | None:
    """The decision of the head that scored highest: the reason an event is reported."""
    judged_heads = [c for c in heads if c.decision is not None]
    return max(judged_heads, key=lambda c: c.decision["score"]).decision if judged_heads else None
