"""Annotated articles prepared once for the events stage, for diagnostics and training.

`linimasa eval` scores what a user gets (a whole run with linking); studying extraction needs something
faster: each annotated article through every per-article stage before ``events`` (cleaning, sentences,
NER, knowledge base, times) once, then the events stage alone as often as wanted. The scores are the
evaluation's own (:func:`linimasa.evaluation.scores.score`) on the article's own event mentions, so they
differ from `linimasa eval` only where linking merges mentions of several articles.
"""

from __future__ import annotations

import copy
import hashlib
import json
import pickle
from dataclasses import dataclass
from pathlib import Path

from linimasa.config import Settings
from linimasa.evaluation.articles import SourceArticle, read_articles
from linimasa.evaluation.gold import GoldArticle, load_gold
from linimasa.evaluation.predictions import Predictions
from linimasa.evaluation.scores import score
from linimasa.model import Article

ROOT = Path(__file__).resolve().parents[2]
ANNOTATIONS = ROOT / "data" / "annotations"
SPLITS = ("train", "dev", "test")


def split_path(name: str) -> Path:
    """An annotation file by split name (``train``, ``dev``, ``test``, ``shared`` for the shared development
    set) or as a path."""
    if name in SPLITS:
        return ANNOTATIONS / f"{name}.jsonl"
    if name == "shared":
        from linimasa.evaluation.articles import shared_root

        return shared_root() / "annotations" / "events-dev.json"
    return Path(name)


@dataclass
class PreparedSplit:
    """The gold of one annotation file and its articles, prepared up to the events stage."""

    name: str
    gold: list[GoldArticle]
    articles: dict[str, Article]

    def run(self, stage) -> dict[str, Article]:
        """Each article through ``stage`` (an events stage), on a copy: the prepared articles stay as they are."""
        return {i: stage(copy.copy(article)) for i, article in self.articles.items()}

    def report(self, processed: dict[str, Article]) -> dict:
        """The evaluation's report on the processed articles' own event mentions (no linking, no pairs)."""
        by_article = {i: list(a.events) for i, a in processed.items()}
        predictions = Predictions(events=[e for events in by_article.values() for e in events], by_article=by_article,
                                  clean_text={i: a.working_text for i, a in processed.items()},
                                  status={i: a.status for i, a in processed.items()})
        return score(self.gold, predictions)


def prepare_split(name: str, articles: dict[str, SourceArticle] | None = None, settings: Settings | None = None,
                  cache: Path | None = None) -> PreparedSplit:
    """The annotated articles of ``name`` through the stages before ``events``; with ``cache`` (a folder),
    kept there and reused while the annotation file and the preparing code are unchanged."""
    path = split_path(name)
    cached = _cache_file(cache, path) if cache else None
    if cached is not None and cached.exists():
        with cached.open("rb") as handle:
            return pickle.load(handle)
    articles = articles if articles is not None else read_articles()
    gold = load_gold([path], articles)
    settings = settings or Settings()
    from linimasa.pipeline import Pipeline

    before_events = tuple(stage for stage in settings.extract if stage != "events")
    prepare = Pipeline(settings.prepare, settings)
    extract = Pipeline(before_events, settings)
    inputs = []
    for g in gold:
        source = articles[g.article_id]
        inputs.append(Article(id=source.id, text=source.text, title=source.title, url=source.url,
                              outlet=source.outlet, published=source.published or g.published))
    prepare.observe(inputs)
    prepared = {a.id: extract(prepare(a)) for a in inputs}
    split = PreparedSplit(name, gold, prepared)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with cached.open("wb") as handle:
            pickle.dump(split, handle)
    return split


def _cache_file(folder: Path, annotations: Path) -> Path:
    """A cache file named for the annotation file's content and the code of the stages before events."""
    digest = hashlib.sha1(annotations.read_bytes())
    package = ROOT / "linimasa"
    for part in ("clean", "nlp", "kb", "ingest"):
        for source in sorted((package / part).rglob("*")):
            if source.is_file() and source.suffix in (".py", ".yaml", ".csv", ".json", ".txt", ".tsv"):
                digest.update(source.read_bytes())
    return Path(folder) / f"{annotations.stem}-{digest.hexdigest()[:12]}.pickle"


def write_model(report: dict, path: Path) -> None:
    """Write a trained model file (its weights and the report of how it was chosen) the way every training
    script does, byte-identical on rebuild, and print the report without the weights."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "weights"}, indent=1))
    print(f"{len(report['weights'])} weights -> {path}")
