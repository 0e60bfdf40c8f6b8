"""Who takes part: names given once in full, subjects of reporting verbs, groups named by a common noun,
talks whose frame names their own parties, and triggers that need a word nearby."""

from __future__ import annotations

from linimasa.config import Settings
from linimasa.events import EventStage
from linimasa.events.lexicon import load_lexicon
from linimasa.lang.id.morphology import forms
from linimasa.link import participants_overlap
from linimasa.model import Article, Mention, Participant


class NoKB:
    """A knowledge base that knows nothing beyond the mentions' own resolution."""

    def role_at(self, kb_id, on):
        return None

    def holder(self, title, on, context=()):
        return None

    def place(self, name, context_country=None):
        return None

    def seat(self, kb_id):
        return None

    def organisation(self, name):
        return None

    def country(self, name):
        return None


def article(text: str, mentions: list[tuple[str, str, str | None, str | None]]) -> Article:
    """``mentions``: (surface, label, kind, kb_id), each at its first occurrence after the previous one's."""
    found, at = [], 0
    for surface, label, kind, kb_id in mentions:
        start = text.index(surface, at)
        found.append(Mention(start, start + len(surface), surface, label, "ner", kb_id, kind,
                             surface if kind else None, "IDN" if kind else None))
        at = start + len(surface)
    result = Article(id="a1", text=text, published="2025-10-20", lang="id", mentions=found)
    result.clean_text = text
    return result


def events(text, mentions, kind, **options):
    settings = Settings(options={"events": {"decision": False, **options}})
    done = EventStage(settings, kb=NoKB(), dater=lambda *args: None)(article(text, mentions))
    return [e for e in done.events if e.type == kind and e.modality == "asserted"]


def test_a_name_given_in_full_once_is_that_person_when_later_named_by_its_first_word():
    text = "Ekonom Rangga Prasetyo Wibisono hadir di Jakarta. Rangga mengkritik Bank Sentral Andalas."
    found = events(text, [("Rangga Prasetyo Wibisono", "PER", None, None), ("Rangga", "PER", None, None),
                          ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")], "ACCUSE")
    assert [p.name for p in found[0].participants] == ["Rangga Prasetyo Wibisono", "Bank Sentral Andalas"]


def test_a_first_word_two_people_share_stays_as_written():
    text = ("Rangga Wibisono dan Rangga Saputra hadir di Jakarta. Rangga mengkritik Bank Sentral Andalas.")
    found = events(text, [("Rangga Wibisono", "PER", None, None), ("Rangga Saputra", "PER", None, None),
                          ("Rangga", "PER", None, None), ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")],
                   "ACCUSE")
    assert [p.name for p in found[0].participants] == ["Rangga", "Bank Sentral Andalas"]


def test_the_subject_of_a_reporting_verb_holds_what_it_reports_when_that_has_no_subject():
    text = "Anggota DPR Adi Nugroho menegaskan dukungannya terhadap keputusan Bank Sentral Andalas."
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"),
                          ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")], "SUPPORT")
    assert [(p.name, p.side) for p in found[0].participants] == [("Adi Nugroho", "actor"),
                                                                 ("Bank Sentral Andalas", "recipient")]


def test_groups_named_by_a_common_noun_take_part_with_an_english_name():
    found = events("Dua pemuda ditangkap polisi di Bandung pada Senin.", [], "COERCE", require_known_party=False)
    assert {(p.name, p.kind, p.side) for p in found[0].participants} == {
        ("young men", "agent", "recipient"), ("police", "agent", "actor")}


def test_a_name_after_the_common_noun_carries_the_party():
    found = events("Penyidik KPK menangkap Budi Santoso di Bandung.", [("KPK", "ORG", "organisation", "org:kpk"),
                   ("Budi Santoso", "PER", None, None)], "COERCE")
    assert [p.name for p in found[0].participants] == ["KPK", "Budi Santoso"]


def test_two_arrests_by_the_police_share_no_party_for_linking():
    police = Participant("police", "polisi", kind="agent")
    assert not participants_overlap([police], [Participant("police", "polisi", kind="agent")])


def test_talks_framed_in_a_sentence_that_names_their_parties_are_a_meeting_when_none_was_told_before():
    text = ("Menurut Ani, kerja sama ini merupakan komitmen Presiden Arif Hakim dan Perdana Menteri Jan de Vries "
            "dalam pertemuan bilateral hari ini.")
    found = events(text, [("Ani", "PER", "person", "p:ani"), ("Arif Hakim", "PER", "person", "p:arif"),
                          ("Jan de Vries", "PER", "person", "p:jan")], "CONSULT")
    assert [p.name for p in found[0].participants] == ["Arif Hakim", "Jan de Vries"]


def test_a_trigger_that_needs_a_word_nearby_is_one_only_with_it():
    suspect = events("Polisi menetapkan Budi Santoso sebagai tersangka.", [("Budi Santoso", "PER", None, None)],
                     "ACCUSE", require_known_party=False)
    assert [p.name for p in suspect[0].participants] == ["police", "Budi Santoso"]
    assert events("Pemerintah menetapkan harga beras.", [], "ACCUSE", require_known_party=False) == []


def test_memper_kan_verbs_are_forms_of_their_root():
    assert [f.word for f in forms("tanya", ["memper-kan", "diper-kan"])] == ["mempertanyakan", "dipertanyakan"]
    assert any(r.type == "ACCUSE" and r.lemma == "tanya" for r in load_lexicon().triggers.starting_with("mempertanyakan"))


def test_talks_told_as_the_frame_of_a_quote_are_held_by_the_speaker_named_after_the_reporting_verb():
    text = ('"Tidak ada masalah," kata Ketua Ikatan Hakim, Suhardi, setelah bertemu dengan Presiden Arif Hakim '
            "di Jakarta.")
    found = events(text, [("Suhardi", "PER", "person", "p:suhardi"), ("Presiden", "TITLE", None, None),
                          ("Arif Hakim", "PER", "person", "p:arif")], "CONSULT")
    assert [p.name for p in found[0].participants] == ["Suhardi", "Arif Hakim"]


def test_discussing_a_subject_with_someone_is_a_meeting_with_them_not_with_the_subject():
    text = "Ryamizard juga membicarakan persoalan ISIS dengan Menteri Pertahanan Selandia Baru Mark Mitchell."
    found = events(text, [("Ryamizard", "PER", "person", "p:ryamizard"), ("ISIS", "ORG", "organisation", "org:isis"),
                          ("Mark Mitchell", "PER", "person", "p:mitchell")], "CONSULT")
    assert [p.name for p in found[0].participants] == ["Ryamizard", "Mark Mitchell"]


def test_the_extractor_says_why_a_group_of_candidates_made_no_event():
    text = "Dua pemuda ditangkap polisi di Bandung pada Senin."
    settings = Settings(options={"events": {"decision": False, "require_known_party": True}})
    extractor = EventStage(settings, kb=NoKB(), dater=lambda *args: None).extractor
    views, anchor, candidates = extractor.propose(article(text, []))
    fates = extractor.group_fates(article(text, []), views, anchor, candidates, explain=True)
    arrest = [(fate, event) for group, fate, event in fates if group.first.match.rule.type == "COERCE"]
    assert arrest == [("known_party", None)]  # its parties, young men and the police, are no known body
    assert extractor.group_fates(article(text, []), views, anchor, candidates) == []  # unexplained: only events


def test_a_regional_police_unit_makes_its_own_deployment_known_but_no_other_act():
    unit = [("Polres Sukamaju", "ORG", "organisation", "local:polres:sukamaju")]
    deployed = "Polres Sukamaju menerjunkan 80 personel ke lokasi bentrokan pada Minggu malam."
    mobilized = events(deployed, unit, "MOBILIZE", require_known_party=True)
    assert [p.name for e in mobilized for p in e.participants] == ["Polres Sukamaju"]
    shot = "Polres Sukamaju menembak mati seorang pelaku perampokan pada Minggu malam."
    assert len(events(shot, unit, "ASSAULT", require_known_party=False)) == 1
    assert events(shot, unit, "ASSAULT", require_known_party=True) == []


def test_who_the_addressee_is_asked_to_act_on_is_no_party_of_the_request():
    text = "Anggota DPR Adi Nugroho meminta Menteri Budi Santoso mencopot Direktur Candra Wijaya."
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Budi Santoso", "PER", "person", "p:budi"),
                          ("Candra Wijaya", "PER", "person", "p:candra")], "REQUEST")
    assert [p.name for p in found[0].participants] == ["Adi Nugroho", "Budi Santoso"]


def test_a_men_word_that_works_as_a_preposition_keeps_the_object_going():
    text = "Polisi Andalas menangkap Budi Santoso melalui Candra Wijaya di Bandung."
    found = events(text, [("Polisi Andalas", "ORG", "organisation", "org:pa"),
                          ("Budi Santoso", "PER", "person", "p:budi"), ("Candra Wijaya", "PER", "person", "p:candra")],
                   "COERCE")
    assert [p.name for p in found[0].participants] == ["Polisi Andalas", "Budi Santoso", "Candra Wijaya"]


def _with_countries(text: str, countries: list[tuple[str, str]]) -> Article:
    """An article whose mentions are the given countries (surface, ISO3), each after the previous one."""
    found, at = [], 0
    for surface, iso3 in countries:
        start = text.index(surface, at)
        found.append(Mention(start, start + len(surface), surface, "LOC", "kb", f"country:{iso3}", "country",
                             surface, iso3))
        at = start + len(surface)
    result = Article(id="a1", text=text, published="2025-10-20", lang="id", mentions=found)
    result.clean_text = text
    return result


def test_the_country_a_person_is_from_is_no_party_beside_their_name():
    text = "Budi Santoso (43), warga Malaysia ditangkap polisi di Bandung."
    unknown = Mention(0, 12, "Budi Santoso", "PER", "ner")  # a name the knowledge base does not know: no country
    article = _with_countries(text, [("Malaysia", "MYS")])
    article.mentions.insert(0, unknown)
    settings = Settings(options={"events": {"decision": False, "require_known_party": False}})
    done = EventStage(settings, kb=NoKB(), dater=lambda *args: None)(article)
    coerce = [e for e in done.events if e.type == "COERCE"]
    assert [p.name for p in coerce[0].participants] == ["Budi Santoso", "police"]


def test_a_country_is_not_told_again_beside_the_collective_that_stands_for_it():
    settings = Settings(options={"events": {"decision": False, "require_known_party": False}})
    text = "Israel dan tentara Israel menembak warga Palestina pada Senin."
    done = EventStage(settings, kb=NoKB(), dater=lambda *args: None)(
        _with_countries(text, [("Israel", "ISR"), ("Israel", "ISR"), ("Palestina", "PSE")]))
    assault = [e for e in done.events if e.type == "ASSAULT"]
    assert [p.name for p in assault[0].participants] == ["Israel military", "Palestina"]


def test_the_body_closing_a_units_name_is_how_the_unit_is_written_not_a_party():
    text = "Budi Santoso telah diperiksa Bareskrim Mabes Polri pada Senin."
    found = events(text, [("Budi Santoso", "PER", "person", "p:budi"), ("Bareskrim", "ORG", "organisation", "org:bareskrim"),
                          ("Polri", "ORG", "organisation", "org:polri")], "ACCUSE")
    assert [(p.name, p.mention) for p in found[0].participants] == [("Budi Santoso", "Budi Santoso"),
                                                                    ("Bareskrim", "Bareskrim Mabes Polri")]


def test_the_name_after_a_rank_is_a_person_the_ner_missed():
    text = "Kapolda Andalas Irjen Pol Budi Santoso bertemu Menteri Candra Wijaya di Bandung."
    found = events(text, [("Candra Wijaya", "PER", "person", "p:candra")], "CONSULT")
    assert {p.name for p in found[0].participants} == {"Budi Santoso", "Candra Wijaya"}


def test_a_rank_word_inside_an_office_names_nobody():
    from linimasa.events.arguments import SentenceView
    from linimasa.events.ranked_names import RankCues, ranked_mentions
    from linimasa.model import Sentence

    text = "Sekretaris Jenderal Dewan Andalas hadir."
    words = text.rstrip(".").split() + ["."]
    starts = [text.index(w) for w in words]
    view = SentenceView(0, Sentence(0, len(text), text), [w.lower() for w in words], starts,
                        [s + len(w) for s, w in zip(starts, words)])
    assert ranked_mentions(view, text, RankCues.of(load_lexicon())) == []


def test_who_reveals_an_arrest_with_mengungkap_is_its_speaker_not_a_party():
    text = "Pengacara Budi Santoso mengungkap Candra Wijaya ditahan Polisi Andalas pada Senin."
    found = events(text, [("Budi Santoso", "PER", "person", "p:budi"), ("Candra Wijaya", "PER", "person", "p:candra"),
                          ("Polisi Andalas", "ORG", "organisation", "org:pa")], "COERCE")
    assert {p.name for p in found[0].participants} == {"Candra Wijaya", "Polisi Andalas"}


def test_a_request_sent_to_a_body_is_addressed_to_it_and_not_to_whom_it_is_about():
    text = "Budi Santoso mengirimkan surat permohonan ke Pengadilan Andalas agar Candra Wijaya tidak ditahan."
    found = events(text, [("Budi Santoso", "PER", "person", "p:budi"), ("Pengadilan Andalas", "ORG", "organisation", "org:pa"),
                          ("Candra Wijaya", "PER", "person", "p:candra")], "REQUEST")
    told = [[(p.name, p.side) for p in e.participants] for e in found]
    assert [("Budi Santoso", "actor"), ("Pengadilan Andalas", "recipient")] in told
    assert all(p.name != "Candra Wijaya" for e in found for p in e.participants)


def test_who_confirms_an_arrest_is_its_speaker_not_a_party():
    text = "Wakil Wali Kota Budi Santoso membenarkan Candra Wijaya ditangkap Polisi Andalas."
    found = events(text, [("Budi Santoso", "PER", "person", "p:budi"), ("Candra Wijaya", "PER", "person", "p:candra"),
                          ("Polisi Andalas", "ORG", "organisation", "org:pa")], "COERCE")
    assert {p.name for p in found[0].participants} == {"Candra Wijaya", "Polisi Andalas"}


def test_the_police_of_a_country_is_its_police_not_the_state():
    settings = Settings(options={"events": {"decision": False, "require_known_party": False}})
    text = "Kepolisian Malaysia menangkap Budi Santoso pada Senin."
    article = _with_countries(text, [("Malaysia", "MYS")])
    start = text.index("Budi Santoso")
    article.mentions.append(Mention(start, start + 12, "Budi Santoso", "PER", "ner"))
    done = EventStage(settings, kb=NoKB(), dater=lambda *args: None)(article)
    coerce = [e for e in done.events if e.type == "COERCE"]
    assert {(p.name, p.kind) for p in coerce[0].participants} == {("Malaysia police", "organisation"),
                                                                   ("Budi Santoso", "person")}


def test_a_body_in_the_first_of_two_titles_is_how_the_person_is_introduced():
    text = "Anggota Komisi Andalas sekaligus Ketua Fraksi Partai Merdeka, Budi Santoso menuding Partai Bersatu."
    found = events(text, [("Komisi Andalas", "ORG", "organisation", "org:ka"), ("Partai Merdeka", "ORG", "organisation", "org:pm"),
                          ("Budi Santoso", "PER", "person", "p:budi"), ("Partai Bersatu", "ORG", "organisation", "org:pb")],
                   "ACCUSE")
    assert [p.name for p in found[0].participants] == ["Budi Santoso", "Partai Bersatu"]


def test_a_word_of_a_name_the_ner_left_untagged_is_that_person():
    text = "Politikus Viktor Bungamawar Laiskodat hadir di Jakarta. Selain itu, Viktor mengkritik Bank Sentral Andalas."
    found = events(text, [("Viktor Bungamawar Laiskodat", "PER", "person", "person:vbl"),
                          ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")], "ACCUSE")
    assert [p.name for p in found[0].participants] == ["Viktor Bungamawar Laiskodat", "Bank Sentral Andalas"]


def test_a_meeting_whose_parties_are_only_words_of_names_is_not_made_known_by_them():
    text = ("Pengusaha Andi Narawangsa dan politikus Setya Novanda bersaksi di sidang. "
            "Andi kemudian menemui Setya di kafe untuk membicarakan kaos partai.")
    known = [("Andi Narawangsa", "PER", "person", "person:an"), ("Setya Novanda", "PER", "person", "person:sn")]
    assert events(text, known, "CONSULT") == []
    tagged = events(text, known + [("Setya", "PER", "person", "person:sn")], "CONSULT")
    assert [len(e.participants) for e in tagged] == [2]  # named by the NER, Setya makes the meeting known


def test_a_word_of_a_title_is_no_name():
    text = "Presiden Andalas hadir di Jakarta. Presiden terpilih Budi Santosa mengkritik Bank Sentral Andalas."
    found = events(text, [("Presiden Andalas", "TITLE", "person", "person:old"), ("Budi Santosa", "PER", "person", "person:bs"),
                          ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")], "ACCUSE")
    assert [p.name for p in found[0].participants] == ["Budi Santosa", "Bank Sentral Andalas"]


def test_the_country_a_person_named_after_it_comes_from_is_no_party():
    text = "Presiden Andalas Budi Santoso bertemu dengan pendiri perusahaan raksasa asal Malaysia, Ahmad Rahim, di Jakarta."
    article = _with_countries(text, [("Malaysia", "MYS")])
    people = [Mention(text.index("Budi Santoso"), text.index("Budi Santoso") + 12, "Budi Santoso", "PER", "ner",
                      "p:budi", "person", "Budi Santoso", "IDN"),
              Mention(text.index("Ahmad Rahim"), text.index("Ahmad Rahim") + 11, "Ahmad Rahim", "PER", "ner")]
    article.mentions = sorted(article.mentions + people, key=lambda m: m.start)
    settings = Settings(options={"events": {"decision": False}})
    done = EventStage(settings, kb=NoKB(), dater=lambda *args: None)(article)
    consult = [e for e in done.events if e.type == "CONSULT"]
    assert sorted(p.name for p in consult[0].participants) == ["Ahmad Rahim", "Budi Santoso"]


def test_a_name_written_later_in_its_other_spelling_is_the_same_person():
    text = ("Ketua DPRD Prasetio Edi Marsudi hadir di Jakarta. Prasetyo bertemu Menteri Dalam Negeri Tjahjo Kumolo. "
            "Cahyo menemui Prasetyo lagi.")
    found = events(text, [("Prasetio Edi Marsudi", "PER", None, None), ("Prasetyo", "PER", None, None),
                          ("Tjahjo Kumolo", "PER", None, None), ("Cahyo", "PER", None, None),
                          ("Prasetyo", "PER", None, None)], "CONSULT")
    assert [sorted(p.name for p in e.participants) for e in found] == [["Prasetio Edi Marsudi", "Tjahjo Kumolo"]] * len(found)
    assert found


def test_two_people_whose_names_fold_alike_are_not_taken_for_each_other():
    text = "Hadi Suryo hadir. Hady Pratama hadir. Hadi bertemu Gubernur Rahmat Santoso di Bandung."
    found = events(text, [("Hadi Suryo", "PER", None, None), ("Hady Pratama", "PER", None, None),
                          ("Hadi", "PER", None, None), ("Rahmat Santoso", "PER", None, None)], "CONSULT")
    assert [sorted(p.name for p in e.participants) for e in found] == [["Hadi Suryo", "Rahmat Santoso"]]


def test_forces_deployed_in_the_passive_are_the_mobilising_actor():
    text = "Personel Polda Andalas telah dikerahkan ke lokasi bentrokan pada Senin."
    found = events(text, [("Polda Andalas", "ORG", "organisation", "org:polda-andalas")], "MOBILIZE")
    assert [(p.name, p.side) for p in found[0].participants] == [("Polda Andalas", "actor")]


def test_a_body_or_country_named_right_after_an_action_noun_is_its_actor():
    attack = events("Serangan udara Negara Andalas menghantam gedung konsulat Negara Bahari pada Senin.",
                    [("Negara Andalas", "LOC", "country", "country:AND"), ("Negara Bahari", "LOC", "country", "country:BAH")],
                    "ASSAULT")
    assert ("Negara Andalas", "actor") in [(p.name, p.side) for p in attack[0].participants]


def test_a_person_named_right_after_an_action_noun_stays_the_one_it_is_done_to():
    arrest = events("Polda Andalas melakukan penangkapan Budi Santoso di Bandung pada Senin.",
                    [("Polda Andalas", "ORG", "organisation", "org:polda-andalas"),
                     ("Budi Santoso", "PER", "person", "p:budi")], "COERCE")
    assert ("Budi Santoso", "recipient") in [(p.name, p.side) for p in arrest[0].participants]


def test_an_act_addressed_to_another_needs_the_one_it_is_addressed_to():
    # accusing, asking, supporting, agreeing with or aiding someone is told with that someone; a statement that
    # names only its speaker is an attitude, not an event between two parties
    bodies = [("Partai Andalas", "ORG", "organisation", "org:pa"), ("Bank Sentral Andalas", "ORG", "organisation",
                                                                      "org:bsa")]
    assert len(events("Partai Andalas mengecam Bank Sentral Andalas atas kenaikan suku bunga.", bodies,
                      "ACCUSE")) == 1
    alone = [("Partai Andalas", "ORG", "organisation", "org:pa")]
    assert events("Partai Andalas mengecam keras kenaikan suku bunga itu.", alone, "ACCUSE") == []
    assert events("Partai Andalas mendesak agar kenaikan suku bunga itu dibatalkan.", alone, "REQUEST") == []
    assert events("Partai Andalas berjanji menurunkan harga beras tahun depan.", alone, "AGREE") == []
    # an act done, not addressed, may have one party: a strike, a deployment, an annulment of one's own decision
    assert len(events("Partai Andalas membatalkan keputusan kongres soal ketua umum.", alone, "CONCEDE")) == 1


def _agents_of(text: str) -> list[tuple[str, str]]:
    from linimasa.events.agents import agent_mentions, load_agents
    from linimasa.events.lexicon import normal
    from linimasa.nlp.tokens import tokenize
    tokens = tokenize(text, 0)
    found = agent_mentions([normal(t.text) for t in tokens], [t.start for t in tokens], [t.end for t in tokens],
                           text, [], load_agents())
    return [(m.text, m.name) for m in found]


def test_who_crime_news_arrests_is_a_group_named_by_what_they_did():
    found = events("Dua pengedar sabu dibekuk polisi di Purwokerto pada Sabtu.", [], "COERCE", require_known_party=False)
    assert {(p.name, p.side) for p in found[0].participants} == {("dealers", "recipient"), ("police", "actor")}


def test_an_armed_group_named_by_a_common_noun_is_the_attacker():
    found = events("Kelompok kriminal bersenjata menyerang pos Brimob di Nduga pada Senin.", [], "ASSAULT",
                   require_known_party=False)
    assert ("armed criminal group", "actor") in {(p.name, p.side) for p in found[0].participants}


def test_a_counted_noun_is_a_group_only_after_its_count():
    assert _agents_of("Polisi menahan tiga pria di Bogor.") == [("Polisi", "police"), ("tiga pria", "men")]
    assert _agents_of("Banyak pria datang ke pasar itu.") == []
    assert _agents_of("Pria itu datang ke pasar.") == []


def test_people_counted_before_a_group_noun_are_that_group():
    assert _agents_of("Jaksa memeriksa tiga orang tersangka.") == [("Jaksa", "prosecutors"),
                                                                   ("tiga orang tersangka", "suspects")]
    assert _agents_of("Banyak orang datang ke pasar itu.") == []


def test_a_counted_crowd_is_who_was_arrested_but_not_who_an_attack_killed():
    arrest = events("Polisi menangkap 257 orang dalam razia di Jakarta.", [], "COERCE", require_known_party=False)
    assert {(p.name, p.side) for p in arrest[0].participants} == {("police", "actor"), ("people", "recipient")}
    attack = events("Kelompok bersenjata menembak polisi dan menewaskan 20 orang di Nduga.", [], "ASSAULT",
                    require_known_party=False)
    assert "people" not in {p.name for e in attack for p in e.participants}


def test_the_country_a_counted_group_comes_from_is_no_party():
    text = "Petugas imigrasi mendeportasi dua WNA asal Nigeria pada Senin."
    found = events(text, [("Nigeria", "LOC", "country", "country:NGA")], "COERCE", require_known_party=False)
    assert {p.name for p in found[0].participants} == {"officers", "foreign nationals"}


def test_an_arrest_naming_who_arrested_and_who_is_reported_whatever_the_decision_scores():
    settings = Settings(options={"events": {}})  # the shipped decision judges COERCE
    stage = EventStage(settings, kb=NoKB(), dater=lambda *args: None)
    told = stage(article("Lima penagih ditangkap polisi usai bentrokan di Kampung Cisomang.", []))
    assert [{(p.name, p.side) for p in e.participants} for e in told.events if e.type == "COERCE"] == [
        {("debt collectors", "recipient"), ("police", "actor")}]
    alone = stage(article("Lima penagih ditangkap usai bentrokan di Kampung Cisomang.", []))
    assert [e for e in alone.events if e.type == "COERCE"] == []
