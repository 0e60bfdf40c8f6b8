"""Candidate recall: for each annotated event, did the trigger lexicon propose a trigger of its type there?

A learned decision can only keep what the rules propose, so the first figure of extraction is how many
real events have a candidate at all. For every primary gold event of a prepared split
(:mod:`linimasa.evaluation.workbench`), its evidence quote is found in the article's cleaned text and the
triggers of the sentences it overlaps are looked up, as the events stage looks them up:

- ``in_evidence``: a trigger of the gold type inside the evidence quote;
- ``in_sentence``: a trigger of the gold type in a sentence the quote overlaps;
- ``other_type``: no trigger of the gold type there, but one of another type (a typing problem, not a
  lexicon gap);
- ``event_there`` (when the articles' events are given): an asserted event of the gold type whose trigger
  sentence overlaps the quote, whatever its participants: the trigger survived the rules.

Evidence quotes that cannot be found in the cleaned text (cleaning removed them) are counted apart. The
shared development set has no quotes: there an event's sentences are those naming one of its participants
as the annotator wrote the mention, a looser test (``in_evidence`` is then the same as ``in_sentence``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from linimasa.evaluation.spans import Locator, squash
from linimasa.events.detect import find_triggers
from linimasa.events.lexicon import Lexicon, normal
from linimasa.model import Article
from linimasa.nlp.tokens import tokenize


@dataclass
class CandidateTally:
    gold: int = 0
    located: int = 0
    in_evidence: int = 0
    in_sentence: int = 0
    other_type: int = 0
    event_there: int = 0
    misses: list[dict] = field(default_factory=list)

    def row(self) -> dict:
        def share(n: int) -> float | None:
            return round(n / self.located, 4) if self.located else None

        return {"gold": self.gold, "located": self.located, "in_evidence": self.in_evidence,
                "in_sentence": self.in_sentence, "other_type": self.other_type, "event_there": self.event_there,
                "recall_evidence": share(self.in_evidence), "recall_sentence": share(self.in_sentence)}


def sentence_triggers(article: Article, lexicon: Lexicon) -> list[tuple[int, int, list]]:
    """(start, end, trigger matches) of each sentence of a prepared article."""
    found = []
    for sentence in article.sentences:
        tokens = sentence.tokens or tokenize(sentence.text, sentence.start)
        words = [normal(t.text) for t in tokens]
        matches = find_triggers(words, [t.start for t in tokens], [t.end for t in tokens], lexicon)
        found.append((sentence.start, sentence.end, matches))
    return found


def candidate_recall(split, lexicon: Lexicon, processed: dict[str, Article] | None = None,
                     primary_only: bool = True) -> dict:
    """Per type and overall: of the gold events of a prepared split, how many have a candidate trigger (and,
    given the ``processed`` articles, an asserted event of their type told in their sentences)."""
    tallies: dict[str, CandidateTally] = defaultdict(CandidateTally)
    for gold in split.gold:
        article = split.articles.get(gold.article_id)
        if article is None:
            continue
        text = article.working_text
        locator = Locator(text)
        sentences = sentence_triggers(article, lexicon)
        for event in gold.events:
            if primary_only and not event.primary:
                continue
            tally = tallies[event.type]
            tally.gold += 1
            spans = evidence_spans(event, locator)
            if not spans:
                continue
            tally.located += 1
            overlapping = [m for s, e, matches in sentences if any(s < end and start < e for start, end in spans)
                           for m in matches]
            inside = [m for m in overlapping if not event.evidence
                      or any(m.start < end and start < m.end for start, end in spans)]
            if any(m.rule.type == event.type for m in inside):
                tally.in_evidence += 1
            if processed is not None and _event_there(processed.get(gold.article_id), event.type, spans, sentences):
                tally.event_there += 1
            if any(m.rule.type == event.type for m in overlapping):
                tally.in_sentence += 1
                continue
            if overlapping:
                tally.other_type += 1
            tally.misses.append({"article_id": gold.article_id, "type": event.type, "mode": event.mode,
                                 "evidence": " | ".join(squash(text[start:end]) for start, end in spans),
                                 "triggers": [f"{m.rule.type}:{' '.join(m.rule.words)}" for m in overlapping]})
    total = CandidateTally()
    for tally in tallies.values():
        for name in ("gold", "located", "in_evidence", "in_sentence", "other_type", "event_there"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
    return {"split": split.name, "types": {k: tallies[k].row() for k in sorted(tallies)}, "all": total.row(),
            "misses": [m for k in sorted(tallies) for m in tallies[k].misses]}



def evidence_spans(event, locator: Locator) -> list[tuple[int, int]]:
    """Where the event is told: its evidence quote; for a gold set without quotes (the shared development
    set), every place a participant's mention is written, so that "in a sentence" means a sentence naming
    a participant."""
    if event.evidence:
        near = event.evidence_span[0] if event.evidence_span else None
        found = locator.find(event.evidence, near)
        return [found] if found else []
    return [span for p in event.participants if p.mention for span in locator.find_all(p.mention)]


def _event_there(article: Article | None, kind: str, spans, sentences) -> bool:
    if article is None:
        return False
    told = [(s, e) for s, e, _ in sentences if any(s < end and start < e for start, end in spans)]
    for event in article.events:
        if event.type != kind or event.modality != "asserted":
            continue
        if any(item.field == "trigger" and any(item.start < e and s < item.end for s, e in told)
               for item in event.evidence):
            return True
    return False
