"""Candidate article pairs for same-event judgement (linking annotations).

    python scripts/annotation/pair_candidates.py --out CANDIDATES.tsv [--positives 480] [--negatives 270]
    python scripts/annotation/pair_candidates.py --out MORE.tsv --judged PAIRS.jsonl --exclude CANDIDATES.tsv \
        --skip-top 480 --positives 400 --negatives 100

News articles (IndoSum "tajuk utama", Detik), with TF-IDF cosine over title and lead (articles of the
shared development set are candidates too: their pairs measure linking on that set, never train it):
- likely same event: cosine >= 0.25, not a near-copy (< 0.85), published within 7 days (or undated);
- likely hard negatives: cosine 0.12-0.40 with at least two shared capitalised names, within 120 days.
With ``--from-annotations RAW_DIR``, the candidates are instead pairs of annotated articles with events of
one type that share participants (the development set's matching rule) on compatible dates: where the same
meeting or arrest is most likely told twice, and where the hard negatives are.
With ``--judged``, pairs already judged are left out, and the pairs that the judged same-event pairs imply
(A~B and B~C, C~A not judged) are proposed first: annotators confirm them, nothing is inferred.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from linimasa.evaluation.articles import read_articles  # noqa: E402

NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+")
URL_DATE = re.compile(r"/(20\d\d)(\d\d)(\d\d)")


def published(article) -> date | None:
    if article.published:
        return date.fromisoformat(article.published[:10])
    found = URL_DATE.search(article.url or "")
    return date(int(found[1]), int(found[2]), int(found[3])) if found else None


def implied_pairs(judged: list[dict]) -> list[tuple[str, str]]:
    parent: dict[str, str] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    for row in judged:
        if row["label"] == "same_event":
            parent[find(row["a"])] = find(row["b"])
    groups: dict[str, list[str]] = {}
    for member in list(parent):
        groups.setdefault(find(member), []).append(member)
    done = {tuple(sorted((r["a"], r["b"]))) for r in judged}
    proposed = []
    for members in groups.values():
        members.sort()
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if (a, b) not in done:
                    proposed.append((a, b))
    return proposed


class _Named:
    def __init__(self, person: dict):
        self.name, self.mention, self.country, self.kind = person["name"], person.get("mention"), person.get("country"), None


def annotated_pairs(raw_folder: Path) -> list[tuple[str, str]]:
    from itertools import combinations

    from linimasa.evaluation.gold import GoldParticipant
    from linimasa.evaluation.matching import participant_matches

    records = {}
    for path in sorted(raw_folder.glob("batch*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                records.setdefault(record["article_id"], record)
    events = [(i, e) for i, r in sorted(records.items()) for e in r["events"] if e.get("participants")]
    found = {}
    for (i, e), (j, f) in combinations(events, 2):
        if i == j or e["type"] != f["type"]:
            continue
        if e.get("date") and f.get("date") and not (e["date"].startswith(f["date"]) or f["date"].startswith(e["date"])):
            continue
        gold = [GoldParticipant(p["name"], p.get("mention"), p.get("country")) for p in e["participants"]]
        shared = sum(1 for g in gold if any(participant_matches(g, _Named(q)) for q in f["participants"]))
        if shared >= min(2, len(gold)):
            found[tuple(sorted((i, j)))] = True
    return list(found)


def main() -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--positives", type=int, default=480)
    parser.add_argument("--negatives", type=int, default=270)
    parser.add_argument("--skip-top", type=int, default=0, help="leave out the N most similar likely positives")
    parser.add_argument("--judged", type=Path, default=None)
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a candidates file whose pairs are not proposed again")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--from-annotations", type=Path, default=None, metavar="RAW_DIR")
    args = parser.parse_args()
    if args.from_annotations:
        done = set()
        for path in args.exclude:
            done |= {tuple(sorted(line.split("\t")[1:3])) for line in path.read_text().splitlines() if line.strip()}
        chosen = [pair for pair in annotated_pairs(args.from_annotations) if pair not in done]
        random.Random(args.seed).shuffle(chosen)
        with args.out.open("w", encoding="utf-8") as handle:
            for number, (a, b) in enumerate(chosen):
                handle.write(f"{number}\t{a}\t{b}\n")
        print(f"{len(chosen)} candidates from annotated events -> {args.out}")
        return 0
    articles = read_articles()
    seen, pool = set(), []
    for article in sorted(articles.values(), key=lambda a: a.id):
        if article.text in seen:
            continue
        seen.add(article.text)
        if article.id.startswith("detik-") or article.category == "tajuk utama":
            pool.append(article)
    docs = [(a.title or "") + " " + a.text[:3000] for a in pool]
    matrix = TfidfVectorizer(min_df=2, max_df=0.3, sublinear_tf=True).fit_transform(docs)
    similarity = (matrix @ matrix.T).toarray()
    names = [set(NAME.findall(d)) for d in docs]
    dates = [published(a) for a in pool]
    likely_same, likely_negative = [], []
    for i in range(len(pool)):
        for j in range(i + 1, len(pool)):
            s = similarity[i, j]
            if s < 0.12 or s > 0.85:
                continue
            gap = abs((dates[i] - dates[j]).days) if dates[i] and dates[j] else None
            if s >= 0.25 and (gap is None or gap <= 7):
                likely_same.append((s, pool[i].id, pool[j].id))
            elif len(names[i] & names[j]) >= 2 and s < 0.40 and (gap is None or gap <= 120):
                likely_negative.append((len(names[i] & names[j]), pool[i].id, pool[j].id))
    likely_same.sort(reverse=True)
    rng = random.Random(3)
    rng.shuffle(likely_negative)
    likely_negative.sort(key=lambda t: -t[0])
    judged = [json.loads(l) for l in args.judged.read_text().splitlines() if l.strip()] if args.judged else []
    done = {tuple(sorted((r["a"], r["b"]))) for r in judged}
    for path in args.exclude:
        done |= {tuple(sorted(line.split("\t")[1:3])) for line in path.read_text().splitlines() if line.strip()}
    first = [pair for pair in implied_pairs(judged) if pair not in done] if judged else []
    chosen = [(a, b) for _, a, b in likely_same[args.skip_top:]][:args.positives]
    chosen += [(a, b) for _, a, b in likely_negative if (a, b) not in done][:args.negatives]
    chosen = [pair for pair in dict.fromkeys(chosen) if tuple(sorted(pair)) not in done and pair not in first]
    random.Random(args.seed).shuffle(chosen)
    with args.out.open("w", encoding="utf-8") as handle:
        for number, (a, b) in enumerate(first + chosen):
            handle.write(f"{number}\t{a}\t{b}\n")
    print(f"{len(first)} implied + {len(chosen)} candidates -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
