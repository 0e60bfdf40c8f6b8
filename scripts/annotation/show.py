"""Print shared news articles for annotators, by id or by batch file.

    python scripts/annotation/show.py ID [ID ...]
    python scripts/annotation/show.py --batch FILE [--from N] [--count K]

Each article is printed with its id, outlet, URL, category, `published` (when the file has one), title and
the full text exactly as the file holds it, so that quotes can be copied verbatim.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from linimasa.evaluation.articles import read_articles  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--batch", type=Path, help="a file with one article id a line")
    parser.add_argument("--from", dest="start", type=int, default=0, help="0-based position in the batch")
    parser.add_argument("--count", type=int, default=None)
    parser.add_argument("--head", type=int, default=None, help="print only the first N characters of each text")
    args = parser.parse_args()
    ids = list(args.ids)
    if args.batch:
        batch = [line.split()[0] for line in args.batch.read_text(encoding="utf-8").splitlines() if line.strip()]
        end = None if args.count is None else args.start + args.count
        ids += batch[args.start:end]
    articles = read_articles()
    for number, article_id in enumerate(ids, args.start):
        article = articles.get(article_id)
        if article is None:
            print(f"=== {article_id}: not in the shared news files ===")
            continue
        print(f"=== [{number}] {article.id}")
        print(f"outlet: {article.outlet} | category: {article.category} | published: {article.published}")
        print(f"url: {article.url}")
        print(f"TITLE: {article.title}")
        print("TEXT:")
        print(article.text if args.head is None else article.text[:args.head] + (" [...]" if len(article.text) > args.head else ""))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
