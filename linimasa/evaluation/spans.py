"""Finding an annotator's verbatim quote in an article, whitespace-insensitively.

Annotators copy quotes from a rendering of the article; IndoSum's text is re-joined from tokens
("Senin ( 27 / 3 )"), so a copied quote may differ from the file in runs of whitespace only. A quote is
found when its non-space characters appear in order with only whitespace between them in the original;
the span returned covers the original characters.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
# Typographic quote and dash forms an annotator may type for the ASCII ones in the text, and back.
_FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-",
                       "\u00a0": " "})


def _squeezed(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, case-folded, and each kept character's offset in the original."""
    chars, offsets = [], []
    for index, char in enumerate(text):
        if char.isspace():
            continue
        folded = unicodedata.normalize("NFKC", char.translate(_FOLD)).lower()
        for piece in folded:
            chars.append(piece)
            offsets.append(index)
    return "".join(chars), offsets


class Locator:
    """Finds quotes in one text; built once per field, queried for every quote of the article."""

    def __init__(self, text: str):
        self.text = text
        self._squeezed, self._offsets = _squeezed(text)

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        needle, _ = _squeezed(quote)
        if not needle:
            return []
        spans, at = [], self._squeezed.find(needle)
        while at >= 0:
            start = self._offsets[at]
            end = self._offsets[at + len(needle) - 1] + 1
            spans.append((start, end))
            at = self._squeezed.find(needle, at + 1)
        return spans

    def find(self, quote: str, near: int | None = None) -> tuple[int, int] | None:
        """The occurrence of ``quote`` closest to offset ``near`` (the first when ``near`` is None)."""
        spans = self.find_all(quote)
        if not spans:
            return None
        if near is None:
            return spans[0]
        return min(spans, key=lambda span: (abs(span[0] - near), span[0]))


def squash(text: str) -> str:
    """Whitespace folded to single spaces: how a span's text is compared and shown."""
    return _SPACE.sub(" ", text).strip()
