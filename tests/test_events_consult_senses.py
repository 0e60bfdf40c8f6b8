"""Which words tell a meeting, and whether it is told as having happened (issue 19, CONSULT precision outside
train): coordinating is a process, a forum is a setting, a visit to a place is a trip; a rumour, a request,
the setting of a planned verb or a meeting dated after the article is no meeting held; a meeting only
recalled, with no date, is context. The developers' own sentences and made-up names."""

from __future__ import annotations

import pytest
from test_events_frames import consult, extract  # noqa: F401 (extract is the module's fixture)
from test_events_parties import NoKB, article

from linimasa.config import Settings
from linimasa.events import EventStage

ADI = ("Adi Nugroho", "PER", "person", "p:adi")
BUDI = ("Budi Santoso", "PER", "person", "p:budi")
KA = ("Kementerian Andalas", "ORG", "organisation", "org:ka")


def meetings(text, mentions):
    """Every CONSULT event mention of the text, whatever its modality, with the given mentions and no dates."""
    settings = Settings(options={"events": {"decision": False}})
    done = EventStage(settings, kb=NoKB(), dater=lambda *args: None)(article(text, mentions))
    return [e for e in done.events if e.type == "CONSULT"]


def asserted(text, mentions):
    return [e for e in meetings(text, mentions) if e.modality == "asserted"]


def names(event):
    return {p.name for p in event.participants}


def test_talks_between_two_named_parties_are_a_meeting():
    found = asserted("Adi Nugroho bertemu Budi Santoso di Jakarta.", [ADI, BUDI])
    assert len(found) == 1 and names(found[0]) == {"Adi Nugroho", "Budi Santoso"}


@pytest.mark.parametrize("text", [
    "Adi Nugroho telah berkoordinasi dengan Budi Santoso soal banjir.",
    "Adi Nugroho melakukan koordinasi dengan Budi Santoso soal banjir.",
])
def test_coordinating_with_someone_is_no_meeting(text):
    assert meetings(text, [ADI, BUDI]) == []


def test_a_forum_no_party_attends_with_another_is_no_meeting():
    text = "Hal itu disampaikan Adi Nugroho dalam pembukaan forum Kementerian Andalas di Jakarta."
    assert meetings(text, [ADI, KA]) == []


def test_a_forum_held_with_a_named_party_is_a_meeting():
    found = asserted("Adi Nugroho berbicara dalam forum bersama Budi Santoso di Jakarta.", [ADI, BUDI])
    assert len(found) == 1 and names(found[0]) == {"Adi Nugroho", "Budi Santoso"}


@pytest.mark.parametrize("text, mentions", [
    ("Adi Nugroho mengunjungi tempat pengungsian Kementerian Andalas di Bandung.", [ADI, KA]),
    ("Adi Nugroho berkunjung ke museum Kementerian Andalas di Bandung.", [ADI, KA]),
    ("Adi Nugroho berkunjung ke SMA 4 Kementerian Andalas di Bandung.", [ADI, KA]),
    ("Adi Nugroho berkunjung ke kantor redaksi Kementerian Andalas di Bandung.", [ADI, KA]),
])
def test_a_visit_to_a_place_no_political_actor_holds_is_no_visit(text, mentions):
    assert meetings(text, mentions) == []


def test_a_meeting_noun_in_a_list_of_skills_is_no_meeting(extract):
    text = ("Satgas MINUSCA dilatih di markas Polri dengan kemampuan seperti intelijen, negosiasi, perlindungan VIP, "
            "dan medis.")
    assert consult(extract(text)) == []


def test_a_letter_received_is_no_visit(extract):
    text = ("Surat dari Perdana Menteri Malaysia Najib Razak tersebut diterima Presiden Joko Widodo di Istana Merdeka, "
            "Jakarta, Senin (6/3).")
    assert consult(extract(text)) == []


def test_a_guest_received_is_a_visit(extract):
    text = "Perdana Menteri Malaysia Najib Razak diterima Presiden Joko Widodo di Istana Merdeka, Jakarta, Senin (6/3)."
    found = consult(extract(text))
    assert len(found) == 1 and {p.name for p in found[0].participants} == {"Najib Razak", "Joko Widodo"}


def test_a_visit_told_as_a_holiday_is_a_private_trip(extract):
    text = "Kedatangan Barack Obama ke Indonesia pada Senin (6/3) untuk berlibur bersama keluarganya."
    assert consult(extract(text)) == []


def test_a_meeting_held_on_holiday_is_a_meeting(extract):
    text = "Perdana Menteri Malaysia Najib Razak bertemu Presiden Joko Widodo saat berlibur di Bali, Senin (6/3)."
    found = consult(extract(text))
    assert len(found) == 1 and {p.name for p in found[0].participants} == {"Najib Razak", "Joko Widodo"}


def test_a_host_receiving_a_guest_on_holiday_is_a_visit():
    found = asserted("Adi Nugroho disambut Budi Santoso di Bali saat berlibur.", [ADI, BUDI])
    assert len(found) == 1 and names(found[0]) == {"Adi Nugroho", "Budi Santoso"}


def test_talks_told_after_a_sentence_opening_with_later_are_planned():
    text = '"Kami sudah siap. Nanti di Bandung ada pertemuan Adi Nugroho dengan Budi Santoso," kata Adi Nugroho.'
    assert asserted(text, [ADI, BUDI, ADI]) == []
    assert [e.modality for e in meetings(text, [ADI, BUDI, ADI])] == ["future"]


def test_talks_in_a_quote_with_no_word_of_later_are_held():
    text = '"Kami sudah siap. Di Bandung ada pertemuan Adi Nugroho dengan Budi Santoso," kata Adi Nugroho.'
    found = asserted(text, [ADI, BUDI, ADI])
    assert len(found) == 1 and names(found[0]) == {"Adi Nugroho", "Budi Santoso"}


def test_a_visit_to_an_office_is_a_visit():
    found = asserted("Adi Nugroho mengunjungi kantor Kementerian Andalas di Bandung.", [ADI, KA])
    assert len(found) == 1 and found[0].mode == "visit"


def test_companions_of_a_visit_are_no_host():
    text = "Turut mendampingi dalam kunjungan itu Adi Nugroho dan Budi Santoso."
    assert asserted(text, [ADI, BUDI]) == []


def test_a_meeting_only_recalled_without_a_date_is_no_event():
    assert meetings("Sebelumnya, Adi Nugroho pernah bertemu Budi Santoso di Jakarta.", [ADI, BUDI]) == []


def test_a_recalled_meeting_with_its_date_is_background(extract):
    events = consult(extract("Joko Widodo pernah bertemu Najib Razak di Putrajaya pada 6 Februari 2015."))
    assert len(events) == 1 and events[0].background and events[0].date == "2015-02-06"


def test_talks_dated_after_the_article_are_planned(extract):
    # the article is published on Tuesday 7 March 2017
    events = [e for e in extract("Joko Widodo bertemu Najib Razak di Putrajaya, Kamis (9/3/2017).").events
              if e.type == "CONSULT"]
    assert len(events) == 1 and events[0].modality == "future"
    held = consult(extract("Joko Widodo bertemu Najib Razak di Putrajaya, Senin (6/3/2017)."))
    assert len(held) == 1 and held[0].date == "2017-03-06"


@pytest.mark.parametrize("text, modality", [
    # the setting of a planned or possible verb
    ("Adi Nugroho menyatakan siap hadir dalam rapat kerja dengan Budi Santoso.", "future"),
    ("Adi Nugroho berpeluang menurunkan suku bunga acuannya pada pertemuan dengan Budi Santoso.", "hypothetical"),
    # a second verb joined to a planned one
    ("Adi Nugroho akan mengunjungi ibu kota provinsi itu dan bertemu Budi Santoso di sana.", "future"),
    # a rumour, a request
    ("Berhembus kabar yang menyebut Adi Nugroho mendatangi kediaman Budi Santoso di Bogor.", "hypothetical"),
    ("Adi Nugroho menanggapi permintaan pertemuan dengan Budi Santoso.", "hypothetical"),
    # a question asks whether talks were held: a question word before them, a question mark closing them
    ("Hakim lalu bertanya apakah Adi Nugroho melakukan pertemuan dengan Budi Santoso di hotel itu.", "hypothetical"),
    ('"Pertemuan Adi Nugroho dengan Budi Santoso itu terjadi saat pelantikan?" tanya hakim.', "hypothetical"),
    # talks foiled did not take place
    ("Hujan deras menggagalkan pertemuan Adi Nugroho dengan Budi Santoso di Jakarta.", "negated"),
])
def test_talks_told_as_planned_possible_or_rumoured_are_not_asserted(text, modality):
    found = meetings(text, [ADI, BUDI])
    assert [e.modality for e in found] == [modality]


@pytest.mark.parametrize("text", ["Adi Nugroho bertemu korban di Jakarta.", "Adi Nugroho bertemu ahli waris di Jakarta."])
def test_private_people_are_no_side_of_talks(text):
    assert meetings(text, [ADI]) == []


def test_private_people_named_beside_a_political_party_leave_the_meeting_to_it():
    found = asserted("Adi Nugroho bertemu korban dan Budi Santoso di Jakarta.", [ADI, BUDI])
    assert len(found) == 1 and names(found[0]) == {"Adi Nugroho", "Budi Santoso"}


def test_talks_only_referred_to_take_no_parties_from_an_arrest():
    text = "Polisi menangkap Adi Nugroho dan Budi Santoso di Jakarta. Dari pertemuan tersebut disepakati harga gas."
    assert meetings(text, [ADI, BUDI]) == []


def test_talks_only_referred_to_are_held_by_the_parties_of_the_agreement_they_explain():
    text = "Adi Nugroho dan Budi Santoso menyepakati harga gas. Kesepakatan itu dicapai dalam pertemuan di Jakarta."
    found = asserted(text, [ADI, BUDI])
    assert len(found) == 1 and names(found[0]) == {"Adi Nugroho", "Budi Santoso"}


def test_negotiations_told_as_stalled_are_no_meeting():
    assert meetings("Perundingan Adi Nugroho dan Budi Santoso mandek pada 2014.", [ADI, BUDI]) == []


def test_an_answer_after_a_question_reports_the_talks_it_tells():
    text = '"Apa yang dibahas?" Adi Nugroho mengaku bertemu Budi Santoso di Jakarta.'
    assert [e.modality for e in meetings(text, [ADI, BUDI])] == ["asserted"]


def test_a_purpose_before_the_setting_leaves_the_meeting_held():
    found = asserted("Adi Nugroho mengusulkan anggaran untuk tahun depan dalam rapat kerja dengan Budi Santoso.",
                     [ADI, BUDI])
    assert len(found) == 1 and names(found[0]) == {"Adi Nugroho", "Budi Santoso"}


def test_a_summit_word_only_referred_to_borrows_no_parties_from_another_event():
    text = ("Adi Nugroho menandatangani nota kesepahaman dengan Budi Santoso di Jakarta. Hasil itu sudah kami "
            "sampaikan pada saat konferensi yang lalu, kata Adi Nugroho.")
    assert meetings(text, [ADI, BUDI, ADI]) == []


def test_talks_only_referred_to_are_held_by_the_parties_of_what_they_explain():
    text = ("Adi Nugroho menandatangani nota kesepahaman dengan Budi Santoso di Jakarta. Kesepakatan itu dicapai "
            "dalam pertemuan di Bandung.")
    found = asserted(text, [ADI, BUDI])
    assert len(found) == 1 and names(found[0]) == {"Adi Nugroho", "Budi Santoso"}


def test_the_leaders_of_a_protest_are_a_party_to_talks():
    found = asserted("Kapolres Adi Nugroho bernegosiasi dengan pimpinan aksi di depan Balai Kota.", [ADI])
    assert len(found) == 1 and names(found[0]) == {"Adi Nugroho", "protest leaders"}


def test_a_dated_meeting_told_again_by_another_of_its_parties_is_one_meeting(extract):
    events = consult(extract("Najib Razak mengunjungi Joko Widodo di Istana Bogor, Senin (6/3/2017). Jusuf Kalla "
                             "mengatakan, pertemuannya dengan Najib Razak membahas perdagangan."))
    assert len(events) == 1 and {p.name for p in events[0].participants} == {
        "Najib Razak", "Joko Widodo", "Jusuf Kalla"}


@pytest.mark.parametrize("second", [
    "Jusuf Kalla mengatakan, pertemuannya dengan Xi Jinping membahas perdagangan.",  # another counterpart
    "Jusuf Kalla bertemu Najib Razak di Jakarta, Selasa (7/3/2017).",  # another day
])
def test_talks_with_another_counterpart_or_on_another_day_are_another_meeting(extract, second):
    events = consult(extract("Najib Razak mengunjungi Joko Widodo di Istana Bogor, Senin (6/3/2017). " + second))
    assert len(events) == 2


def test_a_planned_visit_named_again_by_a_bare_noun_is_still_the_plan(extract):
    article = extract("Perdana Menteri Belanda Mark Rutte dijadwalkan berkunjung ke Indonesia pekan depan. "
                      "Kunjungan Mark Rutte ke Indonesia beragendakan pembahasan perdagangan.")
    events = [e for e in article.events if e.type == "CONSULT"]
    assert events and all(e.modality == "future" for e in events)


def test_a_visit_said_to_have_happened_before_is_no_plan(extract):
    article = extract("Perdana Menteri Belanda Mark Rutte dijadwalkan berkunjung ke Indonesia pekan depan. "
                      "Mark Rutte sempat berkunjung ke Indonesia pada 2016.")
    held = consult(article)
    assert len(held) == 1 and held[0].date == "2016"


def test_someone_unknown_and_untitled_visiting_a_country_is_no_visit_between_political_actors(extract):
    tour = consult(extract("Pesepeda gunung asal Skotlandia Danny Holloway menyambangi Indonesia, Senin (6/3/2017)."))
    assert tour == []
    minister = consult(extract("Menteri Luar Negeri Retno Marsudi berkunjung ke Jepang, Senin (6/3/2017)."))
    assert len(minister) == 1


def test_a_meeting_room_is_no_meeting(extract):
    room = '"Seleksi ini terbuka," kata Gubernur DKI Jakarta Anies Baswedan di ruang rapat Polda Metro Jaya, Senin (6/3/2017).'
    assert consult(extract(room)) == []
    held = "Gubernur DKI Jakarta Anies Baswedan menggelar rapat dengan Polda Metro Jaya, Senin (6/3/2017)."
    assert len(consult(extract(held))) == 1


def test_meeting_the_press_is_no_talks(extract):
    assert consult(extract("Presiden Joko Widodo menemui wartawan di Istana Merdeka, Senin (6/3/2017).")) == []


def test_an_opening_for_talks_is_no_meeting_held(extract):
    text = "Ketua DPR Puan Maharani menyebut PDIP membuka peluang bertemu dengan Partai Gerindra, Senin (6/3/2017)."


@pytest.mark.parametrize("text", [
    "Presiden Donald Trump mendorong Partai Republik di Kongres untuk mengesahkan rancangan anggaran, Senin "
    "(6/3/2017).",
    "Undang-undang itu disahkan Kongres dan ditandatangani Presiden Donald Trump, Senin (6/3/2017).",
    "Anggota Kongres AS John McCain bertanya kepada Menteri Pertahanan James Mattis soal anggaran, Senin (6/3/2017).",
])
def test_the_us_congress_is_a_legislature_not_a_congress_held(extract, text):
    assert not [e for e in consult(extract(text)) if e.mode == "multilateral"]


def test_a_congress_held_by_an_organisation_is_still_one(extract):
    events = consult(extract("Joko Widodo membuka Kongres Pemuda Muhammadiyah di Yogyakarta, Senin (6/3/2017)."))
    assert len(events) == 1 and events[0].mode == "multilateral"


def test_show_business_people_visiting_someone_is_no_political_visit(extract):
    text = ("Aktor Reza Rahadian dan musisi Glenn Fredly menyambangi Markas Komando Brimob, Depok, untuk menjenguk "
            "Basuki Tjahaja Purnama, Senin (6/3/2017).")
    assert consult(extract(text)) == []
