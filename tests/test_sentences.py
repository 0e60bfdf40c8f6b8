from linimasa.config import Settings
from linimasa.model import Article
from linimasa.nlp.sentences import SentenceStage, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_splits_after_terminators_before_a_new_sentence():
    assert texts("Kerry tiba di Sochi. Ia bertemu Putin! Apa hasilnya? Belum jelas.") == [
        "Kerry tiba di Sochi.", "Ia bertemu Putin!", "Apa hasilnya?", "Belum jelas.",
    ]


def test_does_not_split_after_titles_and_abbreviations():
    text = "Dr. H. Ahmad menemui Prof. Budi di Jl. Merdeka No. 5 pada pukul 10.00 WIB."
    assert texts(text) == [text]


def test_does_not_split_inside_a_quotation():
    text = '"Kami siap. Kami akan datang besok," kata Menlu Rusia. Ia lalu pergi.'
    assert texts(text) == ['"Kami siap. Kami akan datang besok," kata Menlu Rusia.', "Ia lalu pergi."]


def test_a_quoted_sentence_ends_after_its_closing_quote():
    text = "Ia berkata, “Tidak ada pengganti dialog.” Kedua menteri itu lalu makan siang."
    assert texts(text) == ["Ia berkata, “Tidak ada pengganti dialog.”", "Kedua menteri itu lalu makan siang."]


def test_dateline_stays_in_the_first_sentence():
    text = "WASHINGTON, D.C., KOMPAS.com - Presiden AS tiba Selasa (12/5). Ia disambut."
    assert texts(text) == ["WASHINGTON, D.C., KOMPAS.com - Presiden AS tiba Selasa (12/5).", "Ia disambut."]


def test_line_breaks_end_sentences_even_without_a_stop():
    assert texts("Judul Berita Tanpa Titik\n\nIsi berita dimulai di sini.") == [
        "Judul Berita Tanpa Titik", "Isi berita dimulai di sini.",
    ]


def test_sentence_final_company_suffix_ends_a_sentence_before_a_capital():
    assert texts("Ia menjabat direktur PT Astra International Tbk. Sahamnya naik.") == [
        "Ia menjabat direktur PT Astra International Tbk.", "Sahamnya naik.",
    ]


def test_lowercase_after_a_stop_continues_the_sentence():
    text = "Harganya Rp 5 jt. per bulan."
    assert texts(text) == [text]


def test_sentence_spans_and_tokens_point_into_the_text():
    text = "  Menlu AS bertemu Lavrov.  Mereka berbicara empat jam.\n"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.tokens[0].start == sentence.start and sentence.tokens[-1].end == sentence.end
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text


def test_empty_text_has_no_sentences():
    assert split_sentences(" \n ") == []


def test_stage_fills_sentences_from_the_clean_text():
    article = Article(id="a", text="raw", clean_text="Satu kalimat. Dua kalimat.", lang="id")
    article = SentenceStage(Settings())(article)
    assert [s.text for s in article.sentences] == ["Satu kalimat.", "Dua kalimat."]


def test_a_numbered_list_item_keeps_its_number():
    assert texts("Syaratnya:\n1. Membawa KTP asli.\n2. Mengisi formulir.") == [
        "Syaratnya:", "1. Membawa KTP asli.", "2. Mengisi formulir.",
    ]
