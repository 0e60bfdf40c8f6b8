"""People named by their initials: "pria berinisial AS", "tersangka S, DP dan HS", "RO (53)".

Indonesian crime news names suspects and victims by initials, which named-entity recognition misses or takes
for an organisation or a country ("berinisial ARM" is not Armenia). A word of one to four capitals after a
naming word ("berinisial", "inisial"), with the others listed after it ("S, DP, ABT, dan HS"), or followed
by an age in brackets ("RO (53)") is a person: a mention labelled ``PER`` with no knowledge-base identity,
replacing any mention that overlaps it, so that the argument finders read it like an unresolved name.
"""

from __future__ import annotations

from linimasa.model import Mention

MAX_INITIALS = 4
LIST_WORDS = frozenset({",", "dan", "serta"})


def is_initials(text: str) -> bool:
    return 1 <= len(text) <= MAX_INITIALS and text.isalpha() and text.isupper()


def initials_mentions(view, text: str, naming: frozenset[str]) -> list[Mention]:
    """The sentence's mentions (``view``: a SentenceView) with each run of initials as a person."""
    words = view.words
    if "(" not in words and naming.isdisjoint(words):
        return view.mentions  # no naming word, and no age in brackets to follow initials: most sentences
    surface = [text[s:e] for s, e in zip(view.starts, view.ends)]
    found: list[int] = []
    for i, word in enumerate(words):
        if word in naming:
            k = i + 1
            while k < len(words):
                if is_initials(surface[k]):
                    found.append(k)
                    k += 4 if _age(words, k) else 1
                elif words[k] in LIST_WORDS and found and k + 1 < len(words) and (
                        is_initials(surface[k + 1]) or words[k + 1] in LIST_WORDS):
                    k += 1
                else:
                    break
        elif is_initials(surface[i]) and _age(words, i) and i not in found:
            found.append(i)
    if not found:
        return view.mentions
    people = [Mention(view.starts[k], view.ends[k], surface[k], "PER", source="initials") for k in found]
    kept = [m for m in view.mentions if not any(m.start < p.end and p.start < m.end for p in people)]
    return sorted(kept + people, key=lambda m: m.start)


def _age(words: list[str], i: int) -> bool:
    """Whether an age in brackets follows word ``i``: "( 53 )"."""
    return i + 3 < len(words) and words[i + 1] == "(" and words[i + 2].isdigit() and words[i + 3] == ")"


def initials_again(views: list, text: str) -> None:
    """Each sentence's mentions with the initials the article introduced as a person once ("pria berinisial DS",
    "DS (25)") wherever they stand alone again ("Namun DS dibekuk polisi", "Polisi menangkap ZA"): crime news
    introduces a suspect once and then writes only the initials, which the NER misses or takes for something
    else. Changes ``view.mentions`` in place."""
    introduced = {m.text.casefold() for view in views for m in view.mentions if m.source == "initials"}
    if not introduced:
        return
    for view in views:
        if introduced.isdisjoint(view.words):
            continue
        known = {m.start for m in view.mentions if m.source == "initials"}
        people = [Mention(s, e, text[s:e], "PER", source="initials")
                  for w, s, e in zip(view.words, view.starts, view.ends)
                  if w in introduced and s not in known and is_initials(text[s:e])]
        if people:
            kept = [m for m in view.mentions if not any(m.start < p.end and p.start < m.end for p in people)]
            view.mentions = sorted(kept + people, key=lambda m: m.start)
