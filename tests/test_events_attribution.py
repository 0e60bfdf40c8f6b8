"""Who takes part beyond the trigger's clause, and who never does: the host of the place talks were held
at, the outlet a statement is credited to, a name given twice, a meeting that names no second party."""

from __future__ import annotations

from test_events_parties import events

from linimasa.events.lexicon import load_lexicon
from linimasa.events.nonparties import is_outlet


def names(found) -> list[list[str]]:
    return [[p.name for p in e.participants] for e in found]


def test_the_host_of_the_place_a_framed_meeting_was_held_at_took_part():
    text = "\"Kami siap,\" ujar Adi Nugroho usai rapat di kediaman Budi Santoso, Jakarta."
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Budi Santoso", "PER", "person", "p:budi")],
                   "CONSULT")
    assert names(found) == [["Adi Nugroho", "Budi Santoso"]]


def test_where_reporters_met_a_speaker_is_no_host():
    text = "\"Kami siap,\" ujar Adi Nugroho saat ditemui di kantor Kementerian Andalas, Jakarta."
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"),
                          ("Kementerian Andalas", "ORG", "organisation", "org:ka")], "CONSULT")
    assert found == []


def test_the_agency_a_statement_is_credited_to_is_no_party():
    text = "Dilansir AFP, Adi Nugroho bertemu Budi Santoso di Jenewa."
    found = events(text, [("AFP", "ORG", "organisation", "org:afp"), ("Adi Nugroho", "PER", "person", "p:adi"),
                          ("Budi Santoso", "PER", "person", "p:budi")], "CONSULT")
    assert names(found) == [["Adi Nugroho", "Budi Santoso"]]


def test_an_outlet_is_known_by_its_name_or_with_its_desk_after_it():
    assert is_outlet("AFP") and is_outlet("kumparan.com") and is_outlet("detikBali")
    assert not is_outlet("Kementerian Luar Negeri") and not is_outlet("Detikus")


def test_a_journalist_of_an_outlet_keeps_the_outlet():
    text = "Polisi menangkap mantan wartawan BBC di Bandung."
    found = events(text, [("BBC", "ORG", "organisation", "org:bbc")], "COERCE")
    assert ["police", "BBC"] in names(found)


def test_a_name_given_again_after_atau_is_the_same_person():
    text = "Adi Nugroho bertemu Wakil Menteri Budi Santoso atau Budi dan Cici Lestari di Jakarta."
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Budi Santoso", "PER", "person", "p:budi"),
                          ("Budi", "PER", None, None), ("Cici Lestari", "PER", "person", "p:cici")], "CONSULT")
    assert names(found) == [["Adi Nugroho", "Budi Santoso", "Cici Lestari"]]


def test_an_acronym_in_brackets_after_an_organisation_is_left_alone():
    lexicon = load_lexicon()
    from linimasa.events.arguments import SentenceView
    from linimasa.model import Mention, Sentence

    text = "Badan Andalas (BA) bertemu"
    long, short = Mention(0, 13, "Badan Andalas", "ORG"), Mention(15, 17, "BA", "ORG")
    view = SentenceView(0, Sentence(0, len(text), text), ["badan", "andalas", "(", "ba", ")", "bertemu"],
                        [0, 6, 14, 15, 17, 19], [5, 13, 15, 17, 18, 26], [long, short])
    assert not lexicon.nonparties.is_alias(view, short)


def test_talks_whose_clause_names_no_second_party_borrow_none_from_another_event():
    text = ("Polisi Andalas menangkap Budi Santoso di Bandung. "
            "\"Kami siap,\" ucap Adi Nugroho saat berbincang dengan kumparan.com.")
    found = events(text, [("Polisi Andalas", "ORG", "organisation", "org:pa"), ("Budi Santoso", "PER", None, None),
                          ("Adi Nugroho", "PER", "person", "p:adi"), ("kumparan.com", "ORG", None, None)], "CONSULT")
    assert found == []


def test_saya_inside_a_quote_is_the_speaker_named_after_it():
    text = "\"Saya sudah bertemu dengan Menteri Budi Santoso,\" kata Adi Nugroho di Jakarta."
    found = events(text, [("Budi Santoso", "PER", "person", "p:budi"), ("Adi Nugroho", "PER", "person", "p:adi")],
                   "CONSULT")
    assert names(found) == [["Adi Nugroho", "Budi Santoso"]]


def test_saya_inside_a_quote_closed_by_ujarnya_is_the_speaker_told_before():
    text = ("Adi Nugroho hadir di Jakarta kemarin. \"Kami hormati,\" kata Adi Nugroho. "
            "\"Saya mendukung Bank Sentral Andalas,\" ujarnya.")
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Adi Nugroho", "PER", "person", "p:adi"),
                          ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")], "SUPPORT")
    assert names(found) == [["Adi Nugroho", "Bank Sentral Andalas"]]


def test_dia_opening_a_sentence_is_the_speaker_of_the_sentence_before():
    text = ("\"Sekolah harus dibuka,\" kata Ketua Komisi Adi Nugroho. "
            "Dia mendesak Bank Sentral Andalas mempercepat pemulihan.")
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"),
                          ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")], "REQUEST")
    assert names(found) == [["Adi Nugroho", "Bank Sentral Andalas"]]
    evidence = [e.text for e in found[0].evidence if e.field == "participant"]
    assert "Dia" in evidence  # the pronoun the party was read from


def test_a_pronoun_far_from_any_person_stays_unresolved():
    text = ("Adi Nugroho hadir di Jakarta. Hujan turun. Jalan banjir. Sekolah tutup. "
            "Dia mendesak Bank Sentral Andalas mempercepat pemulihan.")
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"),
                          ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")], "REQUEST")
    assert all("Adi Nugroho" not in n for n in names(found))


def test_dia_inside_a_quote_is_not_the_speaker():
    text = "\"Dia mendesak Bank Sentral Andalas,\" kata Adi Nugroho."
    found = events(text, [("Bank Sentral Andalas", "ORG", "organisation", "org:bsa"),
                          ("Adi Nugroho", "PER", "person", "p:adi")], "REQUEST")
    assert all("Adi Nugroho" not in n for n in names(found))


def test_the_body_in_a_persons_title_is_no_party_when_another_party_is_known():
    text = "Anggota Komisi I DPR RI, Adi Nugroho, meminta Bank Sentral Andalas membuka data."
    found = events(text, [("Komisi I DPR RI", "ORG", "organisation", "org:k1"), ("Adi Nugroho", "PER", None, None),
                          ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")], "REQUEST")
    assert names(found) == [["Adi Nugroho", "Bank Sentral Andalas"]]


def test_the_body_in_a_title_makes_the_event_known_but_takes_no_part():
    text = "Anggota Komisi I DPR RI, Adi Nugroho, meminta Cici Lestari membuka data."
    found = events(text, [("Komisi I DPR RI", "ORG", "organisation", "org:k1"), ("Adi Nugroho", "PER", None, None),
                          ("Cici Lestari", "PER", None, None)], "REQUEST")
    assert names(found) == [["Adi Nugroho", "Cici Lestari"]]
    assert "Komisi I DPR RI" not in [e.text for e in found[0].evidence if e.field == "participant"]


def test_bodies_chained_in_one_title_are_no_parties():
    text = "KPA menahan anggota Komisi V DPR dari fraksi Partai Andalas Raya (PAR) Adi Nugroho di Jakarta."
    found = events(text, [("KPA", "ORG", "organisation", "org:kpa"), ("Komisi V DPR", "ORG", "organisation", "org:k5"),
                          ("Partai Andalas Raya", "ORG", "organisation", "org:par"),
                          ("PAR", "ORG", "organisation", "org:par"), ("Adi Nugroho", "PER", "person", "p:adi")],
                   "COERCE")
    assert names(found) == [["KPA", "Adi Nugroho"]]


def test_a_body_after_the_capitalised_words_of_a_title_is_no_party():
    text = "Bank Sentral Andalas meminta Kepala Manajemen Dewan Andalas Adi Nugroho membuka data."
    found = events(text, [("Bank Sentral Andalas", "ORG", "organisation", "org:bsa"),
                          ("Dewan Andalas", "ORG", "organisation", "org:da"), ("Adi Nugroho", "PER", None, None)],
                   "REQUEST")
    assert names(found) == [["Bank Sentral Andalas", "Adi Nugroho"]]


def test_a_country_in_an_envoys_title_is_no_party():
    text = "Duta Besar Andalasia untuk Dewan Andalas, Adi Nugroho, meminta Bank Sentral Andalas membuka data."
    found = events(text, [("Andalasia", "LOC", "country", "country:AND"), ("Dewan Andalas", "ORG", "organisation", "org:da"),
                          ("Adi Nugroho", "PER", None, None),
                          ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")], "REQUEST")
    assert names(found) == [["Adi Nugroho", "Bank Sentral Andalas"]]


def test_a_person_introduced_by_a_known_body_holds_an_event_alone():
    text = "Ketua Dewan Andalas Adi Nugroho mengecam keras Cici Lestari."
    found = events(text, [("Dewan Andalas", "ORG", "organisation", "org:da"), ("Adi Nugroho", "PER", None, None),
                          ("Cici Lestari", "PER", None, None)], "ACCUSE")
    assert names(found) == [["Adi Nugroho", "Cici Lestari"]]


def test_the_body_a_title_names_takes_part_when_the_clause_names_it_again():
    text = ("Anggota Komisi I DPR RI Adi Nugroho meminta Cici Lestari membuka data. "
            "Komisi I DPR RI juga meminta Cici Lestari hadir.")
    found = events(text, [("Komisi I DPR RI", "ORG", "organisation", "org:k1"), ("Adi Nugroho", "PER", None, None),
                          ("Cici Lestari", "PER", None, None), ("Komisi I DPR RI", "ORG", "organisation", "org:k1"),
                          ("Cici Lestari", "PER", None, None)], "REQUEST")
    assert any("Komisi I DPR RI" in n for n in names(found))


def test_a_country_closing_an_organisations_name_is_no_party():
    text = "Perhimpunan Guru Andalas Indonesia (PGAI) menuding Adi Nugroho melanggar kode etik."
    found = events(text, [("Indonesia", "LOC", "country", "country:IDN"), ("PGAI", "ORG", "organisation", "org:pgai"),
                          ("Adi Nugroho", "PER", None, None)], "ACCUSE")
    assert names(found) == [["PGAI", "Adi Nugroho"]]


def test_a_country_right_after_an_organisation_is_its_country_not_a_party():
    text = "Kementerian Andalas RI mengecam Adi Nugroho atas pernyataannya."
    found = events(text, [("Kementerian Andalas", "ORG", "organisation", "org:ka"),
                          ("RI", "LOC", "country", "country:IDN"), ("Adi Nugroho", "PER", None, None)], "ACCUSE")
    assert names(found) == [["Kementerian Andalas", "Adi Nugroho"]]


def test_a_country_before_a_word_in_brackets_that_names_no_organisation_stays():
    text = "Pemerintah mendukung Indonesia (tuan rumah) dan Adi Nugroho."
    found = events(text, [("Indonesia", "LOC", "country", "country:IDN"), ("Adi Nugroho", "PER", None, None)],
                   "SUPPORT", require_known_party=False)
    assert any("Indonesia" in n for n in names(found))


def test_parties_after_dengan_that_follows_the_meetings_place_take_part():
    text = ("\"Kami siap,\" kata Adi Nugroho usai melakukan rapat di Bandara Andalas dengan Direktur Budi Santoso "
            "dan Cici Lestari.")
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Bandara Andalas", "LOC", None, None),
                          ("Budi Santoso", "PER", "person", "p:budi"), ("Cici Lestari", "PER", "person", "p:cici")],
                   "CONSULT")
    assert names(found) == [["Adi Nugroho", "Budi Santoso", "Cici Lestari"]]


def test_dengan_before_a_verb_after_the_place_names_no_party():
    text = ("Adi Nugroho menggelar pertemuan di Gedung Andalas dengan dibuka Menteri Budi Santoso pada pagi hari.")
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Gedung Andalas", "LOC", None, None),
                          ("Budi Santoso", "PER", "person", "p:budi")], "CONSULT")
    assert all("Budi Santoso" not in n for n in names(found))


def test_a_party_after_a_second_stop_beyond_the_place_is_not_read():
    text = "Adi Nugroho bertemu Budi Santoso di Jakarta untuk membahas kerja sama dengan Cici Lestari."
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Budi Santoso", "PER", "person", "p:budi"),
                          ("Jakarta", "LOC", "place", "geo:jkt"), ("Cici Lestari", "PER", "person", "p:cici")],
                   "CONSULT")
    assert names(found) == [["Adi Nugroho", "Budi Santoso"]]


def test_a_reception_names_its_host_through_a_title_the_knowledge_base_does_not_know():
    text = "Setibanya di Andalas, Adi Nugroho disambut Gubernur Andalas Budi Santoso di bandara."
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Budi Santoso", "PER", "person", "p:budi")],
                   "CONSULT")
    assert names(found) == [["Adi Nugroho", "Budi Santoso"]]


def test_a_reception_whose_next_words_are_no_title_is_no_meeting():
    text = "Setibanya di Andalas, Adi Nugroho disambut meriah ratusan warga dan Budi Santoso."
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Budi Santoso", "PER", "person", "p:budi")],
                   "CONSULT")
    assert found == []


def test_the_university_or_employer_a_person_is_introduced_by_is_no_party():
    text = "Dosen Universitas Garuda Muda, Adi Nugroho, meminta Bank Sentral Andalas membuka data."
    found = events(text, [("Universitas Garuda Muda", "ORG", "organisation", "org:ugm"), ("Adi Nugroho", "PER", None, None),
                          ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")], "REQUEST")
    assert names(found) == [["Adi Nugroho", "Bank Sentral Andalas"]]
