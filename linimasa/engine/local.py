"""The local runner: read, account, clean, extract on all cores, store, then link.

Inputs stream through in chunks: nothing holds the corpus in memory. Each chunk is classified (new,
revision, re-ingest, duplicate content, rejected) in this process; the prepare stages learn from the
stream here, in input order (cleaning's per-outlet templates), and run in worker processes with what was
learned sent along; the arrival stages (near-duplicates) then judge the chunk here, in input order, on
digests the workers computed; what remains is extracted in the workers, and committed with its
accounting in one transaction. The corpus stages (linking event mentions into events, stories) run once at
the end, over the store, for what the run changed (linimasa/engine/corpus.py), so that a run's result does
not depend on how its input was chunked or parallelised, nor on how the store's articles were split into
runs. Which stages run, and where, is their declaration's (linimasa/stages.py); the runner names none.
"""

from __future__ import annotations

import copy
import multiprocessing
import os
import time
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from ..config import Settings
from ..ingest import Ignored, read_inputs
from ..model import Article, Rejection
from ..pipeline import Pipeline, build_stage, check_run, phase_pipeline, run_order
from ..revisions import stale_version
from ..stages import JudgesOnArrival
from ..store import Outcome, RunCounts, Store, StoredArticle
from .corpus import corpus_stages, run_corpus_stages
from .hygiene import collections_paused, die_with_parent, frozen_for_fork
from .isolation import map_isolating, rejected_copy
from .packing import (
    PackedArticle,
    cleaned_for_driver,
    for_extraction,
    for_workers,
    pack,
)

# Below this many articles in a chunk, starting worker processes costs more than it saves.
MIN_PARALLEL_CHUNK = 24
# Characters of the warm-up article: enough to load every model (a million-token first article, extracted
# whole, left 300 MB in the driver that each forked worker then counted).
WARM_UP_CHARS = 4000


@dataclass
class RunSummary:
    run_id: int
    counts: RunCounts
    rejections: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    asserted_events: int = 0
    stories: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)


# Set in each worker process by its initializer: the prepare stages, the arrival stages (for their per-article
# digests; never opened on a store) and the extract stages.
_worker_prepare: Pipeline | None = None
_worker_arrival: list[JudgesOnArrival] = []
_worker_pipeline: Pipeline | None = None


def arrival_stages(settings: Settings) -> list[JudgesOnArrival]:
    return [build_stage(name, settings) for name in run_order(settings)["arrival"]]


def _init_worker(settings: Settings) -> None:
    global _worker_prepare, _worker_arrival, _worker_pipeline
    die_with_parent()
    _worker_prepare = phase_pipeline(settings, "prepare")
    _worker_arrival = arrival_stages(settings)
    _worker_pipeline = phase_pipeline(settings, "extract")


def _adopt_pipelines(prepare: Pipeline, arrival: list[JudgesOnArrival], extract: Pipeline) -> None:
    """Initializer of a forked worker: the pipelines, models loaded, are the driver's, inherited (not pickled)."""
    global _worker_prepare, _worker_arrival, _worker_pipeline
    die_with_parent()
    _worker_prepare, _worker_arrival, _worker_pipeline = prepare, arrival, extract


Digests = dict[str, Any]  # an article's digest by arrival stage name


def prepare_one(pipeline: Pipeline, arrival: list[JudgesOnArrival], learned: dict,
                article: Article) -> tuple[Article, Digests]:
    """One article through the prepare stages, with what they learned from the stream so far (see
    :meth:`Pipeline.learned_for`), and the arrival stages' digests of it; as a worker sends it back."""
    pipeline.adopt(learned)
    article = pipeline.run_or_reject(article)
    digests = {stage.name: stage.digest(article) for stage in arrival} if article.status != "rejected" else {}
    return cleaned_for_driver(article), digests


def _prepare(learned: dict, article: Article) -> tuple[Article, Digests]:
    assert _worker_prepare is not None, "worker started without its pipeline"
    return prepare_one(_worker_prepare, _worker_arrival, learned, article)


def _extract(article: Article) -> PackedArticle:
    assert _worker_pipeline is not None, "worker started without its pipeline"
    return pack(_worker_pipeline.run_or_reject(article))


@dataclass(frozen=True)
class StoredMatches:
    """What the store holds under a chunk's article ids and content hashes, looked up once per chunk."""

    by_id: Mapping[str, StoredArticle]
    by_hash: Mapping[str, str]  # content hash -> the first stored article with it
    # For ids stored with other content: earlier versions' hashes and the current raw text.
    earlier: Mapping[str, tuple[frozenset[str], str]] = field(default_factory=dict)

    @classmethod
    def of(cls, store: Store, articles: list[Article]) -> StoredMatches:
        by_id = store.lookup_many(a.id for a in articles)
        changed = {a.id for a in articles if a.id in by_id and by_id[a.id].content_hash != a.content_hash}
        earlier = store.earlier_versions(changed) if changed else {}
        return cls(by_id, store.find_by_hashes(a.content_hash for a in articles), earlier)


def storable(text: str) -> str:
    """A source name the store can hold: a file name that is not valid UTF-8 (decoded by the OS with lone
    surrogates) keeps its undecodable bytes as escapes ("inv\\udcff.txt") instead of failing the run."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def identify(article: Article) -> Article:
    """The article with its content hash, and an id derived from it when the input gave none."""
    article.compute_hash()
    if article.id is None:
        article.id = article.derive_id()
    return article


def classify(
    article: Article, stored: StoredMatches, pending_ids: Mapping[str, str], pending_hashes: Mapping[str, str],
    pending_versions: Mapping[str, tuple[set[str], str]] | None = None,
) -> Outcome:
    """new | revised | duplicate, against the store and the chunk not yet committed (``identify`` first).

    ``pending_versions``: for ids met earlier in this run and not committed yet, the hashes of the versions
    they had and the text of the latest."""
    known_hash = pending_ids.get(article.id)
    if known_hash is None:
        row = stored.by_id.get(article.id)
        # A row kept only to list an earlier rejected input holds no content to compare or revise.
        known_hash = row.content_hash if row and row.status != "rejected" else None
    if known_hash == article.content_hash:
        return Outcome("duplicate", article.source or "", None, article.id, "already stored (same id, same content)", False)
    if known_hash is not None:
        hashes, current_text = stored.earlier.get(article.id, (frozenset(), None))
        pending = (pending_versions or {}).get(article.id)
        if pending is not None:
            hashes, current_text = hashes | pending[0], pending[1]
        stale = stale_version(article, hashes, current_text)
        if stale is not None:
            return Outcome("duplicate", article.source or "", None, article.id, stale, False)
    # The first article read with this content, whatever became of it (stored ones were read before pending
    # ones): the same answer whether it was committed by now or not, so chunking cannot change it.
    same_content = stored.by_hash.get(article.content_hash) or pending_hashes.get(article.content_hash)
    if known_hash is None and same_content is not None and same_content != article.id:
        article.status = "duplicate"
        article.duplicate_of = same_content
        article.reason = f"same content as {same_content}"
        return Outcome("duplicate", article.source or "", article, article.id, article.reason)
    outcome = "revised" if known_hash is not None else "new"
    return Outcome(outcome, article.source or "", article, article.id)


@dataclass
class _ChunkInFlight:
    """A prepared chunk whose extraction may still be running, with what it will store."""

    outcomes: list[Outcome] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)  # article id -> content hash
    versions: dict[str, tuple[set[str], str]] = field(default_factory=dict)  # id -> earlier hashes, latest text
    hashes: dict[str, str] = field(default_factory=dict)  # content hash -> first article id
    extracted: Callable[[], list[Article]] = list
    sent: list[Article] = field(default_factory=list)  # what went to extraction, in the order results come back


class LocalRunner:
    """Runs the pipeline over inputs into a store, with worker processes on all local cores."""

    def __init__(self, store: Store, settings: Settings | None = None):
        self.store = store
        self.settings = settings or Settings()
        check_run(self.settings)
        self.prepare = phase_pipeline(self.settings, "prepare")
        self.arrival = arrival_stages(self.settings)
        self.corpus = corpus_stages(self.settings)
        self._arrival_open = False
        self._executor: Executor | None = None
        self._inline: Pipeline | None = None
        self.stage_seconds: dict[str, float] = {}
        self.prepare.load_learned(store)

    # -- execution ------------------------------------------------------------------------------------

    def _workers(self) -> int:
        return self.settings.workers or os.cpu_count() or 1

    def _uses_pool(self, articles: list[Article]) -> bool:
        if not self.settings.extract or self._workers() < 2:
            return False
        # once the workers run, even a small chunk goes to them rather than loading the models here again
        return self._executor is not None or len(articles) >= MIN_PARALLEL_CHUNK

    def _pool(self, warm_up: Article | None = None) -> tuple[Executor, Article | None]:
        """The worker pool, started on first use; returns it with ``warm_up`` extracted, if one was given
        and the pool was started by this call (else None: the caller extracts it with the rest).

        Where processes can fork, the models load once, here, while extracting ``warm_up``, and the
        workers inherit them; elsewhere each worker loads its own."""
        warmed = None
        if self._executor is None:
            if "fork" in multiprocessing.get_all_start_methods():
                with collections_paused():
                    pipeline = self._inline or phase_pipeline(self.settings, "extract")
                    if warm_up is not None:
                        warmed = pipeline.run_or_reject(warm_up)
                self._executor = ProcessPoolExecutor(
                    self._workers(), mp_context=multiprocessing.get_context("fork"),
                    initializer=_adopt_pipelines, initargs=(self.prepare, arrival_stages(self.settings), pipeline),
                )
                with frozen_for_fork():
                    self._executor.submit(int).result()  # fork the workers now, while the pipeline is warm
                self._inline = None  # the workers hold it now; this process needs no copy
            else:
                self._executor = ProcessPoolExecutor(self._workers(), initializer=_init_worker, initargs=(self.settings,))
        return self._executor, warmed

    def _pool_chunksize(self, articles: list[Article]) -> int:
        return max(1, len(articles) // (self._workers() * 4))

    def _extract_here(self, articles: list[Article]) -> list[Article]:
        """Extraction in this process, for runs too small (or machines too narrow) for workers."""
        if self._inline is None:
            self._inline = phase_pipeline(self.settings, "extract")
        return [self._inline.run_or_reject(article) for article in articles]

    def close(self, interrupted: bool = False) -> None:
        if self._executor is not None:
            if interrupted:  # stop now: what the workers hold is not committed and the next run redoes it
                processes = list((getattr(self._executor, "_processes", None) or {}).values())
                self._executor.shutdown(wait=False, cancel_futures=True)
                for process in processes:
                    process.kill()
            else:
                self._executor.shutdown()
            self._executor = None

    # -- the run --------------------------------------------------------------------------------------

    def run(self, paths: Iterable[str], command: str = "run", progress: Callable[[int], None] | None = None) -> RunSummary:
        started = time.perf_counter()
        run_id = self.store.begin_run(command, [str(p) for p in paths])
        summary = RunSummary(run_id=run_id, counts=RunCounts())
        status = "failed"
        try:
            if not self._arrival_open:  # once per runner: the stages then hold what this runner judged
                for stage in self.arrival:
                    stage.open(self.store)
                self._arrival_open = True
            # Chunk N is extracted by the workers while this process reads and prepares chunk N+1; chunks
            # are still committed one at a time and in input order.
            in_flight: _ChunkInFlight | None = None
            for chunk in self._chunks(read_inputs(paths, self.settings.limits), summary):
                prepared = self._prepare_chunk(chunk, in_flight)
                if in_flight is not None:
                    self._commit(run_id, in_flight, summary, progress)
                in_flight = prepared
            if in_flight is not None:
                self._commit(run_id, in_flight, summary, progress)
            if self.corpus:
                totals = self._timed("+".join(stage.name for stage in self.corpus),
                                     lambda: run_corpus_stages(self.store, self.corpus))
                summary.events, summary.asserted_events, summary.stories = totals.events, totals.asserted, totals.stories
            status = "finished"
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM as the CLI maps it: committed chunks stay committed
            status = "interrupted"
            raise
        finally:
            self.close(interrupted=status == "interrupted")
            self.store.finish_run(run_id, status, summary.events, summary.stories)
        summary.rejections = self.store.rejections(run_id)
        summary.seconds = time.perf_counter() - started
        summary.stage_seconds = dict(self.stage_seconds)
        return summary

    def _chunks(self, items: Iterator[Article | Rejection | Ignored], summary: RunSummary) -> Iterator[list[Article | Rejection]]:
        chunk: list[Article | Rejection] = []
        for item in items:
            if isinstance(item, Ignored):
                summary.ignored.append((item.source, item.reason))
                continue
            if item.source:
                item.source = storable(item.source)
            chunk.append(item)
            if len(chunk) >= self.settings.chunk_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _prepare_chunk(self, chunk: list[Article | Rejection], in_flight: _ChunkInFlight | None) -> _ChunkInFlight:
        """Classify, clean and deduplicate a chunk here, then hand its extraction to the workers."""
        prepared = _ChunkInFlight()
        # The chunk still being extracted is not committed yet: it counts as stored for this one.
        known_ids = ChainMap(prepared.ids, in_flight.ids if in_flight else {})
        known_hashes = ChainMap(prepared.hashes, in_flight.hashes if in_flight else {})
        known_versions = ChainMap(prepared.versions, in_flight.versions if in_flight else {})
        to_process: list[Article] = []
        stored = StoredMatches.of(self.store, [identify(item) for item in chunk if not isinstance(item, Rejection)])
        for item in chunk:
            if isinstance(item, Rejection):
                prepared.outcomes.append(Outcome("rejected", item.source, None, item.article_id, item.reason))
                continue
            outcome = classify(item, stored, known_ids, known_hashes, known_versions)
            prepared.outcomes.append(outcome)
            if outcome.article is not None:
                if outcome.outcome == "revised":
                    before = known_versions.get(item.id)
                    earlier = set(before[0]) if before else set(stored.earlier.get(item.id, (frozenset(), ""))[0])
                    earlier.add(known_ids.get(item.id) or stored.by_id[item.id].content_hash)
                    prepared.versions[item.id] = (earlier, item.text)
                elif outcome.outcome == "new":
                    prepared.versions[item.id] = (set(), item.text)
                prepared.ids[item.id] = item.content_hash
                prepared.hashes.setdefault(item.content_hash, item.duplicate_of or item.id)
                if outcome.outcome in ("new", "revised"):
                    to_process.append(item)
        to_process, digests = self._timed("prepare", lambda: self._prepare(to_process, prepared.outcomes))
        to_process = self._without_rejected(to_process, prepared.outcomes)
        for stage in self.arrival:
            to_process = self._timed(stage.name, partial(self._judge, stage, to_process, prepared.outcomes, digests))
        prepared.sent = to_process
        prepared.extracted = self._timed("extract", lambda: self._submit_extract(to_process))
        return prepared

    def _commit(self, run_id: int, chunk: _ChunkInFlight, summary: RunSummary, progress) -> None:
        processed = self._timed("extract", chunk.extracted)
        # Results pair with what was sent by position, not by id: two versions of one id in a chunk are two
        # articles, and each history row must hold its own text.
        result_of = {id(sent): result for sent, result in zip(chunk.sent, processed)}
        for outcome in chunk.outcomes:
            if outcome.article is not None and id(outcome.article) in result_of and outcome.outcome != "duplicate":
                extracted = result_of[id(outcome.article)]
                if isinstance(extracted, PackedArticle):
                    extracted.restore(outcome.article)
                outcome.article = extracted
        self._without_rejected(processed, chunk.outcomes)
        counts = self._timed("store", lambda: self.store.save_chunk(run_id, chunk.outcomes))
        self.prepare.save_learned(self.store)  # with every commit: a killed run resumes with what cleaned it
        summary.counts.add(counts)
        if progress:
            progress(counts.read)

    @staticmethod
    def _without_rejected(articles: list[Article], outcomes: list[Outcome]) -> list[Article]:
        """Articles a stage failed on are counted as rejected (and stored so, to be retried by a later run)."""
        failed = {id(a): a.reason for a in articles if a.status == "rejected"}
        for outcome in outcomes:
            if outcome.article is not None and id(outcome.article) in failed and outcome.outcome in ("new", "revised"):
                # A failed revision leaves the stored version as it is; a failed new article is kept as rejected.
                outcome.store_row = outcome.outcome == "new"
                outcome.outcome, outcome.reason = "rejected", failed[id(outcome.article)]
        return [a for a in articles if id(a) not in failed]

    def _prepares_on_workers(self, articles: list[Article]) -> bool:
        return self._uses_pool(articles)

    def _submit_prepare(self, articles: list[Article], learned: dict) -> Callable[[], list[tuple[Article, Digests]]]:
        """Start the prepare stages on the workers; the returned callable waits for the results (in input
        order), each without the raw texts the driver holds."""
        # The start of the run's first article warms the models the forked workers inherit; its extraction is
        # discarded. Only the start: the workers inherit whatever memory the warm-up left in this process.
        first = articles[0]
        warm_up = (copy.deepcopy(replace(for_workers(first), text=first.text[:WARM_UP_CHARS], metadata={}))
                   if self._executor is None else None)
        pool, _ = self._pool(warm_up=warm_up)
        work = partial(_prepare, learned)
        return map_isolating(pool, work, [for_workers(a) for a in articles], self._pool_chunksize(articles),
                             failed=lambda article, error: (rejected_copy(article, error), {}))

    def _submit_extract(self, articles: list[Article]) -> Callable[[], list[Article]]:
        """Start extracting; the returned callable waits for the results (in input order)."""
        if not self.settings.extract or not articles:
            return lambda: articles
        if self._uses_pool(articles):
            pool, warmed = self._pool(warm_up=articles[0])
            rest = articles[1:] if warmed is not None else articles
            results = map_isolating(pool, _extract, [for_extraction(a) for a in rest], self._pool_chunksize(rest),
                                    failed=lambda article, error: pack(rejected_copy(article, error)))
            return lambda: [warmed] * (warmed is not None) + results()
        done = self._extract_here(articles)
        return lambda: done

    @staticmethod
    def _judge(stage: JudgesOnArrival, articles: list[Article], outcomes: list[Outcome],
               digests: Mapping[int, Digests]) -> list[Article]:
        """An arrival stage's judgement of the chunk, in input order: duplicates are accounted as such and not
        extracted; each article kept carries what the stage keeps of it to the store."""
        revised = {o.article_id for o in outcomes if o.outcome == "revised"}
        outcome_of = {id(o.article): o for o in outcomes if o.article is not None}
        kept = stage.judge(articles, {key: found.get(stage.name) for key, found in digests.items()}, revised)
        for article in articles:
            outcome = outcome_of[id(article)]
            if article.status == "duplicate":
                outcome.outcome = "duplicate"
                outcome.reason = article.reason
            else:
                outcome.signature = kept.get(id(article))
        return [article for article in articles if article.status != "duplicate"]

    def _prepare(self, articles: list[Article], outcomes: list[Outcome]) -> tuple[list[Article], dict[int, Digests]]:
        """The chunk's articles through the prepare stages, and the arrival stages' digests by ``id()`` of
        the article (where computed already).

        The stages learn from the chunk here, in input order; the articles themselves go to the workers
        (once they run) with what was learned, and come back as new objects, which replace the sent ones
        in ``outcomes``."""
        self.prepare.observe(articles)
        if not articles or not self._prepares_on_workers(articles):
            return [self.prepare.run_or_reject(article) for article in articles], {}
        results = self._submit_prepare(articles, self.prepare.learned_for(articles))()
        replaced: dict[int, Article] = {}
        digests: dict[int, Digests] = {}
        for sent, (article, found) in zip(articles, results, strict=True):
            article.text, article.html = sent.text, sent.html
            replaced[id(sent)] = article
            digests[id(article)] = found
        for outcome in outcomes:
            if outcome.article is not None and id(outcome.article) in replaced:
                outcome.article = replaced[id(outcome.article)]
        return [replaced[id(sent)] for sent in articles], digests

    def _timed(self, name: str, work: Callable):
        t0 = time.perf_counter()
        result = work()
        self.stage_seconds[name] = self.stage_seconds.get(name, 0.0) + time.perf_counter() - t0
        return result
