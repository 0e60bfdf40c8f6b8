"""Who arrested when the arrest's sentence does not say: the police force, prosecution service or
anti-corruption commission the article names (linimasa/events/enforcers.py)."""

from __future__ import annotations

from test_events_parties import events

KPK = ("Komisi Antirasuah Andalas", "ORG", "organisation", "org:kpk")
POLICE = ("Kepolisian Daerah Andalas", "ORG", "organisation", "org:polri")
PROSECUTORS = ("Kejaksaan Agung Andalas", "ORG", "organisation", "org:kejagung")
RANGGA = ("Rangga Wibisono", "PER", None, None)


def sides(found):
    return sorted((p.side, p.name) for e in found for p in e.participants)


def test_a_passive_arrest_with_no_agent_was_made_by_the_body_the_article_named_before():
    text = ("Komisi Antirasuah Andalas menetapkan bupati itu sebagai tersangka suap. "
            "Rangga Wibisono langsung ditahan di rumah tahanan selama 20 hari.")
    found = events(text, [KPK, RANGGA], "COERCE")
    assert sides(found) == [("actor", "Komisi Antirasuah Andalas"), ("recipient", "Rangga Wibisono")]


def test_a_generic_agent_is_the_body_of_its_kind_the_article_names():
    text = ("Kepolisian Daerah Andalas menerima laporan warga soal peredaran narkoba di pelabuhan. "
            "Petugas kemudian menangkap Rangga Wibisono di rumahnya.")
    found = events(text, [POLICE, RANGGA], "COERCE")
    assert sides(found) == [("actor", "Kepolisian Daerah Andalas"), ("recipient", "Rangga Wibisono")]


def test_an_arrest_is_not_given_to_a_prosecution_service_but_a_detention_is():
    named = "Kejaksaan Agung Andalas menerima berkas perkara korupsi dana desa. "
    arrested = events(named + "Rangga Wibisono ditangkap di rumahnya pada Senin malam.", [PROSECUTORS, RANGGA],
                      "COERCE", require_known_party=False)
    assert ("actor", "Kejaksaan Agung Andalas") not in sides(arrested)
    held = events(named + "Rangga Wibisono ditahan di rumah tahanan selama 20 hari.", [PROSECUTORS, RANGGA],
                  "COERCE")
    assert ("actor", "Kejaksaan Agung Andalas") in sides(held)


def test_no_body_is_added_where_the_trigger_only_describes_or_the_article_names_none():
    described = ("Komisi Antirasuah Andalas menggelar jumpa pers. "
                 "Rangga Wibisono menjelaskan pejabat yang ditangkap itu merupakan kepala dinas.")
    assert ("actor", "Komisi Antirasuah Andalas") not in sides(
        events(described, [KPK, RANGGA], "COERCE", require_known_party=False))
    unnamed = "Rangga Wibisono ditahan di rumah tahanan selama 20 hari."
    assert all(p.side != "actor" for e in events(unnamed, [RANGGA], "COERCE", require_known_party=False)
               for p in e.participants)


def test_a_deportation_is_not_given_to_the_police_the_article_names():
    text = ("Kepolisian Daerah Andalas memeriksa dua warga asing. "
            "Rangga Wibisono kemudian dideportasi ke negara asalnya.")
    found = events(text, [POLICE, RANGGA], "COERCE", require_known_party=False)
    assert ("actor", "Kepolisian Daerah Andalas") not in sides(found)


def test_an_arrest_told_in_a_quote_gets_no_body():
    text = ('Kepolisian Daerah Andalas menggelar jumpa pers. "Saya ingat ada anak kecil, Rangga Wibisono, '
            'ditangkap karena mencuri ayam," katanya.')
    found = events(text, [POLICE, RANGGA], "COERCE", require_known_party=False)
    assert ("actor", "Kepolisian Daerah Andalas") not in sides(found)

