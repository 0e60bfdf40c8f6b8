"""Pathological texts: time per character of every per-article stage, to show it stays linear.

    python benchmarks/bench_pathological.py [--sizes 100000,1000000]

Each kind of text is generated at each size and run through the per-article stages in this process. The
figures to read: microseconds per character at the largest size against the smallest (a ratio near 1 is
linear; the quadratic steps this benchmark was written for showed 10x and more), and the worst case.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linimasa.config import Settings  # noqa: E402
from linimasa.model import Article  # noqa: E402
from linimasa.pipeline import build_stage  # noqa: E402

WORDS = "presiden bertemu menteri di jakarta membahas kerja sama ekonomi dan perdagangan".split()


def no_punctuation(size: int, rng: random.Random) -> str:
    words = []
    length = 0
    while length < size:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words)


def dates_and_names(size: int, rng: random.Random) -> str:
    parts, length, i = [], 0, 0
    while length < size:
        part = f"Joko Widodo bertemu Retno Marsudi Senin ({1 + i % 28}/{1 + i % 12}/2017)"
        parts.append(part)
        length += len(part) + 1
        i += 1
    return " ".join(parts)


def one_open_quote(size: int, rng: random.Random) -> str:
    sentence = "Presiden Joko Widodo bertemu Perdana Menteri Mark Rutte di Jakarta pada Senin (6/3/2017). "
    return '"' + sentence * (size // len(sentence) + 1)


KINDS = {"no punctuation": no_punctuation, "dates and names": dates_and_names, "one open quote": one_open_quote}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    settings = Settings()
    stages = [build_stage(name, settings) for name in settings.prepare + settings.extract]
    warm = Article(id="w", text="Presiden bertemu menteri di Jakarta.", title="t", lang="id")
    for stage in stages:
        warm = stage(warm)
    worst = (0.0, "")
    for kind, make in KINDS.items():
        per_char = []
        for size in sizes:
            article = Article(id="p", text=make(size, random.Random(1)), title="Judul", published="2017-03-01", lang="id")
            started = time.perf_counter()
            for stage in stages:
                article = stage(article)
            seconds = time.perf_counter() - started
            per_char.append(seconds / size * 1e6)
            worst = max(worst, (seconds, f"{kind} at {size:,} characters"))
            print(f"{kind:16} {size:>10,} chars  {seconds:7.2f} s  {per_char[-1]:6.2f} us/char")
        print(f"{kind:16} growth of time per character, largest vs smallest size: {per_char[-1] / per_char[0]:.2f}x")
    print(f"worst case: {worst[1]} in {worst[0]:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
