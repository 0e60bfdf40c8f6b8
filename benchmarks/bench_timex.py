"""Temporal expressions: quality against the gold set in gold/timex/, and speed; dateparser alongside.

    python benchmarks/bench_timex.py [--errors] [--no-dateparser]

Reads the IndoTimex development articles from ../shared/data/timex/indotimex-dev at run time (the gold
file holds only offsets, expression texts and values). Each article is read against its DCT.

Recognition is scored strictly (same span) and leniently (overlapping spans); value accuracy is the share of
leniently matched gold expressions whose predicted value is the gold value. The gold has two splits: "dev"
(articles the rules were tuned on) and "heldout" (annotated after the rules were frozen). A second sample of
Detik 2025 articles (../shared/data/news/detik-2025) was annotated the same way after later rules.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linimasa.nlp.timex import find_times  # noqa: E402

GOLD = REPO / "gold" / "timex" / "indotimex_dev.jsonl"
ARTICLES = REPO / ".." / "shared" / "data" / "timex" / "indotimex-dev"
DETIK_GOLD = REPO / "gold" / "timex" / "detik2025_sample.jsonl"
DETIK_ARTICLES = REPO / ".." / "shared" / "data" / "news" / "detik-2025" / "articles.jsonl"
PLAIN_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def load_article(name: str) -> str:
    raw = (ARTICLES / name).read_bytes().decode("utf-8", errors="replace")
    return raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]


def load_gold() -> dict[str, list[dict]]:
    by_file: dict[str, list[dict]] = defaultdict(list)
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_file[row["file"]].append(row)
    return by_file


def parse_dct(text: str) -> dt.date:
    return dt.date(*map(int, text.split("-")))


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score(gold: list[dict], predicted: list[dict]) -> dict:
    strict = sum(1 for g in gold if any(p["start"] == g["start"] and p["end"] == g["end"] for p in predicted))
    matched_gold = [g for g in gold if any(overlaps(g, p) for p in predicted)]
    matched_pred = [p for p in predicted if any(overlaps(g, p) for g in gold)]
    right_values = 0
    for g in matched_gold:
        candidates = [p for p in predicted if overlaps(g, p)]
        if any(p["value"] == g["value"] for p in candidates):
            right_values += 1
    return {"gold": len(gold), "predicted": len(predicted), "strict": strict,
            "lenient_gold": len(matched_gold), "lenient_pred": len(matched_pred), "right_values": right_values}


def add(total: dict, part: dict) -> None:
    for key, value in part.items():
        total[key] = total.get(key, 0) + value


def report(label: str, counts: dict) -> None:
    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    p_strict = counts["strict"] / counts["predicted"] if counts["predicted"] else 0.0
    r_strict = counts["strict"] / counts["gold"]
    p_lenient = counts["lenient_pred"] / counts["predicted"] if counts["predicted"] else 0.0
    r_lenient = counts["lenient_gold"] / counts["gold"]
    accuracy = counts["right_values"] / counts["lenient_gold"] if counts["lenient_gold"] else 0.0
    print(f"  {label:<22} gold {counts['gold']:>4}  predicted {counts['predicted']:>4}  "
          f"strict P/R/F1 {p_strict:.3f}/{r_strict:.3f}/{f1(p_strict, r_strict):.3f}  "
          f"lenient P/R/F1 {p_lenient:.3f}/{r_lenient:.3f}/{f1(p_lenient, r_lenient):.3f}  "
          f"value accuracy {accuracy:.3f} ({counts['right_values']}/{counts['lenient_gold']})")


def linimasa_predictions(text: str, dct: dt.date) -> list[dict]:
    return [{"start": t.start, "end": t.end, "text": t.text, "value": t.value} for t in find_times(text, dct)]


def dateparser_predictions(text: str, dct: dt.date, search_dates) -> list[dict]:
    """dateparser's search_dates, with spans found in order and values cut to the gold's precision later."""
    settings = {"RELATIVE_BASE": dt.datetime(dct.year, dct.month, dct.day), "PREFER_DATES_FROM": "past"}
    found = search_dates(text, languages=["id"], settings=settings) or []
    predictions, cursor = [], 0
    for surface, moment in found:
        start = text.find(surface, cursor)
        if start < 0:
            start = text.find(surface)
        if start < 0:
            continue
        cursor = start + len(surface)
        predictions.append({"start": start, "end": cursor, "text": surface, "value": moment.date().isoformat()})
    return predictions


def at_gold_precision(gold: list[dict], predicted: list[dict]) -> list[dict]:
    """dateparser always answers with a full date: give it the benefit of the gold's precision."""
    adjusted = []
    for p in predicted:
        copy = dict(p)
        for g in gold:
            if overlaps(g, p) and g["value"] and PLAIN_DATE.fullmatch(g["value"]):
                copy["value"] = p["value"][:len(g["value"])]
        adjusted.append(copy)
    return adjusted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every miss, false alarm and wrong value")
    parser.add_argument("--no-dateparser", action="store_true", help="skip the dateparser comparison")
    args = parser.parse_args()
    if not ARTICLES.is_dir():
        print(f"../shared not found: {ARTICLES}; nothing to measure")
        return 0
    gold = load_gold()
    articles = {name: (load_article(name), parse_dct(rows[0]["dct"])) for name, rows in gold.items()}
    split_of = {name: rows[0]["split"] for name, rows in gold.items()}

    start = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        predictions = {name: linimasa_predictions(text, dct) for name, (text, dct) in articles.items()}
    elapsed = (time.perf_counter() - start) / rounds
    characters = sum(len(text) for text, _ in articles.values())

    print(f"linimasa.nlp.timex on {len(articles)} IndoTimex articles ({characters} characters), "
          f"{sum(len(r) for r in gold.values())} gold expressions")
    totals: dict[str, dict] = defaultdict(dict)
    for name, rows in gold.items():
        counts = score(rows, predictions[name])
        add(totals[split_of[name]], counts)
        add(totals["all"], counts)
        if args.errors:
            print_errors(name, rows, predictions[name])
    for label in ("dev", "heldout", "all"):
        report(label, totals[label])
    print(f"  speed: {elapsed * 1000 / len(articles):.2f} ms per article, {len(articles) / elapsed:.0f} articles/s, "
          f"{characters / elapsed / 1e6:.2f} M characters/s (one core, mean of {rounds} rounds)")

    report_text_anchors(articles)
    report_detik(args.errors)

    if not args.no_dateparser:
        from dateparser.search import search_dates

        start = time.perf_counter()
        dp_predictions = {name: dateparser_predictions(text, dct, search_dates)
                          for name, (text, dct) in articles.items()}
        dp_elapsed = time.perf_counter() - start
        dp_totals: dict[str, dict] = defaultdict(dict)
        for name, rows in gold.items():
            counts = score(rows, at_gold_precision(rows, dp_predictions[name]))
            add(dp_totals["all"], counts)
        print("dateparser.search.search_dates (languages=['id'], RELATIVE_BASE=DCT; values cut to the gold's precision)")
        report("all", dp_totals["all"])
        print(f"  speed: {dp_elapsed * 1000 / len(articles):.1f} ms per article, "
              f"{len(articles) / dp_elapsed:.1f} articles/s")
    return 0


def report_detik(errors: bool) -> None:
    """A second, unseen sample: Detik 2025 articles annotated with the rules frozen, scored as they were."""
    from linimasa.nlp.timex.dates import local_date

    if not DETIK_ARTICLES.is_file():
        print(f"../shared not found: {DETIK_ARTICLES}; the Detik sample is not measured")
        return
    gold: dict[str, list[dict]] = defaultdict(list)
    for line in DETIK_GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[row["id"]].append(row)
    texts = {}
    with DETIK_ARTICLES.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] in gold:
                texts[row["id"]] = row["text"]
    counts: dict = {}
    for article_id, rows in gold.items():
        predicted = linimasa_predictions(texts[article_id], local_date(rows[0]["published"]))
        add(counts, score(rows, predicted))
        if errors:
            print_errors(article_id, rows, predicted)
    print(f"linimasa.nlp.timex on the Detik 2025 sample ({len(gold)} articles with expressions), annotated with "
          "the rules frozen at 2a32e85 (later rules have seen it)")
    report("detik sample", counts)


def report_text_anchors(articles: dict[str, tuple[str, dt.date]]) -> None:
    """The anchor each article gives without its DCT, against the DCT (reports are often dated a day late)."""
    from linimasa.model import Article
    from linimasa.nlp.timex import resolve_anchor

    gaps = []
    for name, (text, dct) in articles.items():
        anchor = resolve_anchor(Article(id=name, text=text), [])
        gaps.append((dct - dt.date.fromisoformat(anchor["date"])).days if anchor["date"] else None)
    dated = [g for g in gaps if g is not None]
    print(f"  anchor from the text alone (no DCT): {len(dated)}/{len(gaps)} articles dated; "
          f"{sum(g == 0 for g in dated)} on the DCT, {sum(g == 1 for g in dated)} one day before, "
          f"{sum(2 <= g <= 7 for g in dated)} 2-7 days before, {sum(g < 0 or g > 7 for g in dated)} further off")


def print_errors(name: str, gold: list[dict], predicted: list[dict]) -> None:
    for g in gold:
        matches = [p for p in predicted if overlaps(g, p)]
        if not matches:
            print(f"    MISS   {name} {g['text']!r} {g['value']}")
        elif not any(p["value"] == g["value"] for p in matches):
            print(f"    VALUE  {name} {g['text']!r} gold {g['value']} got {[p['value'] for p in matches]}")
        elif not any(p["start"] == g["start"] and p["end"] == g["end"] for p in matches):
            print(f"    SPAN   {name} gold {g['text']!r} got {[p['text'] for p in matches]}")
    for p in predicted:
        if not any(overlaps(g, p) for g in gold):
            print(f"    FALSE  {name} {p['text']!r} {p['value']}")


if __name__ == "__main__":
    sys.exit(main())
