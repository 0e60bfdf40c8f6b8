"""From one annotated article to its event mentions.

Every trigger becomes a *candidate* with the parties, place, date, length and topics of its own clause.
Candidates that name their parties are *heads*; a head starts an event or, when it shares a party and
agrees on type, modality, date and place with one already told, joins it (Kerry's talks with Putin and
with Lavrov in Sochi the same day are one visit). Candidates that only refer back ("setelah pertemuan
itu", "dalam pertemuan tersebut") lend their place, date, length and topics to the nearest event of their
type and modality. Sentences about "keduanya" / "kedua negara" lend their topics to the last event told.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from linimasa.dates import bounds as date_bounds
from linimasa.dates import more_precise, precision
from linimasa.events.arguments import (
    Party,
    after_with,
    apposed_country,
    frame_subject,
    SentenceView,
    as_date,
    duration_minutes,
    find_location_mentions,
    find_parties,
    is_adjacent,
    location_of,
)
from linimasa.events.detect import TriggerMatch, find_triggers
from linimasa.events.lexicon import Lexicon, normal
from linimasa.events.modality import classify_modality, is_habitual, is_recalled
from linimasa.events.summary import summarise
from linimasa.kb.topics import TopicHit, load_topics
from linimasa.link import dates_compatible, locations_compatible, participants_overlap
from linimasa.model import Article, Event, Evidence, Location, Mention, Participant, Span
from linimasa.nlp.sentences import split_sentences
from linimasa.nlp.tokens import tokenize


STRONG_DATE_BASES = frozenset({"clause", "sentence", "lead"})
# Event triggers read per article. A news article has dozens; a text with hundreds more (generated, or a
# dump of many articles in one) is read up to here, so that grouping, which compares triggers with the
# events already told, stays bounded.
MAX_CANDIDATES = 400


@dataclass
class DateFinding:
    value: str | None = None
    flags: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    basis: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None

    @property
    def strong(self) -> bool:
        """Stated in the trigger's own clause or sentence (not borrowed from context or the anchor)."""
        return bool(self.value) and self.basis in STRONG_DATE_BASES


@dataclass
class Candidate:
    match: TriggerMatch
    view: SentenceView
    modality: str
    reference: bool
    recalled: bool
    date: DateFinding
    participants: list[tuple[Participant, Mention]]
    location: tuple[Location, Mention] | None
    durations: list[tuple[int, object]]
    topics: list[TopicHit]
    anaphoric: bool = False  # its parties are "keduanya": those of the event told before
    framed: bool = False  # a frame ("usai pertemuan dengan X") that names its own parties: told as a head


@dataclass
class Group:
    heads: list[Candidate] = field(default_factory=list)
    others: list[Candidate] = field(default_factory=list)
    anaphora: list[SentenceView] = field(default_factory=list)
    extra_topics: list[TopicHit] = field(default_factory=list)
    lead_date: DateFinding | None = None

    @property
    def first(self) -> Candidate:
        return self.heads[0]

    @property
    def members(self) -> list[Candidate]:
        return sorted(self.heads + self.others, key=lambda c: c.match.start)

    def date(self) -> DateFinding:
        """The most precise date stated with a head; else the article's lead date when the references agree
        with it; else the most precise date stated with a reference; else the first head's borrowed date."""
        stated = _most_precise(c.date for c in self.heads if c.date.strong)
        if stated is not None:
            return stated
        lead = self.lead_date
        referred = [c.date for c in self.others if c.date.strong]
        if lead is not None and all(dates_compatible(lead.value, d.value, lead.alternatives, d.alternatives) for d in referred):
            return lead
        return _most_precise(referred) or self.heads[0].date

    def location(self) -> tuple[Location, Mention] | None:
        found = self.located()
        return (found[0], found[1]) if found else None

    def located(self) -> tuple[Location, Mention, str] | None:
        """The most specific place stated with a member (a city over a country), with its basis."""
        best = None
        for c in self.members:
            if c.location and (best is None or (best[0].city is None and c.location[0].city is not None)):
                best = (*c.location, "trigger_sentence" if c in self.heads else "reference")
        return best

    def participant_list(self) -> list[Participant]:
        return [p for c in self.members for p, _ in c.participants]


class Extractor:
    """Finds the events of articles with one lexicon, knowledge base and date function."""

    def __init__(self, lexicon: Lexicon, kb, dater, require_known: bool | None = None):
        self.lexicon = lexicon
        self.kb = kb
        self.dater = dater
        self.topics = load_topics()
        args = lexicon.arguments
        self.frame_before = frozenset(args["frame_before"])
        self.reference_before = frozenset(args["reference_before"])
        self.determiners = frozenset(args["determiners"])
        self.not_political = frozenset(args["not_political_context"])
        self.require_known = bool(args["require_known_party"]) if require_known is None else require_known
        self.single_party_modes = frozenset(args["single_party_modes"])
        self.anaphora = [tuple(a) for a in args["plural_anaphora"]]
        self.session_bodies = dict(args.get("session_bodies") or {})
        self.frame_words = frozenset(args.get("frame_words") or ())

    # ------------------------------------------------------------------ per article
    def events(self, article: Article) -> list[Event]:
        text = article.working_text
        views = self._views(article, text)
        anchor = as_date((article.anchor or {}).get("date")) or as_date((article.published or "")[:10])
        people = _people_by_surname(article.mentions)
        candidates = []
        for view in views:
            if len(candidates) >= MAX_CANDIDATES:
                break
            previous = None
            matches = find_triggers(view.words, view.starts, view.ends, self.lexicon)
            for before, match, following in zip([None] + matches, matches, matches[1:] + [None]):
                span = (before.last if before else 0, following.first if following else len(view.words))
                candidate = self._candidate(article, view, match, anchor, people, span)
                if candidate is None:
                    continue
                if (previous is not None and (previous.reference or previous.framed) and match.rule.pos == "noun"
                        and self._same_clause(view, previous.match, match)):
                    candidate.reference = True  # "Pertemuan itu diawali dengan pembicaraan empat mata"
                candidates.append(candidate)
                previous = candidate
            self._share_modality(candidates, view)
        groups = self._group(candidates)
        lead = self._lead_date(article, views)
        told = set()
        reach = self.lexicon.arguments["lead_reach"]
        for group in groups:  # the opening sentences date only the first event of each type told near them
            kind = group.first.match.rule.type
            if group.first.modality == "asserted" and kind not in told and group.first.view.index < reach:
                told.add(kind)
                group.lead_date = lead
        self._attach_anaphora(groups, views)
        self._attach_participant_topics(groups, views)
        events = []
        for group in groups:
            event = self._event(article, group, anchor)
            if event is not None:
                events.append(event)
        return events

    def _views(self, article: Article, text: str) -> list[SentenceView]:
        sentences = article.sentences
        if not sentences:
            sentences = split_sentences(text)
        dateline = article.dateline or {}
        in_text = dateline.get("end") and text[dateline["start"] : dateline["end"]] == dateline.get("text")
        skip = (dateline["start"], dateline["end"]) if in_text else None
        mentions = _outermost(article.mentions)
        if skip:
            mentions = [m for m in mentions if not (skip[0] <= m.start < skip[1])]
        views = []
        times = sorted(article.times, key=lambda t: t.start)
        for index, sentence in enumerate(sentences):
            tokens = sentence.tokens
            if not tokens:
                tokens = tokenize(sentence.text, sentence.start)
            view = SentenceView(index, sentence, [normal(t.text) for t in tokens], [t.start for t in tokens],
                                [t.end for t in tokens])
            view.mentions = [m for m in mentions if sentence.start <= m.start < sentence.end]
            view.times = [t for t in times if sentence.start <= t.start < sentence.end]
            if view.words:
                views.append(view)
        return views

    # ------------------------------------------------------------------ candidates
    def _candidate(self, article, view: SentenceView, match: TriggerMatch, anchor, people,
                   span: tuple[int, int]) -> Candidate | None:
        """``span``: from the end of the previous trigger to the start of the next; words beyond belong to
        other predicates."""
        rule = match.rule
        words = view.words
        previous = words[max(0, match.first - 2) : match.first]
        if self.not_political.intersection(words) or is_habitual(words, match, self.lexicon):
            return None
        if rule.next_mention and not any(view.token_index(m.start) == match.last and _is_person_mention(m)
                                         for m in view.mentions):
            return None
        if rule.pos == "noun" and previous and previous[-1] in self.frame_before:
            return None
        anaphoric = self._anaphoric_subject(view, match)
        framed = False
        after_frame = self._after_reference_word(words, match.first)
        reference = anaphoric or (rule.pos == "noun" and (after_frame or self._has_determiner(words, match))) or (
            rule.pos == "verb" and after_frame and match.first == 1  # "Seusai berbicara dengan Putin, Trump ..."
        )
        date = self._date(article, match)
        if date.strong and date.start is not None and self._other_predicate(view, match, date):
            date.basis = "other_clause"  # "... sejak Trump kembali menjabat pada 20 Januari 2025"
        on = as_date(date.value) or anchor
        parties = find_parties(view, match, self.lexicon, reference, span)
        body = self.session_bodies.get(" ".join(rule.words))
        own_party = any(view.token_index(party.mention.start) >= match.last for party in parties)
        if (rule.type == "CONSULT" and (own_party or body) and not anaphoric
                and not any(view.token_index(party.mention.start) < match.first for party in parties)
                and not self._has_determiner(words, match)
                and (self._framed_by_time_word(words, match.first) or self._speaker_just_before(view, match))):
            # Talks told as the frame of a statement are a meeting of their own, held by the speaker or the
            # person the sentence opens with, when the frame names who was met ("..., kata Purbaya usai
            # melakukan pertemuan dengan Menteri PU", "disampaikan Erick usai bertemu Prabowo") or is the
            # session of a body ("ujar Prabowo dalam sidang kabinet paripurna": the chair and the cabinet).
            subject = frame_subject(view, match, self.lexicon)
            if subject is not None and all(subject.mention is not party.mention for party in parties):
                parties = [subject] + parties
                framed, reference = True, False
        participants = []
        for party in parties:
            participant = self._participant(party, on, article, people, view)
            if participant is not None:
                participants.append((participant, party.mention))
        if body and framed and participants and participants[0][0].country:
            participants.append(self._session_body(body, participants[0][0], match, article))
        location = None
        for m in find_location_mentions(view, match, self.lexicon):
            found = location_of(m, self.kb, apposed_country(view, m))
            if found is not None and found.country:  # a region across countries ("Asia Tenggara") is no venue
                location = (found, m)
                break
        durations = []
        if rule.type == "CONSULT":  # the length of talks; elsewhere a span is a sentence, a shift, a war
            durations = [(minutes, t) for t in view.times if (minutes := duration_minutes(t)) is not None]
        topics = self.topics.find(view.sentence.text, view.sentence.start)
        return Candidate(match, view, classify_modality(words, match, self.lexicon), reference,
                         is_recalled(words, match, self.lexicon), date, participants, location, durations, topics,
                         anaphoric, framed)

    def _same_clause(self, view: SentenceView, first: TriggerMatch, second: TriggerMatch) -> bool:
        breaks = self.lexicon.words("clause_breaks") | self.lexicon.words("reporting_verbs") | {","}
        return not any(w in breaks for w in view.words[first.last : second.first])

    def _session_body(self, template: str, chair: Participant, match: TriggerMatch, article: Article):
        """The body a session is held with, of the chair's country, as a party read from the session's words."""
        name = template.format(country=_country_name(self.kb, chair.country))
        mention = Mention(match.start, match.end, article.working_text[match.start:match.end], "ORG", source="kb",
                          kind="organisation", name=name, country=chair.country)
        return (Participant(name=name, mention=mention.text, country=chair.country, kind="organisation",
                            kb_id=f"body:{name}", side=chair.side), mention)

    def _framed_by_time_word(self, words: list[str], first: int) -> bool:
        """ "usai (melakukan) pertemuan", "setelah menggelar pertemuan", "saat rapat": the talks are the time
        frame of what the sentence tells, through at most one light verb."""
        light = self.lexicon.words("light_verbs")
        i = first - 1
        if i >= 0 and words[i] in light:
            i -= 1
        return self._after_reference_word(words, i + 1) or (i >= 0 and words[i] in self.frame_words)

    def _speaker_just_before(self, view: SentenceView, match: TriggerMatch) -> bool:
        """ "..., kata Atnike rapat bersama Komisi XIII": the speaker named right before the talks held them."""
        reporting = self.lexicon.words("reporting_verbs")
        for m in view.mentions:
            last = view.token_index(m.end - 1)
            first = view.token_index(m.start)
            if 0 < match.first - last <= 2 and first > 0 and view.words[first - 1] in reporting:
                return True
        return False

    def _after_reference_word(self, words: list[str], first: int) -> bool:
        """ "setelah pertemuan", "dalam sesi pertama pembicaraan"."""
        modifiers = self.lexicon.words("reference_modifiers")
        i = first - 1
        while i >= 0 and words[i] in modifiers:
            i -= 1
        return i >= 0 and words[i] in self.reference_before

    def _other_predicate(self, view: SentenceView, match: TriggerMatch, date: DateFinding) -> bool:
        """Whether a frame word ("sejak", "setelah", "ketika") stands between the trigger and its date."""
        frames = self.lexicon.words("other_predicate_words")
        if date.start >= match.end:
            between = range(match.last, view.token_index(date.start))
        else:
            between = range(view.token_index(date.end - 1) + 1, match.first)
        return any(view.words[i] in frames for i in between if 0 <= i < len(view.words))

    def _anaphoric_subject(self, view: SentenceView, match: TriggerMatch) -> bool:
        """ "Keduanya kemudian melakukan pertemuan": the parties are those of an event already told."""
        start = max(0, match.first - self.lexicon.arguments["subject_window"])
        return any(_contains(view.words[start : match.first], a) for a in self.anaphora)

    def _share_modality(self, candidates: list[Candidate], view: SentenceView) -> None:
        """ "Selain bertemu Biden, Prabowo berencana bertemu ...": the first takes the second's modality."""
        here = [c for c in candidates if c.view is view]
        like_next = frozenset(self.lexicon.modality["like_next"])
        for c, following in zip(here, here[1:]):
            if any(w in like_next for w in view.words[max(0, c.match.first - 2) : c.match.first]):
                c.modality = following.modality

    def _lead_date(self, article: Article, views: list[SentenceView]) -> DateFinding | None:
        """The date the article's opening sentences state for its news, if they state one."""
        for view in views[: self.lexicon.arguments["lead_sentences"]]:
            found = self._date_at(article, view.sentence.start, view.sentence.start)
            if found.strong and precision(found.value) == 3:
                found.basis = "lead"
                return found
        return None

    def _has_determiner(self, words: list[str], match: TriggerMatch) -> bool:
        window = self.lexicon.arguments["determiner_window"]
        for word in words[match.last : match.last + window]:
            if word in self.determiners:
                return True
            if word in self.lexicon.stop_words or word in self.lexicon.words("with_words"):
                return False
        return False

    def _date(self, article: Article, match: TriggerMatch) -> DateFinding:
        return self._date_at(article, match.start, match.end)

    def _date_at(self, article: Article, start: int, end: int) -> DateFinding:
        if self.dater is None:
            return DateFinding()
        return _date_finding(self.dater(article, start, end))

    def _participant(self, party: Party, on: dt.date | None, article: Article, people, view) -> Participant | None:
        text, mentions = article.working_text, article.mentions
        m = party.mention
        if m.label == "TITLE" and m.kind != "person":
            following = next((p for p in view.mentions if p.label == "PER" and is_adjacent(text, m, p)), None)
            if following is not None:
                return None  # the name that follows carries the person; the title only confirms the role
            person = self.kb.holder(m.text, on, mentions) if self.kb is not None else None
            if person is None:
                return None
            return self._person(person.kb_id, person.name, person.country, m.text, party.side, on)
        if party.collective and m.country:  # "pemerintahan Biden": the administration, not the person
            return Participant(name=party.collective.format(country=_country_name(self.kb, m.country)),
                               mention=m.text, country=m.country, kind="organisation",
                               kb_id=f"collective:{m.country}", side=party.side)
        if m.kind == "person" and m.kb_id:
            return self._person(m.kb_id, m.name or m.text, m.country, m.text, party.side, on, m.role)
        if m.kind is None and any(p.kind == "person" and is_adjacent(text, m, p) for p in view.mentions):
            return None  # "Menteri Luar Negeri RI Retno Marsudi": the unresolved words only precede the name
        if m.label == "PER" and m.kind is None:
            full = people.get(_surname(m.text))
            if full is not None and full is not m:
                return self._person(full.kb_id, full.name or full.text, full.country, m.text, party.side, on, full.role)
            return Participant(name=m.text, mention=m.text, kind="person", side=party.side)
        if m.kind == "country" or (party.side == "recipient" and m.kind == "place"):
            iso3 = m.country
            if not iso3:
                return None
            name = m.name if m.kind == "country" and m.name else _country_name(self.kb, iso3)
            if party.collective and m.kind == "country":
                return Participant(name=party.collective.format(country=name), mention=m.text, country=iso3,
                                   kind="organisation", side=party.side)
            return Participant(name=name, mention=m.text, country=iso3, kind="country",
                               kb_id=f"country:{iso3}", side=party.side)
        if m.kind == "organisation" or m.label == "ORG":
            return Participant(name=m.name or m.text, mention=m.text, country=m.country, kind="organisation",
                               kb_id=m.kb_id, side=party.side)
        return None

    def _person(self, kb_id, name, country, mention, side, on, fallback_role=None) -> Participant:
        role = None
        if kb_id and self.kb is not None and on is not None:
            period = self.kb.role_at(kb_id, on)
            role = period.role if period else None
            country = country or (period.country if period else None)
        elif on is None:
            role = fallback_role
        return Participant(name=name, mention=mention, country=country, role=role, kind="person", kb_id=kb_id,
                           side=side)

    # ------------------------------------------------------------------ grouping
    def _enough_parties(self, c: Candidate) -> bool:
        keys = {_key(p) for p, _ in c.participants}
        if c.match.rule.type != "CONSULT":
            return len(keys) >= 1
        if not c.match.rule.head:  # a summit is an event only "antara" two named parties
            paired = {_key(p) for p, m in c.participants if after_with(c.view, c.match, m, self.lexicon)}
            return len(paired) >= 2
        if c.match.rule.mode == "visit":  # a visit needs a host: a party or place after "ke" / the verb
            return any(p.side == "recipient" for p, _ in c.participants) and len(keys) >= 2
        return len(keys) >= 2 or (len(keys) == 1 and c.match.rule.mode in self.single_party_modes)

    def _group(self, candidates: list[Candidate]) -> list[Group]:
        groups: list[Group] = []
        heads = [c for c in candidates if not c.reference and self._enough_parties(c) and not self._countries_only(c)]
        orphans: list[Candidate] = []
        for c in heads:
            fitting = [g for g in groups if self._joins(g, c, need_overlap=True)]
            if fitting:
                mine = {_key(p) for p, _ in c.participants}
                best = max(fitting, key=lambda g: (len(mine & {_key(p) for p in g.participant_list()}),
                                                   max(h.match.start for h in g.heads)))
                best.heads.append(c)
            else:
                groups.append(Group(heads=[c]))
        for c in candidates:
            if c in heads or (not c.match.rule.head and not c.reference):  # "KTT APEC di Peru" is no report
                continue
            target = self._nearest(groups, c)
            if target is not None:
                target.others.append(c)
            elif not c.reference and self._enough_parties(c):
                groups.append(Group(heads=[c]))
            elif c.anaphoric and (told := self._told_before(groups, c)) is not None:
                # "Keduanya sebelumnya bertemu di Bali pada November 2022": the same parties, another meeting
                groups.append(Group(heads=[_with_parties(c, told)]))
            elif c.match.rule.type == "CONSULT" and c.modality == "asserted":
                orphans.append(c)
        return groups + self._meetings_behind(groups, orphans)

    def _told_before(self, groups: list[Group], c: Candidate) -> Group | None:
        earlier = [g for g in groups if g.first.view.index < c.view.index and g.first.modality == "asserted"]
        return _antecedent(earlier, c) if earlier else None

    def _meetings_behind(self, groups: list[Group], orphans: list[Candidate]) -> list[Group]:
        """Talks told only by reference ("Kesepakatan itu dicapai dalam pertemuan di Woodside") are held by
        the parties of the asserted event of another type they explain, told in an earlier sentence."""
        if not orphans:
            return []
        first = orphans[0]
        told = [g for g in groups if g.first.modality == "asserted" and g.first.view.index <= first.view.index
                and g.first.match.rule.type != "CONSULT" and not g.first.anaphoric
                and sum(1 for p in g.participant_list() if not _generic(p)) >= 2]
        if not told:
            return []
        source = told[0]
        meeting = Group(heads=[_with_parties(first, source)])
        meeting.others = [c for c in orphans[1:] if self._joins(meeting, c, need_overlap=False)]
        return [meeting]

    def _countries_only(self, c: Candidate) -> bool:
        """A CONSULT naming only countries or their collectives ("pemerintahan Biden dan mitranya Rusia")."""
        return c.match.rule.type == "CONSULT" and all(_generic(p) for p, _ in c.participants)

    def _joins(self, g: Group, c: Candidate, need_overlap: bool) -> bool:
        first = g.first
        if first.match.rule.type != c.match.rule.type or first.modality != c.modality:
            return False
        if not c.reference and (first.match.rule.mode == "phone") != (c.match.rule.mode == "phone"):
            return False  # a call and a meeting are two events ("seusai berbicara dengan Putin" refers back)
        if c.date.strong:
            stated = [m.date for m in g.members if m.date.strong]
            if any(not dates_compatible(d.value, c.date.value, d.alternatives, c.date.alternatives) for d in stated):
                return False
        location = g.location()
        if location and c.location and not locations_compatible(location[0], c.location[0]):
            return False
        if need_overlap and not self._same_parties(g, c):
            return False
        return True

    def _same_parties(self, g: Group, c: Candidate) -> bool:
        """One shared party is enough when both state compatible dates and places (Kerry with Putin, then
        with Lavrov, in Sochi on 12 May); otherwise two, or every person the newcomer names must already take
        part."""
        told = g.participant_list()
        new = [p for p, _ in c.participants]
        if not participants_overlap(told, new):
            return False
        located = g.location()
        if c.date.strong and any(m.date.strong for m in g.members) and located and c.location:
            return True  # same day, same place (locations were checked compatible before)
        known = {_key(p) for p in told}
        countries = {p.country for p in told if _generic(p)}  # "kunjungan ke China dan bertemu Presiden Xi"
        return len(known & {_key(p) for p in new}) >= 2 or all(
            _key(p) in known or p.country in countries for p in new if not _generic(p))

    def _nearest(self, groups: list[Group], c: Candidate) -> Group | None:
        fitting = [g for g in groups if self._joins(g, c, need_overlap=False)]
        if not fitting:
            return None
        before = [g for g in fitting if g.first.match.start <= c.match.start]
        if not before:
            return min(fitting, key=lambda g: g.first.match.start)
        return _antecedent(before, c)

    def _attach_anaphora(self, groups: list[Group], views: list[SentenceView]) -> None:
        told = [g for g in groups if g.first.modality == "asserted"]
        for view in views:
            if not any(_contains(view.words, a) for a in self.anaphora):
                continue
            earlier = [g for g in told if g.first.view.index <= view.index]
            if earlier:
                target = max(earlier, key=lambda g: g.first.view.index)
                target.extra_topics.extend(self.topics.find(view.sentence.text, view.sentence.start))

    def _attach_participant_topics(self, groups: list[Group], views: list[SentenceView]) -> None:
        """Specific topics ("perubahan iklim") from sentences naming a person of each type's first event."""
        seen_types = set()
        for g in groups:
            if g.first.match.rule.type in seen_types or g.first.modality != "asserted":
                continue
            seen_types.add(g.first.match.rule.type)
            names = {_surname(m.text) for c in g.members for p, m in c.participants if p.kind == "person"}
            names |= {_surname(p.name) for p in g.participant_list() if p.kind == "person"}
            for view in views:
                if any(_surname(m.text) in names for m in view.mentions if m.label == "PER" or m.kind == "person"):
                    g.extra_topics.extend(self.topics.find(view.sentence.text, view.sentence.start, cued=False))

    # ------------------------------------------------------------------ events
    def _event(self, article: Article, group: Group, anchor: dt.date | None) -> Event | None:
        first = group.first
        rule = first.match.rule
        article_id = article.id or ""
        date = group.date()
        on = as_date(date.value) or anchor
        evidence: list[Evidence] = []
        cited: set[tuple[str, int, int]] = set()

        def cite(field_name: str, start: int, end: int) -> None:
            if (field_name, start, end) not in cited:
                cited.add((field_name, start, end))
                evidence.append(Evidence(article_id, field_name, article.working_text[start:end], start, end))

        for c in group.members:
            cite("trigger", c.view.sentence.start, c.view.sentence.end)
        participants = self._merge_participants(group, on)
        if not self._valid(rule, participants):
            return None
        for c in group.members:
            for p, m in c.participants:
                if any(_key(q) == _key(p) for q in participants):
                    cite("participant", m.start, m.end)
        located = group.located() or self._dateline_place(article, group)
        location = located[:2] if located else None
        if location and location[1].source != "dateline":
            cite("location", location[1].start, location[1].end)
        if date.value and date.start is not None:
            cite("date", date.start, date.end)
        duration = None
        for c in group.members:
            if c.durations:
                duration, expression = c.durations[0]
                cite("duration", expression.start, expression.end)
                break
        party_countries = {p.country for p in participants if p.country}
        topics: list[str] = []
        for hit in [h for c in group.members for h in c.topics] + group.extra_topics:
            if hit.label not in topics and _country_code(self.kb, hit.label) not in party_countries:
                topics.append(hit.label)
                cite("topic", hit.start, hit.end)
        modality = first.modality
        if date.strong:
            background = modality == "asserted" and _before_anchor(date.value, anchor, self.lexicon)
        else:  # no date of its own: only words such as "pernah" tell a recalled meeting
            background = modality == "asserted" and any(c.recalled for c in group.heads)
        event = Event(
            id=_event_id(article_id, first.match.start, rule.type),
            type=rule.type,
            mode=rule.mode,
            modality=modality,
            date=date.value,
            date_flags=list(date.flags),
            date_alternatives=list(date.alternatives),
            date_basis=date.basis,
            location=location[0] if location else None,
            location_basis=located[2] if located else None,
            participants=participants,
            duration_minutes=duration,
            topics=topics,
            article_id=article.id,
            trigger=Span(first.match.start, first.match.end, article.working_text[first.match.start:first.match.end]),
            evidence=evidence,
            background=background,
            confidence=_confidence(group),
        )
        event.summary = summarise(event, article, first.view.sentence)
        return event

    def _dateline_place(self, article: Article, group: Group) -> tuple[Location, Mention, str] | None:
        """The dateline's city, for the article's news only (the first event of its type dated by the lead),
        when it is a city and no place is named in the event's sentences."""
        dateline = article.dateline or {}
        if group.lead_date is None or not dateline.get("place") or self.kb is None:
            return None
        if group.first.match.rule.mode == "phone":
            return None  # a call has no one venue
        if any(m.kind in ("place", "country") for c in group.members for m in c.view.mentions):
            return None
        place = self.kb.place(dateline["place"])
        if place is None or not place.city:
            return None
        start = dateline.get("start") or 0
        end = dateline.get("end") or start
        stand_in = Mention(start, end, dateline.get("text") or dateline["place"], "LOC", "dateline")
        located = Location(place.name, place.city, place.country, place.lat, place.lon, place.kb_id)
        return located, stand_in, "dateline"

    def _merge_participants(self, group: Group, on) -> list[Participant]:
        merged: dict[str, Participant] = {}
        for c in group.members:
            for p, _ in c.participants:
                key = _key(p)
                if key in merged:
                    continue
                if p.kind == "person" and p.kb_id and self.kb is not None and on is not None:
                    period = self.kb.role_at(p.kb_id, on)
                    p = Participant(p.name, p.mention, p.country or (period.country if period else None),
                                    period.role if period else None, p.kind, p.kb_id, p.side)
                merged[key] = p
        specific = [p for p in merged.values() if not _generic(p)]
        represented = {p.country for p in specific if p.country}
        return specific + [p for p in merged.values() if _generic(p) and p.country not in represented]

    def _valid(self, rule, participants: list[Participant]) -> bool:
        if self.require_known and not any(p.kb_id for p in participants):
            return False
        if rule.type != "CONSULT":
            return bool(participants)
        return len(participants) >= 2 or (len(participants) == 1 and rule.mode in self.single_party_modes)


# ---------------------------------------------------------------------- helpers
def _date_finding(found) -> DateFinding:
    """The time engineer's ``date_for_event`` answer, whatever its shape (mapping, object or tuple)."""
    if found is None:
        return DateFinding()
    if isinstance(found, DateFinding):
        return found
    if isinstance(found, (tuple, list)):
        value, flags, alternatives, basis = (list(found) + [None] * 4)[:4]
        return DateFinding(value, list(flags or []), list(alternatives or []), basis)
    get = found.get if isinstance(found, dict) else (lambda k, d=None: getattr(found, k, d))
    expression = get("expression") or get("time")
    start, end, text = get("start"), get("end"), get("text")
    if expression is not None:
        start, end, text = expression.start, expression.end, expression.text
    return DateFinding(get("value"), list(get("flags") or []), list(get("alternatives") or []), get("basis"),
                       start, end, text)


def _antecedent(earlier: list[Group], c: Candidate) -> Group:
    """The event a reference points back to: the one told in its own or the previous sentence ("... juga
    bertemu Xi di Beijing. Pertemuan itu ..."); further on, the article's main event, the one told most."""
    def last_head(g: Group) -> Candidate:
        return max((h for h in g.heads if h.match.start <= c.match.start), key=lambda h: h.match.start)

    last_told = max(earlier, key=lambda g: last_head(g).match.start)
    if c.view.index - last_head(last_told).view.index <= 1:
        return last_told
    return max(earlier, key=lambda g: (len(g.heads) + len(g.others), -g.first.match.start))


def _with_parties(c: Candidate, source: Group) -> Candidate:
    """A reference made a head with the parties of the event it refers to."""
    parties = list({_key(p): (p, m) for h in source.heads for p, m in h.participants}.values())
    return Candidate(c.match, c.view, c.modality, False, c.recalled, c.date, parties, c.location, c.durations,
                     c.topics, c.anaphoric)


def _is_person_mention(m: Mention) -> bool:
    return m.kind == "person" or m.label in ("PER", "TITLE")


def _generic(p: Participant) -> bool:
    return p.kind == "country" or (p.kb_id or "").startswith("collective:")


def _most_precise(dates) -> DateFinding | None:
    best = None
    for d in dates:
        if best is None or more_precise(d.value, best.value):
            best = d
    return best


def _outermost(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _surname(text: str) -> str:
    parts = text.split()
    return parts[-1].casefold() if parts else ""


def _people_by_surname(mentions: list[Mention]) -> dict[str, Mention]:
    """Resolved people by the last word of their mention and of their canonical name."""
    people: dict[str, Mention] = {}
    for m in mentions:
        if m.kind == "person" and m.kb_id:
            for text in (m.text, m.name or ""):
                people.setdefault(_surname(text), m)
    for m in mentions:  # an unresolved full name still links its surname ("Sergei Lavrov" ... "Lavrov")
        if m.label == "PER" and m.kind is None and len(m.text.split()) > 1:
            people.setdefault(_surname(m.text), m)
    return people


def _key(p: Participant) -> str:
    return p.kb_id or f"{p.kind}:{p.name.casefold()}"


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether the phrase occurs in the words; only positions holding its first word are compared."""
    n, first = len(phrase), phrase[0]
    if first not in words:
        return False
    return any(word == first and tuple(words[i : i + n]) == phrase for i, word in enumerate(words))


def _country_name(kb, iso3: str | None) -> str | None:
    if not iso3:
        return None
    found = kb.country(iso3) if kb is not None else None
    if found is not None:
        return found.name
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or (country.name if country else iso3)


def _country_code(kb, label: str) -> str | None:
    """The ISO code of a topic that names a country ("Russia" -> RUS): a party is not its own topic."""
    found = kb.country(label) if kb is not None else None
    return found.iso3 if found is not None else None


def _before_anchor(value: str | None, anchor: dt.date | None, lexicon: Lexicon) -> bool:
    if not value or anchor is None:
        return False
    bounds = date_bounds(value)
    if bounds is None:
        return False
    return (anchor - bounds[1]).days > lexicon.arguments["background_days"]


def _confidence(group: Group) -> float:
    """More for an event told by several clauses, with a date and a place."""
    score = 0.5 + 0.1 * min(len(group.members) - 1, 2)
    score += 0.1 if group.date().value else 0.0
    score += 0.1 if group.location() else 0.0
    return round(min(score, 1.0), 2)


def _event_id(article_id: str, start: int, event_type: str) -> str:
    digest = hashlib.sha1(f"{article_id}|{start}|{event_type}".encode()).hexdigest()[:12]
    return f"m-{digest}"
