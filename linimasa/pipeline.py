"""Per-article stages chained in the configured order (see :mod:`linimasa.config` and the declarations in
:mod:`linimasa.stages`).

The pipeline, not each stage, decides whether a stage runs on an article: a stage declared for some languages
is skipped for an article in another, and the article says so (``metadata["skipped_stages"]``, stage name ->
reason). Stages that learn across the corpus are found by the :class:`~linimasa.stages.LearnsFromCorpus`
interface they implement, and their learned state is asked for generically, by stage name.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from .config import Settings
from .model import Article
from .stages import (
    INPUT_FIELDS,
    LearnsFromCorpus,
    PipelineError,
    StageSpec,
    StageState,
    check_order,
    spec_of,
)

__all__ = ["Pipeline", "PipelineError", "Stage", "StageFailure", "build_stage", "check_run", "phase_pipeline",
           "run_order"]

SKIPPED = "skipped_stages"  # the metadata key saying which stages an article was not run through, and why


class Stage(Protocol):
    name: str

    def __call__(self, article: Article) -> Article: ...


class StageFailure(Exception):
    """A stage raised on one article; the article is rejected with this as its reason."""

    def __init__(self, stage: str, error: Exception):
        super().__init__(
            f"stage '{stage}' failed on this article ({type(error).__name__}: {error}); "
            "this is a linimasa bug, please report it with the article"
        )
        self.stage = stage


def build_stage(name: str, settings: Settings) -> Any:
    """The stage ``name`` as its declaration's factory makes it from the settings."""
    return _build(spec_of(name), settings)


def _build(spec: StageSpec, settings: Settings) -> Any:
    factory = spec.factory
    if isinstance(factory, str):
        module_name, _, attribute = factory.partition(":")
        try:
            factory = getattr(importlib.import_module(module_name), attribute)
        except (ImportError, AttributeError) as exc:
            raise PipelineError(f"stage '{spec.name}' ({spec.factory}) cannot be loaded: {exc}") from exc
    return factory(settings)


def run_order(settings: Settings) -> dict[str, tuple[str, ...]]:
    """The stages of a run by phase, in the order they run: prepare, arrival (the near-duplicate stage, when
    ``near_duplicates`` is on), extract, corpus."""
    return {"prepare": settings.prepare, "arrival": ("near_duplicates",) if settings.near_duplicates else (),
            "extract": settings.extract, "corpus": settings.corpus}


def check_run(settings: Settings) -> None:
    """Every stage of a run with these settings has what it requires from the input or a stage before it (a
    :class:`PipelineError` naming the stage and its missing provider otherwise)."""
    check_order(name for phase in run_order(settings).values() for name in phase)


def phase_pipeline(settings: Settings, phase: str) -> Pipeline:
    """The per-article stages of ``phase`` (prepare or extract), checked against the phases before it."""
    order = run_order(settings)
    phases = list(order)
    before = tuple(name for earlier in phases[:phases.index(phase)] for name in order[earlier])
    return Pipeline(order[phase], settings, after=before)


class _StoreState(StageState):
    """A stage's rows of the store's state table, under ``NAME.``."""

    def __init__(self, store, stage: str):
        self.store, self.prefix = store, stage + "."

    def get(self, key: str) -> Any:
        return self.store.get_state(self.prefix + key)

    def set(self, values: Mapping[str, Any]) -> None:
        if values:
            self.store.set_states({self.prefix + key: value for key, value in values.items()})


class Pipeline:
    """The per-article stages of one phase, built once per process and applied in order.

    ``after``: the stages that run before these (an earlier phase), whose ``provides`` count as given when the
    pipeline checks that every stage has what it requires."""

    def __init__(self, names: Iterable[str], settings: Settings, after: Iterable[str] = ()):
        names = tuple(names)
        self.settings = settings
        self.specs = [spec_of(name) for name in names]
        check_order(names, given=INPUT_FIELDS.union(*(spec_of(n).provides for n in after)))
        self.stages: list[Stage] = [_build(spec, settings) for spec in self.specs]
        # per stage, the languages it is run on (None: every one)
        self.languages = [spec.serves(settings.supported_languages) for spec in self.specs]
        self.learners: list[LearnsFromCorpus] = [s for s in self.stages if isinstance(s, LearnsFromCorpus)]

    def __call__(self, article: Article) -> Article:
        for stage, languages in zip(self.stages, self.languages):
            if languages is not None and article.lang and article.lang not in languages:
                article.metadata.setdefault(SKIPPED, {})[stage.name] = (
                    f"the article's language is '{article.lang}'; the stage serves {', '.join(languages)}")
                continue
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

    # -- stages that learn across the corpus (LearnsFromCorpus) ---------------------------------------

    def observe(self, articles: list[Article]) -> None:
        """Let stages that learn from the stream see a chunk before it is processed."""
        for stage in self.learners:
            stage.observe(articles)

    def learned_for(self, articles: list[Article]) -> dict[str, object]:
        """What stages that learn from the stream need of it to process these (observed) articles, by stage
        name: picklable, for pipelines in other processes to :meth:`adopt`."""
        return {stage.name: stage.learned_for(articles) for stage in self.learners}

    def adopt(self, learned: dict[str, object]) -> None:
        for stage in self.learners:
            if stage.name in learned:
                stage.adopt(learned[stage.name])

    def load_learned(self, store) -> None:
        """Give stages that learn from the stream what earlier runs into ``store`` learned."""
        for stage in self.learners:
            stage.load_learned(_StoreState(store, stage.name))

    def save_learned(self, store) -> None:
        """Keep in ``store`` what stages that learn from the stream learned since the last save."""
        for stage in self.learners:
            stage.save_learned(_StoreState(store, stage.name))

    def stage(self, name: str) -> Stage | None:
        return next((s for s in self.stages if s.name == name), None)

