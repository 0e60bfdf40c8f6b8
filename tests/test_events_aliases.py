"""A nickname introduced once ("..., sapaan akrabnya", "atau yang akrab disapa ...") is that person wherever
it is used again; a pair's nicknames and a nickname nobody fits stay as written."""

from __future__ import annotations

from test_events_parties import events

BANK = ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")


def names(found) -> list[list[str]]:
    return [[p.name for p in e.participants] for e in found]


def test_a_nickname_after_akrab_disapa_is_the_person_named_before_it():
    text = ("Ketua Komisi Adi Nugroho atau yang akrab disapa Gus Adi hadir di Jakarta. "
            "Gus Adi mengkritik Bank Sentral Andalas.")
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Gus Adi", "PER", None, None),
                          ("Gus Adi", "PER", None, None), BANK], "ACCUSE")
    assert names(found) == [["Adi Nugroho", "Bank Sentral Andalas"]]


def test_a_nickname_before_sapaan_akrabnya_is_the_person_told_before():
    text = ("Ketua Komisi Adi Nugroho hadir di Jakarta. Dia menilai Rangga Saputra keliru. "
            "\"Kami menolak,\" ujar Tiko, sapaan akrabnya. Tiko mengkritik Bank Sentral Andalas.")
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Rangga Saputra", "PER", "person", "p:rangga"),
                          ("Tiko", "PER", None, None), ("Tiko", "PER", None, None), BANK], "ACCUSE")
    # "Dia" opens its sentence: the person told before is Adi Nugroho, not Rangga Saputra named after it
    assert names(found)[-1] == ["Adi Nugroho", "Bank Sentral Andalas"]


def test_a_nickname_before_sapaan_akrab_and_a_name_is_that_name():
    text = ("Rangga Saputra hadir di Jakarta. \"Kami menolak,\" ujar Eyi, sapaan akrab Adi Nugroho. "
            "Eyi mengkritik Bank Sentral Andalas.")
    found = events(text, [("Rangga Saputra", "PER", "person", "p:rangga"), ("Eyi", "PER", None, None),
                          ("Adi Nugroho", "PER", "person", "p:adi"), ("Eyi", "PER", None, None), BANK], "ACCUSE")
    assert names(found) == [["Adi Nugroho", "Bank Sentral Andalas"]]


def test_the_nicknames_of_a_pair_stay_as_written():
    text = ("Pasangan Adi Nugroho / Rina Saputri atau akrab disapa Owi / Butet hadir di Jakarta. "
            "Owi mengkritik Bank Sentral Andalas.")
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Rina Saputri", "PER", "person", "p:rina"),
                          ("Owi", "PER", None, None), ("Butet", "PER", None, None), ("Owi", "PER", None, None), BANK],
                   "ACCUSE")
    assert names(found) == [["Owi", "Bank Sentral Andalas"]]


def test_a_nickname_after_a_common_noun_with_no_speaker_before_stays_as_written():
    text = ("Kiper Adi Nugroho dan Rangga Saputra berlatih di Bandung. Pria yang akrab dipanggil Djanur itu hadir. "
            "Djanur mengkritik Bank Sentral Andalas.")
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Rangga Saputra", "PER", "person", "p:rangga"),
                          ("Djanur", "PER", None, None), ("Djanur", "PER", None, None), BANK], "ACCUSE")
    assert names(found) == [["Djanur", "Bank Sentral Andalas"]]
