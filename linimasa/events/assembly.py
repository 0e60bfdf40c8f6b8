"""Assembly: from an article's candidates to its event mentions.

Candidates that name their parties are *heads*; a head starts an event or, when it shares a party and
agrees on type, modality, date and place with one already told, joins it (Kerry's talks with Putin and
with Lavrov in Sochi the same day are one visit). Candidates that only refer back ("setelah pertemuan
itu", "dalam pertemuan tersebut") lend their place, date, length and topics to the nearest event of their
type and modality. Sentences about "keduanya" / "kedua negara" lend their topics to the last event told.
Each group becomes one event mention with the evidence of every field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from linimasa.dates import bounds as date_bounds
from linimasa.events.arguments import SentenceView, after_with, as_date
from linimasa.events.candidates import Candidate
from linimasa.events.company_names import commercial
from linimasa.events.date_findings import DateFinding, dated_after, group_date
from linimasa.events.decision import best_decision
from linimasa.events.lexicon import Lexicon
from linimasa.events.name_words import NAME_WORD
from linimasa.events.participants import LOCAL_PREFIX, contains, generic, key, surname, vouches
from linimasa.events.places import (DatedPlace, anaphor_place, city_of_country, dated_place, dateline_place,
                                    participants_country, seat_place, stated_place, with_city_of_city_state)
from linimasa.events.references import as_head, own_people, with_parties
from linimasa.events.retold_visits import visit_told_again
from linimasa.events.summary import summarise
from linimasa.kb.topics import TopicHit
from linimasa.link import dates_compatible, locations_compatible, participants_overlap
from linimasa.model import (
    ANAPHOR_PLACE,
    DATED_PLACE,
    Article,
    Event,
    Evidence,
    Location,
    Mention,
    Participant,
    Span,
)


@dataclass
class Group:
    heads: list[Candidate] = field(default_factory=list)
    others: list[Candidate] = field(default_factory=list)
    anaphora: list[SentenceView] = field(default_factory=list)
    extra_topics: list[TopicHit] = field(default_factory=list)
    lead_date: DateFinding | None = None
    lead_sentence_end: int | None = None  # where the sentence stating the lead date ends
    attendees: list[tuple[Participant, Mention]] = field(default_factory=list)  # events/attendance.py

    @property
    def first(self) -> Candidate:
        return self.heads[0]

    @property
    def members(self) -> list[Candidate]:
        return sorted(self.heads + self.others, key=lambda c: c.match.start)

    def date(self) -> DateFinding:
        """The group's date (:func:`linimasa.events.date_findings.group_date`)."""
        return group_date(self.heads, self.others, self.lead_date, self.lead_sentence_end)

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
        return [p for p, _ in self.parties()]

    def parties(self) -> list[tuple[Participant, Mention]]:
        return [pair for c in self.members for pair in c.participants] + self.attendees


class Assembler:
    """Groups candidates into events and builds each event mention, with one lexicon and knowledge base."""

    def __init__(self, lexicon: Lexicon, kb, topics, require_known: bool | None = None):
        self.lexicon = lexicon
        self.kb = kb
        self.topics = topics
        args = lexicon.arguments
        self.require_known = bool(args["require_known_party"]) if require_known is None else require_known
        self.single_party_modes = frozenset(args["single_party_modes"])
        self.two_party_types = frozenset(args.get("two_party_types") or ())
        self.local_vouch_types = frozenset(args.get("regional_bodies_vouch_for") or ())
        self.anaphora = [tuple(a) for a in args["plural_anaphora"]]
        self.not_talks_outcomes = frozenset(args.get("not_talks_outcomes") or ())
        self.commercial_sectors = frozenset(args.get("commercial_sectors") or ())

    # ------------------------------------------------------------------ grouping
    def _enough_parties(self, c: Candidate) -> bool:
        keys = {key(p) for p, _ in c.participants}
        if c.match.rule.type != "CONSULT":
            return len(keys) >= 1
        if not c.match.rule.head:  # a summit is an event only "antara" two named parties
            paired = {key(p) for p, m in c.participants if after_with(c.view, c.match, m, self.lexicon)}
            return len(paired) >= 2
        if c.match.rule.mode == "visit":  # a visit needs a host: a party or place after "ke" / the verb
            return any(p.side == "recipient" for p, _ in c.participants) and len(keys) >= 2
        return len(keys) >= 2 or (len(keys) == 1 and c.match.rule.mode in self.single_party_modes)

    def group(self, candidates: list[Candidate]) -> list[Group]:
        groups: list[Group] = []
        heads = [c for c in candidates if not c.reference and self._enough_parties(c) and not self._countries_only(c)]
        orphans: list[Candidate] = []
        for c in heads:
            fitting = [g for g in groups if self._joins(g, c, need_overlap=True)]
            if fitting:
                mine = {key(p) for p, _ in c.participants}
                best = max(fitting, key=lambda g: (len(mine & {key(p) for p in g.participant_list()}),
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
                groups.append(Group(heads=[with_parties(c, told)]))
            elif c.match.rule.type == "CONSULT" and c.modality == "asserted" and own_people(c) >= 2 and (
                    c.match.rule.mode != "visit" or any(p.side == "recipient" for p, _ in c.own_participants)):
                # "komitmen Presiden Joko Widodo dan PM Mark Rutte dalam pertemuan bilateral hari ini": no talks
                # were told before, so the frame names its own parties; a visit's need a host among them
                # ("Turut mendampingi Presiden dalam kunjungan itu A dan B": companions, no one visited)
                groups.append(Group(heads=[as_head(c)]))
            elif c.match.rule.type == "CONSULT" and c.modality == "asserted" and c.reference and c.match.rule.head:
                # only a reference ("pertemuan itu") points back to talks; a verb whose clause names no
                # second party borrows none ("ucap Taufik saat berbincang dengan [an outlet]"), nor does a
                # summit word, a setting ("sudah kami sampaikan pada saat konferensi yang lalu")
                orphans.append(c)
        return groups + self._meetings_behind(groups, orphans)

    def _told_before(self, groups: list[Group], c: Candidate) -> Group | None:
        """Talks told the sentence before, planned too ("X dijadwalkan bertemu Y. Keduanya ..."), else a past event."""
        talks = [g for g in groups if g.first.match.rule.type == "CONSULT" and g.first.view.index == c.view.index - 1]
        earlier = talks or [g for g in groups if g.first.view.index < c.view.index and g.first.modality == "asserted"]
        return _antecedent(earlier, c) if earlier else None

    def _meetings_behind(self, groups: list[Group], orphans: list[Candidate]) -> list[Group]:
        """Talks told only by reference ("Kesepakatan itu dicapai dalam pertemuan di Woodside") are held by
        the parties of the asserted event of another type they explain, told in an earlier sentence; an arrest,
        an attack or a deployment (``not_talks_outcomes``) is no outcome of talks between its parties."""
        if not orphans:
            return []
        first = orphans[0]
        told = [g for g in groups if g.first.modality == "asserted" and g.first.view.index <= first.view.index
                and g.first.match.rule.type != "CONSULT" and g.first.match.rule.type not in self.not_talks_outcomes
                and not g.first.anaphoric
                and sum(1 for p in g.participant_list() if not generic(p)) >= 2]
        if not told:
            return []
        source = told[0]
        meeting = Group(heads=[with_parties(first, source)])
        meeting.others = [c for c in orphans[1:] if self._joins(meeting, c, need_overlap=False)]
        return [meeting]

    def _countries_only(self, c: Candidate) -> bool:
        """A CONSULT naming only countries or their collectives ("pemerintahan Biden dan mitranya Rusia")."""
        return c.match.rule.type == "CONSULT" and all(generic(p) for p, _ in c.participants)

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
        known = {key(p) for p in told}
        if self._told_again(g, c, known) or visit_told_again(g, c):  # (events/retold_visits.py)
            return True
        countries = {p.country for p in told if generic(p)}  # "kunjungan ke China dan bertemu Presiden Xi"
        return len(known & {key(p) for p in new}) >= 2 or all(
            key(p) in known or p.country in countries for p in new if not generic(p))

    def _told_again(self, g: Group, c: Candidate, known: set) -> bool:
        """ "Ketua DPD mengatakan, pertemuannya dengan Phu Trong membahas ...": talks named by a noun with no date
        of its own, whose counterpart (after "dengan/antara") already takes part in a dated meeting told before,
        are that meeting told again by another of its parties, not a second meeting."""
        if c.match.rule.pos != "noun" or c.date.strong or not any(m.date.strong for m in g.members):
            return False
        if g.first.match.start > c.match.start:
            return False
        return any(key(p) in known and not generic(p) and after_with(c.view, c.match, m, self.lexicon)
                   for p, m in c.participants)

    def _nearest(self, groups: list[Group], c: Candidate) -> Group | None:
        fitting = [g for g in groups if self._joins(g, c, need_overlap=False)]
        if not fitting:
            return None
        before = [g for g in fitting if g.first.match.start <= c.match.start]
        if not before:
            return min(fitting, key=lambda g: g.first.match.start)
        return _antecedent(before, c)

    def attach_anaphora(self, groups: list[Group], views: list[SentenceView]) -> None:
        told = [g for g in groups if g.first.modality == "asserted"]
        for view in views:
            if not any(contains(view.words, a) for a in self.anaphora):
                continue
            earlier = [g for g in told if g.first.view.index <= view.index]
            if earlier:
                target = max(earlier, key=lambda g: g.first.view.index)
                target.extra_topics.extend(self.topics.find(view.sentence.text, view.sentence.start))

    def attach_participant_topics(self, groups: list[Group], views: list[SentenceView]) -> None:
        """Specific topics ("perubahan iklim") from sentences naming a person of each type's first event."""
        seen_types = set()
        for g in groups:
            if g.first.match.rule.type in seen_types or g.first.modality != "asserted":
                continue
            seen_types.add(g.first.match.rule.type)
            names = {surname(m.text) for c in g.members for p, m in c.participants if p.kind == "person"}
            names |= {surname(p.name) for p in g.participant_list() if p.kind == "person"}
            for view in views:
                if any(surname(m.text) in names for m in view.mentions if m.label == "PER" or m.kind == "person"):
                    g.extra_topics.extend(self.topics.find(view.sentence.text, view.sentence.start, cued=False))

    # ------------------------------------------------------------------ events
    def event(self, article: Article, group: Group, anchor: dt.date | None, known_needed: bool | None = None,
              dated: list[DatedPlace] = (), anaphors: dict | None = None) -> Event | None:
        """The event mention of a group, or None when its participants do not make one. ``known_needed``: whether
        it needs a party the knowledge base knows (None: the lexicon's rule; the learned decision weighs it
        instead for the types it judges). ``dated``: the article's places written with a day
        (:func:`linimasa.events.places.dated_places`); ``anaphors``: the places its sentences refer back to
        (:func:`linimasa.events.places.place_anaphors`)."""
        first = group.first
        rule = first.match.rule
        article_id = article.id or ""
        date = group.date()
        if rule.type != "CONSULT" and first.modality == "asserted" and dated_after(date, anchor, any_precision=True):
            # a day after publication in the sentence of a thing reported as done is the end of a term ("ditahan
            # hingga 4 Januari") or a deadline, not the day it was done: the article's own day is nearer
            date = DateFinding(anchor.isoformat(), basis="anchor")
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
        officials = {key(p) for c in group.members for p, m in c.participants if (m.start, m.end) in c.officials}
        if not self._valid(rule, participants, self.require_known if known_needed is None else known_needed,
                           officials, _named_by_a_word_only(group)):
            return None
        everyone = participants  # a title's body still tells the event's country when no place is stated
        participants = self._without_titles(group, rule, participants)
        for p, m in group.parties():
            if any(key(q) == key(p) for q in participants):
                cite("participant", m.start, m.end)
        stated = stated_place(group.located(), [c.view.index for c in group.heads], anaphors or {})
        located = (self._city_of_country(group, stated, everyone, participants, date, dated)
                   or anaphor_place([c.view.index for c in group.members], anaphors or {})
                   or self._unstated_place(article, group, everyone, participants, date, anchor, dated))
        located = with_city_of_city_state(located, self.kb, self.lexicon)
        location = located[:2] if located else None
        if located and located[2] in ("trigger_sentence", "reference", ANAPHOR_PLACE, DATED_PLACE):  # the others
            # have no words to cite
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
        if modality == "asserted" and rule.type == "CONSULT" and dated_after(date, anchor):
            modality = "future"  # dated by the article's opening after its publication: planned talks
        background = modality == "asserted" and self._recalled(group, date, anchor)
        if background and not date.strong and rule.type == "CONSULT":
            # a meeting only recalled ("sebelumnya telah digelar pertemuan dengan ...") with no date of its own
            # is context, not a meeting the article reports (the annotation guide records background talks
            # only when their date is given)
            return None
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
        event.decision = best_decision(group.heads)
        event.summary = summarise(event)
        return event

    def _recalled(self, group: Group, date: DateFinding, anchor: dt.date | None) -> bool:
        """Whether the event is told as past context: dated before the article's anchor, or, with no date of
        its own, recalled by words such as "pernah"."""
        if date.strong:
            return _before_anchor(date.value, anchor, self.lexicon)
        return any(c.recalled for c in group.heads)

    def _city_of_country(self, group: Group, located, participants: list[Participant], parties: list[Participant],
                         date: DateFinding, dated: list[DatedPlace]) -> tuple[Location, Mention, str] | None:
        rule = group.first.match.rule
        return city_of_country(self.kb, located, participants, parties, date.value, dated, _host_side(rule),
                               national=rule.type not in self.lexicon.words("away_from_seat"))

    def _unstated_place(self, article: Article, group: Group, participants: list[Participant],
                        parties: list[Participant], date: DateFinding, anchor: dt.date | None,
                        dated: list[DatedPlace]) -> tuple[Location, Mention, str] | None:
        """For the article's news told without a place: the place another sentence writes with the event's day,
        else the dateline's city, else the town a party sits in, else the parties' one country
        (linimasa.events.places). ``participants`` include the bodies named only in a person's title, which tell
        the country; ``parties`` do not: "Anggota Komisi VIII DPR RI Atalia" does not sit where the DPR does.
        A call has no one venue; a recalled event is not where the report is."""
        if group.first.match.rule.mode == "phone" or self._recalled(group, date, anchor):
            return None
        mentions = [m for c in group.members for m in c.view.mentions]
        rule = group.first.match.rule
        placeless = self.lexicon.arguments["placeless_sides"].get(rule.type)
        fitting = [p for p in participants if p.side != placeless]  # whose countries a place must fit
        return (dated_place(dated, date.value, group.first.view.index, fitting)
                or dateline_place(article, self.kb, participants, mentions, fitting)
                or seat_place(self.kb, parties, mentions, _host_side(rule),
                              national=rule.type not in self.lexicon.words("away_from_seat"))
                or participants_country(self.kb, participants, mentions,
                                        self.lexicon.arguments["place_sides"].get(rule.type)))

    def _merge_participants(self, group: Group, on) -> list[Participant]:
        merged: dict[str, Participant] = {}
        for p, _ in group.parties():
            identity = key(p)
            if identity in merged:
                continue
            if p.kind == "person" and p.kb_id and self.kb is not None and on is not None:
                period = self.kb.role_at(p.kb_id, on)
                p = Participant(p.name, p.mention, p.country or (period.country if period else None),
                                period.role if period else None, p.kind, p.kb_id, p.side)
            merged[identity] = p
        specific = [p for p in merged.values() if not generic(p)]
        represented = {p.country for p in specific if p.country}
        collectives = {p.country for p in merged.values() if generic(p) and p.kind != "country"}
        return specific + [p for p in merged.values() if generic(p) and p.country not in represented
                           and not (p.kind == "country" and p.country in collectives)]  # "tentara Israel", no "Israel"

    def _without_titles(self, group: Group, rule, participants: list[Participant]) -> list[Participant]:
        """Without the bodies every member names only in a person's title ("Anggota Komisi VII DPR RI Bambang"):
        they made the event known to the knowledge base, but the person is who takes part. Kept when the event
        would be left with fewer parties than it needs."""
        if not any(c.titles for c in group.members):
            return participants
        titled = {key(p) for c in group.members for p, m in c.participants if (m.start, m.end) in c.titles}
        titled -= {key(p) for c in group.members for p, m in c.participants if (m.start, m.end) not in c.titles}
        kept = [p for p in participants if key(p) not in titled]
        return kept if self._valid(rule, kept, False) else participants

    def _valid(self, rule, participants: list[Participant], require_known: bool, officials: set = frozenset(),
               unsure: set = frozenset()) -> bool:
        """Enough parties for the type (two for talks and for ``two_party_types``, acts addressed to another), one
        of them known to the knowledge base when ``require_known`` (or, for talks, a person the text titles with an
        office of government: ``officials``, keys of participants); a party named only by one word of a name
        (``unsure``, keys) is no such known party."""
        if require_known and not any((vouches(p) and key(p) not in unsure and not self._commerce(rule, p))
                                     or key(p) in officials or self._regional_vouches(rule, p) for p in participants):
            return False
        if (require_known and rule.type == "CONSULT" and rule.mode == "visit"
                and _private_visitor_of_a_country(participants, officials)):
            return False
        if rule.type != "CONSULT":
            return len(participants) >= (2 if rule.type in self.two_party_types else 1)
        return len(participants) >= 2 or (len(participants) == 1 and rule.mode in self.single_party_modes)

    def _commerce(self, rule, p: Participant) -> bool:  # talks of companies alone are commerce
        return rule.type == "CONSULT" and commercial(p, self.commercial_sectors)

    def _regional_vouches(self, rule, p: Participant) -> bool:
        """A regional body the knowledge base composes ("Polres Sampang") makes an event of the types that are
        its own acts known (``regional_bodies_vouch_for``: a police unit deploying its personnel)."""
        return rule.type in self.local_vouch_types and (p.kb_id or "").startswith(f"{LOCAL_PREFIX}:")


def _private_visitor_of_a_country(participants: list[Participant], officials: set) -> bool:
    """Whether the only party the knowledge base knows is a country and someone it does not know, titled with
    no office, is the other side: of a visit, a singer touring Indonesia, a film star visiting refugees in
    Kenya ("Danny MacAskill menyambangi Jakarta"). A visit between political actors names a known or titled
    person, a body, or two countries. (Not for talks: there the country is often the unknown leader's own,
    "Pemimpin terpilih Hong Kong, Carrie Lam, bertemu dengan pendahulunya".)"""
    known = [p for p in participants if vouches(p) or key(p) in officials]
    others = [p for p in participants if p not in known]
    return (len(known) == 1 and known[0].kind == "country" and bool(others)
            and all(p.kind == "person" for p in others))


def _named_by_a_word_only(group: Group) -> set:
    """Keys of the parties the group's members name only by one word of a person's name used alone ("Andi
    kemudian menemui Setya ..."): the party is that person, but a word alone is too weak a sign of who it is
    to make the event known; recounted past meetings are told this way (parties12-namewords: train CONSULT
    precision 0.78 -> 0.75 without this)."""
    alone = {key(p) for c in group.members for p, m in c.participants if m.source == NAME_WORD}
    return alone - {key(p) for c in group.members for p, m in c.participants if m.source != NAME_WORD}


def _antecedent(earlier: list[Group], c: Candidate) -> Group:
    """The event a reference points back to: the one told in its own or the previous sentence ("... juga
    bertemu Xi di Beijing. Pertemuan itu ..."); further on, the article's main event, the one told most."""
    def last_head(g: Group) -> Candidate:
        return max((h for h in g.heads if h.match.start <= c.match.start), key=lambda h: h.match.start)

    last_told = max(earlier, key=lambda g: last_head(g).match.start)
    if c.view.index - last_head(last_told).view.index <= 1:
        return last_told
    return max(earlier, key=lambda g: (len(g.heads) + len(g.others), -g.first.match.start))


def _country_code(kb, label: str) -> str | None:
    """The ISO code of a topic that names a country ("Russia" -> RUS): a party is not its own topic."""
    found = kb.country(label) if kb is not None else None
    return found.iso3 if found is not None else None


def _before_anchor(value: str | None, anchor: dt.date | None, lexicon: Lexicon) -> bool:
    if not value or anchor is None:
        return False
    bounds = date_bounds(value)
    return bounds is not None and (anchor - bounds[1]).days > lexicon.arguments["background_days"]


def _host_side(rule) -> str | None:
    """The side whose seat is a visit's place: the host's (the recipient); None (every party) otherwise."""
    return "recipient" if rule.mode == "visit" else None


def _confidence(group: Group) -> float:
    """More for an event told by several clauses, with a date and a place."""
    score = 0.5 + 0.1 * min(len(group.members) - 1, 2)
    score += 0.1 if group.date().value else 0.0
    score += 0.1 if group.location() else 0.0
    return round(min(score, 1.0), 2)


def _event_id(article_id: str, start: int, event_type: str) -> str:
    digest = hashlib.sha1(f"{article_id}|{start}|{event_type}".encode()).hexdigest()[:12]
    return f"m-{digest}"
