"""The model's attribute ids of word types' NER features, for many new types at once.

:class:`~linimasa.nlp.ner.TokenFeatures` defines the features as strings, which is what training and
crfsuite's tagger need. The NER stage only needs the ids the model gives them, once per new word type
(:mod:`linimasa.nlp.ner_scores` sums their weights), and a worker meets tens of thousands of new types:
building ~50 strings a type and looking each up, a type at a time, was a quarter of the stage's time.

Here a batch of new types is handled feature by feature: each feature is a column of ids (one per type,
built by one comprehension over the batch), and a type without that feature (a short word has no
four-letter prefix) holds ``pad``, the id of a row of zero weights, in it. The features that depend only on
a type's cluster ids, gazetteer roles or character classes (two fifths, with few distinct values) are looked
up once per value. The columns come in the order of ``TokenFeatures.own_features`` / ``lent_features``, so
summing their weights column after column adds each type's weights in the same order as summing its
feature strings' (adding a zero changes no sum), and the sums are the same to the last bit
(tests/test_ner_feature_ids.py compares the two on the model's whole vocabulary).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from linimasa.nlp.ner_features import (
    CACHE_LIMIT,
    EDGE_PUNCTUATION,
    STYLED_PREFIXES,
    TokenFeatures,
    character_classes,
    fold_runs,
)

UNKNOWN_CLUSTERS = ("unk",)
AFFIXES = ((3, "p2=", slice(None, 2)), (3, "p3=", slice(None, 3)), (3, "s2=", slice(-2, None)),
           (3, "s3=", slice(-3, None)), (5, "p4=", slice(None, 4)), (5, "s4=", slice(-4, None)))  # (longer than, ...)


class FeatureIds:
    """Attribute ids of words' own features (in one annotation style) and of those they lend each neighbour
    at ``offsets``, as ``TokenFeatures`` with the same tables names them; ``pad`` where a word lacks one."""

    def __init__(self, features: TokenFeatures, attribute_ids: dict[str, int], style: str | None,
                 offsets: Sequence[int], pad: int):
        self.features = features
        self.attribute_ids = attribute_ids
        self.offsets = tuple(offsets)
        self.marks = tuple(f"{offset:+d}" for offset in self.offsets)
        self.pad = pad
        self.prefix = (style + "|") if style else None
        self.n_clusters = max(map(len, features.clusters.values()), default=1)
        self.n_roles = max(map(len, features.gazetteer.values()), default=0)
        self._by_clusters: dict[tuple[str, ...], tuple[int, ...]] = {}
        self._by_roles: dict[tuple[str, ...], tuple[int, ...]] = {}
        self._by_classes: dict[str, tuple[int, ...]] = {}

    def _id(self, name: str | None) -> int:
        found = self.attribute_ids.get(name) if name is not None else None
        return self.pad if found is None else found

    def _styled(self, name: str | None) -> str | None:
        """The style copy of a feature, for the features that get one."""
        return self.prefix + name if self.prefix and name is not None and name.startswith(STYLED_PREFIXES) else None

    # -- per value of a cluster tuple, a role tuple, a word's character classes: (own, styled, lent...) ------

    def _cluster_ids(self, clusters: tuple[str, ...]) -> tuple[int, ...]:
        found = self._by_clusters.get(clusters)
        if found is None:
            own = [f"c{i}={clusters[i]}" if i < len(clusters) else None for i in range(self.n_clusters)]
            lent = [f"{mark}c{i}={clusters[i]}" if i < len(clusters) else None
                    for mark in self.marks for i in range(1, self.n_clusters)]
            found = self._by_clusters[clusters] = tuple(map(self._id, own + [self._styled(n) for n in own] + lent))
        return found

    def _role_ids(self, roles: tuple[str, ...]) -> tuple[int, ...]:
        found = self._by_roles.get(roles)
        if found is None:
            own = [f"g={roles[i]}" if i < len(roles) else None for i in range(self.n_roles)]
            lent = [f"{mark}g={roles[i]}" if i < len(roles) else None
                    for mark, offset in zip(self.marks, self.offsets) if abs(offset) == 1 for i in range(self.n_roles)]
            found = self._by_roles[roles] = tuple(map(self._id, own + [self._styled(n) for n in own] + lent))
        return found

    def _shape_ids(self, classes: str) -> tuple[int, ...]:
        found = self._by_classes.get(classes)
        if found is None:
            if len(self._by_classes) > CACHE_LIMIT:
                self._by_classes.clear()
            own = "sh=" + fold_runs(classes)
            found = self._by_classes[classes] = tuple(map(self._id, [own, self._styled(own),
                                                                     *(mark + own for mark in self.marks)]))
        return found

    def _core_ids(self, lower: str) -> tuple[int, ...]:
        """The features of a word glued to brackets or quotes ("(KPU)") looked up by its core (rare)."""
        core = lower.strip(EDGE_PUNCTUATION)
        if not core or core == lower:
            return (self.pad,) * (1 + self.n_clusters + self.n_roles)
        clusters = self.features.clusters.get(core, UNKNOWN_CLUSTERS)
        roles = self.features.gazetteer.get(core, ())
        return tuple(map(self._id, ["core=" + core,
                                    *(f"corec{i}={clusters[i]}" if i < len(clusters) else None for i in range(self.n_clusters)),
                                    *("coreg=" + roles[i] if i < len(roles) else None for i in range(self.n_roles))]))

    # -- the columns ----------------------------------------------------------------------------------

    def columns(self, words: Sequence[str]) -> list[list[np.ndarray]]:
        """Per slot (the words' own features, then those lent at each offset), the id columns in feature order:
        ``columns(words)[slot][k][i]`` is the id of the k-th feature of ``words[i]`` in that slot, or ``pad``."""
        pad, n = self.pad, len(words)
        get = self.attribute_ids.get
        lowers = [word.lower() for word in words]
        table = self.features

        def column(values) -> np.ndarray:
            return np.fromiter(values, dtype=np.intp, count=n)

        def looked_up(names) -> np.ndarray:
            return column(get(name, pad) for name in names)

        def flag(present: list[bool], name: str | None) -> np.ndarray:
            found = self._id(name)
            return np.where(np.array(present, dtype=bool), found, pad) if n else np.zeros(0, dtype=np.intp)

        def block(rows: list[tuple[int, ...]], width: int) -> np.ndarray:
            return np.array(rows, dtype=np.intp).reshape(n, width)

        clusters = block([self._cluster_ids(table.clusters.get(lower, UNKNOWN_CLUSTERS)) for lower in lowers],
                         2 * self.n_clusters + len(self.marks) * (self.n_clusters - 1))
        n_lent_roles = sum(abs(offset) == 1 for offset in self.offsets)
        roles = block([self._role_ids(table.gazetteer.get(lower, ())) for lower in lowers],
                      (2 + n_lent_roles) * self.n_roles)
        shapes = block([self._shape_ids(character_classes(word)) for word in words], 2 + len(self.marks))
        cores = block([self._core_ids(lower) for lower in lowers], 1 + self.n_clusters + self.n_roles)
        title = [word.istitle() for word in words]
        upper = [word.isupper() and len(word) > 1 for word in words]
        nc, nr = self.n_clusters, self.n_roles

        own = [np.full(n, self._id("bias"), dtype=np.intp), looked_up("w=" + lower for lower in lowers), shapes[:, 0],
               *cores.T]
        for longer_than, name, part in AFFIXES:
            own.append(column(get(name + lower[part], pad) if len(lower) > longer_than else pad for lower in lowers))
        own += [flag(title, "title"), flag(upper, "upper"), flag([any(map(str.isdigit, w)) for w in words], "digit"),
                flag([not any(map(str.isalnum, w)) for w in words], "punct"), *clusters[:, :nc].T, *roles[:, :nr].T]
        if self.prefix:
            own += [looked_up(self.prefix + "w=" + lower for lower in lowers), shapes[:, 1],
                    flag(title, self._styled("title")), flag(upper, self._styled("upper")),
                    *clusters[:, nc : 2 * nc].T, *roles[:, nr : 2 * nr].T, np.full(n, self._id(self.prefix + "bias"), dtype=np.intp)]

        slots = [own]
        lent_roles = iter(range(n_lent_roles))
        for k, (mark, offset) in enumerate(zip(self.marks, self.offsets)):
            first_cluster = 2 * nc + k * (nc - 1)
            lent = [looked_up(mark + "w=" + lower for lower in lowers), shapes[:, 2 + k],
                    *clusters[:, first_cluster : first_cluster + nc - 1].T]
            if abs(offset) == 1:
                first_role = (2 + next(lent_roles)) * nr
                lent += [*roles[:, first_role : first_role + nr].T, flag(title, mark + "title"),
                         flag(upper, mark + "upper")]
            slots.append(lent)
        return slots
