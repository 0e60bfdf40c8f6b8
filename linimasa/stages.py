"""The declared stages: for every step of a run, what it is called, where it runs, what it needs, what it gives,
the languages it serves and the options it takes.

A declaration is all the pipeline knows of a stage before building it: the pipeline checks, when it is built,
that every stage's ``requires`` is provided by the run's input or by a stage that runs before it
(:func:`check_order`), and skips a stage for an article in a language it does not serve, saying why in the
article's ``metadata["skipped_stages"]`` (:mod:`linimasa.pipeline`). docs/pipeline.md explains the kinds of
stage and how to add one, or a language.

What a stage requires and provides are names of :class:`~linimasa.model.Article` fields (``sentences``,
``events``) or, prefixed ``store.``, of what the store holds (``store.events``). The options a stage takes are a
dataclass whose fields a configuration file's ``[stages.NAME]`` table sets (:mod:`linimasa.config_file`
validates them against its field types); a field whose default is None leaves the stage's own default.

This module imports nothing heavy: the configuration file is checked against it before any model loads.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Kinds of stage, by where and when they run (docs/pipeline.md):
PREPARE = "prepare"  # per article, learning from the stream as a whole in the driver, in input order
ARRIVAL = "arrival"  # across articles, in the driver, in input order, as each chunk arrives
EXTRACT = "extract"  # per article, no shared state: mapped over worker processes or Dask partitions
CORPUS = "corpus"  # over the store, once per run, for what the run changed

# What every article read from an input has (the reader's fields; ``lang`` only when the input gave it).
INPUT_FIELDS: frozenset[str] = frozenset({"text", "title", "url", "outlet", "published", "lang", "metadata"})

# A stage declaring these languages serves those of ``Settings.supported_languages``: the languages the
# extractors are run on (Indonesian; a user may add a close one, e.g. "ms").
SUPPORTED_LANGUAGES = "supported"


class PipelineError(Exception):
    """A stage is misconfigured, missing, or lacks what it requires."""


@dataclass(frozen=True)
class CleanOptions:
    """``[stages.clean]``: when a line that recurs in an outlet's articles is its template (docs/cleaning.md).
    None keeps cleaning's default (5 articles, a share of 0.02, 20 articles of the outlet)."""

    min_articles: int | None = None
    min_share: float | None = None
    min_outlet_articles: int | None = None


@dataclass(frozen=True)
class KbOptions:
    """``[stages.kb]``: folders of knowledge-base files that extend and correct the shipped ones."""

    paths: tuple[Path, ...] = ()


@dataclass(frozen=True)
class EventsOptions:
    """``[stages.events]``: the lexicons (a folder replacing the shipped ones), the learned decision on the
    rules' events (true the shipped model, a path another, false the rules alone), whether an event needs a
    party the knowledge base knows (None: the lexicon's rule, or the model's) and the learned party ranker
    that completes a side the rules' clause left empty (true the shipped model, a path another, false the
    rules' parties alone)."""

    lexicon: Path | None = None
    decision: bool | Path = True
    require_known_party: bool | None = None
    party_ranker: bool | Path = True


@dataclass(frozen=True)
class LinkOptions:
    """``[stages.link]``: the learned link decision (true, the default, the shipped model; a path another;
    false the rule alone; docs/events.md). A store linked by another decision is relinked whole once."""

    decision: bool | Path = True


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: str | Callable[..., Any]  # "module:attribute" (imported when built), called with the Settings
    kind: str  # PREPARE, ARRIVAL, EXTRACT or CORPUS
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    languages: tuple[str, ...] | str | None = None  # None: every language; SUPPORTED_LANGUAGES: the configured
    options: type | None = None  # the dataclass of its [stages.NAME] options; None: it takes none
    about: str = field(default="", compare=False)

    def serves(self, supported: Sequence[str]) -> tuple[str, ...] | None:
        """The languages this stage is run on (None: every one), given ``Settings.supported_languages``."""
        if self.languages == SUPPORTED_LANGUAGES:
            return tuple(supported)
        return self.languages  # type: ignore[return-value]


STAGES: dict[str, StageSpec] = {spec.name: spec for spec in (
    StageSpec("clean", "linimasa.clean:CleanStage", PREPARE, requires=("text",),
              provides=("clean_text", "dateline", "credits", "removed", "store.templates"), options=CleanOptions,
              about="boilerplate, outlet templates (learned across the corpus), credits, datelines, stamps"),
    StageSpec("langid", "linimasa.clean.langid:LanguageStage", EXTRACT, requires=("text",), provides=("lang",),
              about="the article's language, when the input gave none"),
    StageSpec("near_duplicates", "linimasa.engine.near_duplicates:NearDuplicateStage", ARRIVAL, requires=("text",),
              provides=("near_duplicate_of", "store.signatures"),
              about="near-duplicate reports grouped, same-outlet re-ingests made duplicates (MinHash LSH)"),
    StageSpec("sentences", "linimasa.nlp.sentences:SentenceStage", EXTRACT, requires=("text",),
              provides=("sentences",), languages=SUPPORTED_LANGUAGES, about="sentences and tokens"),
    StageSpec("ner", "linimasa.nlp.ner:NerStage", EXTRACT, requires=("sentences",), provides=("mentions",),
              languages=SUPPORTED_LANGUAGES, about="named entities (PER, ORG, LOC)"),
    StageSpec("kb", "linimasa.kb.linker:EntityLinkStage", EXTRACT, requires=("text",), provides=("mentions",),
              languages=SUPPORTED_LANGUAGES, options=KbOptions,
              about="names the knowledge base knows, and mentions resolved to its entries"),
    StageSpec("times", "linimasa.nlp.timex:TimeStage", EXTRACT, requires=("text",), provides=("anchor", "times"),
              languages=SUPPORTED_LANGUAGES, about="the reference date and time expressions"),
    StageSpec("events", "linimasa.events:EventStage", EXTRACT, requires=("sentences", "mentions"),
              provides=("events",), languages=SUPPORTED_LANGUAGES, options=EventsOptions,
              about="the article's event mentions"),
    StageSpec("link", "linimasa.engine.corpus:LinkStage", CORPUS, requires=("events",), provides=("store.events",),
              options=LinkOptions, about="event mentions linked across articles and outlets into events"),
    StageSpec("stories", "linimasa.engine.corpus:StoryStage", CORPUS, requires=("store.events",),
              provides=("store.stories",), about="events threaded into stories"),
)}


def spec_of(name: str, registry: Mapping[str, StageSpec] | None = None) -> StageSpec:
    registry = STAGES if registry is None else registry
    try:
        return registry[name]
    except KeyError:
        raise PipelineError(f"unknown stage '{name}'; the stages are: {', '.join(registry)}") from None


def providers_of(what: str, registry: Mapping[str, StageSpec] | None = None) -> list[str]:
    return [spec.name for spec in (STAGES if registry is None else registry).values() if what in spec.provides]


def check_order(names: Iterable[str], given: Iterable[str] = INPUT_FIELDS) -> None:
    """Every stage of ``names``, in the order they run, has what it requires from ``given`` (the input's
    fields) or a stage before it; else a :class:`PipelineError` naming the stage, what it lacks and the
    stages that would provide it."""
    provided = set(given)
    for name in names:
        spec = spec_of(name)
        for needed in spec.requires:
            if needed not in provided:
                providers = [p for p in providers_of(needed) if p != name]
                offer = (f"the stage{'s' if len(providers) > 1 else ''} {' or '.join(repr(p) for p in providers)} "
                         f"provide{'' if len(providers) > 1 else 's'} it" if providers else "no stage provides it")
                raise PipelineError(
                    f"stage '{name}' requires '{needed}', which no stage before it provides ({offer}): run "
                    f"{'it' if providers else 'one'} before '{name}', or leave '{name}' out "
                    "(docs/pipeline.md; the stage lists of linimasa.toml are prepare, extract and corpus)")
        provided.update(spec.provides)


class StageState(ABC):
    """The store's state rows of one stage: keys are the stage's own (the store keeps them as ``NAME.key``)."""

    @abstractmethod
    def get(self, key: str) -> Any: ...

    @abstractmethod
    def set(self, values: Mapping[str, Any]) -> None: ...


class LearnsFromCorpus(ABC):
    """A per-article stage that learns from the stream as a whole (cleaning's per-outlet templates).

    The driver shows it every chunk in input order before the chunk is processed (:meth:`observe`); the
    chunk's articles may then be processed by a copy of the stage in another process, which :meth:`adopt`\\ s
    what :meth:`learned_for` the chunk gives (picklable), and processes them exactly as this one would.
    What it learned is kept in the store between runs (:meth:`load_learned`, :meth:`save_learned`)."""

    name: str

    @abstractmethod
    def observe(self, articles: list) -> None: ...

    @abstractmethod
    def learned_for(self, articles: list) -> Any: ...

    @abstractmethod
    def adopt(self, learned: Any) -> None: ...

    @abstractmethod
    def load_learned(self, state: StageState) -> None:
        """Start from what earlier runs learned."""

    @abstractmethod
    def save_learned(self, state: StageState) -> None:
        """Keep what this run learned (called with each commit: a killed run resumes where it was)."""


class JudgesOnArrival(ABC):
    """A stage across articles that judges each chunk as it arrives: in the driver, in input order, after the
    prepare stages and before extraction, against the store and what the run judged before (the near-duplicate
    stage). What it decides changes what is extracted and stored, so it cannot wait for the corpus stages."""

    name: str

    @abstractmethod
    def open(self, store) -> None:
        """Judge against ``store`` (what earlier runs kept) from now on."""

    @abstractmethod
    def digest(self, article) -> Any:
        """The per-article part of the work, done where the prepare stages run (worker processes): picklable."""

    @abstractmethod
    def judge(self, articles: list, digests: Mapping[int, Any], revised: set[str]) -> dict[int, Any]:
        """Judge ``articles`` in order (``digests`` by ``id()`` of the article, where computed already;
        ``revised``: ids of articles that are new versions of stored ones). A duplicate gets status
        "duplicate" and its reason; for each article kept, by ``id()``, what the store keeps with it."""
