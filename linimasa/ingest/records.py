"""An article from one contract record (a JSON object: `id`, `text` or `html`, `title`, `url`, `outlet`,
`published`, `lang`; unknown keys kept as metadata), or the rejection that names the bad field."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime, timedelta, timezone
from typing import Any

from ..limits import DEFAULT_LIMITS, Limits, limit_named
from ..model import Article, Rejection
from .decode import has_binary_content, is_encodable
from .nesting import too_deep

KNOWN_FIELDS = ("id", "text", "html", "title", "url", "outlet", "published", "lang")


def article_from_json_line(raw: bytes | str, source: str, limits: Limits = DEFAULT_LIMITS) -> Article | Rejection:
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
    return article_from_record(obj, source, limits)


def _string_field(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"field '{key}' must be a string, got {type(value).__name__}")
    return str(value)


def article_from_record(obj: dict[str, Any], source: str, limits: Limits = DEFAULT_LIMITS) -> Article | Rejection:
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
    if (deep := too_deep(metadata, limits.field_depth)) is not None:
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
    if len(text) > limits.article_chars:
        return Rejection(source, f"text of {len(text):,} characters is too long for one news article (at most "
                                 f"{limits.article_chars:,}; {limit_named('article_chars')})", article_id)
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
