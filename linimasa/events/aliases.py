"""Who a nickname is: "Tiko, sapaan akrabnya", "Menteri X atau yang akrab disapa Gus Y".

Indonesian news introduces the name a person goes by once and then uses it alone ("..., ujar Tiko, sapaan
akrabnya", "kata Tiko"). The knowledge base does not know such names, so without this every later mention is
an unknown person of no country. An introduction is a cue of ``alias_cues`` ("sapaan akrabnya", "akrab
disapa", "biasa dipanggil" ...) right before or right after a person's mention:

- **the nickname after the cue** ("Saifullah Yusuf atau yang akrab disapa Gus Ipul", "pria yang akrab disapa
  Aco"): the person the nickname is is the person mention ending right before the cue (through "atau",
  "yang" and commas), else, when the cue follows a common noun ("pria", "wanita") and the sentence names
  no other person before it outside a quote, the last speaker told before (a subject is not enough: "kiper
  I Made Wirawan, Supardi Nasir, ... . Melawan PSMS, pria yang akrab dipanggil Djanur" is the coach); a pair
  ("Tontowi Ahmad / Liliyana Natsir, atau akrab disapa Owi / Butet") is left alone;
- **the nickname before the cue**: the person named right after it ("Eyi, sapaan akrab Raja Sapta
  Ervian"), else the person told before ("kata Tiko, sapaan akrabnya": the last speaker or subject).

Only a nickname the knowledge base does not link is taken, and only for a person with another name. From
the introduction on, every person mention written like the nickname stands for that person.
"""

from __future__ import annotations

import dataclasses

from linimasa.model import Mention
from linimasa.nlp.phrases import PhraseIndex

QUOTE_MARKS = frozenset({'"', "“", "”"})
LINKS = frozenset({"atau", "yang", ",", "(", ")"})  # words between a name and the cue that follows it


def introduced_aliases(view, follows: PhraseIndex, precedes: PhraseIndex,
                       told_before: Mention | None, spoke_before: Mention | None) -> list[tuple[Mention, Mention]]:
    """(nickname mention, the person it is) for each nickname ``view`` introduces. ``follows``: cues the
    nickname follows ("akrab disapa"); ``precedes``: cues it precedes ("sapaan akrabnya"); ``told_before``:
    the person told in the sentences before (last speaker or subject); ``spoke_before``: the last speaker."""
    words = view.words
    people = [m for m in view.mentions if m.names_a_person]
    by_start = {view.token_index(m.start): m for m in people}
    by_end = {view.token_index(m.end - 1): m for m in people}
    found = []
    for first, last, _ in follows.spans(words):
        k = _skip_links(words, first - 1)
        alias, named = by_start.get(last), by_end.get(k)
        if alias is None or alias.kb_id is not None or _paired(words, view.token_index(alias.end - 1) + 1) \
                or (named is not None and _paired(words, view.token_index(named.start) - 1)):
            continue  # "Tontowi Ahmad / Liliyana Natsir, atau akrab disapa Owi / Butet": a pair, not one person
        if named is not None and named is not alias:
            found.append((alias, named))
        elif named is None and k >= 0 and words[k].isalpha() and spoke_before is not None \
                and not any(view.token_index(m.start) < first for m in _unquoted(view, people)):
            found.append((alias, spoke_before))  # "kata pria yang akrab disapa Emil", no other person before it
    for first, last, _ in precedes.spans(words):
        alias = by_end.get(_skip_links(words, first - 1))
        if alias is None or alias.kb_id is not None:
            continue
        named = by_start.get(last)  # "Eyi, sapaan akrab Raja Sapta Ervian"
        if named is not None and named is not alias:
            found.append((alias, named))
        elif told_before is not None and not (last < len(words) and view.capitalised(last)):
            found.append((alias, told_before))  # "ujar Tiko, sapaan akrabnya"; not before a name NER missed
    return [(alias, who) for alias, who in found if folded(alias.text) != folded(who.text)]


def _skip_links(words: list[str], k: int) -> int:
    while k >= 0 and words[k] in LINKS:
        k -= 1
    return k


def _paired(words: list[str], k: int) -> bool:
    return 0 <= k < len(words) and words[k] == "/"


def _unquoted(view, people: list[Mention]) -> list[Mention]:
    """The mentions of ``people`` outside quotes (an odd number of quote marks before a word puts it inside)."""
    marks = [i for i, word in enumerate(view.words) if word in QUOTE_MARKS]
    return [m for m in people if sum(1 for i in marks if i < view.token_index(m.start)) % 2 == 0]


def folded(text: str) -> str:
    """A name as nicknames are compared: lower case, single spaces."""
    return " ".join(text.lower().split())


def apply_aliases(view, aliases: dict[str, Mention]) -> None:
    """Replaces every person mention of ``view`` written like a known nickname by a mention of the person."""
    if not aliases:
        return
    view.mentions = [dataclasses.replace(aliases[folded(m.text)], start=m.start, end=m.end, source="coreference")
                     if m.names_a_person and m.kb_id is None and folded(m.text) in aliases else m
                     for m in view.mentions]
