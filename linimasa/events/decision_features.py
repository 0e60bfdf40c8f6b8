"""The features of the learned event decision: what a reader checks before believing a candidate is an event.

Each feature is a name (with a value of 1 unless said otherwise) that a user can read in ``Event.decision``:
the trigger and its lexeme, its part of speech and voice, the three words each side, the parties the rules
found (how many, on which side, of which kind, how many the knowledge base knows), the date's precision and
basis, a place, the sentence's position and length, a quote, reported speech, the headline, how often the
article tells the type, the other types told in the same sentence, and cue words of
``linimasa/lang/id/decision_cues.yaml`` before the trigger, after it or anywhere in its sentence (a press
interview, a working visit, something still going on, a habit, a plan, a condition, a negation, a purpose, a
statute, a question, an opinion, a generic subject). The features that matter most for one type are crossed
with the type ("known=ASSAULT:0"), so that one model judges every PLOVER type.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from linimasa import yamldata
from linimasa.dates import precision_name
from linimasa.events.coreference import QUOTES
from linimasa.events.participants import key, vouches
from linimasa.nlp.phrases import PhraseIndex

CUES_FILE = Path(__file__).resolve().parents[1] / "lang" / "id" / "decision_cues.yaml"
_WORD = re.compile(r"^[a-z][a-z\-]*$")
CONTEXT = 3  # words each side of the trigger
CUE_WINDOW = 6  # words each side of the trigger where a cue counts as "before" / "after"


@functools.cache
def load_cues(path: str | None = None) -> PhraseIndex[str]:
    """The cue phrases of ``decision_cues.yaml``, each with the name of its group ("plan", "negation")."""
    data = yamldata.safe_load(Path(path or CUES_FILE).read_text(encoding="utf-8"))
    return PhraseIndex.of((str(phrase).casefold().split(), group)
                          for group, phrases in data["cues"].items() for phrase in phrases)


@dataclass
class ArticleContext:
    """What the features need of the whole article: its headline's words, how often each type is told and
    which types each sentence tells."""

    title_words: frozenset[str] = frozenset()
    told: Counter = field(default_factory=Counter)
    first: dict[str, int] = field(default_factory=dict)  # type -> id() of its first candidate
    reporting: frozenset[str] = frozenset()
    sentence_types: dict[int, frozenset[str]] = field(default_factory=dict)  # sentence index -> types told there
    # id() of a candidate -> (how many of its type came before it, whether one of those shares a party)
    retold: dict[int, tuple[int, bool]] = field(default_factory=dict)

    @classmethod
    def of(cls, title: str | None, candidates: list, reporting: frozenset[str] = frozenset()) -> ArticleContext:
        words = frozenset(w.casefold() for w in re.findall(r"\w+", title or ""))
        told = Counter(c.match.rule.type for c in candidates)
        first: dict[str, int] = {}
        by_sentence: dict[int, set[str]] = defaultdict(set)
        earlier: dict[str, list[set[str]]] = defaultdict(list)  # type -> party keys of each candidate so far
        retold: dict[int, tuple[int, bool]] = {}
        for c in candidates:
            kind = c.match.rule.type
            first.setdefault(kind, id(c))
            by_sentence[c.view.index].add(kind)
            mine = {key(p) for p, _ in c.participants}
            retold[id(c)] = (len(earlier[kind]), any(mine & before for before in earlier[kind]))
            earlier[kind].append(mine)
        return cls(words, told, first, reporting, {i: frozenset(t) for i, t in by_sentence.items()}, retold)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _date_feature(c) -> str:
    """The date as the model knows it: its precision and basis. A speaker's day (basis ``speaker``, session
    11) came after the model was trained, on the date the context alone gives; it is shown that date, so
    that the decision does not change with it."""
    value, basis = c.date.value, c.date.basis
    if basis == "speaker" and c.date.context is not None:
        value, basis = c.date.context["value"], c.date.context["basis"]
    return f"date={precision_name(value)}:{basis}" if value else "date=none"


def candidate_features(c, context: ArticleContext, cues: PhraseIndex[str] | None = None) -> dict[str, float]:
    """The explainable features of one candidate (a :class:`linimasa.events.candidates.Candidate`)."""
    rule = c.match.rule
    kind = rule.type
    words = c.view.words
    first, last = c.match.first, c.match.last
    features: dict[str, float] = {
        f"type={kind}": 1.0,
        f"trigger={kind}:{' '.join(rule.words)}": 1.0,
        f"lexeme={kind}:{rule.lemma}": 1.0,
        f"pos={kind}:{rule.pos}": 1.0,
        f"voice={rule.voice}": 1.0,
    }
    if rule.mode:
        features[f"mode={kind}:{rule.mode}"] = 1.0
    for name in ("framed", "anaphoric", "recalled"):
        if getattr(c, name):
            features[name] = 1.0
    _party_features(c, kind, features)
    features[_date_feature(c)] = 1.0
    features[f"place={c.location is not None}"] = 1.0
    for word in words[max(0, first - CONTEXT) : first]:
        if _WORD.match(word):
            features[f"before:{word}"] = 1.0
    for word in words[last : last + CONTEXT]:
        if _WORD.match(word):
            features[f"after:{word}"] = 1.0
    features[f"sentence={_bucket(c.view.index, (0, 1, 3, 7, 15))}"] = 1.0
    features[f"length={_bucket(len(words), (10, 20, 35, 60))}"] = 1.0
    quotes = sum(1 for w in words[:first] if w in QUOTES)
    features[f"in_quote={quotes % 2 == 1}"] = 1.0
    features[f"in_quote={kind}:{quotes % 2 == 1}"] = 1.0
    features["reported"] = float(any(w in context.reporting for w in words))
    # headlines use the bare root ("KPK Tangkap Bupati"): the trigger's words or its lexeme's root
    in_title = any(w in context.title_words for w in (*rule.words, rule.lemma))
    features[f"title_trigger={in_title}"] = 1.0
    features[f"title_trigger={kind}:{in_title}"] = 1.0
    named = {m.text.split()[-1].casefold() for _, m in c.participants if m.text.split()}
    features[f"title_party={bool(named & context.title_words)}"] = 1.0
    features[f"told={kind}:{min(context.told[kind], 4)}"] = 1.0
    features[f"first_of_type={context.first.get(kind) == id(c)}"] = 1.0
    before_it, shared = context.retold.get(id(c), (0, False))
    features[f"nth_of_type={_bucket(before_it, (0, 1, 3))}"] = 1.0
    if shared:  # the same parties already did this earlier in the article: a retelling, or its own event
        features[f"retold={kind}"] = 1.0
    for other in context.sentence_types.get(c.view.index, ()):
        if other != kind:
            features[f"with_type={other}"] = 1.0
    if cues is not None:
        for i, _, group in cues.occurrences(words):
            if first - CUE_WINDOW <= i < first:
                features[f"cue={group}:before"] = 1.0
            elif last <= i < last + CUE_WINDOW:
                features[f"cue={group}:after"] = 1.0
            features[f"cue={group}:sentence"] = 1.0
    return features


def _party_features(c, kind: str, features: dict[str, float]) -> None:
    """How many parties the rules found, where, of which kind, and whether the knowledge base knows them:
    the rules' old filter (an event needs a known party) is the model's to weigh, per type."""
    parties = c.participants
    count = len({key(p) for p, _ in parties})
    known = sum(1 for p, _ in parties if vouches(p))
    features[f"parties={kind}:{min(count, 3)}"] = 1.0
    features[f"known={min(known, 2)}"] = 1.0
    features[f"known={kind}:{min(known, 2)}"] = 1.0
    before = any(m.start < c.match.start for _, m in parties)
    after = any(m.start >= c.match.end for _, m in parties)
    features[f"party_before={before}"] = 1.0
    features[f"party_after={after}"] = 1.0
    features[f"party_before={kind}:{before}"] = 1.0
    features[f"party_after={kind}:{after}"] = 1.0
    for p, _ in parties:
        features[f"party_kind={p.kind}"] = 1.0
        features[f"party_side={p.side}:{p.kind}:{'known' if vouches(p) else 'unknown'}"] = 1.0
