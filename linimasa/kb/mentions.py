"""Finding the names and title phrases of a text that the knowledge base knows, before they are resolved
(:mod:`linimasa.kb.resolve`): one scan of the alias index, then the rules that tell a known name from a
word that only looks like one ("Kita" opening a sentence, "Anwar" in "Anwar Usman")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linimasa.kb.matcher import Entry, Match, fold
from linimasa.model import Mention

if TYPE_CHECKING:
    from linimasa.kb.base import KnowledgeBase

ADJACENT_GAP = re.compile(r"^[\s,]{0,3}$")  # between a title and the name after it: "Menlu AS, John Kerry"
BRACKETED = re.compile(r"[ \t]*\([A-Z][\w.'’ -]{0,24}\)")  # "(Menlu)", "(AS)", "(BUMN)" after a title
COMPLEMENT_GAP = re.compile(r"^[ \t\u00a0]{1,2}$")  # between a title and its country: "Menlu AS"
NEXT_WORD = re.compile(r"[ \t]+(\w[\w'’-]*)")
SENTENCE_START = re.compile(r"(^|[.!?:\n\"“”]\s*)$")
PREVIOUS_WORD = re.compile(r"(\w[\w'’-]*)[ \t]+$")
LABELS = {"person": "PER", "surname": "PER", "organisation": "ORG", "country": "LOC", "place": "LOC", "city": "LOC"}


def names_institution(text: str, kind: Match, country: Match) -> bool:
    """Whether a kind word and the country right after it name one institution ("Kedubes AS")."""
    return (
        any(e.kind == "org_kind" for e in kind.entries)
        and any(e.kind == "country" for e in country.entries)
        and COMPLEMENT_GAP.match(text[kind.end : country.start]) is not None
    )


def previous_word(text: str, start: int) -> str | None:
    before = PREVIOUS_WORD.search(text[max(0, start - 40) : start])
    return fold(before.group(1)) if before else None


def starts_sentence(text: str, start: int) -> bool:
    """Whether a word opens a sentence, where a capital letter says nothing about it being a name."""
    return start == 0 or SENTENCE_START.search(text[max(0, start - 5) : start]) is not None


def surface_kind(entries: list[Entry]) -> str | None:
    kinds = {e.kind for e in entries}
    for kind in ("person", "organisation", "country", "place", "city"):
        if kind in kinds:
            return kind
    surname_people = {e.ref for e in entries if e.kind == "surname"}
    return "surname" if len(surname_people) == 1 else None


class MentionFinder:
    """:meth:`KnowledgeBase.find_mentions`, with the knowledge base's index and word lists."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def find_mentions(self, text: str) -> list[Mention]:
        """Every known name and title phrase in a text, unresolved."""
        matches = list(self.kb.index.scan(text))
        covered = {t for m in matches for t in (m.start, m.end)}
        mentions: list[Mention] = []
        i = 0
        while i < len(matches):
            match = matches[i]
            following = matches[i + 1] if i + 1 < len(matches) else None
            if following is not None and names_institution(text, match, following):
                span = text[match.start : following.end]
                mentions.append(Mention(match.start, following.end, span, "ORG", source="kb"))
                i += 2
                continue
            titles = [e for e in match.entries if e.kind == "title"]
            if titles:
                title_mention, used = self._title_mention(text, matches, i)
                if title_mention is not None:
                    mentions.append(title_mention)
                    i += used
                    continue
            kind = surface_kind(match.entries)
            if kind in ("person", "surname", "place", "city") and self._inside_unknown_name(text, match, covered):
                kind = None
            if kind == "city" and match.first_token == match.last_token and starts_sentence(text, match.start):
                kind = None
            if kind == "country" and previous_word(text, match.start) in self.kb.not_country_after:
                kind = None
            if kind is not None:
                mentions.append(Mention(match.start, match.end, match.text, LABELS[kind], source="kb"))
            i += 1
        return mentions

    def _inside_unknown_name(self, text: str, match: Match, covered: set[int]) -> bool:
        """A one-word name next to another capitalised word the KB does not know is part of a longer name:
        "Anwar Usman" is not Anwar Ibrahim, "Inter Milan" and "Kali Malang" are not the cities."""
        if match.first_token != match.last_token:
            return False
        is_person = surface_kind(match.entries) in ("person", "surname")
        neighbours = self.kb.name_neighbours if is_person else self.kb.place_neighbours
        after = NEXT_WORD.match(text, match.end)
        if after and after.group(1)[0].isupper() and fold(after.group(1)) not in neighbours:
            if after.start(1) not in covered:
                return True
        window_start = max(0, match.start - 40)
        before = PREVIOUS_WORD.search(text[window_start : match.start])
        if before and before.group(1)[0].isupper() and fold(before.group(1)) not in neighbours:
            word_start = window_start + before.start(1)
            if starts_sentence(text, word_start):
                return False
            return word_start not in covered
        return False

    def _title_mention(self, text: str, matches: list[Match], i: int) -> tuple[Mention | None, int]:
        """The title phrase starting at match ``i`` and how many matches it uses: the title, its country
        or organisation ("Menlu AS"), and an abbreviation in brackets after it ("Menteri Luar Negeri
        (Menlu) Retno Marsudi"), so that the name after the brackets still stands next to the title."""
        match = matches[i]
        title = next(e.ref for e in match.entries if e.kind == "title")
        start, end, used = match.start, match.end, 1
        after = matches[i + 1] if i + 1 < len(matches) else None
        office_named = (
            after is not None
            and COMPLEMENT_GAP.match(text[end : after.start]) is not None
            and any(e.kind in ("country", "organisation") for e in after.entries)
        )
        if office_named:
            end, used = after.end, 2
        bracket = BRACKETED.match(text, end)
        if bracket:
            end = bracket.end()
            while i + used < len(matches) and matches[i + used].end <= end:
                used += 1
        following = matches[i + used] if i + used < len(matches) else None
        named_next = (
            following is not None
            and ADJACENT_GAP.match(text[end : following.start]) is not None
            and any(e.kind in ("person", "surname") for e in following.entries)
        )
        if not office_named and (
            title.needs_complement or not (title.country or title.organisation or title.default_country or named_next)
        ):
            return None, 1
        if _phrase_before(text, start, self.kb.attached_to_office) is not None:
            return None, 1  # "Penasihat Presiden Ukraina ...": the adviser, not the president
        # extend the title leftwards over a word like "mantan" that says the office is not held now
        modifier = _phrase_before(text, start, self.kb.not_current)
        start = modifier if modifier is not None else start
        return Mention(start, end, text[start:end], "TITLE", source="title"), used


def _phrase_before(text: str, start: int, phrases: set[str]) -> int | None:
    """Where the one or two words right before ``start`` begin when they are one of ``phrases`` (folded),
    the two-word phrase first ("pelaksana tugas", "juru bicara"); None when they are not."""
    before = text[max(0, start - 40) : start]
    if not before.endswith((" ", "\u00a0")):
        return None
    words = before.split()
    for n in (2, 1):
        if len(words) >= n and fold(" ".join(words[-n:])) in phrases:
            return start - len(before) + before.rfind(words[-n])
    return None
