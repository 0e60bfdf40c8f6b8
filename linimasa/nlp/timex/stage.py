"""The ``times`` stage and the ``linimasa times`` command's output."""

from __future__ import annotations

import datetime as dt
import importlib.util

from linimasa.config import Settings
from linimasa.model import Article
from linimasa.nlp.timex import dates
from linimasa.nlp.timex.anchor import Tenure, resolve_anchor
from linimasa.nlp.timex.recognise import candidates_and_name_spans, find_times


def _kb_tenures(article: Article) -> list[list[Tenure]]:
    """Each person's dated terms in the roles the article gives them ("Menlu AS" for Kerry: his terms as
    Secretary of State), or in all their roles when it names none; from the knowledge base."""
    people = {m.kb_id for m in article.mentions if m.kind == "person" and m.kb_id}
    if not people or importlib.util.find_spec("linimasa.kb") is None:
        return []
    from linimasa.kb import load_kb

    kb = load_kb()
    titled: dict[str, set[str]] = {}
    for mention in article.mentions:
        if mention.label == "TITLE" and mention.kb_id in people and mention.role:
            titled.setdefault(mention.kb_id, set()).add(mention.role)
    tenures = []
    for kb_id in sorted(people):
        periods = [p for p in kb.role_periods(kb_id) if p.start is not None]
        named = [p for p in periods if p.role in titled.get(kb_id, ())]
        terms = [(p.start, p.end) for p in (named or periods)]
        if terms:
            tenures.append(terms)
    return tenures


class TimeStage:
    """Sets ``article.anchor`` and ``article.times``."""

    name = "times"

    def __init__(self, settings: Settings | None = None):
        pass  # takes no options; the pipeline runs it only on articles in the languages it serves

    def __call__(self, article: Article) -> Article:
        # read once: the anchor's search and the times share them
        candidates, name_spans = candidates_and_name_spans(article.working_text)
        article.anchor = resolve_anchor(article, _kb_tenures(article), candidates, name_spans)
        year_range = tuple(article.anchor["year_range"]) if article.anchor["year_range"] else None
        article.times = find_times(article.working_text, dates.parse_date(article.anchor["date"]), year_range,
                                   candidates)
        return article


def times_command_output(text: str, published: dt.date | None) -> list[dict]:
    """The ``linimasa times`` objects for a text: text, start, end, type, value, flags.

    Without a publication date the anchor comes from the text itself (a stamp or a stated date).
    """
    article = Article(id=None, text=text, published=published.isoformat() if published else None)
    anchor = resolve_anchor(article, [])
    found = find_times(text, dates.parse_date(anchor["date"]))
    return [{"text": t.text, "start": t.start, "end": t.end, "type": t.type, "value": t.value, "flags": t.flags}
            for t in found]
