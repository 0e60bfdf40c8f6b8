"""The candidate-recall diagnostic: which annotated events the trigger lexicon proposes at all."""

from __future__ import annotations

from linimasa.evaluation.candidates import candidate_recall
from linimasa.evaluation.gold import GoldArticle, GoldEvent, GoldLocation, GoldParticipant
from linimasa.evaluation.workbench import PreparedSplit
from linimasa.events.lexicon import load_lexicon
from linimasa.model import Article
from linimasa.nlp.sentences import split_sentences

TEXT = ("Menteri Luar Negeri Ani Wijaya bertemu Menteri Perdagangan Budi Santoso di Jakarta pada Senin. "
        "Polisi menggiring dua pemuda ke kantor polisi setelah keributan di pasar. "
        "Keduanya juga membahas harga beras.")


def event(kind: str, quote: str) -> GoldEvent:
    start = TEXT.index(quote)
    return GoldEvent(type=kind, mode=None, participants=[GoldParticipant("Ani Wijaya"), GoldParticipant("Budi Santoso")],
                     location=GoldLocation(), date=None, evidence=quote, evidence_span=(start, start + len(quote)))


def split(*events: GoldEvent) -> PreparedSplit:
    article = Article(id="a1", text=TEXT)
    article.clean_text = TEXT
    article.sentences = split_sentences(TEXT)
    return PreparedSplit("fixture", [GoldArticle("a1", None, list(events))], {"a1": article})


def test_an_event_whose_quote_holds_a_trigger_of_its_type_has_a_candidate():
    report = candidate_recall(split(event("CONSULT", "Ani Wijaya bertemu Menteri Perdagangan Budi Santoso")),
                              load_lexicon())
    assert report["types"]["CONSULT"]["in_evidence"] == 1
    assert report["types"]["CONSULT"]["recall_sentence"] == 1.0
    assert report["misses"] == []


def test_an_event_told_with_words_the_lexicon_lacks_is_a_miss_with_its_quote():
    quote = "Polisi menggiring dua pemuda ke kantor polisi"
    report = candidate_recall(split(event("COERCE", quote)), load_lexicon())
    assert report["types"]["COERCE"]["in_sentence"] == 0
    assert [m["evidence"] for m in report["misses"]] == [quote]


def test_a_trigger_of_another_type_is_counted_as_a_typing_problem():
    quote = "Ani Wijaya bertemu Menteri Perdagangan Budi Santoso"
    report = candidate_recall(split(event("AGREE", quote)), load_lexicon())
    assert report["types"]["AGREE"]["other_type"] == 1
    assert report["misses"][0]["triggers"] == ["CONSULT:bertemu"]
