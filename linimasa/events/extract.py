"""From one annotated article to its event mentions: candidates, then assembly.

:mod:`linimasa.events.candidates` finds every trigger with the parties, place, date, length and topics of
its clause; :mod:`linimasa.events.participants` says who each party is at the event's date;
:mod:`linimasa.events.assembly` groups the candidates into events (heads that name their parties, references
that lend their place and date) and builds each event mention with its evidence.
"""

from __future__ import annotations

from linimasa.events.arguments import as_date
from linimasa.events.assembly import Assembler
from linimasa.events.candidates import CandidateFinder
from linimasa.events.lexicon import Lexicon
from linimasa.events.participants import ParticipantResolver, people_by_surname
from linimasa.kb.topics import load_topics
from linimasa.model import Article, Event


class Extractor:
    """Finds the events of articles with one lexicon, knowledge base and date function."""

    def __init__(self, lexicon: Lexicon, kb, dater, require_known: bool | None = None):
        self.lexicon = lexicon
        topics = load_topics()
        self.finder = CandidateFinder(lexicon, kb, dater, ParticipantResolver(kb), topics)
        self.assembler = Assembler(lexicon, kb, topics, require_known)

    def events(self, article: Article) -> list[Event]:
        views = self.finder.views(article, article.working_text)
        anchor = as_date((article.anchor or {}).get("date")) or as_date((article.published or "")[:10])
        candidates = self.finder.candidates(article, views, anchor, people_by_surname(article.mentions))
        groups = self.assembler.group(candidates)
        lead = self.finder.lead_date(article, views)
        told = set()
        reach = self.lexicon.arguments["lead_reach"]
        for group in groups:  # the opening sentences date only the first event of each type told near them
            kind = group.first.match.rule.type
            if group.first.modality == "asserted" and kind not in told and group.first.view.index < reach:
                told.add(kind)
                group.lead_date = lead
        self.assembler.attach_anaphora(groups, views)
        self.assembler.attach_participant_topics(groups, views)
        events = []
        for group in groups:
            event = self.assembler.event(article, group, anchor)
            if event is not None:
                events.append(event)
        return events
