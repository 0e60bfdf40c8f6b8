"""Cleaning stage: boilerplate, outlet templates, repeated paragraphs, credits, datelines, stamps.

``CleanStage`` learns per-outlet templates from the input stream in order (it is a
:class:`~linimasa.stages.LearnsFromCorpus`): the runner calls ``observe(chunk)`` before cleaning each chunk,
so the statistics learn from the chunk itself and from every earlier chunk. The cleaning itself may run
elsewhere: ``learned_for(chunk)`` is what cleaning the chunk needs of the statistics, and a stage in another
process that ``adopt``s it cleans exactly as this one would.

What it learned is kept in the store between runs, one state row per outlet (``clean.templates.outlet:X``)
and the thresholds (``clean.templates``). A run reads an outlet's statistics when its stream first meets the
outlet, and writes back only those it counted: reading them all at the start of every run and writing them
all back at its end cost a run in proportion to every outlet the store had ever seen (9.3 MB of JSON on the
100,000-article benchmark corpus store, about a second of a 5-article run).
"""

from __future__ import annotations

import re

from linimasa.clean.cleaner import ArticleCleaner, outlet_of
from linimasa.clean.templates import OutletTemplates, TemplateSnapshot
from linimasa.clean.text import split_lines
from linimasa.model import Article
from linimasa.stages import CleanOptions, LearnsFromCorpus, StageState

TEMPLATES_KEY = "templates"  # the thresholds (stores from before also held every outlet here)
OUTLET_KEY = "templates.outlet:"  # + the outlet: one outlet's statistics

__all__ = ["CleanStage", "ArticleCleaner", "OutletTemplates", "outlet_of", "clean_article"]


_WORD = re.compile(r"[^\W\d_]{2,}")


def has_words(text: str | None) -> bool:
    """Whether a text holds at least one word of two or more letters (any script)."""
    return bool(text) and _WORD.search(text) is not None


def clean_article(article: Article) -> Article:
    """Clean one article with the built-in lists only (no outlet templates learned)."""
    return ArticleCleaner().clean(article)


class CleanStage(LearnsFromCorpus):
    name = "clean"

    def __init__(self, settings=None):
        options = settings.stage_options(self.name) if settings is not None else CleanOptions()
        self.templates = OutletTemplates(
            **{k: v for k, v in vars(options).items() if v is not None}  # None: the templates' own default
        )
        self.cleaner = ArticleCleaner(self.templates)

    def observe(self, chunk: list[Article]) -> None:
        """Learn outlet templates from a chunk of articles about to be cleaned."""
        for article in chunk:
            outlet = self.cleaner.template_outlet(article)
            if outlet:
                self.templates.observe(outlet, (line.text for line in split_lines(article.text)))

    def learned_for(self, chunk: list[Article]) -> TemplateSnapshot:
        """The templates, as judged now, of the outlets of a chunk that has been observed."""
        return self.templates.snapshot({outlet for a in chunk if (outlet := self.cleaner.template_outlet(a))})

    def adopt(self, learned: TemplateSnapshot) -> None:
        """Clean with templates learned elsewhere (by the stage that observed the stream)."""
        self.cleaner.templates = learned

    def __call__(self, article: Article) -> Article:
        article = self.cleaner.clean(article)
        if not has_words(article.working_text):
            # Rejected, so a junk revision never replaces a good stored version (the runner keeps it).
            article.status = "rejected"
            article.reason = ("no words left after cleaning: the text is only punctuation, symbols, marks, "
                              "invisible characters or boilerplate")
        return article

    def template_state(self) -> dict:
        return self.templates.state()

    def load_template_state(self, state: dict, stored=None) -> None:
        """Clean with templates learned before: ``state`` (:meth:`OutletTemplates.state`), and ``stored``,
        which reads an outlet's statistics kept apart (see :class:`OutletTemplates`)."""
        self.templates = OutletTemplates.from_state(state, stored)
        self.cleaner.templates = self.templates

    def load_learned(self, state: StageState) -> None:
        thresholds = state.get(TEMPLATES_KEY) or self.templates.settings()
        if thresholds.get("outlets"):  # kept whole by an earlier linimasa: each outlet goes to a row of its own, once
            state.set({**{OUTLET_KEY + outlet: stats for outlet, stats in thresholds["outlets"].items()},
                       TEMPLATES_KEY: {k: v for k, v in thresholds.items() if k != "outlets"}})
        self.load_template_state({**thresholds, "outlets": {}}, lambda outlet: state.get(OUTLET_KEY + outlet))

    def save_learned(self, state: StageState) -> None:
        """The statistics of the outlets counted since the last save (and the thresholds, the first time)."""
        values = {OUTLET_KEY + outlet: self.templates.outlet_state(outlet) for outlet in sorted(self.templates.counted)}
        if state.get(TEMPLATES_KEY) is None:
            values[TEMPLATES_KEY] = self.templates.settings()
        state.set(values)
        self.templates.counted.clear()
