"""Meetings told as the frame of a statement are meetings of their own (issue: participants outside the
trigger's clause). The developers' own sentences."""

from __future__ import annotations

import pytest

from linimasa.config import Settings
from linimasa.model import Article
from linimasa.pipeline import Pipeline


@pytest.fixture(scope="module")
def extract():
    settings = Settings()
    pipeline = Pipeline(settings.prepare + settings.extract, settings)
    return lambda text: pipeline(Article(id="own", text=text, title="Judul", published="2017-03-07"))


def consult(article):
    return [e for e in article.events if e.type == "CONSULT" and e.modality == "asserted"]


def names(event):
    return {p.name for p in event.participants}


def test_the_speaker_of_a_statement_made_after_a_meeting_held_it(extract):
    article = extract('"Kerja sama ekonomi akan diperluas," kata Retno Marsudi usai melakukan pertemuan '
                      "dengan Menteri Luar Negeri Rusia Sergei Lavrov di Jakarta, Senin (6/3/2017).")
    events = consult(article)
    assert len(events) == 1
    assert {"Retno Marsudi", "Sergey Lavrov"} <= names(events[0])


def test_the_subject_of_a_sentence_held_the_meeting_its_frame_tells(extract):
    article = extract("Joko Widodo menyampaikan pernyataan kepada wartawan setelah menggelar pertemuan dengan "
                      "Perdana Menteri Belanda Mark Rutte di Istana Bogor, Senin (6/3/2017).")
    events = consult(article)
    assert len(events) == 1 and {"Joko Widodo", "Mark Rutte"} <= names(events[0])


def test_a_frame_that_refers_back_names_no_new_meeting(extract):
    article = extract("Joko Widodo bertemu Perdana Menteri Belanda Mark Rutte di Istana Bogor, Senin (6/3/2017). "
                      "Joko Widodo menyampaikan pernyataan itu setelah pertemuan tersebut.")
    assert len(consult(article)) == 1


def test_a_cabinet_session_is_a_meeting_of_its_chair_and_the_cabinet(extract):
    article = extract('"Inflasi terkendali," ujar Joko Widodo dalam sidang kabinet paripurna di Istana Negara, '
                      "Jakarta, Senin (6/3/2017).")
    events = consult(article)
    assert len(events) == 1
    assert names(events[0]) == {"Joko Widodo", "Cabinet of Indonesia"}
    assert events[0].mode == "multilateral"


def test_a_minister_speaking_after_a_cabinet_session_met_its_chair(extract):
    article = extract('"Anggaran cukup," kata Adi Nugroho usai sidang kabinet paripurna di Istana Negara, '
                      "Jakarta, Senin (6/3/2017).")
    events = consult(article)
    assert len(events) == 1
    assert names(events[0]) == {"Adi Nugroho", "Joko Widodo"}


def test_a_session_held_at_the_chairs_home_adds_no_body(extract):
    article = extract('"Anggaran cukup," kata Sri Mulyani Indrawati usai rapat terbatas di kediaman Joko Widodo, '
                      "Jakarta, Senin (6/3/2017).")
    events = consult(article)
    assert len(events) == 1
    assert names(events[0]) == {"Sri Mulyani Indrawati", "Joko Widodo"}


def test_a_session_named_without_its_chair_gives_no_meeting(extract):
    assert consult(extract("Sidang kabinet paripurna digelar di Istana Negara, Jakarta, Senin (6/3/2017).")) == []


def test_a_working_meeting_with_a_dpr_commission_names_the_commission(extract):
    article = extract('"Anggaran cukup," kata Sri Mulyani Indrawati dalam rapat kerja dengan Komisi XI DPR, '
                      "Senin (6/3/2017).")
    events = consult(article)
    assert len(events) == 1
    assert names(events[0]) == {"Sri Mulyani Indrawati", "Commission XI of the House of Representatives (Indonesia)"}


def test_a_statement_told_again_with_no_agent_is_the_speaker_before_it_who_held_the_talks(extract):
    article = extract('"Bantuan sosial harus tepat sasaran," ujar Retno Marsudi, Senin (6/3/2017). '
                      "Hal tersebut disampaikan pada audiensi dengan Menteri Luar Negeri Rusia Sergei Lavrov "
                      "di Jakarta.")
    events = consult(article)
    assert len(events) == 1
    assert {"Retno Marsudi", "Sergey Lavrov"} <= names(events[0])


def test_a_statement_told_again_by_olehnya_is_the_speaker_before_it(extract):
    article = extract("Retno Marsudi mengatakan kerja sama ekonomi akan diperluas. Hal itu diungkapkan olehnya "
                      "usai beraudiensi dengan Menteri Luar Negeri Rusia Sergei Lavrov di Jakarta, Senin (6/3/2017).")
    events = consult(article)
    assert len(events) == 1
    assert {"Retno Marsudi", "Sergey Lavrov"} <= names(events[0])


def test_a_statement_told_again_without_its_determiner_is_the_speaker_before_it(extract):
    article = extract("Ketua DPR Bambang Soesatyo menyatakan akan mundur jika revisi itu disahkan. Hal diungkapkan "
                      "usai bertemu dengan Menteri Luar Negeri Rusia Sergei Lavrov di Jakarta, Senin (6/3/2017).")
    events = consult(article)
    assert len(events) == 1
    assert {"Bambang Soesatyo", "Sergey Lavrov"} <= names(events[0])


def test_a_statement_told_again_names_no_speaker_when_its_agent_is_named(extract):
    article = extract('"Bantuan sosial harus tepat sasaran," ujar Retno Marsudi, Senin (6/3/2017). '
                      "Hal tersebut disampaikan Joko Widodo pada audiensi dengan Menteri Luar Negeri Rusia "
                      "Sergei Lavrov di Jakarta.")
    events = consult(article)
    assert len(events) == 1
    assert "Retno Marsudi" not in names(events[0])
    assert {"Joko Widodo", "Sergey Lavrov"} <= names(events[0])


def test_a_speaker_credited_between_commas_takes_no_part_in_the_talks_the_clause_names(extract):
    article = extract("Pengamat politik Erwan Agus Purwanto berpendapat hubungan kedua negara membaik. Selain membawa "
                      "pesan, kata Erwan, kunjungan Joko Widodo ke Belanda juga bertujuan mempererat hubungan, Senin "
                      "(6/3/2017).")
    events = consult(article)
    assert len(events) == 1 and "Joko Widodo" in names(events[0])
    assert not any("Erwan" in name for name in names(events[0]))


def test_who_a_judgement_after_the_talks_names_takes_no_part_in_them(extract):
    article = extract("Kehadiran Joko Widodo ke Istana Kremlin menemui Presiden Rusia Vladimir Putin dinilai dapat "
                      "meredakan ketegangan antara Mark Rutte dengan Putin, Senin (6/3/2017).")
    events = consult(article)
    assert len(events) == 1
    assert "Mark Rutte" not in names(events[0]) and {"Joko Widodo", "Vladimir Putin"} <= names(events[0])


@pytest.mark.parametrize("text", [
    "Kesepakatan itu disampaikan Retno Marsudi bersama Menteri Luar Negeri Rusia Sergei Lavrov, saat bertemu di "
    "Jakarta, Senin (6/3/2017).",
    '"Kerja sama ekonomi akan diperluas," tutur Retno Marsudi di hadapan Menteri Luar Negeri Rusia Sergei Lavrov '
    "usai melakukan pertemuan bilateral di Jakarta, Senin (6/3/2017).",
])
def test_the_companion_named_with_the_speaker_of_a_framed_meeting_held_it_with_them(extract, text):
    events = consult(extract(text))
    assert len(events) == 1 and {"Retno Marsudi", "Sergey Lavrov"} <= names(events[0])
