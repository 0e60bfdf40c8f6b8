"""Who a pronoun is, so that the clause it opens has its party.

- **Inside a quote**, "saya", "aku", "kami", "kita" are the quote's speaker: the person after the reporting
  verb that follows the quote ("...," kata Prabowo), the speaker told before when that verb has "-nya"
  ("ujarnya"), or the person whose reporting verb opens the quote ("Prabowo mengatakan, "..."").
- **Elsewhere**, "ia", "dia", "beliau", "dirinya" are the person the sentence opened with before the
  pronoun, else the last speaker or subject told in the sentences before (a speaker over a subject: "...,"
  kata Hetifah. Dia mendesak ..." is Hetifah). A sentence opening with a resolved pronoun is about that
  person: "Dia menilai Ketua DK OJK ..." leaves "dia", not the chairman, as the subject told last.
- **Nicknames** ("ujar Tiko, sapaan akrabnya", "Suhariyanto atau yang akrab disapa Ketjuk") stand for their
  person from their introduction on (linimasa/events/aliases.py).

- **A title told again** at the start of a sentence with "itu"/"tersebut" ("Politikus PDIP itu menilai ...",
  "Mantan Wali Kota Blitar itu mengatakan ...": a role word, at most DESCRIPTION_WORDS words with no verb and
  no name, and the determiner) is the person told before, like "dia"; the bodies it names are that person's
  affiliations and leave the sentence's mentions.

Each resolved pronoun becomes a mention at the pronoun's offsets carrying its antecedent's identity
(source ``coreference``), so the rules and the ranker read it like a name and the event's evidence cites the
pronoun. Only people are antecedents; a pronoun nobody fits stays unresolved.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property

from linimasa.events.aliases import apply_aliases, folded, introduced_aliases
from linimasa.lang.id.morphology import looks_like_verb
from linimasa.model import Mention
from linimasa.nlp.phrases import PhraseIndex

OPENING, CLOSING, BOTH = frozenset({"“"}), frozenset({"”"}), frozenset({'"'})
QUOTES = OPENING | CLOSING | BOTH
QUOTE_REACH = 3
THIRD_REACH = 2  # sentences a quote may run on to find the verb that says whose it is
DESCRIPTION_WORDS = 7  # words of a title told again, from its role word to "itu"


@dataclass(frozen=True)
class PronounCues:
    third: frozenset[str]
    first: frozenset[str]
    reporting: frozenset[str]
    speaker_after: frozenset[str]
    description_heads: frozenset[str] = frozenset()  # role words opening a title told again ("Politikus ... itu")
    determiners: frozenset[str] = frozenset()
    # cues a nickname follows ("akrab disapa") and cues it precedes ("sapaan akrabnya")
    alias_follows: PhraseIndex = field(default_factory=PhraseIndex.of_phrases)
    alias_precedes: PhraseIndex = field(default_factory=PhraseIndex.of_phrases)

    @cached_property
    def alias_words(self) -> frozenset[str]:
        """The first words of the nickname cues: a sentence with none of them introduces no nickname."""
        return self.alias_follows.first_words | self.alias_precedes.first_words

    @classmethod
    def of(cls, lexicon) -> PronounCues:
        args = lexicon.arguments
        return cls(lexicon.words("pronouns"), frozenset(args.get("quote_pronouns") or ()),
                   lexicon.words("reporting_verbs"), lexicon.words("speaker_after"),
                   frozenset(args.get("description_heads") or ()), frozenset(args.get("determiners") or ()),
                   PhraseIndex.of_phrases(args.get("alias_follows") or ()),
                   PhraseIndex.of_phrases(args.get("alias_precedes") or ()))


def resolve_pronouns(views: list, cues: PronounCues) -> None:
    """Adds a mention for every pronoun of ``views`` (an article's sentence views, in order) whose person is
    known, to that view's mentions."""
    inside = False  # whether the sentence starts inside a quote opened before
    last_speaker: Mention | None = None
    last_subject: Mention | None = None
    told_at = 0  # the last sentence that named a person
    aliases: dict[str, Mention] = {}  # nicknames introduced so far, folded, and whom they stand for
    for number, view in enumerate(views):
        words = view.words
        if not cues.alias_words.isdisjoint(words):
            recent = number - told_at <= THIRD_REACH
            told_before, spoke_before = ((last_speaker or last_subject), last_speaker) if recent else (None, None)
            for alias, who in introduced_aliases(view, cues.alias_follows, cues.alias_precedes, told_before,
                                                 spoke_before):
                aliases[folded(alias.text)] = who
        apply_aliases(view, aliases)
        view.speaker_before = last_speaker if number - told_at <= THIRD_REACH else None
        if inside or not QUOTES.isdisjoint(words):
            quoted, inside = _quoted(words, inside)
        else:  # most sentences hold no quote: nothing in them is quoted
            quoted = None
        people = [m for m in view.mentions if m.names_a_person]
        added = []
        pronouns = [i for i, word in enumerate(words) if word in cues.first or word in cues.third] \
            if not (cues.first.isdisjoint(words) and cues.third.isdisjoint(words)) else ()
        for i in pronouns:
            word = words[i]
            if word in cues.first and quoted is not None and quoted[i]:
                who = _quote_speaker(views, number, i, cues, last_speaker)
            elif word in cues.third and (quoted is None or not quoted[i]):
                before = [m for m in people if view.token_index(m.start) < i]
                recent = number - told_at <= THIRD_REACH
                who = before[0] if before else ((last_speaker or last_subject) if recent else None)
            else:
                continue
            if who is not None:
                added.append(_standing_for(who, view.starts[i], view.ends[i]))
        speaker = _speaker(view, people, cues)
        if speaker is not None:
            last_speaker = speaker
        if people or added:
            # a sentence opening with a resolved pronoun is about it: "Dia menilai Ketua DK OJK ..." is "dia"
            opening = added[0] if added and added[0].start == view.starts[0] else None
            last_subject = speaker or opening or (people or added)[0]
            told_at = number
        told_again = _title_told_again(view, cues)
        if told_again is not None and not people and number - told_at <= THIRD_REACH:
            who = last_speaker or last_subject
            if who is not None:
                start, end = view.starts[0], view.ends[told_again]
                view.mentions = [m for m in view.mentions if not start <= m.start < end]
                added.append(_standing_for(who, start, end))
                last_subject, told_at = who, number
        if added:
            view.mentions = sorted(view.mentions + added, key=lambda m: m.start)


def _title_told_again(view, cues: PronounCues) -> int | None:
    """The index of "itu"/"tersebut" closing a title the sentence opens with ("Mantan Ketua Umum PAN itu
    ..."), if it opens with one: a role word first, then words with no verb, comma, quote or name."""
    words = view.words
    if not cues.description_heads or not words or words[0] not in cues.description_heads:
        return None
    names = {view.token_index(m.start) for m in view.mentions if m.names_a_person or m.label == "TITLE" and m.kind == "person"}
    for k in range(1, min(DESCRIPTION_WORDS + 1, len(words))):
        word = words[k]
        if word in cues.determiners:
            return k
        if k in names or not word.replace("-", "").isalnum() or looks_like_verb(word):
            return None
    return None


def _standing_for(who: Mention, start: int, end: int) -> Mention:
    return dataclasses.replace(who, start=start, end=end, source="coreference")


def _quoted(words: list[str], inside: bool) -> tuple[list[bool], bool]:
    """For each word, whether it stands inside a quote (the quote marks themselves count as inside), and
    whether the quote is still open after the last word."""
    flags = []
    for word in words:
        if word in OPENING or (word in BOTH and not inside):
            inside = True
            flags.append(True)
        elif word in CLOSING or (word in BOTH and inside):
            flags.append(True)
            inside = False
        else:
            flags.append(inside)
    return flags, inside


def _speaker(view, people: list[Mention], cues: PronounCues) -> Mention | None:
    """The person a sentence's reporting verb names as speaker: after "kata"/"ujar" ..., or before
    "mengatakan" ..."""
    for m in people:
        i = view.token_index(m.start)
        if i > 0 and view.words[i - 1] in cues.speaker_after:
            return m
        j = view.token_index(m.end - 1) + 1
        if j < len(view.words) and view.words[j] in cues.reporting and view.words[j] not in cues.speaker_after:
            return m
    return None


def _quote_speaker(views: list, number: int, i: int, cues: PronounCues, last_speaker: Mention | None):
    """The speaker of the quote holding word ``i`` of sentence ``number``."""
    opened = _opening_speaker(views[number], i, cues)
    for view in views[number : number + QUOTE_REACH]:
        start = i + 1 if view is views[number] else 0
        words = view.words
        close = next((k for k in range(start, len(words)) if words[k] in CLOSING or words[k] in BOTH), None)
        if close is None:
            continue
        for k in range(close + 1, min(close + 4, len(words))):
            if words[k] in cues.speaker_after:
                if words[k].endswith("nya"):  # "ujarnya": the speaker told before
                    return opened or last_speaker
                after = [m for m in view.mentions if m.names_a_person and 0 < view.token_index(m.start) - k <= 4]
                return after[0] if after else opened or last_speaker
        return opened or last_speaker
    return opened or last_speaker


def _opening_speaker(view, i: int, cues: PronounCues) -> Mention | None:
    """ "Prabowo mengatakan, "..."": the person before the reporting verb that opens the quote."""
    words = view.words
    k = i
    while k >= 0 and not (words[k] in OPENING or words[k] in BOTH):
        k -= 1
    verb = next((j for j in range(k - 1, max(k - 4, -1), -1) if words[j] in cues.reporting), None)
    if k <= 0 or verb is None:
        return None
    before = [m for m in view.mentions if m.names_a_person and view.token_index(m.end - 1) < verb]
    return before[-1] if before else None
