"""Properties of cleaning that hold for any input: it never adds text, and every cut is accounted for."""

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.clean import clean_article
from linimasa.model import Article

PIECES = [
    "Presiden meresmikan bendungan baru di Jawa Tengah pada Senin (3/4/2023).",
    "SEMARANG, Contoh.com – Warga menyambut kedatangan rombongan di lokasi.",
    "Baca juga: Harga Beras Naik Jelang Lebaran",
    "Baca Juga:",
    "SCROLL TO CONTINUE WITH CONTENT",
    "A",
    "Bagikan :",
    "Penulis",
    "Budi Santoso",
    "Sumber : Reuters",
    "Contoh.com - 03/04/2023, 14:05 WIB",
    "Pembangunan bendungan memakan waktu empat tahun. (abc/de)",
    "* * *",
    "Melansir Reuters, Senin (3/4/2023), bendungan itu yang terbesar.",
]

lines = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=80)), max_size=25)
separators = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"])


@settings(max_examples=100, deadline=None)
@given(lines, separators, st.one_of(st.none(), st.sampled_from(PIECES), st.text(max_size=40)))
def test_clean_text_is_made_only_of_input_text(body_lines, separator, title):
    text = separator.join(body_lines)
    article = clean_article(Article(id="p", text=text, title=title))
    for line in article.clean_text.split("\n"):
        assert line in text
    for cut in article.removed:
        assert text[cut["start"]:cut["end"]] == cut["text"]
    if article.dateline:
        assert text[article.dateline["start"]:article.dateline["end"]] == article.dateline["text"]
