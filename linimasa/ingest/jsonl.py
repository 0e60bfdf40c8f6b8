"""JSONL inputs (`*.jsonl`, `*.jsonl.gz`), one contract record a line, streamed: a line too long for an
article is skipped without being held whole, and a gzip stream that expands like a decompression bomb
ends the file."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..limits import DEFAULT_LIMITS, Limits, in_bytes, limit_named
from ..model import Article, Rejection
from .files import too_large
from .records import article_from_json_line

_PIECE = 1024 * 1024


@dataclass(slots=True)
class _Oversized:
    """A line longer than the limit: skipped in bounded pieces, never held whole."""

    size: int


@dataclass(slots=True)
class _Bomb:
    expanded: int
    compressed: int


def _open_lines(path: Path, limits: Limits) -> Iterator[bytes | _Oversized | _Bomb]:
    """The lines of a (gzipped) JSONL file, each at most ``limits.line_bytes`` long: a longer line is reported
    by its size and skipped without being loaded; a gzip stream that expands more than
    ``limits.gzip_expansion`` times, once it has given ``limits.gzip_check_bytes``, is a decompression bomb
    and ends (text compresses five- to tenfold, a file of zeros a thousandfold)."""
    with open(path, "rb") as raw:
        handle = gzip.GzipFile(fileobj=raw, mode="rb") if path.name.lower().endswith(".gz") else raw
        expanded = 0

        def bomb() -> _Bomb | None:
            if handle is raw or expanded < limits.gzip_check_bytes:
                return None
            compressed = max(raw.tell(), 1)
            return _Bomb(expanded, compressed) if expanded / compressed > limits.gzip_expansion else None

        while True:
            line = handle.readline(limits.line_bytes + 1)
            if not line:
                return
            expanded += len(line)
            if len(line) > limits.line_bytes and not line.endswith(b"\n"):
                size = len(line)
                while True:  # the rest of the line, in bounded pieces
                    piece = handle.readline(_PIECE)
                    size += len(piece)
                    expanded += len(piece)
                    if (found := bomb()) is not None:
                        yield found
                        return
                    if not piece or piece.endswith(b"\n"):
                        break
                yield _Oversized(size)
                continue
            if (found := bomb()) is not None:
                yield found
                return
            yield line


UTF8_BOM = b"\xef\xbb\xbf"


def read_jsonl(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article | Rejection]:
    line_no = 0
    lines = _open_lines(path, limits)
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            break
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            where = f"after line {line_no}; the lines before it were read" if line_no else "at its start"
            yield Rejection(f"{path}:{line_no + 1}", f"the gzip stream is broken {where} ({exc})")
            return
        line_no += 1
        source = f"{path}:{line_no}"
        if isinstance(raw, _Bomb):
            yield Rejection(source, f"the gzip stream expands more than {limits.gzip_expansion:g} times "
                                    f"({in_bytes(raw.expanded)} from {in_bytes(raw.compressed)}): a decompression bomb, "
                                    f"the rest of the file is not read ({limit_named('gzip_expansion')})")
            return
        if isinstance(raw, _Oversized):
            yield too_large(source, raw.size, limits.line_bytes, "line_bytes")
            continue
        if line_no == 1 and raw.startswith(UTF8_BOM):
            raw = raw[len(UTF8_BOM):]  # editors on Windows write one; it is not part of the first article
        if not raw.strip():
            continue
        yield article_from_json_line(raw, source, limits)
    if line_no == 0:
        yield Rejection(str(path), "empty file: no JSON lines")
