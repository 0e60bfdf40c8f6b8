"""What every command shares: the --db option, one-line errors on stderr, opening the store, printing
untrusted text safely, writing records to stdout, reading a day."""

from __future__ import annotations

import os
import sys
import unicodedata
from contextlib import contextmanager

import click
from rich.console import Console
from rich.markup import escape

from .. import dates
from ..store import DEFAULT_DB, StoreError, open_store

DB_OPTION = click.option(
    "--db", default=DEFAULT_DB, show_default=True, envvar="LINIMASA_DB",
    help="The store: a SQLite file path, or a postgresql://USER@HOST:PORT/DB URL for a shared store.",
)


err = Console(stderr=True, soft_wrap=True)  # an error is one line, however narrow the terminal


def fail(message: str) -> None:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    sys.exit(1)


def open_or_fail(db: str, readonly: bool = False):
    try:
        return open_store(db, readonly=readonly)
    except StoreError as exc:
        fail(str(exc))


def printable(text: str) -> str:
    """Text fit for one line of output: control, invisible and undecodable characters shown as escapes, so
    that a file name or id can never forge a line of the summary ("accounting: ...")."""
    return "".join(ch.encode("unicode_escape").decode("ascii")
                   if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") else ch for ch in text)


@contextmanager
def to_stdout():
    """Writing records to stdout: a reader that stops early (`linimasa events | head -1`) got what it wanted,
    so the command ends with status 0, quietly (click would exit 1 on the broken pipe)."""
    try:
        yield sys.stdout
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's own flush at exit must not fail again
        sys.exit(0)


def iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dates.parse_day(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
