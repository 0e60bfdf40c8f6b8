"""Candidates: every trigger of a sentence, with the parties, place, date, length and topics of its clause.

A trigger becomes a *candidate* unless the sentence (or the article, :mod:`linimasa.events.show_news`) is about
sport or show business, the clause tells a habit, or the trigger's own conditions fail. A candidate is a
*reference* when it only refers back to talks told elsewhere ("setelah pertemuan itu"), *framed* when talks
told as the frame of a statement name who held them ("..., kata Purbaya usai melakukan pertemuan dengan
..."), *anaphoric* when its subject is "keduanya". Grouping candidates into events is
:mod:`linimasa.events.assembly`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linimasa.dates import precision
from linimasa.events.agents import COUNTED_PEOPLE, AgentLexicon, agent_mentions
from linimasa.events.arguments import (
    SentenceView,
    after_with,
    as_date,
    clause_bounds,
    companions,
    duration_minutes,
    envoy_to,
    find_parties,
    rules_clause,
    venue_host,
)
from linimasa.events.channels import calls_told_as_talks
from linimasa.events.coreference import PronounCues, resolve_pronouns
from linimasa.events.date_findings import DateFinding, dated_after, date_finding
from linimasa.events.enforcers import EnforcerCues, article_bodies, with_enforcer
from linimasa.events.frames import (
    after_reference_word,
    frame_holders,
    frame_subject,
    framed_by_time_word,
    opening_frame_subjects,
    speaker_just_before,
)
from linimasa.events.detect import TriggerMatch, find_triggers
from linimasa.events.company_names import company_mentions
from linimasa.events.initials import initials_again, initials_mentions
from linimasa.events.visit_hosts import foreign_host
from linimasa.events.name_words import name_word_mentions
from linimasa.events.ranked_names import RankCues, ranked_mentions
from linimasa.events.lexicon import Lexicon, normal
from linimasa.events.named_later import introduced, stand_ins
from linimasa.events.show_news import ShowNewsCues
from linimasa.events.shared_modality import plans_told_again, share_in_sentence
from linimasa.events.not_talks import (
    destination_of_another_verb,
    holiday,
    list_item,
    possessed_pronoun,
    reduplicated,
    to_a_place,
    without_abbreviations,
)
from linimasa.events.modality import classify_modality, is_habitual, is_recalled
from linimasa.events.participants import (
    ParticipantResolver,
    contains,
    outermost,
    people_by_surname,
)
from linimasa.events.places import sentence_place
from linimasa.events.party_ranker import (
    ArticleNames,
    PartyRanker,
    RankerCues,
    ranking_pool,
)
from linimasa.events.sessions import own_sitting, session_body
from linimasa.kb.topics import TopicHit
from linimasa.limits import DEFAULT_LIMITS
from linimasa.model import Article, Location, Mention, Participant
from linimasa.nlp.phrases import PhraseIndex
from linimasa.nlp.sentences import split_sentences
from linimasa.nlp.tokens import tokenize

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
    decision: dict | None = None  # the learned decision's score and reasons, when it judged this candidate
    # a back-reference's parties read as if it told talks of its own ("komitmen Jokowi dan PM Rutte dalam
    # pertemuan bilateral"): used when no event told before is what it refers to
    own_participants: list[tuple[Participant, Mention]] = field(default_factory=list)
    # the offsets of party mentions that only name a body in a person's title ("Anggota Komisi VII DPR RI
    # Bambang ..."): kept as the known party an event needs (and the decision weighs) but, unless named again,
    # no participant of the event told
    titles: frozenset[tuple[int, int]] = frozenset()
    # the offsets of people the knowledge base does not know whom the text titles with an office of government
    # ("Deputi Perdana Menteri Prajin Juntong"): political actors by their office, so talks with them are public
    # life even when no party is in the knowledge base (CONSULT only)
    officials: frozenset[tuple[int, int]] = frozenset()


# At most this many capitalised words of a title the knowledge base does not know stand between a trigger
# that needs a person after it and the person's name ("disambut Gubernur Bali Made Mangku Pastika").
TITLE_WORDS = 4


class CandidateFinder:
    """The candidates of an article, with one lexicon, knowledge base, date function and participant resolver."""

    def __init__(self, lexicon: Lexicon, kb, dater, resolver: ParticipantResolver, topics,
                 agents: AgentLexicon | None = None, max_candidates: int = DEFAULT_LIMITS.event_triggers,
                 ranker: PartyRanker | None = None, coreference: bool = True):
        self.lexicon = lexicon
        # A news article has dozens of triggers; a text with hundreds more (generated, or a dump of many
        # articles in one) is read up to here, so that grouping, which compares triggers with the events
        # already told, stays bounded.
        self.max_candidates = max_candidates
        self.kb = kb
        self.dater = dater
        self.resolver = resolver
        self.topics = topics
        args = lexicon.arguments
        self.frame_before = frozenset(args["frame_before"])
        self.room_before = frozenset(args["room_before"])
        self.determiners = frozenset(args["determiners"])
        self.not_political = frozenset(args["not_political_context"])
        self.not_talks = frozenset(args.get("not_talks_context") or ())
        self.not_political_people = frozenset(args.get("not_political_people") or ())
        self.show_news = ShowNewsCues.of(args)
        self.law_types = frozenset(args.get("law_types") or ())
        self.anaphora = [tuple(a) for a in args["plural_anaphora"]]
        self.session_bodies = dict(args.get("session_bodies") or {})
        self.session_body_words = dict(args.get("session_body_words") or {})
        self.session_chair = args.get("session_chair") or ""
        self.frame_words = frozenset(args.get("frame_words") or ())
        self.own_sessions = frozenset(args.get("own_sessions") or ())
        self.naming = frozenset(args.get("naming_words") or ())
        self.companies = frozenset(args.get("company_prefixes") or ())
        self.rank_cues = RankCues.of(lexicon)
        self.visited_places = PhraseIndex.of_phrases(args.get("visited_places") or (), lower=False)
        self.described_later = frozenset(args.get("described_later") or ())
        self.agents = agents
        self.private_agents = frozenset(args.get("private_agents") or ())
        self.counted_people_types = frozenset(args.get("counted_people_types") or ())
        self.enforcers = EnforcerCues.of(args)
        self.ranker = ranker
        self.ranker_cues = RankerCues.of(lexicon)
        # who "ia" / "dia" and a quote's "saya" / "kami" are (linimasa/events/coreference.py)
        self.pronoun_cues = PronounCues.of(lexicon) if coreference else None

    def candidates(self, article: Article, views: list[SentenceView], anchor, people) -> list[Candidate]:
        candidates = []
        names = ArticleNames.of(article.mentions, article.title) if self.ranker is not None else None
        # the people each sentence introduces by name: per article, so it is passed along, never kept on the
        # finder (one finder reads many articles, on several threads under Dask)
        named_in = introduced(views, self.naming) if self.naming else {}
        bodies = article_bodies(views, self.enforcers) if self.enforcers is not None else []
        show = None  # whether the article is about sport or show business: read when first asked
        for prior, view in zip([None] + views, views):
            if len(candidates) >= self.max_candidates:
                break
            previous = None
            matches = without_abbreviations(view.words, find_triggers(view.words, view.starts, view.ends, self.lexicon))
            matches = calls_told_as_talks(view.words, matches, self.lexicon)
            for before, match, following in zip([None] + matches, matches, matches[1:] + [None]):
                span = (before.last if before else 0, following.first if following else len(view.words))
                candidate = self._candidate(article, view, match, anchor, people, span, (prior, names), named_in,
                                            bodies)
                if candidate is None:
                    continue
                if self.show_news.needs_public_party(candidate):  # (events/show_news.py)
                    if show is None:
                        show = self.show_news.about(article.title, views)
                    if show:
                        continue
                if (previous is not None and (previous.reference or previous.framed) and match.rule.pos == "noun"
                        and self._same_clause(view, previous.match, match)):
                    candidate.reference = True  # "Pertemuan itu diawali dengan pembicaraan empat mata"
                candidates.append(candidate)
                previous = candidate
            share_in_sentence(candidates, view, self.lexicon)
        plans_told_again(candidates, self.lexicon, anchor)
        return candidates

    def views(self, article: Article, text: str) -> list[SentenceView]:
        sentences = article.sentences
        if not sentences:
            sentences = split_sentences(text)
        dateline = article.dateline or {}
        in_text = dateline.get("end") and text[dateline["start"] : dateline["end"]] == dateline.get("text")
        skip = (dateline["start"], dateline["end"]) if in_text else None
        mentions = outermost(article.mentions)
        named = people_by_surname([m for m in article.mentions if m.label != "TITLE"])  # not "Presiden" of "Presiden AS"
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
            if self.naming:  # "berinisial AS", "RO (53)": people NER missed or took for something else
                view.mentions = initials_mentions(view, text, self.naming)
            if self.rank_cues is not None:  # "Mayor Jenderal TNI Komaruddin Simanjuntak": a name after a rank
                view.mentions = ranked_mentions(view, text, self.rank_cues)
            view.mentions = name_word_mentions(view, text, named)  # "Viktor juga menuding ...": a name again
            view.mentions = company_mentions(view, text, self.companies)  # "PT Freeport Indonesia": no country
            if self.agents is not None:
                view.mentions = sorted(view.mentions + agent_mentions(view.words, view.starts, view.ends, text,
                                                                      view.mentions, self.agents),
                                       key=lambda m: m.start)
            view.times = [t for t in times if sentence.start <= t.start < sentence.end]
            if view.words:
                views.append(view)
        if self.naming:
            initials_again(views, text)  # "Namun DS dibekuk polisi" after "pria berinisial DS"
        if self.pronoun_cues is not None:
            resolve_pronouns(views, self.pronoun_cues)
        return views

    # ------------------------------------------------------------------ candidates

    def _candidate(self, article, view: SentenceView, match: TriggerMatch, anchor, people,
                   span: tuple[int, int], ranking: tuple = (None, None), named_in: dict | None = None,
                   bodies: list | None = None) -> Candidate | None:
        """``span``: from the end of the previous trigger to the start of the next; words beyond belong to
        other predicates. ``ranking``: the sentence before and the article's names, for the party ranker.
        ``named_in``: the people each sentence of the article introduces by name (events/named_later.py).
        ``bodies``: the enforcement bodies the article names (events/enforcers.py)."""
        rule = match.rule
        words = view.words
        previous = words[max(0, match.first - 2) : match.first]
        if view.not_political is None:  # once per sentence
            view.not_political = not self.not_political.isdisjoint(words)
            view.not_talks = not self.not_talks.isdisjoint(words)
            view.show_people = not self.not_political_people.isdisjoint(words)
        if (view.not_political or (rule.type == "CONSULT" and view.not_talks)
                or (view.show_people and rule.type not in self.law_types) or is_habitual(words, match, self.lexicon)):
            return None
        if rule.next_mention and not self._person_follows(view, match):
            return None
        if rule.pos == "noun" and previous and (previous[-1] in self.frame_before or previous[-1] in self.room_before):
            return None
        if rule.type == "CONSULT" and rule.mode == "visit" and (
                to_a_place(words, match, self.lexicon.words("to_words"), self.visited_places)
                or holiday(words, match, self.lexicon.words("holiday_words"))):
            return None
        if rule.type == "CONSULT" and rule.pos == "noun" and (list_item(words, match) or reduplicated(words, match)):
            return None
        if rule.prev and possessed_pronoun(words, match, self.lexicon.words("pronoun_agent_openers")):
            return None
        anaphoric = self._anaphoric_subject(view, match)
        framed = False
        after_frame = after_reference_word(words, match.first, self.lexicon)
        reference = anaphoric or (rule.pos == "noun" and (after_frame or self._has_determiner(words, match))) or (
            rule.pos == "verb" and after_frame and match.first == 1  # "Seusai berbicara dengan Putin, Trump ..."
        )
        date = self._date(article, match)
        if date.strong and date.start is not None and self._other_predicate(view, match, date):
            date.basis = "other_clause"  # "... sejak Trump kembali menjabat pada 20 Januari 2025"
        on = as_date(date.value) or anchor
        parties = find_parties(view, match, self.lexicon, reference, span)
        if reference and not anaphoric and rule.type == "CONSULT":  # "Dalam pertemuan itu X didampingi A dan B"
            parties = parties + [c for c in companions(view, match, self.lexicon)
                                 if all(c.mention is not party.mention for party in parties)]
        body = session_body(words, match, self.session_bodies, self.session_body_words)
        host = venue_host(view, match, self.lexicon) if rule.type == "CONSULT" and not anaphoric else None
        if host is not None and all(host.mention is not party.mention for party in parties):
            parties = parties + [host]
        if rule.type == "CONSULT" and rule.mode == "visit":
            to_words = self.lexicon.words("to_words")
            parties = [p for p in parties
                       if not destination_of_another_verb(words, match, view.token_index(p.mention.start), to_words)]
        own_party = any(view.token_index(party.mention.start) >= match.last for party in parties)
        if (rule.type == "CONSULT" and (own_party or body) and not anaphoric
                and not any(view.token_index(party.mention.start) < match.first for party in parties)
                and not self._has_determiner(words, match)
                and (framed_by_time_word(words, match.first, self.lexicon) or speaker_just_before(view, match, self.lexicon))):
            # Talks told as the frame of a statement are a meeting of their own, held by the speaker or the
            # person the sentence opens with, when the frame names who was met ("..., kata Purbaya usai
            # melakukan pertemuan dengan Menteri PU", "disampaikan Erick usai bertemu Prabowo") or is the
            # session of a body ("ujar Prabowo dalam sidang kabinet paripurna": the chair and the cabinet).
            subject = frame_subject(view, match, self.lexicon)
            if subject is not None and all(subject.mention is not party.mention for party in parties):
                parties = [subject] + parties
                framed, reference = True, False
        if (rule.type == "CONSULT" and not framed and not own_party and not body and not anaphoric
                and not parties and not self._has_determiner(words, match)
                and framed_by_time_word(words, match.first, self.lexicon)):
            # "disampaikan Andre bersama Bupati Agam Benni Warlis, saat bertemu di ...": talks framing a
            # statement with no party of their own were held by its holder and the companions named with them
            holders = frame_holders(view, match, self.lexicon)
            if holders:
                parties, framed, reference = holders, True, False
        if (rule.type == "CONSULT" and reference and not framed and not anaphoric and rule.pos == "noun"
                and not self._has_determiner(words, match)):
            # "Pada saat sidang kabinet paripurna ..., Prabowo memberikan arahan": the people the main clause
            # opens with after the frame held the talks, when they and the talks' own parties (or the body in
            # session) are two
            subjects = opening_frame_subjects(view, match, self.lexicon)
            held = subjects + [p for p in parties if all(p.mention is not s.mention for s in subjects)]
            if subjects and (len(held) >= 2 or body):
                parties, framed, reference = held, True, False
        if self.ranker is not None and not reference and not anaphoric:
            prior, names = ranking
            pool = ranking_pool(view, prior, match, rules_clause(view, match, self.lexicon),
                                self.lexicon.nonparties)
            parties = parties + self.ranker.parties(match, parties, pool, names, self.ranker_cues)
        if rule.type == "CONSULT" and rule.mode == "visit" and not reference and not anaphoric:
            abroad = foreign_host(view, match, parties, self.kb,
                                  self.lexicon.words("to_words") | self.lexicon.words("location_words"))
            parties = parties + [abroad] if abroad is not None else parties  # "saat tiba di Doha": Qatar
        if rule.type not in self.counted_people_types:  # "menewaskan 202 orang": the dead, not a party
            parties = [p for p in parties if p.mention.source != COUNTED_PEOPLE]
        if named_in and rule.type != "CONSULT" and not reference:  # "menahan dua tersangka. ... berinisial S"
            parties = stand_ins(parties, view, named_in, self.described_later)
        if bodies and rule.type in self.enforcers.types and not reference:  # "diamankan" after "Polres X menangkap"
            parties = with_enforcer(parties, match, words, bodies, self.enforcers)
        participants = []
        for party in parties:
            participant = self.resolver.participant(party, on, article, people, view)
            if participant is not None:
                participants.append((participant, party.mention))
        participants, titles = self.lexicon.nonparties.without_affiliations(view, participants)
        if rule.type == "CONSULT" and rule.mode in ("visit", "multilateral"):
            # residents, a crowd, a police team going to a market, an office or a crime scene is no visit between
            # political parties ("ratusan warga mendatangi kantor gubernur", "puluhan petugas tiba di rumahnya"),
            # nor are students filling a lecture hall: a generic agent is neither a visitor, a host nor an attendee
            participants = [(p, m) for p, m in participants if m.kind != "agent"]
        if rule.type == "CONSULT" and self.private_agents:
            # victims, children, heirs, unknown persons are private people, no side of talks between political
            # actors ("para pelaku ... bertemu korban di Mall Atrium" tells a fraud, not a meeting)
            participants = [(p, m) for p, m in participants if not (m.kind == "agent" and m.name in self.private_agents)]
        if self._own_sitting(view, match, participants, on):
            # the body holding it, with its own people, is no second party ("Rapat Paripurna DPR", "rapim TNI")
            participants = [(p, m) for p, m in participants if p.kind == "organisation" and p.kb_id]
        location = sentence_place(view, match, self.lexicon, self.kb)
        if body and framed and participants:
            place = location[0].country if location else None
            participants += self._session_parties(body, participants, on, match, article, place)
        durations = []
        if rule.type == "CONSULT":  # the length of talks; elsewhere a span is a sentence, a shift, a war
            durations = [(minutes, t) for t in view.times if (minutes := duration_minutes(t)) is not None]
        if view.topics is None:  # one look-up per sentence, however many triggers it holds
            view.topics = self.topics.find(view.sentence.text, view.sentence.start)
        topics = view.topics
        modality = classify_modality(words, match, self.lexicon)
        if modality == "asserted" and rule.type == "CONSULT" and dated_after(date, anchor):
            modality = "future"  # "kunjungan ke Nauru pada Senin (29/1)" in an article of Saturday 27/1
        candidate = Candidate(match, view, modality, reference,
                              is_recalled(words, match, self.lexicon), date, participants, location, durations,
                              topics, anaphoric, framed)
        candidate.titles = titles
        if rule.type == "CONSULT":
            candidate.officials = self._officials(view, participants)
        if reference and not anaphoric and rule.type == "CONSULT":
            own = find_parties(view, match, self.lexicon, False, span)
            candidate.own_participants = [(p, party.mention) for party in own
                                          if (p := self.resolver.participant(party, on, article, people, view))]
        return candidate

    def _own_sitting(self, view: SentenceView, match: TriggerMatch, participants: list, on) -> bool:
        """A session of one body held by its own people (:mod:`linimasa.events.sessions`); a party named after
        "dengan/bersama/antara" is the other side of talks ("rapat bersama Komisi III DPR"), never the host."""
        rule = match.rule
        if rule.type != "CONSULT" or " ".join(rule.words) not in self.own_sessions:
            return False
        if any(view.token_index(m.start) >= match.last and after_with(view, match, m, self.lexicon)
               for _, m in participants):
            return False
        return own_sitting(participants, self.kb, on, self._titled_with_office(view, participants))

    def _titled_with_office(self, view: SentenceView, participants: list) -> frozenset[int]:
        """The people unknown to the knowledge base whose name follows an office of government within the few
        words before it ("Wakil Gubernur Jawa Barat Deddy ...": someone from outside a party's sitting)."""
        offices = self.lexicon.words("government_offices")
        found = set()
        for p, m in participants:
            if p.kb_id or not view.sentence.start <= m.start < view.sentence.end:
                continue
            first = view.token_index(m.start)
            if not offices.isdisjoint(view.words[max(0, first - 4) : first]):
                found.add(id(m))
        return frozenset(found)

    def _officials(self, view: SentenceView, participants: list) -> frozenset[tuple[int, int]]:
        """The offsets of the people the knowledge base does not know whose name a capitalised office of
        government titles ("Deputi Perdana Menteri Prajin Juntong", "Kapolrestro Jakarta Pusat Kombes Pol
        Suyudi"); a lower-case office describes, and is often no government's ("presiden Olympique de Marseille",
        a club's)."""
        offices = self.lexicon.words("government_offices")
        found = set()
        for p, m in participants:
            if p.kb_id or p.kind != "person" or not view.sentence.start <= m.start < view.sentence.end:
                continue
            first = view.token_index(m.start)
            if any(view.words[i] in offices and view.capitalised(i) for i in range(max(0, first - 4), first)):
                found.add((m.start, m.end))
        return frozenset(found)

    def _person_follows(self, view: SentenceView, match: TriggerMatch) -> bool:
        """Whether a person's name or title follows the trigger, right after it or through the capitalised
        words of a title the knowledge base does not know ("disambut Gubernur Bali Made Mangku Pastika"), an
        envoy's "untuk" and where the envoy is sent included, and after the agent's "oleh" and a word of manner
        ("disambut langsung oleh Presiden") ("menerima Duta Besar Australia untuk Indonesia
        Gary Quinlan")."""
        for m in view.mentions:
            first = view.token_index(m.start)
            if first < match.last or not m.names_a_person_or_title:
                continue
            start = match.last  # past "oleh" and a manner word: "disambut langsung oleh Presiden ..."
            while start < first and view.words[start] in self.lexicon.words("before_the_person_met"):
                start += 1
            sent_to = [i for i in range(start, first) if envoy_to(view, i, self.lexicon)]
            # the envoy's "untuk" and the one-word place after it lengthen the title by two words
            if first > start + TITLE_WORDS + 2 * len(sent_to[:1]):
                continue
            if all(view.capitalised(i) or i in sent_to for i in range(start, first)):
                return True
        return False

    def _session_parties(self, body: str, participants: list, on, match: TriggerMatch, article,
                         place: str | None) -> list:
        """Who a session adds to the speaker framed by it: the body, when the speaker chaired it ("ujar Prabowo
        dalam sidang kabinet paripurna"); the chair, when someone else speaks ("kata Dadan usai sidang kabinet
        paripurna di Istana Negara"); nothing when the chair already takes part ("usai rapat terbatas di
        kediaman Prabowo"). The chair is of the speaker's country, else of the country the session was held in
        (``place``)."""
        speaker = participants[0][0]
        chair = self.resolver.session_chair(self.session_chair, speaker.country or place, speaker.side, on, match,
                                            article)
        if chair is not None and chair[0].kb_id != speaker.kb_id:
            return [] if any(p.kb_id == chair[0].kb_id for p, _ in participants) else [chair]
        if speaker.country:
            return [self.resolver.session_body(body, speaker, match, article)]
        return []

    def _same_clause(self, view: SentenceView, first: TriggerMatch, second: TriggerMatch) -> bool:
        breaks = self.lexicon.words("clause_breaks") | self.lexicon.words("reporting_verbs") | {","}
        return not any(w in breaks for w in view.words[first.last : second.first])


    def _other_predicate(self, view: SentenceView, match: TriggerMatch, date: DateFinding) -> bool:
        """Whether a frame word ("sejak", "setelah", "ketika") stands between the trigger and its date."""
        frames = self.lexicon.words("other_predicate_words")
        if date.start >= match.end:
            between = range(match.last, view.token_index(date.start))
        else:
            between = range(view.token_index(date.end - 1) + 1, match.first)
        return any(view.words[i] in frames for i in between if 0 <= i < len(view.words))

    def _anaphoric_subject(self, view: SentenceView, match: TriggerMatch) -> bool:
        """ "Keduanya kemudian melakukan pertemuan": the parties are those of an event already told. Only in the
        trigger's own clause: in '"... Mereka bisa digolongkan ...," kata Prabowo saat membuka sidang kabinet' the
        "mereka" of the quote is no subject of the session."""
        start = clause_bounds(view, match, self.lexicon)[0]
        return any(contains(view.words[start : match.first], a) for a in self.anaphora)

    def lead_date(self, article: Article, views: list[SentenceView]) -> DateFinding | None:
        """The date the article's opening sentences state for its news, if they state one: a day, not in a
        sentence that opens by recalling the past ("Sebelumnya, Keputusan KPU ... ditandatangani ... tertanggal
        21 Agustus 2025"). A day after the anchor counts: it makes the news a plan ("Wiranto dijadwalkan
        mengunjungi Nauru pada Senin (29/1/2018)" then "kunjungannya ke Nauru")."""
        recalled = frozenset(self.lexicon.modality["background"])
        for view in views[: self.lexicon.arguments["lead_sentences"]]:
            if view.words and view.words[0].casefold() in recalled:
                continue
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
        return date_finding(self.dater(article, start, end))
