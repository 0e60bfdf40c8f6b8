"""PROTEST triggers in their other senses: a product's or a startup's demonstration, a programme carried out
as an "aksi" (linimasa/events/triggers_id.yaml)."""

from __future__ import annotations

from test_events_parties import events

PARTY = ("Partai Andalas Raya", "ORG", "organisation", "org:par")


def protests(text):
    return events(text, [PARTY], "PROTEST", require_known_party=False)


def test_a_street_protest_still_fires():
    assert protests("Ratusan mahasiswa menggelar demo di depan kantor Partai Andalas Raya pada Senin siang.")
    assert protests("Ratusan buruh melakukan aksi di depan kantor Partai Andalas Raya menuntut kenaikan upah.")


def test_a_product_demonstration_is_no_protest():
    assert not protests("Partai Andalas Raya menggelar demo produk aplikasi pemilih muda di Jakarta.")
    assert not protests("Partai Andalas Raya menggelar acara Demo Day untuk sembilan startup binaannya.")


def test_a_programme_carried_out_as_an_aksi_is_no_protest():
    assert not protests("Partai Andalas Raya melakukan aksi penanaman seribu pohon di bantaran sungai.")
    assert not protests("Partai Andalas Raya menggelar aksi pencegahan korupsi bersama komunitas komik.")
