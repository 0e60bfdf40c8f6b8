"""The KB alias scan finds the same aliases in a sentence whether it is written in ASCII (folded at once) or
holds other characters (folded word by word), with the same case rules."""

import pytest

from linimasa.kb.matcher import PhraseIndex


@pytest.fixture(scope="module")
def index():
    built = PhraseIndex()
    built.add("Korea Selatan", "country", "KOR")
    built.add("Jakarta", "place", "jakarta")
    built.add("Sri Mulyani Indrawati", "person", "Q1")
    built.add("Sri Mulyani", "person", "Q1")
    built.add("AS", "country", "USA")
    built.add("Reykjavík", "place", "reykjavik")
    return built


def found(index, text):
    return [(m.text, [e.ref for e in m.entries]) for m in index.scan(text)]


@pytest.mark.parametrize("ascii_text", [
    "Menkeu Sri Mulyani Indrawati terbang ke Korea Selatan dari Jakarta, Senin.",
    "Delegasi AS dan Korea Selatan bertemu di JAKARTA; sri mulyani tidak hadir.",
    "Pejabat yang dikenal sebagai Sri Mulyani itu berkata as soon as possible.",
])
def test_an_ascii_sentence_and_the_same_with_a_curly_quote_find_the_same_aliases(index, ascii_text):
    quoted = "“" + ascii_text + "”"  # non-ASCII: folded word by word
    shift = [(text, refs) for text, refs in found(index, quoted)]
    assert found(index, ascii_text) == shift
    assert found(index, ascii_text)  # each sentence names something


def test_case_rules_hold_on_the_ascii_path(index):
    assert found(index, "Korea Selatan dan AS") == [("Korea Selatan", ["KOR"]), ("AS", ["USA"])]
    assert found(index, "korea selatan as") == []  # a capitalised alias needs its capitals; "as" is no country


def test_an_accented_alias_is_found_written_without_its_accent(index):
    assert found(index, "Ia tiba di Reykjavik kemarin.") == [("Reykjavik", ["reykjavik"])]
    assert found(index, "Ia tiba di Reykjavík kemarin.") == [("Reykjavík", ["reykjavik"])]
