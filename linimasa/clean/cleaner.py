"""Cleaning one article: what the journalist wrote stays in ``clean_text``, the rest becomes metadata.

``clean_text`` is made only of lines (or the tail of a line after its dateline, or the head of the last
line before its credits) of ``Article.text``, joined by blank lines; nothing is ever added or rewritten.
Every cut is recorded in ``Article.removed`` with its reason and its offsets in ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from linimasa.clean.boilerplate import BoilerplateList, load_boilerplate
from linimasa.clean.credits import Credit, CreditRules, ends_sentence, load_credit_rules
from linimasa.clean.templates import OutletTemplates
from linimasa.clean.text import Line, has_words, normalise_line, split_lines
from linimasa.model import Article

PARAGRAPH_SEPARATOR = "\n\n"
MIN_REPEATED_CHARS = 20  # shorter repeated lines ("Babak kedua") may be legitimate headings
DATELINE_SEARCH_PARAGRAPHS = 3  # a caption or deck may precede the paragraph that carries the dateline
TITLE_SEARCH_LINES = 5
MAX_LINK_TITLE_WORDS = 20
MAX_HEADLINE_WORDS = 20


@dataclass(slots=True)
class Kept:
    start: int
    end: int


def outlet_of(article: Article) -> str | None:
    """The outlet an article's template statistics belong to: its outlet, else its URL's host."""
    if article.outlet:
        return article.outlet.strip().casefold()
    if article.url:
        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


class ArticleCleaner:
    def __init__(
        self,
        templates: OutletTemplates | None = None,
        widgets: BoilerplateList | None = None,
        rules: CreditRules | None = None,
    ):
        self.templates = templates
        self.widgets = widgets or load_boilerplate()
        self.rules = rules or load_credit_rules()

    def template_outlet(self, article: Article) -> str | None:
        """:func:`outlet_of`, falling back on the outlet named in the article's dateline."""
        outlet = outlet_of(article)
        if outlet:
            return outlet
        for line in split_lines(article.text)[: DATELINE_SEARCH_PARAGRAPHS + TITLE_SEARCH_LINES]:
            dateline = self.rules.dateline_of(line.text)
            if dateline and dateline.outlet:
                return dateline.outlet.casefold()
        return None

    def clean(self, article: Article) -> Article:
        text = article.text
        lines = split_lines(text)
        outlet = self.template_outlet(article)
        removed: list[dict] = []
        kept: list[Kept] = []
        credits: dict[str, list[str]] = {}
        related: list[str] = []
        stamps: list[tuple[str, str]] = []
        seen_paragraphs: set[str] = set()

        def cut(line: Line | Kept, reason: str, start: int | None = None, end: int | None = None) -> None:
            start = line.start if start is None else start
            end = line.end if end is None else end
            removed.append({"text": text[start:end], "reason": reason, "start": start, "end": end})

        def credit(found: list[Credit]) -> None:
            for c in found:
                values = credits.setdefault(c.field, [])
                if c.value not in values:
                    values.append(c.value)

        title = article.title
        if title and (self.widgets.is_widget(title) or self.widgets.related_link(title) is not None):
            article.metadata["title_was_boilerplate"] = title
            title = None
        title_line = self._title_line(lines, title)
        if title is None and title_line is not None:
            title = lines[title_line].text

        dateline = None
        skip = set()
        for i, line in enumerate(lines):
            if i in skip:
                continue
            if i == title_line:
                cut(line, "title")
                continue
            stamp = self.rules.stamp_line(line.text)
            if stamp:
                cut(line, "publication stamp")
                if stamp.published:
                    stamps.append((stamp.published, stamp.text))
                continue
            link = self.widgets.related_link(line.text)
            if link is not None:
                cut(line, "related link")
                if link:
                    related.append(link)
                elif line.text.rstrip().endswith(":") and i + 1 < len(lines) and _is_link_title(lines[i + 1]):
                    cut(lines[i + 1], "related link")
                    related.append(lines[i + 1].text)
                    skip.add(i + 1)
                continue
            normal = normalise_line(line.text)
            if self.widgets.is_widget(line.text, normal):
                cut(line, "boilerplate")
                continue
            if not has_words(line.text):
                cut(line, "no text")
                continue
            found = self.rules.credit_line(line.text)
            if found:
                cut(line, "credit")
                credit(found)
                continue
            if i + 1 < len(lines):
                after_name = self.rules.label_after_name(line.text, lines[i + 1].text)
                if after_name:
                    cut(line, "credit")
                    cut(lines[i + 1], "credit")
                    credit([after_name])
                    skip.add(i + 1)
                    continue
            if dateline is None and len(kept) < DATELINE_SEARCH_PARAGRAPHS:
                found_dateline = self.rules.dateline_of(line.text, outlet, lone_outlet=not kept)
                if found_dateline:
                    cut_end = line.start + found_dateline.length
                    dateline = {
                        "place": found_dateline.place,
                        "outlet": found_dateline.outlet,
                        "text": found_dateline.text,
                        "start": line.start,
                        "end": line.start + len(found_dateline.text),
                    }
                    cut(line, "dateline", line.start, cut_end)
                    if cut_end < line.end:
                        kept.append(Kept(cut_end, line.end))
                        seen_paragraphs.add(normal)
                    continue
            if self.templates is not None and self.templates.is_template(outlet, line.text, normal):
                cut(line, "outlet template")
                continue
            if normal in seen_paragraphs and len(normal) >= MIN_REPEATED_CHARS:
                cut(line, "repeated paragraph")
                continue
            seen_paragraphs.add(normal)
            kept.append(Kept(line.start, line.end))

        self._cut_trailing_credits(text, kept, cut, credit)
        clean_text = PARAGRAPH_SEPARATOR.join(text[k.start:k.end] for k in kept)

        attribution_dates = []
        for wire, date in self.rules.attributions(clean_text):
            credit([Credit("wire", wire)])
            if date:
                attribution_dates.append((date, wire))

        article.clean_text = clean_text
        article.title = title
        article.dateline = dateline
        article.credits = {field: credits.get(field, []) for field in ("editors", "wire", "authors")}
        article.related_links = related
        article.removed = removed
        self._set_published(article, stamps, attribution_dates)
        return article

    def _title_line(self, lines: list[Line], title: str | None) -> int | None:
        """The index of the line that is the title: the given title's line, else the first content line."""
        if title:
            wanted = normalise_line(title)
            for i, line in enumerate(lines[:TITLE_SEARCH_LINES]):
                if normalise_line(line.text) == wanted:
                    return i
            return None
        for i, line in enumerate(lines):
            if not (
                self.widgets.is_widget(line.text)
                or self.widgets.related_link(line.text) is not None
                or self.rules.stamp_line(line.text)
                or not has_words(line.text)
            ):
                if self.rules.credit_line(line.text) or self.rules.dateline_of(line.text):
                    return None  # the text opens with its byline or dateline: no headline in it
                return i if _is_headline(line) else None
        return None

    def _cut_trailing_credits(self, text, kept, cut, credit) -> None:
        """Editor codes and a closing wire name end the last paragraph: they are credits, not text."""
        while kept:
            last = kept[-1]
            keep, found = self.rules.trailing_credits(text[last.start:last.end])
            if not found:
                return
            credit(found)
            cut(last, "credit", last.start + keep, last.end)
            new_end = last.start + len(text[last.start:last.start + keep].rstrip())
            if new_end > last.start:
                last.end = new_end
                return
            kept.pop()

    def _set_published(self, article: Article, stamps, attribution_dates) -> None:
        if article.published:
            return
        if stamps:
            article.published, stamp_text = stamps[0]
        elif attribution_dates:
            article.published, wire = attribution_dates[0]
            stamp_text = f"attribution to {wire}"
        else:
            return
        article.metadata["published_source"] = "text"
        article.metadata["published_stamp"] = stamp_text


def _is_headline(line: Line) -> bool:
    """Whether a first line reads as a headline rather than a lead paragraph (input without a title)."""
    return 2 <= len(line.text.split()) <= MAX_HEADLINE_WORDS and not line.text.rstrip().endswith((".", "?", ":", ",", "\"", "”"))


def _is_link_title(line: Line) -> bool:
    """A headline-like line under a bare "Baca juga:" label: short and not closed like a sentence."""
    return len(line.text.split()) <= MAX_LINK_TITLE_WORDS and not ends_sentence(line.text)
