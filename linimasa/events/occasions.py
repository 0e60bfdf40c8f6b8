"""The place of what was done at a meeting told before: the meeting's place.

"Dalam pertemuan tertutup dengan Netanyahu, Trump sepakat ...", "Menlu mengatakan di pertemuan itu kedua negara
sepakat ...": the agreement (or the request, the promise of aid) was made at the meeting, so it happened where
the meeting did, which the article told with the meeting ("bertemu ... di Trump Tower, New York"). An event of
another type told without a place of its own whose sentence holds a reference to a CONSULT event framed as the
occasion ("dalam/di/pada/saat pertemuan itu": words of ``occasion_frames`` in ``events/arguments_id.yaml``) takes
that event's stated place (basis ``occasion``, inferred: it never keeps two reports apart). Not after "setelah",
"sebelum" or "usai": what follows a meeting may happen anywhere.
"""

from __future__ import annotations

from linimasa.model import OCCASION_PLACE, Evidence

# Bases of a meeting's place that its own words state (not guessed from a dateline, a seat or the parties).
_STATED_PLACES = frozenset({"trigger_sentence", "reference"})
# Bases of an event's own place, which an occasion never replaces.
_OWN_PLACES = frozenset({"trigger_sentence", "reference"})


def place_at_occasions(fates: list[tuple[object, str, object]], lexicon) -> None:
    """Give each reported event of ``fates`` ((group, fate, event) triples) of a type other than CONSULT, with no
    place of its own, the stated place of the CONSULT event one of its sentences refers to as its occasion."""
    frames = lexicon.words("occasion_frames")
    occasions: dict[int, object] = {}  # sentence index -> the meeting event framed there as an occasion
    for group, fate, event in fates:
        if event is None or event.type != "CONSULT" or event.modality != "asserted":
            continue
        if event.location is None or event.location_basis not in _STATED_PLACES:
            continue
        for c in group.members:
            first = c.match.first
            if first > 0 and c.view.words[first - 1] in frames:
                occasions.setdefault(c.view.index, event)
    if not occasions:
        return
    for group, fate, event in fates:
        if event is None or event.type == "CONSULT" or event.location_basis in _OWN_PLACES:
            continue
        meeting = next((occasions[c.view.index] for c in group.members if c.view.index in occasions), None)
        if meeting is None:
            continue
        event.location, event.location_basis = meeting.location, OCCASION_PLACE
        event.evidence = [e for e in event.evidence if e.field != "location"] + [
            Evidence(event.article_id, "location", e.text, e.start, e.end) for e in meeting.evidence
            if e.field == "location"]
