"""Modality one mention takes from another: triggers joined in a sentence, and a plan told again.

In one sentence, "Selain bertemu Biden, Prabowo berencana bertemu ..." and "ia akan mengunjungi Amerika Serikat
dan bertemu dengan Trump": a trigger joined to another shares its modality (:func:`share_in_sentence`).

Across the article (:func:`plans_told_again`), news about a visit or a meeting to come names it first with its plan ("rencana kunjungan Menteri Luar Negeri
Uruguay Rodolfo Nin Novoa ke Indonesia pada 10 hingga 12 Oktober", "akan meninggalkan Bangladesh untuk
melanjutkan kunjungan kenegaraan ke Afghanistan") and then refers to it again by a bare noun or verb
("kedatangan Rodolfo bersama beberapa pengusaha Uruguay ini beragendakan ...", "agenda penutup kunjungan
Presiden ke Afghanistan"). With no word of its own saying it happened, such a mention is the same plan, not a
meeting held.
"""

from __future__ import annotations

from linimasa.dates import bounds as date_bounds
from linimasa.events.lexicon import Lexicon
from linimasa.events.participants import generic, key


def share_in_sentence(candidates: list, view, lexicon: Lexicon) -> None:
    """ "Selain bertemu Biden, Prabowo berencana bertemu ...": the first takes the second's modality; "ia akan
    mengunjungi Amerika Serikat dan bertemu dengan Trump": a verb joined by "dan" to the verb before it, with no
    new clause between, shares its planned or possible modality."""
    here = [c for c in candidates if c.view is view]
    like_next = frozenset(lexicon.modality["like_next"])
    for c, following in zip(here, here[1:]):
        if any(w in like_next for w in view.words[max(0, c.match.first - 2) : c.match.first]):
            c.modality = following.modality
    joining = frozenset(lexicon.modality.get("like_previous") or ())
    stops = lexicon.stop_words
    for previous, c in zip(here, here[1:]):
        first = c.match.first
        if (c.match.rule.pos == "verb" and c.modality == "asserted" and previous.modality in ("future", "hypothetical")
                and first > previous.match.last and view.words[first - 1] in joining
                and not any(w in stops for w in view.words[previous.match.last : first - 1])):
            c.modality = previous.modality


def plans_told_again(candidates: list, lexicon: Lexicon, anchor) -> None:
    """Mark as planned each asserted CONSULT noun ("kunjungan", "kedatangan", "pertemuan": a noun names the talks
    whether held or to come, where a verb with its subject tells them) that a planned CONSULT candidate told
    before it names with two of its parties (one of them a person or a body, not only a country), unless the
    later mention says it happened (a cue such as "telah", "sudah", "sempat", a recall) or is dated before the
    article."""
    planned = []
    for c in candidates:
        if c.match.rule.type != "CONSULT":
            continue
        if c.modality == "future":
            planned.append({key(p): generic(p) for p, _ in c.participants + c.own_participants})
            continue
        if (c.modality != "asserted" or not planned or c.match.rule.pos != "noun" or c.recalled
                or _said_to_happen(c, lexicon)):
            continue
        if _dated_before(c.date, anchor):
            continue
        mine = {key(p): generic(p) for p, _ in c.participants + c.own_participants}
        for plan in planned:
            shared = mine.keys() & plan.keys()
            if len(shared) >= 2 and any(not mine[k] for k in shared):
                c.modality = "future"
                break


def _said_to_happen(c, lexicon: Lexicon) -> bool:
    """An asserting cue ("telah", "sudah", "sempat") in the words before the trigger."""
    words = c.view.words
    window = lexicon.modality["window"]
    for i in range(c.match.first - 1, max(-1, c.match.first - 1 - window), -1):
        if words[i] in lexicon.stop_words:
            return False
        if lexicon.before_cues.get(words[i]) == "asserted":
            return True
    return False


def _dated_before(date, anchor) -> bool:
    """Dated in its own clause or sentence on a day before the article's anchor: told as held."""
    if anchor is None or not date.strong or not date.value:
        return False
    span = date_bounds(date.value)
    return span is not None and span[1] < anchor
