"""The store keeps every input accounted for, stores nothing twice, and keeps revisions' history."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from linimasa.config import Settings
from linimasa.engine.local import LocalRunner
from linimasa.model import Event, Evidence, Location, Participant, Story
from linimasa.store import StoreError, open_store
from linimasa.store.schema import LATEST_VERSION

RAW_ONLY = Settings(prepare=(), extract=(), corpus=(), near_duplicates=False, workers=1)

BODY = "Presiden Joko Widodo menerima kunjungan Perdana Menteri Jepang di Istana Bogor, Jawa Barat."


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def run(db: str, *paths, settings: Settings = RAW_ONLY):
    store = open_store(db)
    try:
        return LocalRunner(store, settings).run([str(p) for p in paths])
    finally:
        store.close()


def test_new_store_is_migrated_in_wal_mode(db_path: str):
    store = open_store(db_path)
    assert store.schema_version() == LATEST_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "article_versions", "articles_fts", "runs", "run_inputs", "events", "event_sources",
            "event_participants", "stories", "event_mentions"} <= tables


def test_not_a_store_is_a_clear_error(tmp_path: Path):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a linimasa store"):
        open_store(str(bogus))
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "missing.db"), readonly=True)


def test_accounting_balances_and_a_second_run_stores_nothing_new(tmp_path: Path, db_path: str):
    corpus = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "1", "text": BODY},
        {"id": "2", "text": BODY + " Keduanya membahas investasi."},
        {"id": "1", "text": BODY},  # exact repeat of line 1
        {"id": "3", "text": BODY},  # same content as 1 under another id
        {"id": "4"},  # no text
    ])
    first = run(db_path, corpus)
    c = first.counts
    assert (c.read, c.new, c.revised, c.duplicates, c.rejected) == (5, 2, 0, 2, 1)
    assert c.read == c.stored + c.duplicates + c.rejected
    second = run(db_path, corpus)
    c = second.counts
    assert (c.read, c.new, c.revised, c.duplicates, c.rejected) == (5, 0, 0, 4, 1)
    store = open_store(db_path, readonly=True)
    rows = {r["id"]: r for r in store.iter_articles()}
    assert set(rows) == {"1", "2", "3", "4"}
    assert rows["3"]["status"] == "duplicate" and rows["3"]["duplicate_of"] == "1"
    assert rows["4"]["status"] == "rejected" and rows["4"]["reason"].startswith("no article text")
    assert store.count_articles() == {"processed": 2, "duplicate": 1, "rejected": 1}


def test_full_text_search_finds_a_duplicated_text_once_through_the_article_it_repeats(tmp_path: Path, db_path: str):
    run(db_path, write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": BODY}, {"id": "copy", "text": BODY}]))
    store = open_store(db_path, readonly=True)
    assert store.article("copy")["status"] == "duplicate"
    assert store.search_articles("Bogor") == ["1"]


def test_a_store_from_before_duplicates_left_search_is_migrated_and_its_index_rebuilt(tmp_path: Path, db_path: str):
    from linimasa.store.schema import MIGRATIONS
    from linimasa.store.sqlite import SQLiteDialect

    old = sqlite3.connect(db_path)
    old.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)")
    for migration in MIGRATIONS[:2]:
        for statement in migration.statements(SQLiteDialect()):
            old.execute(statement)
        old.execute("INSERT INTO schema_version(version) VALUES (?)", (migration.version,))
    for article_id, status in (("1", "processed"), ("copy", "duplicate")):
        old.execute(
            "INSERT INTO articles(id, text_raw, content_hash, status, run_id, ingested_at, updated_at) "
            "VALUES (?, ?, 'h', ?, 1, 'now', 'now')", (article_id, BODY, status))
    old.commit()
    assert len(old.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Bogor'").fetchall()) == 2
    old.close()

    store = open_store(db_path)
    assert store.schema_version() == LATEST_VERSION
    assert store.search_articles("Bogor") == ["1"]
    store.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    with store.transaction():  # a duplicate that becomes an article of its own is searched from then on
        store.conn.execute("UPDATE articles SET status='processed', text_raw=? WHERE id='copy'", (BODY + " Ralat.",))
    assert sorted(store.search_articles("Bogor")) == ["1", "copy"]
    with store.transaction():
        store.conn.execute("UPDATE articles SET status='duplicate' WHERE id='1'")
        store.conn.execute("DELETE FROM articles WHERE id='copy'")
    assert store.search_articles("Bogor") == []
    store.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")


def test_a_changed_article_under_a_known_id_is_a_revision_with_history(tmp_path: Path, db_path: str):
    run(db_path, write_jsonl(tmp_path / "v1.jsonl", [{"id": "r", "title": "Lama", "text": BODY}]))
    summary = run(db_path, write_jsonl(tmp_path / "v2.jsonl", [{"id": "r", "title": "Baru", "text": BODY + " Ralat."}]))
    assert summary.counts.revised == 1 and summary.counts.new == 0
    store = open_store(db_path, readonly=True)
    current = store.article("r")
    assert current["title"] == "Baru" and current["version"] == 2
    [old] = store.article_versions("r")
    assert old["title"] == "Lama" and old["version"] == 1 and old["text_raw"] == BODY


def test_articles_without_id_get_a_content_id_so_reingest_is_a_duplicate(tmp_path: Path, db_path: str):
    (tmp_path / "a.txt").write_text("Judul\n" + BODY, encoding="utf-8")
    first = run(db_path, tmp_path)
    second = run(db_path, tmp_path)
    assert first.counts.new == 1 and second.counts.duplicates == 1 and second.counts.new == 0


def test_runs_record_every_input_with_its_outcome(tmp_path: Path, db_path: str):
    corpus = write_jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": BODY}, {"id": "2", "text": ""}])
    summary = run(db_path, corpus)
    store = open_store(db_path, readonly=True)
    outcomes = [tuple(r) for r in store.conn.execute(
        "SELECT source, outcome FROM run_inputs WHERE run_id=? ORDER BY rowid", (summary.run_id,))]
    assert outcomes == [(f"{corpus}:1", "new"), (f"{corpus}:2", "rejected")]
    assert store.run(summary.run_id)["status"] == "finished"
    assert summary.rejections == [(f"{corpus}:2", "no article text: one of 'text' or 'html' is required and must not be empty")]


def test_full_text_search_finds_articles(tmp_path: Path, db_path: str):
    run(db_path, write_jsonl(tmp_path / "a.jsonl", [
        {"id": "1", "text": BODY}, {"id": "2", "text": "Menlu Retno Marsudi bertemu Menlu Wang Yi di Beijing."}]))
    store = open_store(db_path, readonly=True)
    assert store.search_articles("Beijing") == ["2"]
    assert store.search_articles("Bogor") == ["1"]


def test_a_failed_chunk_leaves_the_store_as_it_was(tmp_path: Path, db_path: str, monkeypatch):
    corpus = write_jsonl(tmp_path / "a.jsonl", [{"id": str(i), "text": f"{BODY} {i}"} for i in range(10)])
    store = open_store(db_path)
    runner = LocalRunner(store, Settings(prepare=(), extract=(), corpus=(), workers=1, chunk_size=4))
    original = store._write_article
    calls = {"n": 0}

    def failing_write(article, run_id, now):
        calls["n"] += 1
        if calls["n"] == 6:  # in the second chunk
            raise sqlite3.OperationalError("disk I/O error (simulated)")
        original(article, run_id, now)

    monkeypatch.setattr(store, "_write_article", failing_write)
    with pytest.raises(sqlite3.OperationalError):
        runner.run([str(corpus)])
    assert {r["id"] for r in store.iter_articles()} == {"0", "1", "2", "3"}
    assert store.run(1)["status"] == "failed" and store.run(1)["read"] == 4
    monkeypatch.setattr(store, "_write_article", original)
    summary = LocalRunner(store, RAW_ONLY).run([str(corpus)])
    assert (summary.counts.new, summary.counts.duplicates) == (6, 4)


def test_replace_events_stores_sources_participants_and_stories(db_path: str):
    store = open_store(db_path)
    event = Event(
        id="e1", type="CONSULT", mode="meet", date="2018-02-05",
        location=Location(name="Jakarta", city="Jakarta", country="IDN", lat=-6.2, lon=106.8),
        participants=[Participant(name="Retno Marsudi", country="IDN", role="Foreign Minister")],
        evidence=[Evidence("a1", "trigger", "bertemu", 10, 17), Evidence("a2", "trigger", "bertemu", 3, 10)],
    )
    store.replace_events([event], [Story(id="s1", title="RI-Australia", overview="...", event_ids=["e1"])])
    assert [e.id for e in store.iter_events()] == ["e1"]
    assert [tuple(r) for r in store.conn.execute("SELECT article_id FROM event_sources ORDER BY article_id")] == [("a1",), ("a2",)]
    assert store.conn.execute("SELECT story_id FROM events").fetchone()[0] == "s1"
    store.replace_events([], [])
    assert list(store.iter_events()) == [] and list(store.iter_stories()) == []


WIRE_STORY = (
    "Menteri Luar Negeri Indonesia Retno Marsudi bertemu Menteri Luar Negeri Jepang di Tokyo pada Senin untuk "
    "membahas kerja sama maritim, perdagangan, investasi infrastruktur dan perlindungan pekerja migran. "
    "Keduanya juga sepakat memperkuat dialog keamanan kawasan dan menyiapkan kunjungan kenegaraan tahun depan. "
    "Pertemuan berlangsung selama dua jam di kantor kementerian dan ditutup dengan jumpa pers bersama."
)


def test_near_duplicates_are_grouped_across_outlets_and_reingests_skipped_within_one(tmp_path: Path, db_path: str):
    ingest_clean = Settings(extract=(), corpus=(), workers=1)
    first = write_jsonl(tmp_path / "a.jsonl", [{"id": "antara-1", "outlet": "Antara", "text": WIRE_STORY}])
    run(db_path, first, settings=ingest_clean)
    later = write_jsonl(tmp_path / "b.jsonl", [
        {"id": "tempo-1", "outlet": "Tempo", "text": WIRE_STORY + " Sumber: Antara."},
        {"id": "antara-1-copy", "outlet": "Antara", "text": WIRE_STORY + " Ia menambahkan, pertemuan berikutnya segera."},
        {"id": "other", "outlet": "Tempo", "text": "Harga cabai di pasar induk naik dua kali lipat menjelang Lebaran, "
         "kata para pedagang yang mengeluhkan pasokan dari Jawa Tengah yang tersendat karena hujan deras."},
    ])
    summary = run(db_path, later, settings=ingest_clean)
    assert (summary.counts.new, summary.counts.duplicates) == (2, 1)
    store = open_store(db_path, readonly=True)
    rows = {r["id"]: r for r in store.iter_articles()}
    assert rows["tempo-1"]["status"] == "processed" and rows["tempo-1"]["near_duplicate_of"] == "antara-1"
    assert rows["antara-1-copy"]["status"] == "duplicate" and rows["antara-1-copy"]["duplicate_of"] == "antara-1"
    assert rows["other"]["near_duplicate_of"] is None


def test_a_rejected_input_with_an_id_is_listed_and_a_later_good_one_replaces_it(tmp_path: Path, db_path: str):
    run(db_path, write_jsonl(tmp_path / "bad.jsonl", [{"id": "r1", "text": "   "}]))
    store = open_store(db_path, readonly=True)
    row = store.article("r1")
    assert row["status"] == "rejected" and "no article text" in row["reason"]
    summary = run(db_path, write_jsonl(tmp_path / "good.jsonl", [{"id": "r1", "text": BODY}]))
    assert summary.counts.new == 1
    assert open_store(db_path, readonly=True).article("r1")["status"] == "processed"
    again = run(db_path, write_jsonl(tmp_path / "bad2.jsonl", [{"id": "r1", "text": ""}]))
    assert again.counts.rejected == 1
    assert open_store(db_path, readonly=True).article("r1")["status"] == "processed"


class _FailsOnMarker:
    """A stage with a bug that only some articles trigger."""

    name = "fragile"

    def __call__(self, article):
        if "MEMICU-GALAT" in article.working_text:
            raise ValueError("year -3983 is out of range")
        return article


def test_a_stage_failing_on_one_article_rejects_it_and_the_run_goes_on(tmp_path: Path, db_path: str, monkeypatch):
    from linimasa.stages import EXTRACT, STAGES, StageSpec

    monkeypatch.setitem(STAGES, "fragile", StageSpec("fragile", lambda settings: _FailsOnMarker(), EXTRACT))
    fragile = Settings(prepare=(), extract=("fragile",), corpus=(), near_duplicates=False, workers=1)
    run(db_path, write_jsonl(tmp_path / "v1.jsonl", [{"id": "kept", "text": BODY}]), settings=fragile)
    summary = run(db_path, write_jsonl(tmp_path / "v2.jsonl", [
        {"id": "ok", "text": BODY + " Lagi."},
        {"id": "bad", "text": BODY + " MEMICU-GALAT."},
        {"id": "kept", "text": BODY + " MEMICU-GALAT dalam revisi."},
    ]), settings=fragile)
    c = summary.counts
    assert (c.read, c.new, c.revised, c.rejected) == (3, 1, 0, 2)
    reasons = dict(summary.rejections)
    assert "stage 'fragile' failed" in reasons[f"{tmp_path / 'v2.jsonl'}:2"] and "ValueError" in reasons[f"{tmp_path / 'v2.jsonl'}:2"]
    store = open_store(db_path, readonly=True)
    assert store.article("bad")["status"] == "rejected"
    kept = store.article("kept")
    assert kept["status"] == "processed" and kept["text_raw"] == BODY  # the failed revision lost nothing
    retry = run(db_path, write_jsonl(tmp_path / "v3.jsonl", [{"id": "bad", "text": BODY + " Sudah diperbaiki."}]),
                settings=fragile)
    assert retry.counts.new == 1 and open_store(db_path, readonly=True).article("bad")["status"] == "processed"


@pytest.mark.parametrize("junk", ["\u200b\u200c\u200d ... !!! \u0301\u0301", "a", "— 12 / 34 —"])
def test_a_text_with_no_words_is_rejected_and_never_replaces_a_good_version(tmp_path: Path, db_path: str, junk):
    settings = Settings(prepare=("clean",), extract=(), corpus=(), near_duplicates=False, workers=1)
    run(db_path, write_jsonl(tmp_path / "good.jsonl", [{"id": "g", "title": "Baik", "text": BODY}]), settings=settings)
    summary = run(db_path, write_jsonl(tmp_path / "junk.jsonl", [{"id": "g", "text": junk},
                                                                {"id": "j", "text": junk + " ?"}]), settings=settings)
    assert summary.counts.rejected == 2 and summary.counts.stored == 0
    assert all("no words left after cleaning" in reason for _, reason in summary.rejections)
    store = open_store(db_path, readonly=True)
    assert store.article("g")["text_raw"] == BODY and store.article("g")["status"] == "processed"
