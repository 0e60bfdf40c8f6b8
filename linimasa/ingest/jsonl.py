"""JSONL inputs (`*.jsonl`, `*.jsonl.gz`), one contract record a line, streamed: a line too long for an
article is skipped without being held whole, and a gzip stream that expands like a decompression bomb
ends the file."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, Rejection
from .files import too_large
from .records import MAX_FILE_BYTES, article_from_json_line

# A gzip input that expands more than this many times, once it has given this much, is a decompression bomb:
# text compresses five- to tenfold, a file of zeros a thousandfold.
MAX_EXPANSION = 200
BOMB_CHECK_AFTER = 64 * 1024 * 1024
_PIECE = 1024 * 1024


@dataclass(slots=True)
class _Oversized:
    """A line longer than MAX_FILE_BYTES: skipped in bounded pieces, never held whole."""

    size: int


@dataclass(slots=True)
class _Bomb:
    expanded: int
    compressed: int


def _open_lines(path: Path) -> Iterator[bytes | _Oversized | _Bomb]:
    """The lines of a (gzipped) JSONL file, each at most MAX_FILE_BYTES long: a longer line is reported by
    its size and skipped without being loaded; a gzip stream that expands like a decompression bomb ends."""
    with open(path, "rb") as raw:
        handle = gzip.GzipFile(fileobj=raw, mode="rb") if path.name.lower().endswith(".gz") else raw
        expanded = 0

        def bomb() -> _Bomb | None:
            if handle is raw or expanded < BOMB_CHECK_AFTER:
                return None
            compressed = max(raw.tell(), 1)
            return _Bomb(expanded, compressed) if expanded / compressed > MAX_EXPANSION else None

        while True:
            line = handle.readline(MAX_FILE_BYTES + 1)
            if not line:
                return
            expanded += len(line)
            if len(line) > MAX_FILE_BYTES and not line.endswith(b"\n"):
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


def read_jsonl(path: Path) -> Iterator[Article | Rejection]:
    line_no = 0
    lines = _open_lines(path)
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
            yield Rejection(source, f"the gzip stream expands more than {MAX_EXPANSION} times ({raw.expanded / 1e6:,.0f} MB "
                                    f"from {raw.compressed / 1e6:,.1f} MB): a decompression bomb, the rest of the file "
                                    "is not read")
            return
        if isinstance(raw, _Oversized):
            yield too_large(source, raw.size)
            continue
        if line_no == 1 and raw.startswith(UTF8_BOM):
            raw = raw[len(UTF8_BOM):]  # editors on Windows write one; it is not part of the first article
        if not raw.strip():
            continue
        yield article_from_json_line(raw, source)
    if line_no == 0:
        yield Rejection(str(path), "empty file: no JSON lines")
