"""Speed and reach of the knowledge base on real Indonesian news, in one process (one core).

Prints the KB build time per process, the time per article of `find_mentions` alone and of the whole
`kb` stage (budget: the whole pipeline runs >= 75 articles/s per core, so the kb stage must stay a few
ms per article), and how many mentions it finds and links.
Reads ../shared/data/news/detik-2025/articles.jsonl; skips with a message when ../shared is absent.

    python benchmarks/bench_kb.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linimasa.config import Settings  # noqa: E402
from linimasa.kb import load_kb  # noqa: E402
from linimasa.kb.linker import EntityLinkStage  # noqa: E402
from linimasa.model import Article  # noqa: E402

NEWS = REPO / ".." / "shared" / "data" / "news" / "detik-2025" / "articles.jsonl"


def read_articles(limit: int) -> list[Article]:
    articles = []
    with open(NEWS, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            articles.append(Article(id=row.get("id"), text=row["text"], published=row.get("published"), lang="id"))
            if len(articles) >= limit:
                break
    return articles


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    if not NEWS.is_file():
        print(f"skipped: ../shared not found ({NEWS})")
        return
    articles = read_articles(args.articles)

    started = time.perf_counter()
    kb = load_kb()
    print(f"KB build (once per process): {time.perf_counter() - started:.2f} s; "
          f"{len(kb.people)} people, {sum(len(r) for r in kb.roles_by_person.values())} dated roles, "
          f"{len(kb.organisations)} organisations, {len(kb.countries)} countries, {len(kb.places.places)} places")

    started = time.perf_counter()
    found = sum(len(kb.find_mentions(a.working_text)) for a in articles)
    elapsed = time.perf_counter() - started
    print(f"find_mentions: {len(articles)} articles in {elapsed:.2f} s = {1000 * elapsed / len(articles):.2f} ms/article, "
          f"{found / len(articles):.1f} mentions/article")

    stage = EntityLinkStage(Settings())
    started = time.perf_counter()
    for article in articles:
        stage(article)
    elapsed = time.perf_counter() - started
    print(f"kb stage: {len(articles)} articles in {elapsed:.2f} s = {1000 * elapsed / len(articles):.2f} ms/article "
          f"({len(articles) / elapsed:.0f} articles/s)")

    mentions = [m for a in articles for m in a.mentions]
    by_kind = collections.Counter(m.kind or "unresolved" for m in mentions)
    with_role = sum(1 for m in mentions if m.kind == "person" and m.role)
    print(f"mentions: {len(mentions)}; " + ", ".join(f"{k} {v}" for k, v in by_kind.most_common())
          + f"; persons with a role on the publication date: {with_role}")
    titles = collections.Counter(m.name for m in mentions if m.label == "TITLE" and m.name)
    print("most linked title holders:", ", ".join(f"{n} ({c})" for n, c in titles.most_common(8)))


if __name__ == "__main__":
    main()
