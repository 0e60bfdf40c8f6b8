"""Where linking loses the annotated article pairs: which step keeps a same-event pair apart, and which
joins a hard negative.

    python scripts/link_losses.py train dev [--cache DIR] [--list]

The articles of each split's pairs (and its annotated articles) go through the per-article stages, as
linking receives them (with ``--cache``, their event mentions are kept in DIR and reused: delete it when a
stage before ``link`` changes), then through link_events with the shipped decision, which records every
candidate event it looked at (:class:`linimasa.link.Comparison`). A same-event pair of PLOVER type T that
shares no event is lost at the furthest step any of its pairs of T mentions (one per article) reached:

  a  extraction: one article has no mention of type T
  b  retrieval: both have one, but when the later was linked the earlier's event was not a candidate
  c  kept apart by what no score overrides (type, modality, call or meeting, dates that cannot be one day)
  c  decision: compared, and scored below both thresholds
  d  another event: it could join the earlier's event, but joined one it scored higher

A hard negative that shares an event is joined either directly (one article's mention joined an event
holding the other's, by the model or by the rule) or through other articles' mentions.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from linimasa.config import Settings  # noqa: E402
from linimasa.evaluation.articles import read_articles  # noqa: E402
from linimasa.evaluation.gold import load_gold  # noqa: E402
from linimasa.evaluation.pairs import load_pairs  # noqa: E402
from linimasa.evaluation.workbench import split_path  # noqa: E402
from linimasa.link import link_events  # noqa: E402
from linimasa.link_decision import LinkDecision  # noqa: E402
from linimasa.model import Article  # noqa: E402
from linimasa.pipeline import Pipeline  # noqa: E402

ANNOTATIONS = ROOT / "data" / "annotations"
STEPS = ("a extraction", "b retrieval", "c other kind", "c decision", "d another event")


def pairs_file(split: str) -> Path:
    return ANNOTATIONS / ("pairs-shared-dev.jsonl" if split == "shared" else f"pairs-{split}.jsonl")


def split_mentions(split: str, cache: Path | None) -> tuple[list, dict]:
    """The pairs of a split and the event mentions of every article they (and its annotations) name."""
    pairs = load_pairs([pairs_file(split)])
    cached = cache / f"{split}.pickle" if cache else None
    if cached is not None and cached.exists():
        return pairs, pickle.loads(cached.read_bytes())
    articles = read_articles()
    gold = load_gold([split_path(split)], articles)
    published = {g.article_id: g.published for g in gold}
    settings = Settings()
    pipeline = Pipeline(settings.prepare + settings.extract, settings)
    mentions = {}
    for article_id in sorted({p.a for p in pairs} | {p.b for p in pairs} | set(published)):
        source = articles[article_id]
        article = Article(id=source.id, text=source.text, title=source.title, url=source.url,
                          outlet=source.outlet, published=source.published or published.get(article_id))
        mentions[article_id] = pipeline(article).events
    if cached is not None:
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps(mentions))
    return pairs, mentions


def linked(mentions: dict, decision="shipped") -> tuple[list, dict, list]:
    """The events, the event of each mention (by id) and the comparisons made."""
    trace: list = []
    event_of: dict[str, str] = {}
    events = link_events([m for ms in mentions.values() for m in ms], decision=decision, members=event_of,
                         trace=trace)
    return events, event_of, trace


def _step(comparisons: list, later: str, earlier: str) -> str:
    """How far the later mention's linking got towards the earlier mention's event."""
    looked = [c for c in comparisons if c.mention == later and earlier in c.members]
    if not looked:
        return "b retrieval"
    [comparison] = looked
    if comparison.verdict in ("other kind", "same article"):
        return "c other kind"
    if comparison.verdict == "no":
        return "c decision"
    return "linked" if comparison.chosen else "d another event"


def losses(pairs, mentions, events, event_of, trace) -> tuple[Counter, Counter, list]:
    """Counts of where same-event pairs were lost and how hard negatives were joined, and the pairs."""
    order = {c.mention: n for n, c in reversed(list(enumerate(trace)))}
    by_mention_events = {m.id: event_of[m.id] for ms in mentions.values() for m in ms}
    sources: dict[str, set] = {}
    for event in events:
        for evidence in event.evidence:
            sources.setdefault(evidence.article_id, set()).add(event.id)
    missed, merged, listed = Counter(), Counter(), []
    rank = {name: n for n, name in enumerate(STEPS + ("linked",))}
    for pair in pairs:
        shared = sources.get(pair.a, set()) & sources.get(pair.b, set())
        if pair.linkable and not shared:
            first = [m for m in mentions.get(pair.a, []) if m.type == pair.event_type]
            second = [m for m in mentions.get(pair.b, []) if m.type == pair.event_type]
            steps = ["a extraction"]
            for x in first:
                for y in second:
                    later, earlier = (x, y) if order.get(x.id, -1) > order.get(y.id, -1) else (y, x)
                    steps.append(_step(trace, later.id, earlier.id))
            step = max(steps, key=rank.get)
            missed[step] += 1
            listed.append(("missed", step, pair))
        elif pair.hard_negative and shared:
            ids_a = {m.id for m in mentions.get(pair.a, [])}
            ids_b = {m.id for m in mentions.get(pair.b, [])}
            direct = [c for c in trace if c.chosen and ((c.mention in ids_a and set(c.members) & ids_b)
                                                        or (c.mention in ids_b and set(c.members) & ids_a))]
            how = f"directly, by the {direct[0].verdict}" if direct else "through other articles"
            recall = any(by_mention_events.get(m) in shared and _is_recall(mentions, pair, m) for m in ids_a | ids_b)
            how += ", a recall on one side" if recall else ""
            merged[how] += 1
            listed.append(("merged", how, pair))
    return missed, merged, listed


def _is_recall(mentions, pair, mention_id) -> bool:
    for article in (pair.a, pair.b):
        for m in mentions.get(article, []):
            if m.id == mention_id:
                return m.background
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("splits", nargs="+", help="train, dev, test or shared")
    parser.add_argument("--cache", type=Path, help="a folder to keep the splits' event mentions in")
    parser.add_argument("--list", action="store_true", help="list each lost pair")
    parser.add_argument("--model", type=Path, help="a linking model file other than the shipped one")
    args = parser.parse_args()
    decision = LinkDecision.load(args.model) if args.model else "shipped"
    for split in args.splits:
        pairs, mentions = split_mentions(split, args.cache)
        events, event_of, trace = linked(mentions, decision)
        missed, merged, listed = losses(pairs, mentions, events, event_of, trace)
        same = sum(p.linkable for p in pairs)
        hard = sum(p.hard_negative for p in pairs)
        print(f"{split}: same-event pairs linked {same - sum(missed.values())}/{same}, "
              f"hard negatives kept apart {hard - sum(merged.values())}/{hard}")
        for step in STEPS:
            print(f"  missed  {missed[step]:4d}  {step}")
        for how, count in sorted(merged.items()):
            print(f"  merged  {count:4d}  {how}")
        if args.list:
            for kind, step, pair in listed:
                print(f"    {kind} [{step}] {pair.a} ~ {pair.b} {pair.event_type}: {pair.event[:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
