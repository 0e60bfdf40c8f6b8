"""Candidate recall of the trigger lexicon on annotated splits (linimasa/evaluation/candidates.py).

    python scripts/candidate_recall.py [train dev test shared] [--misses N] [--type T] [--cache DIR]

For every primary gold event: is there a trigger of its type in its evidence quote, or in a sentence the
quote overlaps? Then: did the events stage report an asserted event of that type there ("event"), and did
the evaluation's rule match it ("match")? Prints the table per type and the first misses, so a lexicon
change is measured on every split before it is kept. ``--cache`` keeps the prepared articles (cleaning to times) between runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from linimasa.evaluation.articles import read_articles  # noqa: E402
from linimasa.evaluation.candidates import candidate_recall  # noqa: E402
from linimasa.evaluation.workbench import prepare_split  # noqa: E402
from linimasa.events import EventStage  # noqa: E402
from linimasa.events.lexicon import load_lexicon  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("splits", nargs="*", default=["train", "dev"])
    parser.add_argument("--misses", type=int, default=0, help="list this many misses per split")
    parser.add_argument("--type", help="only misses of this PLOVER type")
    parser.add_argument("--cache", type=Path, help="a folder to keep prepared articles in")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args()
    articles = read_articles()
    lexicon = load_lexicon()
    reports = []
    for name in args.splits:
        split = prepare_split(name, articles, cache=args.cache)
        processed = split.run(EventStage())
        report = candidate_recall(split, lexicon, processed)
        scored = split.report(processed)["types"]
        reports.append(report)
        if args.format == "json":
            continue
        print(f"\n{name}: candidate recall (primary gold events with a trigger of their type)")
        print(f"{'type':<10} {'gold':>5} {'quoted':>6} {'in ev':>6} {'in sent':>7} {'other':>6} {'R ev':>6} {'R sent':>6}"
              f" {'event':>6} {'match':>6}")
        matched_all = sum(row["found"] for row in scored.values())
        for kind, row in list(report["types"].items()) + [("all", report["all"])]:
            matched = scored[kind]["found"] if kind in scored else matched_all
            r_ev = f"{row['recall_evidence']:.3f}" if row["recall_evidence"] is not None else "-"
            r_se = f"{row['recall_sentence']:.3f}" if row["recall_sentence"] is not None else "-"
            print(f"{kind:<10} {row['gold']:>5} {row['located']:>6} {row['in_evidence']:>6} {row['in_sentence']:>7} "
                  f"{row['other_type']:>6} {r_ev:>6} {r_se:>6} {row['event_there']:>6} {matched:>6}")
        misses = [m for m in report["misses"] if not args.type or m["type"] == args.type]
        for miss in misses[: args.misses]:
            print(f"  {miss['article_id']}: {miss['type']}/{miss['mode'] or '-'} {miss['triggers']} "
                  f"\"{miss['evidence'][:220]}\"")
    if args.format == "json":
        print(json.dumps(reports, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
