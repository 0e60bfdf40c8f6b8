"""The committed annotation corpus: it joins with ../shared, its split keeps events together, and its
agreement figures are the ones stats.json reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linimasa.evaluation.agreement import agreement
from linimasa.evaluation.articles import read_articles
from linimasa.evaluation.gold import load_gold
from linimasa.evaluation.pairs import load_pairs

ANNOTATIONS = Path(__file__).resolve().parents[1] / "data" / "annotations"
SPLITS = ("train", "dev", "test")
SOFT = {"olahraga", "showbiz", "hiburan", "teknologi"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def articles(request):
    shared = Path(__file__).resolve().parents[2] / "shared"
    if not shared.is_dir():
        pytest.skip(f"../shared not found at {shared}: the corpus cannot be joined with its articles")
    return read_articles()


@pytest.fixture(scope="module")
def splits(articles):
    return {name: load_gold([ANNOTATIONS / f"{name}.jsonl"], articles) for name in SPLITS}


def test_every_record_joins_with_its_article_and_the_corpus_has_the_promised_size(splits, articles):
    ids = [g.article_id for name in SPLITS for g in splits[name]]
    assert len(ids) == len(set(ids)) >= 1200
    assert sum(articles[i].category in SOFT for i in ids) >= 200
    assert sum(len(g.events) for name in SPLITS for g in splits[name]) > 1000


def test_no_article_of_the_shared_development_set_is_annotated_or_trained_on(splits, articles):
    shared_dev = {r["article_id"] for r in json.loads(
        (Path(__file__).resolve().parents[2] / "shared" / "annotations" / "events-dev.json").read_text())}
    assert not shared_dev & {g.article_id for name in SPLITS for g in splits[name]}
    for name in SPLITS:
        for pair in load_pairs([ANNOTATIONS / f"pairs-{name}.jsonl"]):
            assert not shared_dev & {pair.a, pair.b}


def test_articles_of_one_real_event_are_on_one_side_of_the_split(splits):
    split_of = {g.article_id: name for name in SPLITS for g in splits[name]}
    pairs = [p for name in SPLITS for p in load_pairs([ANNOTATIONS / f"pairs-{name}.jsonl"])]
    same = [p for p in pairs if p.same_event]
    assert len(same) >= 300 and sum(p.hard_negative for p in pairs) >= 150
    for pair in same:
        sides = {split_of.get(pair.a), split_of.get(pair.b)} - {None}
        assert len(sides) <= 1, pair


def test_the_second_pass_agreement_is_what_stats_reports(articles):
    stats = json.loads((ANNOTATIONS / "stats.json").read_text())["second_pass"]
    first = load_gold([ANNOTATIONS / "first-pass.jsonl"], articles)
    second = load_gold([ANNOTATIONS / "second-pass.jsonl"], articles)
    assert len(first) == len(second) == stats["articles"] >= 150
    assert agreement(first, second) == stats["agreement_before_reconciliation"]


def free_text(record: dict):
    """The annotators' own words in a record: notes and bases (labels such as names and topics excluded)."""
    yield record.get("notes") or ""
    yield record.get("published_basis") or ""
    for event in record.get("events", []):
        yield event.get("date_basis") or ""
    for item in record.get("rejected", []):
        yield item.get("note") or ""


def test_stored_records_quote_no_article_text_in_their_notes(articles):
    for path in sorted(ANNOTATIONS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if "article_id" not in record:
                continue
            words = [w.lower() for w in articles[record["article_id"]].text.split()]
            runs = {" ".join(words[i:i + 6]) for i in range(len(words) - 5)}
            for note in free_text(record):
                folded = " ".join(note.lower().split())
                assert not any(run in folded for run in runs), (path.name, record["article_id"], note)


def test_a_same_event_pair_has_its_type_in_the_record_of_an_annotated_article(articles):
    """Pairs and event annotations agree (docs/annotation.md): when either article of a same-event pair has a
    record, an event of the pair's PLOVER type is in one of them; pairs whose articles have no record at all
    are the ones the adjudicator read and kept."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts" / "annotation"))
    from adjudicate_pairs import PAIR_FILES, read_jsonl, recorded_types, unsupported

    types = recorded_types()
    for name in PAIR_FILES:
        for pair, why in unsupported(read_jsonl(ANNOTATIONS / f"pairs-{name}.jsonl"), types):
            assert why == "no record", (name, pair["a"], pair["b"], pair["event_type"], why)
