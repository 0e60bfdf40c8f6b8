"""The "untuk" of an envoy's title names where the envoy is sent, it is no purpose: "Duta Besar Korea Utara untuk
PBB X menuding ..." tells an accusation made, while "mengirim utusan untuk bertemu ..." tells a meeting to come."""

from __future__ import annotations

import re

import pytest

from linimasa.events.detect import find_triggers
from linimasa.events.lexicon import load_lexicon
from linimasa.events.modality import classify_modality


def modalities(sentence: str, event_type: str) -> list[str]:
    tokens = list(re.finditer(r"[\w-]+|[^\w\s]", sentence))
    words = [t.group().lower() for t in tokens]
    lexicon = load_lexicon()
    found = find_triggers(words, [t.start() for t in tokens], [t.end() for t in tokens], lexicon)
    return [classify_modality(words, m, lexicon) for m in found if m.rule.type == event_type]


@pytest.mark.parametrize("sentence, event_type", [
    ("Duta Besar Korea Utara untuk PBB Ja Song-nam menuding Dewan Keamanan menutup mata.", "ACCUSE"),
    ("Dubes RI untuk Malaysia Rusdi mengecam perlakuan majikan terhadap pekerja migran.", "ACCUSE"),
    ("Utusan Khusus PBB untuk Suriah Mistura bertemu Menteri Luar Negeri Walid Muallem.", "CONSULT"),
])
def test_an_envoys_title_is_no_purpose(sentence, event_type):
    assert modalities(sentence, event_type) == ["asserted"]


@pytest.mark.parametrize("sentence", [
    "Pemerintah mengirim utusan untuk bertemu Presiden Filipina.",
    "Presiden menunjuk duta besar baru untuk menemui Perdana Menteri Jepang.",
    "Ketua partai datang ke Jakarta untuk bertemu Presiden.",
])
def test_a_purpose_right_before_the_verb_is_still_to_come(sentence):
    assert modalities(sentence, "CONSULT") == ["future"]
