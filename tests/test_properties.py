"""Property-based checks: arbitrary input never crashes a reader, the cleaner or the time normaliser, and
what they produce keeps its invariants (cleaning adds no text; every span points at the text it quotes)."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linimasa.clean import clean_article
from linimasa.config import Settings
from linimasa.ingest import read_path
from linimasa.ingest.records import article_from_json_line
from linimasa.model import Article, Rejection
from linimasa.nlp.timex import find_times
from linimasa.pipeline import Pipeline

FRAGMENTS = [
    "Presiden Joko Widodo", "bertemu", "Menteri Luar Negeri AS", "Antony Blinken", "di Jakarta", "pada Selasa (12/5)",
    "Baca juga: Judul Lain", "SCROLL TO CONTINUE WITH CONTENT", "(rol/ar)", "JAKARTA, KOMPAS.com -", "selama 90 menit",
    "membahas Ukraina dan Iran", "\"Kami sepakat,\" kata dia.", "A", "Bagikan :", "kemarin", "Rp 16,8 triliun", "2-1",
    "pekan lalu", "akan bertemu", "tidak bertemu", "di sela-sela KTT ASEAN", "Rabu (20 Mei)", "22/1/2022", ".", ",",
]
article_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), min_size=1, max_size=60,
).map(lambda parts: "".join(p + (" " if i % 5 else "\n") for i, p in enumerate(parts)))

ACTORS = ["Presiden Joko Widodo", "Menlu AS Antony Blinken", "Menteri Luar Negeri Rusia Sergei Lavrov", "Xi Jinping",
          "Perdana Menteri Jepang", "Retno Marsudi", "delegasi Rusia", "pemerintah AS"]
TRIGGERS = ["bertemu dengan", "menggelar pertemuan dengan", "menerima kunjungan", "berbicara melalui telepon dengan",
            "akan bertemu", "batal bertemu", "mengecam", "menandatangani perjanjian dengan", "menjatuhkan sanksi kepada"]
TAILS = ["di Jenewa, Swiss", "di kota Sochi", "pada Selasa (12/5)", "selama 90 menit", "membahas Ukraina", "", "kemarin"]
meeting_sentence = st.tuples(st.sampled_from(ACTORS), st.sampled_from(TRIGGERS), st.sampled_from(ACTORS),
                             st.sampled_from(TAILS), st.sampled_from(TAILS), st.text(max_size=8)).map(
    lambda p: f"{p[0]} {p[1]} {p[2]} {p[3]} {p[4]}{p[5]}.")
news_text = st.lists(st.one_of(meeting_sentence, article_text), min_size=1, max_size=8).map("\n\n".join)

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.jsonl", "a.html", "a.warc", "a.jsonl.gz"]))
def test_readers_never_raise_on_arbitrary_bytes(data: bytes, name: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        for item in read_path(path):
            assert isinstance(item, (Article, Rejection))
            if isinstance(item, Rejection):
                assert item.source.startswith(str(path)) and item.reason


@QUICK
@given(st.dictionaries(st.sampled_from(["id", "text", "html", "title", "url", "outlet", "published", "lang", "x"]),
                       st.one_of(st.none(), st.text(max_size=50), st.integers(), st.booleans(), st.lists(st.text(max_size=5)))))
def test_any_json_object_becomes_an_article_or_a_reasoned_rejection(obj: dict):
    item = article_from_json_line(json.dumps(obj), "t.jsonl:1")
    assert isinstance(item, (Article, Rejection))
    if isinstance(item, Article):
        assert item.text.strip()


@QUICK
@given(article_text)
def test_cleaning_never_adds_text(text: str):
    article = clean_article(Article(id="p", text=text, outlet="contoh.id"))
    remaining = text
    for line in article.clean_text.splitlines():
        piece = line.strip()
        if not piece:
            continue
        position = remaining.find(piece)
        assert position >= 0, f"cleaned line not in the raw text, in order: {piece!r}"
        remaining = remaining[position + len(piece):]


@QUICK
@given(article_text, st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))))
def test_time_expressions_point_at_their_text(text: str, anchor: date | None):
    for expression in find_times(text, anchor):
        assert text[expression.start:expression.end] == expression.text
        assert expression.type in ("DATE", "TIME", "DURATION", "SET")


EXTRACT = Pipeline(("sentences", "ner", "kb", "times", "events"), Settings())
CLEAN = Pipeline(("clean", "langid"), Settings())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text)
def test_every_span_of_every_annotation_points_at_the_quoted_text(text: str):
    article = EXTRACT(CLEAN(Article(id="p", text=text, lang="id", published="2021-05-20")))
    clean = article.clean_text
    for sentence in article.sentences:
        assert clean[sentence.start:sentence.end] == sentence.text
        for token in sentence.tokens:
            assert clean[token.start:token.end] == token.text
    for mention in article.mentions:
        assert clean[mention.start:mention.end] == mention.text
    for event in article.events:
        for evidence in event.evidence:
            assert evidence.article_id == "p"
            assert clean[evidence.start:evidence.end] == evidence.text
