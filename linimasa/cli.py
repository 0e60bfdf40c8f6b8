"""The command line: a thin layer over the runner, the store and the exporters.

Exit status: 0 when every input was processed or recognised as a duplicate; 1 when the command finished
but rejected some inputs (each is listed with its reason) or the store could not be used; 2 on bad
arguments.
"""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import sys
import unicodedata
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__, dates
from .config import Settings
from .store import DEFAULT_DB, StoreError, open_store, redact

DB_OPTION = click.option(
    "--db", default=DEFAULT_DB, show_default=True, envvar="LINIMASA_DB",
    help="The store: a SQLite file path, or a postgresql://USER@HOST:PORT/DB URL for a shared store.",
)

err = Console(stderr=True, soft_wrap=True)  # an error is one line, however narrow the terminal


def _fail(message: str) -> None:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    sys.exit(1)


def _open(db: str, readonly: bool = False):
    try:
        return open_store(db, readonly=readonly)
    except StoreError as exc:
        _fail(str(exc))


def printable(text: str) -> str:
    """Text fit for one line of output: control, invisible and undecodable characters shown as escapes, so
    that a file name or id can never forge a line of the summary ("accounting: ...")."""
    return "".join(ch.encode("unicode_escape").decode("ascii")
                   if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") else ch for ch in text)


@contextmanager
def _to_stdout():
    """Writing records to stdout: a reader that stops early (`linimasa events | head -1`) got what it wanted,
    so the command ends with status 0, quietly (click would exit 1 on the broken pipe)."""
    try:
        yield sys.stdout
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's own flush at exit must not fail again
        sys.exit(0)


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dates.parse_day(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="linimasa")
def cli() -> None:
    """linimasa: news articles in, a timeline of who did what with whom, when and where out."""


def _run_options(command):
    command = click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))(command)
    command = DB_OPTION(command)
    command = click.option("--workers", type=click.IntRange(min=1), default=None,
                           help="Worker processes (default: all cores).")(command)
    command = click.option("--chunk-size", type=click.IntRange(min=1), default=Settings.chunk_size,
                           show_default=True, help="Inputs sent to the workers and committed together.")(command)
    command = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")(command)
    return command


ENGINE_OPTION = click.option(
    "--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
    help="local: worker processes on this machine; dask: a Dask cluster (see --scheduler).",
)
SCHEDULER_OPTION = click.option(
    "--scheduler", metavar="tcp://HOST:PORT", default=None,
    help="With --engine dask: the scheduler of a running cluster (default: a LocalCluster of --workers processes).",
)


@cli.command()
@_run_options
@ENGINE_OPTION
@SCHEDULER_OPTION
def run(paths: tuple[str, ...], db: str, workers: int | None, chunk_size: int, quiet: bool, engine: str,
        scheduler: str | None) -> None:
    """Ingest, clean, deduplicate, extract and link the articles under PATHS (files or folders)."""
    _check_engine(engine, scheduler)
    _run(paths, db, Settings(workers=workers, chunk_size=chunk_size), quiet, "run", engine, scheduler)


@cli.command()
@_run_options
def ingest(paths: tuple[str, ...], db: str, workers: int | None, chunk_size: int, quiet: bool) -> None:
    """Read, clean and deduplicate the articles under PATHS into the store, without extracting events."""
    from .config import ingest_only

    _run(paths, db, ingest_only(Settings(workers=workers, chunk_size=chunk_size)), quiet, "ingest")


def _check_engine(engine: str, scheduler: str | None) -> None:
    if scheduler and engine != "dask":
        raise click.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")


def _runner_factory(settings: Settings, engine: str = "local", scheduler: str | None = None):
    """A function building a runner over a store with the chosen engine."""
    from .engine.local import LocalRunner

    if engine == "dask":
        from .engine.dask import DaskRunner

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
        _fail(f"the store {printable(db)} cannot be written: {exc}. Free disk space and run the same command again; "
              "what was committed before is kept")
    _print_summary(summary, db, with_events=bool(settings.corpus))
    if summary.counts.rejected:
        sys.exit(1)


def _run_to_summary(paths, db: str, settings: Settings, quiet: bool, command: str, engine: str, scheduler):
    from .pipeline import PipelineError

    store = _open(db)
    try:
        runner = _runner_factory(settings, engine, scheduler)(store)
    except PipelineError as exc:
        _fail(str(exc))
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


def _cannot_listen(host: str, port: int) -> str | None:
    """Why the web view could not listen at host:port (a port in use, an address not of this machine), or None."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"the host is not known ({exc.strerror})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


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


@cli.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
def articles(db: str, fmt: str) -> None:
    """Every stored article with its status (processed, duplicate, rejected)."""
    from .export import ARTICLE_FIELDS, article_record, write_csv, write_jsonl

    store = _open(db, readonly=True)
    records = (article_record(row) for row in store.iter_articles())
    with _to_stdout() as out:
        if fmt == "csv":
            write_csv(records, ARTICLE_FIELDS, out)
        else:
            write_jsonl(records, out)


@cli.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "json", "parquet"]), default="jsonl",
              show_default=True, help="csv and parquet: one row per event, actor and recipient columns, CAMEO code, "
                                      "quad class and intensity (docs/data-dictionary.md).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of stdout (parquet to a terminal needs it).")
@click.option("--all", "include_all", is_flag=True,
              help="Also planned, hypothetical and negated events, and events only recalled as background.")
def events(db: str, fmt: str, output: Path | None, include_all: bool) -> None:
    """Every event, one JSON object a line (by default only events asserted as having happened)."""
    from .event_table import write_parquet
    from .export import event_records

    store = _open(db, readonly=True)
    written = []

    def counted(records):
        for record in records:
            written.append(1)
            yield record

    records = counted(event_records(store, include_all))
    if fmt == "parquet":
        if output is None and sys.stdout.isatty():
            _fail("Parquet is binary: pass --output FILE.parquet or redirect stdout to a file")
        with _to_stdout():
            write_parquet(records, str(output) if output else sys.stdout.buffer)
    elif output is not None:
        with output.open("w", encoding="utf-8", newline="") as out:
            _write_events(fmt, records, out)
    else:
        with _to_stdout() as out:
            _write_events(fmt, records, out)
    if not written:
        stored = sum(store.count_articles().values())
        err.print(f"no {'' if include_all else 'asserted '}events in {printable(db)} ({stored:,} articles stored)"
                  + ("" if stored else ": run `linimasa run PATH...` first")
                  + ("" if include_all else "; --all adds planned, hypothetical and negated ones"), highlight=False)


def _write_events(fmt: str, records, out) -> None:
    import json

    from .event_table import write_csv
    from .export import write_jsonl

    if fmt == "csv":
        write_csv(records, out)
    elif fmt == "json":
        json.dump(list(records), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        write_jsonl(records, out)


@cli.command()
@DB_OPTION
@click.option("--actor", "actors", multiple=True, help="A person, organisation or country code; repeat to require all.")
@click.option("--since", callback=_iso_date, help="First day, YYYY-MM-DD.")
@click.option("--until", callback=_iso_date, help="Last day, YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(["md", "json", "html"]), default="md", show_default=True)
@click.option("--all", "include_all", is_flag=True, help="Also events that did not (yet) happen.")
def timeline(db: str, actors: tuple[str, ...], since: date | None, until: date | None, fmt: str, include_all: bool) -> None:
    """The events in date order, filtered by actor and date."""
    import json

    from .export import evidence_quotes, timeline_html, timeline_markdown, timeline_records

    if since and until and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}")
    store = _open(db, readonly=True)
    records = timeline_records(store, actors, since, until, include_all)
    with _to_stdout() as out:
        if fmt == "json":
            json.dump(records, out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif fmt == "html":
            out.write(timeline_html(records, evidence_quotes(store, records)))
        else:
            out.write(timeline_markdown(records, evidence_quotes(store, records)))


@cli.command()
@click.argument("path", type=click.Path(exists=True, path_type=str))
@DB_OPTION
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--settle", type=click.FloatRange(min=0), default=2.0, show_default=True,
              help="Seconds a file must stay unchanged before it is read (so half-copied files wait).")
@click.option("--rescan", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds between full rescans, besides filesystem notifications.")
@click.option("--once", is_flag=True, help="Process the files not yet taken, then exit.")
def watch(path: str, db: str, workers: int | None, settle: float, rescan: float, once: bool) -> None:
    """Process input files under PATH as they appear (each file once; old articles are not reprocessed)."""
    import threading

    from .pipeline import PipelineError
    from .watch import Watcher

    store = _open(db)
    out = Console()

    def report(batch) -> None:
        names = ", ".join(p.name for p in batch.files[:3]) + (f" and {len(batch.files) - 3} more" if len(batch.files) > 3 else "")
        if batch.error:
            err.print(f"[bold red]failed[/] on {names}: {batch.error} (retried on the next change)", highlight=False)
        else:
            c = batch.summary
            out.print(f"{names}: read {c.counts.read:,}, new {c.counts.new:,}, revised {c.counts.revised:,}, "
                      f"duplicates {c.counts.duplicates:,}, rejected {c.counts.rejected:,}; events {c.events:,}, "
                      f"stories {c.stories:,}", highlight=False, markup=False)

    watcher = Watcher(Path(path), store, _runner_factory(Settings(workers=workers)), settle_seconds=settle,
                      rescan_seconds=rescan, on_batch=report)
    try:
        if once:
            batch = watcher.run_once()
            if batch is None:
                out.print("nothing new")
            elif batch.error:
                sys.exit(1)
            return
        err.print(f"watching {path} (Ctrl-C to stop)", highlight=False)
        watcher.run(threading.Event())
    except PipelineError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        err.print("stopped")


@cli.command()
@click.argument("feed_list", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=str))
@DB_OPTION
@click.option("--spool", default="linimasa-feeds", show_default=True, type=click.Path(file_okay=False, path_type=str),
              help="Folder keeping the fetched pages, one JSONL input file per poll.")
@click.option("--interval", type=click.FloatRange(min=1), default=900.0, show_default=True,
              help="Seconds between polls.")
@click.option("--once", is_flag=True, help="Poll once, then exit.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
def feeds(feed_list: str, db: str, spool: str, interval: float, once: bool, workers: int | None) -> None:
    """Poll the RSS/Atom feeds listed in FILE (one URL a line) and process their new articles."""
    import time

    from .feeds import FeedPoller, read_feed_list
    from .pipeline import PipelineError

    urls = read_feed_list(feed_list)
    if not urls:
        _fail(f"{feed_list} lists no feed URLs (one a line; # starts a comment)")
    store = _open(db)
    poller = FeedPoller(store, _runner_factory(Settings(workers=workers)), spool)
    out = Console()
    try:
        while True:
            report = poller.poll(urls)
            line = (f"{report.feeds} feeds ({report.unchanged} unchanged): {report.entries_new} new entries, "
                    f"{report.fetched} fetched")
            if report.summary:
                s = report.summary
                line += f"; stored {s.counts.stored:,}, duplicates {s.counts.duplicates:,}; events {s.events:,}"
            out.print(line, highlight=False)
            for url, reason in report.failures:
                err.print(f"  {url}: {reason}", highlight=False, markup=False)
            if once:
                if report.failures and not report.fetched:
                    sys.exit(1)
                return
            time.sleep(interval)
    except PipelineError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        err.print("stopped")


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default keeps the view on this machine.")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """The web view and JSON API over the store, read-only: a timeline first, then events, actors, maps."""
    import uvicorn

    from .web.app import create_app

    try:
        app = create_app(db)
    except StoreError as exc:
        _fail(str(exc))
    problem = _cannot_listen(host, port)
    if problem:
        _fail(f"cannot serve at {host}:{port}: {problem}; pass another --port (or stop what uses it)")
    err.print(f"linimasa: serving {redact(db)} read-only at http://{host}:{port}/ (API docs at /docs; Ctrl-C stops)",
              highlight=False)
    # h11 reads request lines and headers up to 1 MB, so that the app answers an oversized one clearly
    # (422, or 414/431 past linimasa.web.app.RequestLimits) instead of the connection being reset.
    uvicorn.run(app, host=host, port=port, log_level="warning", http="h11",
                h11_max_incomplete_event_size=1024 * 1024)


@cli.command()
@DB_OPTION
@click.option("--published", callback=_iso_date, metavar="DATE",
              help="Publication date (YYYY-MM-DD) to read relative and year-less expressions against; "
                   "without it the text's own date stamp or stated date is used.")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
def times(db: str, published: date | None, file) -> None:
    """Temporal expressions of a text (FILE or stdin), one JSON object a line: text, start, end, type, value,
    flags. The store is not used."""
    import json

    from .nlp.timex import times_command_output

    for row in times_command_output(file.read(), published):
        click.echo(json.dumps(row, ensure_ascii=False))


@cli.command("eval")
@click.argument("annotations", nargs=-1, type=click.Path(path_type=Path))
@click.option("--articles", "article_files", multiple=True, type=click.Path(path_type=Path),
              help="Article files (contract JSONL) that hold the annotated articles; default: ../shared/data/news.")
@click.option("--pairs", "pair_files", multiple=True, type=click.Path(path_type=Path),
              help="Annotated article pairs (same event / hard negatives) for the linking scores.")
@click.option("--db", default=None, help="Score what this existing store holds instead of running the pipeline.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--errors", type=click.IntRange(min=0), default=15, show_default=True,
              help="How many misses, false positives and linking errors of each kind to list (text format).")
@click.option("--gate", "gate_file", type=click.Path(path_type=Path), default=None,
              help="Run every set of this baseline file and fail when a guarded figure drops below it.")
def evaluate_command(annotations: tuple[Path, ...], article_files: tuple[Path, ...], pair_files: tuple[Path, ...],
                     db: str | None, fmt: str, errors: int, gate_file: Path | None) -> None:
    """Measure linimasa on annotated articles: events per PLOVER type, fields, modality and linking."""
    import json

    from .evaluation.articles import ArticleFilesMissing
    from .evaluation.evaluate import evaluate, render_text
    from .evaluation.gold import AnnotationError

    if not annotations and gate_file is None:
        raise click.UsageError("give annotation files, or --gate BASELINE")
    try:
        if gate_file is not None:
            _eval_gate(gate_file, fmt, errors)
            return
        store = _open(db, readonly=True) if db else None
        report = evaluate(list(annotations), list(article_files) or None, list(pair_files), store=store)
    except (AnnotationError, ArticleFilesMissing, ValueError) as exc:
        _fail(str(exc))
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        click.echo(render_text(report, errors))


def _eval_gate(gate_file: Path, fmt: str, errors: int) -> None:
    import json

    from .evaluation.evaluate import render_text
    from .evaluation.gate import run_gate

    results = run_gate(gate_file)
    if fmt == "json":
        click.echo(json.dumps({r.name: {"figures": r.figures, "failures": r.failures, "report": r.report}
                               for r in results}, ensure_ascii=False, indent=1))
    else:
        for result in results:
            click.echo(f"== {result.name}")
            click.echo(render_text(result.report, errors))
            click.echo("")
    failures = [f for r in results for f in r.failures]
    for result in results:
        shown = ", ".join(f"{k} {v}" for k, v in result.figures.items())
        err.print(f"gate {escape(result.name)}: {escape(shown)}", highlight=False)
    if failures:
        for failure in failures:
            err.print(f"[bold red]gate failed:[/] {escape(failure)}", highlight=False)
        sys.exit(1)


@cli.command()
@click.option("--conll", "conll_file", required=True, type=click.File("r", encoding="utf-8"), metavar="FILE",
              help="One token a line (optionally a tab and a gold label, ignored); blank line between sentences.")
@click.option("--style", default=None, metavar="CORPUS",
              help="Tag in one training corpus's annotation conventions (nerugm, nerui, idner, nergrit).")
def ner(conll_file, style: str | None) -> None:
    """Named entities of pre-tokenised text: writes token<TAB>predicted BIO label (PER, ORG, LOC) in the same
    layout, blank lines kept. The store is not used."""
    from .nlp.ner import conll_command

    try:
        conll_command(conll_file, click.get_text_stream("stdout"), style=style)
    except ValueError as exc:
        _fail(str(exc))


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
