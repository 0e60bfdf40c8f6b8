"""Readers for every input kind of the contract: txt/md, jsonl(.gz), html/htm, warc(.gz).

Each reader streams: it yields one :class:`Article` per article it could read and one :class:`Rejection`
per input it could not, naming the input (file, line or record) and the reason. A reader never raises on
bad input and never holds a whole corpus in memory. Which files are inputs: :mod:`.discover`; one-article
files: :mod:`.files`; JSONL: :mod:`.jsonl`; HTML and WARC: :mod:`.web`; a contract record: :mod:`.records`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..limits import DEFAULT_LIMITS, Limits
from ..model import Article, Rejection
from .discover import Ignored, discover, input_kind
from .files import read_text_file
from .jsonl import read_jsonl
from .web import read_html_file, read_warc


def read_path(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article | Rejection]:
    kind = input_kind(path)
    if not path.is_file():
        yield Rejection(str(path), "not a regular file (a pipe, device or folder named like an input)")
        return
    try:
        if kind == "jsonl":
            yield from read_jsonl(path, limits)
        elif kind == "warc":
            yield from read_warc(path, limits)
        elif kind == "html":
            yield from read_html_file(path, limits)
        else:
            yield from read_text_file(path, limits)
    except PermissionError as exc:
        yield Rejection(str(path), f"permission denied: {exc.strerror or exc}")
    except OSError as exc:
        yield Rejection(str(path), f"cannot read: {exc.strerror or exc}")


def read_inputs(paths: Iterable[str | Path], limits: Limits = DEFAULT_LIMITS
                ) -> Iterator[Article | Rejection | Ignored]:
    """Every article and rejection of the given paths, in order, each input read within ``limits``."""
    for item in discover(paths, limits.folder_depth):
        if isinstance(item, Path):
            yield from read_path(item, limits)
        else:
            yield item
