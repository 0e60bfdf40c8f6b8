"""The pipeline, configured in one place.

A run has three phases:

1. ``PREPARE``: per-article stages that learn from the stream as a whole (cleaning's per-outlet template
   lines): the main process observes each chunk in input order, and the stage itself runs in the worker
   processes with what was learned (see :meth:`linimasa.pipeline.Pipeline.learned_for`), or in the main
   process when a run is too small for workers.
2. ``EXTRACT``: per-article stages with no shared state, mapped over worker processes (or Dask
   partitions): sentences and tokens, NER, knowledge-base linking, time expressions, events.
3. ``CORPUS``: steps over the whole store: linking event mentions into events, and stories.

Between the first two, as each chunk arrives, the near-duplicate stage (``near_duplicates``) judges the
chunk's articles in input order in the main process: it decides what is extracted at all. Exact duplicates
are found before any stage, by the runner's accounting.

Every stage is declared in :mod:`linimasa.stages` (its factory, what it requires and provides, the
languages it serves, its options); a stage whose module is not installed is an error, never silently
skipped, and so is a stage that lacks what it requires (docs/pipeline.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .limits import Limits
from .stages import spec_of

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

    def stage_options(self, name: str):
        """The options of stage ``name``: its declared options dataclass with what ``options`` sets."""
        declared = spec_of(name).options
        if declared is None:
            raise TypeError(f"stage '{name}' takes no options")
        return declared(**self.options.get(name, {}))


def ingest_only(settings: Settings | None = None) -> Settings:
    """Settings for `linimasa ingest`: read, account, clean and deduplicate; no extraction, no linking."""
    base = settings or Settings()
    return Settings(
        prepare=base.prepare + tuple(name for name in base.extract if name in INGEST_STAGES), extract=(),
        corpus=(), near_duplicates=base.near_duplicates,
        supported_languages=base.supported_languages,
        workers=base.workers, chunk_size=base.chunk_size, options=base.options, limits=base.limits,
    )
