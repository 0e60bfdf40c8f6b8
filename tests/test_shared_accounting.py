"""On the shared development corpora, every line is accounted for exactly as the data's README says."""

from __future__ import annotations

import json

from linimasa.config import Settings
from linimasa.engine.local import LocalRunner
from linimasa.store import open_store

RAW_ONLY = Settings(prepare=(), extract=(), corpus=(), near_duplicates=False, workers=1, chunk_size=512)


def test_indosum_dev_folds_are_accounted_line_by_line(shared_dir, db_path):
    folds = sorted((shared_dir / "data/news/indosum-dev").glob("dev.0*.articles.jsonl"))
    assert len(folds) == 5
    store = open_store(db_path)
    c = LocalRunner(store, RAW_ONLY).run([str(f) for f in folds]).counts
    # 14 lines repeat an id with its text cut short: a cut copy after the full text is a duplicate (12), a full
    # text after a cut copy a revision (2); so every article keeps its longest text and a re-run changes nothing.
    assert (c.read, c.new, c.revised, c.duplicates, c.rejected) == (3743, 3463, 2, 278, 0)
    assert store.count_articles() == {"processed": 3463}
    versions = store.conn.execute("SELECT count(*) FROM article_versions").fetchone()[0]
    assert versions == 2
    longest: dict[str, int] = {}
    for fold in folds:
        for line in fold.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            longest[row["id"]] = max(longest.get(row["id"], 0), len(row["text"]))
    stored = dict(store.conn.execute("SELECT id, length(text_raw) FROM articles"))
    assert stored == longest
    again = LocalRunner(store, RAW_ONLY).run([str(f) for f in folds]).counts
    assert (again.new, again.revised, again.duplicates) == (0, 0, 3743)


def test_detik_rows_with_repeated_text_are_duplicates(shared_dir, db_path):
    store = open_store(db_path)
    c = LocalRunner(store, RAW_ONLY).run([str(shared_dir / "data/news/detik-2025/articles.jsonl")]).counts
    assert (c.read, c.new, c.duplicates, c.rejected) == (1000, 909, 91, 0)
    assert store.count_articles() == {"processed": 909, "duplicate": 91}
