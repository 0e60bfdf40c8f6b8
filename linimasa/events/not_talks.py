"""Words of meeting that tell no talks between parties, read from the trigger's sentence.

A visit to a place no political actor holds or on holiday, a place another verb goes to, a meeting noun that
is an item of a list, a meeting word in brackets that abbreviates the one before it: the candidate finder (:mod:`linimasa.events.candidates`) drops the trigger or the party these name.
"""

from __future__ import annotations

from linimasa.events.detect import TriggerMatch
from linimasa.lang.id.morphology import looks_like_verb
from linimasa.nlp.phrases import PhraseIndex

# What follows a list item: the next item, or the list's last joiner ("investigasi, negosiasi, dan ...").
LIST_ITEM_ENDS = frozenset({",", "dan", "serta"})
QUOTE_OR_COMMA = frozenset({",", '"', "“", "”", "(", ";", ":"})


def list_item(words: list[str], match: TriggerMatch) -> bool:
    """ "kemampuan ... seperti investigasi, intelijen, negosiasi, kontrateroris": a meeting noun between commas
    of a list names a skill or an activity, not talks held; talks held name a counterpart or a setting after
    the noun, not the list's next item."""
    return (match.first > 0 and words[match.first - 1] == ","
            and match.last < len(words) and words[match.last] in LIST_ITEM_ENDS)


def reduplicated(words: list[str], match: TriggerMatch) -> bool:
    """ "pertemuan - pertemuan", "rapat - rapat sebelumnya": a meeting noun said twice across a hyphen is a plural,
    meetings in general, not one held (written as one word, "rapat-rapat", it is no trigger at all)."""
    said = words[match.first : match.last]
    n = len(said)
    after = words[match.last + 1 : match.last + 1 + n]
    before = words[match.first - 1 - n : match.first - 1] if match.first > n else []
    return ((match.last < len(words) and words[match.last] == "-" and after == said)
            or (match.first > 0 and words[match.first - 1] == "-" and before == said))


def to_a_place(words: list[str], match: TriggerMatch, to_words: frozenset[str],
               visited_places: PhraseIndex) -> bool:
    """ "mengunjungi museum", "berkunjung ke tempat pengungsian", "kunjungan ke pabrik", "berkunjung ke SRMA 33":
    a visit to a place no political actor holds (``visited_places``) is a trip, not a visit received by a
    host; a host met there is told by a trigger of its own ("... dan disambut Bupati")."""
    i = match.last
    if i < len(words) and words[i] in to_words:
        i += 1
    return i < len(words) and visited_places.longest_at(words, i)[0] > 0


def destination_of_another_verb(words: list[str], match: TriggerMatch, at: int, to_words: frozenset[str]) -> bool:
    """ "kunjungan kerja melepas ekspor bawang merah ke Thailand": a place after "ke" (its first word at
    ``at``) that another verb between the visit and it leads to is where that verb goes, not the visit's
    host."""
    if at <= match.last or words[at - 1] not in to_words:
        return False
    return any(looks_like_verb(w) for w in words[match.last : at - 1])


def holiday(words: list[str], match: TriggerMatch, holiday_words: frozenset[str]) -> bool:
    """ "Kedatangan Barack Obama dan keluarganya ke Indonesia untuk berlibur": a visit whose sentence tells a
    holiday is a private trip. Only the visitor's going asks this: a meeting held on holiday stays one, and so
    does a reception, where a host is named ("disambut Gubernur Bali", "dijamu", "menerima kunjungan")."""
    rule = match.rule
    received = rule.subject == "recipient" or rule.voice == "passive" or rule.words[0].startswith("di")
    return not received and not holiday_words.isdisjoint(words)


def possessed_pronoun(words: list[str], match: TriggerMatch, openers: frozenset[str]) -> bool:
    """For a trigger that needs a pronoun agent right before it ("waktu saya ke Pak Tito"): whether that pronoun
    is a possessor instead ("pesan saya ke Pak Tito", my message to him), i.e. it neither opens the sentence or
    a clause (a comma, a quote) nor follows a word that opens one (``openers``: "waktu", "tadi", "dan" ...)."""
    at = match.first - 1
    if at <= 0:
        return False
    before = words[at - 1]
    return not (before in openers or before in QUOTE_OR_COMMA)


def without_abbreviations(words: list[str], matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """Without a trigger in brackets right after one of its type: it is that trigger's short form ("rapat kerja
    nasional (Rakernas) Golkar", "rapat pimpinan (rapim) TNI"), not a second event, and the parties after it
    belong to the trigger it abbreviates."""
    kept: list[TriggerMatch] = []
    for match in matches:
        previous = kept[-1] if kept else None
        if (previous is not None and previous.rule.type == match.rule.type == "CONSULT"
                and previous.last < match.first <= previous.last + 3 and words[match.first - 1] == "("
                and "(" not in words[previous.last : match.first - 1]
                and match.last < len(words) and words[match.last] == ")"):
            continue
        kept.append(match)
    return kept

