"""What linimasa reports as a meeting should be one (issue 19, precision): an interview, a going-on, a crowd
at an office or a body's own session is no CONSULT event. The developers' own sentences."""

from __future__ import annotations

import pytest
from test_events_frames import consult, extract, names  # noqa: F401 (extract is the module's fixture)


@pytest.mark.parametrize("text", [
    '"Anggaran negara cukup," kata Sri Mulyani Indrawati saat ditemui di Gedung DPR, Jakarta, Senin (6/3/2017).',
    "Ditemui wartawan di Istana Merdeka, Sri Mulyani Indrawati menolak berkomentar soal anggaran.",
])
def test_a_speaker_met_by_reporters_held_no_meeting(extract, text):
    assert consult(extract(text)) == []


def test_someone_met_by_a_named_person_did_meet_them(extract):
    events = consult(extract("Sri Mulyani Indrawati ditemui Joko Widodo di Istana Merdeka, Jakarta, Senin (6/3/2017)."))
    assert len(events) == 1 and names(events[0]) == {"Sri Mulyani Indrawati", "Joko Widodo"}


@pytest.mark.parametrize("text", [
    "Kementerian Luar Negeri tengah melakukan negosiasi dengan pemerintah Malaysia soal perbatasan.",
    "Negosiasi antara Indonesia dan Malaysia soal perbatasan masih terus berlangsung.",
    "Retno Marsudi terus menjalin komunikasi dengan Menteri Luar Negeri Malaysia Anifah Aman.",
])
def test_coordination_or_negotiation_told_as_going_on_is_no_single_meeting(extract, text):
    assert consult(extract(text)) == []


def test_communication_told_as_done_is_a_call(extract):
    events = consult(extract("Retno Marsudi telah berkomunikasi dengan Menteri Luar Negeri Malaysia Anifah Aman "
                             "soal perbatasan, Senin (6/3/2017)."))
    assert len(events) == 1 and names(events[0]) == {"Retno Marsudi", "Anifah Aman"}


@pytest.mark.parametrize("text", [
    "Ratusan warga mendatangi Kantor Gubernur Jawa Tengah di Semarang, Senin (6/3/2017).",
    "Puluhan petugas mendatangi rumah Setya Novanto di Jakarta, Senin (6/3/2017).",
])
def test_a_crowd_or_a_team_going_to_an_office_or_a_house_is_no_visit(extract, text):
    assert consult(extract(text)) == []


def test_a_named_visitor_going_to_a_named_host_is_a_visit(extract):
    events = consult(extract("Joko Widodo mengunjungi Najib Razak di Putrajaya, Senin (6/3/2017)."))
    assert len(events) == 1
    assert {(p.name, p.side) for p in events[0].participants} == {("Joko Widodo", "actor"), ("Najib Razak", "recipient")}


@pytest.mark.parametrize("text", [
    "Rapat Paripurna DPR mengesahkan rancangan undang-undang pemilu di Senayan, Senin (6/3/2017).",
    "Setya Novanto memimpin sidang paripurna DPR di Senayan, Senin (6/3/2017).",
    "Majelis Permusyawaratan Rakyat menggelar sidang tahunan di Senayan, Senin (6/3/2017).",
    "Panglima TNI Gatot Nurmantyo membuka rapat pimpinan (rapim) TNI di Cilangkap, Senin (6/3/2017).",
    "Golkar menggelar munaslub di Jakarta, Senin (6/3/2017).",
    "Ketua Umum Golkar Setya Novanto membuka munaslub Golkar di Jakarta, Senin (6/3/2017).",
])
def test_a_bodys_own_sitting_is_no_meeting(extract, text):
    assert consult(extract(text)) == []


@pytest.mark.parametrize("text, parties", [
    ("DPR menggelar rapat paripurna bersama Menteri Keuangan Sri Mulyani Indrawati di Senayan, Senin (6/3/2017).",
     {"House of Representatives (Indonesia)", "Sri Mulyani Indrawati"}),
    ("Joko Widodo membuka munaslub Golkar di Jakarta, Senin (6/3/2017).", {"Joko Widodo", "Golkar"}),
    ("Joko Widodo berbicara dalam forum bersama Perdana Menteri Malaysia Najib Razak di Jakarta, Senin (6/3/2017).",
     {"Joko Widodo", "Najib Razak"}),
])
def test_a_sitting_with_someone_from_outside_the_body_is_a_meeting(extract, text, parties):
    events = consult(extract(text))
    assert len(events) == 1 and names(events[0]) == parties


def test_someone_the_knowledge_base_does_not_know_is_an_outsider_only_with_an_office_of_government(extract):
    guest = consult(extract("Wakil Gubernur Jawa Tengah Budiman Santosa hadir di rapat kerja nasional (Rakernas) "
                            "Golkar di Semarang, Senin (6/3/2017)."))
    assert len(guest) == 1 and guest[0].mode == "multilateral" and names(guest[0]) == {"Budiman Santosa", "Golkar"}
    assert consult(extract("Sekretaris Jenderal Golkar Budiman Santosa memimpin rakernas Golkar di Semarang, "
                           "Senin (6/3/2017).")) == []


def test_a_bracketed_short_form_is_the_same_sitting_with_the_parties_after_it(extract):
    events = consult(extract("Joko Widodo hadir di rapat kerja nasional (Rakernas) Golkar di Bandung, Senin (6/3/2017)."))
    assert len(events) == 1 and names(events[0]) == {"Joko Widodo", "Golkar"}


@pytest.mark.parametrize("text", [
    "Joko Widodo berkunjung ke Pekanbaru, Senin (6/3/2017). Kunjungan kerja Joko Widodo itu berlangsung dua hari.",
    "Kunjungan Joko Widodo ke Pekanbaru berlangsung Senin (6/3/2017).",
])
def test_a_visit_to_a_town_of_ones_own_country_with_no_host_named_is_no_meeting(extract, text):
    assert consult(extract(text)) == []


def test_a_visit_abroad_has_the_host_country_as_its_other_party(extract):
    events = consult(extract("Kunjungan Joko Widodo ke Kuala Lumpur berlangsung Senin (6/3/2017)."))
    assert len(events) == 1
    assert {(p.name, p.side) for p in events[0].participants} == {("Joko Widodo", "actor"), ("Malaysia", "recipient")}


def test_a_crowd_attending_a_lecture_is_no_party_to_a_meeting(extract):
    assert consult(extract("Kuliah umum Joko Widodo dihadiri oleh ratusan mahasiswa di Jakarta, Senin (6/3/2017).")) == []


def test_a_regency_abbreviated_like_an_organisation_is_not_that_organisation(extract):
    article = extract("Bupati Ogan Komering Ilir (OKI) Muchendi Mahzareki bertemu Kepala Kejari OKI di Kayuagung, "
                      "Senin (6/3/2017).")
    assert not [m for m in article.mentions if m.kb_id == "org:oic"]
    assert not [e for e in consult(article) if "Organisation of Islamic Cooperation" in names(e)]
