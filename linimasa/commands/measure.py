"""`linimasa eval`: measuring the events and the linking on annotated articles, and the quality gate."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.markup import escape

from .common import CONFIG_OPTION, err, fail, open_or_fail, settings_for


@click.command("eval")
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
@CONFIG_OPTION
def evaluate_command(annotations: tuple[Path, ...], article_files: tuple[Path, ...], pair_files: tuple[Path, ...],
                     db: str | None, fmt: str, errors: int, gate_file: Path | None, config_path: Path | None) -> None:
    """Measure linimasa on annotated articles: events per PLOVER type, fields, modality and linking."""
    import json

    from ..evaluation.articles import ArticleFilesMissing
    from ..evaluation.evaluate import evaluate, render_text
    from ..evaluation.gold import AnnotationError

    if not annotations and gate_file is None:
        raise click.UsageError("give annotation files, or --gate BASELINE")
    settings = settings_for(config_path)
    from ..pipeline import PipelineError, check_run

    try:
        check_run(settings)  # a pipeline that cannot run is refused before any article is read
        if gate_file is not None:
            _eval_gate(gate_file, fmt, errors, settings)
            return
        store = open_or_fail(db, readonly=True) if db else None
        report = evaluate(list(annotations), list(article_files) or None, list(pair_files), store=store,
                          settings=settings)
    except (AnnotationError, ArticleFilesMissing, PipelineError, ValueError) as exc:
        fail(str(exc))
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        click.echo(render_text(report, errors))


def _eval_gate(gate_file: Path, fmt: str, errors: int, settings) -> None:
    import json

    from ..evaluation.evaluate import render_text
    from ..evaluation.gate import run_gate

    results = run_gate(gate_file, settings)
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
