"""Words of meeting that tell no talks between parties, read from the trigger's sentence.

A visit to a place no political actor holds or on holiday, a place another verb goes to, a meeting noun that
is an item of a list: the candidate finder (:mod:`linimasa.events.candidates`) drops the trigger or the party these name.
"""

from __future__ import annotations

from linimasa.events.detect import TriggerMatch
from linimasa.lang.id.morphology import looks_like_verb

# What follows a list item: the next item, or the list's last joiner ("investigasi, negosiasi, dan ...").
LIST_ITEM_ENDS = frozenset({",", "dan", "serta"})


def list_item(words: list[str], match: TriggerMatch) -> bool:
    """ "kemampuan ... seperti investigasi, intelijen, negosiasi, kontrateroris": a meeting noun between commas
    of a list names a skill or an activity, not talks held; talks held name a counterpart or a setting after
    the noun, not the list's next item."""
    return (match.first > 0 and words[match.first - 1] == ","
            and match.last < len(words) and words[match.last] in LIST_ITEM_ENDS)


def to_a_place(words: list[str], match: TriggerMatch, to_words: frozenset[str],
               visited_places: list[tuple[str, ...]]) -> bool:
    """ "mengunjungi museum", "berkunjung ke tempat pengungsian", "kunjungan ke pabrik", "berkunjung ke SRMA 33":
    a visit to a place no political actor holds (``visited_places``) is a trip, not a visit received by a
    host; a host met there is told by a trigger of its own ("... dan disambut Bupati")."""
    i = match.last
    if i < len(words) and words[i] in to_words:
        i += 1
    return any(tuple(words[i : i + len(place)]) == place for place in visited_places)


def destination_of_another_verb(words: list[str], match: TriggerMatch, at: int, to_words: frozenset[str]) -> bool:
    """ "kunjungan kerja melepas ekspor bawang merah ke Thailand": a place after "ke" (its first word at
    ``at``) that another verb between the visit and it leads to is where that verb goes, not the visit's
    host."""
    if at <= match.last or words[at - 1] not in to_words:
        return False
    return any(looks_like_verb(w) for w in words[match.last : at - 1])


def holiday(words: list[str], holiday_words: frozenset[str]) -> bool:
    """ "Kedatangan Barack Obama dan keluarganya ke Indonesia untuk berlibur": a visit whose sentence tells a
    holiday is a private trip; only visits ask this, so a meeting held on holiday stays one."""
    return not holiday_words.isdisjoint(words)
