"""Triggers of the other PLOVER types that need their context: arrests told with "mengamankan" (a person
secured, not a thing or a place), refusals told as a resolve not to act, and calling an act unacceptable."""

from __future__ import annotations

import re

from linimasa.events.detect import find_triggers
from linimasa.events.lexicon import load_lexicon


def triggers(sentence: str, event_type: str) -> list[str]:
    tokens = list(re.finditer(r"[\w-]+|[^\w\s]", sentence))
    words = [t.group().lower() for t in tokens]
    found = find_triggers(words, [t.start() for t in tokens], [t.end() for t in tokens], load_lexicon())
    return [" ".join(words[m.first:m.last]) for m in found if m.rule.type == event_type]


def coerce_triggers(sentence: str) -> list[str]:
    return triggers(sentence, "COERCE")


def test_police_securing_a_driver_is_an_arrest():
    assert coerce_triggers("Polres Sukamaju mengamankan pengemudi truk yang menabrak pagar balai desa.") == [
        "mengamankan"]
    assert coerce_triggers("Petugas mengamankan sopir angkot itu di terminal.") == ["mengamankan"]


def test_the_person_secured_comes_before_a_passive():
    assert coerce_triggers("Kedua pelaku pencurian itu diamankan di pos jaga pada Minggu malam.") == ["diamankan"]
    assert coerce_triggers("Tiga orang terduga pengedar diamankan.") == ["diamankan"]


def test_the_person_secured_comes_before_the_pronoun_form():
    assert coerce_triggers("Pelaku sudah kami amankan di kantor.") == ["amankan"]


def test_securing_things_or_places_is_no_arrest():
    assert coerce_triggers("Petugas mengamankan lokasi acara sejak pagi hari.") == []
    assert coerce_triggers("Uang tunai dan telepon genggam itu diamankan di brankas.") == []
    assert coerce_triggers("Untuk pelat nomor kami amankan supaya tidak dipakai lagi.") == []


def test_who_secures_named_after_the_active_is_no_person_secured():
    assert coerce_triggers("Polisi mengamankan lokasi kejadian dan memasang garis polisi.") == []
    assert coerce_triggers("Tim gabungan mengamankan gudang itu bersama petugas dinas.") == []
    assert coerce_triggers("Budi langsung diamankan polisi di rumahnya.") == ["diamankan"]


def test_a_resolve_not_to_act_stated_as_a_stance_is_a_refusal():
    assert triggers("Gubernur Sulastri menegaskan tidak akan memakai dana daerah untuk menalangi utang itu.",
                    "REJECT") == ["tidak akan"]
    assert triggers("Menteri itu menyatakan, pemerintah tak akan menanggapi usulan partai oposisi.",
                    "REJECT") == ["tak akan"]


def test_a_forecast_or_a_plain_future_is_no_refusal():
    assert triggers("Bupati menegaskan tidak akan ada kenaikan tarif air tahun ini.", "REJECT") == []
    assert triggers("Hujan deras diperkirakan tidak akan turun besok di wilayah pesisir.", "REJECT") == []
    assert triggers("Pelatih itu menyatakan cedera tersebut tidak akan jadi masalah bagi timnya.", "REJECT") == []


def test_calling_an_act_unacceptable_is_disapproval():
    assert triggers("Menurut juru bicara itu, keputusan sepihak tersebut tidak dapat diterima.", "ACCUSE") == [
        "tidak dapat diterima"]
    assert triggers("Pernyataan itu tak bisa diterima oleh negara kami.", "ACCUSE") == ["tak bisa diterima"]


def test_a_court_finding_a_petition_inadmissible_is_no_disapproval():
    assert triggers("Hakim menyatakan permohonan pemohon tidak dapat diterima.", "ACCUSE") == []


def test_an_accusation_reaches_past_the_long_title_of_the_accused():
    judged = "Pengamat itu menilai kinerja Dinas Perhubungan Kota Sukamaju selama tahun lalu sangat buruk."
    assert triggers(judged, "ACCUSE") == ["menilai"]  # "buruk" is the tenth word after the trigger
    too_far = ("Pengamat itu menilai kinerja Dinas Perhubungan Kota Sukamaju selama tahun lalu di tengah "
               "banyaknya keluhan warga sangat buruk.")
    assert triggers(too_far, "ACCUSE") == []


def test_other_types_keep_the_eight_word_reach():
    shot = "Pemerintah itu mengeksekusi seorang warga asing yang ditangkap di bandara ibu kota dengan regu tembak."
    assert triggers(shot, "ASSAULT") == []  # "regu" is the eleventh word after the trigger
    assert triggers("Pemerintah itu mengeksekusi seorang warga asing dengan regu tembak.", "ASSAULT") == [
        "mengeksekusi"]


def test_recognising_a_capital_or_sovereignty_is_support_but_admitting_is_not():
    assert triggers("Negara itu secara resmi mengakui Yerusalem sebagai ibu kota Israel.", "SUPPORT") == [
        "mengakui"]
    assert triggers("Parlemen mengakui kedaulatan negara baru itu.", "SUPPORT") == ["mengakui"]
    assert triggers("Tersangka mengakui perbuatannya di depan penyidik.", "SUPPORT") == []


def test_attacking_a_post_or_troops_is_an_assault_but_attacking_in_words_is_not():
    assert triggers("Kelompok bersenjata itu menyerang pos polisi di perbatasan.", "ASSAULT") == ["menyerang"]
    assert triggers("Dia menyerang lawannya dengan kata-kata kasar dalam debat itu.", "ASSAULT") == []
    assert triggers("Dua anggota polisi terluka dalam kontak tembak dengan kelompok itu.", "ASSAULT") == [
        "kontak tembak"]


def test_jailing_freezing_assets_and_reading_a_verdict():
    assert triggers("Tersangka dijebloskan ke rutan usai diperiksa.", "COERCE") == ["dijebloskan"]
    assert triggers("Pemerintah membekukan aset milik dua perusahaan itu.", "SANCTION") == ["membekukan"]
    assert triggers("Pemerintah membekukan harga bahan bakar tahun ini.", "SANCTION") == []
    assert triggers("Majelis hakim membacakan putusan pada Selasa siang.", "SANCTION") == ["membacakan putusan"]


def test_a_headline_bare_form_names_a_suspect_and_answering_a_summons_is_being_investigated():
    assert triggers("Bareskrim resmi tetapkan bupati itu sebagai tersangka.", "ACCUSE") == ["tetapkan"]
    assert triggers("Saksi itu memenuhi panggilan penyidik hari ini.", "ACCUSE") == ["memenuhi panggilan"]
    assert triggers("Saksi itu tidak memenuhi panggilan penyidik hari ini.", "ACCUSE") == []


def test_parole_is_a_release():
    assert triggers("Terpidana itu mendapatkan kebebasan bersyarat pekan lalu.", "RETREAT") == [
        "kebebasan bersyarat"]


def test_a_court_named_by_the_common_noun_is_a_party_of_what_it_does():
    from test_events_parties import events

    found = events("Pengadilan mengeluarkan surat penangkapan bagi Joko Susilo karena tidak hadir.",
                   [("Joko Susilo", "PER", None, None)], "THREATEN", require_known_party=False)
    assert [{(p.name, p.kind) for p in e.participants} for e in found] == [{("court", "agent"), ("Joko Susilo", "person")}]


def test_requests_are_told_by_their_verbs_not_by_the_nouns_that_name_them():
    # the verbs of asking, urging and proposing, as news of several outlets writes them
    assert triggers("Komisi IX DPR mendesak Kementerian Kesehatan menarik obat sirop itu dari pasaran.",
                    "REQUEST") == ["mendesak"]
    assert triggers("Sekjen PBB menyerukan gencatan senjata segera di Gaza.", "REQUEST") == ["menyerukan"]
    assert triggers("Fraksi itu mengusulkan agar pemilihan kepala daerah digelar serentak.", "REQUEST") == [
        "mengusulkan"]
    assert triggers("Presiden menginstruksikan para menteri memangkas perjalanan dinas.", "REQUEST") == [
        "menginstruksikan"]
    assert triggers("Wali kota menyampaikan permintaan agar proyek itu dihentikan.", "REQUEST") == ["permintaan"]
    # the nouns alone name a request told elsewhere, a petition or a thing
    assert triggers("Rencana itu sebelumnya merupakan usulan Ketua Dewan Pertimbangan.", "REQUEST") == []
    assert triggers("Para kepala dinas bekerja sesuai instruksi gubernur.", "REQUEST") == []
    assert triggers("Desakan agar menteri itu mundur terus menguat di media sosial.", "REQUEST") == []
    assert triggers("Warga mematuhi imbauan petugas untuk tidak mendekati kawah.", "REQUEST") == []
    assert triggers("Dalam permohonannya, pemohon meminta pasal itu dibatalkan.", "REQUEST") == ["meminta"]


def test_accusations_are_told_by_their_verbs_and_a_charge_read_in_court():
    assert triggers("Oposisi menuduh pemerintah memanipulasi data inflasi.", "ACCUSE") == ["menuduh"]
    assert triggers("Kementerian Luar Negeri mengecam serangan terhadap kapal bantuan itu.", "ACCUSE") == [
        "mengecam"]
    assert triggers("Seorang pengusaha menggugat wali kota ke pengadilan tata usaha negara.", "ACCUSE") == [
        "menggugat"]
    assert triggers("Jaksa membacakan dakwaan terhadap mantan bupati itu di pengadilan tipikor.", "ACCUSE") == [
        "dakwaan"]
    # the nouns name a charge, a case or a document, not an accusation made
    assert triggers("Politikus itu membantah tudingan menerima suap dari kontraktor.", "ACCUSE") == []
    assert triggers("Ia ditahan atas tuduhan penipuan investasi.", "ACCUSE") == []
    assert triggers("Kebijakan itu memicu kecaman dari banyak negara.", "ACCUSE") == []
    assert triggers("Hakim mengabulkan sebagian gugatan warga terhadap pabrik itu.", "ACCUSE") == []
    assert triggers("Nama menteri itu muncul dalam surat dakwaan kedua terdakwa.", "ACCUSE") == ["terdakwa"]
