"""Triggers in their other senses (linimasa/lang/id/lexemes.yaml): for ASSAULT a shot in a game, an explosion of
numbers or a household accident, an attack by a virus or critics, stirred feelings, a crowded shop, a death
threat; for COERCE holding back ("menahan gempuran", "menahan kenaikan PPN") and securing a place ("mengamankan
TKP"), which are no arrest."""

from __future__ import annotations

from test_events_parties import events

POLICE = ("Kepolisian Daerah Andalas", "ORG", "organisation", "org:polri")
PARTY = ("Partai Andalas Raya", "ORG", "organisation", "org:par")


def assaults(text, mentions):
    return events(text, mentions, "ASSAULT", require_known_party=False)


def arrests(text, mentions):
    return events(text, mentions, "COERCE", require_known_party=False)


def test_the_violent_sense_still_fires():
    assert assaults("Kelompok bersenjata menyerbu markas Kepolisian Daerah Andalas pada Senin dini hari.", [POLICE])
    assert assaults("Massa membakar pos milik Kepolisian Daerah Andalas di Kota Andalas.", [POLICE])
    assert assaults("Kantor Partai Andalas Raya diserang sekelompok orang bersenjata pada Minggu malam.", [PARTY])


def test_a_shot_in_a_game_is_no_attack():
    assert not assaults("Tembakan Budi dari luar kotak penalti membentur tiang gawang tim Partai Andalas Raya.",
                        [PARTY])
    assert not assaults("Dua tembakan tiga angka membawa tim Partai Andalas Raya unggul pada kuarter pertama.",
                        [PARTY])


def test_feelings_crowds_viruses_and_numbers_are_no_attack():
    assert not assaults("Kebijakan Partai Andalas Raya itu membakar emosi warga di media sosial.", [PARTY])
    assert not assaults("Posko Partai Andalas Raya diserbu pembeli sembako murah sejak pagi.", [PARTY])
    assert not assaults("Akun resmi Partai Andalas Raya diserang warganet setelah unggahan itu.", [PARTY])
    assert not assaults("Partai Andalas Raya menyoroti ledakan penduduk di kota-kota besar.", [PARTY])


def test_a_death_threat_is_no_killing():
    assert not assaults("Ketua Partai Andalas Raya mengaku menerima ancaman pembunuhan lewat pesan singkat.", [PARTY])


def test_an_arrest_or_detention_still_fires():
    assert arrests("Kepolisian Daerah Andalas menahan dua tersangka pencurian di Kota Andalas.", [POLICE])
    assert arrests("Kepolisian Daerah Andalas mengamankan dua pelaku pencurian dari amukan warga.", [POLICE])


def test_holding_back_is_no_detention():
    assert not arrests("Pemain Partai Andalas Raya kewalahan menahan gempuran lawan sepanjang babak kedua.", [PARTY])
    assert not arrests("Partai Andalas Raya meminta pemerintah menahan kenaikan harga bahan bakar.", [PARTY])


def test_securing_a_place_is_no_arrest():
    assert not arrests("Kepolisian Daerah Andalas mengamankan TKP dari kerumunan warga dengan garis polisi.", [POLICE])
