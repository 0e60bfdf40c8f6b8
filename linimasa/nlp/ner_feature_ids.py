"""The model's attribute ids of a word type's NER features, without building most of their strings.

:class:`~linimasa.nlp.ner.TokenFeatures` defines the features as strings, which is what training and
crfsuite's tagger need. The NER stage only needs the ids the model gives them, once per new word type
(:mod:`linimasa.nlp.ner_scores` sums their weights), and a worker meets tens of thousands of new types:
building ~50 strings a type and looking each up was a quarter of the stage's time. Here the features that
depend on a word's cluster ids, gazetteer roles or shape (two fifths of them, with few distinct values) are
looked up once per value and kept as ids; only the word's own strings (the word and its affixes) are built.

The ids come out in the order of ``TokenFeatures.own_features`` / ``lent_features``, features the model has
no weight for left out, so that their weights are summed in the same order and the sums are the same to the
last bit (tests/test_ner_scores.py compares the two on the model's whole vocabulary).
"""

from __future__ import annotations

from collections.abc import Sequence

from linimasa.nlp.ner_features import (
    CACHE_LIMIT,
    EDGE_PUNCTUATION,
    STYLED_PREFIXES,
    TokenFeatures,
    character_classes,
    fold_runs,
)

UNKNOWN_CLUSTERS = ("unk",)


class FeatureIds:
    """Attribute ids of a word's own features (in one annotation style) and of those it lends each neighbour
    at ``offsets``, as ``TokenFeatures`` with the same tables names them."""

    def __init__(self, features: TokenFeatures, attribute_ids: dict[str, int], style: str | None,
                 offsets: Sequence[int]):
        self.features = features
        self.attribute_ids = attribute_ids
        self.style = style
        self.offsets = tuple(offsets)
        self.marks = tuple(f"{offset:+d}" for offset in self.offsets)
        self._by_clusters: dict[tuple[str, ...], tuple[list[int], ...]] = {}
        self._by_roles: dict[tuple[str, ...], tuple[list[int], ...]] = {}
        self._by_classes: dict[str, tuple[list[int], ...]] = {}
        prefix = (style + "|") if style else None
        self._prefix = prefix
        self._bias = self._known(["bias"])
        self._style_bias = self._known([prefix + "bias"]) if prefix else []
        # Casing flags of the word itself: (own, styled copy, lent to the neighbours at distance 1)
        self._flags = {name: (self._known([name]), self._known([prefix + name]) if prefix else [],
                              [self._known([mark + name]) if abs(offset) == 1 else []
                               for mark, offset in zip(self.marks, self.offsets)])
                       for name in ("title", "upper")}
        self._digit = self._known(["digit"])
        self._punct = self._known(["punct"])

    def _known(self, names: Sequence[str]) -> list[int]:
        get = self.attribute_ids.get
        return [found for found in map(get, names) if found is not None]

    def _styled(self, names: list[str]) -> list[int]:
        return self._known([self._prefix + name for name in names if name.startswith(STYLED_PREFIXES)]) \
            if self._prefix else []

    def _cluster_ids(self, clusters: tuple[str, ...]) -> tuple[list[int], ...]:
        """(own, styled copies, then lent at each offset) ids of the cluster features of one cluster tuple."""
        found = self._by_clusters.get(clusters)
        if found is None:
            own = [f"c{i}={c}" for i, c in enumerate(clusters)]
            lent = [self._known([f"{mark}c{i}={c}" for i, c in enumerate(clusters[1:], start=1)]) for mark in self.marks]
            found = self._by_clusters[clusters] = (self._known(own), self._styled(own), *lent)
        return found

    def _role_ids(self, roles: tuple[str, ...]) -> tuple[list[int], ...]:
        """The same for gazetteer roles: lent only to the neighbours at distance 1."""
        found = self._by_roles.get(roles)
        if found is None:
            own = ["g=" + g for g in roles]
            lent = [self._known([mark + "g=" + g for g in roles]) if abs(offset) == 1 else []
                    for mark, offset in zip(self.marks, self.offsets)]
            found = self._by_roles[roles] = (self._known(own), self._styled(own), *lent)
        return found

    def _shape_ids(self, classes: str) -> tuple[list[int], ...]:
        """The same for the shape of a word with these character classes (kept by classes, not shape: a
        word's classes are cheaper to find than its shape, and few)."""
        found = self._by_classes.get(classes)
        if found is None:
            if len(self._by_classes) > CACHE_LIMIT:
                self._by_classes.clear()
            own = ["sh=" + fold_runs(classes)]
            found = self._by_classes[classes] = (self._known(own), self._styled(own),
                                                 *(self._known([mark + own[0]]) for mark in self.marks))
        return found

    def of(self, word: str) -> tuple[list[int], ...]:
        """The ids of ``own_features(word, style)``, then of each list of ``lent_features(word)``."""
        get = self.attribute_ids.get
        lower = word.lower()
        clusters = self.features.clusters.get(lower, UNKNOWN_CLUSTERS)
        roles = self.features.gazetteer.get(lower, ())
        cluster_ids, role_ids, shape_ids = self._cluster_ids(clusters), self._role_ids(roles), self._shape_ids(character_classes(word))
        word_id = get("w=" + lower)
        own = self._bias + ([word_id] if word_id is not None else []) + shape_ids[0]
        core = lower.strip(EDGE_PUNCTUATION)
        if core and core != lower:  # rare: glued brackets or quotes, spelled out as TokenFeatures does
            own += self._known(["core=" + core, *(f"corec{i}={c}" for i, c in enumerate(self.features.clusters.get(core, UNKNOWN_CLUSTERS))),
                                *("coreg=" + g for g in self.features.gazetteer.get(core, ()))])
        if len(lower) > 3:
            own += self._known(["p2=" + lower[:2], "p3=" + lower[:3], "s2=" + lower[-2:], "s3=" + lower[-3:]])
        if len(lower) > 5:
            own += self._known(["p4=" + lower[:4], "s4=" + lower[-4:]])
        casing = []
        if word.istitle():
            casing.append(self._flags["title"])
        if word.isupper() and len(word) > 1:
            casing.append(self._flags["upper"])
        for flag in casing:
            own += flag[0]
        if any(map(str.isdigit, word)):
            own += self._digit
        if not any(map(str.isalnum, word)):
            own += self._punct
        own += cluster_ids[0] + role_ids[0]
        if self._prefix:
            styled_word = get(self._prefix + "w=" + lower)
            own += ([styled_word] if styled_word is not None else []) + shape_ids[1]
            for flag in casing:
                own += flag[1]
            own += cluster_ids[1] + role_ids[1] + self._style_bias
        lent = []
        for k, mark in enumerate(self.marks):
            lent_word = get(mark + "w=" + lower)
            ids = ([lent_word] if lent_word is not None else []) + shape_ids[2 + k] + cluster_ids[2 + k] + role_ids[2 + k]
            for flag in casing:
                ids += flag[2][k]
            lent.append(ids)
        return (own, *lent)
