"""Cleaning stage: boilerplate, outlet templates, repeated paragraphs, credits, datelines, stamps.

``CleanStage`` learns per-outlet templates from the input stream in order: the runner calls
``observe(chunk)`` before cleaning each chunk, so the statistics learn from the chunk itself and from
every earlier chunk. The cleaning itself may run elsewhere: ``learned_for(chunk)`` is what cleaning the
chunk needs of the statistics, and a stage in another process that ``adopt``s it cleans exactly as this
one would.
"""

from __future__ import annotations

import re

from linimasa.clean.cleaner import ArticleCleaner, outlet_of
from linimasa.clean.templates import OutletTemplates, TemplateSnapshot
from linimasa.clean.text import split_lines
from linimasa.model import Article

__all__ = ["CleanStage", "ArticleCleaner", "OutletTemplates", "outlet_of", "clean_article"]


_WORD = re.compile(r"[^\W\d_]{2,}")


def has_words(text: str | None) -> bool:
    """Whether a text holds at least one word of two or more letters (any script)."""
    return bool(text) and _WORD.search(text) is not None


def clean_article(article: Article) -> Article:
    """Clean one article with the built-in lists only (no outlet templates learned)."""
    return ArticleCleaner().clean(article)


class CleanStage:
    name = "clean"

    def __init__(self, settings=None):
        options = settings.stage_options(self.name) if settings is not None else {}
        self.templates = OutletTemplates(
            **{k: options[k] for k in ("min_articles", "min_share", "min_outlet_articles") if k in options}
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
