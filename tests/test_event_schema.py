"""One event schema: `linimasa events` (JSON), the event table (CSV), the JSON API and the event page all
show an event's fields as linimasa.event_schema makes them, and the record holds every field of the
contract's event object plus linimasa's provenance extensions."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from linimasa.cli import cli
from linimasa.event_schema import (
    EVENT_SCHEMA_VERSION,
    EVIDENCE_FIELDS,
    LINK_FIELDS,
    LOCATION_FIELDS,
    PARTICIPANT_FIELDS,
    RECORD_FIELDS,
    RECORD_KEYS,
    SOURCE_FIELDS,
    TRIGGER_FIELDS,
)
from linimasa.event_table import COLUMNS, event_row
from linimasa.model import Event, Evidence
from linimasa.store import open_store
from linimasa.store.schema import LATEST_VERSION, MIGRATIONS
from linimasa.store.sqlite import SQLiteDialect
from linimasa.web.app import create_app

SAMPLE = Path(__file__).resolve().parents[1] / "sample"


def names(fields) -> list[str]:
    return [f.name for f in fields]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("schema") / "sample.db")
    result = CliRunner().invoke(cli, ["run", str(SAMPLE), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def records(sample_db) -> list[dict]:
    result = CliRunner().invoke(cli, ["events", "--db", sample_db, "--all"])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.output.splitlines()]
    assert len(found) > 20
    return found


def test_every_record_has_the_declared_fields_in_order(records):
    for record in records:
        assert list(record) == list(RECORD_KEYS)
        assert record["location"] is None or list(record["location"]) == names(LOCATION_FIELDS)
        assert record["trigger"] is None or list(record["trigger"]) == names(TRIGGER_FIELDS)
        assert all(list(p) == names(PARTICIPANT_FIELDS) for p in record["participants"])
        assert all(list(s) == names(SOURCE_FIELDS) for s in record["sources"])
        assert all(list(e) == names(EVIDENCE_FIELDS) for s in record["sources"] for e in s["evidence"])
        assert all(s["link"] is None or list(s["link"]) == names(LINK_FIELDS) for s in record["sources"])


def test_the_provenance_the_pipeline_knows_is_in_the_record(records):
    """The words naming the event, how sure the events stage is, where the place was read and which place of
    the knowledge base it is: no longer dropped on the way out."""
    for record in records:
        trigger = record["trigger"]
        assert trigger is not None and trigger["article_id"] in {s["article_id"] for s in record["sources"]}
        assert 0 < record["confidence"] <= 1
    located = [r for r in records if r["location"]]
    assert located and all(r["location"]["kb_id"] and r["location_basis"] for r in located)
    assert {r["location_basis"] for r in located} <= {"trigger_sentence", "reference", "anaphor", "occasion",
                                                      "dated_place", "dateline", "seat", "participants"}
    assert any(r["story_id"] for r in records)


def _contract_event_keys(contract: str) -> dict[str, set[str]]:
    """The keys of the contract's example event object, per level (event, location, participant, source,
    evidence)."""
    block = contract.split("## Event object", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    example = json.loads(re.sub(r"//[^\n]*", "", block))
    return {
        "event": set(example), "location": set(example["location"]), "participant": set(example["participants"][0]),
        "source": set(example["sources"][0]), "evidence": set(example["sources"][0]["evidence"][0]),
    }


def test_the_record_holds_every_field_of_the_contracts_event_object(shared_dir):
    wanted = _contract_event_keys((shared_dir / "contract.md").read_text(encoding="utf-8"))
    declared = {"event": RECORD_FIELDS, "location": LOCATION_FIELDS, "participant": PARTICIPANT_FIELDS,
                "source": SOURCE_FIELDS, "evidence": EVIDENCE_FIELDS}
    for level, keys in wanted.items():
        contract_fields = {f.name for f in declared[level] if f.origin == "contract"}
        assert keys == contract_fields, level
        assert all(f.origin in ("contract", "extension") for f in declared[level])


def test_every_extension_is_documented():
    documented = (Path(__file__).resolve().parents[1] / "docs" / "contract-extensions.md").read_text(encoding="utf-8")
    for fields in (RECORD_FIELDS, LOCATION_FIELDS, PARTICIPANT_FIELDS, SOURCE_FIELDS, EVIDENCE_FIELDS):
        for field in fields:
            if field.origin == "extension":
                assert f"`{field.name}`" in documented, field.name
    trigger_line = next(line for line in documented.splitlines() if line.startswith("| `trigger` |"))
    assert all(f'"{field.name}"' in trigger_line for field in TRIGGER_FIELDS)
    link_section = documented.split("## Event object: link evidence", 1)[1].split("\n## ", 1)[0]
    assert all(f'"{field.name}"' in link_section for field in LINK_FIELDS)


def test_every_table_column_is_read_from_a_record_field_and_every_field_reaches_the_table():
    assert {column.field for column in COLUMNS.values()} == set(RECORD_KEYS)


def test_the_csv_is_the_json_record_as_a_table(sample_db, records):
    result = CliRunner().invoke(cli, ["events", "--db", sample_db, "--all", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == list(COLUMNS)

    def as_csv(value):
        if isinstance(value, list):
            return "; ".join(value)
        return "" if value is None else str(value)

    assert rows == [{name: as_csv(value) for name, value in event_row(record).items()} for record in records]
    by_id = {record["id"]: record for record in records}
    for row in rows:
        record = by_id[row["id"]]
        assert row["confidence"] == str(record["confidence"])
        assert row["trigger_text"] == (record["trigger"] or {}).get("text", "")
        assert row["place_kb_id"] == ((record["location"] or {}).get("kb_id") or "")


def test_the_parquet_table_says_which_version_of_the_record_it_holds(sample_db, records, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    result = CliRunner().invoke(cli, ["events", "--db", sample_db, "--all", "--format", "parquet", "-o", str(path)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(path)
    assert table.schema.metadata[b"linimasa.event_schema"] == str(EVENT_SCHEMA_VERSION).encode()
    assert table.to_pylist() == [event_row(record) for record in records]


@pytest.fixture(scope="module")
def client(sample_db) -> TestClient:
    return TestClient(create_app(sample_db))


def test_the_api_serves_the_same_records(client, records):
    listed = client.get("/api/events", params={"all": "true", "limit": 500}).json()
    assert listed["total"] == len(records)
    assert sorted(listed["items"], key=lambda r: r["id"]) == sorted(records, key=lambda r: r["id"])
    for record in records[:5]:
        assert client.get(f"/api/events/{record['id']}").json() == record


def _page_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_the_event_page_shows_the_records_fields(client, records):
    for record in records:
        text = _page_text(client.get(f"/events/{record['id']}").text)
        shown = [record["id"], record["type"], record["modality"], str(record["confidence"]),
                 record["trigger"]["text"]]
        shown += [v for v in (record["mode"], record["date"], record["date_basis"], record["story_id"]) if v]
        shown += [p["name"] for p in record["participants"]] + [p["kb_id"] for p in record["participants"] if p["kb_id"]]
        if record["location"]:
            shown += [record["location"]["name"], record["location"]["kb_id"], record["location_basis"]]
        shown += [s["title"] for s in record["sources"] if s["title"]]
        missing = [value for value in shown if value not in text]
        assert not missing, (record["id"], missing)


# -- evidence stored once ------------------------------------------------------------------------------


def test_evidence_is_kept_once_with_its_event(sample_db):
    store = open_store(sample_db, readonly=True)
    columns = [row[1] for row in store.conn.execute("PRAGMA table_info(event_sources)")]
    assert columns == ["event_id", "article_id", "mention_id"]
    reported = {(r["event_id"], r["article_id"]) for r in store.conn.execute("SELECT * FROM event_sources")}
    held = {(e.id, item.article_id) for e in store.iter_events() for item in e.evidence}
    assert reported == held


def _version_3_store(path: Path) -> None:
    """A store as linimasa wrote it before evidence was kept once: an event whose source evidence is in both
    the event and event_sources."""
    event = Event(id="ev-1", type="CONSULT", mode="meet", date="2015-05-12", article_id="a-1",
                  evidence=[Evidence("a-1", "trigger", "bertemu", 10, 17)])
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)")
    for migration in MIGRATIONS[:3]:
        for statement in migration.statements(SQLiteDialect()):
            old.execute(statement)
        old.execute("INSERT INTO schema_version(version) VALUES (?)", (migration.version,))
    old.execute("INSERT INTO articles(id, title, text_raw, outlet, content_hash, status, ingested_at, updated_at) "
                "VALUES ('a-1', 'Judul', 'Kemarin ia bertemu', 'Kabar', 'h', 'processed', 'now', 'now')")
    old.execute("INSERT INTO events(id, type, mode, modality, date, data) VALUES (?, ?, ?, ?, ?, ?)",
                (event.id, event.type, event.mode, event.modality, event.date, event.to_json()))
    old.execute("INSERT INTO event_sources(event_id, article_id, mention_id, evidence) VALUES (?, ?, ?, ?)",
                ("ev-1", "a-1", "ev-1:a-1", json.dumps([{"article_id": "a-1", "field": "trigger", "text": "bertemu",
                                                          "start": 10, "end": 17}])))
    old.commit()
    old.close()


def test_a_store_from_before_is_read_as_it_is_and_migrated_by_a_writer(tmp_path):
    db = tmp_path / "old.db"
    _version_3_store(db)
    before = CliRunner().invoke(cli, ["events", "--db", str(db)])
    assert before.exit_code == 0, before.output
    (record,) = [json.loads(line) for line in before.output.splitlines()]
    assert record["sources"][0]["evidence"] == [{"text": "bertemu", "start": 10, "end": 17, "field": "trigger"}]

    store = open_store(str(db))
    assert store.schema_version() == LATEST_VERSION
    assert [row[1] for row in store.conn.execute("PRAGMA table_info(event_sources)")] == [
        "event_id", "article_id", "mention_id"]
    store.close()
    after = CliRunner().invoke(cli, ["events", "--db", str(db)])
    assert [json.loads(line) for line in after.output.splitlines()] == [record]
