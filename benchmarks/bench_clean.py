"""Cleaning and deduplication: throughput, memory, MinHash library choice, Detik duplicates and templates.

    python benchmarks/bench_clean.py                    # throughput + peak memory on IndoSum dev (one core)
    python benchmarks/bench_clean.py --compare-minhash  # datasketch vs rensa on perturbed syndicated pairs
    python benchmarks/bench_clean.py --detik            # Detik 2025: duplicates vs an independent count,
                                                        # template lines learned, widget lines left
    python benchmarks/bench_clean.py --sample 30        # print N random cleaned Detik articles to check by hand

Reads ../shared/data/news at run time (never copied into the repo).
"""

from __future__ import annotations

import argparse
import collections
import csv
import dataclasses
import gc
import glob
import json
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from linimasa.clean import CleanStage  # noqa: E402
from linimasa.dedup import NUM_BANDS, NUM_PERM, THRESHOLD, NearDuplicateIndex, content_key, shingles  # noqa: E402
from linimasa.model import Article  # noqa: E402

NEWS = ROOT / ".." / "shared" / "data" / "news"
CHUNK = 256


def read_jsonl(paths) -> list[Article]:
    articles = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                articles.append(Article(
                    id=row.get("id"), text=row["text"], title=row.get("title"), url=row.get("url"),
                    outlet=row.get("outlet"), published=row.get("published"),
                ))
    return articles


def indosum() -> list[Article]:
    return read_jsonl(sorted(glob.glob(str(NEWS / "indosum-dev" / "dev.0*.articles.jsonl"))))


def detik() -> list[Article]:
    return read_jsonl([NEWS / "detik-2025" / "articles.jsonl"])


def clean_and_dedup(articles: list[Article]) -> dict:
    """The PREPARE path plus dedup, in input order, chunk by chunk as the runner does it."""
    stage = CleanStage()
    index = NearDuplicateIndex()
    keys: dict[str, str] = {}
    counts = collections.Counter()
    for start in range(0, len(articles), CHUNK):
        chunk = articles[start:start + CHUNK]
        stage.observe(chunk)
        for article in chunk:
            stage(article)
            key = content_key(article)
            if key in keys:
                counts["exact duplicate"] += 1
                continue
            keys[key] = article.id
            match = index.add(article.id, article.clean_text, article.outlet)
            if match is None:
                counts["new"] += 1
            elif match.is_reingest:
                counts["near-duplicate re-ingest"] += 1
            else:
                counts["near-duplicate kept, grouped"] += 1
    return {"counts": counts, "stage": stage, "index": index}


def fresh(articles: list[Article]) -> list[Article]:
    return [Article(id=a.id, text=a.text, title=a.title, url=a.url, outlet=a.outlet, published=a.published)
            for a in articles]


def bench_throughput() -> None:
    articles = indosum()
    chars = sum(len(a.text) for a in articles)
    clean_and_dedup(fresh(articles[:200]))  # warm the caches (lists, geonames, regexes)
    runs = []
    for _ in range(3):
        batch = fresh(articles)
        gc.collect()
        started = time.process_time()
        result = clean_and_dedup(batch)
        runs.append(time.process_time() - started)
    best = min(runs)
    tracemalloc.start()
    clean_and_dedup(fresh(articles))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    cleaning_only = CleanStage()
    batch = fresh(articles)
    started = time.process_time()
    for start in range(0, len(batch), CHUNK):
        cleaning_only.observe(batch[start:start + CHUNK])
        for article in batch[start:start + CHUNK]:
            cleaning_only(article)
    clean_seconds = time.process_time() - started
    print(f"IndoSum dev: {len(articles)} articles, {chars / len(articles):.0f} chars on average, one core")
    print(f"clean + dedup: {len(articles) / best:,.0f} articles/s (best of 3: {best:.2f} s)")
    print(f"clean only:    {len(articles) / clean_seconds:,.0f} articles/s")
    print(f"dedup verdicts: {dict(result['counts'])}")
    print(f"peak traced memory (clean + dedup of the whole set): {peak / 2**20:.1f} MiB")
    print(f"max RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


# -- datasketch vs rensa -----------------------------------------------------------------------------


def perturb(text: str, rng: random.Random, drop_word: float, swap_word: float) -> str:
    """A syndicated copy: another dateline, the last paragraph or two cut, words dropped or changed,
    a related-article line added."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) > 3 and rng.random() < 0.5:
        paragraphs = paragraphs[: -rng.randint(1, 2)]
    out = []
    for paragraph in paragraphs:
        words = [w for w in paragraph.split() if rng.random() > drop_word]
        words = [rng.choice(["juga", "itu", "tersebut", "pun"]) if rng.random() < swap_word else w for w in words]
        out.append(" ".join(words))
    out[0] = "JAKARTA, Contoh.com - " + out[0]
    if rng.random() < 0.5:
        out.insert(rng.randint(1, len(out)), "Baca juga: Judul Artikel Lain")
    return "\n".join(out)


def compare_minhash() -> None:
    import datasketch
    import rensa

    texts = list(dict.fromkeys(a.text for a in indosum() + detik()))
    rng = random.Random(7)
    sets = {
        "light (1% words dropped)": [perturb(t, rng, 0.01, 0.0) for t in texts],
        "heavy (3% dropped, 2% changed)": [perturb(t, rng, 0.03, 0.02) for t in texts],
    }
    rows = NUM_BANDS and NUM_PERM // NUM_BANDS

    def datasketch_minhash(grams):
        m = datasketch.MinHash(num_perm=NUM_PERM)
        m.update_batch([g.encode("utf-8") for g in grams])
        return m

    def rensa_minhash(grams):
        m = rensa.RMinHash(num_perm=NUM_PERM, seed=1)
        m.update(list(grams))
        return m

    libraries = {
        "datasketch": (datasketch_minhash, lambda: datasketch.MinHashLSH(num_perm=NUM_PERM, params=(NUM_BANDS, rows))),
        "rensa": (rensa_minhash, lambda: rensa.RMinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, num_bands=NUM_BANDS)),
    }
    print(f"{len(texts)} distinct IndoSum + Detik texts; word 3-shingles, {NUM_PERM} permutations, "
          f"{NUM_BANDS} bands x {rows} rows, match at estimated Jaccard >= {THRESHOLD}")
    for set_name, copies in sets.items():
        truth = [len(shingles(t) & shingles(c)) / max(1, len(shingles(t) | shingles(c)))
                 for t, c in zip(texts[:500], copies[:500])]
        truth.sort()
        print(f"\n{set_name}: true Jaccard of pairs p10 {truth[len(truth) // 10]:.2f}, median {truth[len(truth) // 2]:.2f}")
        for name, (make, new_lsh) in libraries.items():
            lsh, minhashes = new_lsh(), []
            started = time.process_time()
            for key, text in enumerate(texts):
                minhash = make(shingles(text))
                lsh.insert(key, minhash)
                minhashes.append(minhash)
            index_rate = len(texts) / (time.process_time() - started)
            found = other = 0
            started = time.process_time()
            for key, copy in enumerate(copies):
                minhash = make(shingles(copy))
                matches = [k for k in lsh.query(minhash) if minhashes[k].jaccard(minhash) >= THRESHOLD]
                found += key in matches
                other += sum(k != key for k in matches)
            query_rate = len(copies) / (time.process_time() - started)
            print(f"  {name:10s} recall {found / len(copies):.3f}  matches to other articles {other:4d}  "
                  f"index {index_rate:,.0f}/s  query {query_rate:,.0f}/s")


# -- Detik --------------------------------------------------------------------------------------------


def independent_duplicate_count() -> tuple[int, int]:
    """From the raw CSV, not our code: rows whose body (whitespace-folded) repeats an earlier row's."""
    seen, repeats, rows = set(), 0, 0
    with open(NEWS / "detik-2025" / "data_berita.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows += 1
            body = " ".join(row["isi_berita"].split())
            repeats += body in seen
            seen.add(body)
    return rows, repeats


def bench_detik() -> None:
    articles = detik()
    result = clean_and_dedup(articles)
    rows, repeats = independent_duplicate_count()
    print(f"Detik 2025: {len(articles)} rows")
    print(f"our verdicts: {dict(result['counts'])}")
    print(f"independent count (raw CSV, identical bodies): {rows} rows, {repeats} repeats, {rows - repeats} distinct")
    print(f"'SCROLL TO CONTINUE' left in clean text: {sum('SCROLL TO CONTINUE' in a.clean_text for a in articles)}")
    reasons = collections.Counter(r["reason"] for a in articles for r in a.removed)
    print(f"lines cut, by reason: {dict(reasons)}")
    templates = collections.Counter(r["text"] for a in articles for r in a.removed if r["reason"] == "outlet template")
    print(f"outlet-template lines removed: {sum(templates.values())}")
    for outlet in result["stage"].templates.outlets:
        for shape, count in result["stage"].templates.template_lines(outlet):
            print(f"  learned for {outlet}: {shape[:70]!r} in {count} articles")
    print_template_ablation(detik())
    corpus = indosum()
    result = clean_and_dedup(corpus)
    templates = collections.Counter(r["text"][:70] for a in corpus for r in a.removed if r["reason"] == "outlet template")
    print(f"IndoSum dev: outlet-template lines removed: {sum(templates.values())}; dedup verdicts {dict(result['counts'])}")
    for outlet in result["stage"].templates.outlets:
        for shape, count in result["stage"].templates.template_lines(outlet):
            print(f"  learned for {outlet}: {shape[:70]!r} in {count} articles")


def print_template_ablation(articles: list[Article]) -> None:
    """What outlet-template learning removes on its own, with the curated widget list emptied."""
    import re as regex

    from linimasa.clean.boilerplate import load_boilerplate
    from linimasa.clean.cleaner import ArticleCleaner

    never = regex.compile(r"(?!)")
    stage = CleanStage()
    no_widgets = dataclasses.replace(load_boilerplate(), exact_lines=frozenset(), pattern=never, script_marker=never)
    stage.cleaner = ArticleCleaner(stage.templates, widgets=no_widgets)
    for start in range(0, len(articles), CHUNK):
        stage.observe(articles[start:start + CHUNK])
        for article in articles[start:start + CHUNK]:
            stage(article)
    removed = collections.Counter(r["text"] for a in articles for r in a.removed if r["reason"] == "outlet template")
    print(f"without the curated list, outlet-template learning alone removes {sum(removed.values())} lines: "
          f"{dict(removed.most_common(5))}")
    print(f"  'SCROLL TO CONTINUE' left that way: {sum('SCROLL TO CONTINUE' in a.clean_text for a in articles)}")


def print_sample(n: int) -> None:
    articles = detik()
    clean_and_dedup(articles)
    for article in random.Random(2025).sample(articles, n):
        print("=" * 100)
        print(article.id, article.title)
        for cut in article.removed:
            print(f"  CUT {cut['reason']}: {cut['text'][:100]!r}")
        print(article.clean_text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare-minhash", action="store_true")
    parser.add_argument("--detik", action="store_true")
    parser.add_argument("--sample", type=int, default=0)
    args = parser.parse_args()
    if not NEWS.exists():
        sys.exit(f"../shared not found: {NEWS}")
    if args.compare_minhash:
        compare_minhash()
    elif args.detik:
        bench_detik()
    elif args.sample:
        print_sample(args.sample)
    else:
        bench_throughput()


if __name__ == "__main__":
    main()
