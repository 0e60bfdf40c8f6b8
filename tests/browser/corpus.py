"""A small store written for the web tests: articles in our own words, events pointing into them.

Every evidence span is found in the text it claims to quote, so highlighting is tested against real offsets.
"""

from __future__ import annotations

from pathlib import Path

from linimasa.nlp.sentences import split_sentences
from linimasa.model import Article, Event, Evidence, Location, Participant, Story
from linimasa.store import Outcome, SQLiteStore, Store

HOSTILE_TITLE = 'Judul <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">'
HOSTILE_TEXT = (
    "Warga berkumpul di depan gedung <script>window.__pwned = 3</script> dewan kota. "
    'Mereka membawa spanduk <img src=x onerror="window.__pwned = 4"> bertuliskan tuntutan.'
)

ARTICLES = [
    dict(
        id="art-geneva", outlet="Kabar Dunia", url="https://kabar.example/geneva",
        published="2015-05-12T10:00:00+07:00",
        title="Menlu AS dan Menlu Rusia bertemu di Jenewa",
        text=(
            "Menteri Luar Negeri Amerika Serikat John Kerry bertemu Menteri Luar Negeri Rusia Sergey Lavrov di "
            "Jenewa, Selasa (12/5/2015). Pertemuan itu berlangsung selama empat jam. Keduanya membahas Suriah."
        ),
    ),
    dict(
        id="art-sochi", outlet="Warta Harian", url="https://warta.example/sochi", published="2015-05-13",
        title="Kerry berkunjung ke Sochi",
        text="John Kerry mengunjungi Sochi dan bertemu Presiden Rusia Vladimir Putin pada Selasa (12/5/2015).",
    ),
    dict(
        id="art-sanksi", outlet="Kabar Dunia", url="https://kabar.example/sanksi", published="2014-07-30",
        title="AS jatuhkan sanksi baru kepada Rusia",
        text="Pemerintah Amerika Serikat menjatuhkan sanksi ekonomi baru kepada Rusia pada Selasa (29/7/2014).",
    ),
    dict(
        id="art-tuduh", outlet="Warta Harian", url="https://warta.example/tuduh", published="2016-02-03",
        title="Rusia tuding AS campuri urusan dalam negeri",
        text=("Kementerian Luar Negeri Rusia menuduh Amerika Serikat mencampuri urusan dalam negerinya, "
              "Rabu (3/2/2016)."),
    ),
    dict(
        id="art-jakarta", outlet="Berita Nusantara", url="https://nusantara.example/jakarta", published="2016-03-10",
        title="Presiden Joko Widodo terima kunjungan PM Australia",
        text=("Presiden Joko Widodo menerima kunjungan Perdana Menteri Australia Malcolm Turnbull di Jakarta, "
              "Kamis (10/3/2016)."),
    ),
    dict(
        id="art-hostile", outlet="Situs <b>Aneh</b>", url="javascript:window.__pwned=5", published="2016-04-01",
        title=HOSTILE_TITLE, text=HOSTILE_TEXT,
    ),
]


def _evidence(article: dict, field: str, words: str) -> Evidence:
    start = article["text"].index(words)
    return Evidence(article["id"], field, words, start, start + len(words))


def _event(event_id: str, article: dict, type_: str, mode: str | None, date: str, participants, location, trigger: str,
           summary: str, **extra) -> Event:
    evidence = [_evidence(article, "trigger", trigger)]
    for p in participants:
        if p.mention and p.mention in article["text"]:
            evidence.append(_evidence(article, "participant", p.mention))
    if location and location.name and extra.get("location_words"):
        evidence.append(_evidence(article, "location", extra.pop("location_words")))
    extra.pop("location_words", None)
    return Event(id=event_id, type=type_, mode=mode, date=date, participants=list(participants), location=location,
                 summary=summary, article_id=article["id"], evidence=evidence, **extra)


KERRY = dict(name="John Kerry", country="USA", role="Secretary of State", kind="person", kb_id="person:john-kerry")
LAVROV = dict(name="Sergey Lavrov", country="RUS", role="Foreign Minister", kind="person", kb_id="person:sergey-lavrov")
GENEVA = Location("Geneva", city="Geneva", country="CHE", lat=46.2, lon=6.15)
SOCHI = Location("Sochi", city="Sochi", country="RUS", lat=43.6, lon=39.73)
JAKARTA = Location("Jakarta", city="Jakarta", country="IDN", lat=-6.2, lon=106.85)


def events() -> tuple[list[Event], list[Story]]:
    a = {art["id"]: art for art in ARTICLES}
    geneva = _event(
        "ev-geneva", a["art-geneva"], "CONSULT", "meet", "2015-05-12",
        [Participant(mention="John Kerry", **KERRY), Participant(mention="Sergey Lavrov", side="recipient", **LAVROV)],
        GENEVA, "bertemu", "John Kerry met Sergey Lavrov in Geneva.", location_words="Jenewa",
        duration_minutes=240, topics=["Syria"], date_flags=["weekday_conflict"], date_alternatives=["2015-05-11"],
        date_basis="text_stamp",
    )
    geneva.evidence.append(_evidence(a["art-geneva"], "duration", "empat jam"))
    sochi = _event(
        "ev-sochi", a["art-sochi"], "CONSULT", "visit", "2015-05-12",
        [Participant(mention="John Kerry", **KERRY),
         Participant("Vladimir Putin", mention="Vladimir Putin", country="RUS", role="President", kind="person",
                     kb_id="person:vladimir-putin", side="recipient")],
        SOCHI, "mengunjungi", "John Kerry visited Vladimir Putin in Sochi.", location_words="Sochi",
    )
    sanction = _event(
        "ev-sanction", a["art-sanksi"], "SANCTION", None, "2014-07-29",
        [Participant("United States", mention="Amerika Serikat", country="USA", kind="country"),
         Participant("Russia", mention="Rusia", country="RUS", kind="country", side="recipient")],
        None, "menjatuhkan sanksi", "The United States imposed new economic sanctions on Russia.",
    )
    accuse = _event(
        "ev-accuse", a["art-tuduh"], "ACCUSE", None, "2016-02",
        [Participant("Ministry of Foreign Affairs of Russia", mention="Kementerian Luar Negeri Rusia", country="RUS",
                     kind="organisation"),
         Participant("United States", mention="Amerika Serikat", country="USA", kind="country", side="recipient")],
        None, "menuduh", "Russia's foreign ministry accused the United States of interference.",
    )
    jakarta = _event(
        "ev-jakarta", a["art-jakarta"], "CONSULT", "visit", "2016-03-10",
        [Participant("Joko Widodo", mention="Joko Widodo", country="IDN", role="President", kind="person",
                     side="recipient"),
         Participant("Malcolm Turnbull", mention="Malcolm Turnbull", country="AUS", role="Prime Minister",
                     kind="person")],
        JAKARTA, "menerima kunjungan", "Joko Widodo received Malcolm Turnbull in Jakarta.", location_words="Jakarta",
    )
    planned = _event(
        "ev-planned", a["art-jakarta"], "CONSULT", "visit", "2016-05",
        [Participant("Joko Widodo", mention="Joko Widodo", country="IDN", role="President", kind="person")],
        None, "kunjungan", "A planned return visit.", modality="future",
    )
    hostile = _event(
        "ev-hostile", a["art-hostile"], "PROTEST", "demonstrate", "2016-04-01",
        [Participant('<img src=x onerror="window.__pwned=6">', mention="Warga", kind="organisation")],
        Location('<script>window.__pwned=7</script>', country="IDN", lat=-6.9, lon=107.6), "berkumpul",
        '<b>Unjuk rasa</b> <script>window.__pwned=8</script>',
    )
    story = Story("story-ukraine-talks", "Kerry and Lavrov talks", "Diplomacy between the US and Russia in May 2015.",
                  event_ids=["ev-geneva", "ev-sochi"], actors=["John Kerry", "Sergey Lavrov"], topics=["Syria"])
    return [geneva, sochi, sanction, accuse, jakarta, planned, hostile], [story]


def build_store(path: Path) -> Path:
    """Write the corpus into a new SQLite store at ``path`` and return the path."""
    with SQLiteStore(path) as store:
        fill_store(store)
    return path


def fill_store(store: Store) -> None:
    """Write the corpus into an empty store of any backend."""
    run_id = store.begin_run("test", [])
    outcomes = []
    for data in ARTICLES:
        article = Article(**data)
        article.compute_hash()
        article.clean_text = article.text
        article.lang = "id"
        article.sentences = split_sentences(article.text)
        outcomes.append(Outcome("new", data["id"], article=article, article_id=data["id"]))
    store.save_chunk(run_id, outcomes)
    evs, stories = events()
    store.replace_events(evs, stories)
    store.finish_run(run_id, "done", len(evs), len(stories))
