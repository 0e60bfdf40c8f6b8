"""Stages chained in the configured order (see :mod:`linimasa.config`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Protocol

from .config import STAGE_FACTORIES, Settings
from .model import Article


class Stage(Protocol):
    name: str

    def __call__(self, article: Article) -> Article: ...


class PipelineError(Exception):
    """A stage is misconfigured or missing."""


class StageFailure(Exception):
    """A stage raised on one article; the article is rejected with this as its reason."""

    def __init__(self, stage: str, error: Exception):
        super().__init__(
            f"stage '{stage}' failed on this article ({type(error).__name__}: {error}); "
            "this is a linimasa bug, please report it with the article"
        )
        self.stage = stage


def build_stage(name: str, settings: Settings) -> Stage:
    try:
        target = STAGE_FACTORIES[name]
    except KeyError:
        raise PipelineError(f"unknown stage '{name}'; known stages: {', '.join(STAGE_FACTORIES)}") from None
    module_name, _, attribute = target.partition(":")
    try:
        factory: Callable[[Settings], Stage] = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise PipelineError(f"stage '{name}' ({target}) cannot be loaded: {exc}") from exc
    return factory(settings)


class Pipeline:
    """The per-article stages of one phase, built once per process and applied in order."""

    def __init__(self, names: tuple[str, ...], settings: Settings):
        self.settings = settings
        self.stages: list[Stage] = [build_stage(name, settings) for name in names]

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            try:
                article = stage(article)
            except Exception as exc:  # a stage's bug on one article must not end the run for all others
                raise StageFailure(stage.name, exc) from exc
        return article

    def run_or_reject(self, article: Article) -> Article:
        """The article through every stage, or marked rejected with the failing stage and error as reason."""
        try:
            return self(article)
        except StageFailure as failure:
            article.status = "rejected"
            article.reason = str(failure)
            article.events = []
            return article

    def observe(self, articles: list[Article]) -> None:
        """Let stages that learn from the stream (per-outlet templates) see a chunk before it is processed."""
        for stage in self.stages:
            observe = getattr(stage, "observe", None)
            if observe is not None:
                observe(articles)

    def learned_for(self, articles: list[Article]) -> dict[str, object]:
        """What stages that learn from the stream need of it to process these (observed) articles, by stage
        name: picklable, for pipelines in other processes to :meth:`adopt`."""
        return {
            stage.name: learned_for(articles)
            for stage in self.stages
            if (learned_for := getattr(stage, "learned_for", None)) is not None
        }

    def adopt(self, learned: dict[str, object]) -> None:
        for stage in self.stages:
            if stage.name in learned:
                stage.adopt(learned[stage.name])

    def stage(self, name: str) -> Stage | None:
        return next((s for s in self.stages if s.name == name), None)
