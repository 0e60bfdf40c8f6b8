"""The five seed articles: boilerplate gone, repeats once, and every line of news content kept.

The hand-made list below names, by line number in each seed file, the lines that are news content, with
the dateline that opens the first one and the credit that closes the last one (both metadata, cut). The
seed texts themselves are read from ../shared at run time, never copied here.
"""

import json
from pathlib import Path

import pytest

from linimasa.clean import CleanStage
from linimasa.model import Article

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"

# file -> (content line numbers, dateline text, closing credit, dateline place, dateline outlet)
CONTENT = {
    "000_526c7593ec577e31.txt": (list(range(3, 22, 2)), "Konfrontasi -", "(rol/ar)", None, "Konfrontasi"),
    "001_b61ced8e6ee5a8ed.txt": (list(range(5, 11)), "MOSKOW -", None, "MOSKOW", None),
    "002_09abab3161b2a45c.txt": (
        [3, 6, 8, 10, 14, 16, 18, 20, 24, 26, 28, 30, 32, 36, 38, 40, 42],
        "Reykjavik | EGINDO.co –", None, "Reykjavik", "EGINDO.co",
    ),
    "003_6b27280c317c1a2d.txt": (
        [3, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28],
        "Malaysia, Suarathailand-", "Aljazeera", "Malaysia", "Suarathailand",
    ),
    "004_691f5a4256367eb2.txt": (
        [12, 14, 16, 20, 22, 24, 26, 30, 32, 34, 36, 40, 42, 44, 46],
        "JENEWA, KOMPAS.com –", None, "JENEWA", "KOMPAS.com",
    ),
}


def expected():
    if not SEEDS.exists():
        pytest.skip(f"../shared not found: {SEEDS}")
    return {a["file"]: a for a in json.loads((SEEDS / "expected.json").read_text())["articles"]}


def clean_seed(name: str) -> tuple[list[str], Article]:
    """A seed read the way the reader reads a .txt file: first line the title, the rest the text."""
    raw_lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    article = Article(id=name, title=raw_lines[0].strip(), text="\n".join(raw_lines[1:]))
    return raw_lines, CleanStage()(article)


@pytest.mark.parametrize("name", sorted(CONTENT))
def test_seed_boilerplate_lines_are_gone(name):
    boilerplate = expected()[name]["boilerplate_lines"]
    _, article = clean_seed(name)
    clean_lines = {line.strip() for line in article.clean_text.split("\n")}
    for line in boilerplate:
        assert line.strip() not in clean_lines
        if len(line) > 10:
            assert line.strip() not in article.clean_text


@pytest.mark.parametrize("name", sorted(CONTENT))
def test_seed_news_content_is_kept_once(name):
    expected()
    line_numbers, dateline, closing_credit, _, _ = CONTENT[name]
    raw_lines, article = clean_seed(name)
    for number in line_numbers:
        content = raw_lines[number - 1].strip()
        content = content.removeprefix(dateline).strip()
        if closing_credit:
            content = content.removesuffix(closing_credit).strip()
        assert article.clean_text.count(content) == 1, f"line {number} of {name}"


@pytest.mark.parametrize("name", sorted(CONTENT))
def test_seed_dateline_becomes_metadata(name):
    expected()
    _, dateline, _, place, outlet = CONTENT[name]
    _, article = clean_seed(name)
    assert article.dateline["place"] == place
    assert article.dateline["outlet"] == outlet
    assert dateline not in article.clean_text


def test_seed_repeated_paragraphs_appear_once():
    assert expected()["001_b61ced8e6ee5a8ed.txt"]["duplicated_paragraphs"] >= 4
    _, article = clean_seed("001_b61ced8e6ee5a8ed.txt")
    repeats = [r for r in article.removed if r["reason"] == "repeated paragraph"]
    assert len(repeats) >= 4
    for repeat in repeats:
        assert article.clean_text.count(repeat["text"]) == 1


def test_seed_in_text_publication_dates_fill_published():
    seeds = expected()
    for name in CONTENT:
        _, article = clean_seed(name)
        stated = seeds[name]["published_in_text"]
        if stated:
            assert article.published.startswith(stated)
            assert article.metadata["published_source"] == "text"
        else:
            assert article.published is None


def test_seed_credits_and_related_links_are_metadata():
    expected()
    _, kompas = clean_seed("004_691f5a4256367eb2.txt")
    assert kompas.credits["wire"] == ["AFP"]
    assert len(kompas.credits["authors"]) == 1
    assert len(kompas.related_links) == 4
    assert "Baca juga" not in kompas.clean_text
    _, konfrontasi = clean_seed("000_526c7593ec577e31.txt")
    assert konfrontasi.credits["editors"] == ["rol/ar"]
    _, egindo = clean_seed("002_09abab3161b2a45c.txt")
    assert egindo.credits["wire"] == ["CNA/SL"]


def test_seed_title_is_not_repeated_in_clean_text():
    expected()
    for name in CONTENT:
        _, article = clean_seed(name)
        assert article.title
        assert article.title not in article.clean_text
