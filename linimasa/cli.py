"""The command line: a thin layer over the runner, the store and the exporters.

Exit status: 0 when every input was processed or recognised as a duplicate; 1 when the command finished
but rejected some inputs (each is listed with its reason) or the store could not be used; 2 on bad
arguments.
"""

from __future__ import annotations

import click

from . import __version__
from .commands.common import printable
from .commands.live import feeds, watch
from .commands.measure import evaluate_command
from .commands.outputs import articles, events, timeline
from .commands.run import ingest, relink, run
from .commands.serve import serve
from .commands.stages import stages
from .commands.text import ner, times

__all__ = ["cli", "main", "printable"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="linimasa")
def cli() -> None:
    """linimasa: news articles in, a timeline of who did what with whom, when and where out."""


for command in (run, ingest, relink, stages, articles, events, timeline, watch, feeds, serve, times, evaluate_command,
                ner):
    cli.add_command(command)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
