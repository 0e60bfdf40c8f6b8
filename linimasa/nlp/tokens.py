"""Tokens for Indonesian news text.

One compiled regular expression, tried left to right at each position, so every token keeps exact character
offsets into the text. Its alternatives, in order of priority:

- URLs, e-mail addresses, @handles and #hashtags stay whole;
- abbreviations from ``data/abbreviations.yaml`` keep their full stop ("Dr.", "H.", "Tbk.", "No.");
- dotted acronyms and initials followed by a capitalised word ("S.H.", "B. J. Habibie");
- outlet domains ("KOMPAS.com", "Liputan6.com");
- numbers keep their internal separators: dates "12/5" and "22/1/2022", clock times "09:31", decimals
  "1,24", thousands "1.500.000", ranges "2014-2019", and a hyphenated suffix ("1990-an");
- words keep internal hyphens and apostrophes, as the Indonesian training corpora do ("negara-negara",
  "ke-2", "e-KTP", "Jum'at");
- a currency sign glued to a number ("Rp1.500") is its own token;
- anything else is one token per character, except runs of dots and dashes.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from linimasa import yamldata
from linimasa.model import Token

DATA_DIR = resources.files("linimasa.nlp") / "data"


@functools.cache
def abbreviation_lists() -> dict[str, tuple[str, ...]]:
    """The abbreviation groups of ``abbreviations.yaml`` (titles, degrees, references, sentence_final)."""
    text = DATA_DIR.joinpath("abbreviations.yaml").read_text(encoding="utf-8")
    return {group: tuple(items) for group, items in yamldata.safe_load(text).items()}


@functools.cache
def abbreviations() -> frozenset[str]:
    return frozenset(a for items in abbreviation_lists().values() for a in items)


@functools.cache
def sentence_final_abbreviations() -> frozenset[str]:
    return frozenset(abbreviation_lists().get("sentence_final", ()))


def _abbreviation_alternative() -> str:
    # Longest first, so "S.Kom." wins over "S."; no letter may precede or directly follow the stop's word.
    ordered = sorted(abbreviations(), key=len, reverse=True)
    return r"(?<![^\W_])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![^\W_])"


WORD = r"[^\W_]+(?:['’\-][^\W_]+)*"
_ALTERNATIVES = (
    r"(?:https?://|www\.)[^\s<>\"']+?(?=[.,;:!?)\]'\"”’]*(?:\s|$))",  # URL without trailing punctuation
    r"[\w.+\-]++@[\w\-]+(?:\.[\w\-]+)+",  # e-mail address
    r"[@#][^\W_]\w*",  # social-media handle or hashtag
    None,  # abbreviations from the data file, filled in by _token_pattern
    r"(?<![^\W_])(?:[^\W\d_]{1,3}+\.){2,}",  # dotted acronyms and degrees: "S.H.", "a.n.", "U.S."
    r"(?<![^\W_])[A-Z]\.(?=\s+[A-Z])",  # an initial before a capitalised word: "B. J. Habibie"
    r"[^\W_]++(?:\.[^\W_]++)*\.(?:com|co\.id|go\.id|or\.id|ac\.id|net|org|id|tv|news)(?![^\W_])",  # domain
    r"(?:Rp|US\$|S\$|\$|€|£)(?=\d)",  # currency glued to its amount
    r"\d+(?:[.,:/\-]\d+)*(?:-[^\W\d_]+)?",  # numbers, dates, times, ranges, "1990-an"
    WORD,
    r"\.{2,}|…|-{2,}|[—–]",  # ellipsis and dashes
    r"\S",  # any other single character
)


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    parts = [_abbreviation_alternative() if alt is None else alt for alt in _ALTERNATIVES]
    return re.compile("|".join(f"(?:{p})" for p in parts))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``; each token's span, shifted by ``offset``, points at its characters."""
    matches = _token_pattern().finditer(text)
    if offset:
        return [Token(m.start() + offset, m.end() + offset, m[0]) for m in matches]
    return [Token(*m.span(), m[0]) for m in matches]  # the common case, a third cheaper


def token_strings(text: str) -> list[str]:
    """Just the token texts, for callers that need no offsets."""
    return _token_pattern().findall(text)
