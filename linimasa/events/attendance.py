"""Who else attended talks told before: a sentence that opens by saying who was present.

News lists a meeting's other attendees in a sentence of their own after the one that tells the meeting:
"Turut hadir Menteri A dan Kepala B.", "Hadir pula Ketua DPR X.", "Hadir dalam forum tersebut sejumlah elite
partai, di antaranya Menteri A, Wakil Ketua Umum B." Such a sentence names no trigger, so no candidate of its
own carries these people. When a sentence opens with one of ``attendance_openers`` (after an optional "Selain
itu," or "Sementara itu,"), the people, titles and bodies it names after the opener (for "hadir dalam/pada",
after the determiner that refers back to the occasion) attended the last asserted talks told at most
``attendance_reach`` sentences before it. Groups named by a common noun ("warga") are left out, as they are
for a reference's companions.
"""

from __future__ import annotations

from linimasa.events.arguments import Party, SentenceView, party_of
from linimasa.events.lexicon import Lexicon
from linimasa.nlp.phrases import PhraseIndex


class AttendanceCues:
    def __init__(self, lexicon: Lexicon):
        args = lexicon.arguments
        self.openers = PhraseIndex.of_phrases(args.get("attendance_openers") or ())
        self.lead_ins = PhraseIndex.of_phrases(args.get("attendance_lead_ins") or ())
        self.occasion_words = frozenset(args.get("attendance_occasion_words") or ())
        self.determiners = frozenset(args.get("determiners") or ())
        self.reach = int(args.get("attendance_reach", 3))
        self.first_words = self.openers.first_words | self.lead_ins.first_words

    def attendees(self, view: SentenceView, lexicon: Lexicon) -> list[Party]:
        """The parties a sentence opening with an attendance opener names as present; [] for any other."""
        words = view.words
        if not words or words[0] not in self.first_words:
            return []
        start, _ = self.lead_ins.longest_at(words, 0)
        if start and start < len(words) and words[start] == ",":
            start += 1
        if start >= len(words):
            return []
        opener, _ = self.openers.longest_at(words, start)
        if not opener:
            return []
        at = start + opener
        if words[at - 1] in self.occasion_words:  # "Hadir dalam forum tersebut X": the people after the occasion
            closing = next((i for i in range(at, min(at + 8, len(words))) if words[i] in self.determiners), None)
            if closing is None:
                return []
            at = closing + 1
        found: list[Party] = []
        for m in view.mentions:
            if view.token_index(m.start) < at or m.kind == "agent":
                continue
            party = party_of(view, m, "actor", lexicon)
            if party is not None and m.kind != "country" and all(party.mention is not p.mention for p in found):
                found.append(party)
        return found


def attach_attendees(groups: list, views: list[SentenceView], cues: AttendanceCues, lexicon: Lexicon, resolve) -> None:
    """Adds to the last asserted talks told before each attendance sentence (``groups``:
    :class:`linimasa.events.assembly.Group`) the parties it names, resolved by ``resolve(party, group, view)``
    to a participant (or None)."""
    talks = [g for g in groups if g.first.match.rule.type == "CONSULT" and g.first.modality == "asserted"]
    if not talks:
        return
    for view in views:
        if view.words and view.words[0] in cues.first_words:
            parties = cues.attendees(view, lexicon)
            told = [(max(c.view.index for c in g.members if c.view.index <= view.index), g) for g in talks
                    if any(c.view.index <= view.index for c in g.members)]
            told = [(at, g) for at, g in told if view.index - at <= cues.reach]
            if not parties or not told:
                continue
            group = max(told, key=lambda pair: pair[0])[1]
            for party in parties:
                participant = resolve(party, group, view)
                if participant is not None:
                    group.attendees.append((participant, party.mention))
