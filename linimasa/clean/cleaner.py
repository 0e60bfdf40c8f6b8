"""Cleaning one article: what the journalist wrote stays in ``clean_text``, the rest becomes metadata.

``clean_text`` is made only of lines (or the tail of a line after its dateline, or the head of the last
line before its credits) of ``Article.text``, joined by blank lines; nothing is ever added or rewritten.
Every cut is recorded in ``Article.removed`` with its reason and its offsets in ``Article.text``.

Each line goes through the rules of :class:`ArticleCleaner` in order (stamp, related link, widget, no
text, credit, dateline, outlet template, repeated paragraph); the first rule that takes the line decides
what becomes of it, and a line no rule takes is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from linimasa.clean.boilerplate import BoilerplateList, load_boilerplate
from linimasa.clean.credits import Credit, CreditRules, ends_sentence, load_credit_rules
from linimasa.clean.templates import OutletTemplates, TemplateSnapshot
from linimasa.clean.text import Line, has_words, normalise_line, split_lines
from linimasa.model import Article

PARAGRAPH_SEPARATOR = "\n\n"
MIN_REPEATED_CHARS = 20  # shorter repeated lines ("Babak kedua") may be legitimate headings
DATELINE_SEARCH_PARAGRAPHS = 3  # a caption or deck may precede the paragraph that carries the dateline
TITLE_SEARCH_LINES = 5
MAX_LINK_TITLE_WORDS = 20
MAX_HEADLINE_WORDS = 20
SENTENCE_ENDINGS = (".", "?", ":", ",", '"', "”")
MAX_LEAD_TITLE_CHARS = 160
_SENTENCE_BREAK = re.compile(r"[.!?](?=\s+[A-Z\"“])")


@dataclass(slots=True)
class Kept:
    """A stretch of ``Article.text`` that goes into ``clean_text``."""

    start: int
    end: int


@dataclass(slots=True)
class LineInContext:
    line: Line
    normal: str  # normalise_line(line.text)
    following: Line | None  # the next line, for rules that read two lines together
    outlet: str | None


@dataclass
class Cleaning:
    """What cleaning one article has kept, cut and found so far."""

    text: str
    kept: list[Kept] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    credits: dict[str, list[str]] = field(default_factory=dict)
    related_links: list[str] = field(default_factory=list)
    stamps: list[tuple[str, str]] = field(default_factory=list)  # (ISO date, stamp text)
    seen_paragraphs: set[str] = field(default_factory=set)
    dateline: dict | None = None

    def cut(self, start: int, end: int, reason: str) -> None:
        self.removed.append({"text": self.text[start:end], "reason": reason, "start": start, "end": end})

    def cut_line(self, line: Line, reason: str) -> None:
        self.cut(line.start, line.end, reason)

    def credit(self, found: list[Credit]) -> None:
        for credit in found:
            values = self.credits.setdefault(credit.field, [])
            if credit.value not in values:
                values.append(credit.value)

    def keep(self, start: int, end: int, normal: str) -> None:
        self.kept.append(Kept(start, end))
        self.seen_paragraphs.add(normal)

    def clean_text(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.text[k.start:k.end] for k in self.kept)


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
        templates: OutletTemplates | TemplateSnapshot | None = None,
        widgets: BoilerplateList | None = None,
        rules: CreditRules | None = None,
    ):
        self.templates = templates
        self.widgets = widgets or load_boilerplate()
        self.rules = rules or load_credit_rules()
        # Each rule takes (line in context, cleaning) and returns how many lines it consumed: 0 when the
        # line is not its business, 2 when it also consumed the following line.
        self.line_rules = (
            self._stamp,
            self._related_link,
            self._widget,
            self._no_text,
            self._credit,
            self._dateline,
            self._outlet_template,
            self._repeated_paragraph,
        )

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
        lines = split_lines(article.text)
        outlet = self.template_outlet(article)
        cleaning = Cleaning(article.text)
        title, title_line = self._title(article, lines)

        index = 0
        while index < len(lines):
            line = lines[index]
            if index == title_line:
                cleaning.cut_line(line, "title")
                index += 1
                continue
            following = lines[index + 1] if index + 1 < len(lines) else None
            context = LineInContext(line, normalise_line(line.text), following, outlet)
            consumed = next((n for rule in self.line_rules if (n := rule(context, cleaning))), 0)
            if not consumed:
                end = self._cut_closing_related_link(line.start, line.end, cleaning)
                cleaning.keep(line.start, end, context.normal)
            index += max(consumed, 1)

        self._cut_trailing_credits(cleaning)
        clean_text = cleaning.clean_text()
        attribution_dates = []
        for wire, date in self.rules.attributions(clean_text):
            cleaning.credit([Credit("wire", wire)])
            if date:
                attribution_dates.append((date, f"attribution to {wire}"))

        article.clean_text = clean_text
        if title is None and clean_text:
            # no headline anywhere: the lead's first sentence names the article (and stays in the text)
            title = _first_sentence(clean_text.split(PARAGRAPH_SEPARATOR, 1)[0])
            article.metadata["title_source"] = "lead"
        article.title = title
        article.dateline = cleaning.dateline
        article.credits = {name: cleaning.credits.get(name, []) for name in ("editors", "wire", "authors")}
        article.related_links = cleaning.related_links
        article.removed = cleaning.removed
        _set_published(article, cleaning.stamps + attribution_dates)
        return article

    # -- title --------------------------------------------------------------------------------------

    def _title(self, article: Article, lines: tuple[Line, ...]) -> tuple[str | None, int | None]:
        """The article's title and the index of its line in the text (None when not in the text).

        A given title that is itself boilerplate ("Baca berita tanpa iklan...") gives way to the
        headline found in the text.
        """
        title = article.title
        if title and (self.widgets.is_widget(title) or self.widgets.related_link(title) is not None):
            article.metadata["title_was_boilerplate"] = title
            title = None
        if title:
            wanted = normalise_line(title)
            line = next((i for i, l in enumerate(lines[:TITLE_SEARCH_LINES]) if normalise_line(l.text) == wanted), None)
            return title, line
        line = self._headline_line(lines)
        return (lines[line].text if line is not None else None), line

    def _headline_line(self, lines: tuple[Line, ...]) -> int | None:
        """The first content line, when it reads as a headline rather than a lead paragraph."""
        for i, line in enumerate(lines):
            if (
                self.widgets.is_widget(line.text)
                or self.widgets.related_link(line.text) is not None
                or self.rules.stamp_line(line.text)
                or not has_words(line.text)
            ):
                continue
            if self.rules.credit_line(line.text) or self.rules.dateline_of(line.text):
                return None  # the text opens with its byline or dateline: no headline in it
            return i if _is_headline(line) else None
        return None

    # -- line rules ---------------------------------------------------------------------------------

    def _stamp(self, context: LineInContext, cleaning: Cleaning) -> int:
        stamp = self.rules.stamp_line(context.line.text)
        if not stamp:
            return 0
        cleaning.cut_line(context.line, "publication stamp")
        if stamp.published:
            cleaning.stamps.append((stamp.published, stamp.text))
        return 1

    def _related_link(self, context: LineInContext, cleaning: Cleaning) -> int:
        line, following = context.line, context.following
        link = self.widgets.related_link(line.text)
        if link is None:
            return 0
        cleaning.cut_line(line, "related link")
        if link:
            cleaning.related_links.append(link)
            return 1
        if line.text.endswith(":") and following is not None and _is_link_title(following):
            # a bare "Baca juga:" label: the linked headline is on the next line
            cleaning.cut_line(following, "related link")
            cleaning.related_links.append(following.text)
            return 2
        return 1

    def _widget(self, context: LineInContext, cleaning: Cleaning) -> int:
        if not self.widgets.is_widget(context.line.text, context.normal):
            return 0
        cleaning.cut_line(context.line, "boilerplate")
        return 1

    def _no_text(self, context: LineInContext, cleaning: Cleaning) -> int:
        if context.normal:  # the normal form is empty exactly when the line has no letter or digit
            return 0
        cleaning.cut_line(context.line, "no text")
        return 1

    def _credit(self, context: LineInContext, cleaning: Cleaning) -> int:
        line, following = context.line, context.following
        found = self.rules.credit_line(line.text)
        if found:
            cleaning.cut_line(line, "credit")
            cleaning.credit(found)
            return 1
        after_name = self.rules.label_after_name(line.text, following.text) if following else None
        if after_name:
            cleaning.cut_line(line, "credit")
            cleaning.cut_line(following, "credit")
            cleaning.credit([after_name])
            return 2
        return 0

    def _dateline(self, context: LineInContext, cleaning: Cleaning) -> int:
        if cleaning.dateline is not None or len(cleaning.kept) >= DATELINE_SEARCH_PARAGRAPHS:
            return 0
        line = context.line
        found = self.rules.dateline_of(line.text, context.outlet, lone_outlet=not cleaning.kept)
        if not found:
            return 0
        cut_end = line.start + found.length
        cleaning.dateline = {
            "place": found.place,
            "outlet": found.outlet,
            "text": found.text,
            "start": line.start,
            "end": line.start + len(found.text),
        }
        cleaning.cut(line.start, cut_end, "dateline")
        if cut_end < line.end:
            cleaning.keep(cut_end, line.end, context.normal)
        return 1

    def _outlet_template(self, context: LineInContext, cleaning: Cleaning) -> int:
        if self.templates is None or not self.templates.is_template(context.outlet, context.line.text, context.normal):
            return 0
        cleaning.cut_line(context.line, "outlet template")
        return 1

    def _repeated_paragraph(self, context: LineInContext, cleaning: Cleaning) -> int:
        if len(context.normal) < MIN_REPEATED_CHARS or context.normal not in cleaning.seen_paragraphs:
            return 0
        cleaning.cut_line(context.line, "repeated paragraph")
        return 1

    def _cut_closing_related_link(self, start: int, end: int, cleaning: Cleaning) -> int:
        """Where the kept stretch ``start:end`` ends: before a closing "(Baca: ...)" link, if any."""
        link = self.widgets.closing_related_link(cleaning.text[start:end])
        if link is None or link.start() == 0:
            return end
        cleaning.cut(start + link.start(), end, "related link")
        cleaning.related_links.append(link["title"].strip())
        return start + link.start()

    # -- closing credits ----------------------------------------------------------------------------

    def _cut_trailing_credits(self, cleaning: Cleaning) -> None:
        """Editor codes, a closing wire name or reporter end the last paragraph: credits, not text."""
        text = cleaning.text
        while cleaning.kept:
            last = cleaning.kept[-1]
            keep, found = self.rules.trailing_credits(text[last.start:last.end])
            if not found:
                return
            cleaning.credit(found)
            cleaning.cut(last.start + keep, last.end, "credit")
            new_end = last.start + len(text[last.start:last.start + keep].rstrip())
            if new_end > last.start:
                # a link the credits hid: "... TNI. (Baca: Judul) (agk/agk)"
                last.end = self._cut_closing_related_link(last.start, new_end, cleaning)
                return
            cleaning.kept.pop()


def _set_published(article: Article, stamps: list[tuple[str, str]]) -> None:
    """The first in-text date becomes ``published`` only when the input gave none."""
    if article.published or not stamps:
        return
    article.published, stamp_text = stamps[0]
    article.metadata["published_source"] = "text"
    article.metadata["published_stamp"] = stamp_text


def _first_sentence(paragraph: str) -> str:
    """The paragraph up to its first full stop before a capital, at most MAX_LEAD_TITLE_CHARS long."""
    match = _SENTENCE_BREAK.search(paragraph)
    sentence = paragraph[: match.start() + 1] if match else paragraph
    if len(sentence) <= MAX_LEAD_TITLE_CHARS:
        return sentence
    return sentence[:MAX_LEAD_TITLE_CHARS].rsplit(" ", 1)[0]


def _is_headline(line: Line) -> bool:
    """Whether a first line reads as a headline rather than a lead paragraph (input without a title)."""
    return 2 <= len(line.text.split()) <= MAX_HEADLINE_WORDS and not line.text.rstrip().endswith(SENTENCE_ENDINGS)


def _is_link_title(line: Line) -> bool:
    """A headline-like line under a bare "Baca juga:" label: short and not closed like a sentence."""
    return len(line.text.split()) <= MAX_LINK_TITLE_WORDS and not ends_sentence(line.text)
