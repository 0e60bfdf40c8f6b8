"""Where annotated events with a trigger of their type are lost between the candidates and the reported events.

    python scripts/event_gate_losses.py [train dev] [--cache DIR] [--list STAGE] [--decision PATH|none]

For every primary gold event of a prepared split whose evidence quote holds a trigger of its type (the
"in ev" column of scripts/candidate_recall.py), the furthest step one of its candidates reaches:

- ``no_candidate``: the trigger was found, but the rules dropped it before it became a candidate (a sport or
  show-business sentence, a habit, a trigger's own condition such as "a person must follow");
- ``not_asserted``: every candidate there has another modality (future, negated, ...);
- ``reference_only``: every asserted candidate there only refers back and joined no event;
- ``too_few_parties``: asserted heads, but none names the parties its type needs;
- ``decision``: the group of events it belongs to was dropped by the learned decision's threshold;
- ``known_party``: dropped because no party is known to the knowledge base (the rules' filter);
- ``merged_parties``: dropped after merging, with too few participants;
- ``reported``: an asserted event of its type told there; then ``matched`` when the evaluation's rule
  matches one of the article's predictions to it.

Prints the counts per step, overall and per type; ``--list STAGE`` prints the evidence of the events lost there.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from linimasa.config import Settings  # noqa: E402
from linimasa.evaluation.articles import read_articles  # noqa: E402
from linimasa.evaluation.candidates import evidence_spans, sentence_triggers  # noqa: E402
from linimasa.evaluation.matching import match_article  # noqa: E402
from linimasa.evaluation.spans import Locator, squash  # noqa: E402
from linimasa.evaluation.workbench import prepare_split  # noqa: E402
from linimasa.events import EventStage  # noqa: E402

STEPS = ("no_candidate", "not_asserted", "reference_only", "too_few_parties", "decision", "known_party",
         "merged_parties", "reported")


def _overlaps(a_start, a_end, spans) -> bool:
    return any(a_start < end and start < a_end for start, end in spans)


def article_steps(extractor, article):
    """The candidates of one article and each group's fate, as the extractor's own walk tells it:
    (group, fate) with fate one of STEPS[4:]."""
    views, anchor, candidates = extractor.propose(article)
    if extractor.decision is not None:
        extractor.decision.judge(candidates, extractor.context(article, candidates))
    fates = extractor.group_fates(article, views, anchor, candidates, explain=True)
    return candidates, [(group, fate) for group, fate, _ in fates]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("splits", nargs="*", default=["train"])
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--list", help="print the events lost at this step")
    parser.add_argument("--decision", help="a decision model to use instead of the shipped one ('none': rules)")
    parser.add_argument("--require-known-party", choices=("yes", "no"))
    args = parser.parse_args()
    options = {}
    if args.decision:
        options["decision"] = False if args.decision == "none" else args.decision
    if args.require_known_party:
        options["require_known_party"] = args.require_known_party == "yes"
    stage = EventStage(Settings(options={"events": options}))
    extractor = stage.extractor
    lexicon = extractor.lexicon
    articles = read_articles()
    for name in args.splits:
        split = prepare_split(name, articles, cache=args.cache)
        steps = Counter()
        by_type = defaultdict(Counter)
        listed = []
        for gold in split.gold:
            article = split.articles.get(gold.article_id)
            if article is None:
                continue
            working = copy.copy(article)
            events = stage(copy.copy(article)).events
            candidates, fates = article_steps(extractor, working)
            locator = Locator(article.working_text)
            sentences = sentence_triggers(article, lexicon)
            matched_ids = set()
            for kind in {e.type for e in gold.events}:
                matches, _, _ = match_article([e for e in gold.events if e.type == kind],
                                              [e for e in events if e.type == kind and e.modality == "asserted"])
                matched_ids |= {id(m.gold) for m in matches}
            for event in gold.events:
                if not event.primary:
                    continue
                spans = evidence_spans(event, locator)
                if not spans:
                    continue
                inside = [m for s, e, ms in sentences if _overlaps(s, e, spans) for m in ms
                          if _overlaps(m.start, m.end, spans)]
                if not any(m.rule.type == event.type for m in inside):
                    continue
                there = [c for c in candidates if c.match.rule.type == event.type
                         and _overlaps(c.view.sentence.start, c.view.sentence.end, spans)]
                step = "no_candidate"
                if there:
                    step = "not_asserted"
                    asserted = [c for c in there if c.modality == "asserted"]
                    if asserted:
                        step = "reference_only" if all(c.reference for c in asserted) else "too_few_parties"
                        reached = [fate for g, fate in fates if g.first.modality == "asserted"
                                   and any(c in g.heads or c in g.others for c in asserted)]
                        step = max([step, *reached], key=STEPS.index)
                if step == "reported" and id(event) in matched_ids:
                    step = "reported+matched"
                steps[step] += 1
                by_type[event.type][step] += 1
                if args.list and step.startswith(args.list):
                    scores = [c.decision["score"] for c in there if c.decision]
                    listed.append(f"  {gold.article_id} {event.type} {[p.name for p in event.participants]} "
                                  f"scores={scores} \"{squash(event.evidence or '')[:200]}\"")
        order = [*STEPS[:-1], "reported", "reported+matched"]
        total = sum(steps.values())
        print(f"\n{name}: {total} primary gold events with a trigger of their type in their evidence")
        print(f"{'type':<10} " + " ".join(f"{s[:14]:>14}" for s in order))
        for kind in sorted(by_type):
            print(f"{kind:<10} " + " ".join(f"{by_type[kind][s]:>14}" for s in order))
        print(f"{'all':<10} " + " ".join(f"{steps[s]:>14}" for s in order))
        for line in listed:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
