"""`linimasa stages`: the stages a run with this configuration would run, in order, each with its kind, what it
requires and provides, the languages it serves and its options; and whether the pipeline can be built."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from .common import CONFIG_OPTION, fail, settings_for


@click.command("stages")
@CONFIG_OPTION
def stages(config_path: Path | None) -> None:
    """The declared stages of a run, in order, and whether each has what it requires (docs/pipeline.md)."""
    from ..pipeline import PipelineError, check_run, run_order
    from ..stages import spec_of

    settings = settings_for(config_path)
    table = Table(show_header=True, title="linimasa stages (docs/pipeline.md)", title_justify="left")
    for column in ("phase", "stage", "requires", "provides", "languages", "options"):
        table.add_column(column)
    for phase, names in run_order(settings).items():
        for name in names:
            spec = spec_of(name)
            languages = spec.serves(settings.supported_languages)
            options = ""
            if spec.options is not None:
                chosen = dataclasses.asdict(settings.stage_options(name))
                options = ", ".join(f"{key}={value}" for key, value in chosen.items() if value is not None)
            table.add_row(phase, name, ", ".join(spec.requires), ", ".join(spec.provides),
                          ", ".join(languages) if languages is not None else "all", options)
    Console(soft_wrap=True).print(table)
    try:
        check_run(settings)
    except PipelineError as exc:
        fail(str(exc))
    click.echo("every stage has what it requires")
