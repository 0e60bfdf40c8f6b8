"""The text tools, which do not use the store: `linimasa times` (temporal expressions) and `linimasa ner`
(named entities of CoNLL input)."""

from __future__ import annotations

from datetime import date

import click

from .common import DB_OPTION, fail, iso_date


@click.command()
@DB_OPTION
@click.option("--published", callback=iso_date, metavar="DATE",
              help="Publication date (YYYY-MM-DD) to read relative and year-less expressions against; "
                   "without it the text's own date stamp or stated date is used.")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
def times(db: str, published: date | None, file) -> None:
    """Temporal expressions of a text (FILE or stdin), one JSON object a line: text, start, end, type, value,
    flags. The store is not used."""
    import json

    from ..nlp.timex import times_command_output

    for row in times_command_output(file.read(), published):
        click.echo(json.dumps(row, ensure_ascii=False))


@click.command()
@click.option("--conll", "conll_file", required=True, type=click.File("r", encoding="utf-8"), metavar="FILE",
              help="One token a line (optionally a tab and a gold label, ignored); blank line between sentences.")
@click.option("--style", default=None, metavar="CORPUS",
              help="Tag in one training corpus's annotation conventions (nerugm, nerui, idner, nergrit).")
def ner(conll_file, style: str | None) -> None:
    """Named entities of pre-tokenised text: writes token<TAB>predicted BIO label (PER, ORG, LOC) in the same
    layout, blank lines kept. The store is not used."""
    from ..nlp.ner import conll_command

    try:
        conll_command(conll_file, click.get_text_stream("stdout"), style=style)
    except ValueError as exc:
        fail(str(exc))
