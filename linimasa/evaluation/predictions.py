"""What linimasa says about the annotated articles: a real run into a scratch store, or an existing store.

The evaluation scores what a user gets: the articles go through `linimasa run` (reading, cleaning,
deduplication, extraction, linking) and the events are read back from the store. An article's predicted
events are the stored events with a source in that article, or in the article it duplicates.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from linimasa.config import Settings
from linimasa.evaluation.articles import SourceArticle
from linimasa.model import Event


@dataclass
class Predictions:
    events: list[Event]
    by_article: dict[str, list[Event]] = field(default_factory=dict)  # every modality
    clean_text: dict[str, str] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def for_article(self, article_id: str) -> list[Event]:
        return self.by_article.get(article_id, [])

    def share_an_event(self, first: str, second: str) -> bool:
        ids = {id(e) for e in self.for_article(first)}
        return any(id(e) in ids for e in self.for_article(second))


def read_store(store) -> Predictions:
    """The events and article outcomes of a store."""
    stand_in: dict[str, str] = {}  # a duplicate article -> the stored article whose events stand for it
    clean_text, status = {}, {}
    for row in store.iter_articles():
        status[row["id"]] = row["status"]
        clean_text[row["id"]] = row["text_clean"] if row["text_clean"] is not None else row["text_raw"]
        if row["status"] == "duplicate" and row.get("duplicate_of"):
            stand_in[row["id"]] = row["duplicate_of"]
    events = list(store.iter_events())
    by_source: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for article_id in dict.fromkeys(evidence.article_id for evidence in event.evidence):
            by_source[article_id].append(event)
    by_article = dict(by_source)
    for duplicate, original in stand_in.items():
        by_article.setdefault(duplicate, by_source.get(original, []))
        clean_text.setdefault(duplicate, clean_text.get(original, ""))
    return Predictions(events=events, by_article=by_article, clean_text=clean_text, status=status)


def run_articles(articles: list[SourceArticle], published: dict[str, str | None],
                 settings: Settings | None = None) -> Predictions:
    """Run the whole pipeline over the articles in a scratch SQLite store and read back what it stored.

    ``published`` gives the annotators' publication date for articles whose file has none (as the
    development set's README asks), so that relative dates are resolved against the same day.
    """
    from linimasa.engine.local import LocalRunner
    from linimasa.store import open_store

    with tempfile.TemporaryDirectory(prefix="linimasa-eval-") as scratch:
        inputs = Path(scratch) / "articles.jsonl"
        with inputs.open("w", encoding="utf-8") as handle:
            for article in articles:
                row = article.as_input()
                if not row.get("published") and published.get(article.id):
                    row["published"] = published[article.id]
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        store = open_store(str(Path(scratch) / "eval.db"))
        try:
            summary = LocalRunner(store, settings or Settings()).run([str(inputs)], command="eval")
            predictions = read_store(store)
        finally:
            store.close()
    predictions.seconds = summary.seconds
    return predictions
