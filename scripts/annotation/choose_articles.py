"""Choose the articles of the training corpus and deal them into annotators' batches.

    python scripts/annotation/select.py --out DIR [--batches 8] [--seed 7]

Articles of ``shared/data/news`` not in the development set (``shared/annotations/events-dev.json``):
- news and politics: IndoSum "tajuk utama" and every Detik section. Two in three are drawn from articles
  that contain a word stem of a meeting, visit or call (a broad net: "temu", "kunjung", "rapat", "telepon",
  ...), one in three from the rest, so the corpus has enough positives to learn from and still the
  articles with none;
- sports, showbiz, entertainment and technology: half with such a stem (the hard false positives:
  "Persib bertemu Persija", a celebrity "pertemuan"), half without.
Detik rows that repeat another row's text are left out. Each batch gets its share of the articles plus
``--overlap`` articles that also sit in another batch: the second, independent pass that measures agreement.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from linimasa.evaluation.articles import read_articles, shared_root  # noqa: E402

MEETING_STEMS = re.compile(
    r"temu|kunjung|rapat|telepon|dialog|diskusi|runding|audiensi|sambang|bertamu|lawat|tatap muka|"
    r"bicara|perbincang|konsultasi|negosiasi|koordinasi|sambut|menerima|menghadap|KTT|sidang",
    re.IGNORECASE)
NEWS = {"tajuk utama"}
SOFT = {"olahraga", "showbiz", "hiburan", "teknologi"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--batches", type=int, default=8)
    parser.add_argument("--news", type=int, default=1010)
    parser.add_argument("--soft", type=int, default=220)
    parser.add_argument("--overlap", type=int, default=20, help="second-pass articles per batch")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    dev = {row["article_id"] for row in json.load(open(shared_root() / "annotations" / "events-dev.json"))}
    articles = read_articles()
    seen_texts: set[str] = set()
    news, soft = [], []
    for article in sorted(articles.values(), key=lambda a: a.id):
        if article.id in dev or article.text in seen_texts:
            continue
        seen_texts.add(article.text)
        detik = article.id.startswith("detik-")
        if detik or article.category in NEWS:
            news.append(article)
        elif article.category in SOFT:
            soft.append(article)

    def draw(pool, count, share_with_stem):
        with_stem = [a for a in pool if MEETING_STEMS.search((a.title or "") + " " + a.text)]
        without = [a for a in pool if a not in with_stem]
        rng.shuffle(with_stem)
        rng.shuffle(without)
        wanted = round(count * share_with_stem)
        chosen = with_stem[:wanted] + without[:count - wanted]
        return chosen

    chosen = draw(news, args.news, 2 / 3) + draw(soft, args.soft, 1 / 2)
    rng.shuffle(chosen)
    args.out.mkdir(parents=True, exist_ok=True)
    shares = [chosen[index::args.batches] for index in range(args.batches)]
    for index, share in enumerate(shares):
        # The second pass: articles first dealt to the next batch, placed among this batch's own.
        donor = shares[(index + 1) % args.batches]
        second = donor[:args.overlap]
        batch = [(a, "a") for a in share]
        for position, article in enumerate(second):
            batch.insert(min(len(batch), position * 4 + 2), (article, "b"))
        lines = [f"{article.id}\t{pass_name}" for article, pass_name in batch]
        (args.out / f"batch{index + 1:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(chosen)} articles ({args.news} news, {args.soft} sports/showbiz/technology) in {args.batches} "
          f"batches; {args.overlap * args.batches} also in a second batch")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
