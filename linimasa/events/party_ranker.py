"""A learned ranking of who takes part in an event, beyond the rules' clause.

The rules read an event's parties from its clause (the words before the trigger up to a clause break, the
object after it). News often names a party elsewhere: the subject of the sentence before ("Lisa Mariana
dilaporkan ... . Penyidik menetapkan Lisa sebagai tersangka"), a name further along the sentence, a speaker
after the verb. For each candidate the ranker scores every mention of its sentence and of the sentence
before that the rules did not take, with a logistic regression over features a reader can check (where the
mention stands relative to the trigger and to clause breaks, the word before it, its kind, whether the
knowledge base knows it, how often the article names it, whether the headline does); mentions at or above
the threshold join the candidate's parties, on the side their position gives. Trained on the train split by
``scripts/train_party_ranker.py``; weights in ``linimasa/lang/id/models/party_ranker.json``.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from linimasa.events.arguments import Party, SentenceView, party_sides
from linimasa.events.nonparties import NonParties
from linimasa.model import Mention

MODEL_FILE = Path(__file__).resolve().parents[1] / "lang" / "id" / "models" / "party_ranker.json"
PARTY_KINDS = frozenset({"person", "organisation", "country", "agent"})


def _bucket(n: int) -> str:
    for edge in (1, 3, 6, 10, 20):
        if n <= edge:
            return f"<={edge}"
    return ">20"


def is_party_mention(m: Mention) -> bool:
    return m.kind in PARTY_KINDS or (m.kind is None and m.label in ("PER", "ORG"))


@dataclass(frozen=True)
class ArticleNames:
    """How often the article names each mention's last word, and the headline's words."""

    counts: Counter
    title_words: frozenset[str]

    @classmethod
    def of(cls, mentions: list[Mention], title: str | None) -> ArticleNames:
        counts = Counter(_last(m) for m in mentions)
        words = frozenset(w.casefold().strip(".,:;()\"'") for w in (title or "").split())
        return cls(counts, words)


def _last(m: Mention) -> str:
    parts = (m.name or m.text).split()
    return parts[-1].casefold() if parts else ""


@dataclass(frozen=True)
class RankerCues:
    """The lexicon's words the ranker reads: clause breaks (with reporting verbs), topic cues, and the words
    that make what follows a place ("di", "ke", "dari")."""

    breaks: frozenset[str] = frozenset()
    topic_cues: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset({"di", "ke", "dari"})

    @classmethod
    def of(cls, lexicon) -> RankerCues:
        return cls(lexicon.words("clause_breaks") | lexicon.words("reporting_verbs"),
                   frozenset(lexicon.arguments.get("topic_cue_words") or ()),
                   lexicon.words("location_words") | lexicon.words("to_words") | {"dari"})


def mention_features(match, rule_parties: int, m: Mention, view: SentenceView, previous: bool,
                     names: ArticleNames, cues: RankerCues) -> dict[str, float]:
    """The features of mention ``m`` as a party of the trigger at ``match``, whose clause gave the rules
    ``rule_parties`` parties (``previous``: ``m`` is in the sentence before the trigger's)."""
    rule = match.rule
    features: dict[str, float] = {f"type={rule.type}": 1.0, f"kind={m.kind or m.label}": 1.0,
                                  f"known={bool(m.kb_id)}": 1.0, f"voice={rule.voice}": 1.0}
    if previous:
        features["previous_sentence"] = 1.0
        first = min((x.start for x in view.mentions if is_party_mention(x)), default=m.start)
        features[f"previous_subject={m.start == first}"] = 1.0
    else:
        i = view.token_index(m.start)
        before = i < match.first
        gap = match.first - view.token_index(m.end - 1) - 1 if before else i - match.last
        between = view.words[view.token_index(m.end - 1) + 1 : match.first] if before else \
            view.words[match.last : i]
        features[f"side={'before' if before else 'after'}"] = 1.0
        features[f"distance={'before' if before else 'after'}:{_bucket(gap)}"] = 1.0
        features[f"clause_break={any(w in cues.breaks for w in between)}"] = 1.0
        features[f"topic_cue={any(w in cues.topic_cues for w in between)}"] = 1.0
        features[f"comma={',' in between}"] = 1.0
        features[f"sentence_subject={all(not is_party_mention(x) for x in view.mentions if x.start < m.start)}"] = 1.0
        features[f"prev_word={view.words[i - 1] if i > 0 else '^'}"] = 1.0
        features[f"type_side={rule.type}:{'before' if before else 'after'}"] = 1.0
    features[f"named={_bucket(names.counts[_last(m)])}"] = 1.0
    features[f"in_title={_last(m) in names.title_words}"] = 1.0
    features[f"rule_parties={min(rule_parties, 2)}"] = 1.0
    return features


def ranking_pool(view: SentenceView, prior: SentenceView | None, match, clause: tuple[int, int],
                 nonparties: NonParties | None = None) -> list[tuple]:
    """The mentions the ranker judges for the trigger at ``match``: those of its sentence outside the clause
    the rules read (``clause``: word indices; inside it, what the rules left out they left out for a reason:
    a place after "di", a topic after "membahas", a speaker after "kata"), and those of the sentence
    before; never a source, an alias or the body in a person's title (:mod:`linimasa.events.nonparties`)."""
    start, end = clause
    pool = [(m, view, False) for m in view.mentions if is_party_mention(m)
            and not start <= view.token_index(m.start) < end]
    if prior is not None:
        pool += [(m, prior, True) for m in prior.mentions if is_party_mention(m)]
    if nonparties is not None:
        pool = [(m, v, previous) for m, v, previous in pool
                if not nonparties.excluded(v, m) and not nonparties.is_affiliation(v, m)
                and not nonparties.is_description(v, m)]
    return pool


@functools.cache
def load_ranker(path: str | None = None) -> PartyRanker:
    return PartyRanker.load(path)


@dataclass(frozen=True)
class PartyRanker:
    weights: dict[str, float]
    bias: float
    threshold: float  # a mention at or above it fills a side the rules left empty
    types: frozenset[str] | None = None  # the event types it adds parties to (None: all)

    @classmethod
    def load(cls, path: str | Path | None = None) -> PartyRanker:
        path = Path(path) if path else MODEL_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(f"{path}: no party ranker; train one with scripts/train_party_ranker.py or set "
                                    "the events stage option 'party_ranker' to false") from None
        types = data.get("types")
        return cls(data["weights"], float(data["bias"]), float(data["threshold"]),
                   frozenset(types) if types is not None else None)

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def parties(self, match, rule_parties: list[Party], pool: list[tuple[Mention, SentenceView, bool]],
                names: ArticleNames, cues: RankerCues) -> list[Party]:
        """The mentions of ``pool`` (mention, its sentence, whether that is the sentence before) that complete
        the rules' ``rule_parties``: those scoring at or above the threshold, on the side their position
        gives, when the rules left that side empty; for talks, where everyone is an actor, only when the
        rules named one party and talks need two. A side the rules filled is never added to (the rules'
        clause is better evidence than the ranker's), and a place after "di"/"ke" or what a topic word
        introduces ("membahas ... Ukraina") never joins."""
        if self.types is not None and match.rule.type not in self.types:
            return []
        before_side, after_side = party_sides(match.rule)
        if before_side == after_side:  # talks, where everyone is an actor
            if len(rule_parties) != 1:
                # two named: nothing to complete; none: a meeting whose clause names none of its parties is
                # mostly talk of talks ("tempat di mana dialog antara kekuatan-kekuatan besar ...")
                return []
            filled = set()
        else:
            filled = {p.side for p in rule_parties}
        added = []
        for m, view, previous in pool:
            if not previous and bystander(m, view, match, cues):
                continue
            after = not previous and view.token_index(m.start) >= match.last
            side = after_side if after else before_side
            if side in filled:
                continue
            probability = self.probability(mention_features(match, len(rule_parties), m, view, previous, names, cues))
            if probability >= self.threshold:
                added.append((probability, Party(m, side)))
        added.sort(key=lambda item: -item[0])
        return [party for _, party in added]


def bystander(m: Mention, view: SentenceView, match, cues: RankerCues) -> bool:
    """A mention of the trigger's sentence the sentence itself marks as no party: a place, a name after
    "di"/"ke"/"dari", or what a topic word after the trigger introduces ("membahas ... Ukraina")."""
    i = view.token_index(m.start)
    if m.kind == "place" or (i > 0 and view.words[i - 1] in cues.place_words):
        return True
    return i >= match.last and any(w in cues.topic_cues for w in view.words[match.last : i])
