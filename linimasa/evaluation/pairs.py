"""Annotated article pairs for linking: the same real event reported twice, or hard negatives.

One JSON object a line: ``a``, ``b`` (article ids), ``label`` (``same_event`` | ``different_event``),
``same_actors`` (for different events: do they share a principal actor, which makes them hard
negatives), ``event_type`` and ``event`` (a short English description), ``confidence``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from linimasa.evaluation.gold import AnnotationError
from linimasa.evaluation.schema import EVENT_TYPES

LABELS = frozenset({"same_event", "different_event"})


@dataclass(frozen=True, slots=True)
class ArticlePair:
    a: str
    b: str
    label: str
    same_actors: bool = False
    event_type: str | None = None
    event: str = ""
    confidence: str = "high"

    @property
    def same_event(self) -> bool:
        return self.label == "same_event"

    @property
    def linkable(self) -> bool:
        """A same-event pair whose event is a PLOVER event: one that linimasa is asked to extract and link.
        (Annotators also mark pairs about the same non-PLOVER happening, e.g. a tax amnesty, as OTHER.)"""
        return self.same_event and self.event_type in EVENT_TYPES

    @property
    def hard_negative(self) -> bool:
        return self.label == "different_event" and self.same_actors


def load_pairs(paths: list[Path]) -> list[ArticlePair]:
    pairs, seen = [], set()
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise AnnotationError(f"{path}: no such pairs file")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise AnnotationError(f"{where}: not a JSON line ({error})") from None
            if row.get("label") not in LABELS or not row.get("a") or not row.get("b") or row["a"] == row["b"]:
                raise AnnotationError(f"{where}: a pair needs two different article ids a, b and a label in "
                                      f"{sorted(LABELS)}")
            key = tuple(sorted((row["a"], row["b"])))
            if key in seen:
                continue
            seen.add(key)
            pairs.append(ArticlePair(row["a"], row["b"], row["label"], bool(row.get("same_actors")),
                                     row.get("event_type"), row.get("event") or "", row.get("confidence") or "high"))
    return pairs
