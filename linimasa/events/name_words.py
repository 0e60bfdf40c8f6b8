"""A word of a person's name used alone where the NER tagged nothing: "Selain PKS, Viktor juga menuding ...".

Indonesian news names a person in full once ("Viktor Buntinglu Laiskodat") and then by one word of the name.
When the NER leaves that word untagged, the clause has no subject. A capitalised word no mention covers, with
no capitalised word beside it (then it is part of another name: "Jalan Viktor", "Viktor Hugo"), that is the
last word of a person named in full in the article or a word of the name no other person shares
(``people_by_surname``) becomes a ``PER`` mention (source ``name_word``) and resolves to that person like any
surname. Words of titles are no names ("Presiden" of a "Presiden AS" mention is not that president when
"Presiden terpilih ..., Donald Trump" follows). A party named only so joins an event but does not make it
known to the knowledge base (``assembly._named_by_a_word_only``): recounted past meetings are told this way
("Andi kemudian menemui Setya di kafe ...", which the annotators leave out).
"""

from __future__ import annotations

from linimasa.model import Mention

MIN_LETTERS = 3
NAME_WORD = "name_word"  # the source of such a mention


def name_word_mentions(view, text: str, people: dict[str, Mention]) -> list[Mention]:
    """The sentence's mentions (``view``: a SentenceView) with each untagged word of a known person's name."""
    if not people or not any(w in people for w in view.words):
        return view.mentions
    covered = {k for m in view.mentions for k in range(view.token_index(m.start), view.token_index(m.end - 1) + 1)}
    found = []
    last = len(view.words) - 1
    for i, word in enumerate(view.words):
        if word not in people or i in covered or len(word) < MIN_LETTERS or not view.capitalised(i):
            continue
        if (i > 0 and view.capitalised(i - 1)) or (i < last and view.capitalised(i + 1)):
            continue
        found.append(Mention(view.starts[i], view.ends[i], text[view.starts[i] : view.ends[i]], "PER", source=NAME_WORD))
    if not found:
        return view.mentions
    return sorted(view.mentions + found, key=lambda m: m.start)
