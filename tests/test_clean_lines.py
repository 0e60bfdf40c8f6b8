"""Cleaning rules on texts written for these tests (public facts, our own wording)."""

import copy
import json
import pickle

import pytest

from linimasa.clean import CleanStage, clean_article
from linimasa.clean.html import html_to_text
from linimasa.clean.langid import LanguageStage, identify
from linimasa.model import Article

BODY = [
    "Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada Senin (3/4/2023).",
    "Bendungan itu diharapkan mengairi ribuan hektare sawah di tiga kabupaten sekitarnya.",
    "Menurut Kementerian PUPR, pembangunan bendungan memakan waktu empat tahun.",
]


def clean(text: str, **fields) -> Article:
    return clean_article(Article(id="t", text=text, **fields))


def test_widget_lines_are_cut_and_recorded():
    text = "\n".join(["A", "A", "A", BODY[0], "SCROLL TO CONTINUE WITH CONTENT", BODY[1], "Bagikan :", "Komentar"])
    article = clean(text, title="Bendungan Baru")
    assert article.clean_text == BODY[0] + "\n\n" + BODY[1]
    assert {r["reason"] for r in article.removed} == {"boilerplate"}
    assert len(article.removed) == 6


def test_baca_juga_lines_become_related_links():
    text = "\n".join([BODY[0], "Baca juga: Harga Beras Naik Jelang Lebaran", BODY[1], "Baca Juga:", "Banjir Rendam Sawah", BODY[2]])
    article = clean(text, title="Bendungan Baru")
    assert article.related_links == ["Harga Beras Naik Jelang Lebaran", "Banjir Rendam Sawah"]
    assert article.clean_text.split("\n\n") == BODY


def test_sentence_starting_with_baca_is_content_when_no_label_separator():
    line = "Baca tulis Al-Quran diajarkan di sekolah itu sejak 2010."
    assert clean(line, title="Sekolah").clean_text == line


def test_repeated_paragraph_block_kept_once():
    text = "\n".join(BODY + BODY[1:])
    article = clean(text, title="Bendungan Baru")
    assert article.clean_text.split("\n\n") == BODY
    assert [r["reason"] for r in article.removed] == ["repeated paragraph"] * 2


@pytest.mark.parametrize(
    "opening, place, outlet",
    [
        ("SEMARANG - ", "SEMARANG", None),
        ("SEMARANG, KOMPAS.com – ", "SEMARANG", "KOMPAS.com"),
        ("Semarang (ANTARA) - ", "Semarang", "ANTARA"),
        ("TEMPO.CO, Semarang - ", "Semarang", "TEMPO.CO"),
        ("Semarang | Contoh.co – ", "Semarang", "Contoh.co"),
        ("Jakarta, CNN Indonesia - - ", "Jakarta", "CNN Indonesia"),
        ("Warta - ", None, "Warta"),
    ],
)
def test_dateline_is_cut_into_place_and_outlet(opening, place, outlet):
    article = clean(opening + BODY[0] + "\n" + BODY[1], title="Bendungan Baru")
    assert article.dateline["place"] == place
    assert article.dateline["outlet"] == outlet
    assert article.clean_text.startswith(BODY[0])
    assert article.text[article.dateline["start"]:article.dateline["end"]] == opening.strip()


def test_hyphenated_or_named_opening_is_not_a_dateline():
    for line in ("AS-Rusia sepakat melanjutkan dialog di Jenewa.", "Presiden Jokowi - yang hadir - membuka acara."):
        article = clean(line, title="Dialog")
        assert article.dateline is None
        assert article.clean_text == line


def test_credits_become_metadata():
    text = "\n".join([
        "Budi Santoso", "Penulis",
        BODY[0], BODY[1], BODY[2] + " (abc/de)",
        "Editor: Siti Rahma",
        "Sumber : Reuters",
    ])
    article = clean(text, title="Bendungan Baru")
    assert sorted(article.credits["editors"]) == ["Siti Rahma", "abc/de"]
    assert article.credits["wire"] == ["Reuters"]
    assert article.credits["authors"] == ["Budi Santoso"]
    assert article.clean_text.split("\n\n") == BODY


def test_sentence_beginning_with_a_credit_word_stays():
    line = "Sumber di kepolisian mengatakan tersangka sudah ditahan sejak Jumat."
    article = clean(line, title="Tersangka Ditahan")
    assert article.clean_text == line
    assert article.credits["wire"] == []


def test_trailing_wire_name_is_a_credit():
    article = clean(BODY[0] + "\n" + BODY[1] + " Reuters", title="Bendungan Baru")
    assert article.clean_text.endswith(BODY[1])
    assert article.credits["wire"] == ["Reuters"]


def test_inline_attribution_is_recorded_and_kept():
    line = "Melansir Reuters, Senin (3/4/2023), bendungan itu menjadi yang terbesar di provinsi tersebut."
    article = clean(line, title="Bendungan")
    assert article.clean_text == line
    assert article.credits["wire"] == ["Reuters"]
    assert article.published == "2023-04-03"
    assert article.metadata["published_source"] == "text"


def test_publication_stamp_fills_published_only_when_missing():
    text = "Contoh.com - 03/04/2023, 14:05 WIB\n" + BODY[0]
    article = clean(text, title="Bendungan Baru")
    assert article.published == "2023-04-03T14:05:00+07:00"
    assert article.clean_text == BODY[0]
    given = clean(text, title="Bendungan Baru", published="2023-04-04")
    assert given.published == "2023-04-04"
    assert "published_source" not in given.metadata


def test_title_from_first_line_and_not_repeated():
    article = clean("Bendungan Baru Diresmikan\n\n" + "\n".join(BODY))
    assert article.title == "Bendungan Baru Diresmikan"
    assert article.clean_text.split("\n\n") == BODY
    given = clean("Bendungan Baru Diresmikan\n" + BODY[0], title="Bendungan Baru Diresmikan")
    assert given.clean_text == BODY[0]


def test_boilerplate_title_is_replaced_by_the_headline():
    article = clean("Judul Sebenarnya Berita Ini\n" + BODY[0], title="Baca berita tanpa iklan. Gabung Contoh+")
    assert article.title == "Judul Sebenarnya Berita Ini"
    assert article.clean_text == BODY[0]


def test_clean_text_lines_all_come_from_the_input():
    text = "Judul\nSEMARANG - " + BODY[0] + "\n\nBaca juga: Lain\n" + BODY[1] + " (xy)\nShare:"
    article = clean(text)
    for line in article.clean_text.split("\n"):
        assert line in text


def test_outlet_templates_are_learned_from_the_stream():
    footer = "Ikuti saluran Warta Kita untuk kabar terbaru setiap pagi"
    villages = ["Sukamaju", "Cibodas", "Tegalsari", "Karanganyar", "Sidomulyo", "Mekarsari", "Sumberejo", "Banjarsari"]
    goods = ["beras", "minyak goreng", "gula", "telur", "tepung"]
    chunk = [
        Article(id=f"{village}-{good}", outlet="Warta Kita", title=f"Bantuan {good}",
                text=f"Warga desa {village} menerima bantuan {good} dari pemerintah daerah.\n{footer}")
        for village in villages for good in goods
    ]
    stage = CleanStage()
    stage.observe(chunk)
    cleaned = [stage(a) for a in chunk]
    assert all(footer not in a.clean_text for a in cleaned)
    assert all(a.clean_text.startswith("Warga desa") for a in cleaned)
    assert cleaned[0].removed[-1]["reason"] == "outlet template"

    restored = CleanStage()
    restored.load_template_state(json.loads(json.dumps(stage.template_state())))  # as the store keeps it
    other = restored(Article(id="x", outlet="Warta Kita", title="Cabai", text="Harga cabai turun di pasar induk.\n" + footer))
    assert other.clean_text == "Harga cabai turun di pasar induk."


def test_a_stage_that_adopts_what_another_learned_cleans_as_that_one_does():
    footer = "Ikuti saluran Warta Kita untuk kabar terbaru setiap pagi"
    villages = ["Sukamaju", "Cibodas", "Tegalsari", "Karanganyar", "Sidomulyo", "Mekarsari"]
    goods = ["beras", "minyak goreng", "gula", "telur", "tepung"]
    chunk = [Article(id=f"{village}-{good}", outlet="Warta Kita", title=f"Bantuan {good}",
                     text=f"Warga desa {village} menerima bantuan {good}.\n{footer}") for village in villages for good in goods]
    chunk.append(Article(id="other", outlet="Suara Lain", title="Lain", text=f"Kabar dari kota lain.\n{footer}"))
    learner = CleanStage()
    learner.observe(chunk)
    learned = learner.learned_for(chunk)
    assert set(learned.shapes) == {"warta kita"}  # an outlet seen too few times has no templates yet
    elsewhere = CleanStage()  # as in a worker process: it never saw the stream
    elsewhere.adopt(pickle.loads(pickle.dumps(learned)))
    for article in chunk:
        here, there = learner(copy.deepcopy(article)), elsewhere(copy.deepcopy(article))
        assert (there.clean_text, there.removed) == (here.clean_text, here.removed)
    assert footer not in learner(copy.deepcopy(chunk[0])).clean_text
    assert footer in learner(copy.deepcopy(chunk[-1])).clean_text


def test_duplicated_rows_do_not_make_content_look_like_template():
    sentence = "Gubernur meninjau lokasi banjir di pinggiran kota bersama bupati setempat."
    chunk = [Article(id=str(i), outlet="Warta Kita", title="Lain", text=f"Berita nomor {i} tentang hal lain.") for i in range(40)]
    chunk += [Article(id=f"d{i}", outlet="Warta Kita", title="Banjir", text=sentence) for i in range(10)]
    stage = CleanStage()
    stage.observe(chunk)
    assert stage(chunk[-1]).clean_text == sentence


def test_html_to_text_keeps_the_article_and_finds_metadata():
    paragraphs = "".join(f"<p>{s}</p>" for s in BODY)
    html = (
        "<html><head><title>Bendungan Baru</title></head><body><nav>Beranda | Nasional</nav>"
        f"<article><h1>Bendungan Baru</h1>{paragraphs}</article></body></html>"
    )
    text, found = html_to_text(html)
    assert all(s in text for s in BODY)
    assert "Beranda" not in text
    assert found["title"] == "Bendungan Baru"


def test_an_indonesian_report_about_malaysia_is_indonesian_and_malay_news_stays_malay():
    report = ("Mantan Perdana Menteri Malaysia Mahathir Mohamad bertemu Anwar Ibrahim di kediamannya di Kuala Lumpur, "
              "Kamis (10/5/2018). Pertemuan itu berlangsung tertutup.")
    assert identify(report)[0] == "id"
    news = ("Perdana Menteri Datuk Seri Anwar Ibrahim berkata kerajaan akan menaikkan gaji penjawat awam mulai "
            "Disember. Beliau berkata demikian ketika berucap di Putrajaya semalam.")
    assert identify(news)[0] == "ms"


def test_language_identification_tells_indonesian_from_malay_and_english():
    assert identify(" ".join(BODY))[0] == "id"
    malay = "Polis Diraja Malaysia menahan tiga lelaki bagi membantu siasatan berhubung kejadian samun semalam."
    assert identify(malay)[0] == "ms"
    assert identify("The dam was opened by the president on Monday after four years of work.")[0] == "en"
    assert identify("Oke") == ("und", 0.0)


def test_language_stage_keeps_the_input_language():
    stage = LanguageStage(None)
    given = stage(Article(id="a", text=" ".join(BODY), lang="en"))
    assert given.lang == "en" and given.metadata["lang_detected"] == "id"
    guessed = stage(Article(id="b", text=" ".join(BODY)))
    assert guessed.lang == "id" and guessed.metadata["lang_score"] > 0.5
    assert guessed.metadata["lang_supported"] and not given.metadata["lang_supported"]


@pytest.mark.parametrize(
    "closing, field, value",
    [
        (" (T.E006/A058)", "editors", "T.E006/A058"),
        (" [Contoh.com]", "wire", "Contoh.com"),
        (" (ugo / djm)", "editors", "ugo/djm"),
    ],
)
def test_closing_codes_and_bracketed_sources_are_credits(closing, field, value):
    article = clean(BODY[0] + "\n" + BODY[1] + closing, title="Bendungan Baru")
    assert article.clean_text.endswith(BODY[1])
    assert article.credits[field] == [value]


def test_source_line_naming_several_sources():
    article = clean(BODY[0] + "\nSumber berita Reuters dan Contoh Daily.", title="Bendungan Baru")
    assert article.clean_text == BODY[0]
    assert article.credits["wire"] == ["Reuters", "Contoh Daily"]


def test_attribution_takes_only_the_capitalised_source_name():
    line = "Seperti dilansir Contoh Teknologi dalam sebuah acara, ponsel itu dijual bulan depan."
    assert clean(line, title="Ponsel").credits["wire"] == ["Contoh Teknologi"]


def test_all_capitals_text_is_still_indonesian():
    shouting = "SELAMAT MALAM, SELAMAT DATANG DI ACARA KAMI. MALAM INI KITA AKAN MEMBAHAS PEMBANGUNAN BENDUNGAN BARU DI JAWA TENGAH BERSAMA PARA NARASUMBER."
    assert identify(shouting)[0] == "id"


@pytest.mark.parametrize(
    "closing, field, value",
    [(" (EVY)", "editors", "EVY"), (" (Sanny Cicilia)", "authors", "Sanny Cicilia"), (" (AFP)", "wire", "AFP")],
)
def test_parenthesis_after_the_last_sentence_is_a_credit(closing, field, value):
    article = clean(BODY[0] + "\n" + BODY[1] + closing, title="Bendungan Baru")
    assert article.clean_text.endswith(BODY[1])
    assert article.credits[field] == [value]


def test_parenthesis_inside_the_last_sentence_is_text():
    last = "Proyek itu dikerjakan PT Contoh Karya (Persero)."
    article = clean(BODY[0] + "\n" + last, title="Bendungan Baru")
    assert article.clean_text.endswith(last)


def test_combined_and_reporter_credit_lines():
    text = "\n".join(["Laporan Wartawan Contoh.com, Dewi Lestari", BODY[0], "Penulis: Ani Wijaya | Editor: Budi Hartono"])
    article = clean(text, title="Bendungan Baru")
    assert article.clean_text == BODY[0]
    assert article.credits["authors"] == ["Dewi Lestari", "Ani Wijaya"]
    assert article.credits["editors"] == ["Budi Hartono"]


def test_syndication_note_is_boilerplate():
    text = BODY[0] + "\nArtikel ini telah tayang di Contoh.com dengan judul \"Bendungan Baru Diresmikan\""
    assert clean(text, title="Bendungan Baru").clean_text == BODY[0]


@pytest.mark.parametrize(
    "opening, place, outlet",
    [("SURABAYA, contohkota.net - ", "SURABAYA", "contohkota.net"), ("Jakarta, iContoh.id - ", "Jakarta", "iContoh.id")],
)
def test_lower_case_domains_are_dateline_outlets(opening, place, outlet):
    article = clean(opening + BODY[0], title="Bendungan Baru")
    assert (article.dateline["place"], article.dateline["outlet"]) == (place, outlet)


@pytest.mark.parametrize(
    "line", ["[Gambas:Video Contoh]", "Follow Berita Contoh di Google News", 'Baca artikel contohnews, "Judul" selengkapnya https://contoh.id/x']
)
def test_embed_and_follow_prompts_are_boilerplate(line):
    assert clean(BODY[0] + "\n" + line, title="Bendungan Baru").clean_text == BODY[0]


def test_bracketed_wire_on_its_own_line_is_a_credit():
    article = clean(BODY[0] + "\n(Reuters)", title="Bendungan Baru")
    assert article.clean_text == BODY[0] and article.credits["wire"] == ["Reuters"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Masuk untuk pertama kalinya ke final, tim itu langsung menang.",
        "Unduh aplikasi pemerintah itu wajib bagi pelaku perjalanan udara.",
        "Hak cipta atas lagu itu kini dipegang sebuah label rekaman.",
    ],
)
def test_sentences_that_open_like_widgets_are_kept(sentence):
    assert clean(BODY[0] + "\n" + sentence, title="Bendungan Baru").clean_text.endswith(sentence)


def test_abbreviation_closing_an_unfinished_sentence_is_text():
    last = "Inflasi tahunan tercatat 2,65 persen (yoy)"
    article = clean(BODY[0] + "\n" + last, title="Inflasi")
    assert article.clean_text.endswith(last) and article.credits["editors"] == []


def test_untitled_article_opening_with_its_lead_keeps_it_and_is_named_by_its_first_sentence():
    article = clean("SEMARANG - " + " ".join(BODY[:2]) + "\n" + BODY[2])
    assert article.clean_text.startswith(BODY[0])
    assert article.title == BODY[0]
    assert article.metadata["title_source"] == "lead"


def test_bracketed_related_link_closing_a_paragraph_is_cut():
    article = clean(BODY[0] + " (Baca: Harga Beras Naik Jelang Lebaran)\n" + BODY[1], title="Bendungan Baru")
    assert article.clean_text.split("\n\n") == BODY[:2]
    assert article.related_links == ["Harga Beras Naik Jelang Lebaran"]


def test_antara_code_with_initials_is_a_credit():
    article = clean(BODY[0] + "\n(T.AB-CD/N005)", title="Bendungan Baru")
    assert article.clean_text == BODY[0] and article.credits["editors"] == ["T.AB-CD/N005"]


def test_cleaning_twice_gives_the_same_result():
    text = "Judul Berita Bendungan\nSEMARANG - " + BODY[0] + "\nBaca juga: Lain\n" + BODY[1] + " (abc)\nShare:"
    once = clean(text)
    snapshot = (once.clean_text, once.title, once.dateline, once.credits, once.related_links, len(once.removed))
    twice = clean_article(once)
    assert (twice.clean_text, twice.title, twice.dateline, twice.credits, twice.related_links, len(twice.removed)) == snapshot
