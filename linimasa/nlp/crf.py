"""A crfsuite linear-chain CRF model read from its file, and inference over many sentences at once.

The NER stage tags every sentence of every article. Through pycrfsuite that costs a feature string per
feature per token, each converted and looked up in the model's attribute dictionary on every call (most of
the tagging time). Here the weights are read once into arrays, so that a caller can sum a word type's
weights once and reuse the sum (see :mod:`linimasa.nlp.ner_scores`); Viterbi decoding and the label
marginals then run over all the sentences of an article together, as array operations per position.

The model file format is crfsuite's "lCRF"/"FOMC" (``crf1d_model.c``): a header of offsets, a chunk of
features (type, source, destination, float64 weight; type 0 is attribute -> label, type 1 label -> label)
and constant-quark databases (CQDB) holding the label and attribute names with their ids.

The decoding follows crfsuite's: the best path keeps the first of equal scores, and the marginals come
from forward-backward passes over exponentiated scores, scaled at every position. Sums run in another
order than crfsuite's, so scores can differ in the last bits of a float64: the NER stage rounds marginals
to 6 digits (``SCORE_DIGITS``), and ``tests/test_crf.py`` checks labels and marginals against pycrfsuite.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sI8I")
_CHUNK = struct.Struct("<4sII")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("source", "<u4"), ("destination", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1
_TINY = np.finfo(float).tiny  # the smallest normal float64 (np.finfo is not free to call at every position)
# Sentences decoded together are grouped by length, at most this many at once: a group costs one array
# operation per position of its longest sentence.
GROUP_SIZE = 64


def _quark_names(buffer: bytes, offset: int) -> list[str]:
    """The names of a CQDB chunk, by id: its backward array holds, per id, the offset of the id's record
    (id, key size, key with a closing NUL)."""
    chunk, _size, _flag, _byte_order, count, backward = _CQDB_HEADER.unpack_from(buffer, offset)
    if chunk != b"CQDB":
        raise ValueError("not a crfsuite model: a name table is not a CQDB chunk")
    names = [""] * count
    for name_id, record in enumerate(struct.unpack_from(f"<{count}I", buffer, offset + backward)):
        key_size = struct.unpack_from("<I", buffer, offset + record + 4)[0]
        start = offset + record + 8
        names[name_id] = buffer[start : start + key_size - 1].decode("utf-8")
    return names


@dataclass(frozen=True)
class CrfModel:
    labels: tuple[str, ...]
    attribute_ids: dict[str, int]
    state_weights: np.ndarray  # (attributes, labels): the score an attribute adds to each label
    transitions: np.ndarray  # (labels, labels): the score of label j following label i

    @classmethod
    def read(cls, path: str | Path) -> CrfModel:
        buffer = Path(path).read_bytes()
        (magic, _size, kind, _version, _features, n_labels, n_attributes, features_at, labels_at, attributes_at,
         _label_refs, _attribute_refs) = _HEADER.unpack_from(buffer, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"{path} is not a crfsuite linear-chain CRF model")
        chunk, _chunk_size, count = _CHUNK.unpack_from(buffer, features_at)
        if chunk != b"FEAT":
            raise ValueError(f"{path}: the feature chunk is missing")
        features = np.frombuffer(buffer, dtype=_FEATURE, count=count, offset=features_at + _CHUNK.size)
        state_weights = np.zeros((n_attributes, n_labels))
        transitions = np.zeros((n_labels, n_labels))
        state = features[features["type"] == _STATE]
        state_weights[state["source"], state["destination"]] = state["weight"]
        moves = features[features["type"] == _TRANSITION]
        transitions[moves["source"], moves["destination"]] = moves["weight"]
        attributes = _quark_names(buffer, attributes_at)
        return cls(tuple(_quark_names(buffer, labels_at)), {name: i for i, name in enumerate(attributes)},
                   state_weights, transitions)

    def decode(self, sentences: list[np.ndarray]) -> list[tuple[list[str], list[float]]]:
        """Per sentence (an array of state scores, positions x labels): the best label sequence and, per
        position, the marginal probability of its label."""
        results: list[tuple[list[str], list[float]]] = [([], []) for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if len(s)), key=lambda i: len(sentences[i]))
        for first in range(0, len(order), GROUP_SIZE):
            group = order[first : first + GROUP_SIZE]
            for i, result in zip(group, self._decode_group([sentences[i] for i in group]), strict=True):
                results[i] = result
        return results

    def _decode_group(self, sentences: list[np.ndarray]) -> list[tuple[list[str], list[float]]]:
        """Arrays are laid out position-first, the group's sentences side by side and padded at their ends."""
        lengths = np.array([len(s) for s in sentences])
        longest, n_labels = int(lengths.max()), len(self.labels)
        states = np.zeros((longest, len(sentences), n_labels))
        for i, scores in enumerate(sentences):
            states[: len(scores), i] = scores
        inside = np.arange(longest)[:, None] < lengths[None, :]  # (position, sentence)
        paths = self._best_paths(states, lengths, inside)
        marginals = np.ones(paths.shape)  # of an all-O sentence's labels: never read
        outside = self.labels.index("O")
        tagged = np.flatnonzero(((paths != outside) & inside).any(axis=0))
        if len(tagged):
            tagged_marginals = self._marginals(states[:, tagged], lengths[tagged], inside[:, tagged])
            marginals[:, tagged] = np.take_along_axis(tagged_marginals, paths[:, tagged, None], axis=2)[:, :, 0]
        # converted to Python lists at once, not element by element per sentence
        labels = self.labels
        return [([labels[j] for j in path[:length]], scores[:length])
                for path, scores, length in zip(paths.T.tolist(), marginals.T.tolist(), lengths.tolist())]

    def _best_paths(self, states: np.ndarray, lengths: np.ndarray, inside: np.ndarray) -> np.ndarray:
        """Viterbi over a group, (position, sentence) -> label id; past its end a sentence's scores stay."""
        longest, count, n_labels = states.shape
        inside_labels = inside[:, :, None]
        best = states[0].copy()
        back = np.zeros((longest, count, n_labels), dtype=np.intp)
        transitions = self.transitions
        for t in range(1, longest):
            candidates = best[:, :, None] + transitions  # (sentence, previous, next)
            back[t] = candidates.argmax(axis=1)
            moved = candidates.max(axis=1)
            moved += states[t]
            np.copyto(best, moved, where=inside_labels[t])
        paths = np.zeros((longest, count), dtype=np.intp)
        sentences = np.arange(count)
        paths[lengths - 1, sentences] = best.argmax(axis=1)
        for t in range(longest - 1, 0, -1):
            paths[t - 1] = np.where(inside[t], back[t, sentences, paths[t]], paths[t - 1])
        return paths

    def _marginals(self, states: np.ndarray, lengths: np.ndarray, inside: np.ndarray) -> np.ndarray:
        """P(label at position | sentence) by scaled forward-backward, as crfsuite computes it. Padding
        scores nothing (its exponentiated state scores are 0), so its forward and backward values are 0."""
        longest, count, _ = states.shape
        exp_states = np.exp(states) * inside[:, :, None]
        exp_transitions = np.exp(self.transitions)
        forward = np.empty_like(states)
        scale = np.empty((longest, count, 1))
        alpha = exp_states[0]
        for t in range(longest):
            if t:
                alpha = (alpha @ exp_transitions) * exp_states[t]
            # crfsuite: 1 / sum, or 1 when the sum is 0 (padding here: any finite scale keeps its zeros)
            scale[t] = step_scale = 1.0 / np.maximum(alpha.sum(axis=1, keepdims=True), _TINY)
            forward[t] = alpha = alpha * step_scale
        backward = np.empty_like(states)
        ends_here = (np.arange(longest)[:, None] == lengths[None, :] - 1)[:, :, None]  # (position, sentence, 1)
        backward[longest - 1] = beta = scale[longest - 1] * ends_here[longest - 1]
        transposed = exp_transitions.T
        for t in range(longest - 2, -1, -1):
            # a sentence's last position starts its backward pass at its scale: the padding after it adds 0
            backward[t] = beta = ((beta * exp_states[t + 1]) @ transposed + ends_here[t]) * scale[t]
        return forward * backward / scale
