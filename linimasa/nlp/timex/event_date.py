"""Which expression dates an event, and the event date it gives.

The expression in the trigger's clause wins, then one elsewhere in its sentence, then the date of a next
sentence that says when the words were said ("Hal itu disampaikan ..., Senin (20/10)"), then the nearest dated
context before it in the article (a stated day before a month or year: those are mostly background), then
one just after it (a lead that names the day in its second sentence), then the anchor. A date that only cites a source ("Melansir Itar-tas, Rabu (15/10/2014), ...")
is the report's day, not the event's, so it only dates an event as context. The result is never more precise
than the text: a week gives its month (or year), "beberapa waktu lalu" gives the month of the date it is
read against, a year-less day gives no date.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from operator import attrgetter

from linimasa.model import Article, Sentence, TimeExpression
from linimasa.nlp.timex import dates
from linimasa.nlp.timex.anchor import resolve_anchor
from linimasa.nlp.timex.lexicon import load_lexicon
from linimasa.nlp.timex.norm_dates import ANCHOR_CLOCK
from linimasa.nlp.timex.recognise import find_times
from linimasa.nlp.timex.speakers import People, nearest_spoken_day, speakers_of, spoken_days

APPROXIMATE = "approximate"
# Sentences after the trigger's own that may still hold the day of a lead's event.
FOLLOWING_REACH = 2
# Flags of an expression that an event date carries with it.
CARRIED_FLAGS = ("weekday_conflict", "year_inferred")

# Bases of expressions that state a day rather than count one from the anchor.
_STATED = ("stated", "anchor_year", "weekday_year", "same_weekday_as_earlier")
_EVENT_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_WEEK_VALUE = re.compile(r"\d{4}-W\d{2}")
_BARE_YEAR = re.compile(r"\d{4}")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_CLAUSE_BREAK = re.compile(r"[,;:]|\s[–—-]\s")
_CLAUSE_END = re.compile(r"[.,;:!?\"“”]")
_START = attrgetter("start")
_FALLBACK_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+|$)")


def date_for_event(article: Article, trigger_start: int, trigger_end: int) -> dict:
    """{"value", "type", "flags", "alternatives", "basis", "time"} for the event triggered at the span; a
    speaker's day (basis ``speaker``) also gives ``context``: {"value", "basis"} the context alone gives."""
    times, anchor = _times_and_anchor(article)
    text = article.working_text
    sentences = _sentences(article)
    index = next((i for i, s in enumerate(sentences) if s.start <= trigger_start < max(s.end, s.start + 1)), None)
    stated_day = next((t.start for t in times if t.basis in _STATED and dates.parse_date(t.value)), None)
    dated = [t for t in times if t.type in ("DATE", "TIME") and t.value
             and not (stated_day is not None and stated_day < t.start
                      and (_quoted_deictic(text, t) or t.basis == ANCHOR_CLOCK))]
    if index is not None:
        sentence = sentences[index]
        in_sentence = [t for t in dated if sentence.start <= t.start < sentence.end]
        own = [t for t in in_sentence if not _cites_source(text, sentence, t) and not _year_of_a_thing(text, t)]
        own = _beside_trigger(text, sentence, trigger_start, own)
        clause = _clause_of(text, sentence, trigger_start, own)
        for basis, pool in (("clause", clause), ("sentence", own)):
            result = _nearest_usable(pool, trigger_start, sentence.start, times, anchor, basis)
            if result:
                return result
        result = _quoted_day(article, sentences, index, trigger_start, dated, times, anchor)
        if result:
            return result
        result = _attributed(text, sentences, index, dated, times, anchor)
        if result:
            return result
        spoken = _spoken(article, sentences, index, trigger_start, dated, times, anchor)
        borrowed = _context(text, sentences, index, dated, times, anchor)
        if spoken:
            # what the context alone gives, for readers that knew only context (the learned decision)
            spoken["context"] = {"value": borrowed["value"], "basis": borrowed["basis"]}
            return spoken
        return borrowed
    return _result(anchor, "DATE", [], [], "anchor", None)


def _context(text: str, sentences: list[Sentence], index: int, dated: list[TimeExpression],
             times: list[TimeExpression], anchor: str | None) -> dict:
    """The date the context lends a sentence that states none: the nearest dated context before it (a stated
    day first), else one in the next two sentences that does not open by recalling the past, else the anchor."""
    sentence = sentences[index]
    context = [t for t in dated if not _after(t, anchor) and not _year_of_a_thing(text, t)]
    before = [t for t in context if t.end <= sentence.start]
    days_first = sorted(reversed(before), key=lambda t: dates.parse_date(t.value) is None)
    days_first = _told_day_before_report(text, sentences, days_first)
    result = _nearest_usable(days_first, None, None, times, anchor, "preceding_context")
    if result:
        return result
    reach_end = sentences[min(index + FOLLOWING_REACH, len(sentences) - 1)].end
    recalling = load_lexicon().recall_opener
    after = [t for t in context if sentence.end <= t.start < reach_end
             and not recalling.match(text, _sentence_at(sentences, t.start).start)]
    result = _nearest_usable(after, None, None, times, anchor, "following_context")
    return result or _result(anchor, "DATE", [], [], "anchor", None)


def _told_day_before_report(text: str, sentences: list[Sentence], days_first: list[TimeExpression]):
    """The context nearest first, but a day that only dates a cited source ("dilansir AFP, Minggu (19/10/2025)")
    after a day the article states for what happened, on that day or the one before ("pada Sabtu
    (18/10/2025)"), comes after that day: the source reported the next day what happened on the told one."""
    if not days_first or not _cites_source(text, _sentence_at(sentences, days_first[0].start), days_first[0]):
        return days_first
    reported = dates.parse_date(days_first[0].value)
    if reported is None:
        return days_first
    for told in days_first[1:]:
        day = dates.parse_date(told.value)
        if day is None:
            break
        if (0 <= (reported - day).days <= 1 and told.basis in _STATED
                and not _cites_source(text, _sentence_at(sentences, told.start), told)):
            return [told] + [t for t in days_first if t is not told]
    return days_first


def _attributed(text: str, sentences: list[Sentence], index: int, dated: list[TimeExpression],
                times: list[TimeExpression], anchor: str | None) -> dict | None:
    """The date of a sentence shortly after that opens by telling when the words before it were said ("Hal itu
    disampaikan Menteri dalam rapat kerja di Gedung Sate, Bandung, Rabu (22/10)."), when no sentence
    between states a date of its own."""
    opener = load_lexicon().attribution_opener
    for following in sentences[index + 1 : index + 1 + FOLLOWING_REACH]:
        own = [t for t in dated if following.start <= t.start < following.end
               and not _cites_source(text, following, t) and not _year_of_a_thing(text, t)]
        if opener.match(text, following.start) is not None:
            return _nearest_usable(own, following.start, following.start, times, anchor, "attribution")
        if own:
            return None
    return None


def _spoken(article: Article, sentences: list[Sentence], index: int, trigger_start: int,
            dated: list[TimeExpression], times: list[TimeExpression], anchor: str | None) -> dict | None:
    """The day the sentence's speaker is said to have spoken nearest to it (speakers.py), for a sentence that
    states no day of its own."""
    text = article.working_text
    people = People(article.mentions)
    speakers = speakers_of(text, sentences[index], people, trigger_start)
    if not speakers:
        return None
    # a date beside a cited source still dates the words ("ujar Trump ..., sebagaimana dilansir Reuters, Rabu
    # (19/7)"): the report's day is the day they were said or the next
    found = nearest_spoken_day(spoken_days(text, sentences, people, dated), speakers, index)
    if found is None:
        return None
    return _nearest_usable([found.expression], None, None, times, anchor, "speaker")


def _quoted_day(article: Article, sentences: list[Sentence], index: int, trigger_start: int,
                dated: list[TimeExpression], times: list[TimeExpression], anchor: str | None) -> dict | None:
    """A deictic quoted in the trigger's clause ("waktu saya ke Pak Tito kemarin tuh," beber Purbaya) counts from
    the day its speaker is said to have spoken (speakers.py), not from the publication: "kemarin" is the day
    before that day. Only a day ("kemarin", "hari ini"), for a speaker whose day the article states; the one in
    the trigger's clause first, else the sentence's nearest."""
    text = article.working_text
    sentence = sentences[index]
    quoted = [t for t in times if sentence.start <= t.start < sentence.end and t.basis == "anchor"
              and t.type == "DATE" and dates.parse_date(t.value) is not None and _quoted_deictic(text, t)]
    quoted = _clause_of(text, sentence, trigger_start, quoted) or quoted
    anchor_day = dates.parse_date(anchor)
    if not quoted or anchor_day is None:
        return None
    people = People(article.mentions)
    speakers = speakers_of(text, sentence, people, trigger_start)
    found = nearest_spoken_day(spoken_days(text, sentences, people, dated), speakers, index) if speakers else None
    spoken_on = dates.parse_date(found.expression.value) if found is not None else None
    if spoken_on is None:
        return None
    expression = min(quoted, key=lambda t: abs(t.start - trigger_start))
    day = spoken_on + (dates.parse_date(expression.value) - anchor_day)
    return _result(day.isoformat(), "DATE", [], [], "sentence", expression)


def _sentence_at(sentences: list[Sentence], position: int) -> Sentence:
    """The sentence a position lies in (the first one for a position before every sentence)."""
    return sentences[max(0, bisect_right(sentences, position, key=_START) - 1)]


def _times_and_anchor(article: Article) -> tuple[list[TimeExpression], str | None]:
    if article.anchor is None:
        anchor = resolve_anchor(article, [])
        year_range = tuple(anchor["year_range"]) if anchor["year_range"] else None
        return find_times(article.working_text, dates.parse_date(anchor["date"]), year_range), anchor["date"]
    return article.times, article.anchor.get("date")


def _sentences(article: Article) -> list[Sentence]:
    if article.sentences:
        return article.sentences
    text = article.working_text
    return [Sentence(m.start(), m.end(), m.group()) for m in _FALLBACK_SENTENCE.finditer(text) if m.group().strip()]


def _quoted_deictic(text: str, expression: TimeExpression) -> bool:
    """A deictic ("hari ini", "kemarin") inside a quotation counts from the day the words were said, which
    need not be the anchor; once the article has stated a day, such an expression dates nothing. One that
    names its weekday ("Sabtu pagi ini") says which day it means, and is kept."""
    if expression.basis != "anchor":
        return False
    weekdays = load_lexicon().weekdays
    if any(word.casefold() in weekdays for word in _WORD.findall(expression.text)):
        return False
    line_start = text.rfind("\n", 0, expression.start) + 1
    before = text[line_start:expression.start]
    straight = before.count('"') % 2 == 1
    curly = before.rfind("“") > before.rfind("”")
    return straight or curly


def _quoted_at(text: str, sentence: Sentence, position: int) -> bool:
    """Whether a position of the sentence lies inside a quotation opened in that sentence."""
    before = text[sentence.start:position]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


def _beside_trigger(text: str, sentence: Sentence, trigger_start: int, pool: list[TimeExpression]):
    """The expressions on the trigger's side of a quotation, when there are any: in '"... dibagikan sejak
    tanggal 6 Januari 2025," kata Prabowo dalam Sidang Kabinet, Senin (20/10/2025)' the quoted date belongs
    to what was said, the one outside it to the session where it was said (and the other way round for a
    trigger inside the quotation)."""
    inside = _quoted_at(text, sentence, trigger_start)
    beside = [t for t in pool if _quoted_at(text, sentence, t.start) == inside]
    return beside or pool


def _after(expression: TimeExpression, anchor: str | None) -> bool:
    """Whether the expression lies after the anchor (a plan or forecast): no context for past events."""
    anchor_day = dates.parse_date(anchor)
    start = _first_day(expression.value)
    return anchor_day is not None and start is not None and start > anchor_day


@functools.lru_cache(maxsize=4096)  # a pure function of a string, asked for each expression at every event
def _first_day(value: str):
    if _WEEK_VALUE.match(value):
        return dates.week_span(value[:8])[0]
    if _EVENT_VALUE.match(value):
        year, *rest = (int(part) for part in value[:10].split("-") if part.isdigit())
        month, day = (rest + [1, 1])[:2]
        return dates.parse_date(f"{year:04d}-{month:02d}-{day:02d}")
    return None


def _cites_source(text: str, sentence: Sentence, expression: TimeExpression) -> bool:
    """Whether the expression only dates a citation: a citation cue in its clause, or in the clause before
    when the expression stands alone as a clause ("Melansir Itar-tas, Rabu (15/10/2014), ...")."""
    before = text[sentence.start:expression.start]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    region_start = breaks[-1] if breaks else 0
    if breaks and not before[region_start:].strip():
        region_start = breaks[-2] if len(breaks) >= 2 else 0
    return load_lexicon().citation_pattern.search(before[region_start:]) is not None


def _year_of_a_thing(text: str, expression: TimeExpression) -> bool:
    """Whether a bare year names a thing rather than dating the verb: "Nomor 731 Tahun 2025", "kasus
    pengadaan alkes tahun 2007", "Pemilu 2024" (but "pada 2019", "sejak tahun 2012", "2019 lalu" date it)."""
    if not _BARE_YEAR.fullmatch(expression.value or ""):
        return False
    lexicon = load_lexicon()
    before = [w.casefold() for w in _WORD.findall(text[max(0, expression.start - 40):expression.start])]
    words = [w.casefold() for w in _WORD.findall(expression.text)]
    if words and words[0] == "tahun":  # "tahun 2012": the words before "tahun" decide
        words = words[1:]
    if len(words) != 1:
        return False  # "awal 2020", "2019 lalu" recognised as one expression: a time
    while before and before[-1] == "tahun":
        before.pop()
    # the words right after it in its own clause ("Nomor 731 Tahun 2025. Ini ..." is no "tahun ini")
    after = _WORD.findall(_CLAUSE_END.split(text[expression.end:expression.end + 12])[0])
    if after and after[0].casefold() in lexicon.year_time_after:
        return False
    return not (before and before[-1] in lexicon.year_time_words)


def _clause_of(text: str, sentence: Sentence, trigger_start: int, pool: list[TimeExpression]):
    """The expressions in the trigger's clause, or standing as a clause of their own right beside it
    ("X menyampaikan hal itu, Kamis (17/10/2013), di Jakarta")."""
    bounds = [sentence.start] + [sentence.start + m.end() for m in _CLAUSE_BREAK.finditer(sentence.text)]
    bounds.append(sentence.end)
    chunks = list(zip(bounds, bounds[1:]))
    here = next((i for i, (s, e) in enumerate(chunks) if s <= trigger_start < e), None)
    if here is None:
        return []
    chosen = []
    for expression in pool:
        where = next((i for i, (s, e) in enumerate(chunks) if s <= expression.start < e), None)
        if where == here:
            chosen.append(expression)
        elif where is not None and abs(where - here) == 1:
            start, end = chunks[where]
            rest = (text[start:expression.start] + text[expression.end:end]).strip(" ,;:–—-.\n")
            if rest.lower() in ("", "pada", "pada hari"):
                chosen.append(expression)
    return chosen


def _nearest_usable(pool, trigger_start, sentence_start, times, anchor, basis):
    ordered = sorted(pool, key=lambda t: abs(t.start - trigger_start)) if trigger_start is not None else pool
    for expression in ordered:
        value, flags = _event_value(expression, times, anchor, sentence_start)
        if value is not None:
            carried = [f for f in expression.flags if f in CARRIED_FLAGS or f.startswith("mod:")]
            return _result(value, "DATE", carried + flags, list(expression.alternatives), basis, expression)
    return None


def _event_value(expression: TimeExpression, times: list[TimeExpression], anchor: str | None,
                 sentence_start: int | None):
    """The event date an expression supports (YYYY-MM-DD, YYYY-MM or YYYY), with flags, or (None, [])."""
    value = expression.value
    if value == "PAST_REF":
        reference = _reference_day(expression, times, sentence_start) or dates.parse_date(anchor)
        return (dates.month_value(reference), [APPROXIMATE]) if reference else (None, [])
    if _WEEK_VALUE.match(value):
        first, last = dates.week_span(value[:8])
        if (first.year, first.month) == (last.year, last.month):
            return dates.month_value(first), []
        return (str(first.year), []) if first.year == last.year else (None, [])
    day = dates.parse_date(value)
    if day is not None:
        return day.isoformat(), []
    return (value, []) if _EVENT_VALUE.fullmatch(value) else (None, [])


def _reference_day(expression: TimeExpression, times: list[TimeExpression], sentence_start: int | None):
    """The nearest full date stated before a vague past ("beberapa waktu lalu") in its sentence."""
    if sentence_start is None:
        return None
    for earlier in reversed([t for t in times if sentence_start <= t.start and t.end <= expression.start]):
        day = dates.parse_date(earlier.value)
        if day is not None and earlier.basis == "stated":
            return day
    return None


def _result(value, type_, flags, alternatives, basis, time):
    return {"value": value, "type": type_, "flags": flags, "alternatives": alternatives, "basis": basis,
            "time": time}
