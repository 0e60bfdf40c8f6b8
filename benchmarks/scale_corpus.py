"""Builds the benchmark's large corpus (default 100,000 articles) from the real articles in ../shared/data/news.

A day of GDELT-scale news is mostly the same stories told many times: wire copy run by many outlets, each
trimming, re-heading or re-dating it, and reports of one event spread over several days. So each output
article is a real base article (IndoSum dev and Detik, each once) retold by another outlet: another
outlet name and URL, a publication date up to a few days later, and one edit (kept as is, a paragraph
dropped, a dateline and credit added, cut to its lead). About one in ten is an exact repeat of an earlier
one under a new id (the exact-duplicate path); the rest are near-duplicates and re-dated reports (the
near-duplicate grouping and the event linking).

The corpus is written as gzipped contract JSONL outside the repo (article text from ../shared must never
be committed) and is deterministic for a given size and seed, so runs can be compared.

    python benchmarks/scale_corpus.py --size 100000 --out /tmp/linimasa-bench/corpus-100000.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
NEWS = SHARED / "data" / "news"
DEFAULT_CACHE = Path("/tmp/linimasa-bench")

# Invented outlet names: the corpus needs many distinct outlets, not real ones.
OUTLETS = [f"{prefix} {suffix}" for prefix in ("Kabar", "Warta", "Suara", "Harian", "Berita", "Info")
           for suffix in ("Nusantara", "Kota", "Rakyat", "Pagi", "Daerah", "Terkini", "Utama")]
EDITS = ("as_is", "drop_paragraph", "dateline_and_credit", "lead_only")
EXACT_REPEAT_SHARE = 0.1
MAX_DAYS_LATER = 3
FALLBACK_DAY = date(2017, 1, 2)


def indosum_dev_files() -> list[Path]:
    return sorted((NEWS / "indosum-dev").glob("dev.0*.articles.jsonl"))


def base_articles() -> list[dict]:
    """The distinct real articles (by text) that the corpus retells."""
    seen: set[int] = set()
    bases: list[dict] = []
    for path in indosum_dev_files() + [NEWS / "detik-2025" / "articles.jsonl"]:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                text = row.get("text") or ""
                key = hash(text)
                if len(text) < 200 or key in seen:
                    continue
                seen.add(key)
                bases.append({k: row.get(k) for k in ("title", "text", "url", "outlet", "published")})
    if not bases:
        raise SystemExit(f"no base articles under {NEWS}")
    return bases


def _day(published: str | None) -> date:
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return FALLBACK_DAY


def _edit(text: str, edit: str, outlet: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if edit == "drop_paragraph" and len(paragraphs) > 2:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    elif edit == "dateline_and_credit":
        city = rng.choice(("JAKARTA", "BANDUNG", "SURABAYA", "MEDAN", "MAKASSAR"))
        paragraphs[0] = f"{city}, {outlet.upper()} - {paragraphs[0]}"
        paragraphs.append(f"({rng.choice('abcdefghij')}{rng.choice('klmnopqrst')}/{rng.choice('uvwxyz')}{rng.choice('abcdef')})")
    elif edit == "lead_only" and len(paragraphs) > 3:
        paragraphs = paragraphs[: max(2, len(paragraphs) * 6 // 10)]
    return "\n\n".join(paragraphs)


def generate(size: int, seed: int = 7) -> Iterator[dict]:
    """``size`` contract JSONL rows, deterministic for (size, seed)."""
    rng = random.Random(seed)
    bases = base_articles()
    emitted: list[dict] = []  # a bounded window of recent rows, for exact repeats
    for index in range(size):
        base = bases[index % len(bases)]
        retelling = index // len(bases)
        if retelling and emitted and rng.random() < EXACT_REPEAT_SHARE:
            row = dict(rng.choice(emitted), id=f"bench-{index}")
        elif retelling == 0:
            row = dict(base, id=f"bench-{index}")
        else:
            outlet = OUTLETS[(index + retelling) % len(OUTLETS)]
            day = _day(base["published"]) + timedelta(days=rng.randint(0, MAX_DAYS_LATER))
            slug = (base["url"] or f"/berita/{index}").rstrip("/").rsplit("/", 1)[-1]
            row = {
                "id": f"bench-{index}",
                "title": base["title"],
                "text": _edit(base["text"], rng.choice(EDITS), outlet, rng),
                "url": f"https://{outlet.lower().replace(' ', '')}.test/{day:%Y/%m/%d}/{slug}",
                "outlet": outlet,
                "published": f"{day.isoformat()}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00+07:00",
            }
        emitted.append(row)
        if len(emitted) > 2000:
            emitted = emitted[-1000:]
        yield {k: v for k, v in row.items() if v is not None}


def build(size: int, out: Path | None = None, seed: int = 7) -> Path:
    """The corpus file for (size, seed), built once and then reused."""
    out = out or DEFAULT_CACHE / f"corpus-{size}-s{seed}.jsonl.gz"
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial")
    with gzip.open(partial, "wt", encoding="utf-8", compresslevel=1) as sink:
        for row in generate(size, seed):
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
    partial.rename(out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if not NEWS.is_dir():
        raise SystemExit(f"../shared not found: {NEWS}")
    print(build(args.size, args.out, args.seed))


if __name__ == "__main__":
    main()
