"""The NER model's label scores for every token of an article, summed per word type once.

A token's state score in the CRF is the sum of the weights of its features (:class:`TokenFeatures`): its own
word's, those its neighbours up to two positions away lend it, the two word bigrams around it, and whether
it starts the sentence. All but the bigrams and the sentence start depend on one word type alone, so their
weight sums are computed once per type (a row of ``own`` and of ``lent``) and a sentence costs a few array
operations, not a string per feature per token for crfsuite to look up.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from linimasa.nlp.crf import CrfModel
from linimasa.nlp.ner_feature_ids import FeatureIds

CACHE_LIMIT = 200_000  # word types whose sums are kept before the table is cleared


class StateScores:
    """State scores (positions x labels) of token sequences under one model and annotation style."""

    def __init__(self, model: CrfModel, features, style: str | None, context_offsets: Sequence[int],
                 edge_features: Sequence[str]):
        self.model = model
        self.features = features
        self.style = style
        self.offsets = tuple(context_offsets)
        n_labels = len(model.labels)
        self._edges = np.array([self._weights([name]) for name in edge_features])  # (offsets, labels)
        self._first = self._weights(["first"])
        # the model's weights and a row of zeros after them: the id of a feature a word or bigram lacks
        self._padded_weights = np.vstack([model.state_weights, np.zeros((1, n_labels))])
        self.feature_ids = FeatureIds(features, model.attribute_ids, style, self.offsets, len(self._padded_weights) - 1)
        self._row_of: dict[str, int] = {}
        self._own = np.zeros((1024, n_labels))
        self._lent = np.zeros((1024, len(self.offsets), n_labels))
        self.bigrams = BigramIds(model.attribute_ids, len(self._padded_weights) - 1)
        self._bigram_word = np.zeros(1024, dtype=np.int64)  # per row: its lowercased word's number in ``bigrams``

    def _weights(self, names: Sequence[str]) -> np.ndarray:
        ids = self._ids(names)
        return self.model.state_weights[ids].sum(axis=0) if ids else np.zeros(len(self.model.labels))

    def _ids(self, names: Sequence[str]) -> list[int]:
        return [found for found in map(self.model.attribute_ids.get, names) if found is not None]

    def _learn_words(self, words: set[str]) -> None:
        """Adds the sums of the words' own and lent features to the table."""
        first_row = len(self._row_of)
        needed = first_row + len(words)
        if needed > len(self._own):
            capacity = max(needed, 2 * len(self._own))
            self._own = np.resize(self._own, (capacity, *self._own.shape[1:]))
            self._lent = np.resize(self._lent, (capacity, *self._lent.shape[1:]))
            self._bigram_word = np.resize(self._bigram_word, capacity)
        ordered = sorted(words)
        self._row_of.update(zip(ordered, range(first_row, needed)))
        self._bigram_word[first_row:needed] = [self.bigrams.number(word.lower()) for word in ordered]
        own, *lent = (self._sums_in_order(columns) for columns in self.feature_ids.columns(ordered))
        self._own[first_row:needed] = own
        self._lent[first_row:needed] = np.stack(lent, axis=1)

    def _sums_in_order(self, columns: list[np.ndarray]) -> np.ndarray:
        """Per word, the sum of the weights of its features, added one at a time in feature order from 0.0
        (as crfsuite does, and the sums are the same to the last bit): column after column, a missing
        feature adding the padding row of zeros."""
        weights = self._padded_weights
        sums = np.zeros((len(columns[0]) if columns else 0, weights.shape[1]))
        for ids in columns:
            sums += weights[ids]
        return sums

    def of(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """One array of state scores per sentence, in order."""
        words = [word for sentence in sentences for word in sentence]
        if not words:
            return [np.zeros((0, len(self.model.labels))) for _ in sentences]
        new = set(words).difference(self._row_of)
        if len(self._row_of) + len(new) > CACHE_LIMIT:
            self._row_of.clear()
            new = set(words)
        if new:
            self._learn_words(new)
        rows = np.fromiter(map(self._row_of.__getitem__, words), dtype=np.intp, count=len(words))
        lengths = np.array([len(s) for s in sentences])
        starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
        position = np.arange(len(words)) - starts  # within its sentence
        length = np.repeat(lengths, lengths)
        scores = self._own[rows].copy()
        for k, offset in enumerate(self.offsets):
            neighbour = position + offset
            inside = (neighbour >= 0) & (neighbour < length)
            scores[inside] += self._lent[rows[np.flatnonzero(inside) + offset], k]
            scores[~inside] += self._edges[k]
        self._add_bigrams(scores, rows, position == 0, position == length - 1)
        scores[position == 0] += self._first
        ends = np.cumsum(lengths).tolist()
        return [scores[end - length : end] for end, length in zip(ends, lengths.tolist())]

    def _add_bigrams(self, scores: np.ndarray, rows: np.ndarray, first: np.ndarray, last: np.ndarray) -> None:
        """The weights of the word bigrams on either side of each token that the model knows: the left one,
        then the right one (the order crfsuite adds them in). A bigram the model does not know adds the
        padding row of zeros, which leaves a score as it was. ``first`` / ``last``: the positions that start /
        end their sentence (their neighbour there is "<s>" / "</s>")."""
        words = self._bigram_word[rows]
        previous = np.empty_like(words)
        previous[1:] = words[:-1]
        previous[first] = self.bigrams.sentence_start
        following = np.empty_like(words)
        following[:-1] = words[1:]
        following[last] = self.bigrams.sentence_end
        scores += self._padded_weights[self.bigrams.left(previous, words)]
        scores += self._padded_weights[self.bigrams.right(words, following)]


class BigramIds:
    """The model's ids of word-bigram features ("-1|0=di|jakarta", "0|+1=di|jakarta"), looked up by array
    operations over an article's tokens instead of a string built and looked up per token.

    Every word that occurs in a bigram the model knows gets a number (the others share one that occurs in
    none); a bigram is then the key ``left * size + right``, found in the sorted keys of the known ones. A
    feature name can contain "|" inside a word ("-1|0=lens||"): every split of it into two words is a key,
    so a pair is found exactly when its feature string is a known attribute."""

    LEFT, RIGHT = "-1|0=", "0|+1="

    def __init__(self, attribute_ids: dict[str, int], pad: int):
        self.pad = pad
        pairs: dict[str, list[tuple[str, str, int]]] = {self.LEFT: [], self.RIGHT: []}
        for name, attribute in attribute_ids.items():
            for prefix, found in pairs.items():
                if name.startswith(prefix):
                    rest = name[len(prefix):]
                    found += [(rest[:cut], rest[cut + 1:], attribute) for cut, c in enumerate(rest) if c == "|"]
        self._number = {w: i for i, w in enumerate(sorted({w for found in pairs.values() for a, b, _ in found
                                                              for w in (a, b)}))}
        self.unknown = len(self._number)
        self.size = self.unknown + 1
        self.sentence_start, self.sentence_end = self.number("<s>"), self.number("</s>")
        self._tables = {prefix: self._table(found) for prefix, found in pairs.items()}

    def number(self, lowered_word: str) -> int:
        return self._number.get(lowered_word, self.unknown)

    def _table(self, found: list[tuple[str, str, int]]) -> tuple[np.ndarray, np.ndarray]:
        keys = np.array([self._number[a] * self.size + self._number[b] for a, b, _ in found], dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        return keys[order], np.array([attribute for _, _, attribute in found], dtype=np.intp)[order]

    def left(self, before: np.ndarray, words: np.ndarray) -> np.ndarray:
        """Per position, the id of the bigram (word before, word), or ``pad``."""
        return self._ids(self._tables[self.LEFT], before, words)

    def right(self, words: np.ndarray, after: np.ndarray) -> np.ndarray:
        """Per position, the id of the bigram (word, word after), or ``pad``."""
        return self._ids(self._tables[self.RIGHT], words, after)

    def _ids(self, table: tuple[np.ndarray, np.ndarray], first: np.ndarray, second: np.ndarray) -> np.ndarray:
        keys, attributes = table
        wanted = first * self.size + second
        if not len(keys):
            return np.full(len(wanted), self.pad, dtype=np.intp)
        at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        return np.where(keys[at] == wanted, attributes[at], self.pad)
