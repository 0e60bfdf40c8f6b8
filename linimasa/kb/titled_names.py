"""The name after a title: "Gubernur Sumatera Barat Mahyeldi", where the tagger read the title's region and
the name as one place ("Sumatera Barat Mahyeldi"). A title phrase names a person's office, so a person's or
place's span that starts inside a title and runs past its end holds the name of the title's holder in the
words after it: those words are a person mention (read where the linker merges the tagger's spans with the
knowledge base's title phrases, linimasa/kb/linker.py ``merge``).
"""

from __future__ import annotations

import re

from linimasa.model import Mention

NAME_LABELS = ("PER", "LOC")
_NAME_START = re.compile(r"\s+(?=[A-Z])")


def name_after_title(mention: Mention, titles: list[Mention], text: str) -> Mention:
    """``mention`` cut to the words after the title of ``titles`` whose end it runs past, as a person, when it
    is a person's or place's span starting inside that title; else ``mention`` itself. A body's name may go on
    past a title's words ("Ketua [Dewan Perwakilan Rakyat] Daerah"): it holds no name."""
    if mention.label not in NAME_LABELS:
        return mention
    title = next((t for t in titles if t.start < mention.start < t.end < mention.end), None)
    gap = _NAME_START.match(text, title.end) if title is not None else None
    if gap is None:
        return mention
    return Mention(gap.end(), mention.end, text[gap.end() : mention.end], "PER", source=mention.source)
