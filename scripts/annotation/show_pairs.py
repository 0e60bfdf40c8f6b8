"""Print candidate article pairs for same-event judgement.

    python scripts/annotation/show_pairs.py CANDIDATES.tsv [--from N] [--count K] [--head 600]

CANDIDATES.tsv has one pair a line: number, article id, article id. Each article is printed with its
outlet, date, URL, title and the first ``--head`` characters of its text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from linimasa.evaluation.articles import read_articles  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("candidates", type=Path)
    parser.add_argument("--from", dest="start", type=int, default=0)
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--head", type=int, default=600)
    args = parser.parse_args()
    rows = [line.split("\t") for line in args.candidates.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = read_articles()
    for number, first, second in (row[:3] for row in rows[args.start:args.start + args.count]):
        print(f"######## pair {number}")
        for side, article_id in (("A", first), ("B", second)):
            article = articles[article_id]
            text = article.text[:args.head] + (" [...]" if len(article.text) > args.head else "")
            print(f"--- {side}: {article.id} | {article.outlet} | {article.published or ''} | {article.url}")
            print(f"TITLE: {article.title}")
            print(text)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
