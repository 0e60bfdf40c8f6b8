"""Acts in news of sport or show business: there a country is a team or a setting, and what a player, a coach,
a club or a singer asks, backs, criticises or refuses is no act of public life.

Whether an article is such news is read once, from its headline and sentences, only when a candidate needs it:
talks whose only parties are countries (or a country's collective), or a verbal act (``sport_or_show_verbal_types``,
not an act of the law) that names no party of public life or of the law. In such an article the candidate
finder (:mod:`linimasa.events.candidates`) drops them; elsewhere they stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linimasa.events.participants import generic, vouches
from linimasa.kb.local_bodies import KB_PREFIX as LOCAL_PREFIX

WORD = re.compile(r"[\w\-]+")


@dataclass(frozen=True, slots=True)
class ShowNewsCues:
    words: frozenset[str]  # words of a game, a show or tourism (arguments_id.yaml, four lists)
    least: int  # sentences (the headline one of them) that must hold one ...
    share: float  # ... and the share of the article's sentences they must be
    verbal_types: frozenset[str]
    law_acts: frozenset[str]  # lemmas of the law's acts, kept whoever their parties are
    law_agents: frozenset[str]  # generic parties of the law ("police", "prosecutors")

    @classmethod
    def of(cls, args: dict) -> ShowNewsCues:
        words = frozenset().union(*(args.get(name) or () for name in (
            "not_political_context", "not_political_people", "not_talks_context", "sport_or_show_article_words")))
        least, share = args.get("sport_or_show_article") or (0, 2.0)
        return cls(words, least, share, frozenset(args.get("sport_or_show_verbal_types") or ()),
                   frozenset(args.get("law_acts") or ()), frozenset(args.get("law_agents") or ()))

    def needs_public_party(self, candidate) -> bool:
        """Whether the candidate stands only outside news of sport or show business."""
        rule = candidate.match.rule
        if rule.type == "CONSULT":
            return not public_party(candidate.participants, candidate.officials)
        return (rule.type in self.verbal_types and rule.lemma not in self.law_acts
                and not public_or_law_party(candidate.participants, self.law_agents))

    def about(self, title: str | None, views: list) -> bool:
        """Whether the article is news of sport or show business (:func:`about_sport_or_show`)."""
        return about_sport_or_show(WORD.findall((title or "").lower()), views, self.words, self.least, self.share)


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
