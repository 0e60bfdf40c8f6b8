"""The store's schema, as an ordered list of migrations.

The schema version is kept in the ``schema_version`` table; opening a store applies every migration it
has not seen, each in its own transaction, so an old store is brought forward and a new one built the
same way. A migration is only ever appended to this list, never edited once released.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "articles, versions, full-text search, runs and their accounting, events, sources, stories",
        [
            """CREATE TABLE runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                command TEXT NOT NULL,
                inputs TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'running',
                read INTEGER NOT NULL DEFAULT 0,
                new INTEGER NOT NULL DEFAULT 0,
                revised INTEGER NOT NULL DEFAULT 0,
                duplicates INTEGER NOT NULL DEFAULT 0,
                rejected INTEGER NOT NULL DEFAULT 0,
                events INTEGER,
                stories INTEGER
            )""",
            """CREATE TABLE run_inputs (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                source TEXT NOT NULL,
                article_id TEXT,
                outcome TEXT NOT NULL CHECK (outcome IN ('new', 'revised', 'duplicate', 'rejected')),
                reason TEXT
            )""",
            "CREATE INDEX run_inputs_run ON run_inputs(run_id, outcome)",
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                version INTEGER NOT NULL DEFAULT 1,
                title TEXT,
                text_raw TEXT NOT NULL,
                text_clean TEXT,
                outlet TEXT,
                url TEXT,
                published TEXT,
                lang TEXT,
                metadata TEXT NOT NULL DEFAULT '{}',
                annotations TEXT NOT NULL DEFAULT '{}',
                content_hash TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('processed', 'duplicate', 'rejected')),
                duplicate_of TEXT,
                near_duplicate_of TEXT,
                reason TEXT,
                source TEXT,
                run_id INTEGER,
                ingested_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            "CREATE INDEX articles_hash ON articles(content_hash)",
            "CREATE INDEX articles_status ON articles(status)",
            "CREATE INDEX articles_outlet ON articles(outlet)",
            "CREATE INDEX articles_published ON articles(published)",
            """CREATE TABLE article_versions (
                article_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                title TEXT,
                text_raw TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                metadata TEXT NOT NULL,
                replaced_at TEXT NOT NULL,
                replaced_by_run INTEGER,
                PRIMARY KEY (article_id, version)
            )""",
            """CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
            )""",
            """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, coalesce(new.text_clean, new.text_raw));
            END""",
            """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, coalesce(old.text_clean, old.text_raw));
            END""",
            """CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, coalesce(old.text_clean, old.text_raw));
                INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, coalesce(new.text_clean, new.text_raw));
            END""",
            """CREATE TABLE event_mentions (
                id TEXT PRIMARY KEY,
                article_id TEXT NOT NULL,
                type TEXT NOT NULL,
                modality TEXT NOT NULL,
                date TEXT,
                data TEXT NOT NULL
            )""",
            "CREATE INDEX event_mentions_article ON event_mentions(article_id)",
            """CREATE TABLE events (
                id TEXT PRIMARY KEY,
                type TEXT NOT NULL,
                mode TEXT,
                modality TEXT NOT NULL,
                date TEXT,
                background INTEGER NOT NULL DEFAULT 0,
                location TEXT,
                location_country TEXT,
                story_id TEXT,
                summary TEXT,
                data TEXT NOT NULL
            )""",
            "CREATE INDEX events_date ON events(date)",
            "CREATE INDEX events_type ON events(type, mode)",
            "CREATE INDEX events_story ON events(story_id)",
            """CREATE TABLE event_sources (
                event_id TEXT NOT NULL,
                article_id TEXT NOT NULL,
                mention_id TEXT NOT NULL,
                evidence TEXT NOT NULL,
                PRIMARY KEY (event_id, mention_id)
            )""",
            "CREATE INDEX event_sources_article ON event_sources(article_id)",
            """CREATE TABLE event_participants (
                event_id TEXT NOT NULL,
                name TEXT NOT NULL,
                country TEXT,
                role TEXT,
                kind TEXT,
                kb_id TEXT,
                side TEXT
            )""",
            "CREATE INDEX event_participants_event ON event_participants(event_id)",
            "CREATE INDEX event_participants_name ON event_participants(name)",
            "CREATE INDEX event_participants_country ON event_participants(country)",
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                overview TEXT NOT NULL,
                data TEXT NOT NULL
            )""",
            """CREATE TABLE state (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
        ],
    ),
    (
        2,
        "web view: covering indexes for paging the timeline and finding events by participant or outlet, "
        "full-text search over event summaries",
        [
            # every filterable column of events rides along, so a count or a page is chosen on an index alone
            "CREATE INDEX events_visible_order ON events(modality, background, date, id, type, mode, location, "
            "story_id)",
            "CREATE INDEX events_order ON events(date, id, modality, background, type, mode, location, story_id)",
            "CREATE INDEX events_by_id ON events(id, modality, background, date, type, mode, location, story_id)",
            "CREATE INDEX articles_outlet_id ON articles(outlet, id)",
            "CREATE INDEX event_participants_name_nocase ON event_participants(name COLLATE NOCASE, event_id)",
            "CREATE INDEX event_participants_kb ON event_participants(kb_id, event_id)",
            "CREATE INDEX event_participants_actor ON event_participants(name, event_id, country, kind, kb_id)",
            "CREATE INDEX event_participants_country_event ON event_participants(country, event_id)",
            "CREATE INDEX event_sources_article_event ON event_sources(article_id, event_id)",
            """CREATE VIRTUAL TABLE events_fts USING fts5(
                summary, content='events', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
            )""",
            """CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
                INSERT INTO events_fts(rowid, summary) VALUES (new.rowid, new.summary);
            END""",
            """CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
                INSERT INTO events_fts(events_fts, rowid, summary) VALUES ('delete', old.rowid, old.summary);
            END""",
            """CREATE TRIGGER events_fts_update AFTER UPDATE ON events BEGIN
                INSERT INTO events_fts(events_fts, rowid, summary) VALUES ('delete', old.rowid, old.summary);
                INSERT INTO events_fts(rowid, summary) VALUES (new.rowid, new.summary);
            END""",
            "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
        ],
    ),
    (
        3,
        "full-text search leaves duplicates out: a duplicate's text is the text of the article it repeats (or "
        "a re-ingest of it), which is indexed already; indexing it again was a third of the store's writing "
        "time on the 100k benchmark corpus, where half the inputs are duplicates",
        [
            "DROP TRIGGER articles_fts_insert",
            "DROP TRIGGER articles_fts_delete",
            "DROP TRIGGER articles_fts_update",
            "DROP TABLE articles_fts",
            # what is searched, as one definition the index is built (and rebuilt) from
            """CREATE VIEW articles_searchable AS
                SELECT rowid AS doc_id, title, coalesce(text_clean, text_raw) AS text
                FROM articles WHERE status != 'duplicate'""",
            """CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text, content='articles_searchable', content_rowid='doc_id',
                tokenize='unicode61 remove_diacritics 2'
            )""",
            # each statement is guarded rather than the trigger, so that an update removes the old entry
            # before it adds the new one whatever the statuses
            """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts(rowid, title, text)
                SELECT new.rowid, new.title, coalesce(new.text_clean, new.text_raw) WHERE new.status != 'duplicate';
            END""",
            """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text)
                SELECT 'delete', old.rowid, old.title, coalesce(old.text_clean, old.text_raw)
                WHERE old.status != 'duplicate';
            END""",
            """CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text)
                SELECT 'delete', old.rowid, old.title, coalesce(old.text_clean, old.text_raw)
                WHERE old.status != 'duplicate';
                INSERT INTO articles_fts(rowid, title, text)
                SELECT new.rowid, new.title, coalesce(new.text_clean, new.text_raw) WHERE new.status != 'duplicate';
            END""",
            "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
        ],
    ),
]

LATEST_VERSION = MIGRATIONS[-1][0]
