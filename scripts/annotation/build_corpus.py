"""Build data/annotations/ from the annotators' raw files: offsets, split, second pass, agreement.

    python scripts/annotation/build_corpus.py --batches DIR --raw DIR --pairs PAIRS.jsonl \
        [--reconciled FILE] [--out data/annotations]

- Every raw record is checked and turned into offsets (scripts/annotation/align.py does the same for one
  file). The batch files say which pass an article's record is: ``a`` (the corpus) or ``b`` (the second,
  independent pass). Where the two passes disagree, a reconciled record (``--reconciled``, raw form) is
  the corpus's record; else a record revised by the consistency review (``--reviewed``); else pass
  ``a``'s; an article annotated only in pass ``b`` takes that.
- Pairs with an article of the shared development set go to pairs-shared-dev.jsonl (measured with that
  set, never trained on), and the corpus articles of the same real event go to test.
- The split is by article, 70/15/15 train/dev/test, and keeps together what must not be split: the
  articles of one real event (linked by same-event pairs) and articles with the same text. A pair of
  different events whose articles fall in different splits belongs to the later split (test, then dev), so
  that nothing trained on train pairs has seen a test article.
- Agreement between the passes (before reconciliation) goes to stats.json with the corpus's sizes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from linimasa.evaluation.agreement import agreement  # noqa: E402
from linimasa.evaluation.articles import read_articles, shared_root  # noqa: E402
from linimasa.evaluation.convert import RawRecordError, convert_raw  # noqa: E402
from linimasa.evaluation.gold import load_gold  # noqa: E402

SPLITS = (("train", 0.70), ("dev", 0.15), ("test", 0.15))
SOFT_CATEGORIES = {"olahraga", "showbiz", "hiburan", "teknologi"}


def read_batches(folder: Path) -> dict[tuple[str, str], str]:
    """(batch name, article id) -> pass."""
    passes = {}
    for path in sorted(folder.glob("batch*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                article_id, pass_name = line.split("\t")
                passes[(path.stem, article_id)] = pass_name
    return passes


def convert_folder(raw_folder: Path, passes, articles) -> tuple[dict, dict, list[str]]:
    first, second, problems = {}, {}, []
    for path in sorted(raw_folder.glob("batch*.jsonl")):
        latest = {}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                raw = json.loads(line)
                latest[raw.get("article_id")] = (number, raw)
        for article_id, (number, raw) in latest.items():
            pass_name = passes.get((path.stem, article_id))
            if pass_name is None:
                problems.append(f"{path}:{number}: {article_id} is not in {path.stem}")
                continue
            try:
                record = convert_raw(raw, articles, pass_name=pass_name, annotator=path.stem)
            except RawRecordError as error:
                problems += [f"{path}:{number} {article_id}: {p}" for p in error.problems]
                continue
            (first if pass_name == "a" else second)[article_id] = record
    return first, second, problems


def components(article_ids, pairs, articles) -> list[list[str]]:
    parent = {i: i for i in article_ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x, y):
        if x in parent and y in parent:
            parent[find(x)] = find(y)

    for pair in pairs:
        if pair["label"] == "same_event":
            union(pair["a"], pair["b"])
    by_text = defaultdict(list)
    for i in article_ids:
        by_text[articles[i].text].append(i)
    for group in by_text.values():
        for other in group[1:]:
            union(group[0], other)
    groups = defaultdict(list)
    for i in article_ids:
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: hashlib.sha1(min(g).encode()).hexdigest())


def assign_splits(groups: list[list[str]], same_event_pairs: list[dict], consult: Counter,
                  held_out: set[str]) -> dict[str, str]:
    """Each group to the split furthest below its share, in three rounds so that every split can measure
    what matters: first the groups that hold same-event pairs (balanced by pairs), then those with CONSULT
    events (by events), then the rest (by articles). A group with an article of the shared development set
    goes to test: nothing about an event of that set is trained on."""
    shares = dict(SPLITS)
    group_of = {article_id: index for index, group in enumerate(groups) for article_id in group}
    forced = {index for index, group in enumerate(groups) if held_out & set(group)}
    pairs_in, consult_in = Counter(), Counter()
    for pair in same_event_pairs:
        pairs_in[group_of[pair["a"]]] += 1
    for article_id, count in consult.items():
        consult_in[group_of[article_id]] += count
    rounds = [
        ([i for i in range(len(groups)) if pairs_in[i]], lambda i: pairs_in[i]),
        ([i for i in range(len(groups)) if not pairs_in[i] and consult_in[i]], lambda i: consult_in[i]),
        ([i for i in range(len(groups)) if not pairs_in[i] and not consult_in[i]], lambda i: len(groups[i])),
    ]
    split_of = {}
    for members, weight in rounds:
        total = sum(weight(i) for i in members) or 1
        filled = Counter()
        for index in members:
            name = "test" if index in forced else min(shares, key=lambda n: filled[n] / (shares[n] * total))
            filled[name] += weight(index)
            for article_id in groups[index]:
                split_of[article_id] = name
    return split_of


def read_overrides(paths: list[Path], pass_name: str, articles, problems: list[str]) -> dict[str, dict]:
    """Revised records of articles, by id: later files win."""
    records = {}
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            raw = json.loads(line)
            if raw.get("unchanged"):
                continue
            try:
                records[raw["article_id"]] = convert_raw(raw, articles, pass_name, path.stem)
            except RawRecordError as error:
                problems += [f"{path}:{number}: {p}" for p in error.problems]
    return records


QUOTE_WORDS = 5  # a run of this many words of the article in a free-text note is a quote: it is removed


def without_quotes(note: str, article_words: set[tuple[str, ...]]) -> str:
    """A note with every run of QUOTE_WORDS or more words that also occurs in the article cut out: notes are
    the annotators' English, and the repository holds no article text."""
    words = note.split()
    keep = [True] * len(words)
    for i in range(len(words) - QUOTE_WORDS + 1):
        window = tuple(w.lower().strip("'\"()[],.;:") for w in words[i:i + QUOTE_WORDS])
        if window in article_words:
            for j in range(i, i + QUOTE_WORDS):
                keep[j] = False
    out, cut = [], False
    for word, kept in zip(words, keep):
        if kept:
            out.append(word)
            cut = False
        elif not cut:
            out.append("[...]")
            cut = True
    return " ".join(out)


def scrub_notes(record: dict, article) -> dict:
    tokens = [w.lower().strip("'\"()[],.;:") for w in ((article.title or "") + " " + article.text).split()]
    runs = {tuple(tokens[i:i + QUOTE_WORDS]) for i in range(len(tokens) - QUOTE_WORDS + 1)}
    record["notes"] = without_quotes(record.get("notes") or "", runs)
    record["published_basis"] = without_quotes(record.get("published_basis") or "", runs)
    for event in record["events"]:
        event["date_basis"] = without_quotes(event.get("date_basis") or "", runs)
    for item in record["rejected"]:
        item["note"] = without_quotes(item.get("note") or "", runs)
    return record


def pair_split(pair: dict, split_of: dict[str, str]) -> str:
    order = [name for name, _ in SPLITS]
    return max(split_of[pair["a"]], split_of[pair["b"]], key=order.index)


def corpus_sizes(corpus: dict[str, dict], articles, ids) -> dict:
    """The sizes stats.json reports for the records of ``ids``."""
    records = [corpus[i] for i in ids]
    events = Counter(e["type"] for r in records for e in r["events"])
    return {
        "articles": len(records),
        "articles_with_events": sum(1 for r in records if r["events"]),
        "sports_showbiz_technology": sum(1 for i in ids if articles[i].category in SOFT_CATEGORIES),
        "events": sum(events.values()),
        "consult_events": events.get("CONSULT", 0),
        "consult_primary": sum(1 for r in records for e in r["events"] if e["type"] == "CONSULT"
                               and not e["background"] and e["confidence"] in ("high", "medium")),
        "events_by_type": dict(sorted(events.items())),
        "rejected_candidates": sum(len(r["rejected"]) for r in records),
        "rejected_by_reason": dict(sorted(Counter(x["reason"] for r in records for x in r["rejected"]).items())),
    }


def pair_kind(pair: dict) -> str:
    if pair["label"] == "same_event":
        return "same_event"
    return "hard_negative" if pair["same_actors"] else "different_event"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batches", type=Path, required=True)
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument("--pairs", type=Path, required=True)
    parser.add_argument("--reconciled", type=Path, action="append", default=[],
                        help="records that reconcile the two passes of an article (raw form)")
    parser.add_argument("--reviewed", type=Path, action="append", default=[],
                        help="records revised by the consistency review (raw form; 'unchanged' lines are skipped)")
    parser.add_argument("--out", type=Path, default=Path("data/annotations"))
    args = parser.parse_args()
    articles = read_articles()
    first, second, problems = convert_folder(args.raw, read_batches(args.batches), articles)
    reconciled = read_overrides(args.reconciled, "reconciled", articles, problems)
    reviewed = read_overrides(args.reviewed, "reviewed", articles, problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    corpus = {}
    for article_id in sorted(set(first) | set(second)):
        corpus[article_id] = scrub_notes(reconciled.get(article_id) or reviewed.get(article_id)
                                         or first.get(article_id) or second[article_id], articles[article_id])

    shared_dev = {row["article_id"] for row in json.loads((shared_root() / "annotations" / "events-dev.json").read_text())}
    pairs = []
    seen = set()
    for line in args.pairs.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        key = tuple(sorted((row["a"], row["b"])))
        if key in seen or row.get("label") not in ("same_event", "different_event"):
            continue
        seen.add(key)
        pairs.append({k: row.get(k) for k in ("a", "b", "label", "same_actors", "event_type", "event", "confidence")})

    everything = sorted(set(corpus) | {p["a"] for p in pairs} | {p["b"] for p in pairs})
    consult = Counter({i: sum(1 for e in r["events"] if e["type"] == "CONSULT") for i, r in corpus.items()})
    split_of = assign_splits(components(everything, pairs, articles),
                             [p for p in pairs if p["label"] == "same_event"], consult, shared_dev)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, _ in SPLITS:
        with (args.out / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for article_id, record in corpus.items():
                if split_of[article_id] == name:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        with (args.out / f"pairs-{name}.jsonl").open("w", encoding="utf-8") as handle:
            for pair in pairs:
                if pair_split(pair, split_of) == name and not shared_dev & {pair["a"], pair["b"]}:
                    handle.write(json.dumps(pair, ensure_ascii=False) + "\n")
    with (args.out / "pairs-shared-dev.jsonl").open("w", encoding="utf-8") as handle:
        for pair in pairs:
            if shared_dev & {pair["a"], pair["b"]}:
                handle.write(json.dumps(pair, ensure_ascii=False) + "\n")
    double = sorted(set(first) & set(second))
    for name, records in (("first-pass", first), ("second-pass", second)):
        with (args.out / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for article_id in double:
                handle.write(json.dumps(scrub_notes(records[article_id], articles[article_id]), ensure_ascii=False)
                             + "\n")

    # Agreement, on the records as the annotators left them (before reconciliation).
    tmp_a, tmp_b = args.out / ".agree-a.jsonl", args.out / ".agree-b.jsonl"
    tmp_a.write_text("".join(json.dumps(first[i]) + "\n" for i in double), encoding="utf-8")
    tmp_b.write_text("".join(json.dumps(second[i]) + "\n" for i in double), encoding="utf-8")
    agree = agreement(load_gold([tmp_a], articles), load_gold([tmp_b], articles)) if double else {}
    tmp_a.unlink()
    tmp_b.unlink()

    stats = {
        "corpus": corpus_sizes(corpus, articles, list(corpus)),
        "splits": {name: corpus_sizes(corpus, articles, [i for i in corpus if split_of[i] == name])
                   for name, _ in SPLITS},
        "pairs": {name: dict(Counter(pair_kind(p) for p in pairs
                                     if pair_split(p, split_of) == name and not shared_dev & {p["a"], p["b"]}))
                  for name, _ in SPLITS},
        "pairs_with_a_shared_dev_article": dict(Counter(pair_kind(p) for p in pairs if shared_dev & {p["a"], p["b"]})),
        "reviewed_for_consistency": len(reviewed),
        "second_pass": {"articles": len(double), "reconciled": sum(1 for i in double if i in reconciled),
                        "agreement_before_reconciliation": agree},
        "problems": len(problems),
    }
    (args.out / "stats.json").write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(stats, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
