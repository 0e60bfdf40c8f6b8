"""Indonesian morphology: one lexeme gives its active, passive and nominal forms, and the trigger lexicon
knows them all."""

from __future__ import annotations

import pytest

from linimasa.events.lexicon import lexeme_entries, load_lexicon
from linimasa.lang.id.morphology import forms, nasal


@pytest.mark.parametrize("root, word", [
    ("temu", "menemui"), ("sambut", "menyambut"), ("kunjung", "mengunjungi"), ("pukul", "memukul"),
    ("bantu", "membantu"), ("datang", "mendatangi"), ("ajak", "mengajak"), ("hubung", "menghubungi"),
    ("lawat", "melawat"), ("cari", "mencari"), ("ganggu", "mengganggu"),
])
def test_the_nasal_of_men_takes_the_shape_of_the_roots_first_sound(root, word):
    derivation = "meN-i" if word.endswith("i") and not root.endswith("i") else "meN"
    assert [f.word for f in forms(root, [derivation])] == [word]


def test_pen_nouns_assimilate_like_men_verbs():
    assert nasal("tangkap", "pe") + "an" == "penangkapan"
    assert [f.word for f in forms("bicara", ["peN-an"])] == ["pembicaraan"]


def test_ber_and_per_lose_their_r_before_a_root_in_r():
    assert [f.word for f in forms("runding", ["ber", "per-an"])] == ["berunding", "perundingan"]


def test_passive_forms_are_marked_passive_and_nouns_nouns():
    made = {f.word: f for f in forms("temu", ["ber", "di-i", "per-an"])}
    assert made["ditemui"].voice == "passive" and made["bertemu"].voice == "active"
    assert made["pertemuan"].pos == "noun" and made["ditemui"].pos == "verb"


def test_an_unknown_derivation_is_an_error_that_names_it():
    with pytest.raises(ValueError, match="unknown derivation 'meN-x'"):
        forms("temu", ["meN-x"])


def test_a_lexeme_adds_only_the_forms_the_written_lexicon_lacks():
    written = {"CONSULT": [{"words": ["bertemu"], "pos": "verb", "mode": "meet", "next": ["dengan"]}]}
    made = lexeme_entries({"CONSULT": [{"root": "temu", "derivations": ["ber", "di-i"], "mode": "meet"}]}, written)
    assert made == {"CONSULT": [{"mode": "meet", "words": ["ditemui"], "pos": "verb", "lemma": "temu", "voice": "passive"}]}


def test_the_shipped_lexicon_knows_passive_and_nominal_forms_of_its_lexemes():
    lexicon = load_lexicon()
    assert any(r.type == "CONSULT" and r.voice == "passive" for r in lexicon.triggers.starting_with("ditemui"))
    assert any(r.type == "CONSULT" and r.mode == "visit" for r in lexicon.triggers.starting_with("menyambangi"))
    assert any(r.type == "COERCE" for r in lexicon.triggers.starting_with("penangkapan"))


def test_the_object_voice_after_a_pronoun_is_the_bare_root_with_kan():
    assert [f.word for f in forms("saran", ["root-kan"])] == ["sarankan"]
    assert any(r.type == "REQUEST" for r in load_lexicon().triggers.starting_with("sarankan"))
