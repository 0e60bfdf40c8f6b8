"""Cleaning and dedup over the development corpora in ../shared (skipped when it is absent)."""

import csv
import json
from pathlib import Path

import pytest

from linimasa.clean import CleanStage
from linimasa.dedup import NearDuplicateIndex, content_key
from linimasa.model import Article

NEWS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news"
CHUNK = 256


def read(path: Path) -> list[Article]:
    if not path.exists():
        pytest.skip(f"../shared not found: {path}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return [Article(id=r.get("id"), text=r["text"], title=r.get("title"), url=r.get("url"), outlet=r.get("outlet"))
            for r in rows]


def clean_stream(articles: list[Article]) -> CleanStage:
    stage = CleanStage()
    for start in range(0, len(articles), CHUNK):
        stage.observe(articles[start:start + CHUNK])
        for article in articles[start:start + CHUNK]:
            stage(article)
    return stage


def test_detik_scroll_widget_is_gone_and_content_kept():
    articles = read(NEWS / "detik-2025" / "articles.jsonl")
    clean_stream(articles)
    assert not any("SCROLL TO CONTINUE" in a.clean_text for a in articles)
    assert not any("ADVERTISEMENT" in a.clean_text.split("\n\n") for a in articles)
    # cleaning removes lines, it does not empty articles: the body keeps most of its characters
    for article in articles:
        assert len(article.clean_text) >= 0.7 * len(article.text) - 200, article.id


def test_detik_exact_duplicates_match_an_independent_count_from_the_raw_csv():
    articles = read(NEWS / "detik-2025" / "articles.jsonl")
    with open(NEWS / "detik-2025" / "data_berita.csv", encoding="utf-8", newline="") as handle:
        bodies = [" ".join(row["isi_berita"].split()) for row in csv.DictReader(handle)]
    independent = len(bodies) - len(set(bodies))
    clean_stream(articles)
    keys = [content_key(a) for a in articles]
    assert len(keys) - len(set(keys)) == independent


def test_indosum_truncated_repeats_of_an_id_are_found_as_near_duplicates():
    paths = sorted(NEWS.glob("indosum-dev/dev.0*.articles.jsonl"))
    if not paths:
        pytest.skip(f"../shared not found: {NEWS / 'indosum-dev'}")
    articles = [a for path in paths for a in read(path)]
    clean_stream(articles)
    index, seen, near = NearDuplicateIndex(), set(), []
    for article in articles:
        key = content_key(article)
        if key in seen:
            continue
        seen.add(key)
        match = index.add(f"{article.id}#{len(seen)}", article.clean_text, article.outlet)
        if match:
            near.append((article.id, match.article_id.split("#")[0]))
    # the data's README: 14 lines repeat an id with truncated content; each is found, and nothing else
    assert len(near) == 14
    assert all(new == old for new, old in near)
