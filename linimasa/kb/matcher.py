"""A multi-phrase matcher over word tokens: every alias of the knowledge base in one dictionary.

Aliases are indexed by their folded tokens (case- and accent-insensitive), so a scan is one dictionary
look-up per token and phrase length, however many aliases there are. Case is checked afterwards, per
alias: short or all-capital aliases ("AS", "RI", "PM") must match exactly, so the Indonesian word "as" or
a lower-case "pm" never becomes a country or a title; longer aliases need their capital letters where the
alias has them ("rusia" in lower case is not the country, "warga Rusia" is).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterator

TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)
EXACT_CASE_MAX_LEN = 3


def fold(text: str) -> str:
    """Case- and accent-insensitive key: "Reykjavík" and "REYKJAVIK" fold to the same string."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(*m.span(), m[0]) for m in TOKEN.finditer(text)]


def phrase_key(text: str) -> tuple[str, ...]:
    return tuple(fold(t) for _, _, t in tokens(text))


def needs_exact_case(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(alias) <= EXACT_CASE_MAX_LEN or (len(letters) > 1 and all(c.isupper() for c in letters))


@dataclass(slots=True)
class Entry:
    """One alias of one knowledge-base record."""

    alias: str
    kind: str  # person | surname | country | organisation | place | title
    ref: Any  # the record's key (kb_id, iso3, Title ...)
    exact_case: bool = False
    alias_tokens: list[str] = field(default_factory=list)  # set from the alias when empty

    def __post_init__(self) -> None:
        if not self.alias_tokens:
            self.alias_tokens = [t for _, _, t in tokens(self.alias)]

    def accepts(self, surface_tokens: list[str]) -> bool:
        if self.exact_case:
            return [_strip_accents(t) for t in surface_tokens] == [_strip_accents(t) for t in self.alias_tokens]
        return all(not a[0].isupper() or s[0].isupper() for a, s in zip(self.alias_tokens, surface_tokens))


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(slots=True)
class Match:
    start: int
    end: int
    text: str
    entries: list[Entry]
    first_token: int = 0
    last_token: int = 0


@dataclass
class PhraseIndex:
    entries: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)  # first folded token -> longest phrase length

    def add(self, alias: str, kind: str, ref: Any, exact_case: bool | None = None) -> None:
        alias = alias.strip()
        key = phrase_key(alias)
        if not key:
            return
        exact = needs_exact_case(alias) if exact_case is None else exact_case
        bucket = self.entries.setdefault(key, [])
        if any(e.kind == kind and e.ref == ref and e.alias == alias for e in bucket):
            return
        bucket.append(Entry(alias, kind, ref, exact))
        self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    def lookup(self, text: str) -> list[Entry]:
        """Entries whose alias is exactly ``text`` (case rules applied)."""
        surface = TOKEN.findall(text)
        return [e for e in self.entries.get(tuple(fold(t) for t in surface), []) if e.accepts(surface)]

    def scan(self, text: str) -> Iterator[Match]:
        """Leftmost-longest matches, non-overlapping, in text order."""
        toks = list(TOKEN.finditer(text))  # spans and words are read only where an alias starts
        if text.isascii():
            # an ASCII word folds to its lower case, and lower-casing ASCII moves no token boundary: the
            # text's words folded at once, without a call per word (most sentences are ASCII)
            folded = TOKEN.findall(text.lower())
        else:
            folded = [fold(t[0]) for t in toks]
        longest = self.longest
        after = 0  # the first token past the last match
        for i in [i for i, word in enumerate(folded) if word in longest]:  # most words start no alias
            if i < after:
                continue
            match = self._longest_at(text, toks, folded, i)
            if match is not None:
                yield match
                after = match.last_token + 1

    def _longest_at(self, text, toks, folded, i) -> Match | None:
        """``toks``: the text's TOKEN matches; ``folded``: their words folded."""
        for n in range(min(self.longest.get(folded[i], 0), len(toks) - i), 0, -1):
            bucket = self.entries.get(tuple(folded[i : i + n]))
            if not bucket:
                continue
            surface = [t[0] for t in toks[i : i + n]]
            accepted = [e for e in bucket if e.accepts(surface)]
            if accepted:
                start, end = toks[i].start(), toks[i + n - 1].end()
                return Match(start, end, text[start:end], accepted, i, i + n - 1)
        return None
