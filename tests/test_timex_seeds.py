"""The seed articles' event dates, with and without the supplied publication dates (../shared/seeds).

The actors' terms of office are public facts given here as the knowledge base would give them; the event
trigger is the meeting word nearest the expected date text in its sentence.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from linimasa.model import Article
from linimasa.nlp.sentences import split_sentences
from linimasa.nlp.timex import date_for_event, find_times, resolve_anchor

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"

KERRY_SECRETARY_OF_STATE = (dt.date(2013, 2, 1), dt.date(2017, 1, 20))
BLINKEN_SECRETARY_OF_STATE = (dt.date(2021, 1, 26), dt.date(2025, 1, 20))
RUBIO_SECRETARY_OF_STATE = (dt.date(2025, 1, 21), None)
LAVROV_FOREIGN_MINISTER = (dt.date(2004, 3, 9), None)
PUTIN_PRESIDENT = (dt.date(2012, 5, 7), None)
TENURES = {
    "000": [KERRY_SECRETARY_OF_STATE, LAVROV_FOREIGN_MINISTER, PUTIN_PRESIDENT],
    "001": [KERRY_SECRETARY_OF_STATE, LAVROV_FOREIGN_MINISTER],
    "002": [BLINKEN_SECRETARY_OF_STATE, LAVROV_FOREIGN_MINISTER, PUTIN_PRESIDENT],
    "003": [RUBIO_SECRETARY_OF_STATE, LAVROV_FOREIGN_MINISTER, PUTIN_PRESIDENT],
    "004": [BLINKEN_SECRETARY_OF_STATE, LAVROV_FOREIGN_MINISTER, PUTIN_PRESIDENT],
}
# Without a publication date these are the most a correct reader can say (see expected.json's notes).
WITHOUT_PUBLICATION = {"000": "2015-05-12", "001": "2014-10", "002": None, "003": None, "004": "2022-01-22"}
MEETING_WORD = re.compile(r"\b(?:bertemu|pertemuan|pembicaraan|sepakat)\b")


def _seed_cases():
    if not (SEEDS / "expected.json").is_file():
        return []
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
    return [pytest.param(a, id=a["file"][:3]) for a in expected["articles"]]


@pytest.fixture(autouse=True)
def _seeds_present():
    if not (SEEDS / "expected.json").is_file():
        pytest.skip(f"../shared not found: {SEEDS}")


def _dated_article(seed: dict, published: str | None) -> tuple[Article, int]:
    text = (SEEDS / seed["file"]).read_text(encoding="utf-8")
    article = Article(id=seed["file"], text=text, published=published)
    article.sentences = split_sentences(text)
    article.anchor = resolve_anchor(article, TENURES[seed["file"][:3]])
    year_range = tuple(article.anchor["year_range"]) if article.anchor["year_range"] else None
    anchor = dt.date.fromisoformat(article.anchor["date"]) if article.anchor["date"] else None
    article.times = find_times(text, anchor, year_range)
    date_text = seed["events"][0]["date_text"].split(" (before")[0]
    at = text.index(date_text)
    sentence = next(s for s in article.sentences if s.start <= at < s.end)
    triggers = [sentence.start + m.start() for m in MEETING_WORD.finditer(sentence.text)]
    return article, min(triggers, key=lambda t: abs(t - at))


@pytest.mark.parametrize("seed", _seed_cases())
def test_event_date_with_the_supplied_publication_date(seed):
    article, trigger = _dated_article(seed, seed["published_supplied"])
    event = seed["events"][0]
    result = date_for_event(article, trigger, trigger + 5)
    assert result["value"] == event["date"]
    conflict = event.get("weekday_conflict")
    assert ("weekday_conflict" in result["flags"]) == bool(conflict)
    if conflict:
        assert result["alternatives"] == [conflict["weekday_consistent_alternative"]]


@pytest.mark.parametrize("seed", _seed_cases())
def test_event_date_without_publication_date_is_right_or_less_precise_never_wrong(seed):
    article, trigger = _dated_article(seed, None)
    result = date_for_event(article, trigger, trigger + 5)
    expected = WITHOUT_PUBLICATION[seed["file"][:3]]
    assert result["value"] == expected
    assert expected is None or seed["events"][0]["date"].startswith(expected)


def test_year_less_dates_keep_their_day_and_month_without_publication_date():
    seed = next(p.values[0] for p in _seed_cases() if p.values[0]["file"].startswith("002"))
    article, _ = _dated_article(seed, None)
    assert [t.value for t in article.times if t.text == "Rabu (20 Mei)"] == ["XXXX-05-20"]
