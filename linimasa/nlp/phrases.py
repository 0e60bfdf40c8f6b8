"""Phrases of words looked up by their first word.

Trigger words, nickname cues, military ranks, the decision's cue words and topic phrases are all found the same
way: one dictionary look-up per word of a sentence, and only where a phrase starts with that word are the
following words compared, longest phrase first. This runs on every word of every article, so a word that starts
no phrase must cost one look-up and nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

V = TypeVar("V")
NOTHING = (0, None)  # what a look-up finds at a word that starts no phrase


@dataclass(frozen=True, eq=False)
class PhraseIndex(Generic[V]):
    """Phrases (tuples of words, as the sentence's words are written: lower-case where those are) with a value
    each, grouped by first word, longest first; phrases of one length keep the order they were given in."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], V], ...]]
    first_words: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "first_words", frozenset(self.by_first))

    @classmethod
    def of(cls, entries: Iterable[tuple[Sequence[str], V]]) -> PhraseIndex[V]:
        """The index of (phrase, value) pairs; empty phrases are left out."""
        grouped: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for words, value in entries:
            words = tuple(words)
            if words:
                grouped.setdefault(words[0], []).append((words, value))
        return cls({first: tuple(sorted(group, key=lambda entry: -len(entry[0]))) for first, group in grouped.items()})

    @classmethod
    def of_phrases(cls, phrases: Iterable[str | Sequence[str]] = (), lower: bool = True) -> PhraseIndex[tuple[str, ...]]:
        """The index of phrases written as text ("akrab disapa") or word tuples, each its own value."""
        tuples = (tuple((p.lower() if lower else p).split()) if isinstance(p, str) else tuple(p) for p in phrases)
        return cls.of((words, words) for words in tuples)

    def __bool__(self) -> bool:
        return bool(self.by_first)

    def starting_with(self, word: str) -> tuple[V, ...]:
        """The values of the phrases whose first word is ``word``, longest phrase first."""
        return tuple(value for _, value in self.by_first.get(word, ()))

    def matches_at(self, words: Sequence[str], i: int, end: int | None = None, *,
                   first: str | None = None, same: Callable[[str, str], bool] | None = None) -> Iterator[tuple[int, V]]:
        """(length, value) of every phrase written at word ``i`` and ending by ``end``, longest first.
        ``first``: the key to look the first word up by when it is not ``words[i]`` itself (the word without a
        clitic); ``same(word, phrase_word)``: how the following words are compared (default: equal)."""
        end = len(words) if end is None else end
        for phrase, value in self.by_first.get(words[i] if first is None else first, ()):
            n = len(phrase)
            if i + n > end:
                continue
            if same is None:
                if n == 1 or tuple(words[i + 1 : i + n]) == phrase[1:]:
                    yield n, value
            elif all(same(w, p) for w, p in zip(words[i + 1 : i + n], phrase[1:])):
                yield n, value

    def longest_at(self, words: Sequence[str], i: int, end: int | None = None) -> tuple[int, V | None]:
        """(length, value) of the longest phrase written at word ``i`` and ending by ``end``; (0, None) if none.
        (The loop of :meth:`matches_at` written out: this is called for every word of every sentence.)"""
        group = self.by_first.get(words[i])
        if group is None:
            return NOTHING
        end = len(words) if end is None else end
        for phrase, value in group:
            n = len(phrase)
            if i + n <= end and (n == 1 or tuple(words[i + 1 : i + n]) == phrase[1:]):
                return n, value
        return NOTHING

    def spans(self, words: Sequence[str]) -> list[tuple[int, int, V]]:
        """(first, last + 1, value) of the phrases of ``words`` read left to right, each the longest that starts
        there; phrases do not overlap (the words of one phrase start no other)."""
        found, i = [], 0
        first_words = self.first_words
        while i < len(words):
            if words[i] not in first_words:  # the usual case, without a call
                i += 1
                continue
            n, value = self.longest_at(words, i)
            if n:
                found.append((i, i + n, value))
                i += n
            else:
                i += 1
        return found

    def occurrences(self, words: Sequence[str]) -> list[tuple[int, int, V]]:
        """(first, last + 1, value) of the longest phrase starting at each word that starts one; unlike
        :meth:`spans`, a phrase may start inside another."""
        found = []
        for i, word in enumerate(words):
            if word in self.first_words:
                n, value = self.longest_at(words, i)
                if n:
                    found.append((i, i + n, value))
        return found
