"""Words of meeting that tell no talks between parties, read from the trigger's sentence.

A visit to a place no political actor holds or on holiday, a place another verb goes to, a meeting noun that
is an item of a list, a meeting word in brackets that abbreviates the one before it: the candidate finder (:mod:`linimasa.events.candidates`) drops the trigger or the party these name.
"""

from __future__ import annotations

from linimasa.events.detect import TriggerMatch
from linimasa.events.participants import generic, vouches
from linimasa.kb.local_bodies import KB_PREFIX as LOCAL_PREFIX
from linimasa.lang.id.morphology import looks_like_verb
from linimasa.nlp.phrases import PhraseIndex

# What follows a list item: the next item, or the list's last joiner ("investigasi, negosiasi, dan ...").
LIST_ITEM_ENDS = frozenset({",", "dan", "serta"})
QUOTE_OR_COMMA = frozenset({",", '"', "“", "”", "(", ";", ":"})


def list_item(words: list[str], match: TriggerMatch) -> bool:
    """ "kemampuan ... seperti investigasi, intelijen, negosiasi, kontrateroris": a meeting noun between commas
    of a list names a skill or an activity, not talks held; talks held name a counterpart or a setting after
    the noun, not the list's next item."""
    return (match.first > 0 and words[match.first - 1] == ","
            and match.last < len(words) and words[match.last] in LIST_ITEM_ENDS)


def reduplicated(words: list[str], match: TriggerMatch) -> bool:
    """ "pertemuan - pertemuan", "rapat - rapat sebelumnya": a meeting noun said twice across a hyphen is a plural,
    meetings in general, not one held (written as one word, "rapat-rapat", it is no trigger at all)."""
    said = words[match.first : match.last]
    n = len(said)
    after = words[match.last + 1 : match.last + 1 + n]
    before = words[match.first - 1 - n : match.first - 1] if match.first > n else []
    return ((match.last < len(words) and words[match.last] == "-" and after == said)
            or (match.first > 0 and words[match.first - 1] == "-" and before == said))


def to_a_place(words: list[str], match: TriggerMatch, to_words: frozenset[str],
               visited_places: PhraseIndex) -> bool:
    """ "mengunjungi museum", "berkunjung ke tempat pengungsian", "kunjungan ke pabrik", "berkunjung ke SRMA 33":
    a visit to a place no political actor holds (``visited_places``) is a trip, not a visit received by a
    host; a host met there is told by a trigger of its own ("... dan disambut Bupati")."""
    i = match.last
    if i < len(words) and words[i] in to_words:
        i += 1
    return i < len(words) and visited_places.longest_at(words, i)[0] > 0


def destination_of_another_verb(words: list[str], match: TriggerMatch, at: int, to_words: frozenset[str]) -> bool:
    """ "kunjungan kerja melepas ekspor bawang merah ke Thailand": a place after "ke" (its first word at
    ``at``) that another verb between the visit and it leads to is where that verb goes, not the visit's
    host."""
    if at <= match.last or words[at - 1] not in to_words:
        return False
    return any(looks_like_verb(w) for w in words[match.last : at - 1])


def holiday(words: list[str], match: TriggerMatch, holiday_words: frozenset[str]) -> bool:
    """ "Kedatangan Barack Obama dan keluarganya ke Indonesia untuk berlibur": a visit whose sentence tells a
    holiday is a private trip. Only the visitor's going asks this: a meeting held on holiday stays one, and so
    does a reception, where a host is named ("disambut Gubernur Bali", "dijamu", "menerima kunjungan")."""
    rule = match.rule
    received = rule.subject == "recipient" or rule.voice == "passive" or rule.words[0].startswith("di")
    return not received and not holiday_words.isdisjoint(words)


def possessed_pronoun(words: list[str], match: TriggerMatch, openers: frozenset[str]) -> bool:
    """For a trigger that needs a pronoun agent right before it ("waktu saya ke Pak Tito"): whether that pronoun
    is a possessor instead ("pesan saya ke Pak Tito", my message to him), i.e. it neither opens the sentence or
    a clause (a comma, a quote) nor follows a word that opens one (``openers``: "waktu", "tadi", "dan" ...)."""
    at = match.first - 1
    if at <= 0:
        return False
    before = words[at - 1]
    return not (before in openers or before in QUOTE_OR_COMMA)


def without_abbreviations(words: list[str], matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """Without a trigger in brackets right after one of its type: it is that trigger's short form ("rapat kerja
    nasional (Rakernas) Golkar", "rapat pimpinan (rapim) TNI"), not a second event, and the parties after it
    belong to the trigger it abbreviates."""
    kept: list[TriggerMatch] = []
    for match in matches:
        previous = kept[-1] if kept else None
        if (previous is not None and previous.rule.type == match.rule.type == "CONSULT"
                and previous.last < match.first <= previous.last + 3 and words[match.first - 1] == "("
                and "(" not in words[previous.last : match.first - 1]
                and match.last < len(words) and words[match.last] == ")"):
            continue
        kept.append(match)
    return kept


def about_sport_or_show(title_words: list[str], views: list, context: frozenset[str], least: int,
                        share: float) -> bool:
    """Whether an article is about sport or show business: at least ``least`` of its sentences (the headline
    counted as one) hold a word of a game or a show (``context``), and they are at least ``share`` of them.
    There a country is a team or a setting ("Argentina gagal menang saat bertandang ke Uruguay", "Lima hari
    sebelum bertemu Persija, Espanyol ..."), in sentences that name no game of their own."""
    told = int(not context.isdisjoint(title_words))
    told += sum(1 for view in views if not context.isdisjoint(view.words))
    return told >= least and told >= share * (len(views) + 1)


def public_party(participants: list, officials: frozenset) -> bool:
    """Whether talks name a party of public life other than a country or a country's collective: a person,
    an office or a body the knowledge base knows, or someone the text titles with an office of government
    (``officials``, mention offsets)."""
    return any((vouches(p) and not generic(p)) or (m.start, m.end) in officials for p, m in participants)


def public_or_law_party(participants: list, law_agents: frozenset[str]) -> bool:
    """Whether a verbal act names a party of public life or of the law: a person or body the knowledge base
    knows (not a country alone, which in sport news is a team), a regional body ("Polres Bandung", "Pemkot
    Surabaya"), or a generic party of the law (``law_agents``: "polisi", "jaksa", "hakim"). "Rossi mengkritik
    Zarco", "Mbappe meminta klubnya ..." name none; "Pemain X ditetapkan tersangka oleh polisi" does."""
    return any((vouches(p) and not generic(p)) or (p.kb_id or "").startswith(LOCAL_PREFIX + ":")
               or (p.kind == "agent" and p.name in law_agents) for p, _ in participants)
