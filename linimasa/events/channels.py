"""Talks held at a distance: a meeting trigger whose channel is a telephone or a video link is a call.

News tells a call with the words of a meeting and the channel after them: "melakukan pembicaraan melalui
sambungan telepon dengan ...", "bertemu secara virtual dengan ...", "berdialog via konferensi video". The
annotation guide codes these as calls (mode ``phone``), and what follows from that matters: a call has no
place, and linking keeps a call and a meeting of the same people apart.
"""

from __future__ import annotations

from dataclasses import replace

from linimasa.events.detect import TriggerMatch
from linimasa.events.lexicon import Lexicon

# The channel is told right after the trigger: "pembicaraan [secara] [melalui] [sambungan] telepon".
CHANNEL_REACH = 4
# ... and its noun within this many words after the word that introduces it ("melalui saluran video").
CHANNEL_NOUN_REACH = 3


def calls_told_as_talks(words: list[str], matches: list[TriggerMatch], lexicon: Lexicon) -> list[TriggerMatch]:
    """``matches`` with each meeting trigger whose words after it name a remote channel made a call."""
    return [_as_call(match) if _over_a_channel(words, match, lexicon) else match for match in matches]


def _as_call(match: TriggerMatch) -> TriggerMatch:
    return replace(match, rule=replace(match.rule, mode="phone"))


def _over_a_channel(words: list[str], match: TriggerMatch, lexicon: Lexicon) -> bool:
    if match.rule.type != "CONSULT" or match.rule.mode != "meet":
        return False
    via = lexicon.words("channel_words")
    channels = lexicon.words("remote_channels")
    breaks = lexicon.words("clause_breaks") | {",", "."}
    end = min(len(words), match.last + CHANNEL_REACH)
    for i in range(match.last, end):
        if words[i] in breaks:
            return False
        if words[i] in via and any(w in channels for w in words[i + 1 : i + 1 + CHANNEL_NOUN_REACH]):
            return True
    return False
