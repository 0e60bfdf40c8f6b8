"""Checks of the bundled sample corpus itself (sample/articles.jsonl and sample/expected.json).

The corpus is the project's own hand-written test bed: these tests make sure it stays what its README
says it is (well-formed contract JSONL, every planted trap really present, every expected fact pointing at
real text) and that none of it is copied from the articles in ../shared.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample"
SHARED = ROOT.parent / "shared"
CONTRACT_KEYS = ("id", "title", "text", "outlet", "url", "published", "lang")
WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def _load_articles() -> list[dict]:
    rows = []
    with open(SAMPLE / "articles.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            assert line.strip(), f"articles.jsonl line {n} is empty"
            rows.append(json.loads(line))
    return rows


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return _load_articles()


@pytest.fixture(scope="module")
def by_id(articles) -> dict[str, dict]:
    return {a["id"]: a for a in articles}


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))


def _lines(article: dict) -> list[str]:
    return [line.strip() for line in article["text"].splitlines()]


def test_every_line_is_a_json_object_with_the_contract_keys(articles):
    assert 30 <= len(articles) <= 36
    for a in articles:
        assert isinstance(a, dict)
        missing = [k for k in CONTRACT_KEYS if not isinstance(a.get(k), str) or not a[k].strip()]
        assert not missing, f"{a.get('id')}: missing or empty {missing}"
        published = dt.datetime.fromisoformat(a["published"])
        assert published.utcoffset() == dt.timedelta(hours=7), f"{a['id']}: published without +07:00"
        assert a["url"].startswith("https://"), a["id"]
        assert a["lang"] in ("id", "en"), a["id"]


def test_ids_are_unique(articles):
    counts = Counter(a["id"] for a in articles)
    assert [i for i, c in counts.items() if c > 1] == []


def test_languages_and_outlets_are_mixed(articles):
    langs = Counter(a["lang"] for a in articles)
    assert langs["en"] >= 1 and langs["id"] >= 25
    assert len({a["outlet"] for a in articles}) >= 10


def test_word_counts_within_bounds(articles):
    for a in articles:
        words = len(a["text"].split())
        assert 150 <= words <= 450, f"{a['id']}: {words} words"


def test_text_does_not_start_with_its_title(articles):
    for a in articles:
        first = next(line for line in _lines(a) if line)
        assert first != a["title"].strip(), a["id"]


def test_the_exact_duplicate_pair_is_identical_and_the_only_one(articles, expected):
    pairs = expected["duplicates"]
    assert len(pairs) == 1
    index = {a["id"]: a for a in articles}
    first, second = (index[i] for i in pairs[0])
    assert first["id"] != second["id"]
    assert (first["title"], first["text"]) == (second["title"], second["text"])
    texts = Counter((a["title"], a["text"]) for a in articles)
    assert sum(c - 1 for c in texts.values()) == 1, "exactly one article is repeated"


def _ids_named(expected: dict) -> set[str]:
    ids: set[str] = set()
    for group in ("events", "planned", "negated"):
        for item in expected[group]:
            ids.update(item["sources"])
    ids.update(b["source"] for b in expected["background"])
    ids.update(n["article"] for n in expected["not_events"] + expected["other_events"])
    ids.update(i for pair in expected["duplicates"] for i in pair)
    for key in ("boilerplate_lines", "repeated_paragraphs", "published_in_text", "content_sentences"):
        ids.update(expected[key])
    for key in ("weekday_conflicts", "relative_dates", "durations"):
        ids.update(item["article"] for item in expected[key])
    return ids


def test_every_article_id_in_expected_exists(by_id, expected):
    assert _ids_named(expected) - set(by_id) == set()


def test_every_article_has_content_sentences_and_boilerplate_listed(by_id, expected):
    assert set(expected["content_sentences"]) == set(by_id)
    assert set(expected["boilerplate_lines"]) == set(by_id)


def test_planted_boilerplate_lines_occur_as_whole_lines(by_id, expected):
    for aid, planted in expected["boilerplate_lines"].items():
        lines = set(_lines(by_id[aid]))
        for line in planted:
            assert line in lines, f"{aid}: boilerplate line {line!r} not in the text"


def test_content_sentences_occur_and_are_not_boilerplate(by_id, expected):
    for aid, sentences in expected["content_sentences"].items():
        assert 2 <= len(sentences) <= 3, aid
        planted = set(expected["boilerplate_lines"][aid])
        for s in sentences:
            assert s in by_id[aid]["text"], f"{aid}: content sentence not in the text: {s[:60]!r}"
            assert s not in planted, aid


def test_template_lines_repeat_across_their_outlet(articles, expected):
    for outlet, line in expected["template_lines"].items():
        carrying = [a["id"] for a in articles if a["outlet"] == outlet and line in _lines(a)]
        assert len(carrying) >= 3, f"{outlet}: template line in only {carrying}"
    assert max(
        sum(1 for a in articles if a["outlet"] == o and line in _lines(a))
        for o, line in expected["template_lines"].items()
    ) >= 4


def test_repeated_paragraph_blocks_are_really_printed_twice(by_id, expected):
    for aid, count in expected["repeated_paragraphs"].items():
        paras = [p for p in _lines(by_id[aid]) if len(p) > 40]
        repeated = [p for p, c in Counter(paras).items() if c == 2]
        assert len(repeated) == count, aid
        first = paras.index(repeated[0])
        second = paras.index(repeated[0], first + 1)
        assert paras[first:first + count] == paras[second:second + count], f"{aid}: not one repeated block"


def test_weekday_conflicts_really_conflict(by_id, expected):
    assert len(expected["weekday_conflicts"]) >= 2
    for c in expected["weekday_conflicts"]:
        assert c["date_text"] in by_id[c["article"]]["text"]
        named = WEEKDAYS_ID.index(c["weekday_named"])
        assert c["date_text"].startswith(c["weekday_named"])
        date = dt.date.fromisoformat(c["date"])
        day, month, year = (int(x) for x in c["date_text"].split("(")[1].rstrip(")").split("/"))
        assert date == dt.date(year, month, day)
        assert date.weekday() != named, f"{c['article']}: {c['date_text']} is no conflict"
        assert WEEKDAYS_ID[date.weekday()] == c["date_weekday"]
        alternative = dt.date.fromisoformat(c["weekday_consistent_alternative"])
        assert alternative.weekday() == named and abs((alternative - date).days) <= 3


def test_published_stamps_in_text_match_metadata(by_id, expected):
    for aid, stamp in expected["published_in_text"].items():
        assert stamp["text"] in _lines(by_id[aid]), aid
        assert dt.datetime.fromisoformat(stamp["value"]) == dt.datetime.fromisoformat(by_id[aid]["published"])


def test_relative_dates_durations_and_recalls_are_in_their_articles(by_id, expected):
    for item in expected["relative_dates"] + expected["durations"]:
        assert item["text"] in by_id[item["article"]]["text"], item
    for b in expected["background"]:
        assert b["text"] in by_id[b["source"]]["text"], b["text"]


def test_events_are_well_formed(expected):
    assert len(expected["events"]) >= 12
    consult_modes = Counter(e["mode"] for e in expected["events"] if e["type"] == "CONSULT")
    assert {"meet", "visit", "phone", "multilateral"} <= set(consult_modes)
    assert {"AGREE", "ACCUSE", "SANCTION", "AID"} <= {e["type"] for e in expected["events"]}
    for e in expected["events"]:
        assert e["modality"] == "asserted"
        assert e["sources"] and len(set(e["sources"])) == len(e["sources"])
        for p in e["participants"]:
            assert p["name"] and len(p["country"]) == 3 and p["country"].isupper() and p["role"]
        if e["date"] and len(e["date"]) == 10:
            dt.date.fromisoformat(e["date"])  # raises on an impossible day
    assert sum(1 for e in expected["events"] if len(e["sources"]) >= 2) >= 5
    assert len(expected["planned"]) >= 2 and len(expected["negated"]) >= 1
    assert len(expected["not_events"]) >= 2


def test_planned_and_negated_articles_are_not_sources_of_those_meetings(expected):
    # The same pair may be asserted in another mode by the same article (a phone call that floats a meeting).
    def key(item):
        return frozenset(p["name"] for p in item["participants"]), item["mode"]

    asserted = {}
    for e in expected["events"]:
        if e["type"] == "CONSULT":
            asserted.setdefault(key(e), set()).update(e["sources"])
    for item in expected["planned"] + expected["negated"]:
        assert not set(item["sources"]) & asserted.get(key(item), set()), item["sources"]
    not_event_ids = {n["article"] for n in expected["not_events"]}
    for e in expected["events"]:
        assert not set(e["sources"]) & not_event_ids


def _shared_text() -> str:
    """Every distinct text in ../shared (seeds and news files), joined: about 10 MB."""
    texts = {Path(f).read_text(encoding="utf-8", errors="replace") for f in glob.glob(str(SHARED / "seeds" / "*.txt"))}
    files = glob.glob(str(SHARED / "data" / "news" / "*" / "*.articles.jsonl"))
    files += glob.glob(str(SHARED / "data" / "news" / "detik-2025" / "articles.jsonl"))
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            for row in fh:
                try:
                    texts.add(json.loads(row).get("text") or "")
                except json.JSONDecodeError:
                    continue
    return "\n".join(texts)


def test_no_corpus_line_is_copied_from_shared(articles):
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"../shared not found: {SHARED} (no seeds to compare the sample corpus against)")
    shared = _shared_text()
    assert len(shared) > 10_000, "../shared holds too little text for this check to mean anything"
    copied = [
        (a["id"], line[:60])
        for a in articles
        for line in [a["title"], *_lines(a)]
        if len(line) >= 60 and (line in shared or line[:60] in shared)
    ]
    assert copied == []
