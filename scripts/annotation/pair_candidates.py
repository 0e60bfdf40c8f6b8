"""Candidate article pairs for same-event judgement (linking annotations).

    python scripts/annotation/pair_candidates.py --out CANDIDATES.tsv [--positives 480] [--negatives 270]
    python scripts/annotation/pair_candidates.py --out MORE.tsv --judged PAIRS.jsonl --skip-top 480

News articles (IndoSum "tajuk utama", Detik), with TF-IDF cosine over title and lead (articles of the
shared development set are candidates too: their pairs measure linking on that set, never train it):
- likely same event: cosine >= 0.25, not a near-copy (< 0.85), published within 7 days (or undated);
- likely hard negatives: cosine 0.12-0.40 with at least two shared capitalised names, within 120 days.
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


def main() -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--positives", type=int, default=480)
    parser.add_argument("--negatives", type=int, default=270)
    parser.add_argument("--skip-top", type=int, default=0, help="leave out the N most similar likely positives")
    parser.add_argument("--judged", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
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
    first = implied_pairs(judged) if judged else []
    chosen = [(a, b) for _, a, b in likely_same[args.skip_top:]][:args.positives]
    chosen += [(a, b) for _, a, b in likely_negative if (a, b) not in done][:args.negatives]
    chosen = [pair for pair in chosen if tuple(sorted(pair)) not in done and pair not in first]
    random.Random(args.seed).shuffle(chosen)
    with args.out.open("w", encoding="utf-8") as handle:
        for number, (a, b) in enumerate(first + chosen):
            handle.write(f"{number}\t{a}\t{b}\n")
    print(f"{len(first)} implied + {len(chosen)} candidates -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
