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
        self._row_of: dict[str, int] = {}
        self._own = np.zeros((1024, n_labels))
        self._lent = np.zeros((1024, len(self.offsets), n_labels))

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
        n_offsets = len(self.offsets)
        targets: list[int] = []  # row of the flattened (word, slot) table; slot 0 = own, 1.. = lent per offset
        ids: list[int] = []
        for row, word in enumerate(sorted(words), start=first_row):
            self._row_of[word] = row
            for slot, names in enumerate((self.features.own_features(word, self.style), *self.features.lent_features(word))):
                found = self._ids(names)
                ids += found
                targets += [row * (n_offsets + 1) + slot] * len(found)
        sums = np.zeros((len(words) * (n_offsets + 1), len(self.model.labels)))
        np.add.at(sums, np.array(targets, dtype=np.intp) - first_row * (n_offsets + 1), self.model.state_weights[ids])
        sums = sums.reshape(len(words), n_offsets + 1, -1)
        self._own[first_row:needed] = sums[:, 0]
        self._lent[first_row:needed] = sums[:, 1:]

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
        rows = np.fromiter((self._row_of[w] for w in words), dtype=np.intp, count=len(words))
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
        self._add_bigrams(scores, sentences)
        scores[position == 0] += self._first
        return np.split(scores, np.cumsum(lengths)[:-1])

    def _add_bigrams(self, scores: np.ndarray, sentences: Sequence[Sequence[str]]) -> None:
        """The weights of the word bigrams on either side of each token that the model knows."""
        attribute_ids = self.model.attribute_ids
        positions: list[int] = []
        ids: list[int] = []
        at = 0
        for sentence in sentences:
            lowers = [w.lower() for w in sentence]
            for i, (previous, word, following) in enumerate(zip(["<s>", *lowers], lowers, [*lowers[1:], "</s>"])):
                left = attribute_ids.get("-1|0=" + previous + "|" + word)
                if left is not None:
                    positions.append(at + i)
                    ids.append(left)
                right = attribute_ids.get("0|+1=" + word + "|" + following)
                if right is not None:
                    positions.append(at + i)
                    ids.append(right)
            at += len(sentence)
        if ids:
            np.add.at(scores, np.array(positions, dtype=np.intp), self.model.state_weights[ids])
