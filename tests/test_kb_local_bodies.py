"""Indonesia's regional bodies are composed from a unit word and the region after it (linimasa/kb/local_bodies.py):
one organisation per unit and region, of Indonesia, named in English, with its actor codes. The developers' own
sentences."""

from __future__ import annotations

import pytest

from linimasa.events.participants import vouches
from linimasa.kb import load_kb
from linimasa.kb.sectors import load_sectors
from linimasa.model import Participant


def bodies(text):
    """(text, kb_id, name) of every organisation the knowledge base finds and links in a text."""
    kb = load_kb()
    mentions = kb.find_mentions(text)
    for m in mentions:
        kb.resolve(m, None, mentions)
    return [(m.text, m.kb_id, m.name) for m in mentions if m.kind == "organisation"]


@pytest.mark.parametrize("text, body, kb_id, name", [
    ("Polres Jember menangkap dua pengedar.", "Polres Jember", "local:polres:jember", "Jember Police"),
    ("Kepolisian Resor Jember menggelar razia.", "Kepolisian Resor Jember", "local:polres:jember", "Jember Police"),
    ("Kasus itu ditangani Polda Metro Jaya sejak pekan lalu.", "Polda Metro Jaya", "local:polda:jakarta-metropolitan",
     "Jakarta Metropolitan Regional Police"),
    ("Penyidik Polda Sumut memeriksa saksi.", "Polda Sumut", "local:polda:sumatera-utara",
     "North Sumatra Regional Police"),
    ("Warga melapor ke Polsek Kebayoran Baru di Jakarta.", "Polsek Kebayoran Baru", "local:polsek:kebayoran-baru",
     "Kebayoran Baru Police Sector"),
    ("Berkasnya dilimpahkan ke Kejaksaan Negeri (Kejari) Sikka kemarin.", "Kejaksaan Negeri (Kejari) Sikka",
     "local:kejari:sikka", "Sikka District Prosecutor's Office"),
    ("Penjagaan diberikan Kodam IV/Diponegoro.", "Kodam IV/Diponegoro", "local:kodam:iv-diponegoro",
     "Kodam IV/Diponegoro"),
])
def test_a_unit_and_its_region_are_one_body(text, body, kb_id, name):
    assert bodies(text) == [(body, kb_id, name)]


def test_short_and_long_forms_of_a_province_are_the_same_body():
    assert {kb_id for _, kb_id, _ in bodies("Kejati Jateng dan Kejaksaan Tinggi Jawa Tengah")} == {
        "local:kejati:jawa-tengah"}


def test_a_rank_or_a_day_ends_the_region():
    assert bodies("Kapolres menyebut Polres Jember AKBP Budi Santoso hadir.")[0][:2] == ("Polres Jember",
                                                                                      "local:polres:jember")
    assert bodies("Sidang di Pengadilan Negeri Jakarta Selatan Senin lalu.")[0][1] == "local:district-court:jakarta-selatan"


@pytest.mark.parametrize("text", ["Ia sudah melapor ke Polres, kata warga.", "Pihak Polda setempat belum menjawab."])
def test_a_unit_without_its_region_is_no_body(text):
    assert bodies(text) == []


def test_a_regional_body_is_coded_by_its_unit_and_country():
    code = load_sectors().of({"kind": "organisation", "kb_id": "local:polres:jember", "name": "Jember Police",
                                      "country": "IDN"}, None)
    assert (code.sector, code.code) == ("COP", "IDNCOP")


def test_a_regional_body_is_named_but_vouches_for_no_event():
    body = Participant(name="Jember Police", kind="organisation", kb_id="local:polres:jember", country="IDN")
    listed = Participant(name="Indonesian National Police", kind="organisation", kb_id="org:polri", country="IDN")
    assert not vouches(body) and vouches(listed)
