"""COERCE arrest triggers in their other senses: holding back ("menahan gempuran", "menahan kenaikan PPN") and
securing a place ("mengamankan TKP") are no arrest (linimasa/lang/id/lexemes.yaml)."""

from __future__ import annotations

from test_events_parties import events

POLICE = ("Kepolisian Daerah Andalas", "ORG", "organisation", "org:polri")
PARTY = ("Partai Andalas Raya", "ORG", "organisation", "org:par")


def arrests(text, mentions):
    return events(text, mentions, "COERCE", require_known_party=False)


def test_an_arrest_or_detention_still_fires():
    assert arrests("Kepolisian Daerah Andalas menahan dua tersangka pencurian di Kota Andalas.", [POLICE])
    assert arrests("Kepolisian Daerah Andalas mengamankan dua pelaku pencurian dari amukan warga.", [POLICE])


def test_holding_back_is_no_detention():
    assert not arrests("Pemain Partai Andalas Raya kewalahan menahan gempuran lawan sepanjang babak kedua.", [PARTY])
    assert not arrests("Partai Andalas Raya meminta pemerintah menahan kenaikan harga bahan bakar.", [PARTY])


def test_securing_a_place_is_no_arrest():
    assert not arrests("Kepolisian Daerah Andalas mengamankan TKP dari kerumunan warga dengan garis polisi.", [POLICE])
