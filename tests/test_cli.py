"""The command line of the contract, end to end on the bundled sample corpus and the shared seeds."""

from __future__ import annotations

import csv
import io
from pathlib import Path
import json

import pytest
from click.testing import CliRunner

from linimasa.cli import cli

from conftest import SAMPLE


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "sample.db")
    result = CliRunner().invoke(cli, ["run", str(SAMPLE), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    return db


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_run_prints_a_balanced_summary(sample_db):
    result = invoke("run", str(SAMPLE), "--db", sample_db, "-q")
    assert result.exit_code == 0
    assert "accounting: read 35 = stored 0 + duplicates 35 + rejected 0" in result.output
    assert "expected.json: not an input kind" in result.output


def test_articles_lists_every_article_with_its_status(sample_db):
    rows = [json.loads(line) for line in invoke("articles", "--db", sample_db).output.splitlines()]
    assert len(rows) == 35
    assert {r["status"] for r in rows} == {"processed", "duplicate"}
    [duplicate] = [r for r in rows if r["status"] == "duplicate"]
    assert duplicate["duplicate_of"] in {r["article_id"] for r in rows if r["status"] == "processed"}
    for key in ("article_id", "title", "text", "outlet", "url", "published", "lang", "status", "duplicate_of", "reason"):
        assert all(key in r for r in rows)
    assert not any("SCROLL TO CONTINUE" in r["text"] for r in rows if r["status"] == "processed")


def test_articles_as_csv(sample_db):
    rows = list(csv.DictReader(io.StringIO(invoke("articles", "--db", sample_db, "--format", "csv").output)))
    assert len(rows) == 35 and rows[0]["article_id"]


def test_events_default_to_asserted_and_all_adds_the_rest(sample_db):
    asserted = [json.loads(line) for line in invoke("events", "--db", sample_db).output.splitlines()]
    everything = json.loads(invoke("events", "--db", sample_db, "--all", "--format", "json").output)
    assert asserted and len(everything) > len(asserted)
    assert {e["modality"] for e in asserted} == {"asserted"}
    assert {"future", "negated"} <= {e["modality"] for e in everything}
    for event in asserted:
        assert set(event) >= {"id", "type", "mode", "modality", "date", "date_flags", "date_alternatives", "location",
                              "participants", "duration_minutes", "topics", "summary", "sources"}
        for source in event["sources"]:
            assert source["article_id"] and source["evidence"]


def test_events_as_csv_has_one_row_per_event(sample_db):
    asserted = invoke("events", "--db", sample_db).output.splitlines()
    rows = list(csv.DictReader(io.StringIO(invoke("events", "--db", sample_db, "--format", "csv").output)))
    assert len(rows) == len(asserted)


def test_timeline_is_in_date_order_and_filters_by_actor_and_date(sample_db):
    records = json.loads(invoke("timeline", "--db", sample_db, "--format", "json").output)
    dates = [r["date"] for r in records if r["date"]]
    assert dates == sorted(dates)
    russia = json.loads(invoke("timeline", "--db", sample_db, "--format", "json", "--actor", "RUS").output)
    assert russia and all(any(p["country"] == "RUS" for p in r["participants"]) for r in russia)
    putin = json.loads(invoke("timeline", "--db", sample_db, "--format", "json", "--actor", "Vladimir Putin").output)
    assert putin and all(any(p["name"] == "Vladimir Putin" for p in r["participants"]) for r in putin)
    window = json.loads(invoke("timeline", "--db", sample_db, "--format", "json",
                               "--since", "2022-01-01", "--until", "2022-12-31").output)
    assert window and all(r["date"].startswith("2022") for r in window)
    markdown = invoke("timeline", "--db", sample_db, "--actor", "RUS").output
    assert markdown.startswith("# Timeline") and "Vladimir Putin" in markdown


def test_bad_arguments_fail_clearly(tmp_path, sample_db):
    missing = invoke("run", str(tmp_path / "nothing-here"), "--db", str(tmp_path / "x.db"))
    assert missing.exit_code == 2 and "does not exist" in missing.output
    bad_date = invoke("timeline", "--db", sample_db, "--since", "12/5/2015")
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output
    no_store = invoke("events", "--db", str(tmp_path / "none.db"))
    assert no_store.exit_code == 1 and "no store at" in no_store.output
    assert invoke("events", "--db", sample_db, "--format", "xml").exit_code == 2


def test_rejected_inputs_make_the_exit_status_one(tmp_path):
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text('{"id": "a", "text": "Menlu Retno bertemu Menlu Wang Yi di Beijing."}\n{broken\n', encoding="utf-8")
    result = invoke("run", str(corpus), "--db", str(tmp_path / "m.db"), "-q")
    assert result.exit_code == 1
    assert "mixed.jsonl:2: not valid JSON" in result.output


def test_seeds_twice_store_five_then_report_five_duplicates(shared_dir, tmp_path):
    db = str(tmp_path / "seeds.db")
    first = invoke("run", str(shared_dir / "seeds"), "--db", db, "-q")
    assert "stored" in first.output and first.exit_code == 0
    rows = [json.loads(line) for line in invoke("articles", "--db", db).output.splitlines()]
    assert [r["status"] for r in rows] == ["processed"] * 5
    second = invoke("run", str(shared_dir / "seeds"), "--db", db, "-q")
    assert "accounting: read 5 = stored 0 + duplicates 5 + rejected 0" in second.output


@pytest.mark.parametrize("command", ["events", "timeline", "articles", "run"])
def test_a_db_that_is_a_folder_is_one_clear_line_and_exit_1(tmp_path, command):
    from click.testing import CliRunner

    from linimasa.cli import cli

    args = [command, "--db", str(tmp_path)] + ([str(tmp_path)] if command == "run" else [])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "is a folder, not a store" in result.output
    assert "Traceback" not in result.output


def test_a_reader_that_stops_early_leaves_exit_status_0(tmp_path):
    """`linimasa articles | head -1`: the pipe closes after one line; what was wanted was written."""
    import json
    import subprocess
    import sys

    from linimasa.config import Settings
    from linimasa.engine.local import LocalRunner
    from linimasa.store import open_store

    body = "Presiden bertemu menteri di Jakarta pada Senin untuk membahas anggaran tahun depan. " * 8
    inputs = tmp_path / "many.jsonl"
    inputs.write_text("".join(json.dumps({"id": f"a{i}", "text": f"{i} {body}"}) + "\n" for i in range(400)))
    db = str(tmp_path / "s.db")
    store = open_store(db)
    LocalRunner(store, Settings(prepare=(), extract=(), corpus=(), near_duplicates=False, workers=1)).run([str(inputs)])
    store.close()
    reader = subprocess.Popen([sys.executable, "-m", "linimasa.cli", "articles", "--db", db],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = reader.stdout.readline()
    reader.stdout.close()
    assert reader.wait(timeout=60) == 0, reader.stderr.read()
    assert json.loads(first)["article_id"] == "a0"


def test_a_full_disk_is_one_clear_line_and_exit_1(tmp_path, monkeypatch):
    import sqlite3

    from click.testing import CliRunner

    from linimasa.cli import cli
    from linimasa.store.sqlite import SQLiteStore

    def full(self, run_id, outcomes):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SQLiteStore, "save_chunk", full)
    (tmp_path / "a.txt").write_text("Judul\nPresiden bertemu menteri di Jakarta pada Senin.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", "--db", str(tmp_path / "s.db"), str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert "cannot be written: database or disk is full. Free disk space" in result.output
    assert "Traceback" not in result.output


def test_the_timeline_shows_who_acted_on_whom_in_markdown_and_html():
    from linimasa.export import timeline_html, timeline_markdown

    record = {"id": "e1", "type": "ACCUSE", "mode": None, "date": "2022-02-22", "date_flags": [], "location": None,
              "duration_minutes": None, "topics": [], "summary": None,
              "participants": [{"name": "Russia armed forces", "country": "RUS", "side": "recipient"},
                               {"name": "United States", "country": "USA", "side": "actor"}],
              "sources": [{"article_id": "a1", "outlet": "<Kompas>", "url": "https://contoh.id/a1",
                           "evidence": [{"field": "trigger", "text": "AS menuduh <militer> Rusia.", "start": 0, "end": 10}]}]}
    markdown = timeline_markdown([record])
    assert "ACCUSE: United States (USA) → Russia armed forces (RUS)" in markdown
    html = timeline_html([record], {"e1": {"text": "AS menuduh <militer> Rusia.", "article_id": "a1",
                                           "outlet": "<Kompas>"}})
    assert "United States (USA) → Russia armed forces (RUS)" in html
    assert "&lt;militer&gt;" in html and "<militer>" not in html and "&lt;Kompas&gt;" in html
    assert '<a href="https://contoh.id/a1">' in html


def test_timeline_format_html_is_accepted_and_events_on_an_empty_store_say_so(tmp_path):
    from click.testing import CliRunner

    from linimasa.cli import cli

    db = str(tmp_path / "s.db")
    runner = CliRunner()
    (tmp_path / "in").mkdir()
    assert runner.invoke(cli, ["run", "--db", db, str(tmp_path / "in")]).exit_code == 0
    page = runner.invoke(cli, ["timeline", "--db", db, "--format", "html"])
    assert page.exit_code == 0 and "<h1>Timeline</h1>" in page.output
    empty = runner.invoke(cli, ["events", "--db", db])
    assert empty.exit_code == 0 and "no asserted events in" in empty.output and "run `linimasa run" in empty.output


def test_serve_on_a_port_in_use_is_one_clear_line_and_exit_1(tmp_path):
    import socket

    from click.testing import CliRunner

    from linimasa.cli import cli

    db = str(tmp_path / "s.db")
    (tmp_path / "in").mkdir()
    CliRunner().invoke(cli, ["run", "--db", db, str(tmp_path / "in")])
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", db, "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot serve at 127.0.0.1:{port}" in result.output and "serving" not in result.output


def test_events_as_parquet_read_back_with_the_documented_columns(sample_db, tmp_path):
    import pyarrow.parquet as pq

    from linimasa.event_table import COLUMNS

    path = tmp_path / "events.parquet"
    assert invoke("events", "--db", sample_db, "--format", "parquet", "--output", str(path)).exit_code == 0
    table = pq.read_table(path)
    asserted = invoke("events", "--db", sample_db).output.splitlines()
    assert table.num_rows == len(asserted)
    assert table.schema.names == list(COLUMNS)
    documented = (Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md").read_text()
    assert all(f"`{name}`" in documented for name in COLUMNS)
    rows = table.to_pylist()
    visit = next(r for r in rows if r["type"] == "CONSULT" and r["mode"] == "visit")
    assert visit["cameo"] == "042" and visit["quad_class"] == "verbal_cooperation" and visit["intensity"] == 4.0
    directed = [r for r in rows if r["recipient_names"]]
    assert directed and all(r["actor_names"] or r["recipient_names"] for r in rows)


def test_events_as_csv_put_actors_and_recipients_in_their_own_columns(sample_db):
    rows = list(csv.DictReader(io.StringIO(invoke("events", "--db", sample_db, "--format", "csv").output)))
    sanction = next(r for r in rows if r["type"] == "SANCTION")
    assert sanction["actor_countries"] == "USA" and sanction["recipient_countries"] == "RUS"
    assert sanction["quad_class"] == "material_conflict" and sanction["cameo"].startswith("16")


def test_the_event_table_carries_actor_codes_and_the_places_gazetteer_codes(sample_db, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert invoke("events", "--db", sample_db, "--format", "parquet", "--output", str(path)).exit_code == 0
    rows = pq.read_table(path).to_pylist()
    moscow = next(r for r in rows if r["place_name"] == "Moscow" and "Joko Widodo" in r["actor_names"])
    jokowi = moscow["actor_names"].index("Joko Widodo")
    assert moscow["actor_sectors"][jokowi] == "GOV" and moscow["actor_codes"][jokowi] == "IDNGOV"
    assert moscow["actor_sector_bases"][jokowi].startswith("office held on the event's date: President")
    assert moscow["place_geonameid"] == 524901 and moscow["place_admin1_geonames"] == "RU.48"
    sanction = next(r for r in rows if r["type"] == "SANCTION" and r["recipient_codes"] == ["RUS"])
    assert sanction["recipient_codes"] == ["RUS"] and sanction["recipient_sectors"] == [""]
    jakarta = next(r for r in rows if r["place_name"] == "Jakarta")
    assert (jakarta["place_admin1"], jakarta["place_admin1_code"]) == ("Jakarta", "ID-JK")


def test_the_timeline_marks_the_generated_summary_and_quotes_the_report_beside_it(sample_db):
    from linimasa.export import GENERATED_LABEL

    lines = invoke("timeline", "--db", sample_db, "--actor", "Jokowi", "--since", "2022-06-30",
                   "--until", "2022-06-30").output.splitlines()
    summary = next(i for i, line in enumerate(lines) if GENERATED_LABEL in line)
    assert lines[summary].endswith("Joko Widodo dan Vladimir Putin bertemu di Moskow pada 30 Juni 2022, "
                                   "membahas rantai pasok pangan.")
    assert lines[summary + 1].startswith("  - > “") and "bertemu Presiden Rusia Vladimir Putin" in lines[summary + 1]
    page = invoke("timeline", "--db", sample_db, "--actor", "Jokowi", "--format", "html").output
    assert f'<span class="generated">{GENERATED_LABEL}</span>' in page and "<blockquote>“" in page
