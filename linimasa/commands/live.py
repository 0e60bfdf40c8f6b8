"""Processing inputs as they arrive: `linimasa watch` (a folder) and `linimasa feeds` (RSS/Atom feeds)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from .common import CONFIG_OPTION, DB_OPTION, err, fail, open_or_fail, settings_for
from .run import runner_factory


@click.command()
@click.argument("path", type=click.Path(exists=True, path_type=str))
@DB_OPTION
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@CONFIG_OPTION
@click.option("--settle", type=click.FloatRange(min=0), default=2.0, show_default=True,
              help="Seconds a file must stay unchanged before it is read (so half-copied files wait).")
@click.option("--rescan", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds between full rescans, besides filesystem notifications.")
@click.option("--once", is_flag=True, help="Process the files not yet taken, then exit.")
def watch(path: str, db: str, workers: int | None, config_path: Path | None, settle: float, rescan: float,
          once: bool) -> None:
    """Process input files under PATH as they appear (each file once; old articles are not reprocessed)."""
    import threading

    from ..pipeline import PipelineError
    from ..watch import Watcher

    settings = settings_for(config_path, workers=workers)
    store = open_or_fail(db)
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

    watcher = Watcher(Path(path), store, runner_factory(settings), settle_seconds=settle,
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
        fail(str(exc))
    except KeyboardInterrupt:
        err.print("stopped")


@click.command()
@click.argument("feed_list", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=str))
@DB_OPTION
@click.option("--spool", default="linimasa-feeds", show_default=True, type=click.Path(file_okay=False, path_type=str),
              help="Folder keeping the fetched pages, one JSONL input file per poll.")
@click.option("--interval", type=click.FloatRange(min=1), default=900.0, show_default=True,
              help="Seconds between polls.")
@click.option("--once", is_flag=True, help="Poll once, then exit.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@CONFIG_OPTION
def feeds(feed_list: str, db: str, spool: str, interval: float, once: bool, workers: int | None,
          config_path: Path | None) -> None:
    """Poll the RSS/Atom feeds listed in FILE (one URL a line) and process their new articles."""
    import time

    from ..feeds import FeedPoller, read_feed_list
    from ..pipeline import PipelineError

    settings = settings_for(config_path, workers=workers)
    urls = read_feed_list(feed_list)
    if not urls:
        fail(f"{feed_list} lists no feed URLs (one a line; # starts a comment)")
    store = open_or_fail(db)
    poller = FeedPoller(store, runner_factory(settings), spool)
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
        fail(str(exc))
    except KeyboardInterrupt:
        err.print("stopped")
