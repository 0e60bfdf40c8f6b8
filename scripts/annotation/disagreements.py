"""List the articles on which the two annotation passes disagree, with both raw records, for reconciling.

    python scripts/annotation/disagreements.py --batches DIR --raw DIR --out DISAGREEMENTS.jsonl

Two passes agree on an article when, type by type, every event of one matches an event of the other (the
development set's rule) with the same participants, date and mode. Each line of the output holds the
article id, what differs, and both passes' raw records.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from linimasa.evaluation.agreement import AsPrediction  # noqa: E402
from linimasa.evaluation.articles import read_articles  # noqa: E402
from linimasa.evaluation.convert import RawRecordError, convert_raw  # noqa: E402
from linimasa.evaluation.gold import gold_from_record  # noqa: E402
from linimasa.evaluation.matching import match_article, participants_exact  # noqa: E402


def differences(a, b) -> list[str]:
    found = []
    for kind in sorted({e.type for e in a.events} | {e.type for e in b.events}):
        ours = [e for e in a.events if e.type == kind]
        theirs = [AsPrediction(e) for e in b.events if e.type == kind]
        matches, unmatched, extra = match_article(ours, theirs)
        if unmatched or extra:
            found.append(f"{kind}: pass a {len(ours)} events, pass b {len(theirs)}, matched {len(matches)}")
        for m in matches:
            if not participants_exact(m.gold, m.predicted):
                found.append(f"{kind}: participants differ")
            if m.gold.date != m.predicted.date:
                found.append(f"{kind}: date {m.gold.date} vs {m.predicted.date}")
            if m.gold.mode != m.predicted.mode:
                found.append(f"{kind}: mode {m.gold.mode} vs {m.predicted.mode}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batches", type=Path, required=True)
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    articles = read_articles()
    raw_by_pass: dict[str, dict[str, dict]] = {"a": {}, "b": {}}
    for batch in sorted(args.batches.glob("batch*.txt")):
        passes = dict(line.split("\t") for line in batch.read_text().splitlines() if line.strip())
        raw_file = args.raw / f"{batch.stem}.jsonl"
        if not raw_file.exists():
            continue
        for line in raw_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw = json.loads(line)
                if raw.get("article_id") in passes:
                    raw_by_pass[passes[raw["article_id"]]][raw["article_id"]] = raw
    count = 0
    with args.out.open("w", encoding="utf-8") as handle:
        for article_id in sorted(set(raw_by_pass["a"]) & set(raw_by_pass["b"])):
            try:
                a, b = (gold_from_record(convert_raw(raw_by_pass[p][article_id], articles, p, p), articles[article_id],
                                      article_id) for p in ("a", "b"))
            except RawRecordError as error:
                print(f"{article_id}: {error}", file=sys.stderr)
                continue
            found = differences(a, b)
            if found:
                count += 1
                handle.write(json.dumps({"article_id": article_id, "differences": found,
                                         "pass_a": raw_by_pass["a"][article_id],
                                         "pass_b": raw_by_pass["b"][article_id]}, ensure_ascii=False) + "\n")
    print(f"{count} articles where the passes disagree -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
