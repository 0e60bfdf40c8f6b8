"""Why events' participants are wrong, counted by cause, and the parties the knowledge base cannot resolve.

    python scripts/party_causes.py [train dev] [--cache DIR] [--list CAUSE] [--kb-gaps N]

On a prepared split (linimasa/evaluation/workbench.py), the events stage's own mentions are matched to gold
by the evaluation's rule, per article and type, and each primary gold event is put under causes:

Matched, participants not exact (an event may have more than one cause):
- ``missing``: a gold participant no predicted participant matches;
- ``extra_named``: a predicted participant with a name (person, organisation, country) that matches no gold one;
- ``extra_group``: a predicted group noun (kind ``agent``: "polisi", "warga") that matches no gold one.

Not matched, in an article where the type was reported (one cause each, the first that applies):
- ``taken``: a prediction would match it, but another gold event took it;
- ``different_event``: no asserted prediction of its type has its trigger in the gold evidence's sentences;
- ``both_in_sentence``: every gold participant the prediction there lacks is named in those sentences;
- ``unnamed_or_group``: a participant it lacks is not written as a name anywhere (its mention is lower case,
  or its name's words are not in the article): a group or office the rules must find from a common noun;
- ``other_sentence``: a participant it lacks is named only outside the evidence's sentences.

``--kb-gaps N`` lists the N gold participant names (not people: bodies and groups; a mention the NER or the KB takes for a person is left out) most often annotated whose
mention no mention the knowledge base linked covers, with how many events name them: what the KB lacks.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from linimasa.evaluation.articles import read_articles  # noqa: E402
from linimasa.evaluation.candidates import evidence_spans  # noqa: E402
from linimasa.evaluation.matching import (match_article, participant_matches, participants_exact,  # noqa: E402
                                          participants_found, tokens)
from linimasa.evaluation.spans import Locator, squash  # noqa: E402
from linimasa.evaluation.workbench import prepare_split  # noqa: E402
from linimasa.events import EventStage  # noqa: E402

EXACT_CAUSES = ("missing", "extra_named", "extra_group")
MISS_CAUSES = ("taken", "different_event", "both_in_sentence", "unnamed_or_group", "other_sentence")


def _overlaps(start, end, spans) -> bool:
    return any(start < e and s < end for s, e in spans)


def exact_causes(gold, predicted) -> list[str]:
    causes = []
    if any(not any(participant_matches(g, p) for p in predicted.participants) for g in gold.participants):
        causes.append("missing")
    extra = [p for p in predicted.participants if not any(participant_matches(g, p) for g in gold.participants)]
    if any(p.kind != "agent" for p in extra):
        causes.append("extra_named")
    if any(p.kind == "agent" for p in extra):
        causes.append("extra_group")
    return causes


def _trigger_in(event, told) -> bool:
    return any(item.field == "trigger" and _overlaps(item.start, item.end, told) for item in event.evidence)


def miss_cause(gold, predictions, taken, article, told, text_tokens) -> str:
    needed = min(2, len(gold.participants))
    if any(participants_found(gold, p) >= needed for p in taken):
        return "taken"
    there = [p for p in predictions if _trigger_in(p, told)]
    if not there:
        return "different_event"
    best = max(there, key=lambda p: participants_found(gold, p))
    lacking = [g for g in gold.participants if not any(participant_matches(g, p) for p in best.participants)]
    sentence_tokens = set(tokens(" ".join(article.working_text[s:e] for s, e in told)))
    if all(_named_in(g, sentence_tokens) for g in lacking):
        return "both_in_sentence"
    if any(_unnamed(g, text_tokens) for g in lacking if not _named_in(g, sentence_tokens)):
        return "unnamed_or_group"
    return "other_sentence"


def _named_in(g, words: set[str]) -> bool:
    spelled = tokens(g.mention)
    named = tokens(g.name)
    return bool((spelled and spelled[-1] in words) or (named and named[-1] in words))


def _unnamed(g, text_tokens: set[str]) -> bool:
    mention = (g.mention or "").strip()
    if mention and not mention[:1].isupper():
        return True
    return not _named_in(g, text_tokens)


def kb_gaps(gold_article, article, counter: Counter, examples: dict) -> None:
    """Counts the gold bodies of an article whose written mention no KB-linked mention covers."""
    locator = Locator(article.working_text)
    linked = [(m.start, m.end) for m in article.mentions if m.kb_id]
    people = [(m.start, m.end) for m in article.mentions if m.kind == "person" or m.label == "PER"]
    for event in gold_article.events:
        for g in event.participants:
            mention = (g.mention or "").strip()
            if not mention or not mention[:1].isupper():
                continue
            spans = locator.find_all(mention)
            if not spans or any(_overlaps(s, e, linked) or _overlaps(s, e, people) for s, e in spans):
                continue
            counter[g.name] += 1
            examples.setdefault(g.name, mention)



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("splits", nargs="*", default=["train"])
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--list", help="print the events under this cause")
    parser.add_argument("--type", help="list only events of this type")
    parser.add_argument("--kb-gaps", type=int, default=0)
    args = parser.parse_args()
    stage = EventStage()
    articles = read_articles()
    for name in args.splits:
        split = prepare_split(name, articles, cache=args.cache)
        counts: dict[str, Counter] = defaultdict(Counter)
        listed = []
        gaps, gap_examples = Counter(), {}
        for gold_article in split.gold:
            prepared = split.articles.get(gold_article.article_id)
            if prepared is None:
                continue
            if args.kb_gaps:
                kb_gaps(gold_article, prepared, gaps, gap_examples)
            processed = stage(__import__("copy").copy(prepared))
            locator = Locator(processed.working_text)
            text_tokens = set(tokens(processed.working_text))
            sentences = [(s.start, s.end) for s in processed.sentences]
            for kind in sorted({e.type for e in gold_article.events}):
                golds = [e for e in gold_article.events if e.type == kind]
                predictions = [e for e in processed.events if e.type == kind and e.modality == "asserted"]
                matches, unmatched, _ = match_article(golds, predictions)
                group = "CONSULT" if kind == "CONSULT" else "other"
                for m in matches:
                    if not m.gold.primary:
                        continue
                    counts[group]["matched"] += 1
                    if participants_exact(m.gold, m.predicted):
                        counts[group]["exact"] += 1
                        continue
                    counts[group]["not_exact"] += 1
                    for cause in exact_causes(m.gold, m.predicted):
                        counts[group][cause] += 1
                        if args.list == cause and (not args.type or args.type == kind):
                            listed.append(f"  {gold_article.article_id} {kind} gold={[g.name for g in m.gold.participants]} "
                                          f"given={[p.name for p in m.predicted.participants]} "
                                          f"\"{squash(m.gold.evidence or '')[:200]}\"")
                taken = [m.predicted for m in matches]
                for gold in unmatched:
                    if not gold.primary:
                        continue
                    counts[group]["missed"] += 1
                    if not predictions:
                        counts[group]["type_not_reported"] += 1
                        continue
                    spans = evidence_spans(gold, locator)
                    told = [(s, e) for s, e in sentences if _overlaps(s, e, spans)]
                    cause = miss_cause(gold, predictions, taken, processed, told, text_tokens)
                    counts[group][cause] += 1
                    if args.list == cause and (not args.type or args.type == kind):
                        near = [p for p in predictions if _trigger_in(p, told)]
                        listed.append(f"  {gold_article.article_id} {kind} gold={[g.name for g in gold.participants]} "
                                      f"given={[[p.name for p in e.participants] for e in near]} "
                                      f"\"{squash(gold.evidence or '')[:200]}\"")
        print(f"\n{name}: participants of matched primary events, and primary events missed where the type was reported")
        columns = ("matched", "exact", "not_exact", *EXACT_CAUSES, "missed", "type_not_reported", *MISS_CAUSES)
        print(f"{'':<8} " + " ".join(f"{c[:12]:>12}" for c in columns))
        for group in ("CONSULT", "other"):
            print(f"{group:<8} " + " ".join(f"{counts[group][c]:>12}" for c in columns))
        print(f"{'all':<8} " + " ".join(f"{counts['CONSULT'][c] + counts['other'][c]:>12}" for c in columns))
        for line in listed:
            print(line)
        if args.kb_gaps:
            print(f"\n{name}: gold bodies no knowledge-base mention covers (annotations naming them, as written)")
            for gap, n in gaps.most_common(args.kb_gaps):
                print(f"  {n:>3} {gap} ({gap_examples[gap]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
