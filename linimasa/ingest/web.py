"""Web pages: an HTML file, or every HTML response of a WARC archive (`*.warc`, `*.warc.gz`), reduced to
the article's text, title, URL, outlet and date."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from ..limits import DEFAULT_LIMITS, Limits, in_bytes, limit_named
from ..model import Article, Rejection
from .decode import DecodeError, decode_bytes, has_binary_content
from .files import decoded_file
from .records import normalise_published


def read_html_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article | Rejection]:
    decoded = decoded_file(path, "HTML", limits)
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


def read_warc(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article | Rejection]:
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
                body = record.content_stream().read(limits.input_bytes + 1)  # decoded as it is read: bounded
            except (OSError, ValueError, EOFError, zlib.error) as exc:
                yield Rejection(record_source, f"the record's body cannot be read: {exc}")
                continue
            if len(body) > limits.input_bytes:
                yield Rejection(record_source, f"the response body is larger than {in_bytes(limits.input_bytes)} once "
                                               "decoded: not one news page (a compression bomb or a file download; "
                                               f"{limit_named('input_bytes')})")
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
