"""Trigger detection: one dictionary look-up per token, longest rule first."""

from __future__ import annotations

from dataclasses import dataclass

from linimasa.events.lexicon import NEAR_WINDOW, Lexicon, TriggerRule, without_clitic


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    rule: TriggerRule
    first: int  # index of the first token of the trigger in the sentence's word list
    last: int  # index after the last token
    start: int  # character offsets into the article's text
    end: int


def find_triggers(words: list[str], starts: list[int], ends: list[int], lexicon: Lexicon) -> list[TriggerMatch]:
    """Non-overlapping trigger matches in a sentence given as lower-cased ``words`` with their offsets."""
    matches = []
    first_words = lexicon.triggers.first_words
    free = 0  # the first word no match found so far covers
    # most words start no trigger: only those that may are tried (_match_at asks this first)
    for i in [i for i, word in enumerate(words) if word in first_words or without_clitic(word) in first_words]:
        if i < free:
            continue
        match = _match_at(words, i, lexicon)
        if match is not None:
            rule, length = match
            matches.append(TriggerMatch(rule, i, i + length, starts[i], ends[i + length - 1]))
            free = i + length
    return matches


def _match_at(words: list[str], i: int, lexicon: Lexicon) -> tuple[TriggerRule, int] | None:
    first = words[i] if words[i] in lexicon.triggers.first_words else without_clitic(words[i])
    if first not in lexicon.triggers.first_words:
        return None
    for n, rule in lexicon.triggers.matches_at(words, i, first=first, same=_same):
        following = words[i + n] if i + n < len(words) else ""
        if rule.next and following not in rule.next and _after_aside(words, i + n) not in rule.next:
            continue
        if following in rule.not_next or without_clitic(following) in rule.not_next:
            continue
        if i > 0 and words[i - 1] in rule.not_prev:
            continue
        if rule.prev and (i == 0 or words[i - 1] not in rule.prev):
            continue
        if (rule.near or rule.near_before) and not _near(words, i, n, rule):
            continue
        if rule.not_near_before and _thing_before(words, i, rule.not_near_before):
            continue
        return rule, n
    return None


# At most this many words stand in brackets between a trigger and the word its rule needs next: "berbincang
# (via telepon) dengan Presiden Turki" is "berbincang dengan".
ASIDE_WORDS = 4


def _after_aside(words: list[str], at: int) -> str:
    """The word after a short bracketed aside that opens at ``at`` ("" when none opens there)."""
    if at >= len(words) or words[at] != "(":
        return ""
    for j in range(at + 1, min(len(words), at + ASIDE_WORDS + 2)):
        if words[j] == ")":
            return words[j + 1] if j + 1 < len(words) else ""
    return ""


def _near(words: list[str], i: int, n: int, rule: TriggerRule) -> bool:
    """One of the rule's ``near`` words follows the trigger within its ``near_window`` words, or one of its
    ``near_before`` words precedes it within NEAR_WINDOW words (the subject of a passive, "Pelaku sudah kami
    amankan"; the statement a refusal is told in, "menegaskan tidak akan ...")."""
    if any(w in rule.near for w in words[i + n : i + n + rule.near_window]):
        return True
    return any(w in rule.near_before for w in words[max(0, i - NEAR_WINDOW) : i])


def _thing_before(words: list[str], i: int, things: frozenset[str]) -> bool:
    """One of ``things`` in the NEAR_WINDOW words before the trigger, in its clause (no comma between): the
    subject of a passive that is a thing, not a guest ("Surat tersebut diterima Gubernur", "uang suap itu
    diterima Bupati": a letter or money received, no visit)."""
    for j in range(i - 1, max(-1, i - 1 - NEAR_WINDOW), -1):
        if words[j] == ",":
            return False
        if words[j] in things:
            return True
    return False


def _same(word: str, rule_word: str) -> bool:
    return word == rule_word or without_clitic(word) == rule_word
