"""Builds sample/articles.jsonl from the readable sources in scripts/sample/src/*.txt.

Each source file is a header of ``key: value`` lines (id, outlet, url, published, lang, title), a blank
line, then the article text exactly as scraped. A file whose header has ``same_as: <id>`` and no text is an
exact copy (same title and text) of that article under its own id: the corpus's planted duplicate.

The sources live outside sample/ so that `linimasa run sample/` reads the corpus once.
Run once after editing a source: ``python scripts/sample/build.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "sample" / "articles.jsonl"
KEYS = ("id", "title", "text", "outlet", "url", "published", "lang")


def parse(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    head, _, body = raw.partition("\n\n")
    meta = {}
    for line in head.splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"{path.name}: bad header line {line!r}")
        meta[key.strip()] = value.strip()
    meta["text"] = body.strip("\n")
    return meta


def build() -> list[dict]:
    parsed = [parse(p) for p in sorted((HERE / "src").glob("*.txt"))]
    by_id = {m["id"]: m for m in parsed}
    articles = []
    for m in parsed:
        if "same_as" in m:
            m = {**by_id[m.pop("same_as")], "id": m["id"]}
        articles.append({k: m[k] for k in KEYS})
    return articles


if __name__ == "__main__":
    rows = build()
    with open(CORPUS, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} articles")
