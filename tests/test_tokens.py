from linimasa.nlp.tokens import tokenize, token_strings


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_dates_times_and_decimals_stay_single_tokens():
    text = "Pada Selasa (12/5) pukul 09:31 WIB, pada 22/1/2022 harga naik 1,24 persen menjadi 1.500.000."
    assert words(text) == [
        "Pada", "Selasa", "(", "12/5", ")", "pukul", "09:31", "WIB", ",", "pada", "22/1/2022", "harga",
        "naik", "1,24", "persen", "menjadi", "1.500.000", ".",
    ]


def test_titles_and_abbreviations_keep_their_full_stop():
    text = "Dr. H. Ahmad, S.H., M.Si. memimpin PT Bank Rakyat Indonesia Tbk. di Jl. Sudirman No. 5."
    assert words(text) == [
        "Dr.", "H.", "Ahmad", ",", "S.H.", ",", "M.Si.", "memimpin", "PT", "Bank", "Rakyat", "Indonesia",
        "Tbk.", "di", "Jl.", "Sudirman", "No.", "5", ".",
    ]


def test_hyphenated_words_and_reduplication_are_one_token():
    assert words("Negara-negara itu mengirim e-KTP untuk kedua kali-kalinya, yang ke-2.") == [
        "Negara-negara", "itu", "mengirim", "e-KTP", "untuk", "kedua", "kali-kalinya", ",", "yang", "ke-2", ".",
    ]


def test_sentence_final_stop_after_a_word_is_its_own_token():
    assert words("Kerry tiba di Sochi, Rusia.") == ["Kerry", "tiba", "di", "Sochi", ",", "Rusia", "."]


def test_currency_outlets_urls_and_initials():
    text = "JAKARTA, KOMPAS.com - B. J. Habibie membayar Rp1.500 lihat https://example.com/a?b=1."
    assert words(text) == [
        "JAKARTA", ",", "KOMPAS.com", "-", "B.", "J.", "Habibie", "membayar", "Rp", "1.500", "lihat",
        "https://example.com/a?b=1", ".",
    ]


def test_offsets_point_into_the_text_and_shift_by_offset():
    text = "Menlu AS  John Kerry\nbertemu “Lavrov”."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
    shifted = tokenize(text, offset=100)
    assert [t.start - 100 for t in shifted] == [t.start for t in tokenize(text)]


def test_token_strings_match_tokenize():
    text = "Harga minyak turun 2,5% pada 09:31 (12/5)... kata Menteri ESDM."
    assert token_strings(text) == words(text)


def test_domains_e_mail_and_acronyms_cut_as_written_in_any_order_of_dots_and_letters():
    """The domain, e-mail and dotted-acronym alternatives never give back letters of a word (a dot or "@"
    cannot follow a letter they gave back), so they cut text exactly as the same patterns with backtracking
    quantifiers do: compared on random strings of letters, dots, "@" and spaces."""
    import random
    import re

    from linimasa.nlp.tokens import _ALTERNATIVES, _abbreviation_alternative

    backtracking = [alt.replace("++", "+").replace("}+", "}") if alt else None for alt in _ALTERNATIVES]
    pattern = re.compile("|".join(f"(?:{_abbreviation_alternative() if p is None else p})" for p in backtracking))
    rng = random.Random(19)
    pieces = ["a", "b", "co", "com", "id", "go", "net", "S", "H", "Kom", ".", ".", "@", " ", "-", "1", "É", "_"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        assert [t.text for t in tokenize(text)] == pattern.findall(text), text
    assert words("kirim ke redaksi@detik.com atau detik.com.") == ["kirim", "ke", "redaksi@detik.com", "atau",
                                                                 "detik.com", "."]
