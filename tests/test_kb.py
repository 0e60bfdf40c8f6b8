"""The knowledge base finds and links Indonesian names, titles, countries and places at a date."""

import datetime as dt

import pytest

from linimasa.config import Settings
from linimasa.kb import KnowledgeBase, load_kb
from linimasa.kb.linker import EntityLinkStage, merge
from linimasa.model import Article, Mention


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def linked(text, published=None, mentions=()):
    article = Article(id="t", text=text, published=published, lang="id", mentions=list(mentions))
    return EntityLinkStage(Settings())(article).mentions


def by_text(mentions, text):
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[0]


def test_title_phrase_resolves_to_the_holder_on_the_day(kb):
    assert kb.holder("Menlu AS", dt.date(2014, 10, 14)).name == "John Kerry"
    assert kb.holder("Menlu AS", dt.date(2018, 3, 1)).name == "Rex Tillerson"
    assert kb.holder("Menteri Luar Negeri Amerika Serikat", dt.date(2022, 1, 21)).name == "Antony Blinken"
    assert kb.holder("Presiden Rusia", dt.date(2010, 6, 1)).name == "Dmitry Medvedev"


def test_handover_day_belongs_to_the_successor(kb):
    assert kb.holder("Sekjen PBB", dt.date(2016, 12, 31)).name == "Ban Ki-moon"
    assert kb.holder("Sekjen PBB", dt.date(2017, 1, 1)).name == "António Guterres"
    assert kb.holder("Presiden AS", dt.date(2017, 1, 20)).name == "Donald Trump"


def test_an_unfilled_office_has_no_holder(kb):
    # Between Tillerson's departure and Pompeo's swearing-in the department had only an acting head.
    assert kb.holder("Menlu AS", dt.date(2018, 4, 10)) is None


def test_role_periods_and_role_at(kb):
    periods = kb.role_periods("person:vladimir-putin")
    assert {p.role for p in periods} >= {"President", "Prime Minister"}
    assert kb.role_at("person:vladimir-putin", dt.date(2010, 1, 1)).role == "Prime Minister"
    assert kb.role_at("person:vladimir-putin", dt.date(2015, 1, 1)).role == "President"
    assert kb.role_at("person:john-kerry", dt.date(2018, 1, 1)) is None


def test_countries_from_indonesian_names_abbreviations_and_demonyms(kb):
    assert kb.country("AS").iso3 == "USA"
    assert kb.country("Amerika Serikat").name == "United States"
    assert kb.country("Tiongkok").iso3 == "CHN"
    assert kb.country("Korsel").iso3 == "KOR"
    assert kb.country("warga Rusia").iso3 == "RUS"
    assert kb.country("as") is None


def test_places_from_exonyms_with_coordinates(kb):
    geneva = kb.place("Jenewa")
    assert (geneva.name, geneva.city, geneva.country) == ("Geneva", "Geneva", "CHE")
    assert geneva.lat == pytest.approx(46.2, abs=0.1) and geneva.lon == pytest.approx(6.15, abs=0.1)
    assert kb.place("Moskwa").name == kb.place("Moskow").name == "Moscow"
    assert kb.place("Den Haag").country == "NLD"
    assert kb.place("Peking").name == "Beijing"


def test_context_country_picks_among_places_of_one_name(kb):
    assert kb.place("Paris").country == "FRA"
    assert kb.place("Paris", context_country="USA").country == "USA"


def test_lower_case_words_are_not_taken_for_short_names(kb):
    found = kb.find_mentions("Ia datang as usual, lalu pm itu pergi ke rusia.")
    assert found == []


def test_stage_links_people_titles_countries_and_places():
    text = (
        "Menteri Luar Negeri Amerika Serikat John Kerry bertemu Menlu Rusia Sergei Lavrov di Jenewa. "
        "Kerry mengatakan Washington siap."
    )
    mentions = linked(text, published="2015-05-13")
    kerry = by_text(mentions, "Kerry")
    assert (kerry.name, kerry.country, kerry.role) == ("John Kerry", "USA", "Secretary of State")
    title = by_text(mentions, "Menteri Luar Negeri Amerika Serikat")
    assert (title.label, title.name, title.role) == ("TITLE", "John Kerry", "Secretary of State")
    lavrov = by_text(mentions, "Sergei Lavrov")
    assert (lavrov.name, lavrov.role) == ("Sergey Lavrov", "Foreign Minister")
    geneva = by_text(mentions, "Jenewa")
    assert (geneva.kind, geneva.name, geneva.country) == ("place", "Geneva", "CHE")


def test_without_a_date_a_title_needs_its_holder_named_in_the_article():
    named = linked("Menlu AS tiba. Menlu AS John Kerry lalu berbicara.")
    assert by_text(named, "Menlu AS").name == "John Kerry"
    alone = linked("Menlu AS tiba di Moskow untuk pembicaraan.")
    assert by_text(alone, "Menlu AS").kb_id is None


def test_surname_alone_resolves_only_when_it_fits_the_date_or_the_article():
    assert by_text(linked("Lavrov tiba di Jakarta.", published="2020-02-02"), "Lavrov").name == "Sergey Lavrov"
    assert by_text(linked("Lavrov tiba di Jakarta."), "Lavrov").kb_id is None


def test_former_holder_is_not_read_as_the_current_one():
    mentions = linked("Mantan Menlu AS Hillary Clinton berbicara di New York.", published="2016-03-01")
    title = [m for m in mentions if m.label == "TITLE"][0]
    assert title.name == "Hillary Clinton" and title.role is None


def test_someone_attached_to_an_office_is_not_its_holder():
    adviser = linked("Penasihat Presiden Rusia Yuri Ushakov tiba di Jakarta.", published="2019-03-01")
    assert not [m for m in adviser if m.label == "TITLE"]
    assert "person:vladimir-putin" not in {m.kb_id for m in adviser}
    holder = linked("Presiden Rusia tiba di Jakarta.", published="2019-03-01")
    assert by_text(holder, "Presiden Rusia").name == "Vladimir Putin"


def test_an_indonesian_officer_by_one_name_is_not_a_foreign_leader_of_that_name():
    text = '"Seleksi ini terbuka," kata Irjen Anwar di Jakarta. Anwar menambahkan ...'
    ner = [Mention(i, i + 5, "Anwar", "PER") for i in (text.index("Anwar"), text.rindex("Anwar"))]
    officer = linked(text, published="2025-10-22", mentions=ner)
    assert [m.kb_id for m in officer if m.text == "Anwar"] == [None, None]
    leader = linked("Anwar tiba di Jakarta untuk bertemu Prabowo.", published="2025-10-22")
    assert by_text(leader, "Anwar").name == "Anwar Ibrahim"


def test_ner_mentions_are_merged_not_duplicated():
    text = "Presiden Joko Widodo menerima PM Jepang di Istana."
    ner = [Mention(9, 20, "Joko Widodo", "PER"), Mention(42, 48, "Istana", "LOC")]
    mentions = linked(text, published="2016-01-10", mentions=ner)
    assert [m.text for m in mentions if m.text == "Joko Widodo"] == ["Joko Widodo"]
    assert by_text(mentions, "Joko Widodo").role == "President"
    assert by_text(mentions, "PM Jepang").name == "Shinzo Abe"
    assert by_text(mentions, "Istana").kb_id is None


def test_longer_ner_span_wins_and_keeps_its_link():
    text = "Menlu AS John Kerry tiba."
    ner = [Mention(9, 19, "John Kerry", "PER")]
    kb_found = [Mention(9, 14, "John", "PER", source="kb")]
    merged, _ = merge(ner, kb_found, text)
    assert [m.text for m in merged] == ["John Kerry"]


def test_users_extend_the_kb_with_their_own_files(tmp_path):
    (tmp_path / "people.csv").write_text(
        "kb_id,name,country,aliases,wikidata\nperson:test-mayor,Budi Contoh,IDN,Walkot Budi,\n", encoding="utf-8"
    )
    (tmp_path / "roles.csv").write_text(
        "kb_id,role,country,organisation,start,end,source\n"
        "person:test-mayor,Mayor of Contoh,IDN,,2020-01-01,,test fixture\n",
        encoding="utf-8",
    )
    extended = KnowledgeBase.from_paths(tmp_path)
    mention = extended.resolve(Mention(0, 11, "Walkot Budi", "PER"), dt.date(2021, 1, 1), [])
    assert (mention.name, mention.role) == ("Budi Contoh", "Mayor of Contoh")


def test_cabinet_shorthand_alone_means_the_indonesian_minister_unless_a_country_is_named(kb):
    assert kb.holder("Mendagri", dt.date(2020, 1, 1)).name == "Tito Karnavian"
    assert kb.holder("Menkeu AS", dt.date(2022, 7, 12)).name == "Janet Yellen"


def test_one_word_name_inside_an_unknown_longer_name_is_not_linked(kb):
    found = kb.find_mentions("Ketua panitia Anwar Rasyidi membacakan putusan. Kemudian Anwar pulang.")
    assert [m.text for m in found if m.label == "PER"] == ["Anwar"]


def test_ner_span_with_an_unknown_name_part_is_not_linked_to_a_known_namesake(kb):
    mention = kb.resolve(Mention(0, 13, "Anwar Rasyidi", "PER"), dt.date(2023, 10, 16), [])
    assert mention.kb_id is None


def test_indonesian_stop_words_are_not_places(kb):
    assert [m.text for m in kb.find_mentions("Kita tidak tahu. Saat itu dia di Sochi.")] == ["Sochi"]


def test_country_accepts_its_iso_code(kb):
    assert kb.country("RUS").name == "Russia"
    assert kb.country("CHE").name == "Switzerland"


def test_running_the_stage_twice_changes_nothing():
    text = "Presiden Rusia Vladimir Putin menerima Menlu AS John Kerry di Sochi."
    article = Article(id="twice", text=text, published="2015-05-12", lang="id")
    stage = EntityLinkStage(Settings())
    once = [(m.start, m.end, m.label, m.kb_id, m.role) for m in stage(article).mentions]
    twice = [(m.start, m.end, m.label, m.kb_id, m.role) for m in stage(article).mentions]
    assert once == twice
    assert ("Sochi", "RUS") in {(m.name, m.country) for m in article.mentions}


def test_cabinet_shorthand_alone_is_found_in_text():
    mentions = linked("Menkeu mengatakan defisit anggaran terkendali.", published="2023-03-01")
    assert by_text(mentions, "Menkeu").name == "Sri Mulyani Indrawati"


def test_institutions_are_composed_from_a_kind_word_and_a_country(kb):
    japan = kb.organisation("Kemlu Jepang")
    assert (japan.name, japan.country, japan.kb_id) == ("Ministry of Foreign Affairs (Japan)", "JPN", "org:mfa:JPN")
    assert kb.organisation("Kedubes AS").name == "Embassy of United States"
    consulate = kb.organisation("Konsulat Jenderal RI")
    assert (consulate.name, consulate.country) == ("Consulate General of Indonesia", "IDN")
    assert kb.organisation("Kementerian Luar Negeri Rusia").kb_id == "org:rus-mfa"
    assert kb.organisation("Kementerian Luar Negeri") is None


def test_stage_links_a_composed_institution_as_one_mention():
    mentions = linked("Kemlu Jepang memanggil duta besar China.", published="2020-01-01")
    japan = by_text(mentions, "Kemlu Jepang")
    assert (japan.kind, japan.country) == ("organisation", "JPN")


def test_deputies_are_not_read_as_the_office_holder():
    mentions = linked("Wakil Ketua KPK Alexander Marwata hadir.", published="2017-12-11")
    assert all(m.name != "Agus Rahardjo" for m in mentions)


def test_a_surname_before_its_owner_took_office_is_someone_else():
    # Pedro Sánchez became Spain's prime minister in June 2018; a January 2018 "Sanchez" is not him.
    assert by_text(linked("Sanchez mencetak gol kedua.", published="2018-01-04"), "Sanchez").kb_id is None


def test_a_town_name_inside_a_longer_name_is_not_the_town(kb):
    found = kb.find_mentions("Pemain Inter Milan bertemu Rima Melati Adams di Kota Tegal.")
    assert [m.text for m in found if m.label == "LOC"] == ["Kota Tegal"]  # the city, by its regional name


def test_a_namesake_listed_only_among_alternate_names_does_not_beat_the_city(kb):
    assert kb.places.find("Milan", ["USA"]).country == "ITA"


def test_ner_spans_inside_a_title_phrase_give_way_to_it():
    text = "Menlu AS John Kerry tiba di Jenewa."
    ner = [Mention(0, 8, "Menlu AS", "ORG"), Mention(6, 8, "AS", "LOC"), Mention(9, 19, "John Kerry", "PER")]
    mentions = linked(text, published="2015-05-12", mentions=ner)
    assert [(m.text, m.label) for m in mentions if m.start < 9] == [("Menlu AS", "TITLE")]
    assert by_text(mentions, "Menlu AS").name == "John Kerry"


def test_title_followed_by_a_name_is_that_person_with_or_without_a_date():
    for published in ("2017-03-01", None):
        mentions = linked("Menlu Retno menerima Menlu Australia Julie Bishop.", published=published)
        title = by_text(mentions, "Menlu")
        assert (title.name, title.country, title.role) == ("Retno Marsudi", "IDN", "Foreign Minister")
        assert by_text(mentions, "Menlu Australia").name == "Julie Bishop"


def test_indonesian_short_names_resolve_without_a_date():
    mentions = linked("Jokowi dan SBY bertemu di Istana.")
    assert by_text(mentions, "Jokowi").name == "Joko Widodo"
    assert by_text(mentions, "SBY").name == "Susilo Bambang Yudhoyono"


def test_the_stage_pickles_small_for_worker_processes():
    import pickle

    stage = EntityLinkStage(Settings())
    assert len(pickle.dumps(stage)) < 2000


def test_a_language_is_not_its_country(kb):
    found = kb.find_mentions("Ia fasih berbahasa Inggris dan bahasa Jepang, lalu terbang ke Jepang.")
    assert [m.text for m in found] == ["Jepang"] and found[0].start > 40


def test_english_country_names_that_are_first_names_are_not_countries(kb):
    assert kb.country("Jordan") is None and kb.country("Yordania").iso3 == "JOR"
    assert kb.find_mentions("Ganda campuran Praveen Jordan menang.") == []


def test_a_users_roles_for_a_person_replace_the_shipped_ones(tmp_path):
    (tmp_path / "roles.csv").write_text(
        "kb_id,role,country,organisation,start,end,source\n"
        "person:john-kerry,Secretary of State,USA,,2013-02-01,2016-12-31,a user's correction\n",
        encoding="utf-8",
    )
    corrected = KnowledgeBase.from_paths(tmp_path)
    assert [p.end for p in corrected.role_periods("person:john-kerry")] == [dt.date(2016, 12, 31)]
    assert corrected.role_periods("person:sergey-lavrov")


def test_a_head_of_an_organisation_the_kb_has_no_office_of_gets_no_role():
    mentions = linked("Kepala BNPB meninjau lokasi banjir.", published="2021-01-01")
    title = by_text(mentions, "Kepala BNPB")
    assert (title.kb_id, title.role) == (None, None)


def test_resolving_again_at_another_date_forgets_the_first_answer(kb):
    mention = Mention(0, 8, "Menlu AS", "TITLE", source="title")
    kb.resolve(mention, dt.date(2015, 5, 12), [mention])
    assert mention.name == "John Kerry"
    kb.resolve(mention, dt.date(2018, 4, 10), [mention])
    assert (mention.kb_id, mention.name) == (None, None)


def test_regions_have_no_city_and_demonym_phrases_name_their_country(kb):
    gaza = kb.place("Jalur Gaza")
    assert (gaza.name, gaza.city, gaza.country) == ("Gaza Strip", None, "PSE")
    assert kb.country("warga negara Indonesia").iso3 == "IDN"
    assert kb.country("rakyat Palestina").iso3 == "PSE"


def test_an_abbreviation_in_brackets_keeps_the_name_next_to_its_title():
    mentions = linked("Menteri Luar Negeri (Menlu) Retno Marsudi bertemu Menlu Rusia (kiri) Sergei Lavrov.")
    title = by_text(mentions, "Menteri Luar Negeri (Menlu)")
    assert (title.name, title.role) == ("Retno Marsudi", "Foreign Minister")
    assert by_text(mentions, "Menlu Rusia").name == "Sergey Lavrov"


def test_a_name_several_leaders_share_is_settled_by_the_country_the_article_names():
    singapore = linked("Lee menyambut para menteri di Singapura.", published="2010-06-01")
    assert by_text(singapore, "Lee").name == "Lee Hsien Loong"
    korea = linked("Lee berpidato di depan parlemen Korea Selatan.", published="2010-06-01")
    assert by_text(korea, "Lee").name == "Lee Myung-bak"
    neither = linked("Lee berpidato di depan parlemen.", published="2010-06-01")
    assert by_text(neither, "Lee").kb_id is None


def test_an_office_of_state_is_shown_before_a_party_post(kb):
    # Bahlil Lahadalia became energy minister on 19 August 2024 and Golkar chair two days later.
    assert kb.role_at("person:bahlil-lahadalia", dt.date(2025, 1, 1)).role == "Energy and Mineral Resources Minister"


def test_name_look_ups_answer_the_same_when_asked_again_and_after_forgetting(kb, monkeypatch):
    """country() and organisation() remember what they found for a name; the remembered answers, and those
    found again once the memory is full and forgotten, are the first ones (a composed body included)."""
    from linimasa.kb import base

    names = ["Indonesia", "warga Jepang", "Kemlu Jepang", "Polres Jember", "KPK", "Gedung Putih", "Jakarta", "bukan nama"]
    first = [(kb.country(n), kb.organisation(n)) for n in names]
    assert first[0][0].iso3 == "IDN" and first[1][0].iso3 == "JPN" and first[3][1] is not None
    assert first[7] == (None, None)
    assert [(kb.country(n), kb.organisation(n)) for n in names] == first
    monkeypatch.setattr(base, "NAME_MEMORY_LIMIT", 3)
    monkeypatch.setattr(kb, "_country_of", {})
    monkeypatch.setattr(kb, "_organisation_of", {})
    again = [(kb.country(n), kb.organisation(n)) for n in names + names]
    assert again == first + first
    assert len(kb._country_of) <= 3 and len(kb._organisation_of) <= 3
