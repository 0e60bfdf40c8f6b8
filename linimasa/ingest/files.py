"""One-article files (txt/md, html): read whole, within a size bound, and decoded in whatever encoding
they are in; the first non-empty line of a text file is its title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..limits import DEFAULT_LIMITS, Limits, in_bytes, limit_named
from ..model import Article, Rejection
from .decode import DecodeError, decode_bytes, has_binary_content


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise _TooLarge(size)
    return path.read_bytes()


class _TooLarge(Exception):
    def __init__(self, size: int):
        self.size = size


def too_large(source: str, size: int, limit: int, name: str) -> Rejection:
    return Rejection(
        source,
        f"too large for one news article ({in_bytes(size)}; the limit is {in_bytes(limit)}, {limit_named(name)}): "
        "split it into one article per file or use JSONL",
    )


def split_title(text: str) -> tuple[str | None, str]:
    """The first non-empty line is the title; the rest is the body (contract: txt/md inputs)."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.strip():
            title = line.strip().lstrip("#").strip() or None
            return title, "".join(lines[index + 1 :])
    return None, ""


def decoded_file(path: Path, kind: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, str] | Rejection:
    """The text of a one-article file and its encoding, or why it cannot be one article."""
    source = str(path)
    try:
        data = _read_bounded(path, limits.input_bytes)
    except _TooLarge as exc:
        return too_large(source, exc.size, limits.input_bytes, "input_bytes")
    if not data.strip():
        return Rejection(source, "empty file" if not data else "the file holds only whitespace")
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        return Rejection(source, f"not readable {kind}: {exc}")


def read_text_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article | Rejection]:
    source = str(path)
    decoded = decoded_file(path, "text", limits)
    if isinstance(decoded, Rejection):
        yield decoded
        return
    text, encoding = decoded
    if has_binary_content(text):
        yield Rejection(source, "contains control characters (NUL bytes): not a text article")
        return
    title, body = split_title(text)
    if not body.strip():
        yield Rejection(source, "no article text after the title line")
        return
    yield Article(id=None, text=body, title=title, source=source, metadata={"encoding": encoding})
