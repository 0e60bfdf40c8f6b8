"""The NER model's token features: what a word says about itself and lends its neighbours.

:class:`TokenFeatures` names the features as strings (what training and crfsuite's tagger see);
:mod:`linimasa.nlp.ner_feature_ids` computes the model's ids of the same features faster, for the stage.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Sequence

CONTEXT_OFFSETS = (-2, -1, 1, 2)
EDGE_FEATURES = tuple(f"{offset:+d}edge" for offset in CONTEXT_OFFSETS)  # a neighbour beyond the sentence
CACHE_LIMIT = 200_000  # word types kept in a feature cache before it is cleared
_SHAPE_RUNS = re.compile(r"(.)\1+")
_ASCII_CLASSES = str.maketrans(
    {**dict.fromkeys(string.ascii_uppercase, "X"), **dict.fromkeys(string.ascii_lowercase, "x"),
     **dict.fromkeys(string.digits, "d")}
)
EDGE_PUNCTUATION = "()[]{}\"'“”‘’.,;:!?"
STYLED_PREFIXES = ("w=", "sh=", "c1=", "c2=", "g=", "title", "upper")  # features that also get a style copy


def word_shape(word: str) -> str:
    """Character classes with repeats folded: "Jakarta" -> "Xx", "12/5" -> "d/d", "PT" -> "X"."""
    return fold_runs(character_classes(word))


def character_classes(word: str) -> str:
    """Each character as its class: "Jakarta" -> "Xxxxxxx" (many words share theirs: a cache key)."""
    if word.isascii():  # most words: one table look-up a character
        return word.translate(_ASCII_CLASSES)
    return "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word)


def fold_runs(classes: str) -> str:
    """Repeated classes once: "Xxxxxxx" -> "Xx"."""
    if "\n" in classes:  # a run of line breaks is not folded
        return _SHAPE_RUNS.sub(r"\1", classes)
    return "".join(character for character, _ in itertools.groupby(classes))


class TokenFeatures:
    """CRF features for token sequences, from word clusters and a gazetteer of token roles.

    ``clusters`` maps a lowercased word to its cluster ids at several granularities; ``gazetteer`` maps a
    lowercased word to the roles it plays in known names ("LOC-B", "PER-I", ...).

    A word type is analysed once: its own features (with their style copies) and the features it lends
    each neighbour are cached together, so a sentence costs list concatenations, not string work.
    """

    def __init__(
        self,
        clusters: dict[str, tuple[str, ...]],
        gazetteer: dict[str, tuple[str, ...]],
        known: frozenset[str] | None = None,
    ):
        self.clusters = clusters
        self.gazetteer = gazetteer
        # With a trained model's attribute set, features it has no weight for are dropped as they are made:
        # the labels stay the same and the CRF has far fewer strings to look up.
        self.known = known
        self._own: dict[tuple[str, str | None], list[str]] = {}
        self._around: dict[str, tuple[list[str], ...]] = {}

    def clear_cache(self) -> None:
        self._own.clear()
        self._around.clear()

    def own(self, word: str, style: str | None = None) -> list[str]:
        """Features of the word itself at the current position, plus their copies conjoined with an
        annotation style (a corpus's guidelines) when ``style`` is given."""
        key = (word, style)
        cached = self._own.get(key)
        if cached is None:
            if len(self._own) > CACHE_LIMIT:
                self._own.clear()
            cached = self._own[key] = self._keep_known(self.own_features(word, style))
        return cached

    def own_features(self, word: str, style: str | None = None) -> list[str]:
        """What :meth:`own` returns, computed afresh and not limited to the model's attributes."""
        features = self._word_features(word)
        if style:
            prefix = style + "|"
            features = features + [prefix + f for f in features if f.startswith(STYLED_PREFIXES)]
            features.append(prefix + "bias")
        return features

    def _keep_known(self, features: list[str]) -> list[str]:
        if self.known is None:
            return features
        return [f for f in features if f in self.known]

    def around(self, word: str) -> tuple[list[str], ...]:
        """Features the word lends its neighbours, one list per offset in ``CONTEXT_OFFSETS``."""
        cached = self._around.get(word)
        if cached is None:
            if len(self._around) > CACHE_LIMIT:
                self._around.clear()
            cached = self._around[word] = tuple(self._keep_known(features) for features in self.lent_features(word))
        return cached

    def lent_features(self, word: str) -> tuple[list[str], ...]:
        """What :meth:`around` returns, computed afresh and not limited to the model's attributes."""
        lower, shape = word.lower(), word_shape(word)
        return tuple(self._neighbour_features(word, lower, shape, offset) for offset in CONTEXT_OFFSETS)

    def _word_features(self, word: str) -> list[str]:
        lower = word.lower()
        features = ["bias", "w=" + lower, "sh=" + word_shape(word)]
        core = lower.strip(EDGE_PUNCTUATION)
        if core and core != lower:
            # A word glued to brackets or quotes ("(KPU)") is looked up by its core as well.
            features.append("core=" + core)
            features += [f"corec{i}={c}" for i, c in enumerate(self.clusters.get(core, ("unk",)))]
            features += ["coreg=" + g for g in self.gazetteer.get(core, ())]
        if len(lower) > 3:
            features += ["p2=" + lower[:2], "p3=" + lower[:3], "s2=" + lower[-2:], "s3=" + lower[-3:]]
        if len(lower) > 5:
            features += ["p4=" + lower[:4], "s4=" + lower[-4:]]
        if word.istitle():
            features.append("title")
        if word.isupper() and len(word) > 1:
            features.append("upper")
        if any(map(str.isdigit, word)):
            features.append("digit")
        if not any(map(str.isalnum, word)):
            features.append("punct")
        features += [f"c{i}={c}" for i, c in enumerate(self.clusters.get(lower, ("unk",)))]
        features += ["g=" + g for g in self.gazetteer.get(lower, ())]
        return features

    def _neighbour_features(self, word: str, lower: str, shape: str, offset: int) -> list[str]:
        mark = f"{offset:+d}"
        features = [mark + "w=" + lower, mark + "sh=" + shape]
        clusters = self.clusters.get(lower, ("unk",))
        features += [f"{mark}c{i}={c}" for i, c in enumerate(clusters[1:], start=1)]
        if abs(offset) == 1:
            features += [mark + "g=" + g for g in self.gazetteer.get(lower, ())]
            if word.istitle():
                features.append(mark + "title")
            if word.isupper() and len(word) > 1:
                features.append(mark + "upper")
        return features

    def sequence(self, tokens: Sequence[str], style: str | None = None) -> list[list[str]]:
        """One feature list per token of a sentence, plus style-conjoined copies when a style is given."""
        n = len(tokens)
        lowers = [t.lower() for t in tokens]
        known = self.known
        around = [self.around(t) for t in tokens]
        before_2, before_1, after_1, after_2 = EDGE_FEATURES
        items = []
        for i, token in enumerate(tokens):
            features = self.own(token, style) + (around[i - 2][0] if i > 1 else [before_2])
            features += around[i - 1][1] if i else [before_1]
            features += around[i + 1][2] if i + 1 < n else [after_1]
            features += around[i + 2][3] if i + 2 < n else [after_2]
            previous = lowers[i - 1] if i else "<s>"
            following = lowers[i + 1] if i + 1 < n else "</s>"
            for bigram in ("-1|0=" + previous + "|" + lowers[i], "0|+1=" + lowers[i] + "|" + following):
                if known is None or bigram in known:
                    features.append(bigram)
            if i == 0:
                features.append("first")
            items.append(features)
        return items
