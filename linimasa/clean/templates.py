"""Site-level template detection: lines that recur across many articles of one outlet are template.

A widget list never names every outlet's footer, promotion or disclaimer. Counting, per outlet, in how
many distinct articles each line shape occurs finds them without a list: a line printed in a large share
of an outlet's articles is the site's, not the journalist's. Counting is per distinct article (by a hash
of its line shapes), so re-ingested and duplicated rows do not make their sentences look like template.

Memory is bounded per outlet: shapes are counted by a CRC-32 key (the text is kept only for shapes
frequent enough to report), the rarest shapes are pruned beyond ``MAX_SHAPES_PER_OUTLET`` (a template
shape is never rare, so it survives), and only the latest ``MAX_SEEN_PER_OUTLET`` article hashes are kept.

The statistics are plain dicts, one per outlet (``outlet_state()``; ``state()`` / ``from_state()`` for all
at once), so the store can keep them between runs; given ``stored``, an outlet's statistics are read from
the store the first time the stream meets the outlet, and only the outlets a run counted are written back.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from linimasa.clean.text import line_shape

# Tuned on IndoSum (10 outlets, 3,463 articles) and Detik 2025 (1,000 articles); see docs/cleaning.md.
MIN_ARTICLES = 5  # a shape must occur in at least this many distinct articles of the outlet
MIN_SHARE = 0.02  # ... and in at least this share of the outlet's distinct articles
MIN_OUTLET_ARTICLES = 20  # outlets seen fewer times do not yet say what their template is
MAX_SHAPES_PER_OUTLET = 20_000
MAX_SEEN_PER_OUTLET = 100_000
MAX_SHAPE_CHARS = 300


def shape_key(shape: bytes) -> int:
    """A stable small key for a shape (a rare collision only merges the counts of two shapes)."""
    return zlib.crc32(shape)


@dataclass
class OutletStatistics:
    articles: int = 0
    shapes: Counter = field(default_factory=Counter)  # shape key -> distinct articles holding it
    examples: dict[int, str] = field(default_factory=dict)  # shape key -> shape text, for frequent shapes
    seen: dict[str, None] = field(default_factory=dict)  # article hashes counted, oldest first

    def state(self) -> dict:
        return {"articles": self.articles, "shapes": dict(self.shapes), "examples": self.examples, "seen": list(self.seen)}

    @classmethod
    def from_state(cls, state: dict) -> "OutletStatistics":
        return cls(
            state["articles"],
            Counter({int(k): n for k, n in state["shapes"].items()}),  # JSON turned the keys into strings
            {int(k): v for k, v in state.get("examples", {}).items()},
            dict.fromkeys(state["seen"]),
        )


class OutletTemplates:
    def __init__(
        self,
        min_articles: int = MIN_ARTICLES,
        min_share: float = MIN_SHARE,
        min_outlet_articles: int = MIN_OUTLET_ARTICLES,
        stored: Callable[[str], dict | None] | None = None,
    ):
        self.min_articles = min_articles
        self.min_share = min_share
        self.min_outlet_articles = min_outlet_articles
        self.outlets: dict[str, OutletStatistics] = {}
        self.stored = stored  # an outlet's statistics as the store keeps them (None: not there)
        self._asked: set[str] = set()
        self.counted: set[str] = set()  # outlets whose statistics changed since they were read

    def _statistics(self, outlet: str) -> OutletStatistics | None:
        if outlet not in self.outlets and self.stored is not None and outlet not in self._asked:
            self._asked.add(outlet)
            state = self.stored(outlet)
            if state is not None:
                self.outlets[outlet] = OutletStatistics.from_state(state)
        return self.outlets.get(outlet)

    def settings(self) -> dict:
        return {"min_articles": self.min_articles, "min_share": self.min_share,
                "min_outlet_articles": self.min_outlet_articles}

    def outlet_state(self, outlet: str) -> dict:
        return self.outlets[outlet].state()

    def observe(self, outlet: str, lines: Iterable[str]) -> None:
        """Count one article's lines for its outlet (an article already counted is ignored)."""
        shapes = {line_shape(line, limit=MAX_SHAPE_CHARS) for line in lines}
        shapes.discard(b"")
        keys = {shape_key(shape): shape for shape in shapes}
        article = hashlib.blake2b(" ".join(map(str, sorted(keys))).encode("ascii"), digest_size=8).hexdigest()
        stats = self._statistics(outlet) or self.outlets.setdefault(outlet, OutletStatistics())
        if article in stats.seen:
            return
        self.counted.add(outlet)
        stats.seen[article] = None
        if len(stats.seen) > MAX_SEEN_PER_OUTLET:
            del stats.seen[next(iter(stats.seen))]
        stats.articles += 1
        stats.shapes.update(keys.keys())
        for key, shape in keys.items():
            if stats.shapes[key] == self.min_articles:
                stats.examples[key] = shape.decode("utf-8", errors="replace")
        if len(stats.shapes) > MAX_SHAPES_PER_OUTLET:
            self._prune(stats)

    def is_template(self, outlet: str | None, line: str, normal: str | None = None) -> bool:
        """Whether a line is template of its outlet (``normal``: its normal form, when known)."""
        stats = self._statistics(outlet) if outlet else None
        if stats is None or stats.articles < self.min_outlet_articles:
            return False
        count = stats.shapes.get(shape_key(line_shape(line, normal, MAX_SHAPE_CHARS)), 0)
        return count >= self.min_articles and count >= self.min_share * stats.articles

    def snapshot(self, outlets: Iterable[str]) -> "TemplateSnapshot":
        """The template shapes of these outlets as judged now: what cleaning their articles needs."""
        shapes: dict[str, frozenset[int]] = {}
        for outlet in outlets:
            stats = self._statistics(outlet)
            if stats is None or stats.articles < self.min_outlet_articles:
                continue
            floor = max(self.min_articles, self.min_share * stats.articles)
            # every shape counted in min_articles articles has an example, so only those need a look
            shapes[outlet] = frozenset(key for key in stats.examples if stats.shapes.get(key, 0) >= floor)
        return TemplateSnapshot(shapes)

    def template_lines(self, outlet: str) -> list[tuple[str, int]]:
        """The line shapes currently judged template for an outlet, with their article counts."""
        stats = self._statistics(outlet)
        if stats is None or stats.articles < self.min_outlet_articles:
            return []
        floor = max(self.min_articles, self.min_share * stats.articles)
        return [(stats.examples[key], n) for key, n in stats.shapes.most_common() if n >= floor]

    @staticmethod
    def _prune(stats: OutletStatistics) -> None:
        """Keep the more frequent half of the shapes."""
        stats.shapes = Counter(dict(stats.shapes.most_common(MAX_SHAPES_PER_OUTLET // 2)))
        stats.examples = {k: v for k, v in stats.examples.items() if k in stats.shapes}

    def state(self) -> dict:
        """The thresholds and every outlet's statistics held here."""
        return {**self.settings(), "outlets": {outlet: s.state() for outlet, s in self.outlets.items()}}

    @classmethod
    def from_state(cls, state: dict, stored: Callable[[str], dict | None] | None = None) -> "OutletTemplates":
        templates = cls(state["min_articles"], state["min_share"], state["min_outlet_articles"], stored)
        for outlet, s in state.get("outlets", {}).items():
            templates.outlets[outlet] = OutletStatistics.from_state(s)
        return templates


@dataclass(frozen=True)
class TemplateSnapshot:
    """Some outlets' template shapes as :class:`OutletTemplates` judged them at one point of the stream.

    All that cleaning those outlets' articles needs of the statistics, and small enough to send with each
    chunk to the processes that clean it: :meth:`is_template` answers as the statistics did."""

    shapes: dict[str, frozenset[int]]

    def is_template(self, outlet: str | None, line: str, normal: str | None = None) -> bool:
        keys = self.shapes.get(outlet) if outlet else None
        return bool(keys) and shape_key(line_shape(line, normal, MAX_SHAPE_CHARS)) in keys
