"""The day of an event whose sentence says it happened on the day of what was told before it.

"Selain Jack Ma, Trump di hari yang sama juga menemui miliuner CEO LVMH": the second meeting is on the day
of the first, not on the day a news agency was quoted nor on the publication day. A sentence with a phrase of
``day_anaphors`` (``events/arguments_id.yaml``) that states no date of its own takes the day of the nearest
asserted event of its type before it whose day its own sentence (or the lead) states ("juga menemui": another
meeting like the one told); its date basis is ``anaphor``.
"""

from __future__ import annotations

from linimasa.model import Evidence
from linimasa.nlp.phrases import PhraseIndex

ANAPHOR_DATE = "anaphor"
# Bases of a day the event's own words state: they are never replaced, and they can be referred back to.
OWN_DAY_BASES = frozenset({"clause", "sentence", "attribution"})
_REFERABLE = OWN_DAY_BASES | {"lead", ANAPHOR_DATE}


def says_same_day(words: list[str], index: PhraseIndex) -> bool:
    """Whether the words hold one of the indexed phrases ("hari yang sama", "kesempatan itu")."""
    return any(index.longest_at(words, i)[0] for i, word in enumerate(words) if word in index.first_words)


def date_day_anaphors(told: list[tuple[object, object]], lexicon) -> None:
    """Give each event of ``told`` ((group, event) pairs) whose head sentence refers back to the day before it
    the day of the nearest asserted event of its type told before it with a day of its own."""
    index = lexicon.phrases("day_anaphors")
    last: dict[str, object] = {}  # type -> the last such event
    for group, event in sorted(told, key=lambda pair: pair[1].trigger.start if pair[1].trigger else 0):
        before = last.get(event.type)
        if (before is not None and event.date_basis not in OWN_DAY_BASES
                and any(says_same_day(c.view.words, index) for c in group.heads)):
            event.date, event.date_basis = before.date, ANAPHOR_DATE
            event.date_flags, event.date_alternatives = list(before.date_flags), list(before.date_alternatives)
            event.evidence = [e for e in event.evidence if e.field != "date"] + [
                Evidence(event.article_id, "date", e.text, e.start, e.end) for e in before.evidence
                if e.field == "date"]
        if (event.modality == "asserted" and event.date and len(event.date) == 10
                and event.date_basis in _REFERABLE):
            last[event.type] = event
