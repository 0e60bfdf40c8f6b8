"""The distributed runner: the same run as :class:`~linimasa.engine.local.LocalRunner`, with the per-article
extraction stages mapped over Dask workers.

Everything that decides *what* is stored stays in this process and in input order, exactly as in a local
run: reading, classification (new, revision, duplicate), what the prepare stages learn from the stream
(cleaning's per-outlet templates), the arrival stages' judgement (near-duplicates) and the commit of each
chunk. The per-article work runs on the workers, one partition of a chunk per task: cleaning, with what was
learned sent along, and the arrival stages' digests (near-duplicate fingerprints); then extraction. The
corpus stages then run over the store, the same declared stages as in a local run, so a Dask run and a
local run of the same input store the same events.

Workers need linimasa importable (the same version); each builds the extraction pipeline once per process
and reuses it for every partition it is given.
"""

from __future__ import annotations

import copy
import logging
import multiprocessing
import pickle
from collections.abc import Callable
from functools import cache

from ..config import Settings
from ..model import Article
from ..pipeline import Pipeline, phase_pipeline
from ..store import Store
from .local import Digests, LocalRunner, arrival_stages, prepare_one
from .packing import PackedArticle, for_extraction, for_workers, pack

# Partitions per worker in each chunk: more than one so that a slow partition does not idle the rest.
PARTITIONS_PER_WORKER = 2


# For the LocalCluster a run starts: Dask's diagnostics sample every worker's stack every 10 ms (the
# dashboard's profile), wake each event loop 50 times a second to detect blocking, and poll memory 10
# times a second. A run uses no dashboard, and on a machine whose cores it keeps busy that is CPU taken
# from the work (about 0.3 CPU-s in 11 s in the driver's process alone, measured). Clusters the user
# starts keep their own settings.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}

# Cleaning results are waited for before the chunk's extraction can start, so they go ahead of the
# extraction tasks of the chunk before (Dask runs higher numbers first).
PREPARE_PRIORITY = 1


@cache
def _settings(settings_blob: bytes) -> Settings:
    return pickle.loads(settings_blob)


@cache
def _worker_pipeline(settings_blob: bytes, phase: str = "extract") -> Pipeline:
    """The ``phase`` pipeline (prepare or extract) of one worker process, built on first use (keyed by the
    pickled settings)."""
    return phase_pipeline(_settings(settings_blob), phase)


@cache
def _worker_arrival(settings_blob: bytes) -> list:
    """The arrival stages of one worker process, for their per-article digests."""
    return arrival_stages(_settings(settings_blob))


def prepare_partition(settings_blob: bytes, learned: dict, articles: list[Article]) -> list[tuple[Article, Digests]]:
    """Run the prepare stages over one partition, on a worker, with what they learned from the stream, and
    the arrival stages' digests."""
    pipeline = _worker_pipeline(settings_blob, "prepare")
    arrival = _worker_arrival(settings_blob)
    return [prepare_one(pipeline, arrival, learned, article) for article in articles]


def extract_partition(settings_blob: bytes, articles: list[Article]) -> list[PackedArticle]:
    """Run the extraction stages over one partition, on a worker."""
    pipeline = _worker_pipeline(settings_blob)
    return [pack(pipeline.run_or_reject(article)) for article in articles]


def partition(items: list, parts: int) -> list[list]:
    """``items`` cut into at most ``parts`` contiguous runs of near-equal length, order kept."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    runs, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        runs.append(items[start:end])
        start = end
    return runs


class DaskRunner(LocalRunner):
    """Runs the pipeline with extraction on a Dask cluster: the one at ``scheduler`` (``tcp://HOST:PORT``),
    or, without one, a LocalCluster of ``settings.workers`` single-threaded worker processes (default: all
    cores) started for the run and stopped after it."""

    def __init__(self, store: Store, settings: Settings | None = None, scheduler: str | None = None):
        super().__init__(store, settings)
        self.scheduler = scheduler
        self._settings_blob = pickle.dumps(self.settings)
        self._client = None
        self._cluster = None

    def _connect(self, warm_up: Article | None = None):
        """The client, connecting (or starting the LocalCluster) on first use. ``warm_up``: an input
        article of the run, to warm the pipelines with before a LocalCluster's workers are forked."""
        if self._client is None:
            import dask
            from dask.distributed import Client, LocalCluster

            if self.scheduler:
                self._client = Client(self.scheduler, timeout="30s")
            else:
                config = dict(LOCAL_CLUSTER_CONFIG)
                if "fork" in multiprocessing.get_all_start_methods():
                    self._load_pipelines_to_inherit(warm_up)
                    config["distributed.worker.multiprocessing-method"] = "fork"
                with dask.config.set(config):
                    self._cluster = LocalCluster(
                        n_workers=self._workers(), threads_per_worker=1, processes=True, dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                # results and scattered inputs go between this process and the workers directly, not
                # relayed through the scheduler (which runs in this process too)
                self._client = Client(self._cluster, direct_to_workers=True)
        return self._client

    def _load_pipelines_to_inherit(self, warm_up: Article | None) -> None:
        """Build (and warm) the workers' pipelines in this process, so that workers forked from it inherit
        them: the models load once, not once per worker, and their pages stay shared between the workers.
        On a 20k slice with 2 workers, spawned workers each spent 91 CPU-s, forked ones 84, and the local
        engine's forked workers 74, for the same articles (one run each; this machine varies by 10-20%)."""
        prepare = _worker_pipeline(self._settings_blob, "prepare")
        extract = _worker_pipeline(self._settings_blob, "extract")
        if warm_up is not None:
            extract.run_or_reject(prepare.run_or_reject(copy.deepcopy(for_workers(warm_up))))

    def worker_count(self) -> int:
        return max(1, len(self._connect().scheduler_info(n_workers=-1)["workers"]))

    def _prepares_on_workers(self, articles: list[Article]) -> bool:
        return bool(self.settings.extract)  # a run that extracts uses the cluster for all per-article work

    def _submit_prepare(self, articles: list[Article], learned: dict) -> Callable[[], list[tuple[Article, Digests]]]:
        client = self._connect(warm_up=articles[0])
        parts = partition([for_workers(a) for a in articles], self.worker_count() * PARTITIONS_PER_WORKER)
        futures = self._map(prepare_partition, parts, self._settings_blob, learned, priority=PREPARE_PRIORITY)
        return lambda: [result for part in client.gather(futures) for result in part]

    def _submit_extract(self, articles: list[Article]) -> Callable[[], list[Article]]:
        """Send the chunk's partitions to the cluster; the returned callable gathers them in input order.
        The driver prepares the next chunk meanwhile, as in a local run."""
        if not self.settings.extract or not articles:
            return lambda: articles
        client = self._connect()
        parts = partition([for_extraction(a) for a in articles], self.worker_count() * PARTITIONS_PER_WORKER)
        futures = self._map(extract_partition, parts, self._settings_blob)
        return lambda: [article for part in client.gather(futures) for article in part]

    def _map(self, function: Callable, parts: list[list[Article]], *shared, priority: int = 0) -> list:
        """One task per partition: ``function(*shared, part)``; the futures of their results.

        The partitions are scattered to the workers first rather than sent inside the tasks: a task's
        arguments travel in the graph, which the scheduler unpickles, so every article would be unpickled
        and pickled again in the scheduler (py-spy put about 8 s of the driver's time there on the 100k
        corpus: a LocalCluster's scheduler runs in the driver's process). Scattered, they pass through
        it as bytes, or go straight to a worker."""
        client = self._connect()
        data = client.scatter(parts, hash=False)
        return client.map(function, *[[value] * len(parts) for value in shared], data, pure=False, priority=priority)

    def close(self, interrupted: bool = False) -> None:
        super().close(interrupted)
        if self._cluster is not None and self._client is not None and not interrupted:
            # Workers of our own cluster leave while the scheduler still runs: closed together, a worker's
            # heartbeat can meet a closed scheduler and log an error for nothing (dask/distributed#7105).
            self._client.retire_workers(close_workers=True)
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
