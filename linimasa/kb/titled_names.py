"""The name after a title: "Gubernur Sumatera Barat Mahyeldi", where the tagger read the title's region and
the name as one place ("Sumatera Barat Mahyeldi"). A title phrase names a person's office, so a person's or
place's span that starts inside a title and runs past its end holds the name of the title's holder in the
words after it: those words are a person mention.
"""

from __future__ import annotations

import re

from linimasa.model import Mention

NAME_LABELS = ("PER", "LOC")
_NAME_START = re.compile(r"\s+(?=[A-Z])")


def names_after_titles(mentions: list[Mention], text: str) -> list[Mention]:
    """``mentions`` with every non-title span that straddles a title's end cut to the words after the title,
    as a person; sorted as the linker keeps them."""
    titles = [m for m in mentions if m.label == "TITLE"]
    if not titles:
        return mentions
    out = []
    for m in mentions:
        # a body's name may go on past a title's words ("Ketua [Dewan Perwakilan Rakyat] Daerah"): only a
        # person's or place's span holds the title's region and the name
        title = next((t for t in titles if m.label in NAME_LABELS and t.start < m.start < t.end < m.end), None)
        gap = _NAME_START.match(text, title.end) if title is not None else None
        if gap is None:
            out.append(m)
            continue
        out.append(Mention(gap.end(), m.end, text[gap.end() : m.end], "PER", source=m.source))
    out.sort(key=lambda m: (m.start, -m.end))
    return out
