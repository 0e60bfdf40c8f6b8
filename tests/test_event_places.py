"""An event told without a place takes the dateline's city when its parties fit it, else the parties' one
country, each marked as inferred; a call, a recalled event or a sentence naming a foreign place gets neither,
and an inferred place never keeps two reports of one event apart."""

from __future__ import annotations

import pytest

from test_events import annotate, consults, stage  # noqa: F401 (stage is a fixture)
from test_link import BLINKEN, GENEVA, LAVROV, mention

from linimasa.config import Settings
from linimasa.link import link_events
from linimasa.model import Article, Location
from linimasa.pipeline import Pipeline

JAKARTA_DATELINE = {"place": "Jakarta", "outlet": "X", "text": "Jakarta, X -", "start": 0, "end": 12}


@pytest.fixture(scope="module")
def pipeline():
    """The real preparation and extraction stages (NER, knowledge base, dates), for what the fake ones cannot show."""
    settings = Settings()
    return Pipeline(settings.prepare + settings.extract, settings)


def told_by(pipeline, published: str, text: str) -> Article:
    """An article of the developers' own sentences through the real stages."""
    return pipeline(Article(id="own", text=text, title="Judul", published=published))


def the_event(pipeline, published: str, text: str, kind: str = "CONSULT"):
    """The one event of ``kind`` an article of the developers' own sentences tells, through the real stages."""
    [event] = [e for e in told_by(pipeline, published, text).events if e.type == kind]
    return event


def told(stage, text, dateline=None, times=()):
    article = annotate(text, times)
    article.dateline = dateline
    return consults(stage(article))


def test_the_dateline_city_places_the_news_of_a_party_of_its_country(stage):
    [event] = told(stage, "Jokowi bertemu Xi membahas perdagangan.", JAKARTA_DATELINE)
    assert (event.location.city, event.location.country, event.location_basis) == ("Jakarta", "IDN", "dateline")


def test_a_dateline_is_not_the_place_of_a_meeting_of_foreigners_only(stage):
    [event] = told(stage, "Xi bertemu Wang Yi membahas perdagangan.", JAKARTA_DATELINE)
    assert (event.location.city, event.location.country, event.location_basis) == (None, "CHN", "participants")
    assert not [e for e in event.evidence if e.field == "location"]  # an inferred place cites no words


def test_parties_of_one_country_place_it_in_that_country(stage):
    [event] = told(stage, "Jokowi bertemu Retno membahas perdagangan.")
    assert (event.location.name, event.location.country, event.location_basis) == ("Indonesia", "IDN", "participants")


def test_parties_of_two_countries_without_a_dateline_leave_the_place_unknown(stage):
    [event] = told(stage, "Jokowi bertemu Xi membahas perdagangan.")
    assert event.location is None


def test_a_foreign_country_named_in_the_sentence_keeps_the_parties_country_out(stage):
    [event] = told(stage, "Jokowi bertemu Retno membahas hubungan dengan China.")
    assert event.location is None


def test_a_call_has_no_inferred_place(stage):
    events = told(stage, "Jokowi menelepon Xi membahas perdagangan.", JAKARTA_DATELINE)
    assert events and all(e.location is None for e in events)


def test_a_recalled_meeting_has_no_inferred_place(stage):
    # dated: a meeting only recalled, with no date of its own, is not reported at all
    [event] = told(stage, "Jokowi pernah bertemu Retno membahas perdagangan pada Maret 2019.", JAKARTA_DATELINE,
                   times=[("Maret 2019", "DATE", "2019-03")])
    assert event.background and event.location is None


def test_an_inferred_place_does_not_keep_two_reports_of_one_meeting_apart():
    dateline_place = mention("antara", "2022-01-21", [BLINKEN, LAVROV],
                             location=Location("Jakarta", "Jakarta", "IDN", -6.2, 106.8, "p:jakarta"))
    dateline_place.location_basis = "dateline"
    stated = mention("kompas", "2022-01-21", [BLINKEN, LAVROV], location=GENEVA)
    stated.location_basis = "trigger_sentence"
    [event] = link_events([dateline_place, stated])
    assert (event.location.city, event.location_basis) == ("Geneva", "trigger_sentence")


def test_a_stated_place_still_keeps_two_meetings_apart():
    jakarta = mention("antara", "2022-01-21", [BLINKEN, LAVROV],
                      location=Location("Jakarta", "Jakarta", "IDN", -6.2, 106.8, "p:jakarta"))
    jakarta.location_basis = "trigger_sentence"
    geneva = mention("kompas", "2022-01-21", [BLINKEN, LAVROV], location=GENEVA)
    geneva.location_basis = "trigger_sentence"
    assert len(link_events([jakarta, geneva])) == 2


def with_venue(text, venue):
    """An article whose NER found ``venue`` as one unresolved place name (as it finds "Istana Bogor")."""
    from linimasa.model import Mention

    article = annotate(text)
    start = text.index(venue)
    article.mentions = sorted([m for m in article.mentions if not (start <= m.start < start + len(venue))]
                              + [Mention(start, start + len(venue), venue, "LOC", "ner")], key=lambda m: m.start)
    return article


def test_a_venue_that_tells_its_city_places_the_event_there(stage):
    [event] = consults(stage(with_venue("Jokowi bertemu Xi di Istana Merdeka membahas perdagangan.", "Istana Merdeka")))
    assert (event.location.city, event.location_basis) == ("Jakarta", "trigger_sentence")


def test_a_city_hall_places_the_event_in_its_city(stage):
    [event] = consults(stage(with_venue("Jokowi bertemu Xi di Balai Kota Bandung membahas perdagangan.",
                                        "Balai Kota Bandung")))
    assert (event.location.city, event.location_basis) == ("Bandung", "trigger_sentence")


def test_a_city_after_a_venue_in_a_compound_is_the_place(stage):
    [event] = consults(stage(with_venue("Jokowi bertemu Xi di kompleks Gedung Andalas, Bandung, membahas perdagangan.",
                                        "Gedung Andalas")))
    assert event.location.city == "Bandung"


def test_an_unknown_venue_gives_no_place_of_its_own(stage):
    [event] = consults(stage(with_venue("Jokowi bertemu Xi di Gedung Andalas membahas perdagangan.", "Gedung Andalas")))
    assert event.location is None or event.location_basis in ("dateline", "participants")


def test_a_body_named_only_in_a_title_takes_no_part_but_still_places_the_event_in_its_country(pipeline):
    event = the_event(pipeline, "2017-03-07", "Anggota Komisi VII DPR RI Adi Nugroho mendesak pemerintah "
                    "mengevaluasi rencana pemindahan kantor itu.", "REQUEST")
    assert all("Commission" not in p.name for p in event.participants)
    assert (event.location.country, event.location_basis) == ("IDN", "participants")


def test_the_city_after_a_long_venue_in_a_di_phrase_is_the_place(stage):
    [event] = told(stage, "Jokowi bertemu Xi di acara makan malam kenegaraan, Bandung, membahas perdagangan.")
    assert (event.location.city, event.location_basis) == ("Bandung", "trigger_sentence")


def test_a_clause_that_only_begins_with_a_place_after_a_di_phrase_places_nothing(stage):
    [event] = told(stage, "Jokowi bertemu Xi membahas kerja sama di bidang ekonomi, Bandung disebut kota percontohan.")
    assert event.location is None


def test_a_city_the_sentence_places_the_event_in_beats_its_country_named_nearer(stage):
    [event] = told(stage, "Di Beijing, Jokowi bertemu Xi dalam kunjungan pertamanya di China.")
    assert (event.location.city, event.location.country) == ("Beijing", "CHN")


def dated(text, *times):
    article = annotate(text, times=times)
    return article


def test_a_place_written_with_the_events_day_in_another_sentence_places_it(stage):
    article = dated("Jokowi bertemu Retno, Senin (24/7), membahas perdagangan. "
                    '"Kami sepakat," kata Jokowi di Gedung Andalas, Bandung, Senin (24/7/2023).',
                    ("Senin (24/7)", "DATE", "2023-07-24"), ("Senin (24/7/2023)", "DATE", "2023-07-24"))
    [event] = consults(stage(article))
    assert (event.location.city, event.location_basis) == ("Bandung", "dated_place")
    assert [e.text for e in event.evidence if e.field == "location"] == ["Bandung"]


def test_a_place_written_with_another_day_does_not_place_the_event(stage):
    article = dated("Jokowi bertemu Retno, Senin (24/7), membahas perdagangan. "
                    '"Kami sepakat," kata Jokowi di Gedung Andalas, Bandung, Jumat (21/7/2023).',
                    ("Senin (24/7)", "DATE", "2023-07-24"), ("Jumat (21/7/2023)", "DATE", "2023-07-21"))
    [event] = consults(stage(article))
    assert (event.location.city, event.location_basis) == (None, "participants")


def test_a_district_named_before_its_city_gives_the_city(pipeline):
    event = the_event(pipeline, "2017-01-13", "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Najib Razak di "
                    "sebuah hotel di Ciampea, Bogor, Jawa Barat, Jumat (13/1/2017).")
    assert (event.location.city, event.location.country) == ("Bogor", "IDN")


def test_a_direction_or_outskirts_word_between_di_and_the_city_still_places_it(stage):
    [event] = told(stage, "Jokowi bertemu Xi di pinggiran Beijing membahas perdagangan.")
    assert (event.location.city, event.location_basis) == ("Beijing", "trigger_sentence")


def test_a_venue_followed_by_a_short_form_tells_its_city_but_not_one_followed_by_a_name():
    from linimasa.events.place_mentions import venue_city
    from linimasa.events.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert venue_city("Gedung DPR RI", lexicon) == "Jakarta"
    assert venue_city("Istana Kepresidenan Tampaksiring", lexicon) is None


def test_a_venue_no_mention_covers_places_an_event_of_its_day(stage):
    article = dated("Jokowi bertemu Retno, Senin (24/7), membahas perdagangan. "
                    '"Kami sepakat," kata Jokowi di Gedung DPR RI, Senin (24/7/2023).',
                    ("Senin (24/7)", "DATE", "2023-07-24"), ("Senin (24/7/2023)", "DATE", "2023-07-24"))
    [event] = consults(stage(article))
    assert (event.location.city, event.location_basis) == ("Jakarta", "dated_place")


def test_a_country_stated_with_the_event_gives_way_to_a_city_of_it_written_with_its_day(stage):
    article = dated("Jokowi bertemu Retno, Senin (24/7), membahas investasi di Indonesia. "
                    '"Kami sepakat," kata Jokowi di Gedung Andalas, Bandung, Senin (24/7/2023).',
                    ("Senin (24/7)", "DATE", "2023-07-24"), ("Senin (24/7/2023)", "DATE", "2023-07-24"))
    [event] = consults(stage(article))
    assert (event.location.city, event.location_basis) == ("Bandung", "dated_place")


def test_an_attack_on_the_people_of_another_country_is_placed_in_theirs(pipeline):
    event = the_event(pipeline, "2025-10-21", "Pasukan Israel menembak mati lima warga Palestina pada Senin "
                    "(20/10/2025).", "ASSAULT")
    assert {p.country for p in event.participants} == {"ISR", "PSE"}
    assert (event.location.country, event.location_basis) == ("PSE", "participants")


def test_an_arrest_of_a_foreigner_is_placed_in_the_country_of_the_police(pipeline):
    event = the_event(pipeline, "2025-10-21", "Kepolisian Jerman menangkap Menteri Luar Negeri Brasil pada Senin "
                    "(20/10/2025).", "COERCE")
    assert {p.country for p in event.participants} >= {"DEU", "BRA"}
    assert (event.location.country, event.location_basis) == ("DEU", "participants")


def test_an_international_organisation_does_not_keep_the_parties_country_out(pipeline):
    event = the_event(pipeline, "2025-10-21", "Tentara Suriah bertempur melawan ISIS pada Senin (20/10/2025).",
                      "ASSAULT")
    assert "IGO" in {p.country for p in event.participants}
    assert (event.location.country, event.location_basis) == ("SYR", "participants")


def test_the_congo_named_with_its_abbreviation_is_the_democratic_republic(pipeline):
    article = told_by(pipeline, "2025-10-21", "Bentrokan terjadi di Republik Demokratik (RD) Kongo bagian timur. "
                      "Bantuan dikirim ke Kongo.")
    assert [(m.text, m.country) for m in article.mentions if m.kind == "country"] == [
        ("Republik Demokratik (RD) Kongo", "COD"), ("Kongo", "COD")]


def test_a_national_bodys_hearing_told_without_a_place_is_where_the_body_sits(pipeline):
    event = the_event(pipeline, "2025-10-21", "Komisi Pemberantasan Korupsi (KPK) menuduh Bupati Ahmad Zainal "
                    "menerima suap pada Senin (20/10/2025).", "ACCUSE")
    assert (event.location.city, event.location.country, event.location_basis) == ("Jakarta", "IDN", "seat")
    assert not [e for e in event.evidence if e.field == "location"]  # a seat is inferred: no words to cite


def test_a_national_bodys_arrest_is_not_placed_where_it_sits_but_a_regional_bodys_is(pipeline):
    article = told_by(pipeline, "2025-10-22", "KPK menangkap Bupati Ahmad Zainal pada Senin (20/10/2025). Polres "
                      "Jember menangkap Budi Santoso pada Selasa (21/10/2025).")
    places = [(e.location.city if e.location else None, e.location_basis) for e in article.events if e.type == "COERCE"]
    assert places == [(None, "participants"), ("Jember", "seat")]


def test_a_place_the_sentence_states_beats_a_seat(pipeline):
    event = the_event(pipeline, "2025-10-21", "KPK menuduh Bupati Ahmad Zainal menerima suap di Surabaya pada Senin "
                    "(20/10/2025).", "ACCUSE")
    assert (event.location.city, event.location_basis) == ("Surabaya", "trigger_sentence")


def test_a_visit_to_a_country_is_where_its_host_sits(pipeline):
    event = the_event(pipeline, "2025-10-21", "Presiden Vietnam menemui pimpinan DPR dalam kunjungan resminya ke "
                    "Indonesia, Selasa (21/10/2025).")
    assert (event.location.city, event.location.country) == ("Jakarta", "IDN")


@pytest.mark.parametrize("text", [
    "Presiden Joko Widodo bertemu Prabowo Subianto di Kantor DPP Partai Gerindra, Senin (20/10/2025).",
    "Ketua DPRD Budi Santoso menyambangi Kantor Kementerian Dalam Negeri, Senin (20/10/2025).",
])
def test_a_bodys_building_is_where_the_body_sits(pipeline, text):
    event = the_event(pipeline, "2025-10-21", text)
    assert (event.location.city, event.location.country, event.location_basis) == ("Jakarta", "IDN",
                                                                                    "trigger_sentence")


def test_the_city_after_a_venue_of_many_words_is_the_place(pipeline):
    event = the_event(pipeline, "2025-10-21", "Presiden Joko Widodo bertemu Prabowo Subianto di Kantor Dewan "
                    "Pengurus Pusat Partai Mawar Indah Raya (DPP PMIR), Jalan Raden Saleh, Bandung, Senin "
                    "(20/10/2025).")
    assert (event.location.city, event.location_basis) == ("Bandung", "trigger_sentence")


def test_an_arrested_foreigners_country_does_not_keep_the_place_of_the_arrest_out(pipeline):
    article = told_by(pipeline, "2017-12-13", "Polisi menangkap warga Malaysia, Ahmad Rahman, pada Rabu "
                      "(13/12/2017). Ia diamankan di kediamannya di Matraman, Jakarta Timur, Rabu (13/12/2017).")
    [event] = [e for e in article.events if e.type == "COERCE"][:1]
    assert "MYS" in {p.country for p in event.participants}
    assert (event.location.city, event.location.country, event.location_basis) == ("Jakarta", "IDN", "dated_place")


def test_a_sentence_that_arrives_at_the_location_is_where_the_sentence_before_placed_things(pipeline):
    event = the_event(pipeline, "2025-10-21", "Ribuan warga berkumpul di Lapangan Merdeka, Medan, sejak pagi. Pada "
                    "Senin (20/10/2025), Gubernur Bobby Nasution tiba di lokasi dan bertemu Presiden Prabowo "
                    "Subianto.")
    assert (event.location.city, event.location_basis) == ("Medan", "anaphor")
    assert [e.text for e in event.evidence if e.field == "location"] == ["Medan"]


def test_a_location_word_that_names_a_new_place_refers_back_to_nothing(pipeline):
    event = the_event(pipeline, "2025-10-21", "Ribuan warga berkumpul di Lapangan Merdeka, Medan, sejak pagi. Pada "
                    "Senin (20/10/2025), Gubernur Bobby Nasution tiba di lokasi pengungsian dan bertemu Presiden "
                    "Prabowo Subianto.")
    assert event.location_basis != "anaphor"


def test_the_same_occasion_is_where_the_sentence_before_placed_it_not_where_a_planned_meeting_is(pipeline):
    event = the_event(pipeline, "2025-10-22", '"Kami siap," kata Retno Marsudi di Bandung, Rabu (22/10/2025). Dalam '
                    "kesempatan yang sama, Retno juga bertemu Menteri Luar Negeri Malaysia Anifah Aman.")
    assert (event.location.city, event.location_basis) == ("Bandung", "anaphor")


def test_an_event_placed_in_a_city_state_is_in_its_city(pipeline):
    event = the_event(pipeline, "2025-10-21", "Perdana Menteri Singapura Lee Hsien Loong bertemu Menteri Luar Negeri "
                    "Singapura Vivian Balakrishnan membahas anggaran, Senin (20/10/2025).")
    assert (event.location.city, event.location.country) == ("Singapore", "SGP")


def test_a_city_that_closes_a_named_venue_is_the_place_but_not_after_a_lower_case_place_word(pipeline):
    named = told_by(pipeline, "2025-10-21", "Presiden Joko Widodo bertemu Prabowo Subianto di Universitas Mawar "
                    "Indah (Unmi) Surabaya, Senin (20/10/2025).")
    [event] = [e for e in named.events if e.type == "CONSULT"]
    assert (event.location.city, event.location_basis) == ("Surabaya", "trigger_sentence")
    street = told_by(pipeline, "2025-10-21", "Presiden Joko Widodo bertemu Prabowo Subianto yang viral di jalanan "
                     "kota Surabaya, Senin (20/10/2025).")
    [event] = [e for e in street.events if e.type == "CONSULT"]
    assert event.location is None or event.location_basis != "trigger_sentence"


def test_the_venue_as_written_wins_over_the_shorter_venue_the_knowledge_base_took_out_of_it(pipeline):
    # the knowledge base knows "Istana Kepresidenan" (in Jakarta) and tags only those words
    event = the_event(pipeline, "2025-10-21", "Presiden Joko Widodo bertemu Prabowo Subianto di Istana Kepresidenan "
                    "Bogor, Jawa Barat, Senin (20/10/2025).")
    assert (event.location.city, event.location_basis) == ("Bogor", "trigger_sentence")
    assert [e.text for e in event.evidence if e.field == "location"] == ["Istana Kepresidenan Bogor"]


def test_a_ministrys_building_named_without_its_country_is_where_the_indonesian_ministry_sits(pipeline):
    event = the_event(pipeline, "2025-10-22", '"Kami siap," kata Retno Marsudi di gedung Kementerian Pertahanan, '
                    "Rabu (22/10/2025). Dalam kesempatan yang sama, Retno juga bertemu Menteri Luar Negeri "
                    "Malaysia Anifah Aman.")
    assert (event.location.city, event.location.country, event.location_basis) == ("Jakarta", "IDN", "anaphor")


@pytest.mark.parametrize("venue, city, country", [
    ("Gedung Putih", "Washington, D.C.", "USA"),
    ("Kremlin", "Moscow", "RUS"),
    ("Istana Elysee", "Paris", "FRA"),
    ("Balai Agung Rakyat", "Beijing", "CHN"),
])
def test_a_seat_of_government_abroad_named_without_its_city_is_in_that_city(pipeline, venue, city, country):
    event = the_event(pipeline, "2024-03-06", "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Jepang "
                    f"Yoko Kamikawa di {venue}, Selasa (5/3/2024).")
    assert (event.location.city, event.location.country, event.location_basis) == (city, country, "trigger_sentence")


def test_an_airport_that_carries_no_citys_name_is_in_the_city_it_serves(pipeline):
    event = the_event(pipeline, "2024-03-06", "Seorang warga Indonesia ditangkap polisi di Bandara Changi, Selasa "
                    "(5/3/2024).", "COERCE")
    assert (event.location.city, event.location.country) == ("Singapore", "SGP")


def test_what_is_agreed_in_a_meeting_told_before_is_where_the_meeting_was(pipeline):
    article = told_by(pipeline, "2024-03-06", "Presiden Joko Widodo bertemu Perdana Menteri Australia Anthony "
                      "Albanese di Canberra, Selasa (5/3/2024). Dalam pertemuan itu, kedua pemimpin sepakat memperkuat "
                      "kerja sama perdagangan.")
    [agreement] = [e for e in article.events if e.type == "AGREE"]
    assert (agreement.location.city, agreement.location.country, agreement.location_basis) == (
        "Canberra", "AUS", "occasion")
    assert any(e.field == "location" and e.text == "Canberra" for e in agreement.evidence)


def test_a_request_made_at_a_visit_told_before_is_where_the_visit_was(pipeline):
    article = told_by(pipeline, "2024-03-06", "Presiden Prabowo Subianto menerima kunjungan Presiden Prancis Emmanuel "
                      "Macron di Istana Merdeka, Jakarta, Selasa (5/3/2024). Pada pertemuan tersebut, Prabowo meminta "
                      "Prancis mendukung keanggotaan Indonesia di OECD.")
    [request] = [e for e in article.events if e.type == "REQUEST"]
    assert (request.location.city, request.location_basis) == ("Jakarta", "occasion")


def test_what_follows_a_meeting_is_not_placed_at_the_meeting(pipeline):
    article = told_by(pipeline, "2024-03-06", "Menlu Retno Marsudi bertemu Menlu Jepang Yoko Kamikawa di Tokyo, "
                      "Selasa (5/3/2024). Setelah pertemuan itu, Retno meminta Jepang membuka akses pasar bagi produk "
                      "Indonesia.")
    [request] = [e for e in article.events if e.type == "REQUEST"]
    assert request.location_basis != "occasion"


def test_on_this_occasion_is_where_and_when_the_sentence_before_placed_and_dated_things(pipeline):
    event = the_event(pipeline, "2025-10-19", "Menteri Sosial Saifullah Yusuf menggelar doa bersama di Pendopo "
                    "Kabupaten Bangkalan, Sabtu (18/10/2025). Pada kesempatan ini, Saifullah bertemu Bupati Bangkalan "
                    "Lukman Hakim.")
    assert (event.location.city, event.location_basis, event.date) == ("Bangkalan", "anaphor", "2025-10-18")


def test_a_later_trigger_with_parties_too_few_of_its_own_does_not_overrule_the_leads_day(pipeline):
    article = told_by(pipeline, "2024-08-23", "Ketua DPRD Jawa Barat Buky Wibawa menyambangi Kantor Kementerian Dalam "
                      'Negeri. "Kami minta kejelasan," kata Buky di Kemendagri, Jakarta Pusat, Rabu (23/8/2024). Dia '
                      "meminta Kemendagri meninjau ulang aturan itu. Menurutnya, aturan itu merugikan daerah. Anggota "
                      'DPRD lainnya juga mengeluhkan hal serupa. "Saat musim rapat kami tidak bisa bertemu warga," kata '
                      "Buky di gedung DPRD, Senin (24/7/2024).")
    [visit] = [e for e in article.events if e.type == "CONSULT"]
    assert (visit.date, visit.background) == ("2024-08-23", False)


def test_a_reference_with_its_own_day_still_dates_the_visit_it_refers_to(pipeline):
    article = told_by(pipeline, "2024-08-23", "Ketua DPRD Jawa Barat Buky Wibawa menyambangi Kantor Kementerian Dalam "
                      'Negeri. "Kami minta kejelasan," kata Buky di Kemendagri, Jakarta Pusat, Rabu (23/8/2024). Dia '
                      "meminta Kemendagri meninjau ulang aturan itu. Pertemuan itu berlangsung pada Selasa (22/8/2024).")
    [visit] = [e for e in article.events if e.type == "CONSULT"]
    assert visit.date == "2024-08-22"


@pytest.mark.parametrize("topic", ["krisis kemanusiaan yang terjadi di Gaza", "perang berkepanjangan di Ukraina",
                                   "ketegangan yang meningkat di Laut China Selatan"])
def test_a_place_of_a_topic_qualified_before_it_is_not_where_the_talks_were(pipeline, topic):
    event = the_event(pipeline, "2023-11-14", "Presiden Joko Widodo bertemu Presiden AS Joe Biden untuk membahas "
                    f"{topic}, Senin (13/11/2023).")
    assert event.location is None


def test_a_place_after_the_talks_topic_and_a_word_that_ends_it_is_where_the_talks_were(pipeline):
    event = the_event(pipeline, "2023-11-14", "Presiden Joko Widodo bertemu Presiden AS Joe Biden membahas krisis "
                    "dan kerja sama di Gedung Putih, Senin (13/11/2023).")
    assert event.location.city == "Washington, D.C."


def test_a_provinces_office_is_in_the_provinces_capital(pipeline):
    event = the_event(pipeline, "2024-03-06", "Gubernur Jawa Barat Dedi Mulyadi bertemu Wali Kota Bogor Dedie Rachim "
                    "di Kantor Gubernur Jawa Tengah, Selasa (5/3/2024).")
    assert (event.location.city, event.location_basis) == ("Semarang", "trigger_sentence")


def test_the_presidents_office_of_another_country_is_not_the_indonesian_one(pipeline):
    event = the_event(pipeline, "2024-03-06", "Menteri Luar Negeri Retno Marsudi bertemu Presiden Filipina Ferdinand "
                    "Marcos Jr di Kantor Presiden Filipina, Selasa (5/3/2024).")
    assert event.location is None or event.location.city != "Jakarta"
