"""The store's schema, as an ordered list of migrations written once for every database.

The schema version is kept in the ``schema_version`` table; opening a store applies every migration it
has not seen, each in its own transaction, so an old store is brought forward and a new one built the
same way. A migration is only ever appended to this list, never edited once released.

Each migration is a function of the store's :class:`~linimasa.store.dialect.Dialect`, which supplies what
differs between databases: column types, the ``rowid`` of tables read in insertion order, case-blind index
expressions and the full-text indexes (declared here as :class:`FullText`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .dialect import Dialect, FullText


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: Callable[[Dialect], list[str]]
    # False when the migration only removes or adds what no reader uses: a read-only opening reads a store that has
    # not had it yet as it is (a writer still applies it).
    readers_need: bool = True


# Tables whose readers rely on the order rows were inserted in (SQLite's implicit rowid).
INSERTION_ORDERED = ("articles", "run_inputs", "event_mentions")

ARTICLE_WORDS_V1 = FullText("articles_fts", "articles", (("title", ("title",)), ("text", ("text_clean", "text_raw"))))
EVENT_WORDS = FullText("events_fts", "events", (("summary", ("summary",)),))
# Duplicates left out: a duplicate's text is the text of the article it repeats (or a re-ingest of it).
ARTICLE_WORDS = FullText(
    "articles_fts", "articles", (("title", ("title",)), ("text", ("text_clean", "text_raw"))),
    skip=("status", "duplicate"), view="articles_searchable",
)


def _v1(d: Dialect) -> list[str]:
    text, integer = d.text, d.integer
    return [
        f"""CREATE TABLE runs (
                id {d.serial_key},
                started_at {text} NOT NULL,
                finished_at {text},
                command {text} NOT NULL,
                inputs {text} NOT NULL,
                status {text} NOT NULL DEFAULT 'running',
                read {integer} NOT NULL DEFAULT 0,
                new {integer} NOT NULL DEFAULT 0,
                revised {integer} NOT NULL DEFAULT 0,
                duplicates {integer} NOT NULL DEFAULT 0,
                rejected {integer} NOT NULL DEFAULT 0,
                events {integer},
                stories {integer}
            )""",
        f"""CREATE TABLE run_inputs (
                {d.insertion_order()}
                run_id {integer} NOT NULL REFERENCES runs(id),
                source {text} NOT NULL,
                article_id {text},
                outcome {text} NOT NULL CHECK (outcome IN ('new', 'revised', 'duplicate', 'rejected')),
                reason {text}
            )""",
        "CREATE INDEX run_inputs_run ON run_inputs(run_id, outcome)",
        f"""CREATE TABLE articles (
                {d.insertion_order()}
                id {text} PRIMARY KEY,
                version {integer} NOT NULL DEFAULT 1,
                title {text},
                text_raw {text} NOT NULL,
                text_clean {text},
                outlet {text},
                url {text},
                published {text},
                lang {text},
                metadata {text} NOT NULL DEFAULT '{{}}',
                annotations {text} NOT NULL DEFAULT '{{}}',
                content_hash {text} NOT NULL,
                status {text} NOT NULL CHECK (status IN ('processed', 'duplicate', 'rejected')),
                duplicate_of {text},
                near_duplicate_of {text},
                reason {text},
                source {text},
                run_id {integer},
                ingested_at {text} NOT NULL,
                updated_at {text} NOT NULL
            )""",
        "CREATE INDEX articles_hash ON articles(content_hash)",
        "CREATE INDEX articles_status ON articles(status)",
        "CREATE INDEX articles_outlet ON articles(outlet)",
        "CREATE INDEX articles_published ON articles(published)",
        f"""CREATE TABLE article_versions (
                article_id {text} NOT NULL,
                version {integer} NOT NULL,
                title {text},
                text_raw {text} NOT NULL,
                content_hash {text} NOT NULL,
                metadata {text} NOT NULL,
                replaced_at {text} NOT NULL,
                replaced_by_run {integer},
                PRIMARY KEY (article_id, version)
            )""",
        *d.create_full_text(ARTICLE_WORDS_V1),
        f"""CREATE TABLE event_mentions (
                {d.insertion_order()}
                id {text} PRIMARY KEY,
                article_id {text} NOT NULL,
                type {text} NOT NULL,
                modality {text} NOT NULL,
                date {text},
                data {text} NOT NULL
            )""",
        "CREATE INDEX event_mentions_article ON event_mentions(article_id)",
        f"""CREATE TABLE events (
                id {text} PRIMARY KEY,
                type {text} NOT NULL,
                mode {text},
                modality {text} NOT NULL,
                date {text},
                background {integer} NOT NULL DEFAULT 0,
                location {text},
                location_country {text},
                story_id {text},
                summary {text},
                data {text} NOT NULL
            )""",
        "CREATE INDEX events_date ON events(date)",
        "CREATE INDEX events_type ON events(type, mode)",
        "CREATE INDEX events_story ON events(story_id)",
        f"""CREATE TABLE event_sources (
                event_id {text} NOT NULL,
                article_id {text} NOT NULL,
                mention_id {text} NOT NULL,
                evidence {text} NOT NULL,
                PRIMARY KEY (event_id, mention_id)
            )""",
        "CREATE INDEX event_sources_article ON event_sources(article_id)",
        f"""CREATE TABLE event_participants (
                event_id {text} NOT NULL,
                name {text} NOT NULL,
                country {text},
                role {text},
                kind {text},
                kb_id {text},
                side {text}
            )""",
        "CREATE INDEX event_participants_event ON event_participants(event_id)",
        "CREATE INDEX event_participants_name ON event_participants(name)",
        "CREATE INDEX event_participants_country ON event_participants(country)",
        f"""CREATE TABLE stories (
                id {text} PRIMARY KEY,
                title {text} NOT NULL,
                overview {text} NOT NULL,
                data {text} NOT NULL
            )""",
        f"""CREATE TABLE state (
                key {text} PRIMARY KEY,
                value {text} NOT NULL
            )""",
    ]


def _v2(d: Dialect) -> list[str]:
    return [
        # every filterable column of events rides along, so a count or a page is chosen on an index alone
        "CREATE INDEX events_visible_order ON events(modality, background, date, id, type, mode, location, "
        "story_id)",
        "CREATE INDEX events_order ON events(date, id, modality, background, type, mode, location, story_id)",
        "CREATE INDEX events_by_id ON events(id, modality, background, date, type, mode, location, story_id)",
        "CREATE INDEX articles_outlet_id ON articles(outlet, id)",
        f"CREATE INDEX event_participants_name_nocase ON event_participants({d.nocase('name')}, event_id)",
        "CREATE INDEX event_participants_kb ON event_participants(kb_id, event_id)",
        "CREATE INDEX event_participants_actor ON event_participants(name, event_id, country, kind, kb_id)",
        "CREATE INDEX event_participants_country_event ON event_participants(country, event_id)",
        "CREATE INDEX event_sources_article_event ON event_sources(article_id, event_id)",
        *d.create_full_text(EVENT_WORDS),
    ]


# what is searched, as one definition the index is built (and rebuilt) from
ARTICLES_SEARCHABLE_VIEW = """CREATE VIEW articles_searchable AS
                SELECT rowid AS doc_id, title, coalesce(text_clean, text_raw) AS text
                FROM articles WHERE status != 'duplicate'"""


def _v3(d: Dialect) -> list[str]:
    return [*d.drop_full_text(ARTICLE_WORDS_V1), ARTICLES_SEARCHABLE_VIEW, *d.create_full_text(ARTICLE_WORDS)]


def _v4(d: Dialect) -> list[str]:
    return d.upgrade(4)


def _v6(d: Dialect) -> list[str]:
    return [
        f"""CREATE TABLE near_duplicate_signatures (
                seq {d.serial_key},
                article_id {d.text} NOT NULL UNIQUE,
                outlet {d.text},
                group_id {d.text} NOT NULL,
                size {d.integer} NOT NULL,
                digest {d.blob} NOT NULL
            )""",
        f"""CREATE TABLE near_duplicate_bands (
                band_key {d.integer} NOT NULL,
                seq {d.integer} NOT NULL,
                PRIMARY KEY (band_key, seq)
            ){d.key_only}""",
        # the signatures of the articles already stored are computed by the next run (store/signatures.py)
        "INSERT INTO state(key, value) SELECT 'near_duplicates.backfill', '\"pending\"' "
        "WHERE EXISTS (SELECT 1 FROM articles WHERE status = 'processed')",
    ]


def _v7(d: Dialect) -> list[str]:
    text, integer = d.text, d.integer
    return [
        f"ALTER TABLE event_mentions ADD COLUMN event_id {text}",
        "CREATE INDEX event_mentions_event ON event_mentions(event_id)",
        f"""CREATE TABLE mention_blocks (
                mention_id {text} NOT NULL,
                block {text} NOT NULL,
                year {integer}
            )""",
        "CREATE INDEX mention_blocks_block ON mention_blocks(block, year)",
        "CREATE INDEX mention_blocks_mention ON mention_blocks(mention_id)",
        f"""CREATE TABLE link_queue (
                seq {d.serial_key},
                mention_id {text} NOT NULL,
                change {text} NOT NULL CHECK (change IN ('added', 'removed')),
                event_id {text},
                blocks {text}
            )""",
        f"""CREATE TABLE story_keys (
                event_id {text} NOT NULL,
                key {text} NOT NULL
            )""",
        "CREATE INDEX story_keys_key ON story_keys(key)",
        "CREATE INDEX story_keys_event ON story_keys(event_id)",
        # events linked before this state was kept: the next link step links everything once
        "INSERT INTO state(key, value) SELECT 'link.full_relink', '\"pending\"' "
        "WHERE EXISTS (SELECT 1 FROM event_mentions)",
    ]


def _v8(d: Dialect) -> list[str]:
    # NULL in a store linked before: its next link step computes every key from the mentions and files them
    # (linimasa/engine/corpus.py), once; a step that meets a mention without one computes it too
    return [
        f"ALTER TABLE event_mentions ADD COLUMN unit_key {d.text}",
        "INSERT INTO state(key, value) SELECT 'link.unit_keys', '\"pending\"' "
        "WHERE EXISTS (SELECT 1 FROM event_mentions)",
    ]


MIGRATIONS: list[Migration] = [
    Migration(1, "articles, versions, full-text search, runs and their accounting, events, sources, stories", _v1),
    Migration(
        2,
        "web view: covering indexes for paging the timeline and finding events by participant or outlet, "
        "full-text search over event summaries",
        _v2,
    ),
    Migration(
        3,
        "full-text search leaves duplicates out: a duplicate's text is the text of the article it repeats (or "
        "a re-ingest of it), which is indexed already; indexing it again was a third of the store's writing "
        "time on the 100k benchmark corpus, where half the inputs are duplicates",
        _v3,
    ),
    Migration(
        4,
        "the web view reads every store: text compared by its bytes and words split as SQLite's full-text index "
        "splits them on every database, and a rowid on events (nothing to do on SQLite, which did so already)",
        _v4,
    ),
    Migration(
        5,
        "evidence kept once: event_sources held a copy of every source's evidence, which the event itself "
        "(events.data) holds and every reader takes from there; event_sources now only says which articles "
        "report which event",
        lambda d: ["ALTER TABLE event_sources DROP COLUMN evidence"],
        readers_need=False,
    ),
    Migration(
        6,
        "the near-duplicate index kept in the store: each processed article's MinHash signature, and its LSH band "
        "keys in an indexed table, so that a run looks up only the articles sharing a band with its own instead "
        "of fingerprinting every stored text again (15 s of a 5-article run on a 47,000-article store)",
        _v6,
        readers_need=False,
    ),
    Migration(
        7,
        "incremental linking: the event each mention is part of, the blocks each is filed under (type and party, "
        "year), the mentions added and removed since the last link step, and what threads each event into a "
        "story, so that a run relinks only what its changes can reach (linimasa/store/link_state.py)",
        _v7,
        readers_need=False,
    ),
    Migration(
        8,
        "each linked mention's linking-unit key (its kind, date span, named parties and blocks: "
        "linimasa/link_units.py), so that a link step cuts the mentions it reaches into linking units without "
        "reading and decoding them whole (most of a 5-article run's link step on the 100k benchmark store)",
        _v8,
        readers_need=False,
    ),
]

LATEST_VERSION = MIGRATIONS[-1].version
