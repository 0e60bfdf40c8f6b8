"""The pipeline, configured in one place.

A run has three phases:

1. ``PREPARE``: per-article stages that learn from the stream as a whole (cleaning's per-outlet template
   lines): the main process observes each chunk in input order, and the stage itself runs in the worker
   processes with what was learned (see :meth:`linimasa.pipeline.Pipeline.learned_for`), or in the main
   process when a run is too small for workers.
2. ``EXTRACT``: per-article stages with no shared state, mapped over worker processes (or Dask
   partitions): sentences and tokens, NER, knowledge-base linking, time expressions, events.
3. ``CORPUS``: steps over the whole store: linking event mentions into events, and stories. (Exact and
   near-duplicate detection happen as articles arrive, in the runner, because they decide what is
   processed at all.)

Each name maps to ``module:factory``; a factory takes the :class:`Settings` and returns a callable
``Article -> Article`` with a ``name`` attribute. A stage whose module is not installed yet is an error,
never silently skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .limits import Limits

STAGE_FACTORIES: dict[str, str] = {
    "clean": "linimasa.clean:CleanStage",
    "langid": "linimasa.clean.langid:LanguageStage",
    "sentences": "linimasa.nlp.sentences:SentenceStage",
    "ner": "linimasa.nlp.ner:NerStage",
    "kb": "linimasa.kb.linker:EntityLinkStage",
    "times": "linimasa.nlp.timex:TimeStage",
    "events": "linimasa.events:EventStage",
}

# The options each stage reads from ``Settings.options`` (a configuration file's [stages.NAME] tables), with
# the kind of value: a file naming an option no stage reads is an error, not a setting silently ignored.
# Stages not listed take none. docs/configuration.md says what each does.
STAGE_OPTIONS: dict[str, dict[str, str]] = {
    "clean": {"min_articles": "int", "min_share": "float", "min_outlet_articles": "int"},
    "kb": {"paths": "paths"},
    "events": {"lexicon": "path", "decision": "bool_or_path", "require_known_party": "bool"},
}

# Prepare stages learn from the stream in the driver, in input order (cleaning's per-outlet templates), and
# run on the workers with what was learned; extract stages have no shared state and run on the workers.
# Language identification needs only the cleaned text, so it is an extract stage, off the one serial
# process of a run.
PREPARE: tuple[str, ...] = ("clean",)
EXTRACT: tuple[str, ...] = ("langid", "sentences", "ner", "kb", "times", "events")
# Extract stages that `linimasa ingest` (no extraction) still runs: knowing an article's language is ingest.
INGEST_STAGES: frozenset[str] = frozenset({"langid"})
CORPUS: tuple[str, ...] = ("link", "stories")

# Languages the extractors understand; other articles are stored, marked, and not extracted.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("id",)


@dataclass
class Settings:
    prepare: tuple[str, ...] = PREPARE
    extract: tuple[str, ...] = EXTRACT
    corpus: tuple[str, ...] = CORPUS
    near_duplicates: bool = True  # group near-duplicate reports and skip same-outlet re-ingests (MinHash LSH)
    supported_languages: tuple[str, ...] = SUPPORTED_LANGUAGES
    workers: int | None = None  # None: all local cores
    # Inputs read, classified, sent to the workers and committed together. Larger chunks mean fewer
    # worker tasks and transactions: on the 100k benchmark corpus, 1024 against 256 halved the store's
    # time and took the Dask run's 2-worker speed-up from about 1.5x to 1.75x; IndoSum dev was unchanged.
    chunk_size: int = 1024
    options: dict[str, dict] = field(default_factory=dict)  # per-stage options, by stage name
    limits: Limits = field(default_factory=Limits)  # bounds on inputs and text (docs/limits.md)

    def stage_options(self, name: str) -> dict:
        return self.options.get(name, {})


def ingest_only(settings: Settings | None = None) -> Settings:
    """Settings for `linimasa ingest`: read, account, clean and deduplicate; no extraction, no linking."""
    base = settings or Settings()
    return Settings(
        prepare=base.prepare + tuple(name for name in base.extract if name in INGEST_STAGES), extract=(),
        corpus=(), near_duplicates=base.near_duplicates,
        supported_languages=base.supported_languages,
        workers=base.workers, chunk_size=base.chunk_size, options=base.options, limits=base.limits,
    )
