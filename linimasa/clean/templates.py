"""Site-level template detection: lines that recur across many articles of one outlet are template.

A widget list never names every outlet's footer, promotion or disclaimer. Counting, per outlet, in how
many distinct articles each line shape occurs finds them without a list: a line printed in a large share
of an outlet's articles is the site's, not the journalist's. Counting is per distinct article (by content
hash), so re-ingested and duplicated rows do not make their sentences look like template.

The statistics are a plain dict (``state()`` / ``from_state()``) so the store can keep them between runs.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from linimasa.clean.text import line_shape

# Tuned on IndoSum (10 outlets, 3,463 articles) and Detik 2025 (1,000 articles); see docs/cleaning.md.
MIN_ARTICLES = 5  # a shape must occur in at least this many distinct articles of the outlet
MIN_SHARE = 0.02  # ... and in at least this share of the outlet's distinct articles
MIN_OUTLET_ARTICLES = 20  # outlets seen fewer times do not yet say what their template is
MAX_SHAPES_PER_OUTLET = 50_000  # memory bound: rare shapes are pruned beyond this
MAX_SHAPE_CHARS = 300


@dataclass
class OutletStatistics:
    articles: int = 0
    shapes: Counter = field(default_factory=Counter)
    seen: set[str] = field(default_factory=set)  # short content hashes of the articles counted


class OutletTemplates:
    def __init__(
        self,
        min_articles: int = MIN_ARTICLES,
        min_share: float = MIN_SHARE,
        min_outlet_articles: int = MIN_OUTLET_ARTICLES,
    ):
        self.min_articles = min_articles
        self.min_share = min_share
        self.min_outlet_articles = min_outlet_articles
        self.outlets: dict[str, OutletStatistics] = {}

    def observe(self, outlet: str, lines: Iterable[str]) -> None:
        """Count one article's lines for its outlet (an article already counted is ignored)."""
        shapes = {line_shape(line, limit=MAX_SHAPE_CHARS) for line in lines}
        shapes.discard("")
        digest = hashlib.blake2b("\n".join(sorted(shapes)).encode("utf-8"), digest_size=8).hexdigest()
        stats = self.outlets.setdefault(outlet, OutletStatistics())
        if digest in stats.seen:
            return
        stats.seen.add(digest)
        stats.articles += 1
        stats.shapes.update(shapes)
        if len(stats.shapes) > MAX_SHAPES_PER_OUTLET:
            self._prune(stats)

    def is_template(self, outlet: str | None, line: str, normal: str | None = None) -> bool:
        """Whether a line is template of its outlet (``normal``: its normal form, when known)."""
        stats = self.outlets.get(outlet) if outlet else None
        if stats is None or stats.articles < self.min_outlet_articles:
            return False
        count = stats.shapes.get(line_shape(line, normal, MAX_SHAPE_CHARS), 0)
        return count >= self.min_articles and count >= self.min_share * stats.articles

    def template_lines(self, outlet: str) -> list[tuple[str, int]]:
        """The line shapes currently judged template for an outlet, with their article counts."""
        stats = self.outlets.get(outlet)
        if stats is None or stats.articles < self.min_outlet_articles:
            return []
        floor = max(self.min_articles, self.min_share * stats.articles)
        return [(shape, n) for shape, n in stats.shapes.most_common() if n >= floor]

    def _prune(self, stats: OutletStatistics) -> None:
        """Drop the rarest shapes; a template shape is never rare, so it survives."""
        keep = MAX_SHAPES_PER_OUTLET // 2
        stats.shapes = Counter(dict(stats.shapes.most_common(keep)))

    def state(self) -> dict:
        return {
            "min_articles": self.min_articles,
            "min_share": self.min_share,
            "min_outlet_articles": self.min_outlet_articles,
            "outlets": {
                outlet: {"articles": s.articles, "shapes": dict(s.shapes), "seen": sorted(s.seen)}
                for outlet, s in self.outlets.items()
            },
        }

    @classmethod
    def from_state(cls, state: dict) -> "OutletTemplates":
        templates = cls(state["min_articles"], state["min_share"], state["min_outlet_articles"])
        for outlet, s in state.get("outlets", {}).items():
            templates.outlets[outlet] = OutletStatistics(s["articles"], Counter(s["shapes"]), set(s["seen"]))
        return templates
