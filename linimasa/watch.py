"""Incremental ingest from a folder: `linimasa watch PATH` processes input files as they appear.

A file is taken once it has stopped changing (same size and modification time across a settle interval,
so a file still being copied in is not read half-written). Each batch of new or changed files is one run:
only those files are read, their new articles extracted, and the cross-article linking redone over the
stored event mentions, so a new report of a known event joins that event without any old article being
processed again. The files already taken (path, size, mtime) are remembered in the store, so a restarted
watcher does not read them again; a changed file is read again, and what it still holds is recognised as
already stored.

Filesystem notifications (watchdog) wake the watcher at once; a periodic rescan catches what they miss
(network filesystems, events dropped under load).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .engine.local import LocalRunner, RunSummary
from .ingest.discover import input_kind
from .store import Store

STATE_PREFIX = "watch.files:"

Signature = tuple[int, int]  # (size, mtime in ns)


@dataclass
class Batch:
    files: list[Path]
    summary: RunSummary | None = None
    error: str | None = None


@dataclass
class Watcher:
    """Watches ``root`` (a folder, or one file) and runs each batch of new files into ``store``.

    ``make_runner`` builds a fresh runner over the store for each batch; ``on_batch`` is told each batch's
    outcome (the command line prints it)."""

    root: Path
    store: Store
    make_runner: Callable[[Store], LocalRunner]
    settle_seconds: float = 1.0
    rescan_seconds: float = 30.0
    on_batch: Callable[[Batch], None] | None = None
    _seen: dict[str, Signature] = field(default_factory=dict, init=False)
    _wake: threading.Event = field(default_factory=threading.Event, init=False)

    def __post_init__(self) -> None:
        self.root = Path(self.root).resolve()
        stored = self.store.get_state(self._state_key()) or {}
        self._seen = {path: tuple(sig) for path, sig in stored.items()}

    def _state_key(self) -> str:
        return STATE_PREFIX + str(self.root)

    # -- finding work ---------------------------------------------------------------------------------

    def _candidates(self) -> dict[Path, Signature]:
        """Input files under root whose (size, mtime) differs from when they were last taken."""
        paths = [self.root] if self.root.is_file() else self.root.rglob("*")
        found: dict[Path, Signature] = {}
        for path in paths:
            if path.name.startswith(".") or input_kind(path) is None:
                continue  # editors' and downloaders' temporary files, READMEs
            try:
                stat = path.stat()
            except OSError:
                continue  # vanished between listing and stat
            if not path.is_file():
                continue
            signature = (stat.st_size, stat.st_mtime_ns)
            if self._seen.get(str(path)) != signature:
                found[path] = signature
        return found

    def ready_files(self) -> dict[Path, Signature]:
        """The new or changed files that stayed unchanged across the settle interval."""
        first = self._candidates()
        if not first:
            return {}
        time.sleep(self.settle_seconds)
        second = self._candidates()
        return {path: sig for path, sig in sorted(first.items()) if second.get(path) == sig}

    # -- doing it -------------------------------------------------------------------------------------

    def process(self, files: dict[Path, Signature]) -> Batch:
        batch = Batch(files=list(files))
        try:
            batch.summary = self.make_runner(self.store).run([str(p) for p in files], command="watch")
        except Exception as exc:  # reported and retried on the next change; the watcher keeps going
            batch.error = f"{type(exc).__name__}: {exc}"
        else:
            self._seen.update({str(p): sig for p, sig in files.items()})
            self.store.set_state(self._state_key(), self._seen)
        if self.on_batch:
            self.on_batch(batch)
        return batch

    def run_once(self) -> Batch | None:
        """Take whatever is new now; None when nothing is."""
        files = self.ready_files()
        return self.process(files) if files else None

    def run(self, stop: threading.Event) -> None:
        """Process new files until ``stop`` is set: at start, on every filesystem event, and every rescan."""
        observer = self._start_observer()
        try:
            while not stop.is_set():
                self.run_once()
                self._wake.wait(self.rescan_seconds)
                self._wake.clear()
        finally:
            if observer is not None:
                observer.stop()
                observer.join()

    def stop_waiting(self) -> None:
        """Wake the loop now (used with ``stop`` to end it promptly)."""
        self._wake.set()

    def _start_observer(self):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        wake = self._wake

        class Wake(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if not event.is_directory:
                    wake.set()

        observer = Observer()
        folder = self.root if self.root.is_dir() else self.root.parent
        observer.schedule(Wake(), str(folder), recursive=True)
        try:
            observer.start()
        except OSError:  # no inotify here (limits, exotic filesystems): the periodic rescan still works
            return None
        return observer
