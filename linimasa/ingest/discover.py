"""Which files under the given paths are inputs: every input kind of the contract, found by name, in a
stable order; folders walked without recursion, symbolic links kept inside the folder, loops cut."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..limits import DEFAULT_LIMITS, limit_named
from ..model import Rejection

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
HTML_SUFFIXES = (".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz")
INPUT_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES + WARC_SUFFIXES


@dataclass(slots=True)
class Ignored:
    """A file inside a given folder that is not an input kind (e.g. a README); reported, not read."""

    source: str
    reason: str


def input_kind(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (
        ("jsonl", JSONL_SUFFIXES),
        ("warc", WARC_SUFFIXES),
        ("text", TEXT_SUFFIXES),
        ("html", HTML_SUFFIXES),
    ):
        if name.endswith(suffixes):
            return kind
    return None


def discover(paths: Iterable[str | Path], folder_depth: int = DEFAULT_LIMITS.folder_depth
             ) -> Iterator[Path | Rejection | Ignored]:
    """The input files under the given paths, in a stable order; folders are walked (at most
    ``folder_depth`` levels down), symlink loops cut."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield Rejection(str(path), "no such file or folder")
        elif path.is_dir():
            yield from _walk(path, folder_depth)
        elif input_kind(path) is None:
            yield Rejection(str(path), f"not an input kind linimasa reads ({', '.join(INPUT_SUFFIXES)})")
        else:
            yield path


def _walk(folder: Path, folder_depth: int) -> Iterator[Path | Rejection | Ignored]:
    """Every input under ``folder``, depth first in name order, without recursion (a tree thousands of
    levels deep is reported, not a crash). Symlink loops are cut; a symbolic link that leads outside the
    folder is not followed (a link named ``x.txt`` pointing at /etc/passwd is no news article). Folders deeper
    than ``folder_depth`` are reported, not walked: no news corpus nests that deep, and a deliberately deep
    tree must not exhaust the path length or the walk's memory."""
    seen: set[tuple[int, int]] = set()
    try:
        root = folder.resolve()
    except (OSError, RuntimeError) as exc:
        yield Rejection(str(folder), f"cannot resolve the folder: {exc}")
        return
    stack: list[tuple[Iterator[os.DirEntry], int]] = []
    problem = _enter(folder, 0, seen, stack)
    if problem is not None:
        yield problem
    while stack:
        entries, depth = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            outside = entry.is_symlink() and not _inside(path, root)
        except OSError as exc:
            yield Rejection(str(path), f"cannot read: {exc.strerror or exc}")
            continue
        if outside:
            yield Rejection(str(path), "a symbolic link that leads outside the input folder: not followed")
        elif is_dir:
            if depth + 1 > folder_depth:
                yield Rejection(str(path), f"folder nested more than {folder_depth} levels deep: not walked "
                                           f"({limit_named('folder_depth')})")
                continue
            problem = _enter(path, depth + 1, seen, stack)
            if problem is not None:
                yield problem
        elif not path.exists():
            yield Rejection(str(path), "broken symbolic link")
        elif input_kind(path) is None:
            yield Ignored(str(path), "not an input kind")
        else:
            yield path


def _enter(directory: Path, depth: int, seen: set[tuple[int, int]],
           stack: list[tuple[Iterator[os.DirEntry], int]]) -> Rejection | Ignored | None:
    """Push a folder's entries (sorted by name) on the walk's stack, or say why it is not walked."""
    try:
        stat = directory.stat()
    except OSError as exc:
        return Rejection(str(directory), f"cannot read the folder: {exc.strerror or exc}")
    key = (stat.st_dev, stat.st_ino)
    if key in seen:
        return Ignored(str(directory), "symlink loop: folder already visited")
    seen.add(key)
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        return Rejection(str(directory), f"cannot list the folder: {exc.strerror or exc}")
    stack.append((iter(entries), depth))
    return None


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        return False
