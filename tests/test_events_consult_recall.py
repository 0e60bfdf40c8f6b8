"""Meetings the rules used to miss (issue #19: CONSULT recall) and the senses kept strict beside them. The
developers' own sentences."""

from __future__ import annotations

import pytest

from linimasa.config import Settings
from linimasa.model import Article
from linimasa.pipeline import Pipeline
from test_events_frames import consult, extract, names  # noqa: F401 (extract is the module's fixture)


def test_a_bracketed_aside_between_a_verb_and_its_with_word_keeps_the_meeting(extract):
    events = consult(extract("Joko Widodo mengatakan dia sudah berbincang (via telepon) dengan Presiden Rusia "
                             "Vladimir Putin tentang perdagangan, Senin (6/3/2017)."))
    assert len(events) == 1 and {"Joko Widodo", "Vladimir Putin"} <= names(events[0])


def test_a_plural_pronoun_inside_the_quote_before_the_speaker_is_no_subject_of_the_session(extract):
    text = ('"Kita harus bekerja keras. Mereka menunggu hasil kerja kita," kata Joko Widodo saat membuka sidang '
            "kabinet paripurna di Istana Negara, Jakarta, Senin (6/3/2017).")
    events = consult(extract(text))
    assert len(events) == 1 and names(events[0]) == {"Joko Widodo", "Cabinet of Indonesia"}


def test_what_follows_a_reporting_verb_does_not_make_the_call_planned(extract):
    text = ("Presiden Joko Widodo dan Presiden Rusia Vladimir Putin lewat panggilan telepon menyatakan akan terus "
            "bekerja sama, Senin (6/3/2017).")
    events = [e for e in extract(text).events if e.type == "CONSULT"]
    assert [e.modality for e in events] == ["asserted"]


def test_the_planned_talks_a_modal_after_the_trigger_tells_stay_planned(extract):
    events = [e for e in extract("Pertemuan Joko Widodo dengan Vladimir Putin akan digelar di Moskow.").events
              if e.type == "CONSULT"]
    assert events and all(e.modality == "future" for e in events)


def test_talks_between_officials_the_knowledge_base_does_not_know_are_public_life(extract):
    text = ("Kapolres Sukamaju AKBP Bambang Sutrisnohadi bernegosiasi dengan Bupati Sukamaju Hendra "
            "Wijayakusuma di Sukamaju, Senin (6/3/2017).")
    events = consult(extract(text))
    assert len(events) == 1 and len(events[0].participants) == 2


def test_people_no_office_of_government_titles_still_need_a_known_party(extract):
    text = ("Hendra Wijayakusuma, presiden klub Sukamaju Raya, bertemu dengan Bambang Sutrisnohadi di Sukamaju, "
            "Senin (6/3/2017).")
    assert consult(extract(text)) == []


def test_the_agent_of_a_passive_verb_before_the_frame_held_the_session(extract):
    text = ("Ajakan Prabowo Subianto kepada Presiden Joko Widodo untuk berkuda disinggung Jokowi ketika membuka "
            "Kongres Muslimat Nahdlatul Ulama di Jakarta Timur, Senin (6/3/2017).")
    events = consult(extract(text))
    assert len(events) == 1
    assert "Joko Widodo" in names(events[0]) and "Prabowo Subianto" not in names(events[0])


def test_the_people_a_sentence_opens_with_after_its_frame_held_the_talks(extract):
    text = ("Saat rapat di Istana Negara, Jakarta, Senin (6/3/2017), Sri Mulyani Indrawati dan Luhut Binsar "
            "Pandjaitan tidak saling menyapa.")
    events = consult(extract(text))
    assert len(events) == 1 and {"Sri Mulyani Indrawati", "Luhut Binsar Pandjaitan"} <= names(events[0])


def test_a_session_a_sentence_opens_with_is_held_by_its_subject_and_the_body(extract):
    text = ("Pada saat sidang kabinet paripurna di Istana Negara, Jakarta, Senin (6/3/2017), Joko Widodo memberikan "
            "arahan soal anggaran.")
    events = consult(extract(text))
    assert len(events) == 1 and names(events[0]) == {"Joko Widodo", "Cabinet of Indonesia"}


def test_one_person_after_an_opening_frame_is_no_meeting_of_their_own(extract):
    text = "Usai pertemuan di Istana Negara, Jakarta, Senin (6/3/2017), Joko Widodo memberikan keterangan pers."
    assert consult(extract(text)) == []


def test_an_emergency_meeting_of_the_cabinet_is_held_with_the_cabinet(extract):
    text = ("Mariano Rajoy mengungkapkan langkah itu setelah melangsungkan pertemuan darurat kabinet di Madrid, "
            "Senin (6/3/2017).")
    events = consult(extract(text))
    assert len(events) == 1 and names(events[0]) == {"Mariano Rajoy", "Cabinet of Spain"}


def test_the_door_to_talks_is_no_talks(extract):
    text = "Moon Jae-in mengatakan pintu dialog dengan Korea Utara harus dibuka, Senin (6/3/2017)."
    assert [e for e in extract(text).events if e.type == "CONSULT"] == []


def test_where_another_verb_goes_after_a_visit_is_not_its_host(extract):
    text = ("Amran Sulaiman melakukan kunjungan kerja melepas ekspor bawang merah ke Thailand di Brebes, Jawa "
            "Tengah, Senin (6/3/2017).")
    assert consult(extract(text)) == []


def test_a_visit_to_a_country_still_has_the_country_as_host(extract):
    events = consult(extract("Joko Widodo melakukan kunjungan kerja ke Thailand, Senin (6/3/2017)."))
    assert len(events) == 1 and "Thailand" in names(events[0])


def test_going_to_a_person_told_without_a_verb_is_a_visit_to_them(extract):
    text = ('"Datanya sama dengan data Pak Tito waktu saya ke Pak Tito kemarin," kata Sri Mulyani Indrawati '
            "di Jakarta, Selasa (7/3/2017).")
    events = consult(extract(text))
    assert len(events) == 1 and events[0].mode == "visit"
    assert {"Sri Mulyani Indrawati", "Tito Karnavian"} <= names(events[0])


def test_a_message_to_a_person_is_no_visit(extract):
    text = '"Pesan saya ke Pak Tito sudah jelas," kata Sri Mulyani Indrawati di Jakarta, Selasa (7/3/2017).'
    assert consult(extract(text)) == []


def test_what_talks_coincide_with_names_no_party_to_them(extract):
    text = ("Joko Widodo bertemu Perdana Menteri Belanda Mark Rutte bertepatan dengan ulang tahun Presiden Rusia "
            "Vladimir Putin, Senin (6/3/2017).")
    events = consult(extract(text))
    assert len(events) == 1 and names(events[0]) == {"Joko Widodo", "Mark Rutte"}


def test_a_meal_with_the_company_told_before_it_is_a_meeting_of_that_company(extract):
    text = ("Joko Widodo dan Perdana Menteri Belanda Mark Rutte bersama para istri makan malam di Istana Bogor, "
            "Senin (6/3/2017).")
    events = consult(extract(text))
    assert len(events) == 1 and names(events[0]) == {"Joko Widodo", "Mark Rutte"}


def test_a_meal_with_no_company_is_no_meeting(extract):
    assert consult(extract("Joko Widodo makan malam di Istana Bogor, Senin (6/3/2017).")) == []



def test_a_host_welcoming_a_named_guest_or_the_guests_visit_receives_a_visit(extract):
    for text in ("Wali Kota Surabaya Eri Cahyadi menyambut Presiden Joko Widodo di Balai Kota Surabaya, "
                 "Senin (6/3/2017).",
                 "Wali Kota Surabaya Eri Cahyadi menyambut kunjungan Presiden Joko Widodo di Balai Kota Surabaya, "
                 "Senin (6/3/2017)."):
        [event] = consult(extract(text))
        assert event.mode == "visit"
        sides = {p.name: p.side for p in event.participants}
        assert sides == {"Eri Cahyadi": "recipient", "Joko Widodo": "actor"}


def test_welcoming_a_feast_is_no_visit(extract):
    assert not consult(extract("Warga Surabaya menyambut Hari Raya Idul Fitri dengan gembira, Senin (6/3/2017)."))


def test_an_envoys_title_goes_on_through_where_the_envoy_is_sent(extract):
    [event] = consult(extract("Presiden Joko Widodo bertemu Duta Besar Jepang untuk Indonesia Kenji Sato di Istana "
                              "Merdeka, Jakarta, Senin (6/3/2017)."))
    assert "Kenji Sato" in names(event)



def test_an_official_the_knowledge_base_does_not_know_takes_the_country_of_their_title(extract):
    [event] = consult(extract("Wali Kota Surabaya Eri Cahyadi bertemu Duta Besar Australia untuk Indonesia Penny "
                              "Williams di Balai Kota Surabaya, Senin (6/3/2017)."))
    countries = {p.name: p.country for p in event.participants}
    assert countries == {"Eri Cahyadi": "IDN", "Penny Williams": "AUS"}


def test_a_person_titled_with_no_office_gets_no_country_from_the_title(extract):
    [event] = consult(extract("Presiden Joko Widodo bertemu pengusaha Surabaya Penny Williams di Istana Merdeka, "
                              "Senin (6/3/2017)."))
    assert {p.name: p.country for p in event.participants}["Penny Williams"] is None


def test_the_whole_name_after_a_rank_is_the_person_when_the_tagger_took_only_its_last_words(extract):
    [event] = consult(extract("Kapolda Metro Jaya Irjen Gatot Eddy Pramono bertemu Gubernur DKI Jakarta Anies "
                              "Baswedan di Balai Kota, Senin (6/3/2017)."))
    assert "Gatot Eddy Pramono" in names(event) and "Eddy Pramono" not in names(event)


def test_a_host_receives_an_envoy_whose_title_names_where_the_envoy_is_sent(extract):
    text = ("Wali Kota Surabaya Tri Rismaharini menerima Duta Besar Jepang untuk Indonesia Kenji Sugiyama di "
            "Balai Kota Surabaya, Senin (6/3/2017).")
    events = consult(extract(text))
    assert len(events) == 1 and {"Tri Rismaharini", "Kenji Sugiyama"} <= names(events[0])


def test_receiving_something_for_a_purpose_is_no_visit(extract):
    text = "Wali Kota Surabaya Tri Rismaharini menerima bantuan untuk Indonesia Timur dari Jepang, Senin (6/3/2017)."
    assert consult(extract(text)) == []


def test_a_guest_welcomed_by_the_host_through_the_agent_s_oleh_is_a_visit(extract):
    text = ("Menteri Luar Negeri Rusia Sergei Lavrov tiba di Jakarta, Senin (6/3/2017). Kedatangan Lavrov "
            "disambut langsung oleh Menteri Luar Negeri Retno Marsudi.")
    events = consult(extract(text))
    assert len(events) == 1 and {"Retno Marsudi", "Sergey Lavrov"} <= names(events[0])


def test_an_idea_welcomed_by_an_official_is_no_visit(extract):
    text = "Usulan itu disambut baik oleh Menteri Luar Negeri Retno Marsudi, Senin (6/3/2017)."


def test_a_body_opening_a_long_sentence_held_the_talks_its_frame_tells(extract):
    text = ("Komisi Pemilihan Umum telah menyampaikan sejumlah persoalan anggaran yang dihadapi menjelang dimulainya "
            "tahapan Pilkada serentak tahun depan kala bertemu Menteri Dalam Negeri Tjahjo Kumolo, Senin (6/3/2017).")
    events = consult(extract(text))
    assert len(events) == 1 and names(events[0]) == {"General Elections Commission", "Tjahjo Kumolo"}


def test_a_body_frames_no_talks_with_someone_unnamed(extract):
    text = ("Kepolisian Daerah Metro Jaya menangkap seorang pengedar narkoba di Jakarta Selatan saat bertemu "
            "pembelinya di sebuah hotel, Senin (6/3/2017).")
    assert consult(extract(text)) == []


@pytest.mark.parametrize("verb", ["beber", "papar", "pungkas", "urai"])
def test_a_quote_credited_after_it_by_a_less_common_verb_is_its_speakers(extract, verb):
    text = f'"Kami sudah bertemu Menteri Luar Negeri Rusia Sergei Lavrov di Moskow," {verb} Retno Marsudi, Senin (6/3/2017).'
    events = consult(extract(text))
    assert len(events) == 1 and names(events[0]) == {"Retno Marsudi", "Sergey Lavrov"}


def test_being_contacted_by_a_named_leader_is_a_phone_call(extract):
    events = consult(extract("Presiden Joko Widodo dihubungi Perdana Menteri Jepang Shinzo Abe pada Senin (6/3/2017) "
                             "malam untuk membahas kerja sama maritim."))
    assert len(events) == 1 and events[0].mode == "phone"
    assert names(events[0]) == {"Joko Widodo", "Shinzo Abe"}


@pytest.mark.parametrize("text", [
    "Saat dihubungi, Senin (6/3/2017), Juru Bicara KPK Febri Diansyah membenarkan penangkapan itu.",
    "Ketika dihubungi Kompas.com, Senin (6/3/2017), Kapolri Tito Karnavian enggan berkomentar.",
    "Dihubungi terpisah, Ketua DPRD Banten Asep Rahmatullah mengatakan rapat digelar pekan depan.",
    "Ketua DPR Setya Novanto tidak bisa dihubungi hingga Senin (6/3/2017) malam.",
])
def test_a_speaker_reached_by_reporters_is_no_phone_call(extract, text):
    assert consult(extract(text)) == []


def test_discussions_told_as_going_on_are_no_meeting(extract):
    text = ("Kementerian Keuangan tengah melakukan diskusi dengan Bank Indonesia soal penerbitan surat utang, "
            "Senin (6/3/2017).")
    assert consult(extract(text)) == []


@pytest.mark.parametrize("text, host", [
    ("Menteri Luar Negeri Rusia Sergei Lavrov tiba di Beijing, Senin (6/3/2017), untuk membahas krisis "
     "Semenanjung Korea.", "China"),
    ('"Kerja sama kita makin erat," kata Menteri Luar Negeri Retno Marsudi saat tiba di Canberra, Senin '
     "(6/3/2017).", "Australia"),
])
def test_a_visitor_arriving_in_a_foreign_city_is_received_by_its_country(extract, text, host):
    events = consult(extract(text))
    assert len(events) == 1 and events[0].mode == "visit" and host in names(events[0])


def test_arriving_in_a_city_of_ones_own_country_is_no_visit(extract):
    text = "Presiden Joko Widodo tiba di Pekanbaru, Senin (6/3/2017), untuk meninjau lokasi kebakaran lahan."
    assert consult(extract(text)) == []


def test_an_office_whose_holder_the_knowledge_base_does_not_know_takes_part_as_the_office(extract):
    [event] = consult(extract("Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Tonga di sela Sidang "
                              "Majelis Umum PBB di New York, Senin (6/3/2017)."))
    office = next(p for p in event.participants if p.country == "TON")
    assert office.kind == "role" and office.kb_id is None and "Tonga" in office.name and office.role


def test_a_title_in_an_undated_report_is_the_office_not_a_guessed_holder(extract):
    settings = Settings()
    pipeline = Pipeline(settings.prepare + settings.extract, settings)
    text = ("Dalam perjalanan ke Dhaka, Menteri Luar Negeri Retno Marsudi dihubungi Menlu Belanda. Belanda "
            "menyatakan dukungan penuh.")
    [event] = consult(pipeline(Article(id="own", text=text, title="Judul", published=None)))
    assert {(p.kind, p.country) for p in event.participants} == {("person", "IDN"), ("role", "NLD")}


def test_a_title_written_on_past_the_office_the_knowledge_base_read_is_no_office_holder(extract):
    article = extract("Ketua DPD Partai Golkar Jawa Barat bertemu Presiden Joko Widodo di Istana Bogor, Senin "
                      "(6/3/2017).")
    assert not any(p.kind == "role" for e in article.events for p in e.participants)


def test_the_people_a_sentence_says_attended_the_talks_told_before_take_part(extract):
    [event] = consult(extract("Presiden Joko Widodo bertemu pengurus Partai Solidaritas Indonesia di Denpasar, Bali, "
                              "Rabu (1/3/2017). Jokowi memberikan arahan soal kerja politik. Hadir dalam pertemuan "
                              "tersebut sejumlah elite PSI, di antaranya Ketua Umum PSI Grace Natalie dan Sekjen PSI "
                              "Raja Juli Antoni."))
    assert {"Joko Widodo", "Grace Natalie", "Raja Juli Antoni"} <= names(event)


def test_an_attendee_told_after_a_lead_in_takes_part(extract):
    [event] = consult(extract("Gubernur Jawa Barat Ridwan Kamil bertemu Wali Kota Bandung Oded M Danial di Gedung "
                              "Sate, Bandung, Senin (6/3/2017). Keduanya membahas banjir. Selain itu, hadir pula "
                              "Kapolda Jawa Barat Irjen Agung Budi Maryoto."))
    assert "Agung Budi Maryoto" in names(event)


def test_attendees_told_far_after_the_talks_are_at_another_occasion(extract):
    [event] = consult(extract("Presiden Joko Widodo bertemu Perdana Menteri Malaysia Najib Razak di Istana Bogor, "
                              "Senin (6/3/2017). Keduanya membahas perbatasan. Cuaca di Bogor cerah sepanjang hari. "
                              "Warga berkumpul di depan istana. Banyak pedagang berjualan. Turut hadir dalam acara "
                              "pasar murah itu Wali Kota Bogor Bima Arya."))
    assert "Bima Arya" not in names(event)


def test_planned_talks_take_no_attendees(extract):
    article = extract("Presiden Joko Widodo akan bertemu Perdana Menteri Malaysia Najib Razak di Istana Bogor pekan "
                      "depan. Turut hadir Wali Kota Bogor Bima Arya dalam rapat persiapan di Balai Kota, Senin "
                      "(6/3/2017).")
    assert not any(p.name == "Bima Arya" for e in article.events for p in e.participants)


def test_a_crowd_present_is_no_attendee_of_the_talks(extract):
    [event] = consult(extract("Ketua DPR Setya Novanto menerima kunjungan Ketua Parlemen Vietnam di Kompleks "
                              "Parlemen, Senayan, Jakarta, Senin (6/3/2017). Hadir di acara itu ratusan warga."))
    assert all(p.kind != "agent" for p in event.participants)


def test_the_two_who_meet_are_the_two_whose_talks_the_sentence_before_told_not_an_earlier_events(extract):
    article = extract("Amerika Serikat menjatuhkan sanksi kepada China, Rabu (1/3/2017). Langkah itu diumumkan saat "
                      "Presiden Joko Widodo dijadwalkan bertemu Perdana Menteri Jepang Shinzo Abe di Istana Bogor "
                      "pada Kamis (2/3/2017). Keduanya bertemu guna membahas kerja sama maritim.")
    [event] = consult(article)
    assert {"Joko Widodo", "Shinzo Abe"} <= names(event) and not {"United States", "China"} & names(event)


def test_the_source_titled_after_menurut_takes_no_part_in_the_talks_they_tell(extract):
    article = extract("Menurut Kepala Staf Kepresidenan Teten Masduki, Presiden Joko Widodo bertemu Perdana Menteri "
                      "Malaysia Najib Razak di Istana Bogor, Senin (6/3/2017).")
    [event] = consult(article)
    assert "Teten Masduki" not in names(event) and {"Joko Widodo", "Najib Razak"} <= names(event)


def test_the_subject_after_a_source_titled_without_a_name_still_holds_the_talks(extract):
    [event] = consult(extract("Menurut Kepala Staf Kepresidenan, Presiden Joko Widodo bertemu Perdana Menteri Malaysia "
                              "Najib Razak di Istana Bogor, Senin (6/3/2017)."))
    assert {"Joko Widodo", "Najib Razak"} <= names(event)
