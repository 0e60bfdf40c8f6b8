"""Dates of events told without a day of their own: the day their speaker spoke, a weekday said inside a
quotation, the lead's day against the narrative's (the developers' own sentences)."""

from __future__ import annotations

from test_events_parties import NoKB

from linimasa.config import Settings
from linimasa.events import EventStage
from linimasa.model import Article, Mention
from linimasa.nlp.timex import TimeStage, date_for_event


def dated_article(text: str, published: str, people: list[str] = ()) -> Article:
    """The article through the time stage, with ``people`` as person mentions, each at its first occurrence
    after the previous one's."""
    mentions, at = [], 0
    for name in people:
        start = text.index(name, at)
        at = start + len(name)
        mentions.append(Mention(start, start + len(name), name, "PER"))
    article = Article(id="a1", text=text, published=published, lang="id", mentions=mentions)
    article.clean_text = text
    return TimeStage()(article)


def date_at(article: Article, word: str) -> tuple[str, str]:
    start = article.working_text.index(word)
    result = date_for_event(article, start, start + len(word))
    return result["value"], result["basis"]


def test_a_statement_without_a_day_takes_the_day_its_speaker_spoke_not_the_day_before_it():
    text = ("Juru bicara Andi Wijaya mengatakan kebijakan itu tepat, Kamis (4/9/2025). "
            "Ekonom Budi Santoso menilai kebijakan itu berisiko bagi bank sentral. "
            '"Risikonya besar," kata Budi dalam keterangan tertulis, Jumat (5/9/2025).')
    article = dated_article(text, "2025-09-05", ["Andi Wijaya", "Budi Santoso", "Budi"])
    assert date_at(article, "menilai") == ("2025-09-05", "speaker")


def test_words_quoted_without_a_day_take_the_day_the_speaker_was_first_quoted():
    text = ('"Situasinya sangat buruk," kata Zeid Hussein, Senin (11/9). '
            "Kekerasan itu pecah pada 25 Agustus. "
            '"Kami meminta pemerintah menghentikan operasi militernya," kata Zeid.')
    article = dated_article(text, "2017-09-11", ["Zeid Hussein", "Zeid"])
    assert date_at(article, "meminta") == ("2017-09-11", "speaker")


def test_a_speaker_is_matched_by_a_name_with_an_apostrophe():
    text = ("Menteri Abdul Mu'ti mengusulkan skema baru untuk dapur sekolah. "
            '"Ini belum keputusan," kata Mu\'ti di Mataram, Selasa (21/10/2025).')
    article = dated_article(text, "2025-10-22", ["Abdul Mu'ti", "Mu'ti"])
    assert date_at(article, "mengusulkan") == ("2025-10-21", "speaker")


def test_whose_statement_a_relative_clause_tells_is_its_subject_not_the_reporting_verbs_speaker():
    text = ("Zainal menyatakan hal itu menanggapi Viktor yang menuding partainya mendukung khilafah. "
            "Viktor berpidato di Kupang, Selasa (1/8). "
            '"Kami tidak mendukungnya," kata Zainal di Jakarta, Jumat (4/8).')
    article = dated_article(text, "2017-08-04", ["Zainal", "Viktor", "Viktor", "Zainal"])
    assert date_at(article, "menuding") == ("2017-08-01", "following_context")


def test_a_statement_by_someone_never_dated_keeps_the_context_before_it():
    text = ("Rapat digelar Kamis (4/9/2025). Ekonom Budi Santoso menilai rapat itu berisiko. "
            '"Risikonya besar," kata Andi Wijaya, Jumat (5/9/2025).')
    article = dated_article(text, "2025-09-05", ["Budi Santoso", "Andi Wijaya"])
    assert date_at(article, "menilai") == ("2025-09-04", "preceding_context")


def test_a_quoted_today_that_names_its_weekday_dates_the_talks_it_tells():
    text = ("Bendera itu dikibarkan di Melbourne pada Jumat (6/1). "
            '"Sabtu pagi ini menteri juga sudah berkomunikasi dengan mitranya," kata juru bicara.')
    article = dated_article(text, "2017-01-07")
    assert date_at(article, "berkomunikasi") == ("2017-01-07", "clause")
    text = ("Bendera itu dikibarkan di Melbourne pada Jumat (6/1). "
            '"Pagi ini menteri juga sudah berkomunikasi dengan mitranya," kata juru bicara.')
    article = dated_article(text, "2017-01-07")
    assert date_at(article, "berkomunikasi") == ("2017-01-06", "preceding_context")


def staged_events(text: str, published: str, mentions: list[tuple[str, str, str, str]], kind: str):
    found, at = [], 0
    for surface, label, entity, kb_id in mentions:
        start = text.index(surface, at)
        found.append(Mention(start, start + len(surface), surface, label, "ner", kb_id, entity, surface, "IDN"))
        at = start + len(surface)
    article = Article(id="a1", text=text, published=published, lang="id", mentions=found)
    article.clean_text = text
    article = TimeStage()(article)
    settings = Settings(options={"events": {"decision": False}})
    done = EventStage(settings, kb=NoKB(), dater=date_for_event)(article)
    return [e for e in done.events if e.type == kind and e.modality == "asserted"]


def test_the_narrative_moving_on_from_the_lead_day_dates_an_event_told_after_it():
    text = ("Jaksa menetapkan dua pemimpin biro perjalanan sebagai tersangka, Kamis (10/8). "
            "Pada 1 Agustus lalu izin biro itu dicabut kementerian. "
            "Dalam pencabutan izin tersebut, polisi menangkap Budi Santoso di Bandung.")
    found = staged_events(text, "2017-08-10", [("Budi Santoso", "PER", "person", "p:budi")], "COERCE")
    assert [(e.date, e.date_basis) for e in found] == [("2017-08-01", "preceding_context")]


def test_a_lead_sentence_that_recalls_the_past_gives_no_lead_date():
    text = ("Polisi menangkap Budi Santoso di Bandung. "
            "Sebelumnya, Budi dilaporkan seorang warga tertanggal 21 Agustus 2025. "
            "Penangkapan itu menuai kritik.")
    found = staged_events(text, "2025-09-17", [("Budi Santoso", "PER", "person", "p:budi")], "COERCE")
    assert [(e.date, e.date_basis) for e in found] == [("2025-09-17", "anchor")]


def test_the_learned_decision_sees_a_speakers_day_as_the_context_it_was_trained_on():
    from types import SimpleNamespace

    from linimasa.events.date_findings import DateFinding
    from linimasa.events.decision_features import _date_feature

    spoken = DateFinding("2025-09-05", basis="speaker", context={"value": "2016", "basis": "preceding_context"})
    assert _date_feature(SimpleNamespace(date=spoken)) == "date=year:preceding_context"
    unanchored = DateFinding("2025-09-05", basis="speaker", context={"value": None, "basis": "anchor"})
    assert _date_feature(SimpleNamespace(date=unanchored)) == "date=none"
    stated = DateFinding("2025-09-05", basis="clause")
    assert _date_feature(SimpleNamespace(date=stated)) == "date=day:clause"


def test_a_speakers_day_carries_what_the_context_alone_gives():
    text = ("Rapat digelar Kamis (4/9/2025). Ekonom Budi Santoso menilai rapat itu berisiko. "
            '"Risikonya besar," kata Budi, Jumat (5/9/2025).')
    article = dated_article(text, "2025-09-05", ["Budi Santoso", "Budi"])
    start = text.index("menilai")
    result = date_for_event(article, start, start + 7)
    assert (result["value"], result["basis"]) == ("2025-09-05", "speaker")
    assert result["context"] == {"value": "2025-09-04", "basis": "preceding_context"}


def test_a_clock_time_with_no_day_of_its_own_is_at_the_day_the_narrative_is_at():
    # after a stated day the narrative is at that day, not at the anchor the clock time was counted from
    article = dated_article("Pada Kamis (20/4/2017) polisi memeriksa sekolah itu. Polisi menangkap pencuri itu "
                            "sekitar pukul 13:30 WITA.", "2017-04-24")
    assert date_at(article, "menangkap") == ("2017-04-20", "preceding_context")
    # before any stated day it is the day of the news, as live reports tell it
    live = dated_article("Menteri tiba pukul 16:43 WIB dan bertemu Gubernur. Hal lain dibahas Jumat (21/4/2017).",
                         "2017-04-24")
    assert date_at(live, "bertemu") == ("2017-04-24", "sentence")


def test_a_meeting_on_the_same_day_takes_the_day_of_the_meeting_told_before_it():
    from linimasa.config import Settings as _Settings
    from linimasa.pipeline import Pipeline

    settings = _Settings()
    text = ("Presiden Joko Widodo pada Senin kemarin bertemu Perdana Menteri Malaysia Najib Razak di Bogor. "
            '"Pertemuan kami hangat," kata Jokowi seperti dikutip Antara, Selasa (10/1/2017). '
            "Di hari yang sama, Menteri Luar Negeri Retno Marsudi juga menemui Menteri Luar Negeri Singapura "
            "Vivian Balakrishnan.")
    article = Pipeline(settings.prepare + settings.extract, settings)(
        Article(id="own", text=text, title="Judul", published="2017-01-10"))
    meetings = sorted((e for e in article.events if e.type == "CONSULT"), key=lambda e: e.trigger.start)
    assert [(e.date, e.date_basis) for e in meetings] == [("2017-01-09", "clause"), ("2017-01-09", "anaphor")]


def test_a_day_after_publication_in_the_sentence_of_a_done_thing_is_a_term_not_its_day():
    # the detention was extended on the day of the report; 4 January is when the extension ends
    text = "Polisi memperpanjang penahanan Budi Santoso hingga 4 Januari 2018."
    found = staged_events(text, "2017-12-19", [("Budi Santoso", "PER", "person", "p:budi")], "COERCE")
    assert [(e.date, e.date_basis) for e in found] == [("2017-12-19", "anchor")]


def test_a_day_before_publication_in_the_sentence_still_dates_the_event():
    text = "Polisi menangkap Budi Santoso di Bandung pada 4 Desember 2017."
    found = staged_events(text, "2017-12-19", [("Budi Santoso", "PER", "person", "p:budi")], "COERCE")
    assert [(e.date, e.date_basis) for e in found] == [("2017-12-04", "clause")]


def test_a_quoted_yesterday_counts_from_the_day_its_speaker_spoke():
    text = ('"Kami sudah jelaskan semua," kata Sri Mulyani di Jakarta, Selasa (21/10/2025). '
            '"Saya sudah bertemu Pak Luthfi kemarin dan semuanya sudah jelas," beber Sri Mulyani.')
    article = dated_article(text, "2025-10-23", ["Sri Mulyani", "Luthfi", "Sri Mulyani"])
    assert date_at(article, "bertemu") == ("2025-10-20", "sentence")


def test_a_quoted_yesterday_of_a_speaker_never_dated_dates_nothing_of_its_own():
    text = ('Presiden meresmikan bendungan itu, Selasa (21/10/2025). '
            '"Saya sudah bertemu Pak Luthfi kemarin," kata Budi Santoso.')
    article = dated_article(text, "2025-10-23", ["Luthfi", "Budi Santoso"])
    assert date_at(article, "bertemu") == ("2025-10-21", "preceding_context")


def test_a_sources_day_right_after_the_day_told_does_not_date_what_follows():
    text = ("Ribuan warga berunjuk rasa di berbagai kota pada Sabtu (18/10/2025). "
            '"Kami menolak," teriak para demonstran di Washington, dilansir AFP, Minggu (19/10/2025). '
            "Di Los Angeles, para pengunjuk rasa mengibarkan balon raksasa.")
    article = dated_article(text, "2025-10-20")
    assert date_at(article, "pengunjuk rasa") == ("2025-10-18", "preceding_context")


def test_a_sources_day_far_from_the_day_told_still_dates_what_follows():
    text = ("Gencatan senjata berlaku sejak Jumat (10/10/2025). "
            '"Situasi masih tegang," kata seorang warga, dilansir AFP, Minggu (19/10/2025). '
            "Di Khan Younis, para pengunjuk rasa membakar ban.")
    article = dated_article(text, "2025-10-20")
    assert date_at(article, "pengunjuk rasa") == ("2025-10-19", "preceding_context")
