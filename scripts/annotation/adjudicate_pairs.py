"""Keep the linking pairs consistent with the event annotations of their articles.

    python scripts/annotation/adjudicate_pairs.py --audit      # list the pairs the rule asks to review
    python scripts/annotation/adjudicate_pairs.py --apply      # apply data/annotations/pair-adjudication.jsonl

A same-event pair names the PLOVER type of the happening its two articles share. When no annotated
(non-rejected) event of that type is in the record of either article, the pair and the event annotations
contradict each other, and an adjudicator reads the articles and decides by the PLOVER manual and the
conventions of docs/annotation.md ("Pairs and event annotations agree"):

- ``record_type``: an article's record codes the same happening under another type and the manual agrees:
  the pair takes the record's type;
- ``manual_type``: no record, and the manual gives the happening another type: the pair takes it;
- ``not_plover``: the happening is no PLOVER event under the conventions (an aid programme's rollout, a
  survey, a ceremony, a match): the pair is OTHER;
- ``same_happening``: a pair about the same happening as pairs already typed, typed as they are;
- the annotation is missing: the event is added to the record (offsets, the article's digest kept).

The decisions are in ``pair-adjudication.jsonl`` (article ids, the type before and after, the rule, the
reason in English; no article text). ``--apply`` rewrites the pair files with them, and stats.json's
sizes with the records as they are. ``--audit`` lists every same-event pair still without a record of its
type: pairs of articles that have no record at all (judged on the text and kept), or new contradictions.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts" / "annotation"))

from linimasa.evaluation.articles import shared_root  # noqa: E402
from linimasa.evaluation.schema import EVENT_TYPES  # noqa: E402

ANNOTATIONS = ROOT / "data" / "annotations"
SPLITS = ("train", "dev", "test")
PAIR_FILES = ("train", "dev", "test", "shared-dev")
DECISIONS = ANNOTATIONS / "pair-adjudication.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def recorded_types() -> dict[str, set[str]]:
    """Article id -> the types of its annotated events (the corpus's records and the shared development set,
    which annotates CONSULT only)."""
    types = {}
    for split in SPLITS:
        for record in read_jsonl(ANNOTATIONS / f"{split}.jsonl"):
            types[record["article_id"]] = {event["type"] for event in record["events"]}
    shared = json.loads((shared_root() / "annotations" / "events-dev.json").read_text(encoding="utf-8"))
    for record in shared:
        types.setdefault(record["article_id"], set()).update("CONSULT" for _ in record.get("events") or [])
    return types


def unsupported(pairs: list[dict], types: dict[str, set[str]]) -> list[tuple[dict, str]]:
    """Same-event PLOVER pairs whose type no record of either article holds, with what the records say."""
    found = []
    for pair in pairs:
        if pair["label"] != "same_event" or pair.get("event_type") not in EVENT_TYPES:
            continue
        sides = [types.get(pair["a"]), types.get(pair["b"])]
        if any(side and pair["event_type"] in side for side in sides):
            continue
        recorded = [side for side in sides if side is not None]
        found.append((pair, "no record" if not recorded else "records hold " + ", ".join(
            sorted(set().union(*recorded)) or ["no event"])))
    return found


def apply(decisions: list[dict]) -> Counter:
    by_pair = {tuple(sorted((d["a"], d["b"]))): d for d in decisions}
    changed: Counter = Counter()
    for name in PAIR_FILES:
        path = ANNOTATIONS / f"pairs-{name}.jsonl"
        rows = read_jsonl(path)
        for row in rows:
            decision = by_pair.get(tuple(sorted((row["a"], row["b"]))))
            if decision is None or row["event_type"] == decision["event_type"]:
                continue
            if row["event_type"] != decision["event_type_before"]:
                raise SystemExit(f"{path}: {row['a']} ~ {row['b']} is {row['event_type']}, the decision was made "
                                 f"on {decision['event_type_before']}: review it again")
            row["event_type"] = decision["event_type"]
            changed[(name, decision["event_type_before"], decision["event_type"])] += 1
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return changed


def refresh_stats() -> None:
    """stats.json's sizes from the records and pairs as they now are (agreement is left as built)."""
    from build_corpus import corpus_sizes, pair_kind

    from linimasa.evaluation.articles import read_articles

    articles = read_articles()
    records = {split: {r["article_id"]: r for r in read_jsonl(ANNOTATIONS / f"{split}.jsonl")} for split in SPLITS}
    corpus = {i: r for split in SPLITS for i, r in records[split].items()}
    path = ANNOTATIONS / "stats.json"
    stats = json.loads(path.read_text(encoding="utf-8"))
    stats["corpus"] = corpus_sizes(corpus, articles, list(corpus))
    stats["splits"] = {split: corpus_sizes(corpus, articles, list(records[split])) for split in SPLITS}
    stats["pairs"] = {split: dict(Counter(pair_kind(p) for p in read_jsonl(ANNOTATIONS / f"pairs-{split}.jsonl")))
                      for split in SPLITS}
    stats["pairs_with_a_shared_dev_article"] = dict(Counter(
        pair_kind(p) for p in read_jsonl(ANNOTATIONS / "pairs-shared-dev.jsonl")))
    stats["same_event_pairs_by_type"] = {name: dict(sorted(Counter(
        p["event_type"] for p in read_jsonl(ANNOTATIONS / f"pairs-{name}.jsonl") if p["label"] == "same_event").items()))
        for name in PAIR_FILES}
    stats["pairs_adjudicated"] = dict(sorted(Counter(d["rule"] for d in read_jsonl(DECISIONS)).items()))
    path.write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--apply", action="store_true", help="apply the decisions and refresh stats.json")
    parser.add_argument("--audit", action="store_true", help="list the same-event pairs no record supports")
    args = parser.parse_args()
    if args.apply:
        for (name, before, after), count in sorted(apply(read_jsonl(DECISIONS)).items()):
            print(f"pairs-{name}: {count} {before} -> {after}")
        refresh_stats()
    if args.audit or not args.apply:
        types = recorded_types()
        for name in PAIR_FILES:
            for pair, why in unsupported(read_jsonl(ANNOTATIONS / f"pairs-{name}.jsonl"), types):
                print(f"{name}\t{pair['event_type']}\t{pair['a']}\t{pair['b']}\t{why}\t{pair['event']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
