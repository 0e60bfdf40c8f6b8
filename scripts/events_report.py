"""Measure the events stage and the linking rule.

    python scripts/events_report.py sample            # the bundled sample corpus against sample/expected.json
    python scripts/events_report.py indosum [--n 50] [--type CONSULT]
                                                      # IndoSum dev: counts by type and modality, and a
                                                      # random sample of asserted events for a hand check

Runs the per-article stages in this process (no store), then links the event mentions.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
sys.path.insert(0, str(ROOT))

from linimasa.config import Settings  # noqa: E402
from linimasa.link import dates_compatible, link_events  # noqa: E402
from linimasa.model import Article  # noqa: E402


def pipeline():
    from linimasa.pipeline import Pipeline

    settings = Settings()
    return Pipeline(settings.prepare + settings.extract, settings)


def read_articles(path: Path, limit: int | None = None) -> list[Article]:
    articles, seen = [], set()
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        if row.get("id") in seen:
            continue
        seen.add(row.get("id"))
        articles.append(Article(id=row.get("id"), text=row["text"], title=row.get("title"), url=row.get("url"),
                                outlet=row.get("outlet"), published=row.get("published"), lang=row.get("lang")))
        if limit and len(articles) >= limit:
            break
    return articles


def process(articles: list[Article]) -> tuple[list[Article], float]:
    run = pipeline()
    started = time.perf_counter()
    articles = [run(article) for article in articles]
    return articles, time.perf_counter() - started


def sources(event) -> set[str]:
    return {e.article_id for e in event.evidence}


def matches(expected: dict, event) -> bool:
    names = {p["name"] for p in expected["participants"]}
    got = {p.name for p in event.participants}
    return (event.type == expected["type"] and len(names & got) >= min(2, len(names))
            and dates_compatible(event.date, expected["date"]))


def _fold(text: str | None) -> str:
    return unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().casefold()


def field_checks(want: dict, event) -> dict[str, bool]:
    """Which fields of a found event are as expected.json lists them."""
    place = want.get("location") or {}
    return {
        "participants": {p["name"] for p in want["participants"]} == {p.name for p in event.participants},
        "roles": all(any(p.name == w["name"] and p.role == w.get("role") for p in event.participants)
                     for w in want["participants"]),
        "date": event.date == want["date"],
        "city": _fold(event.location.city if event.location else None) == _fold(place.get("city")),
        "country": (event.location.country if event.location else None) == place.get("country"),
        "duration": event.duration_minutes == want.get("duration_minutes"),
        "some_topic": not want.get("topics") or bool(set(want["topics"]) & set(event.topics)),
    }


def topic_counts(want: dict, event) -> tuple[int, int, int]:
    """(expected topics found, expected topics, topics given)."""
    expected = set(want.get("topics") or [])
    return len(expected & set(event.topics)), len(expected), len(event.topics)


def _topic_scores(counts: list[tuple[int, int, int]]) -> dict[str, float]:
    hit, expected, given = (sum(c[i] for c in counts) for i in range(3))
    return {"recall": round(hit / max(expected, 1), 3), "precision": round(hit / max(given, 1), 3)}


def sample_report() -> dict:
    expected = json.loads((ROOT / "sample" / "expected.json").read_text())
    articles, seconds = process(read_articles(ROOT / "sample" / "articles.jsonl"))
    mentions = [e for a in articles for e in a.events]
    events = link_events(mentions)
    shown = [e for e in events if e.modality == "asserted" and not e.background]
    rows, used = [], set()
    claimed: Counter = Counter()  # how many real CONSULT meetings each found event stands for
    for want in expected["events"]:
        found = [e for e in shown if matches(want, e)]
        used.update(id(e) for e in found)
        if want["type"] == "CONSULT":
            claimed.update(id(e) for e in found)
        got_sources = set().union(*(sources(e) for e in found)) if found else set()
        row = {
            "type": want["type"], "date": want["date"], "who": [p["name"] for p in want["participants"]],
            "events": len(found), "sources_found": len(set(want["sources"]) & got_sources),
            "sources_expected": len(want["sources"]),
        }
        if found:
            row["fields"] = field_checks(want, found[0])
            row["topics"] = topic_counts(want, found[0])
        rows.append(row)
    extra = [e for e in shown if id(e) not in used]
    consult = [r for r in rows if r["type"] == "CONSULT"]
    checked = [r["fields"] for r in consult if "fields" in r]
    field_accuracy = {name: f"{sum(c[name] for c in checked)}/{len(checked)}" for name in (checked[0] if checked else {})}
    return {
        "articles": len(articles),
        "seconds": round(seconds, 2),
        "real_consult_events": len(consult),
        "found_consult_events": sum(1 for r in consult if r["events"]),
        "events_per_real_meeting": round(sum(r["events"] for r in consult if r["events"]) /
                                         max(1, sum(1 for r in consult if r["events"])), 3),
        "events_standing_for_two_meetings": sum(1 for n in claimed.values() if n > 1),
        "source_recall": round(sum(r["sources_found"] for r in consult) / sum(r["sources_expected"] for r in consult), 3),
        "consult_fields_right": field_accuracy,
        "consult_topics": _topic_scores([r["topics"] for r in consult if "topics" in r]),
        "rows": rows,
        "extra_asserted": [(e.type, e.date, [p.name for p in e.participants], sorted(sources(e))) for e in extra],
    }


def indosum_report(n: int, seed: int, event_type: str | None = None) -> dict:
    folder = SHARED / "data" / "news" / "indosum-dev"
    articles = []
    seen = set()
    for path in sorted(folder.glob("dev.0*.articles.jsonl")):
        for article in read_articles(path):
            if article.id not in seen:
                seen.add(article.id)
                articles.append(article)
    articles, seconds = process(articles)
    mentions = [e for a in articles for e in a.events]
    by_type = Counter((e.type, e.modality) for e in mentions)
    asserted = [(a, e) for a in articles for e in a.events if e.modality == "asserted" and not e.background
                and (event_type is None or e.type == event_type)]
    picked = random.Random(seed).sample(asserted, min(n, len(asserted)))
    return {
        "articles": len(articles),
        "seconds": round(seconds, 1),
        "articles_per_second": round(len(articles) / seconds, 1),
        "mentions": len(mentions),
        "linked_events": len(link_events(mentions)),
        "by_type_and_modality": {f"{t} {m}": c for (t, m), c in sorted(by_type.items())},
        "hand_check": [
            {
                "article": a.id, "type": e.type, "mode": e.mode, "date": e.date,
                "location": e.location.name if e.location else None,
                "participants": [f"{p.name} ({p.country or '-'}, {p.role or '-'}, {p.side})" for p in e.participants],
                "duration": e.duration_minutes, "topics": e.topics,
                "sentence": next((x.text for x in e.evidence if x.field == "trigger"), None),
            }
            for a, e in picked
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", choices=["sample", "indosum"])
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--type", help="sample only events of this PLOVER type for the hand check")
    args = parser.parse_args()
    if args.corpus == "indosum" and not SHARED.exists():
        sys.exit("../shared not found: the IndoSum dev set is needed")
    report = sample_report() if args.corpus == "sample" else indosum_report(args.n, args.seed, args.type)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
