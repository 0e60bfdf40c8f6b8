"""Cleaning stage: boilerplate, outlet templates, repeated paragraphs, credits, datelines, stamps.

``CleanStage`` runs in the main process over the input stream in order; the runner calls
``observe(chunk)`` before cleaning each chunk so per-outlet template statistics learn from the chunk
itself and from every earlier chunk.
"""

from __future__ import annotations

from linimasa.clean.cleaner import ArticleCleaner, outlet_of
from linimasa.clean.templates import OutletTemplates
from linimasa.clean.text import split_lines
from linimasa.model import Article

__all__ = ["CleanStage", "ArticleCleaner", "OutletTemplates", "outlet_of", "clean_article"]


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

    def __call__(self, article: Article) -> Article:
        return self.cleaner.clean(article)

    def template_state(self) -> dict:
        return self.templates.state()

    def load_template_state(self, state: dict) -> None:
        self.templates = OutletTemplates.from_state(state)
        self.cleaner.templates = self.templates
