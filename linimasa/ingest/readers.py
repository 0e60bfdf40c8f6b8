"""Readers for every input kind of the contract: txt/md, jsonl(.gz), html/htm, warc(.gz).

Each reader streams: it yields one :class:`Article` per article it could read and one :class:`Rejection`
per input it could not, naming the input (file, line or record) and the reason. A reader never raises on
bad input and never holds a whole corpus in memory.
"""

from __future__ import annotations

import gzip
import json
import os
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..model import Article, Rejection
from .decode import DecodeError, decode_bytes, has_binary_content, is_encodable
from .nesting import too_deep

# Longer than any news article by two orders of magnitude; a file this big is something else.
MAX_ARTICLE_CHARS = 2_000_000
MAX_FILE_BYTES = 8 * MAX_ARTICLE_CHARS

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
HTML_SUFFIXES = (".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz")
INPUT_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES + WARC_SUFFIXES

KNOWN_FIELDS = ("id", "text", "html", "title", "url", "outlet", "published", "lang")


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


def discover(paths: Iterable[str | Path]) -> Iterator[Path | Rejection | Ignored]:
    """The input files under the given paths, in a stable order; folders are walked, symlink loops cut."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield Rejection(str(path), "no such file or folder")
        elif path.is_dir():
            yield from _walk(path)
        elif input_kind(path) is None:
            yield Rejection(str(path), f"not an input kind linimasa reads ({', '.join(INPUT_SUFFIXES)})")
        else:
            yield path


# Deeper folder trees are not walked (reported): no news corpus nests this deep, and a deliberately deep tree
# must not exhaust the path length or the walk's memory.
MAX_FOLDER_DEPTH = 100


def _walk(folder: Path) -> Iterator[Path | Rejection | Ignored]:
    """Every input under ``folder``, depth first in name order, without recursion (a tree thousands of
    levels deep is reported, not a crash). Symlink loops are cut; a symbolic link that leads outside the
    folder is not followed (a link named ``x.txt`` pointing at /etc/passwd is no news article)."""
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
            if depth + 1 > MAX_FOLDER_DEPTH:
                yield Rejection(str(path), f"folder nested more than {MAX_FOLDER_DEPTH} levels deep: not walked")
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


def read_path(path: Path) -> Iterator[Article | Rejection]:
    kind = input_kind(path)
    if not path.is_file():
        yield Rejection(str(path), "not a regular file (a pipe, device or folder named like an input)")
        return
    try:
        if kind == "jsonl":
            yield from read_jsonl(path)
        elif kind == "warc":
            yield from read_warc(path)
        elif kind == "html":
            yield from read_html_file(path)
        else:
            yield from read_text_file(path)
    except PermissionError as exc:
        yield Rejection(str(path), f"permission denied: {exc.strerror or exc}")
    except OSError as exc:
        yield Rejection(str(path), f"cannot read: {exc.strerror or exc}")


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Article | Rejection | Ignored]:
    for item in discover(paths):
        if isinstance(item, Path):
            yield from read_path(item)
        else:
            yield item


# -- text ---------------------------------------------------------------------------------------------


def _read_bounded(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _TooLarge(size)
    return path.read_bytes()


class _TooLarge(Exception):
    def __init__(self, size: int):
        self.size = size


def _too_large(source: str, size: int) -> Rejection:
    return Rejection(
        source,
        f"too large for one news article ({size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB): "
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


def _decoded_file(path: Path, kind: str) -> tuple[str, str] | Rejection:
    """The text of a one-article file and its encoding, or why it cannot be one article."""
    source = str(path)
    try:
        data = _read_bounded(path)
    except _TooLarge as exc:
        return _too_large(source, exc.size)
    if not data.strip():
        return Rejection(source, "empty file" if not data else "the file holds only whitespace")
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        return Rejection(source, f"not readable {kind}: {exc}")


def read_text_file(path: Path) -> Iterator[Article | Rejection]:
    source = str(path)
    decoded = _decoded_file(path, "text")
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


# -- JSONL --------------------------------------------------------------------------------------------


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
            yield _too_large(source, raw.size)
            continue
        if line_no == 1 and raw.startswith(UTF8_BOM):
            raw = raw[len(UTF8_BOM):]  # editors on Windows write one; it is not part of the first article
        if not raw.strip():
            continue
        yield article_from_json_line(raw, source)
    if line_no == 0:
        yield Rejection(str(path), "empty file: no JSON lines")


def article_from_json_line(raw: bytes | str, source: str) -> Article | Rejection:
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        return Rejection(source, f"the line is not UTF-8 as JSON requires ({exc.reason} at byte {exc.start})")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return Rejection(source, f"not valid JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return Rejection(source, "the JSON is nested too deeply to be an article")
    if not isinstance(obj, dict):
        return Rejection(source, f"a JSON line must be an object, this one is a {type(obj).__name__}")
    # Only \\u escapes can smuggle lone surrogates into a line that decoded as UTF-8.
    if "\\u" in text and not is_encodable(json.dumps(obj, ensure_ascii=False)):
        return Rejection(source, "the line holds invalid Unicode (a lone surrogate escape such as \\ud800)")
    return article_from_record(obj, source)


def _string_field(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"field '{key}' must be a string, got {type(value).__name__}")
    return str(value)


def article_from_record(obj: dict[str, Any], source: str) -> Article | Rejection:
    """An article from a contract JSON object; bad fields give a rejection naming the field."""
    try:
        fields = {key: _string_field(obj, key) for key in KNOWN_FIELDS}
    except ValueError as exc:
        return Rejection(source, str(exc))
    article_id = fields["id"].strip() if fields["id"] else None
    if fields["id"] is not None and not article_id:
        return Rejection(source, "field 'id' is empty")
    if article_id and any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") for ch in article_id):
        # An id is shown in summaries and addressed in URLs: a newline or an invisible character in it would
        # forge lines or make its page unreachable.
        return Rejection(source, f"field 'id' holds control or invisible characters ({article_id!r}): an id must be "
                                 "printable text")
    text, html = fields["text"], fields["html"]
    metadata = {k: v for k, v in obj.items() if k not in KNOWN_FIELDS}
    if (deep := too_deep(metadata)) is not None:
        return Rejection(source, deep, article_id)
    if not (text and text.strip()) and not (html and html.strip()):
        return Rejection(source, "no article text: one of 'text' or 'html' is required and must not be empty", article_id)
    if html and not (text and text.strip()):
        from ..clean.html import html_to_text

        try:
            text, found = html_to_text(html)
        except Exception as exc:  # the HTML parser's failures are many and undocumented
            return Rejection(source, f"the HTML could not be parsed: {exc}", article_id)
        if not text.strip():
            return Rejection(source, "the HTML holds no article text (only scripts, navigation or markup)", article_id)
        fields["title"] = fields["title"] or found.get("title")
    if len(text) > MAX_ARTICLE_CHARS:
        return Rejection(source, f"text of {len(text):,} characters is too long for one news article", article_id)
    if has_binary_content(text):
        return Rejection(source, "the text contains control characters (NUL bytes): not a text article", article_id)
    published, problem = normalise_published(fields["published"])
    if problem:
        metadata["published_rejected"] = {"value": fields["published"], "reason": problem}
    return Article(
        id=article_id,
        text=text,
        title=(fields["title"] or "").strip() or None,
        url=fields["url"],
        outlet=fields["outlet"],
        published=published,
        lang=(fields["lang"] or "").strip().lower() or None,
        metadata=metadata,
        source=source,
        html=html,
    )


def normalise_published(value: str | None) -> tuple[str | None, str | None]:
    """An ISO 8601 date or datetime as given, or None with the reason it was not usable."""
    if value is None or not value.strip():
        return None, None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(value), datetime.min.time())
        except ValueError:
            return None, f"'{value}' is not an ISO 8601 date or datetime"
    now = datetime.now(timezone.utc)
    aware = parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    if aware > now + timedelta(days=2):
        return None, f"'{value}' is in the future"
    if parsed.year < 1900:
        return None, f"'{value}' is before 1900"
    return value, None


# -- HTML ---------------------------------------------------------------------------------------------


def read_html_file(path: Path) -> Iterator[Article | Rejection]:
    decoded = _decoded_file(path, "HTML")
    if isinstance(decoded, Rejection):
        yield decoded
        return
    yield article_from_html(decoded[0], str(path), url=None, published=None)


def article_from_html(html: str, source: str, url: str | None, published: str | None) -> Article | Rejection:
    from ..clean.html import html_to_text

    try:
        text, found = html_to_text(html)
    except Exception as exc:  # the HTML parser's failures are many and undocumented
        return Rejection(source, f"the HTML could not be parsed: {exc}")
    if not text.strip():
        depth = html_nesting_depth(html)
        if depth > LIBXML_MAX_DEPTH:
            return Rejection(
                source, f"the HTML is nested {depth} elements deep, beyond the parser's limit of {LIBXML_MAX_DEPTH}"
            )
        return Rejection(source, "the page holds no article text (only scripts, navigation or markup)")
    if has_binary_content(text):
        return Rejection(source, "the page text contains control characters (NUL bytes)")
    given = published or found.get("date")
    published, problem = normalise_published(given)
    metadata = {"published_rejected": {"value": given, "reason": problem}} if problem else {}
    return Article(
        id=None,
        text=text,
        title=found.get("title"),
        url=url or found.get("url"),
        outlet=found.get("sitename"),
        published=published,
        metadata=metadata,
        source=source,
        html=html,
    )


# libxml2 (under lxml and trafilatura) stops building the tree below this depth.
LIBXML_MAX_DEPTH = 255
_VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


class _DepthCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.max_depth = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag not in _VOID_ELEMENTS:
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)

    def handle_endtag(self, tag) -> None:
        self.depth = max(0, self.depth - 1)


def html_nesting_depth(html: str) -> int:
    """How deep the page's elements nest, to explain an extraction that came back empty."""
    counter = _DepthCounter()
    counter.feed(html)
    return counter.max_depth


# -- WARC ---------------------------------------------------------------------------------------------


def read_warc(path: Path) -> Iterator[Article | Rejection]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    records_read = 0
    html_responses = 0
    with open(path, "rb") as handle:
        records = iter(ArchiveIterator(handle))
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except (ArchiveLoadFailed, ValueError, EOFError, zlib.error, OSError, AttributeError, KeyError) as exc:
                # warcio reports malformed headers with whatever error its parser hits first
                yield Rejection(
                    f"{source}#record-{records_read + 1}", f"broken WARC record, the rest of the file is skipped: {exc}"
                )
                return
            records_read += 1
            if record.rec_type != "response":
                continue
            content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in content_type.lower():
                continue
            html_responses += 1
            record_source = f"{source}#record-{records_read}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            warc_date = record.rec_headers.get_header("WARC-Date")
            try:
                body = record.content_stream().read(MAX_FILE_BYTES + 1)  # decoded as it is read: bounded
            except (OSError, ValueError, EOFError, zlib.error) as exc:
                yield Rejection(record_source, f"the record's body cannot be read: {exc}")
                continue
            if len(body) > MAX_FILE_BYTES:
                yield Rejection(record_source, f"the response body is larger than {MAX_FILE_BYTES / 1e6:.0f} MB once "
                                               "decoded: not one news page (a compression bomb or a file download)")
                continue
            try:
                html, _ = decode_bytes(body)
            except DecodeError as exc:
                yield Rejection(record_source, f"the response body is not readable HTML: {exc}")
                continue
            yield article_from_html(html, record_source, url=url, published=warc_date)
    if records_read == 0:
        yield Rejection(source, "no WARC records in the file")
    elif html_responses == 0:
        yield Rejection(source, f"none of its {records_read} WARC records is an HTML response")
