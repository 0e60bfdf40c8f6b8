"""The events stage on articles annotated by hand: triggers, modality, parties, place, length and topics.

The knowledge base and the date function are small stand-ins with the same interface, so these tests pin
the events logic alone; tests/test_events_seeds.py runs the real stages end to end.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from dataclasses import dataclass

import pytest

from linimasa.config import Settings
from linimasa.events import EventStage
from linimasa.model import Article, Mention, TimeExpression


@dataclass
class Period:
    role: str
    country: str


@dataclass
class Person:
    kb_id: str
    name: str
    country: str


@dataclass
class Place:
    name: str
    city: str | None
    country: str
    lat: float
    lon: float
    kb_id: str


@dataclass
class Country:
    iso3: str
    name: str

    @property
    def kb_id(self) -> str:
        return f"country:{self.iso3}"


PEOPLE = {
    "Joko Widodo": ("Q1", "IDN", "President", dt.date(2014, 10, 20), dt.date(2024, 10, 20)),
    "Xi Jinping": ("Q2", "CHN", "President", dt.date(2013, 3, 14), None),
    "Retno Marsudi": ("Q3", "IDN", "Foreign Minister", dt.date(2014, 10, 27), dt.date(2024, 10, 20)),
    "Wang Yi": ("Q4", "CHN", "Foreign Minister", dt.date(2013, 3, 16), None),
}
ALIASES = {"Jokowi": "Joko Widodo", "Xi": "Xi Jinping", "Retno": "Retno Marsudi", "Wang Yi": "Wang Yi"}
PLACES = {"Beijing": Place("Beijing", "Beijing", "CHN", 39.9, 116.4, "p:beijing"),
          "Jakarta": Place("Jakarta", "Jakarta", "IDN", -6.2, 106.8, "p:jakarta"),
          "Bandung": Place("Bandung", "Bandung", "IDN", -6.9, 107.6, "p:bandung")}
COUNTRIES = {"China": ("CHN", "China"), "Indonesia": ("IDN", "Indonesia"), "Tiongkok": ("CHN", "China")}


class FakeKB:
    def role_at(self, kb_id, on):
        for name, (pid, country, role, start, end) in PEOPLE.items():
            if pid == kb_id and start <= on and (end is None or on <= end):
                return Period(role, country)
        return None

    def holder(self, title, on, context=()):
        if title == "Menlu China":
            return Person("Q4", "Wang Yi", "CHN")
        return None

    def place(self, name, context_country=None):
        return PLACES.get(name)

    def seat(self, kb_id):
        return None  # the fake's people and countries sit nowhere: tests/test_kb_seats.py has the real seats

    def organisation(self, name):
        return None  # the fake knows no organisation by name

    def country(self, name):
        for key, (iso3, english) in COUNTRIES.items():
            if name in (key, iso3, english):
                return Country(iso3, english)
        return None


def annotate(text: str, times: list[tuple[str, str, str]] = (), published: str = "2023-07-28") -> Article:
    """An article with the mentions a resolving NER + KB would give, and the given time expressions."""
    article = Article(id="a1", text=text, published=published, lang="id")
    article.clean_text = text
    article.anchor = {"date": published, "basis": "published"}
    spans = []
    for surface, full in ALIASES.items():
        for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
            pid, country = PEOPLE[full][0], PEOPLE[full][1]
            spans.append(Mention(m.start(), m.end(), surface, "PER", "ner", pid, "person", full, country))
    for full, (pid, country, *_rest) in PEOPLE.items():
        for m in re.finditer(re.escape(full), text):
            spans.append(Mention(m.start(), m.end(), full, "PER", "ner", pid, "person", full, country))
    for name, place in PLACES.items():
        for m in re.finditer(rf"\b{name}\b", text):
            spans.append(Mention(m.start(), m.end(), name, "LOC", "kb", place.kb_id, "place", name, place.country))
    for name, (iso3, english) in COUNTRIES.items():
        for m in re.finditer(rf"\b{name}\b", text):
            spans.append(Mention(m.start(), m.end(), name, "LOC", "kb", f"country:{iso3}", "country", english, iso3))
    for m in re.finditer(r"Menlu China", text):
        spans.append(Mention(m.start(), m.end(), m.group(), "TITLE", "title"))
    for m in re.finditer(r"Persib|Persija", text):
        spans.append(Mention(m.start(), m.end(), m.group(), "ORG", "ner"))
    article.mentions = _outer(spans)
    for surface, kind, value in times:
        start = text.index(surface)
        article.times.append(TimeExpression(start, start + len(surface), surface, kind, value, basis="anchor"))
    return article


def _outer(spans):
    kept = []
    for m in sorted(spans, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def date_in_sentence(article, start, end):
    """Stand-in for the time stage's date_for_event: the DATE expression of the trigger's sentence."""
    text = article.working_text
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right = min(i for i in (text.find(".", end), len(text)) if i >= 0)
    for t in article.times:
        if t.type == "DATE" and left <= t.start < right:
            return {"value": t.value, "flags": [], "alternatives": [], "basis": "sentence", "time": t}
    return None


@pytest.fixture
def stage():
    return EventStage(Settings(), kb=FakeKB(), dater=date_in_sentence)


def consults(article, modality="asserted"):
    return [e for e in article.events if e.type == "CONSULT" and e.modality == modality]


def test_a_bilateral_meeting_has_its_parties_roles_place_date_length_and_topics(stage):
    article = stage(annotate(
        "Presiden Joko Widodo bertemu Presiden Xi Jinping di Beijing, Kamis (27/7/2023). "
        "Pertemuan selama dua jam itu membahas perdagangan, investasi dan perubahan iklim.",
        times=[("Kamis (27/7/2023)", "DATE", "2023-07-27"), ("selama dua jam", "DURATION", "PT2H")],
    ))
    [event] = consults(article)
    assert event.mode == "meet"
    assert {(p.name, p.country, p.role) for p in event.participants} == {
        ("Joko Widodo", "IDN", "President"), ("Xi Jinping", "CHN", "President")}
    assert (event.location.city, event.location.country) == ("Beijing", "CHN")
    assert event.date == "2023-07-27"
    assert event.duration_minutes == 120
    assert event.topics == ["trade", "investment", "climate change"]
    assert not event.background
    fields = {e.field for e in event.evidence}
    assert {"trigger", "participant", "location", "date", "duration", "topic"} <= fields
    for evidence in event.evidence:
        assert article.working_text[evidence.start:evidence.end] == evidence.text


def test_the_role_is_the_one_held_on_the_event_date(stage):
    article = stage(annotate("Jokowi bertemu Xi di Beijing pada 2 Mei 2025.",
                             times=[("2 Mei 2025", "DATE", "2025-05-02")], published="2025-05-03"))
    [event] = consults(article)
    roles = {p.name: p.role for p in event.participants}
    assert roles == {"Joko Widodo": None, "Xi Jinping": "President"}  # Jokowi's term ended in 2024


@pytest.mark.parametrize("sentence, modality", [
    ("Jokowi akan bertemu Xi di Beijing.", "future"),
    ("Jokowi dijadwalkan bertemu Xi di Beijing.", "future"),
    ("Jokowi berencana bertemu Xi di Beijing.", "future"),
    ("Pertemuan Jokowi dengan Xi kemungkinan digelar di Beijing.", "hypothetical"),
    ("Jokowi tidak bertemu Xi di Beijing.", "negated"),
    ("Jokowi batal bertemu Xi di Beijing.", "negated"),
    ("Jokowi menolak bertemu Xi di Beijing.", "negated"),
    ("Jokowi telah bertemu Xi di Beijing.", "asserted"),
    ("Jokowi segera bertemu Xi di Beijing.", "future"),
    ("Jokowi berjanji menemui Xi di Beijing.", "future"),
    ("Jokowi harus bertemu Xi di Beijing.", "hypothetical"),
    ("Jokowi dikabarkan bertemu Xi di Beijing.", "hypothetical"),
    ("Jokowi dilarang bertemu Xi di Beijing.", "negated"),
    ("Jokowi berhalangan menemui Xi di Beijing.", "negated"),
    ("Kali ini Jokowi bertemu Xi di Beijing.", "asserted"),
    # a condition opens the clause however long its subject
    ("Pasar bisa bergejolak apabila Presiden Republik Indonesia Jokowi betul-betul bertemu Xi di Beijing.",
     "hypothetical"),
    ("Situasi akan berubah jika Jokowi pada akhirnya bertemu Xi di Beijing.", "hypothetical"),
    # but not past the clause it opens
    ("Jika dihitung sejak Mei, Jokowi sudah bertemu Xi di Beijing.", "asserted"),
])
def test_modality_follows_the_words_before_and_after_the_trigger(stage, sentence, modality):
    article = stage(annotate(sentence))
    assert [e.modality for e in article.events if e.type == "CONSULT"] == [modality]


@pytest.mark.parametrize("sentence", [
    "Jokowi sudah lima kali bertemu Xi di Beijing.",
    "Jokowi beberapa kali bertemu Xi di Beijing.",
    "Jokowi masih terus berkomunikasi dengan Xi.",
    "Selama ini Jokowi rutin menemui Xi di Beijing.",
])
def test_habits_and_goings_on_are_no_single_event(stage, sentence):
    assert [e for e in stage(annotate(sentence)).events if e.type == "CONSULT"] == []


def test_a_planned_meeting_after_the_trigger_is_future(stage):
    article = stage(annotate("Pertemuan dengan Menlu China, Wang Yi, mungkin akan berlangsung di Jakarta. "
                             "Retno mengatakan itu di Bandung."))
    assert consults(article) == []


@pytest.mark.parametrize("text", [
    "Persib akan bertemu Persija dalam laga pekan depan.",
    "Persib bertemu Persija di stadion dan menang dua gol.",
    "Jokowi bertemu penggemar di Bandung.",
    "Retno menggelar konferensi pers di Jakarta.",
])
def test_fixtures_fan_meetings_and_press_conferences_are_not_consultations(stage, text):
    assert [e for e in stage(annotate(text)).events if e.type == "CONSULT"] == []


def test_tourism_rules_out_talks_but_not_a_tourist_arrested(stage):
    assert [e for e in stage(annotate("Jokowi bertemu wisatawan China di Bandung.")).events] == []
    [arrest] = stage(annotate("Seorang turis China ditangkap polisi Indonesia di Bandung.")).events
    assert arrest.type == "COERCE"


def test_a_player_sentenced_is_a_sanction_but_a_player_meeting_is_no_talks(stage):
    assert stage(annotate("Pemain Persib bertemu Jokowi di Bandung.")).events == []
    [sentence] = stage(annotate("Pengadilan China menjatuhkan hukuman penjara kepada pemain Persib di Beijing.")).events
    assert sentence.type == "SANCTION"


def test_a_visit_has_the_visitor_as_actor_and_the_host_as_recipient(stage):
    article = stage(annotate("Menlu China Wang Yi berkunjung ke Jakarta dan bertemu Retno Marsudi.",
                             published="2023-07-28"))
    sides = {(p.name, p.side) for e in consults(article) for p in e.participants}
    assert ("Wang Yi", "actor") in sides


def test_a_host_receiving_a_visit_is_the_recipient(stage):
    article = stage(annotate("Presiden Joko Widodo menerima kunjungan Menlu China Wang Yi di Jakarta."))
    [event] = consults(article)
    assert event.mode == "visit"
    assert {(p.name, p.side) for p in event.participants} == {("Joko Widodo", "recipient"), ("Wang Yi", "actor")}
    assert event.location.city == "Jakarta"


def test_repeated_reports_of_one_meeting_in_an_article_are_one_event(stage):
    article = stage(annotate(
        "Jokowi bertemu Xi di Beijing, Kamis (27/7/2023). Dalam pertemuan itu keduanya membahas investasi. "
        "Jokowi mengatakan pertemuannya dengan Xi berlangsung hangat.",
        times=[("Kamis (27/7/2023)", "DATE", "2023-07-27")],
    ))
    [event] = consults(article)
    assert len([e for e in event.evidence if e.field == "trigger"]) == 3
    assert "investment" in event.topics


def test_a_meeting_recalled_from_long_before_is_background(stage):
    article = stage(annotate(
        "Jokowi bertemu Xi di Beijing, Kamis (27/7/2023). Keduanya sebelumnya bertemu di Jakarta pada Oktober 2015.",
        times=[("Kamis (27/7/2023)", "DATE", "2023-07-27"), ("Oktober 2015", "DATE", "2015-10")],
    ))
    by_date = {e.date: e.background for e in consults(article)}
    assert by_date == {"2023-07-27": False, "2015-10": True}


def test_a_place_merely_discussed_is_not_the_venue(stage):
    article = stage(annotate("Jokowi bertemu Xi di Beijing membahas perang di Ukraina."))
    [event] = consults(article)
    assert event.location.city == "Beijing"


def test_the_summary_is_generated_from_the_event_not_quoted(stage):
    article = stage(annotate("Jokowi bertemu Xi di Beijing. (ant/dna)"))
    [event] = consults(article)
    assert event.summary == "Joko Widodo dan Xi Jinping bertemu di Beijing."


def test_other_types_are_found_with_actor_and_recipient(stage):
    article = stage(annotate("Retno mengecam Tiongkok atas insiden di perbatasan."))
    [event] = [e for e in article.events if e.type == "ACCUSE"]
    assert {(p.name, p.side) for p in event.participants} == {("Retno Marsudi", "actor"), ("China", "recipient")}


def test_the_stage_survives_pickling_for_worker_processes():
    stage = EventStage(Settings())
    clone = pickle.loads(pickle.dumps(stage))
    assert clone.name == "events"


def test_the_dateline_city_is_the_weakest_place_and_says_so(stage):
    article = annotate("Jokowi bertemu Xi, Kamis (27/7/2023).", times=[("Kamis (27/7/2023)", "DATE", "2023-07-27")])
    article.dateline = {"place": "Bandung", "outlet": "X", "text": "BANDUNG, X -", "start": None, "end": None}
    [event] = consults(stage(article))
    assert (event.location.city, event.location_basis) == ("Bandung", "dateline")


def test_a_place_named_with_the_event_beats_the_dateline(stage):
    article = annotate("Jokowi bertemu Xi di Beijing, Kamis (27/7/2023).",
                       times=[("Kamis (27/7/2023)", "DATE", "2023-07-27")])
    article.dateline = {"place": "Bandung", "outlet": "X", "text": "BANDUNG, X -", "start": None, "end": None}
    [event] = consults(stage(article))
    assert (event.location.city, event.location_basis) == ("Beijing", "trigger_sentence")


def test_nobody_doing_it_is_a_negated_event(stage):
    article = stage(annotate("Di Jakarta, tak ada menteri Jokowi yang menemui Xi."))
    assert [e.modality for e in article.events if e.type == "CONSULT"] == ["negated"]


def test_a_reference_right_after_a_second_meeting_belongs_to_that_meeting(stage):
    article = stage(annotate(
        "Jokowi bertemu Xi di Beijing, Kamis (27/7/2023). Retno juga bertemu Wang Yi di Beijing. "
        "Pertemuan itu membahas investasi.",
        times=[("Kamis (27/7/2023)", "DATE", "2023-07-27")],
    ))
    topics = {frozenset(p.name for p in e.participants): e.topics for e in consults(article)}
    assert topics[frozenset({"Retno Marsudi", "Wang Yi"})] == ["investment"]
    assert topics[frozenset({"Joko Widodo", "Xi Jinping"})] == []


@pytest.mark.parametrize("sentence", [
    "Retno membantah pernah menemui Wang Yi di Jakarta.",
    "Jokowi tidak pernah bertemu Xi di Beijing.",
])
def test_denied_and_never_held_meetings_are_negated(stage, sentence):
    assert [e.modality for e in stage(annotate(sentence)).events if e.type == "CONSULT"] == ["negated"]


def test_a_meeting_named_with_selain_is_as_planned_as_the_rest(stage):
    article = stage(annotate("Selain bertemu Xi, Jokowi berencana bertemu Wang Yi di Beijing."))
    assert {e.modality for e in article.events if e.type == "CONSULT"} == {"future"}


def test_who_sends_an_envoy_is_not_at_the_meeting(stage):
    article = stage(annotate("Jokowi mengutus Retno menemui Wang Yi di Beijing."))
    [event] = consults(article)
    assert {p.name for p in event.participants} == {"Retno Marsudi", "Wang Yi"}


def of_type(article, kind):
    return [e for e in article.events if e.type == kind and e.modality == "asserted"]


@pytest.mark.parametrize("sentence", [
    "Retno menolak permintaan Tiongkok untuk membuka perbatasan.",
    "Retno tidak memenuhi panggilan Tiongkok pekan lalu.",
    "Retno tidak setuju dengan usulan Tiongkok soal perbatasan.",
])
def test_refusing_a_request_a_proposal_or_a_summons_is_a_rejection(stage, sentence):
    assert len(of_type(stage(annotate(sentence)), "REJECT")) == 1


@pytest.mark.parametrize("sentence", [
    "Retno menolak berkomentar soal Tiongkok.",
    "Retno membantah tudingan Tiongkok soal perbatasan.",
    "Warga Jakarta yang menolak Tiongkok berkumpul di taman.",
])
def test_declining_to_comment_a_denial_or_a_relative_clause_is_no_rejection(stage, sentence):
    assert of_type(stage(annotate(sentence)), "REJECT") == []


def test_a_warning_is_a_threat_when_it_states_a_consequence(stage):
    threat = stage(annotate("Tiongkok memperingatkan Indonesia akan menghadapi konsekuensi serius."))
    advice = stage(annotate("Retno memperingatkan warga Indonesia soal cuaca buruk di Beijing."))
    assert len(of_type(threat, "THREATEN")) == 1
    assert of_type(advice, "THREATEN") == []


def test_a_danger_or_a_legal_penalty_called_ancaman_is_no_threat(stage):
    article = stage(annotate("Indonesia menghadapi ancaman banjir, dan pelaku di Jakarta diancam pidana penjara."))
    assert of_type(article, "THREATEN") == []


def test_an_act_someone_asks_for_has_not_happened(stage):
    article = stage(annotate("Jokowi meminta Retno mundur dari jabatannya."))
    assert [e.modality for e in article.events if e.type == "RETREAT"] in ([], ["hypothetical"])
    assert of_type(article, "RETREAT") == []


@pytest.mark.parametrize("sentence, kind", [
    ("Retno menilai kebijakan Tiongkok sangat positif bagi Indonesia.", "ACCUSE"),
    ("Jokowi mengajak masyarakat Indonesia untuk menjaga kebersihan.", "REQUEST"),
    ("Pasukan Indonesia yang didukung Tiongkok tiba di perbatasan.", "SUPPORT"),
    ("Jokowi mengeksekusi program Tiongkok di Jakarta.", "ASSAULT"),
])
def test_a_word_in_a_sense_that_is_not_its_type_is_no_event(stage, sentence, kind):
    assert of_type(stage(annotate(sentence)), kind) == []

