"""What the store holds, written out: `linimasa articles`, `linimasa events` (JSON, JSONL, CSV, Parquet) and
`linimasa timeline` (Markdown, JSON, HTML)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from .common import DB_OPTION, err, fail, iso_date, open_or_fail, printable, to_stdout


@click.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
def articles(db: str, fmt: str) -> None:
    """Every stored article with its status (processed, duplicate, rejected)."""
    from ..export import ARTICLE_FIELDS, article_record, write_csv, write_jsonl

    store = open_or_fail(db, readonly=True)
    records = (article_record(row) for row in store.iter_articles())
    with to_stdout() as out:
        if fmt == "csv":
            write_csv(records, ARTICLE_FIELDS, out)
        else:
            write_jsonl(records, out)


@click.command()
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
    from ..event_table import write_parquet
    from ..export import event_records

    store = open_or_fail(db, readonly=True)
    written = []

    def counted(records):
        for record in records:
            written.append(1)
            yield record

    records = counted(event_records(store, include_all))
    if fmt == "parquet":
        if output is None and sys.stdout.isatty():
            fail("Parquet is binary: pass --output FILE.parquet or redirect stdout to a file")
        with to_stdout():
            write_parquet(records, str(output) if output else sys.stdout.buffer)
    elif output is not None:
        with output.open("w", encoding="utf-8", newline="") as out:
            _write_events(fmt, records, out)
    else:
        with to_stdout() as out:
            _write_events(fmt, records, out)
    if not written:
        stored = sum(store.count_articles().values())
        err.print(f"no {'' if include_all else 'asserted '}events in {printable(db)} ({stored:,} articles stored)"
                  + ("" if stored else ": run `linimasa run PATH...` first")
                  + ("" if include_all else "; --all adds planned, hypothetical and negated ones"), highlight=False)


def _write_events(fmt: str, records, out) -> None:
    import json

    from ..event_table import write_csv
    from ..export import write_jsonl

    if fmt == "csv":
        write_csv(records, out)
    elif fmt == "json":
        json.dump(list(records), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        write_jsonl(records, out)


@click.command()
@DB_OPTION
@click.option("--actor", "actors", multiple=True, help="A person, organisation or country code; repeat to require all.")
@click.option("--since", callback=iso_date, help="First day, YYYY-MM-DD.")
@click.option("--until", callback=iso_date, help="Last day, YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(["md", "json", "html"]), default="md", show_default=True)
@click.option("--all", "include_all", is_flag=True, help="Also events that did not (yet) happen.")
def timeline(db: str, actors: tuple[str, ...], since: date | None, until: date | None, fmt: str, include_all: bool) -> None:
    """The events in date order, filtered by actor and date."""
    import json

    from ..export import evidence_quotes, timeline_html, timeline_markdown, timeline_records

    if since and until and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}")
    store = open_or_fail(db, readonly=True)
    records = timeline_records(store, actors, since, until, include_all)
    with to_stdout() as out:
        if fmt == "json":
            json.dump(records, out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif fmt == "html":
            out.write(timeline_html(records, evidence_quotes(store, records)))
        else:
            out.write(timeline_markdown(records, evidence_quotes(store, records)))
