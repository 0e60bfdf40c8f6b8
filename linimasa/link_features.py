"""What the linking decision knows about two event mentions: features a reader can check.

Each event mention carries a small signature of its article (``Event.signature``, made by the events stage):
the content words of its title and lead, the knowledge-base ids of everything the article names, its
publication day and outlet. Two articles' similarity is the cosine of their words (and of their entity
ids), each of equal weight, discounted with the days between their publication (``DECAY_DAYS``).

:func:`pair_features` compares a mention with one member of a candidate event: PLOVER type and mode,
modality, background, dates (distance in days, precision, where each was read), places, shared parties (by
knowledge-base id, and unresolved names spelled alike), article similarity of words and of entities, same
outlet, title words, the words of the two trigger sentences, whether the rule (link.py) would link them,
and what each article reports against what it recalls: whether each trigger is in its article's lead, how
much of its article's title its sentence says, whether each date lies days before its article's
publication (a recall, or a reaction to an earlier event), and whether an article tells the event only in
passing days after it (past its lead, in a sentence that says little of its title): a reaction's article
telling the session it reacts to is not a second report of the session. Every feature is a named number, so the
decision can say which ones weighed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from linimasa.dates import bounds as date_bounds
from linimasa.link_keys import STATED_DATE_BASES, participant_key
from linimasa.link_rule import Cluster, dates_compatible, fits, locations_compatible
from linimasa.model import Article, Event

LEAD_CHARACTERS = 600  # the lead: where a news article says what happened
MAX_WORDS = 80
MAX_ENTITIES = 60
DECAY_DAYS = 7.0  # article similarity halves-ish (1/e) over a week between publication days
_WORD = re.compile(r"[^\W\d_]{3,}")


def _content_words(text: str, stop_words: frozenset[str]) -> list[str]:
    return [w for w in (m.group().casefold() for m in _WORD.finditer(text)) if w not in stop_words]


def article_signature(article: Article, stop_words: frozenset[str] = frozenset()) -> dict:
    """The article facts linking compares: title and lead words, entity ids, publication day, outlet."""
    title = _content_words(article.title or "", stop_words)
    lead = _content_words(article.working_text[:LEAD_CHARACTERS], stop_words)
    words = list(dict.fromkeys(title + lead))[:MAX_WORDS]
    entities = Counter(m.kb_id for m in article.mentions if m.kb_id)
    return {
        "title": list(dict.fromkeys(title)),
        "words": words,
        "entities": [e for e, _ in entities.most_common(MAX_ENTITIES)],
        "published": (article.published or "")[:10] or None,
        "outlet": article.outlet,
    }


class ArticleVectors:
    """The articles' words and entities as unit vectors of equal weights, by signature.

    The weights are the same whatever else is linked (an inverse document frequency over the articles
    being linked would make one mention's score depend on every other article of the run, so that a run
    could not relink only the linking units it reaches, linimasa/link_units.py); the signature already
    leaves out stop words and keeps the title, the lead and the entities the article names most."""

    @staticmethod
    def _terms(signature: dict | None, kind: str) -> frozenset[str]:
        return frozenset((signature or {}).get(kind) or ())

    def cosine(self, kind: str, first: dict | None, second: dict | None) -> float:
        a, b = self._terms(first, kind), self._terms(second, kind)
        if not a or not b:
            return 0.0
        return len(a & b) / math.sqrt(len(a) * len(b))


@dataclass
class MentionView:
    """One mention with what the features read from it, computed once."""

    event: Event
    parties: set[str]
    known: set[str]
    sentence_words: set[str]
    bounds: tuple | None
    names: list[frozenset[str]]  # the name words of each party the knowledge base does not resolve
    in_lead: bool  # its trigger is in the article's lead: what the article reports, not what it recalls
    headline: float  # how much of its article's title its trigger sentence says (0..1)
    recalled_days: int | None  # days its date lies before its article's publication (None: either unknown)

    @classmethod
    def of(cls, event: Event) -> "MentionView":
        sentence = next((e.text for e in event.evidence if e.field == "trigger"), "")
        words = set(_content_words(sentence, frozenset()))
        signature = event.signature or {}
        title = set(signature.get("title") or ())
        bounds = date_bounds(event.date)
        published = date_bounds(signature.get("published"))
        recalled = (published[0] - bounds[1]).days if bounds and published else None
        return cls(event, {participant_key(p) for p in event.participants},
                   {p.kb_id for p in event.participants if p.kb_id}, words, bounds,
                   [names for p in event.participants
                    if not p.kb_id and p.kind in NAMED_KINDS and (names := frozenset(_name_words(p.name)))],
                   event.trigger is not None and event.trigger.start < LEAD_CHARACTERS,
                   len(words & title) / len(title) if title else 0.0,
                   max(recalled, 0) if recalled is not None else None)


NAMED_KINDS = frozenset({"person", "organisation"})
RECALL_DAYS = 2  # a report dated this many days or more before its article's publication recalls it
ASIDE_HEADLINE = 0.2  # a trigger sentence outside the lead saying less of its title than this is an aside
# What the features weigh at link time (linimasa.link.linking_parameters: a store linked with other values
# is relinked); MAX_WORDS and MAX_ENTITIES shape the signature the events stage stores with each mention.
LINK_TIME_PARAMETERS = {"LEAD_CHARACTERS": LEAD_CHARACTERS, "DECAY_DAYS": DECAY_DAYS, "NAMED_KINDS": NAMED_KINDS,
                        "RECALL_DAYS": RECALL_DAYS, "ASIDE_HEADLINE": ASIDE_HEADLINE}


def _aside(view: "MentionView") -> bool:
    """The event is not what its article reports: its trigger lies past the lead and its sentence says little
    of the title (a reaction's article telling the session it reacts to, in passing)."""
    return not view.in_lead and view.headline < ASIDE_HEADLINE


def _recalled(view: "MentionView") -> bool:
    return view.recalled_days is not None and view.recalled_days >= RECALL_DAYS


def _name_words(name: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(name)]


def _names_alike(first: frozenset[str], second: frozenset[str]) -> bool:
    """Two spellings of one name ("Siti Masitha Soeparno", "Siti Mashita Soeparno"): at least two words
    shared, or one name's words all in the other's."""
    common = len(first & second)
    return common >= 2 or (common >= 1 and (first <= second or second <= first))


def _alike_names(mention: "MentionView", member: "MentionView") -> int:
    """Unresolved parties of the mention whose name reads as one of the member's unresolved parties' names,
    but is not spelled the same (those count as shared parties already)."""
    return sum(1 for name in mention.names
               if any(name != other and _names_alike(name, other) for other in member.names))


def _days_apart(a: tuple | None, b: tuple | None) -> int | None:
    """Days between two date ranges (0 when they overlap)."""
    if not a or not b:
        return None
    if a[0] <= b[1] and b[0] <= a[1]:
        return 0
    return min(abs((a[0] - b[1]).days), abs((b[0] - a[1]).days))


def _published_days(first: dict, second: dict) -> int | None:
    return _days_apart(date_bounds(first.get("published")), date_bounds(second.get("published")))


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def pair_features(mention: MentionView, member: MentionView, vectors: ArticleVectors) -> dict[str, float]:
    """The features of "this mention reports the same real event as this member of a candidate event"."""
    m, o = mention.event, member.event
    features: dict[str, float] = {"bias_same_type": 1.0}
    same_article = m.article_id == o.article_id
    features["same_article"] = float(same_article)
    # parties
    shared = len(mention.parties & member.parties)
    shared_known = len(mention.known & member.known)
    features[f"shared_parties={min(shared, 3)}"] = 1.0
    features["shared_known_parties"] = float(min(shared_known, 4))
    features["parties_jaccard"] = _jaccard(mention.parties, member.parties)
    features["names_alike"] = float(min(_alike_names(mention, member), 2))
    # dates
    days = _days_apart(mention.bounds, member.bounds)
    if days is None:
        features["date_missing"] = 1.0
    else:
        features["date_compatible"] = float(dates_compatible(m.date, o.date, m.date_alternatives, o.date_alternatives))
        features["date_days_apart_log"] = math.log1p(days)
        features["date_same_day"] = float(days == 0 and m.date == o.date and len(m.date) == 10)
        both_stated = float(m.date_basis in STATED_DATE_BASES and o.date_basis in STATED_DATE_BASES)
        features["date_agree_both_stated"] = both_stated * features["date_compatible"]
        features["date_off_both_stated"] = both_stated * float(days > 0)
        # two named parties on one day both texts state: what two reports of one meeting say, and two events
        # of the same pair seldom do
        features["same_stated_day_two_known"] = (features["date_same_day"] * both_stated
                                                 * float(shared_known >= 2))
    # place
    if m.location is None or o.location is None:
        features["place_unknown"] = 1.0
    elif locations_compatible(m.location, o.location):
        features["place_compatible"] = 1.0
    else:
        features["place_conflict"] = 1.0
    # kind of event
    features["mode_same"] = float(m.mode == o.mode)
    features["phone_vs_meeting"] = float((m.mode == "phone") != (o.mode == "phone"))
    features["modality_differs"] = float(m.modality != o.modality)
    features["background_one"] = float(m.background != o.background)
    features["background_both"] = float(m.background and o.background)
    # the articles
    first, second = (m.signature or {}), (o.signature or {})
    apart = _published_days(first, second)
    decay = math.exp(-(apart or 0) / DECAY_DAYS) if apart is not None else 0.5
    if not same_article:
        features["article_words_cosine"] = vectors.cosine("words", m.signature, o.signature) * decay
        features["article_entities_cosine"] = vectors.cosine("entities", m.signature, o.signature) * decay
        features["title_words_jaccard"] = _jaccard(set(first.get("title") or ()), set(second.get("title") or ()))
        features["same_outlet"] = float(bool(first.get("outlet")) and first.get("outlet") == second.get("outlet"))
        features["published_days_apart_log"] = math.log1p(apart) if apart is not None else 2.0
    features["trigger_sentence_jaccard"] = _jaccard(mention.sentence_words, member.sentence_words)
    # what each article reports against what it recalls: an event in both leads that both titles tell is
    # one piece of news; a report in one article's lead recalled days later deep in another is a reaction
    if not same_article:
        features["both_in_lead"] = float(mention.in_lead and member.in_lead)
        features["one_in_lead"] = float(mention.in_lead != member.in_lead)
        features["headline_both"] = min(mention.headline, member.headline)
        recalled = [v.recalled_days for v in (mention, member)]
        if None not in recalled:
            features["recalled_one"] = float((min(recalled) < RECALL_DAYS) != (max(recalled) < RECALL_DAYS))
        # an earlier event one article tells in passing, days after it, while the other reports it (or tells
        # it in passing too): two articles about what followed it, not two reports of it
        asides = [_aside(v) and _recalled(v) for v in (mention, member)]
        features["recalled_aside_one"] = float(asides[0] != asides[1])
        features["recalled_aside_both"] = float(all(asides))
        features["aside_one"] = float(_aside(mention) != _aside(member))
    features["rule_would_link"] = float(not same_article and fits(Cluster([o]), m) is not None)
    return features
