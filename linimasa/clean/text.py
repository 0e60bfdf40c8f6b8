"""Lines of raw article text with their offsets, and the normal forms lines are compared by."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_FIRST_TO_LAST_WORD_CHAR = re.compile(r"[^\W_](?:.*[^\W_])?", re.DOTALL)
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")
_HAS_WORD = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of ``Article.text``: ``text[start:end] == line.text`` (edges stripped)."""

    start: int
    end: int
    text: str


@functools.lru_cache(maxsize=1024)  # observe() then clean() split the same texts of a chunk
def split_lines(text: str) -> tuple[Line, ...]:
    """The non-empty lines of ``text``, stripped of edge whitespace, with their offsets in ``text``."""
    lines = []
    position = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = position + raw.index(stripped[0])
            lines.append(Line(start, start + len(stripped), stripped))
        position += len(raw)
    return tuple(lines)


@functools.lru_cache(maxsize=16_384)  # observe() and clean() normalise the same lines of a chunk
def normalise_line(text: str) -> str:
    """A line as widget lists compare it: NFKC, case-folded, spaces folded, edge punctuation dropped."""
    folded = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
    inner = _FIRST_TO_LAST_WORD_CHAR.search(folded)
    return inner.group() if inner else ""


def line_shape(text: str, normal: str | None = None, limit: int = 300) -> bytes:
    """A line as template learning counts it: its first ``limit`` normal-form characters, as UTF-8, with
    every digit turned into ``0``.

    Template lines often differ only in numbers (dates, counters, photo ids); content lines rarely
    collide this way. ``normal`` is the line's :func:`normalise_line` form when the caller has it.
    Bytes, because ``bytes.translate`` is fast and UTF-8 never uses ASCII digit bytes inside a character.
    """
    normal = normalise_line(text) if normal is None else normal
    return normal[:limit].encode("utf-8").translate(_DIGITS_TO_ZERO)


def has_words(text: str) -> bool:
    """Whether a line has any letter or digit (separators such as "* * *" or "–" have none)."""
    return _HAS_WORD.search(text) is not None
