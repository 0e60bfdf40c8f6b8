"""What every command shares: the --db and --config options, one-line errors on stderr, opening the store, printing
untrusted text safely, writing records to stdout, reading a day."""

from __future__ import annotations

import dataclasses
import os
import sys
import unicodedata
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from .. import dates
from ..config import Settings
from ..config_file import ConfigError, load_settings
from ..store import DEFAULT_DB, StoreError, open_store

DB_OPTION = click.option(
    "--db", default=DEFAULT_DB, show_default=True, envvar="LINIMASA_DB",
    help="The store: a SQLite file path, or a postgresql://USER@HOST:PORT/DB URL for a shared store.",
)


CONFIG_OPTION = click.option(
    "--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
    envvar="LINIMASA_CONFIG",
    help="A TOML file setting the pipeline and its stages' options (docs/configuration.md); also "
         "$LINIMASA_CONFIG. Options given here win over it.",
)


def settings_for(config_path: Path | None, **given) -> Settings:
    """The settings of a command: the defaults, then the configuration file's, then the options given on the
    command line (those not None)."""
    try:
        settings = load_settings(config_path) if config_path is not None else Settings()
    except ConfigError as exc:
        raise click.BadParameter(str(exc), param_hint="'--config' / $LINIMASA_CONFIG") from None
    return dataclasses.replace(settings, **{key: value for key, value in given.items() if value is not None})


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
