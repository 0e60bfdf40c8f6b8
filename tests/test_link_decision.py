"""The learned link decision: two reports of one event join, an article reacting to it days later does not."""

from __future__ import annotations

from linimasa.link import link_events
from linimasa.link_features import ArticleVectors, MentionView, pair_features
from linimasa.model import Event, Evidence, Location, Participant, Span

JAKARTA = Location("Jakarta", "Jakarta", "IDN", -6.2, 106.8, "p:jakarta")
PRESIDENT = Participant(name="Presiden Arka", mention="Arka", country="IDN", role="President", kind="person",
                        kb_id="Q-arka")
CABINET = Participant(name="Kabinet Nusantara", mention="kabinet", country="IDN", kind="organisation",
                      kb_id="Q-cabinet")
SESSION_WORDS = ["arka", "sidang", "kabinet", "istana", "anggaran", "menteri", "program", "pangan"]


def report(article: str, published: str, start: int, sentence: str, title: list[str], words: list[str],
           date: str = "2025-03-03", outlet: str = "harian") -> Event:
    """A CONSULT mention of the cabinet session of 3 March 2025, as the events stage gives it."""
    return Event(
        id=f"m-{article}", type="CONSULT", mode="meet", modality="asserted", date=date, date_basis="sentence",
        location=JAKARTA, participants=[PRESIDENT, CABINET], summary="", article_id=article,
        trigger=Span(start, start + 6, "sidang"),
        evidence=[Evidence(article, "trigger", sentence, start, start + len(sentence))],
        signature={"title": title, "words": words, "entities": ["Q-arka", "Q-cabinet"], "published": published,
                   "outlet": outlet},
    )


def session_report(article: str = "harian-1", outlet: str = "harian") -> Event:
    return report(article, "2025-03-03", 90, "Presiden Arka memimpin sidang kabinet di Istana, Senin (3/3).",
                  ["arka", "pimpin", "sidang", "kabinet", "anggaran"], SESSION_WORDS, outlet=outlet)


def reaction(article: str = "warta-7", outlet: str = "warta") -> Event:
    """A party's support for a policy, published two days after the session, which it tells deep in passing."""
    return report(article, "2025-03-05", 2300, "Hal itu disampaikan Arka dalam sidang kabinet, Senin (3/3) lalu.",
                  ["partai", "dukung", "program", "pangan", "desa"],
                  ["partai", "dukung", "program", "pangan", "desa", "ketua", "fraksi", "arka"], outlet=outlet)


def features(first: Event, second: Event) -> dict[str, float]:
    return pair_features(MentionView.of(first), MentionView.of(second), ArticleVectors())


def test_an_earlier_event_told_in_passing_days_later_is_a_recalled_aside():
    assert features(reaction(), session_report())["recalled_aside_one"] == 1.0
    assert features(reaction(), reaction("kabar-2", "kabar"))["recalled_aside_both"] == 1.0
    second = session_report("kabar-3", "kabar")
    assert features(second, session_report())["recalled_aside_one"] == 0.0
    assert features(second, session_report())["recalled_aside_both"] == 0.0


def test_a_report_in_its_lead_the_same_day_is_no_aside_even_deep_in_a_long_title():
    late_lead = report("kabar-4", "2025-03-05", 120, "Arka meminta menteri hemat anggaran di sidang kabinet, "
                       "Senin (3/3).", ["arka", "minta", "menteri", "hemat", "anggaran"], SESSION_WORDS, outlet="kabar")
    # dated days before its publication, but the article's news: in its lead
    assert features(late_lead, session_report())["recalled_aside_one"] == 0.0


def test_the_shipped_decision_joins_two_reports_of_a_session_but_not_a_reaction_recalling_it():
    events = link_events([session_report(), session_report("kabar-3", "kabar"), reaction()], decision="shipped")
    by_sources = sorted(sorted({e.article_id for e in event.evidence}) for event in events)
    assert by_sources == [["harian-1", "kabar-3"], ["warta-7"]]


def arrest(article: str, published: str, start: int, basis: str = "lead",
           title: tuple[str, ...] = ("polisi", "tangkap", "bima", "penusuk", "sari", "medan")) -> Event:
    """Police arresting a suspect on 3 March, told by a report published days later."""
    suspect = Participant(name="Bima Santoso", mention="Bima", country="IDN", kind="person", kb_id=None)
    victim = Participant(name="Sari Wulan", mention="Sari", country="IDN", kind="person", kb_id=None)
    sentence = "Polisi menangkap Bima Santoso, tersangka penusukan Sari Wulan di Medan."
    return Event(
        id=f"m-{article}", type="COERCE", mode=None, modality="asserted", date="2025-03-03", date_basis=basis,
        location=Location("Medan", "Medan", "IDN", 3.6, 98.7, "p:medan"), participants=[suspect, victim],
        summary="", article_id=article, trigger=Span(start, start + 9, "menangkap"),
        evidence=[Evidence(article, "trigger", sentence, start, start + len(sentence))],
        signature={"title": list(title),
                   "words": ["polisi", "tangkap", "bima", "penusuk", "sari", "medan", "utang", "pisau"],
                   "entities": ["p:medan"], "published": published, "outlet": "harian"},
    )


def test_two_reports_telling_an_arrest_in_their_leads_days_later_join():
    # both dated days before their publication, but each article's news: not two recalls of an earlier event
    first = arrest("harian-20", "2025-03-06", 80)
    second = arrest("harian-21", "2025-03-07", 950, "preceding_context", ("pembunuh", "sari", "ditangkap", "motif"))
    assert features(first, second)["recalled_aside_both"] == 0.0
    [event] = link_events([first, second], decision="shipped")
    assert {e.article_id for e in event.evidence} == {"harian-20", "harian-21"}


def test_two_named_parties_on_a_day_both_texts_state_is_its_own_feature():
    assert features(session_report("kabar-3", "kabar"), session_report())["same_stated_day_two_known"] == 1.0
    alone = session_report("kabar-5", "kabar")
    alone.participants = [PRESIDENT]
    assert features(alone, session_report())["same_stated_day_two_known"] == 0.0


def test_the_trace_says_what_each_mention_was_compared_with_and_what_it_joined():
    trace: list = []
    link_events([session_report(), session_report("kabar-3", "kabar"), reaction()], decision="shipped", trace=trace)
    verdicts = {(c.mention, c.members): (c.verdict, c.chosen) for c in trace}
    # the second report is compared with the first and joins it; the reaction is compared with that event
    # and scored below both thresholds
    assert verdicts[("m-kabar-3", ("m-harian-1",))] == ("model", True)
    assert verdicts[("m-warta-7", ("m-harian-1", "m-kabar-3"))] == ("no", False)
    assert all(c.probability is not None for c in trace)
