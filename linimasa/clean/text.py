"""Lines of raw article text with their offsets, and the normal forms lines are compared by."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\s\W_]+|[\s\W_]+$")
_DIGITS = re.compile(r"\d+")
_HAS_WORD = re.compile(r"[^\W_]")


@dataclass(slots=True)
class Line:
    """One non-empty line of ``Article.text``: ``text[start:end] == line.text`` (edges stripped)."""

    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text``, stripped of edge whitespace, with their offsets in ``text``."""
    lines = []
    position = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = position + raw.index(stripped[0])
            lines.append(Line(start, start + len(stripped), stripped))
        position += len(raw)
    return lines


def normalise_line(text: str) -> str:
    """A line as widget lists compare it: NFKC, case-folded, spaces folded, edge punctuation dropped."""
    folded = _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).casefold()
    return _EDGE_PUNCT.sub("", folded)


def line_shape(text: str) -> str:
    """A line as template learning counts it: its normal form with every number reduced to ``0``.

    Template lines often differ only in numbers (dates, counters, photo ids); content lines rarely
    collide this way.
    """
    return _DIGITS.sub("0", normalise_line(text))


def has_words(text: str) -> bool:
    """Whether a line has any letter or digit (separators such as "* * *" or "–" have none)."""
    return _HAS_WORD.search(text) is not None
