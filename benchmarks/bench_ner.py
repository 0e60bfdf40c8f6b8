"""Speed of tokens, sentences and NER on real Indonesian news, in one process (one core).

Times are process CPU seconds (``time.process_time``), so other load on a shared machine does not count;
the wall-clock figure is printed beside them. Prints tokens/s for tokenizing + sentence splitting, for NER tagging alone (cold and warm feature cache;
crfsuite's tagger, then the stage's own inference over an article's sentences at once),
and the cost per article of the `sentences` + `ner` stages together (budget: well under 5 ms per article).
Reads ../shared/data/news/detik-2025/articles.jsonl; skips with a message when ../shared is absent.

    python benchmarks/bench_ner.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linimasa.config import Settings  # noqa: E402
from linimasa.model import Article  # noqa: E402
from linimasa.nlp.ner import NerStage, load_tagger  # noqa: E402
from linimasa.nlp.sentences import SentenceStage, split_sentences  # noqa: E402

NEWS = REPO / ".." / "shared" / "data" / "news" / "detik-2025" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    if not NEWS.exists():
        print(f"../shared not found: {NEWS}; nothing to measure")
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    texts = [json.loads(line)["text"] for line in NEWS.open(encoding="utf-8")][: args.articles]

    started = time.process_time()
    sentences = [[t.text for t in s.tokens] for text in texts for s in split_sentences(text)]
    split_seconds = time.process_time() - started
    n_tokens = sum(map(len, sentences))
    print(f"articles {len(texts)}, sentences {len(sentences)}, tokens {n_tokens} ({n_tokens / len(texts):.0f}/article)")
    print(f"tokens+sentences: {n_tokens / split_seconds:,.0f} tokens/s")

    tagger = load_tagger()
    for run in ("cold cache", "warm cache"):
        started, wall = time.process_time(), time.perf_counter()
        tagger.tag_sentences(sentences)
        seconds, wall = time.process_time() - started, time.perf_counter() - wall
        print(f"ner tag_sentences ({run}): {n_tokens / seconds:,.0f} tokens/s CPU ({n_tokens / wall:,.0f} wall)")
    by_article = [[[t.text for t in s.tokens] for s in split_sentences(text)] for text in texts]
    for run in ("cold cache", "warm cache"):  # the stage's path: weight sums per word type, an article at once
        started, wall = time.process_time(), time.perf_counter()
        for article_sentences in by_article:
            tagger.tag_sentences_with_scores(article_sentences)
        seconds, wall = time.process_time() - started, time.perf_counter() - wall
        print(f"ner tag_sentences_with_scores ({run}): {n_tokens / seconds:,.0f} tokens/s CPU ({n_tokens / wall:,.0f} wall)")

    settings = Settings()
    sentence_stage, ner_stage = SentenceStage(settings), NerStage(settings)
    articles = [Article(id=str(i), text=text, lang="id") for i, text in enumerate(texts)]
    started = time.process_time()
    mentions = 0
    for article in articles:
        mentions += len(ner_stage(sentence_stage(article)).mentions)
    seconds = time.process_time() - started
    print(
        f"sentences+ner stages: {1000 * seconds / len(articles):.2f} CPU ms/article, "
        f"{len(articles) / seconds:,.0f} articles/s, {mentions / len(articles):.1f} mentions/article"
    )
    print(f"model version {tagger.version}")


if __name__ == "__main__":
    main()
