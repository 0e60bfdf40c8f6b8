"""The bounds on what linimasa reads and on how much text it works through, in one place.

Each bound keeps one input from costing a run memory or time out of proportion (docs/limits.md says why each
has its value); an input past a bound is rejected with the bound named, never loaded whole. A configuration
file's ``[limits]`` table sets them (docs/configuration.md); :data:`LIMIT_RANGES` says what each may be set
to.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Limits:
    # Characters of one article's text: longer than any news article by two orders of magnitude.
    article_chars: int = 2_000_000
    # Bytes of one input once decompressed: a one-article file (txt, md, html) read whole, or the body of a
    # WARC record after its content encoding (decoded only up to this).
    input_bytes: int = 16_000_000
    # Bytes of one JSONL line (a record): a longer line is skipped in 1 MB pieces, never held whole.
    line_bytes: int = 16_000_000
    # A gzip input that expands more than this many times, once it has given gzip_check_bytes, is a
    # decompression bomb: text compresses five- to tenfold, a file of zeros a thousandfold.
    gzip_expansion: float = 200.0
    gzip_check_bytes: int = 64 * 1024 * 1024
    # Folder levels walked below an input folder.
    folder_depth: int = 100
    # Levels of nesting of an article's extra JSONL fields: copying or pickling one for a worker recurses
    # once a level, and Python stops near 1,000.
    field_depth: int = 64
    # Tokens after which a sentence is cut even without a terminator (a text without punctuation, or a quote
    # never closed, would otherwise be one sentence, and steps that look at a trigger's sentence cost time
    # in its square): 19 of the 83,906 sentences of the shared news reach 250.
    sentence_tokens: int = 250
    # Event triggers read per article: a news article has dozens; grouping compares each with the events
    # already told.
    event_triggers: int = 400


DEFAULT_LIMITS = Limits()


def limit_named(name: str) -> str:
    """How a rejection names the limit it met, so that a user knows what to raise."""
    return f"limit: [limits] {name}"


def in_bytes(size: float) -> str:
    """A size as a rejection shows it: "17.8 MB", "1.2 kB", "300 bytes"."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size:.0f} bytes"

# (smallest, largest) value of each limit a configuration file may set; None: no upper bound.
LIMIT_RANGES: dict[str, tuple[float, float | None]] = {
    "article_chars": (1, None),
    "input_bytes": (1, None),
    "line_bytes": (1, None),
    "gzip_expansion": (1, None),
    "gzip_check_bytes": (0, None),
    "folder_depth": (0, None),
    "field_depth": (1, 256),  # deeper nesting reaches Python's recursion limit while pickling for a worker
    "sentence_tokens": (1, None),
    "event_triggers": (1, None),
}

LIMIT_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Limits))
