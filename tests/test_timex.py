"""Indonesian temporal expressions: recognition, normalisation, anchoring and event dating.

Every text here is written for the test; the real seed articles are exercised in test_timex_seeds.py.
"""

from __future__ import annotations

import datetime as dt

import pytest

from linimasa.model import Article, Mention
from linimasa.nlp.timex import (TimeStage, date_for_event, find_times, resolve_anchor, tenure_year_range,
                                times_command_output)

MAY_13_2015 = dt.date(2015, 5, 13)  # a Wednesday


def found(text: str, anchor: dt.date | None = MAY_13_2015, year_range=None) -> dict[str, tuple]:
    return {t.text: (t.type, t.value) for t in find_times(text, anchor, year_range)}


def only(text: str, anchor: dt.date | None = MAY_13_2015, year_range=None):
    expressions = find_times(text, anchor, year_range)
    assert len(expressions) == 1, [e.text for e in expressions]
    return expressions[0]


@pytest.mark.parametrize("text, expected_text, value", [
    ("Menteri itu tiba pada Selasa (12/5) di Sochi.", "Selasa (12/5)", "2015-05-12"),
    ("Rapat digelar Rabu (15/10/2014) di Jakarta.", "Rabu (15/10/2014)", "2014-10-15"),
    ("Keduanya bertemu (20 Mei) di Oslo.", "20 Mei", "2015-05-20"),
    ("Pemilu digelar 9 April 2014 serentak.", "9 April 2014", "2014-04-09"),
    ("Aturan berlaku sejak 01/03/2015.", "01/03/2015", "2015-03-01"),
    ("Kontrak itu diteken pada Juni 2021.", "Juni 2021", "2021-06"),
    ("Harga naik pada awal 2014.", "awal 2014", "2014"),
    ("Sengketa mulai di penghujung 2013.", "penghujung 2013", "2013"),
    ("Sidang ditunda hingga pertengahan Juni.", "pertengahan Juni", "2015-06"),
    ("Proyek rampung akhir tahun.", "akhir tahun", "2015"),
    ("Data dirilis pada tahun 2012.", "tahun 2012", "2012"),
    ("Musik era 1990-an kembali populer.", "era 1990-an", "199"),
])
def test_dates_are_read_at_the_precision_the_text_gives(text, expected_text, value):
    expression = only(text)
    assert (expression.text, expression.type, expression.value) == (expected_text, "DATE", value)


@pytest.mark.parametrize("phrase, value", [
    ("kemarin", "2015-05-12"), ("hari ini", "2015-05-13"), ("besok", "2015-05-14"), ("lusa", "2015-05-15"),
    ("dua hari lalu", "2015-05-11"), ("tiga tahun silam", "2012"), ("pekan lalu", "2015-W19"),
    ("minggu depan", "2015-W21"), ("bulan lalu", "2015-04"), ("tahun lalu", "2014"), ("tahun ini", "2015"),
    ("akhir pekan", "2015-W20-WE"), ("Kamis lalu", "2015-05-07"), ("Juli lalu", "2014-07"),
    ("Oktober mendatang", "2015-10"), ("setengah abad lalu", "PAST_REF"), ("beberapa tahun lalu", "PAST_REF"),
    ("tanggal 20 Mei ini", "2015-05-20"),
])
def test_relative_expressions_count_from_the_anchor(phrase, value):
    assert only(f"Ia mengatakan hal itu {phrase} kepada wartawan.").value == value


@pytest.mark.parametrize("phrase, value", [
    ("empat jam", "PT4H"), ("1 jam dan 45 menit", "PT1H45M"), ("90 menit", "PT90M"), ("dua pekan", "P2W"),
    ("setengah jam", "PT30M"), ("1,5 jam", "PT1H30M"), ("sepekan", "P1W"), ("dua belas tahun", "P12Y"),
    ("beberapa hari", "PXD"), ("bertahun-tahun", "PXY"), ("lima tahun terakhir", "P5Y"),
])
def test_durations_become_iso_durations(phrase, value):
    expression = only(f"Pembahasan itu berlangsung {phrase} di gedung parlemen.")
    assert (expression.type, expression.value) == ("DURATION", value)


@pytest.mark.parametrize("phrase, value, flags", [
    ("setiap tahun", "P1Y", []), ("tiap Senin", "XXXX-WXX-1", []), ("per bulan", "P1M", []),
    ("dua kali setahun", "P1Y", ["freq:2X"]),
])
def test_sets(phrase, value, flags):
    expression = only(f"Festival itu digelar {phrase} di alun-alun.")
    assert (expression.type, expression.value, expression.flags) == ("SET", value, flags)


@pytest.mark.parametrize("text, expected_text, type_, value", [
    ("Ekonomi tumbuh 5 persen pada kuartal III 2014.", "kuartal III 2014", "DATE", "2014-Q3"),
    ("Laba naik pada semester pertama tahun ini.", "semester pertama tahun ini", "DATE", "2015-H1"),
    ("Harga dibuka melemah pagi ini di Tokyo.", "pagi ini", "TIME", "2015-05-13TMO"),
    ("Bursa ditutup menguat pada sore hari ini.", "sore hari ini", "TIME", "2015-05-13TAF"),
    ("Minggu lalu harga sudah turun.", "Minggu lalu", "DATE", "2015-W19"),
    ("Ia berangkat pada Minggu lalu ke Bali.", "Minggu lalu", "DATE", "2015-05-10"),
    ("Harga minyak akhir-akhir ini turun.", "akhir-akhir ini", "DATE", "PAST_REF"),
])
def test_parts_of_years_and_days_and_the_week_that_opens_a_sentence(text, expected_text, type_, value):
    expression = only(text)
    assert (expression.text, expression.type, expression.value) == (expected_text, type_, value)


def test_a_count_before_a_stated_time_counts_from_it_when_it_is_fine_enough():
    times = find_times("Konsumsi naik pada 2012 dibanding setahun sebelumnya.", MAY_13_2015)
    assert [(t.text, t.value) for t in times] == [("2012", "2012"), ("setahun sebelumnya", "2011")]
    times = find_times("Bunga naik tahun ini. Sepekan sebelumnya bunga juga naik.", MAY_13_2015)
    assert times[-1].value == "2015-W19"  # a year is too coarse to count a week from: the anchor is used


def test_both_ends_of_a_date_range_are_dates_with_the_year_written_once():
    times = find_times("Pameran digelar 18-20 Juli 2014, lalu 30 November - 2 Desember 2016.", MAY_13_2015)
    assert [(t.text, t.value) for t in times] == [
        ("18", "2014-07-18"), ("20 Juli 2014", "2014-07-20"),
        ("30 November", "2016-11-30"), ("2 Desember 2016", "2016-12-02")]


def test_a_weekday_range_is_a_weekly_pattern_not_a_date():
    assert [t.value for t in find_times("Layanan buka Senin-Jumat pukul 08.00.", MAY_13_2015)][:2] == [
        "XXXX-WXX-1", "XXXX-WXX-5"]
    assert only("Apel digelar setiap hari Senin di halaman.").value == "XXXX-WXX-1"


def test_clock_times_carry_their_zone_and_the_date_beside_them():
    times = find_times("Diperbarui 22/01/2022, 09:31 WIB. Rapat dimulai pukul 8 malam.", MAY_13_2015)
    assert [(t.text, t.type, t.value) for t in times] == [
        ("22/01/2022", "DATE", "2022-01-22"),
        ("09:31 WIB", "TIME", "2022-01-22T09:31+07:00"),
        ("pukul 8 malam", "TIME", "2015-05-13T20:00"),
    ]
    # where each clock time's day comes from: the date beside it, or only the anchor
    assert [t.basis for t in times[1:]] == ["clock", "anchor_clock"]


@pytest.mark.parametrize("text", [
    "Anggaran itu mencapai Rp 16,8 triliun tahun depan.",
    "Tim tamu menang 2-1 dalam laga itu.",
    "Inflasi naik 12/5 persen menurut hitungan kasar.",
    "Hal itu diatur dalam Pasal 12 ayat 3.",
    "Ketentuan ada dalam UU No 13 Tahun 2003 tentang ketenagakerjaan.",
    "Sebanyak 2014 peserta mendaftar.",
])
def test_money_scores_fractions_and_article_numbers_are_not_dates(text):
    values = [(t.text, t.value) for t in find_times(text, MAY_13_2015)]
    assert all(not any(ch.isdigit() for ch in t) or v in ("2016", "2003") for t, v in values), values
    assert "12/5" not in [t for t, _ in values]
    assert not any(t.startswith("13 Tahun") or t.startswith("12") for t, _ in values)


def test_a_weekday_the_date_does_not_have_is_flagged_with_the_consistent_alternative():
    expression = only("Pertemuan berlangsung pada Jumat (22/1/2022) di Jenewa.")
    assert expression.value == "2022-01-22"
    assert expression.flags == ["weekday_conflict"]
    assert expression.alternatives == ["2022-01-21"]


def test_a_matching_weekday_raises_no_flag():
    assert only("Pertemuan berlangsung pada Kamis (20/1/2022).").flags == []


def test_a_yearless_day_without_anchor_keeps_an_unknown_year():
    assert only("Mereka bertemu Selasa (12/5).", anchor=None).value == "XXXX-05-12"


def test_weekday_and_tenure_pin_the_year_when_only_one_fits():
    expression = only("Mereka bertemu Selasa (12/5).", anchor=None, year_range=(2013, 2017))
    assert expression.value == "2015-05-12"
    assert "year_inferred" in expression.flags


def test_weekday_and_tenure_leave_the_year_open_when_several_fit():
    assert only("Mereka bertemu Selasa (12/5).", anchor=None, year_range=(2009, 2017)).value == "XXXX-05-12"


def test_a_bare_weekday_is_the_last_such_day_up_to_the_anchor_or_the_next_one_when_announced():
    assert only("Ia tiba pada hari Senin.").value == "2015-05-11"
    assert only("Ia akan tiba pada hari Senin.").value == "2015-05-18"
    assert only("Ia tiba pada hari Senin.", anchor=None).value == "XXXX-WXX-1"


def test_a_later_bare_weekday_is_the_dated_day_named_earlier():
    times = find_times("Mereka bertemu Rabu (20 Mei). Pertemuan hari Rabu itu berlangsung lama.",
                       dt.date(2021, 5, 20))
    assert [(t.value, t.flags, t.alternatives) for t in times] == [
        ("2021-05-20", ["weekday_conflict"], ["2021-05-19"]),
        ("2021-05-20", ["weekday_conflict"], ["2021-05-19"]),
    ]


def test_relative_expressions_without_anchor_get_no_value():
    expression = only("Ia datang kemarin.", anchor=None)
    assert expression.value is None and "unanchored" in expression.flags


def test_tenures_intersect_and_fall_back_to_the_deepest_overlap():
    kerry = (dt.date(2013, 2, 1), dt.date(2017, 1, 20))
    lavrov = (dt.date(2004, 3, 9), None)
    assert tenure_year_range([kerry, lavrov]) == (2013, 2017)
    predecessor = (dt.date(1999, 1, 1), dt.date(2001, 1, 1))
    assert tenure_year_range([kerry, lavrov, predecessor]) == (2013, 2017)
    assert tenure_year_range([]) is None


def test_a_person_counts_as_in_office_during_any_of_their_terms():
    putin = [(dt.date(1999, 12, 31), dt.date(2008, 5, 7)), (dt.date(2008, 5, 8), dt.date(2012, 5, 7)),
             (dt.date(2012, 5, 7), None)]
    kerry = [(dt.date(2013, 2, 1), dt.date(2017, 1, 20))]
    lavrov = [(dt.date(2004, 3, 9), None)]
    assert tenure_year_range([putin, kerry, lavrov]) == (2013, 2017)


def test_anchor_prefers_the_publication_date():
    article = Article(id="a", text="Mereka bertemu Rabu (15/10/2014).", published="2014-10-16T08:00:00+07:00")
    assert resolve_anchor(article, [])["date"] == "2014-10-16"
    assert resolve_anchor(article, [])["basis"] == "published"


def test_a_publication_time_with_an_offset_is_dated_in_western_indonesian_time():
    article = Article(id="a", text="Ia datang kemarin.", published="2015-05-12T20:30:00Z")
    assert resolve_anchor(article, [])["date"] == "2015-05-13"


def test_a_yearless_day_far_from_the_anchor_takes_the_year_its_weekday_fits():
    expression = only("Rapat itu digelar Rabu (15/5) di Senayan.", anchor=dt.date(2025, 10, 20))
    assert (expression.value, expression.flags) == ("2024-05-15", ["year_inferred"])
    near = only("Mereka bertemu Rabu (20 Mei) di Reykjavik.", anchor=dt.date(2021, 5, 20))
    assert (near.value, near.flags) == ("2021-05-20", ["weekday_conflict"])


def test_anchor_from_a_stamp_then_a_stated_date_then_weekday_and_tenure():
    stamped = Article(id="a", text="Kabar.id - 03/02/2020, 10:15 WIB\nRapat digelar Senin (3/2/2020).")
    assert (resolve_anchor(stamped, [])["date"], resolve_anchor(stamped, [])["basis"]) == ("2020-02-03", "text_stamp")
    stated = Article(id="b", text="JAKARTA - Menurut laporan Rabu (15/10/2014), harga turun.")
    assert resolve_anchor(stated, [])["basis"] == "stated_date"
    inferred = Article(id="c", text="Menlu bertemu mitranya pada Selasa (12/5) di Sochi.")
    anchor = resolve_anchor(inferred, [(dt.date(2013, 2, 1), dt.date(2017, 1, 20))])
    assert (anchor["date"], anchor["basis"], anchor["year_range"]) == ("2015-05-12", "weekday+tenure", [2013, 2017])
    assert "2013-2017" in anchor["reason"]
    nothing = Article(id="d", text="Menlu bertemu mitranya pada hari Kamis.")
    assert resolve_anchor(nothing, [])["date"] is None


def _article(text: str, published: str | None) -> Article:
    article = Article(id="x", text=text, published=published)
    return TimeStage()(article)


def test_event_date_comes_from_the_trigger_clause():
    text = "Kedua menteri bertemu pada Selasa (12/5) di Sochi. Pekan lalu parade digelar."
    article = _article(text, "2015-05-13")
    result = date_for_event(article, text.index("bertemu"), text.index("bertemu") + 7)
    assert (result["value"], result["basis"], result["time"].text) == ("2015-05-12", "clause", "Selasa (12/5)")


def test_a_date_standing_alone_as_a_clause_dates_the_clause_beside_it():
    text = "Direktur itu menyampaikan hal tersebut, Kamis (17/10/2013), di Jakarta."
    article = _article(text, "2013-10-18")
    result = date_for_event(article, text.index("menyampaikan"), text.index("menyampaikan") + 12)
    assert (result["value"], result["basis"]) == ("2013-10-17", "clause")


def test_a_date_inside_a_quotation_does_not_date_the_meeting_it_was_said_at():
    text = ('"Bantuan itu sudah disalurkan sejak tanggal 3 Maret 2025," kata Menteri dalam rapat kerja, di '
            'Gedung DPR, Jakarta, Kamis (16/10/2025).')
    article = _article(text, "2025-10-16")
    result = date_for_event(article, text.index("rapat"), text.index("rapat") + 5)
    assert (result["value"], result["time"].text) == ("2025-10-16", "Kamis (16/10/2025)")
    quoted = '"Kami bertemu pada 3 Maret 2025 di Bogor," kata Menteri, Kamis (16/10/2025).'
    inside = date_for_event(_article(quoted, "2025-10-16"), quoted.index("bertemu"), quoted.index("bertemu") + 7)
    assert inside["value"] == "2025-03-03"


def test_a_sentence_telling_when_the_words_were_said_dates_the_statement_before_it():
    text = ("Menteri itu bertemu para petani, Senin (20/10/2025). Ia meminta gubernur menambah pupuk. "
            "Hal itu disampaikan Menteri dalam rapat di Bandung, Rabu (22/10/2025).")
    article = _article(text, "2025-10-23")
    result = date_for_event(article, text.index("meminta"), text.index("meminta") + 7)
    assert (result["value"], result["basis"]) == ("2025-10-22", "attribution")


def test_a_sentence_that_only_begins_like_an_attribution_dates_nothing_before_it():
    text = ("Menteri itu bertemu para petani, Senin (20/10/2025). Ia meminta gubernur menambah pupuk. "
            "Hal ini penting karena panen raya jatuh pada Rabu (22/10/2025).")
    article = _article(text, "2025-10-23")
    result = date_for_event(article, text.index("meminta"), text.index("meminta") + 7)
    assert (result["value"], result["basis"]) == ("2025-10-20", "preceding_context")


def test_a_regulations_year_closing_a_sentence_is_no_time_for_the_word_after_the_full_stop():
    text = '"Kami menghormati keputusan menteri mencabut Peraturan No 12 Tahun 2024. Ini langkah bijak," kata Ketua.'
    article = _article(text, "2024-06-05")
    result = date_for_event(article, text.index("menghormati"), text.index("menghormati") + 11)
    assert result["basis"] == "anchor" and result["value"] == "2024-06-05"


def test_a_plan_after_the_anchor_is_no_context_for_a_later_sentence():
    text = "Rapat digelar Jumat (22/1/2022). Jawaban tertulis dikirim pekan depan.\nMereka berdiskusi lama."
    article = _article(text, "2022-01-22")
    result = date_for_event(article, text.index("berdiskusi"), text.index("berdiskusi") + 10)
    assert (result["value"], result["time"].text) == ("2022-01-22", "Jumat (22/1/2022)")


def test_event_date_skips_a_citation_date_and_is_no_more_precise_than_the_text():
    text = "Melansir kantor berita itu, Rabu (15/10/2014), keduanya bertemu di Paris, Prancis beberapa waktu lalu."
    article = _article(text, None)
    result = date_for_event(article, text.index("bertemu"), text.index("bertemu") + 7)
    assert result["value"] == "2014-10"
    assert "approximate" in result["flags"]


def test_event_date_falls_back_to_preceding_context_then_the_anchor():
    text = "Para menteri bertemu Jumat (22/1/2022) di Jenewa.\nSelama 90 menit mereka berdiskusi."
    article = _article(text, "2022-01-22")
    result = date_for_event(article, text.index("berdiskusi"), text.index("berdiskusi") + 10)
    assert (result["value"], result["basis"]) == ("2022-01-22", "preceding_context")
    assert result["flags"] == ["weekday_conflict"] and result["alternatives"] == ["2022-01-21"]
    plain = _article("Para menteri berdiskusi di Jenewa.", "2022-01-22")
    assert date_for_event(plain, 13, 23)["basis"] == "anchor"


def test_event_date_of_a_yearless_day_without_anchor_is_unknown_not_guessed():
    text = "Para menteri bertemu pada Rabu (20 Mei) di Reykjavik."
    article = _article(text, None)
    result = date_for_event(article, text.index("bertemu"), text.index("bertemu") + 7)
    assert result["value"] is None


def test_stage_uses_no_kb_without_people():
    article = Article(id="i", text="Mereka bertemu kemarin.", published="2015-05-13", lang="id",
                      mentions=[Mention(0, 6, "Mereka", "PER")])
    TimeStage()(article)
    assert article.anchor["date"] == "2015-05-13"
    assert [(t.text, t.value) for t in article.times] == [("kemarin", "2015-05-12")]


def test_times_command_output_follows_the_contract():
    rows = times_command_output("Rapat digelar kemarin selama dua jam.", dt.date(2015, 5, 13))
    assert rows == [
        {"text": "kemarin", "start": 14, "end": 21, "type": "DATE", "value": "2015-05-12", "flags": []},
        {"text": "dua jam", "start": 29, "end": 36, "type": "DURATION", "value": "PT2H", "flags": []},
    ]


def test_times_command_prints_one_json_object_a_line():
    import json

    from click.testing import CliRunner

    from linimasa.cli import cli

    result = CliRunner().invoke(cli, ["times", "--published", "2015-05-13"], input="Ia datang kemarin.")
    assert result.exit_code == 0
    assert [json.loads(line) for line in result.output.splitlines()] == [
        {"text": "kemarin", "start": 10, "end": 17, "type": "DATE", "value": "2015-05-12", "flags": []}]
    assert CliRunner().invoke(cli, ["times", "--published", "13/05/2015"], input="x").exit_code != 0


def test_counts_beyond_the_calendar_are_past_or_future_references_not_errors():
    anchor = dt.date(2015, 5, 12)
    [past] = find_times("Peradaban itu muncul 60 abad lalu di lembah sungai.", anchor)
    [future] = find_times("Dalam 80 abad lagi pantai ini akan tenggelam.", anchor)
    assert (past.text, past.value) == ("60 abad lalu", "PAST_REF")
    assert (future.text, future.value) == ("80 abad lagi", "FUTURE_REF")


@pytest.mark.parametrize("text, trigger", [
    ("KPU membatalkan Keputusan KPU Nomor 731 Tahun 2025 tentang dokumen capres.", "membatalkan"),
    ("KPK menahan mantan menteri terkait kasus pengadaan alat kesehatan tahun 2007.", "menahan"),
    ("Partai itu menggugat hasil Pemilu 2024 ke Mahkamah Konstitusi.", "menggugat"),
])
def test_a_year_that_names_a_regulation_a_project_or_an_election_does_not_date_the_event(text, trigger):
    article = _article(text, "2025-09-16")
    result = date_for_event(article, text.index(trigger), text.index(trigger) + len(trigger))
    assert (result["value"], result["basis"]) == ("2025-09-16", "anchor")


@pytest.mark.parametrize("text, year", [
    ("Kedua menteri bertemu pada 2019 di Jakarta.", "2019"),
    ("Kedua menteri bertemu pada tahun 2019 di Jakarta.", "2019"),
    ("Kedua menteri sudah bertemu sejak 2012.", "2012"),
    ("Kedua menteri bertemu tahun 2019 lalu.", "2019"),
])
def test_a_year_after_a_time_word_still_dates_the_event(text, year):
    article = _article(text, "2025-09-16")
    result = date_for_event(article, text.index("bertemu"), text.index("bertemu") + 7)
    assert result["value"] == year and result["basis"] in ("clause", "sentence")


def test_a_date_that_is_part_of_a_name_dates_nothing():
    text = "Sidang digelar di Universitas 17 Agustus 1945 Surabaya dan kantor di Jalan 10 November, Sabtu (22/7)."
    assert [e.text for e in find_times(text, MAY_13_2015)] == ["Sabtu (22/7)"]
    assert [e.value for e in find_times("Indonesia merdeka pada 17 Agustus 1945.", None)] == ["1945-08-17"]


def test_the_years_a_text_names_pin_a_weekdays_year_that_office_terms_leave_open():
    article = Article(id="a", text="Ketua itu bertemu Presiden, Senin (27/3). Perekrutan terakhir dilakukan pada "
                                   "2010, dan laporan tahunan 2016 mencatat tunggakan.")
    anchor = resolve_anchor(article, [(dt.date(2008, 1, 1), dt.date(2024, 12, 31))])
    assert (anchor["date"], anchor["basis"], anchor["year_range"]) == ("2017-03-27", "weekday+tenure", [2015, 2017])
    unnamed = Article(id="b", text="Ketua itu bertemu Presiden, Senin (27/3).")
    assert resolve_anchor(unnamed, [(dt.date(2008, 1, 1), dt.date(2024, 12, 31))])["date"] is None
    in_a_name = Article(id="c", text="Ketua itu bertemu Presiden di Universitas 17 Agustus 1945, Senin (27/3).")
    assert resolve_anchor(in_a_name, [(dt.date(2008, 1, 1), dt.date(2024, 12, 31))])["date"] is None
