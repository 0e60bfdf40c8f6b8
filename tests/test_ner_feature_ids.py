"""The NER stage's fast feature ids (linimasa/nlp/ner_feature_ids.py) are those of TokenFeatures' strings, in
their order, so the word table's weight sums are the ones summing the strings' weights gives, bit for bit."""

import numpy as np
import pytest

from linimasa.nlp.crf import CrfModel
from linimasa.nlp.ner import CONTEXT_OFFSETS, EDGE_FEATURES, load_tagger
from linimasa.nlp.ner_scores import StateScores

# Words whose features take the rarer branches: glued brackets and quotes (their core's clusters and
# gazetteer roles), all capitals, digits, punctuation alone, accents, a line break, one letter, empty.
AWKWARD = ["(KPU)", "“Jakarta", "Jokowi,", "((", "PT.", "JOKOWI", "DPR", "A", "a", "12/5", "Rp1.500", "1990-an",
           "ÉCOLE", "Ümit", "São", "a\nb", "\n\n", "...", "—", "e-KTP", "iPhone", "ke-2", "#DPR", "", "X-Men"]


@pytest.fixture(scope="module")
def scores():
    tagger = load_tagger()
    return tagger, StateScores(CrfModel.read(tagger.model_path), tagger.features, tagger.style, CONTEXT_OFFSETS,
                               EDGE_FEATURES)


def vocabulary(model: CrfModel) -> list[str]:
    """Every word the model has a word feature for, in the cases news writes it, and the awkward ones."""
    words = {name[2:] for name in model.attribute_ids if name.startswith("w=")}
    return sorted(words | {w.title() for w in words} | {w.upper() for w in words} | set(AWKWARD))


def string_ids(tagger, model: CrfModel, word: str) -> tuple[list[int], ...]:
    features = tagger.features
    return tuple([model.attribute_ids[name] for name in names if name in model.attribute_ids]
                 for names in (features.own_features(word, tagger.style), *features.lent_features(word)))


def test_every_words_ids_are_those_of_its_feature_strings_in_order(scores):
    tagger, state_scores = scores
    model, ids = state_scores.model, state_scores.feature_ids
    words = vocabulary(model)
    slots = ids.columns(words)
    for i, word in enumerate(words):
        found = tuple([int(column[i]) for column in columns if column[i] != ids.pad] for columns in slots)
        assert found == string_ids(tagger, model, word), word


def test_a_batch_of_no_words_has_empty_columns(scores):
    _, state_scores = scores
    assert all(len(column) == 0 for columns in state_scores.feature_ids.columns([]) for column in columns)


def test_the_word_table_holds_the_weights_summed_in_feature_order(scores):
    tagger, state_scores = scores
    model = state_scores.model
    words = vocabulary(model)[::7] + AWKWARD
    state_scores._row_of.clear()
    state_scores._learn_words(set(words))
    for word in words:
        # one weight at a time, from 0.0, as crfsuite adds them
        expected = [np.zeros(len(model.labels)) for _ in range(len(CONTEXT_OFFSETS) + 1)]
        for slot, ids in enumerate(string_ids(tagger, model, word)):
            for attribute in ids:
                expected[slot] = expected[slot] + model.state_weights[attribute]
        row = state_scores._row_of[word]
        assert state_scores._own[row].tobytes() == expected[0].tobytes(), word
        assert state_scores._lent[row].tobytes() == np.stack(expected[1:]).tobytes(), word


def test_bigram_ids_are_those_of_the_bigram_strings(scores):
    """Each token's left and right bigram ids, looked up by word numbers, are the ids of the strings
    "-1|0=before|word" and "0|+1=word|after" (the pad where the model has none), at sentence edges too and
    for words that hold the "|" the feature names separate words with."""
    _, state_scores = scores
    model, bigrams = state_scores.model, state_scores.bigrams
    known = [name for name in model.attribute_ids if name.startswith(("-1|0=", "0|+1="))]
    words = sorted({part for name in known[::50] for part in name[5:].split("|")} | {"|", "lens", "rennes", "fc"})
    words += ["<s>", "</s>", "pemilu", "jakarta", "di", "presiden", "zzzunknown", "Jakarta"]
    before = [w for w in words for _ in words]
    after = [w for _ in words for w in words]
    numbers = {w: bigrams.number(w) for w in words}
    left = bigrams.left(np.array([numbers[w] for w in before]), np.array([numbers[w] for w in after]))
    right = bigrams.right(np.array([numbers[w] for w in before]), np.array([numbers[w] for w in after]))
    pad = bigrams.pad
    for b, a, found_left, found_right in zip(before, after, left.tolist(), right.tolist()):
        assert found_left == model.attribute_ids.get(f"-1|0={b}|{a}", pad), (b, a)
        assert found_right == model.attribute_ids.get(f"0|+1={b}|{a}", pad), (b, a)
    assert (left != pad).sum() > 0 and (right != pad).sum() > 0  # the pairs include known bigrams


def test_state_scores_add_the_bigrams_of_each_sentence_with_its_edges(scores):
    """Scores of several sentences at once equal the sum, in crfsuite's order, of each token's features'
    weights: its word table rows, the edges, its bigram strings (with "<s>" and "</s>" at the sentence's
    ends) and the first position's feature."""
    _, state_scores = scores
    model = state_scores.model
    sentences = [["Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."], ["Ia", "bertemu", "Menteri"], [],
                 ["di"], ["PSSI", "||", "FC", "|", "Rennes"]]
    weights = state_scores._padded_weights
    got = state_scores.of(sentences)
    for sentence, scores_of_sentence in zip(sentences, got):
        lowers = [w.lower() for w in sentence]
        for i, word in enumerate(sentence):
            expected = state_scores._own[state_scores._row_of[word]].copy()
            for k, offset in enumerate(CONTEXT_OFFSETS):
                j = i + offset
                if 0 <= j < len(sentence):
                    expected += state_scores._lent[state_scores._row_of[sentence[j]], k]
                else:
                    expected += state_scores._edges[k]
            previous = lowers[i - 1] if i else "<s>"
            following = lowers[i + 1] if i + 1 < len(sentence) else "</s>"
            expected += weights[model.attribute_ids.get(f"-1|0={previous}|{lowers[i]}", len(weights) - 1)]
            expected += weights[model.attribute_ids.get(f"0|+1={lowers[i]}|{following}", len(weights) - 1)]
            if i == 0:
                expected += state_scores._first
            assert scores_of_sentence[i].tobytes() == expected.tobytes(), (sentence, word)
