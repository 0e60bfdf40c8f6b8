"""What the events stage knows of an event's date: the value the time engineer gives for its trigger, how it
was found (its basis) and the words that state it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linimasa.dates import bounds as date_bounds
from linimasa.dates import more_precise, precision
from linimasa.link_rule import dates_compatible

STRONG_DATE_BASES = frozenset({"clause", "sentence", "attribution", "lead"})


@dataclass
class DateFinding:
    value: str | None = None
    flags: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    basis: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    # for a speaker's day: {"value", "basis"} the context alone gives (what the learned decision was trained on)
    context: dict | None = None

    @property
    def strong(self) -> bool:
        """Stated in the trigger's own clause or sentence (not borrowed from context or the anchor)."""
        return bool(self.value) and self.basis in STRONG_DATE_BASES


def dated_after(date: DateFinding, anchor, any_precision: bool = False) -> bool:
    """Whether an event is dated in its own clause or sentence on a day after the article's anchor (its
    publication): talks told before they happen are planned, however the clause words them. Only a day counts
    unless ``any_precision`` (a month or year that starts after the anchor)."""
    if anchor is None or not date.strong or (precision(date.value) < 3 and not any_precision):
        return False
    span = date_bounds(date.value)
    return span is not None and span[0] > anchor


def date_finding(found) -> DateFinding:
    """The time engineer's ``date_for_event`` answer, whatever its shape (mapping, object or tuple)."""
    if found is None:
        return DateFinding()
    if isinstance(found, DateFinding):
        return found
    if isinstance(found, (tuple, list)):
        value, flags, alternatives, basis = (list(found) + [None] * 4)[:4]
        return DateFinding(value, list(flags or []), list(alternatives or []), basis)
    get = found.get if isinstance(found, dict) else (lambda k, d=None: getattr(found, k, d))
    expression = get("expression") or get("time")
    start, end, text = get("start"), get("end"), get("text")
    if expression is not None:
        start, end, text = expression.start, expression.end, expression.text
    return DateFinding(get("value"), list(get("flags") or []), list(get("alternatives") or []), get("basis"),
                       start, end, text, get("context"))


def most_precise(dates) -> DateFinding | None:
    """The most precise of the dates (a day over a month over a year), the first of equals."""
    best = None
    for d in dates:
        if best is None or more_precise(d.value, best.value):
            best = d
    return best


def nearer_than_lead(borrowed: DateFinding, lead_sentence_end: int | None) -> bool:
    """A day stated after the lead's sentence and before the event, which the event borrowed as its context:
    the narrative has moved on from the lead's day ("Sebelumnya per 1 Agustus lalu ... izin ... dicabut. Dalam
    keputusan pencabutan izin tersebut, Menag ... memerintahkan ..." is 1 August, not the lead's 10 August)."""
    return (borrowed.basis == "preceding_context" and borrowed.start is not None and lead_sentence_end is not None
            and borrowed.start >= lead_sentence_end and len(borrowed.value or "") == 10)


def group_date(heads, others, lead: DateFinding | None, lead_sentence_end: int | None) -> DateFinding:
    """The date of an event's candidates (``heads`` that name its parties, ``others`` that join it): the most
    precise date stated with a head; else the article's lead date when the references agree with it; else the
    most precise date stated with a reference; else the first head's borrowed date. A trigger that joined for
    want of parties of its own, told after the lead's sentence, does not gainsay the lead: it may tell another
    occasion on another day ('"... kami tidak dapat bertemu tamu," katanya di gedung DPRD, Senin (24/7)')."""
    stated = most_precise(c.date for c in heads if c.date.strong)
    if stated is not None:
        return stated
    borrowed = heads[0].date
    if lead is not None and nearer_than_lead(borrowed, lead_sentence_end):
        return borrowed
    referred = [c.date for c in others if c.date.strong]
    gainsaying = [c.date for c in others if c.date.strong and (
        c.reference or lead_sentence_end is None or c.view.sentence.start < lead_sentence_end)]
    if lead is not None and all(dates_compatible(lead.value, d.value, lead.alternatives, d.alternatives)
                                for d in gainsaying):
        return lead
    return most_precise(referred) or heads[0].date
