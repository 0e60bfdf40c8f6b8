"""Talks told where the article or the sentence says they are something else (issue 19, CONSULT precision on
articles nobody tuned on): a country in news of sport or show business is a team or a setting. The
developers' own sentences, through the whole pipeline."""

from __future__ import annotations

import pytest
from test_events_frames import consult, names

from linimasa.config import Settings
from linimasa.model import Article
from linimasa.pipeline import Pipeline


@pytest.fixture(scope="module")
def extract():
    """These articles have a headline of their own (news of sport is told by it) and are of September 2019."""
    settings = Settings()
    pipeline = Pipeline(settings.prepare + settings.extract, settings)
    return lambda text, title="Judul": pipeline(Article(id="own", text=text, title=title, published="2019-09-06"))


MATCH_REPORT = ("Timnas Indonesia bermain imbang 1-1 melawan Vietnam dalam laga uji coba di Bekasi, Kamis (5/9/2019). "
                "Gol Indonesia dicetak pada babak pertama. ")


@pytest.mark.parametrize("title, sentence", [
    ("Timnas Ditahan Imbang Vietnam", "Sebelumnya, Indonesia juga gagal menang saat bertandang ke Malaysia, Minggu (1/9)."),
    ("Timnas Ditahan Imbang Vietnam", "Lima hari sebelum bertemu Indonesia, Vietnam sudah lebih dulu menjamu Thailand."),
    ("Ganda Putra Mundur", "Pelatih mengatakan pemain asal Jepang itu sempat menelepon pengurus federasi Indonesia, Senin (2/9)."),
])
def test_a_country_in_news_of_sport_is_a_team_not_a_party_of_talks(extract, title, sentence):
    assert consult(extract(MATCH_REPORT + sentence, title)) == []


def test_a_country_in_news_of_tourism_is_where_tourists_go(extract):
    text = ("Jumlah wisatawan Indonesia ke Jepang terus naik setiap tahun. Pemerintah Jepang menawarkan paket wisata "
            "musim dingin. Ada lagi yang jadi favorit warga Indonesia saat bertandang ke Jepang, yakni pemandian.")
    assert consult(extract(text, "Jepang Pikat Turis Indonesia")) == []


def test_officials_meeting_in_news_of_sport_still_hold_talks(extract):
    text = MATCH_REPORT + "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Mahathir Mohamad di Jakarta."
    held = consult(extract(text, "Timnas Ditahan Imbang Vietnam"))
    assert len(held) == 1 and {"Joko Widodo", "Mahathir Mohamad"} <= names(held[0])


def test_a_country_visited_outside_news_of_sport_is_still_a_visit(extract):
    text = ("Pemerintah Indonesia membahas kerja sama perbatasan dengan Malaysia. "
            "Delegasi Indonesia bertandang ke Malaysia untuk membahas perbatasan, Minggu (1/9).")
    assert len(consult(extract(text, "Indonesia dan Malaysia Bahas Perbatasan"))) == 1


@pytest.mark.parametrize("text", [
    "Peluncuran layanan taksi udara itu dihadiri oleh Menteri Perhubungan Budi Karya Sumadi, Senin (2/9/2019).",
    "Upacara penyerahan beasiswa tersebut dihadiri oleh Duta Besar China untuk Indonesia Xiao Qian, Senin (2/9/2019).",
    "Acara pemberian penghargaan itu dihadiri oleh Sekretaris Jenderal PBB Antonio Guterres di Jenewa, Senin (2/9/2019).",
])
def test_a_ceremony_attended_by_officials_is_no_talks(extract, text):
    assert consult(extract(text)) == []


def test_a_meeting_attended_by_officials_is_talks(extract):
    text = ("Kementerian Dalam Negeri menggelar rapat koordinasi pengendalian inflasi di Jakarta, Senin (2/9/2019). "
            "Rapat tersebut dihadiri oleh Menteri Dalam Negeri Tito Karnavian dan Gubernur Jawa Barat Ridwan Kamil.")
    assert len(consult(extract(text))) == 1


@pytest.mark.parametrize("text", [
    ("Menteri Keuangan Purbaya Yudhi Sadewa menyambangi Kantor Kementerian Pekerjaan Umum (PU), Jakarta Selatan, "
     "Jumat (6/9/2019). Berdasarkan pantauan wartawan, Purbaya tiba pukul 16.43 WIB dan disambut oleh Menteri PU "
     "Dody Hanggodo."),
    ("Menteri Luar Negeri Sugiono mengunjungi Kantor Kementerian Luar Negeri Malaysia di Putrajaya, Senin (2/9/2019). "
     "Setibanya di sana, Sugiono disambut langsung oleh Menteri Luar Negeri Malaysia Mohamad Hasan."),
    ("Gubernur Jawa Timur Khofifah Indar Parawansa berkunjung ke Kantor Polda Jawa Timur, Senin (2/9/2019). "
     "Khofifah diterima oleh Kapolda Jawa Timur Irjen Imam Sugianto di ruang kerjanya."),
])
def test_the_reception_of_a_visitor_told_after_the_visit_is_that_visit(extract, text):
    assert len(consult(extract(text))) == 1


def test_a_reception_on_another_day_is_another_visit(extract):
    text = ("Menteri Luar Negeri Sugiono mengunjungi Kantor Kementerian Luar Negeri Malaysia di Putrajaya, "
            "Senin (2/9/2019). Dua hari kemudian, Sugiono disambut Presiden Singapura Tharman Shanmugaratnam di "
            "Istana, Rabu (4/9/2019).")
    assert len(consult(extract(text))) == 2


@pytest.mark.parametrize("text", [
    "Menteri Luar Negeri Retno Marsudi dan Menteri Luar Negeri Malaysia Anifah Aman menggelar pertemuan - pertemuan "
    "sepanjang tahun lalu.",
    "Usulan anggaran itu sudah disampaikan Menteri Keuangan Sri Mulyani dalam rapat - rapat dengan Komisi XI DPR.",
])
def test_a_meeting_noun_said_twice_is_meetings_in_general(extract, text):
    assert consult(extract(text)) == []


@pytest.mark.parametrize("text", [
    "Menteri Luar Negeri Retno Marsudi secara reguler bertemu Menteri Luar Negeri Singapura Vivian Balakrishnan.",
    "Menteri Luar Negeri Retno Marsudi secara berkala bertemu Menteri Luar Negeri Singapura Vivian Balakrishnan.",
])
def test_meetings_held_regularly_are_a_habit(extract, text):
    assert consult(extract(text)) == []


def test_the_reader_addressed_visits_nobody(extract):
    text = "Namun ketika Anda berkunjung ke Singapura misalnya, Google langsung mendeteksinya secara otomatis."
    assert consult(extract(text)) == []
