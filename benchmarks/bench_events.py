"""Speed of the events stage and of linking, on IndoSum dev articles annotated by the earlier stages.

    python benchmarks/bench_events.py [--limit 1000] [--synthetic 20000]

Prints articles per second for each extraction stage (one process, one core) and for the events stage
alone, and the time to link all event mentions. Needs ../shared (skips with a message without it).
``--synthetic N`` also times linking N generated mentions (400 people, 2014-2024) to show how linking scales.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
sys.path.insert(0, str(ROOT))

from linimasa.config import Settings  # noqa: E402
from linimasa.link import link_events  # noqa: E402
from linimasa.model import Article  # noqa: E402
from linimasa.pipeline import build_stage  # noqa: E402
from linimasa.stories import build_stories  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--synthetic", type=int, default=0)
    args = parser.parse_args()
    if args.synthetic:
        synthetic_linking(args.synthetic)
    path = SHARED / "data" / "news" / "indosum-dev" / "dev.01.articles.jsonl"
    if not path.exists():
        print(f"../shared not found: {path}")
        return
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][: args.limit]
    articles = [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"))
                for r in rows]
    settings = Settings()
    seconds = {}
    for name in settings.prepare + settings.extract:
        stage = build_stage(name, settings)
        if name == "events":
            stage(articles[0])  # load the lexicons and knowledge base outside the timing
        started = time.perf_counter()
        articles = [stage(a) for a in articles]
        seconds[name] = time.perf_counter() - started
    n = len(articles)
    for name, spent in seconds.items():
        print(f"{name:10s} {n / spent:10.1f} articles/s")
    print(f"{'pipeline':10s} {n / sum(seconds.values()):10.1f} articles/s")
    mentions = [e for a in articles for e in a.events]
    started = time.perf_counter()
    events = link_events(mentions)
    linked = time.perf_counter() - started
    started = time.perf_counter()
    stories = build_stories(events)
    storied = time.perf_counter() - started
    print(f"link       {len(mentions)} mentions -> {len(events)} events in {linked:.2f} s")
    print(f"stories    {len(stories)} stories in {storied:.2f} s")


def synthetic_linking(n: int) -> None:
    import random

    from linimasa.model import Event, Evidence, Participant, Span

    rng = random.Random(1)
    people = [Participant(name=f"P{i}", kind="person", kb_id=f"Q{i}", country="IDN") for i in range(400)]
    mentions = []
    for i in range(n):
        day = f"{rng.randint(2014, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        mentions.append(Event(id=f"m{i}", type="CONSULT", mode="meet", date=day, date_basis="sentence",
                              participants=rng.sample(people, 2), article_id=f"a{i}", trigger=Span(0, 7, "bertemu"),
                              evidence=[Evidence(f"a{i}", "trigger", "s", 0, 7)]))
    started = time.perf_counter()
    events = link_events(mentions)
    print(f"link       {n} synthetic mentions -> {len(events)} events in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
