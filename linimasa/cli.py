"""The command line: a thin layer over the runner, the store and the exporters.

Exit status: 0 when every input was processed or recognised as a duplicate; 1 when the command finished
but rejected some inputs (each is listed with its reason) or the store could not be used; 2 on bad
arguments.
"""

from __future__ import annotations

import sys
from datetime import date

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .config import Settings
from .store import DEFAULT_DB, StoreError, open_store

DB_OPTION = click.option(
    "--db", default=DEFAULT_DB, show_default=True, envvar="LINIMASA_DB",
    help="The store: a SQLite file path.",
)

err = Console(stderr=True)


def _fail(message: str) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    sys.exit(1)


def _open(db: str, readonly: bool = False):
    try:
        return open_store(db, readonly=readonly)
    except StoreError as exc:
        _fail(str(exc))


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date of the form YYYY-MM-DD") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="linimasa")
def cli() -> None:
    """linimasa: news articles in, a timeline of who did what with whom, when and where out."""


def _run_options(command):
    command = click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))(command)
    command = DB_OPTION(command)
    command = click.option("--workers", type=click.IntRange(min=1), default=None,
                           help="Worker processes (default: all cores).")(command)
    command = click.option("--chunk-size", type=click.IntRange(min=1), default=256, show_default=True,
                           help="Articles committed per transaction.")(command)
    command = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")(command)
    return command


@cli.command()
@_run_options
def run(paths: tuple[str, ...], db: str, workers: int | None, chunk_size: int, quiet: bool) -> None:
    """Ingest, clean, deduplicate, extract and link the articles under PATHS (files or folders)."""
    _run(paths, db, Settings(workers=workers, chunk_size=chunk_size), quiet, "run")


@cli.command()
@_run_options
def ingest(paths: tuple[str, ...], db: str, workers: int | None, chunk_size: int, quiet: bool) -> None:
    """Read, clean and deduplicate the articles under PATHS into the store, without extracting events."""
    from .config import ingest_only

    _run(paths, db, ingest_only(Settings(workers=workers, chunk_size=chunk_size)), quiet, "ingest")


def _run(paths: tuple[str, ...], db: str, settings: Settings, quiet: bool, command: str) -> None:
    from .engine.local import LocalRunner
    from .pipeline import PipelineError

    store = _open(db)
    try:
        runner = LocalRunner(store, settings)
    except PipelineError as exc:
        _fail(str(exc))
    progress = Progress(
        SpinnerColumn(), TextColumn("reading"), BarColumn(bar_width=None), TextColumn("{task.completed:,} inputs"),
        TimeElapsedColumn(), console=err, disable=quiet or not err.is_terminal, transient=True,
    )
    with progress:
        task = progress.add_task(command, total=None)
        summary = runner.run(list(paths), command=command, progress=lambda n: progress.advance(task, n))
    _print_summary(summary, db, with_events=bool(settings.corpus))
    if summary.counts.rejected:
        sys.exit(1)


def _print_summary(summary, db: str, with_events: bool) -> None:
    counts = summary.counts
    out = Console()
    table = Table(title=f"linimasa run #{summary.run_id} into {db}", show_header=False, title_justify="left")
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
            out.print(f"  {source}: {reason}", highlight=False, markup=False)
        if len(summary.rejections) > 20:
            out.print(f"  ... and {len(summary.rejections) - 20:,} more (see `linimasa articles` and the runs table)")
    if summary.ignored:
        out.print(f"not read ({len(summary.ignored):,} files in the given folders are not an input kind):", highlight=False)
        for source, reason in summary.ignored[:5]:
            out.print(f"  {source}: {reason}", highlight=False, markup=False)


@cli.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
def articles(db: str, fmt: str) -> None:
    """Every stored article with its status (processed, duplicate, rejected)."""
    from .export import ARTICLE_FIELDS, article_record, write_csv, write_jsonl

    store = _open(db, readonly=True)
    records = (article_record(row) for row in store.iter_articles())
    if fmt == "csv":
        write_csv(records, ARTICLE_FIELDS, sys.stdout)
    else:
        write_jsonl(records, sys.stdout)


@cli.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "json"]), default="jsonl", show_default=True)
@click.option("--all", "include_all", is_flag=True,
              help="Also planned, hypothetical and negated events, and events only recalled as background.")
def events(db: str, fmt: str, include_all: bool) -> None:
    """Every event, one JSON object a line (by default only events asserted as having happened)."""
    import json

    from .export import EVENT_CSV_COLUMNS, event_csv_row, event_records, write_csv, write_jsonl

    store = _open(db, readonly=True)
    records = event_records(store, include_all)
    if fmt == "csv":
        write_csv((event_csv_row(r) for r in records), EVENT_CSV_COLUMNS, sys.stdout)
    elif fmt == "json":
        json.dump(list(records), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        write_jsonl(records, sys.stdout)


@cli.command()
@DB_OPTION
@click.option("--actor", "actors", multiple=True, help="A person, organisation or country code; repeat to require all.")
@click.option("--since", callback=_iso_date, help="First day, YYYY-MM-DD.")
@click.option("--until", callback=_iso_date, help="Last day, YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("--all", "include_all", is_flag=True, help="Also events that did not (yet) happen.")
def timeline(db: str, actors: tuple[str, ...], since: date | None, until: date | None, fmt: str, include_all: bool) -> None:
    """The events in date order, filtered by actor and date."""
    import json

    from .export import timeline_markdown, timeline_records

    if since and until and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}")
    store = _open(db, readonly=True)
    records = timeline_records(store, actors, since, until, include_all)
    if fmt == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(timeline_markdown(records))


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default keeps the view on this machine.")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """The web view and JSON API over the store, read-only: a timeline first, then events, actors, maps."""
    import uvicorn

    from .web.app import create_app

    _open(db, readonly=True).close()
    err.print(f"linimasa: serving {db} read-only at http://{host}:{port}/ (API docs at /docs; Ctrl-C stops)",
              highlight=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
