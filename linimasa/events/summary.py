"""One readable Indonesian sentence per event.

The event's own sentence is the best summary when it reads on its own: its dateline, credit tags
("(rol/ar)") and doubled spaces are cut. A sentence that quotes someone or runs long is replaced by one
built from the event's fields with the words of ``summary_id.yaml``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from linimasa import yamldata
from linimasa.model import Article, Event, Sentence

_CREDIT = re.compile(r"\s*\((?:[a-z]{2,6}/)*[a-z]{2,6}\)")
_QUOTE = re.compile(r"[\"“”]")
_SPACES = re.compile(r"\s+")
_LEADING = re.compile(r"^[\s\-–—:,|]+")


@functools.cache
def _words() -> dict:
    return yamldata.safe_load(Path(__file__).with_name("summary_id.yaml").read_text(encoding="utf-8"))


def summarise(event: Event, article: Article, sentence: Sentence) -> str:
    words = _words()
    text = sentence.text
    dateline = article.dateline or {}
    end = dateline.get("end")
    if _dateline_in_text(article) and sentence.start <= dateline["start"] and end < sentence.end:
        text = article.working_text[end : sentence.end]
    text = _LEADING.sub("", _SPACES.sub(" ", _CREDIT.sub("", text))).strip()
    if text and not _QUOTE.search(text) and len(text.split()) <= words["max_words"]:
        return text if text.endswith((".", "!", "?")) else text + "."
    return from_fields(event)


def _dateline_in_text(article: Article) -> bool:
    """Whether the dateline is still part of the text (the cleaner may have cut it out)."""
    dateline = article.dateline or {}
    start, end = dateline.get("start"), dateline.get("end")
    return start is not None and end is not None and article.working_text[start:end] == dateline.get("text")


def from_fields(event: Event) -> str:
    words = _words()
    verb = words["verbs"].get(event.type, event.type.lower())
    if isinstance(verb, dict):
        verb = verb.get(event.mode or "meet") or next(iter(verb.values()))
    actors = [p.name for p in event.participants if p.side == "actor"]
    recipients = [p.name for p in event.participants if p.side != "actor"]
    parts = [_join(actors or recipients, words["and_word"]), verb]
    if actors and recipients:
        parts += [words["recipient_word"], _join(recipients, words["and_word"])]
    if event.location:
        parts += [words["place_word"], event.location.name]
    if event.date:
        parts += [words["date_word"], event.date]
    if event.duration_minutes:
        parts.append(words["duration"].format(minutes=event.duration_minutes))
    sentence = " ".join(p for p in parts if p)
    if event.topics:
        sentence += f", {words['topics_word']} {_join(event.topics, words['and_word'])}"
    return sentence[0].upper() + sentence[1:] + "."


def _join(items: list[str], and_word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {and_word} " + items[-1]
