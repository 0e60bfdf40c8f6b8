"""`linimasa run`, `linimasa ingest` and `linimasa relink`: a run of the pipeline over input paths, with its progress, its
summary and its accounting, stopped cleanly by Ctrl-C or SIGTERM."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..config import Settings
from .common import CONFIG_OPTION, DB_OPTION, err, fail, open_or_fail, printable, settings_for


def _run_options(command):
    command = click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))(command)
    command = DB_OPTION(command)
    command = click.option("--workers", type=click.IntRange(min=1), default=None,
                           help="Worker processes (default: all cores).")(command)
    command = click.option("--chunk-size", type=click.IntRange(min=1), default=None,
                           show_default=str(Settings.chunk_size),
                           help="Inputs sent to the workers and committed together.")(command)
    command = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")(command)
    command = CONFIG_OPTION(command)
    return command


ENGINE_OPTION = click.option(
    "--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
    help="local: worker processes on this machine; dask: a Dask cluster (see --scheduler).",
)


SCHEDULER_OPTION = click.option(
    "--scheduler", metavar="tcp://HOST:PORT", default=None,
    help="With --engine dask: the scheduler of a running cluster (default: a LocalCluster of --workers processes).",
)


@click.command()
@_run_options
@ENGINE_OPTION
@SCHEDULER_OPTION
def run(paths: tuple[str, ...], db: str, workers: int | None, chunk_size: int | None, quiet: bool,
        config_path: Path | None, engine: str, scheduler: str | None) -> None:
    """Ingest, clean, deduplicate, extract and link the articles under PATHS (files or folders)."""
    _check_engine(engine, scheduler)
    settings = settings_for(config_path, workers=workers, chunk_size=chunk_size)
    _run(paths, db, settings, quiet, "run", engine, scheduler)


@click.command()
@_run_options
def ingest(paths: tuple[str, ...], db: str, workers: int | None, chunk_size: int | None, quiet: bool,
           config_path: Path | None) -> None:
    """Read, clean and deduplicate the articles under PATHS into the store, without extracting events."""
    from ..config import ingest_only

    _run(paths, db, ingest_only(settings_for(config_path, workers=workers, chunk_size=chunk_size)), quiet, "ingest")


@click.command()
@DB_OPTION
@CONFIG_OPTION
def relink(db: str, config_path: Path | None) -> None:
    """Link every stored event mention into events and stories from scratch (runs link only what they change,
    with the same result; this rebuilds it all, e.g. after changing the linking rule). The corpus stages are
    those of the configuration."""
    from ..engine.corpus import relink as relink_store
    from ..pipeline import PipelineError

    settings = settings_for(config_path)
    store = open_or_fail(db)
    try:
        totals = relink_store(store, settings)
    except PipelineError as exc:
        fail(str(exc))
    Console(soft_wrap=True).print(f"relinked {totals.relinked:,} event mentions: {totals.events:,} events "
                                  f"({totals.asserted:,} asserted as happened), {totals.stories:,} stories", highlight=False)


def _check_engine(engine: str, scheduler: str | None) -> None:
    if scheduler and engine != "dask":
        raise click.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")


def runner_factory(settings: Settings, engine: str = "local", scheduler: str | None = None):
    """A function building a runner over a store with the chosen engine."""
    from ..engine.local import LocalRunner

    if engine == "dask":
        from ..engine.dask import DaskRunner

        return lambda store: DaskRunner(store, settings, scheduler=scheduler)
    return lambda store: LocalRunner(store, settings)


def _run(paths: tuple[str, ...], db: str, settings: Settings, quiet: bool, command: str, engine: str = "local",
         scheduler: str | None = None) -> None:
    stopped: dict = {}
    try:
        with _stopped_by_signals(stopped):
            summary = _run_to_summary(paths, db, settings, quiet, command, engine, scheduler)
    except KeyboardInterrupt:
        err.print(f"interrupted by {stopped.get('by', 'Ctrl-C')}: the chunks committed so far are stored with their "
                  "accounting and the run is marked interrupted; run the same command again to complete it",
                  highlight=False, markup=False)
        sys.stdout.flush()
        sys.stderr.flush()
        # Now, not after the interpreter's exit handlers: they join the worker pool's threads, which a stopped
        # run must not wait for. The store has recorded the interruption and closed its transaction.
        os._exit(128 + stopped.get("signal", signal.SIGINT))
    except (sqlite3.OperationalError, OSError) as exc:
        if not _out_of_space(exc):
            raise
        fail(f"the store {printable(db)} cannot be written: {exc}. Free disk space and run the same command again; "
              "what was committed before is kept")
    _print_summary(summary, db, with_events=bool(settings.corpus))
    if summary.counts.rejected:
        sys.exit(1)


def _run_to_summary(paths, db: str, settings: Settings, quiet: bool, command: str, engine: str, scheduler):
    from ..pipeline import PipelineError

    store = open_or_fail(db)
    try:
        runner = runner_factory(settings, engine, scheduler)(store)
    except PipelineError as exc:
        fail(str(exc))
    progress = Progress(
        SpinnerColumn(), TextColumn("reading"), BarColumn(bar_width=None), TextColumn("{task.completed:,} inputs"),
        TimeElapsedColumn(), console=err, disable=quiet or not err.is_terminal, transient=True,
    )
    with progress:
        task = progress.add_task(command, total=None)
        return runner.run(list(paths), command=command, progress=lambda n: progress.advance(task, n))


@contextmanager
def _stopped_by_signals(stopped: dict):
    """SIGTERM stops a run as Ctrl-C does (the run is marked interrupted, its workers end); ``stopped`` learns
    which signal stopped it."""

    def stop(signum, frame):
        stopped.update(by=signal.Signals(signum).name, signal=signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _out_of_space(exc: BaseException) -> bool:
    return (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "disk is full" in str(exc) or (
        "database or disk is full" in str(exc))


def _print_summary(summary, db: str, with_events: bool) -> None:
    counts = summary.counts
    out = Console(soft_wrap=True)  # one line per rejection, however narrow the terminal, so it can be grepped
    table = Table(title=f"linimasa run #{summary.run_id} into {escape(printable(db))}", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("inputs read", f"{counts.read:,}")
    table.add_row("stored", f"{counts.stored:,}  ({counts.new:,} new, {counts.revised:,} revised)")
    table.add_row("duplicates", f"{counts.duplicates:,}")
    table.add_row("rejected", f"{counts.rejected:,}")
    if with_events:
        table.add_row("events", f"{summary.events:,}  ({summary.asserted_events:,} asserted as happened)")
        table.add_row("stories", f"{summary.stories:,}")
    rate = counts.read / summary.seconds if summary.seconds else 0.0
    table.add_row("time", f"{summary.seconds:.1f} s  ({rate:,.0f} inputs/s)")
    out.print(table)
    balanced = counts.read == counts.stored + counts.duplicates + counts.rejected
    out.print(
        f"accounting: read {counts.read:,} = stored {counts.stored:,} + duplicates {counts.duplicates:,} "
        f"+ rejected {counts.rejected:,}" + ("" if balanced else "  [bold red](does not balance)[/]"),
        highlight=False,
    )
    if summary.rejections:
        out.print(f"[bold]rejected inputs[/] ({len(summary.rejections):,}):")
        for source, reason in summary.rejections[:20]:
            out.print(f"  {printable(source)}: {printable(reason or '')}", highlight=False, markup=False)
        if len(summary.rejections) > 20:
            out.print(f"  ... and {len(summary.rejections) - 20:,} more (see `linimasa articles` and the runs table)")
    if summary.ignored:
        out.print(f"not read ({len(summary.ignored):,} files in the given folders are not an input kind):", highlight=False)
        for source, reason in summary.ignored[:5]:
            out.print(f"  {printable(source)}: {printable(reason or '')}", highlight=False, markup=False)
