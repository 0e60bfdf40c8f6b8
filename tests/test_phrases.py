"""Phrases looked up by their first word (linimasa.nlp.phrases): the one look-up behind triggers, nickname
cues, ranks, agents, decision cues and topics."""

from linimasa.nlp.phrases import PhraseIndex


def words(text: str) -> list[str]:
    return text.lower().split()


RANKS = PhraseIndex.of_phrases(["Jenderal", "Mayor Jenderal", "Mayor", "Letnan Jenderal"])


def test_the_longest_phrase_at_a_word_wins():
    sentence = words("Kata Mayor Jenderal Andika kemarin")
    assert RANKS.longest_at(sentence, 1) == (2, ("mayor", "jenderal"))
    assert RANKS.longest_at(sentence, 2) == (1, ("jenderal",))


def test_a_word_that_starts_no_phrase_finds_nothing():
    assert RANKS.longest_at(words("Kata Andika kemarin"), 1) == (0, None)


def test_a_phrase_must_end_before_the_limit():
    sentence = words("Mayor Jenderal Andika")
    assert RANKS.longest_at(sentence, 0, end=1) == (1, ("mayor",))


def test_a_phrase_cut_off_by_the_end_of_the_sentence_does_not_match():
    assert PhraseIndex.of_phrases(["sapaan akrabnya"]).longest_at(words("kata sapaan"), 1) == (0, None)


def test_spans_do_not_overlap_and_read_left_to_right():
    cues = PhraseIndex.of((p.split(), label) for p, label in [("akrab disapa", "follows"), ("disapa", "short")])
    assert cues.spans(words("yang akrab disapa Owi , disapa pula")) == [(1, 3, "follows"), (5, 6, "short")]


def test_occurrences_may_start_inside_another_phrase():
    cues = PhraseIndex.of([(("akan", "segera"), "plan"), (("segera",), "soon")])
    assert cues.occurrences(words("akan segera bertemu")) == [(0, 2, "plan"), (1, 2, "soon")]
    assert cues.spans(words("akan segera bertemu")) == [(0, 2, "plan")]


def test_phrases_of_one_length_keep_their_given_order():
    index = PhraseIndex.of([(("bertemu",), "first"), (("bertemu",), "second"), (("bertemu", "dengan"), "long")])
    assert index.starting_with("bertemu") == ("long", "first", "second")


def test_following_words_can_be_compared_loosely():
    index = PhraseIndex.of([(("bertemu", "dengan"), "met with")])
    without_clitic = lambda word, phrase_word: word.removesuffix("nya") == phrase_word  # noqa: E731
    assert list(index.matches_at(["bertemu", "dengannya"], 0, same=without_clitic)) == [(2, "met with")]
    assert list(index.matches_at(["bertemu", "dengannya"], 0)) == []


def test_the_first_word_can_be_looked_up_by_another_key():
    index = PhraseIndex.of([(("pertemuan",), "meeting")])
    assert list(index.matches_at(["pertemuannya"], 0, first="pertemuan")) == [(1, "meeting")]


def test_an_empty_index_is_false_and_names_no_first_words():
    empty = PhraseIndex.of_phrases()
    assert not empty and empty.first_words == frozenset()
    assert empty.spans(words("apa saja")) == []
