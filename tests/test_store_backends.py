"""What every store backend must do alike for its readers: find words wherever they stand, order text by
its bytes whatever the server's locale, and bring a store made by an earlier linimasa up to date."""

from __future__ import annotations

import pytest
from conftest import BACKENDS, filled_store, fresh_pg_database
from fastapi.testclient import TestClient

from linimasa.model import Article, Event, content_hash
from linimasa.store import Outcome, Store, open_store
from linimasa.store.filters import ArticleFilter
from linimasa.web.app import create_app

TEXT = ("Berita lengkap di https://kabar.example/jenewa/perundingan, Selasa (12/5/2015). Surel redaksi@kabar.example. "
        "Presiden Erdoğan menyebut pertemuan pra-KTT “sangat produktif”; nilainya Rp1,5 triliun. C:\\berkas\\catatan")
ALSO = "Pertemuan lain tanpa kata-kata itu."


def fill_two_articles(store: Store) -> None:
    run_id = store.begin_run("test", [])
    outcomes = []
    for article_id, text in (("a1", TEXT), ("a2", ALSO)):
        article = Article(article_id, text, title=f"Judul {article_id}", outlet="Kabar", lang="id")
        article.compute_hash()
        article.clean_text = text
        outcomes.append(Outcome("new", article_id, article=article, article_id=article_id))
    store.save_chunk(run_id, outcomes)


WORDS = ["jenewa", "perundingan", "2015", "12", "redaksi", "example", "erdogan", "Erdoğan", "ERDOĞAN", "pra", "KTT",
         "sangat produktif", "Rp1", "triliun", "berkas", "catatan"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_words_are_found_wherever_they_stand_in_the_text(tmp_path, backend):
    """In a URL, a date, an e-mail address, a path, a hyphenated word, quotation marks, with or without
    diacritics, in any case: what SQLite's full-text index finds, every backend finds."""
    with filled_store(backend, tmp_path, fill_two_articles) as db, open_store(db, readonly=True) as store:
        for words in WORDS:
            assert store.search_articles(words) == ["a1"], words
            assert [a["article_id"] for a in store.list_articles(ArticleFilter(q=words), 10, 0)[1]] == ["a1"], words
        assert sorted(store.search_articles("pertemuan")) == ["a1", "a2"]
        assert store.search_articles("jenewa kata") == []  # every word is required
        assert store.search_articles('"jenewa" OR kata*') == []  # query syntax is words


@pytest.mark.postgres
def test_events_and_actors_come_in_byte_order_on_a_server_that_sorts_by_language():
    """en-US puts 'ev-a' before 'Ev-c' and ignores '-'; SQLite, and so every store, compares bytes."""
    from linimasa.model import Participant

    people = [Participant(name) for name in ("bambang", "Ahmad", "Zulkifli", "andi")]
    events = [Event(event_id, "AID", date="2020-01-01", participants=people) for event_id in ("ev-a", "Ev-c", "evb")]
    with fresh_pg_database(icu_locale="en-US") as url:
        with open_store(url) as store:
            store.replace_events(events, [])
        app = create_app(url)
        client = TestClient(app)
        assert [e["id"] for e in client.get("/api/events").json()["items"]] == ["Ev-c", "ev-a", "evb"]
        actors = client.get("/api/actors").json()["items"]
        assert [a["name"] for a in actors] == ["Ahmad", "Zulkifli", "andi", "bambang"]
        assert client.get("/api/events", params={"until": "2020-01-01"}).json()["total"] == 3
        app.state.pool.close()


@pytest.mark.postgres
def test_a_postgres_store_from_before_version_4_is_brought_up_to_date():
    """Version 4 made PostgreSQL stores compare text by its bytes and split words as SQLite does, and gave
    events a rowid; a store made before keeps its rows and reads like a new one."""
    from linimasa.store.postgres import PostgresDialect, PostgresStore
    from linimasa.store.schema import LATEST_VERSION

    class DialectBeforeVersion4(PostgresDialect):
        text = "TEXT"  # compared in the server's collation

        def create_full_text(self, spec):  # words as the text-search parser alone splits them
            text = " || ' ' || ".join(f"coalesce({', '.join(columns)}, '')" for _, columns in spec.fields)
            vector = f"to_tsvector('simple', {text})"
            if spec.skip:
                vector = f"CASE WHEN {spec.skip[0]} <> '{spec.skip[1]}' THEN {vector} END"
            return [f"ALTER TABLE {spec.table} DROP COLUMN IF EXISTS search",
                    f"ALTER TABLE {spec.table} ADD COLUMN search tsvector GENERATED ALWAYS AS ({vector}) STORED",
                    f"CREATE INDEX {spec.table}_search ON {spec.table} USING GIN (search)"]

    class StoreBeforeVersion4(PostgresStore):
        dialect = DialectBeforeVersion4()

        def pending_migrations(self, current):
            return [(m, statements) for m, statements in super().pending_migrations(current) if m.version <= 3]

    with fresh_pg_database(icu_locale="en-US") as url:
        with StoreBeforeVersion4(url) as old:
            assert old.schema_version() == 3
            # as a linimasa of version 3 wrote them (today's chunks also write the state of later versions)
            for article_id, text in (("a1", TEXT), ("a2", ALSO)):
                old.execute("INSERT INTO articles(id, title, text_raw, text_clean, outlet, lang, content_hash, status, "
                            "ingested_at, updated_at) VALUES (?, ?, ?, ?, 'Kabar', 'id', ?, 'processed', '', '')",
                            (article_id, f"Judul {article_id}", text, text, content_hash(f"Judul {article_id}", text)))
            old.replace_events([Event("ev-a", "AID", date="2020-01-01"), Event("Ev-c", "AID", date="2020-01-01")], [])
            assert old.execute("SELECT id FROM articles WHERE search @@ to_tsquery('simple', 'jenewa')").fetchall() == []
        with open_store(url) as store:
            assert store.schema_version() == LATEST_VERSION
            assert store.search_articles("jenewa") == ["a1"]
            assert [e.id for e in store.iter_events()] == ["Ev-c", "ev-a"]
            collations = {r["collation_name"] for r in store.execute(
                "SELECT collation_name FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND data_type = 'text' AND table_name IN ('articles', 'events', 'event_participants')")}
            assert collations == {"C"}
            assert store.article("a1")["text_raw"] == TEXT
        app = create_app(url)
        assert [e["id"] for e in TestClient(app).get("/api/events").json()["items"]] == ["Ev-c", "ev-a"]
        app.state.pool.close()
