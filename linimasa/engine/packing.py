"""Articles as worker processes send them back to the one process that stores them."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from ..model import Article


@dataclass
class PackedArticle(Article):
    """An extracted article as a worker sends it back: its sentences, mentions and times already in the
    JSON-ready form the store writes (``annotations()``), in place of the model objects.

    Plain dicts and lists pickle an order of magnitude faster than the model's slotted dataclasses (one
    Python-level call per token otherwise), and the conversion is done on the workers rather than in the
    driver, the one serial process of a run. Measured on IndoSum dev: the driver's cost per article drops
    from 2.5 ms (unpickling) + 1.4 ms (conversion) to 0.2 ms. The driver only stores these articles."""

    packed_annotations: dict[str, Any] = field(default_factory=dict)

    def annotations(self) -> dict[str, Any]:
        return self.packed_annotations


def pack(article: Article) -> PackedArticle:
    values = {f.name: getattr(article, f.name) for f in fields(Article) if f.init}
    values.update(sentences=[], mentions=[], times=[])
    return PackedArticle(**values, packed_annotations=article.annotations())
