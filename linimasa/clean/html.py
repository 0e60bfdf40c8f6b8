"""HTML pages to article text, for the readers: trafilatura keeps the main text and drops comments."""

from __future__ import annotations

import trafilatura

# trafilatura imports lxml's HTML cleaner, which newer lxml ships separately as lxml_html_clean; import
# it here so a missing package fails loudly at the first page, not deep inside the extractor.
import lxml_html_clean  # noqa: F401


def html_to_text(html: str) -> tuple[str, dict]:
    """The main text of a page (one paragraph a line) and the metadata found: title, date, sitename, url."""
    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=False,
        include_links=False,
        include_images=False,
        favor_precision=False,
        deduplicate=False,
        with_metadata=False,
    ) or ""
    metadata = trafilatura.extract_metadata(html)
    found: dict = {}
    if metadata is not None:
        for key in ("title", "date", "sitename", "url"):
            value = getattr(metadata, key, None)
            if value:
                found[key] = value
    return text, found
