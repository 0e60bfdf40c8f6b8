"""Triggers of the verbal PLOVER types that only describe or refer: a case that ensnares someone, the defendant
of a trial told elsewhere, a naming given as the cause of what the sentence tells, and a demand voiced by a
protest or a prosecutor."""

from __future__ import annotations

from test_type_triggers import triggers


def test_a_relative_clause_about_a_case_tells_no_charge():
    assert triggers("Presiden mengaku prihatin dengan kasus yang menjerat mantan wakil menteri itu.", "ACCUSE") == []
    assert triggers("Polres Sukamaju menjerat pelaku dengan pasal berlapis.", "ACCUSE") == ["menjerat"]


def test_the_defendant_of_a_trial_told_elsewhere_is_no_charge():
    assert "terdakwa" not in triggers("Jaksa menghadirkan lima saksi dalam sidang lanjutan dengan terdakwa Budi "
                                      "Santoso di Pengadilan Tipikor.", "ACCUSE")
    assert triggers("Kuasa hukum terdakwa korupsi dana desa, Andi Wijaya, mengajukan keberatan.", "ACCUSE") == []
    assert triggers("Pekan lalu ia bersaksi di persidangan terdakwa Anton.", "ACCUSE") == []
    assert "terdakwa" in triggers("Dua terdakwa kasus suap itu menjalani sidang perdana pada Senin.", "ACCUSE")


def test_a_naming_given_as_the_cause_refers_to_it():
    assert triggers("Partai itu menunjuk ketua baru menyusul penetapan tersangka terhadap ketua lamanya oleh KPK.",
                    "ACCUSE") == []
    assert triggers("Kejaksaan Negeri mengumumkan penetapan tersangka dua pejabat dinas pendidikan.",
                    "ACCUSE") == ["penetapan"]


def test_a_demand_voiced_by_a_protest_or_a_prosecutor_is_no_request():
    assert triggers("Ribuan buruh menggelar aksi di depan gedung DPRD dan menuntut kenaikan upah minimum.",
                    "REQUEST") == []
    assert triggers("Massa pengunjuk rasa menuntut bupati mundur dari jabatannya.", "REQUEST") == []
    assert triggers("Jaksa penuntut umum menuntut terdakwa hukuman lima tahun penjara.", "REQUEST") == []
    assert triggers("Uni Afrika menuntut Presiden AS meminta maaf atas ucapannya.", "REQUEST") == ["menuntut"]
    assert triggers("Fraksi oposisi menuntut pemerintah membuka data penerima bansos.", "REQUEST") == ["menuntut"]


def test_endangering_is_no_threat():
    assert triggers("Kebijakan bea masuk itu mengancam keberlangsungan industri baja nasional.", "THREATEN") == []
    assert triggers("Banjir bandang mengancam keselamatan ribuan warga di bantaran sungai.", "THREATEN") == []
    assert triggers("Kemarau panjang mengancam pasokan beras di tiga provinsi.", "THREATEN") == []
    assert triggers("Korea Utara mengancam akan menembakkan rudal ke Guam.", "THREATEN") == ["mengancam"]
    assert triggers("Presiden mengancam mencopot menteri yang tidak bekerja.", "THREATEN") == ["mengancam"]


def test_support_that_describes_or_names_a_purpose_is_no_act_of_support():
    assert triggers("Duta besar yang mendukung keanggotaan negara itu dipanggil pulang oleh menteri luar negeri.",
                    "SUPPORT") == []
    assert triggers("Polres Sleman menggelar patroli bersama ojek daring dalam mendukung program pemerintah daerah.",
                    "SUPPORT") == []
    assert triggers("Partai Golkar mendukung Ridwan Kamil sebagai calon gubernur Jawa Barat.", "SUPPORT") == ["mendukung"]


def test_a_letter_of_condolence_or_resignation_is_no_request():
    assert triggers("Presiden Uzbekistan mengirimkan surat tanda belasungkawa kepada Presiden Donald Trump.",
                    "REQUEST") == []
    assert triggers("Kepala kantor komunikasi itu mengirim surat pengunduran diri kepada Presiden.", "REQUEST") == []
    assert triggers("Wali Kota Bekasi berkirim surat kepada Kementerian Kominfo agar peta itu diperbaiki.",
                    "REQUEST") == ["berkirim surat"]
