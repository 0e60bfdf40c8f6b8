"""The NER stage's own CRF inference (linimasa/nlp/crf.py, ner_scores.py) gives crfsuite's labels and marginals."""

import pytest

from linimasa.nlp.crf import CrfModel
from linimasa.nlp.ner import SCORE_DIGITS, load_tagger

SENTENCES = [
    "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Istana Bogor , Senin ( 12/5 ) .".split(),
    "Ketua KPK datang ke Surabaya .".split(),
    [],
    ["Jakarta"],
    "Menlu Retno Marsudi menerima kunjungan Menteri Luar Negeri Jepang di Gedung Pancasila , Jakarta .".split(),
    "“ Kami membahas kerja sama ekonomi , ” kata Wakil Ketua DPR RI Fadli Zon usai pertemuan di Senayan .".split(),
    "PT Pertamina ( Persero ) dan Bank Indonesia menandatangani nota kesepahaman di Kantor Pusat BI .".split(),
    ["BUMN", "e-KTP", "negara-negara", "1990-an", "Rp1.500", "#DPR", "|", "a|b"],
    ("Kerry tiba di Sochi untuk bertemu Putin dan Lavrov " * 12).split(),  # longer than the others
]


def crfsuite_reference(tagger, tokens):
    if not tokens:
        return [], []
    crfsuite = tagger._tagger
    labels = crfsuite.tag(tagger.features.sequence(tokens, tagger.style))
    return labels, [crfsuite.marginal(label, i) if label != "O" else 1.0 for i, label in enumerate(labels)]


def test_the_model_file_is_read_with_crfsuites_labels_attributes_and_weights():
    tagger = load_tagger()
    model = CrfModel.read(tagger.model_path)
    info = tagger._tagger.info()
    assert set(model.labels) == set(info.labels)
    assert set(model.attribute_ids) >= tagger.attributes()
    label_id = {label: i for i, label in enumerate(model.labels)}
    for (attribute, label), weight in list(info.state_features.items())[:2000]:
        assert model.state_weights[model.attribute_ids[attribute], label_id[label]] == pytest.approx(weight, abs=1e-6)
    for (previous, following), weight in info.transitions.items():
        assert model.transitions[label_id[previous], label_id[following]] == pytest.approx(weight, abs=1e-6)


def test_labels_and_marginals_are_crfsuites_whether_sentences_come_alone_or_together():
    tagger = load_tagger()
    together = tagger.tag_sentences_with_scores(SENTENCES)
    for tokens, (labels, scores) in zip(SENTENCES, together, strict=True):
        expected_labels, expected_scores = crfsuite_reference(tagger, tokens)
        assert labels == expected_labels == tagger.tag(tokens) if tokens else labels == []
        assert [round(s, SCORE_DIGITS) for s in scores] == [round(s, SCORE_DIGITS) for s in expected_scores]
        alone_labels, alone_scores = tagger.tag_with_scores(tokens)
        # batched matrix products round differently in the last bits: the stage keeps SCORE_DIGITS
        assert alone_labels == labels
        assert [round(s, SCORE_DIGITS) for s in alone_scores] == [round(s, SCORE_DIGITS) for s in scores]
    assert any(label != "O" for labels, _ in together for label in labels)
