"""Annotations hold offsets, never text: quotes become spans, spans are checked against the article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linimasa.cli import cli
from linimasa.evaluation.articles import read_articles
from linimasa.evaluation.convert import RawRecordError, convert_raw
from linimasa.evaluation.gold import AnnotationError, load_gold
from linimasa.evaluation.spans import Locator

# The developers' own sentences, not taken from any article.
MEETING = ("Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Belanda Bert Koenders di Jakarta, "
           "Senin (6/3/2017). Keduanya membahas kerja sama perdagangan.\n\n"
           "Retno mengatakan pertemuan itu berlangsung selama 45 menit. Koenders akan bertemu Presiden Joko "
           "Widodo pekan depan.")
MATCH_REPORT = "Persib bertemu Persija di Stadion Gelora Bandung Lautan Api, Minggu (5/3/2017). Persib menang 2 - 0."


def write_articles(folder: Path) -> Path:
    path = folder / "articles.jsonl"
    rows = [{"id": "own-meeting", "title": "Retno bertemu Koenders", "text": MEETING, "published": "2017-03-06"},
            {"id": "own-football", "title": "Persib menang", "text": MATCH_REPORT, "published": "2017-03-06"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


RAW_MEETING = {
    "article_id": "own-meeting", "published": "2017-03-06", "published_basis": "published field",
    "events": [{
        "type": "CONSULT", "mode": "meet",
        "evidence": "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Belanda Bert Koenders di Jakarta",
        "participants": [
            {"name": "Retno Marsudi", "mention": "Retno Marsudi", "country": "IDN",
             "role": "Foreign Minister of Indonesia", "side": None},
            {"name": "Bert Koenders", "mention": "Bert Koenders", "country": "NLD",
             "role": "Foreign Minister of the Netherlands", "side": None}],
        "location": {"name": "Jakarta", "city": "Jakarta", "country": "IDN"},
        "date": "2017-03-06", "date_text": "Senin (6/3/2017)", "date_basis": "stated", "date_resolvable_from_text": True,
        "duration_minutes": 45, "topics": ["trade"], "background": False, "confidence": "high"}],
    "rejected": [{"type": "CONSULT", "quote": "Koenders akan bertemu Presiden Joko Widodo pekan depan", "reason": "future"}],
}
RAW_FOOTBALL = {"article_id": "own-football", "published": "2017-03-06", "events": [],
                "rejected": [{"type": "CONSULT", "quote": "Persib bertemu Persija", "reason": "sports"}]}


@pytest.fixture
def corpus(tmp_path):
    articles_file = write_articles(tmp_path)
    articles = read_articles([articles_file])
    annotations = tmp_path / "gold.jsonl"
    records = [convert_raw(raw, articles, "a", "test") for raw in (RAW_MEETING, RAW_FOOTBALL)]
    annotations.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return articles_file, annotations, records


def test_a_quote_is_found_whatever_its_whitespace_and_quote_marks():
    text = 'Ia berkata , " Kami bertemu Senin ( 6 / 3 ) . "'
    found = Locator(text).find("\u201cKami bertemu Senin (6/3).")
    assert found and text[found[0]:found[1]] == '" Kami bertemu Senin ( 6 / 3 ) .'


def test_stored_annotations_hold_offsets_and_no_article_text(corpus):
    _, annotations, records = corpus
    stored = annotations.read_text(encoding="utf-8")
    assert "bertemu" not in stored and "Koenders" not in stored.replace("Bert Koenders", "")
    event = records[0]["events"][0]
    assert MEETING[event["evidence"][0]:event["evidence"][1]].startswith("Menteri Luar Negeri Retno")
    assert records[0]["rejected"][0]["modality"] == "future"


def test_a_quote_not_in_the_article_is_reported_not_guessed(tmp_path):
    articles = read_articles([write_articles(tmp_path)])
    raw = dict(RAW_MEETING, events=[dict(RAW_MEETING["events"][0], evidence="Retno bertemu Rutte")])
    with pytest.raises(RawRecordError, match="not found verbatim"):
        convert_raw(raw, articles, "a", "test")


def test_an_article_whose_text_changed_fails_clearly_naming_it(corpus, tmp_path):
    articles_file, annotations, _ = corpus
    changed = articles_file.read_text(encoding="utf-8").replace("45 menit", "40 menit")
    articles_file.write_text(changed, encoding="utf-8")
    with pytest.raises(AnnotationError, match="own-meeting is not the one annotated"):
        load_gold([annotations], read_articles([articles_file]))


def test_a_span_outside_the_article_fails_clearly(corpus):
    articles_file, annotations, records = corpus
    records[0]["events"][0]["evidence"] = [10, 10_000]
    annotations.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with pytest.raises(AnnotationError, match="lies outside"):
        load_gold([annotations], read_articles([articles_file]))


def test_eval_runs_the_pipeline_and_reports_scores_fields_and_errors_as_stable_json(corpus):
    articles_file, annotations, _ = corpus
    result = CliRunner().invoke(cli, ["eval", str(annotations), "--articles", str(articles_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report) >= {"version", "articles", "types", "fields", "modality", "linking", "errors"}
    consult = report["types"]["CONSULT"]
    assert consult["gold"] == 1 and consult["articles"] == 2
    assert set(consult) == {"articles", "gold", "found", "predicted", "correct", "precision", "recall", "f1"}
    assert consult["found"] == 1, report["errors"]
    assert report["fields"]["CONSULT"]["date"] == {"right": 1, "of": 1, "accuracy": 1.0}
    assert all(fp["article_id"] != "own-football" for fp in report["errors"]["false_positives"])


def test_eval_text_names_each_type_and_the_misses(corpus):
    articles_file, annotations, _ = corpus
    result = CliRunner().invoke(cli, ["eval", str(annotations), "--articles", str(articles_file)])
    assert result.exit_code == 0, result.output
    assert "CONSULT" in result.output and "fields CONSULT" in result.output


def test_eval_on_an_unknown_article_says_which_and_exits_1(corpus, tmp_path):
    _, annotations, _ = corpus
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "x", "text": "Teks lain."}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(annotations), "--articles", str(other)])
    assert result.exit_code == 1
    assert "own-meeting" in result.output


def test_eval_without_annotations_or_gate_is_a_usage_error():
    result = CliRunner().invoke(cli, ["eval"])
    assert result.exit_code == 2


def test_a_wrong_field_of_a_found_event_is_listed_with_both_values(corpus, tmp_path):
    articles_file, _, _ = corpus
    articles = read_articles([articles_file])
    wrong_day = dict(RAW_MEETING, events=[dict(RAW_MEETING["events"][0], date="2017-03-07")])
    annotations = tmp_path / "wrong-day.jsonl"
    annotations.write_text(json.dumps(convert_raw(wrong_day, articles, "a", "test")) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(annotations), "--articles", str(articles_file), "--format", "json"])
    report = json.loads(result.output)
    [wrong] = [e for e in report["errors"]["fields"] if e["field"] == "date"]
    assert (wrong["article_id"], wrong["annotated"], wrong["given"]) == ("own-meeting", "2017-03-07", "2017-03-06")
    assert "bertemu" in wrong["evidence"]
    text = CliRunner().invoke(cli, ["eval", str(annotations), "--articles", str(articles_file)]).output
    assert "own-meeting: CONSULT date: annotated 2017-03-07, given 2017-03-06" in text
