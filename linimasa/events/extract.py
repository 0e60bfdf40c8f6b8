"""From one annotated article to its event mentions: candidates, the decision, then assembly.

:mod:`linimasa.events.candidates` finds every trigger with the parties, place, date, length and topics of
its clause; :mod:`linimasa.events.participants` says who each party is at the event's date; the learned
decision (:mod:`linimasa.events.decision`, when one is given) scores the asserted ones;
:mod:`linimasa.events.assembly` groups the candidates into events (heads that name their parties,
references that lend their place and date), keeps the events one of whose candidates the decision scores
high enough, and builds each event mention with its evidence.
"""

from __future__ import annotations

from linimasa.events.agents import load_agents
from linimasa.events.arguments import SentenceView, as_date
from linimasa.events.assembly import Assembler
from linimasa.events.attendance import AttendanceCues, attach_attendees
from linimasa.events.candidates import Candidate, CandidateFinder
from linimasa.events.day_anaphora import date_day_anaphors
from linimasa.events.decision import ArticleContext, EventDecision
from linimasa.events.lexicon import Lexicon
from linimasa.events.occasions import place_at_occasions
from linimasa.events.participants import ParticipantResolver, people_by_surname
from linimasa.events.party_ranker import PartyRanker
from linimasa.events.places import dated_places, place_anaphors
from linimasa.kb.topics import load_topics
from linimasa.limits import DEFAULT_LIMITS
from linimasa.model import Article, Event


class Extractor:
    """Finds the events of articles with one lexicon, knowledge base, date function and (optionally) decision."""

    def __init__(self, lexicon: Lexicon, kb, dater, require_known: bool | None = None,
                 decision: EventDecision | None = None, max_candidates: int = DEFAULT_LIMITS.event_triggers,
                 ranker: PartyRanker | None = None):
        self.lexicon = lexicon
        topics = load_topics()
        offices = lexicon.words("government_offices") | lexicon.words("envoy_heads")
        resolver = ParticipantResolver(kb, offices, lexicon.words("predicative_office_words"))
        self.finder = CandidateFinder(lexicon, kb, dater, resolver, topics, load_agents(), max_candidates, ranker)
        self.assembler = Assembler(lexicon, kb, topics, require_known)
        self.attendance = AttendanceCues(lexicon)
        self.known_override = require_known  # the events stage's option, over the lexicon's rule and the model
        self.decision = decision
        # type -> modes (None: a trigger with no mode) of acts reported whatever the decision scores when their
        # clause names both sides (arguments_id.yaml both_sides_report: arrests)
        self.both_sides_report = {kind: frozenset(modes) for kind, modes in
                                  (lexicon.arguments.get("both_sides_report") or {}).items()}

    def events(self, article: Article) -> list[Event]:
        views, anchor, candidates = self.propose(article)
        if self.decision is not None:
            self.decision.judge(candidates, self.context(article, candidates))
        return self.assemble(article, views, anchor, candidates)

    def propose(self, article: Article) -> tuple[list[SentenceView], object, list[Candidate]]:
        """The article's sentences, its anchor date and every candidate the rules propose."""
        views = self.finder.views(article, article.working_text)
        anchor = as_date((article.anchor or {}).get("date")) or as_date((article.published or "")[:10])
        return views, anchor, self.finder.candidates(article, views, anchor, people_by_surname(article.mentions))

    def _resolver(self, article: Article, anchor):
        """Who an attendee (events/attendance.py) is, at the date of the talks attended."""
        people = []

        def resolve(party, group, view):
            if not people:
                people.append(people_by_surname(article.mentions))
            on = as_date(group.date().value) or anchor
            return self.finder.resolver.participant(party, on, article, people[0], view)
        return resolve

    def context(self, article: Article, candidates: list[Candidate]) -> ArticleContext:
        return ArticleContext.of(article.title, candidates, self.lexicon.words("reporting_verbs"))

    def known_needed(self, group, decision: EventDecision | None) -> bool:
        """The rule that an event needs a party the knowledge base knows holds for the types the decision does
        not judge; for those it judges, the model weighs what the knowledge base knows (its ``known=``
        features) unless the model says to keep the rule."""
        if self.known_override is not None or decision is None:
            return self.assembler.require_known
        judged_type = decision.types is None or group.first.match.rule.type in decision.types
        return not judged_type or decision.require_known_party

    def _both_sides_told(self, heads: list[Candidate]) -> bool:
        """Whether one head is an act of ``both_sides_report`` (an arrest) whose clause names who did it and to
        whom ("Lima penagih ditangkap polisi", "kepolisian sudah membekuk 15 orang"). The decision learned
        whether a candidate's own parties match an annotated event, and the annotations name the police unit
        or the people where the sentence has a generic noun, so it drops such arrests (known=0)."""
        for c in heads:
            rule = c.match.rule
            modes = self.both_sides_report.get(rule.type)
            if modes is None or rule.mode not in modes or c.modality != "asserted" or c.reference:
                continue
            if {"actor", "recipient"} <= {p.side for p, _ in c.participants}:
                return True
        return False

    def assemble(self, article: Article, views: list[SentenceView], anchor, candidates: list[Candidate],
                 decision: EventDecision | None = None) -> list[Event]:
        """The event mentions of the candidates (judged, when a decision is given, by ``decision`` or else the
        extractor's own): the groups the decision keeps."""
        return [event for _, event in self.assemble_groups(article, views, anchor, candidates, decision)]

    def assemble_groups(self, article: Article, views: list[SentenceView], anchor, candidates: list[Candidate],
                        decision: EventDecision | None = None) -> list[tuple]:
        """(group, event mention) of each group that makes an event, so that training can tell which
        candidates told an event the annotations match (scripts/train_event_decision.py)."""
        return [(group, event) for group, _, event in self.group_fates(article, views, anchor, candidates, decision)]

    def group_fates(self, article: Article, views: list[SentenceView], anchor, candidates: list[Candidate],
                    decision: EventDecision | None = None, explain: bool = False) -> list[tuple]:
        """(group, fate, event mention or None) of each group of candidates. The fate is "reported" for the
        groups that make an event; with ``explain``, the others are listed too: "decision" (the learned
        decision's threshold dropped it), "known_party" (no party the knowledge base knows, where that is
        required) or "merged_parties" (too few parties once merged). One walk serves the pipeline and the
        diagnostics (scripts/event_gate_losses.py), so they cannot drift apart."""
        decision = decision or self.decision
        groups = self.assembler.group(candidates)
        dropped = []
        if decision is not None:
            kept = []
            for group in groups:
                (kept if decision.keeps(group.heads) or self._both_sides_told(group.heads) else dropped).append(group)
            groups = kept
        lead = self.finder.lead_date(article, views)
        lead_end = next((v.sentence.end for v in views if lead is not None and lead.start is not None
                         and v.sentence.start <= lead.start < v.sentence.end), None)
        told = set()
        reach = self.lexicon.arguments["lead_reach"]
        for group in groups:  # the opening sentences date only the first event of each type told near them
            kind = group.first.match.rule.type
            if group.first.modality == "asserted" and kind not in told and group.first.view.index < reach:
                told.add(kind)
                group.lead_date = lead
                group.lead_sentence_end = lead_end
        self.assembler.attach_anaphora(groups, views)
        attach_attendees(groups, views, self.attendance, self.lexicon, self._resolver(article, anchor))
        self.assembler.attach_participant_topics(groups, views)
        dated = dated_places(views, self.lexicon, self.assembler.kb)
        anaphors = place_anaphors(views, self.lexicon, self.assembler.kb)
        fates = []
        for group in groups:
            known_needed = self.known_needed(group, decision)
            event = self.assembler.event(article, group, anchor, known_needed, dated, anaphors)
            if event is not None:
                fates.append((group, "reported", event))
            elif explain:
                unfiltered = known_needed and self.assembler.event(article, group, anchor, False, dated, anaphors)
                fates.append((group, "known_party" if unfiltered else "merged_parties", None))
        date_day_anaphors([(group, event) for group, fate, event in fates if event is not None], self.lexicon)
        place_at_occasions(fates, self.lexicon)
        if explain:
            fates.extend((group, "decision", None) for group in dropped)
        return fates
