"""Incremental ingest from the web: `linimasa feeds FILE` polls RSS/Atom feeds and fetches their articles.

FILE lists feed URLs, one a line (blank lines and ``#`` comments ignored). Each poll asks every feed for
what changed (ETag / Last-Modified, so an unchanged feed costs one short request), fetches the page of each
entry not seen before, writes the fetched pages as contract JSONL into the spool folder (one file a poll,
kept: the exact input of every run, which can be run again), and runs that file like any other input. An
entry is remembered as seen only once its article is stored, so a page that failed to download is tried
again at the next poll. A feed that cannot be reached (no network, server down) is reported and skipped;
the others go on.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx

from . import __version__
from .engine.local import LocalRunner, RunSummary
from .store import Store

STATE_PREFIX = "feeds:"
USER_AGENT = f"linimasa/{__version__} (news feed reader)"
TIMEOUT_SECONDS = 20.0
# Entry ids remembered per feed: far more than any feed lists at once, so the list stays bounded.
SEEN_PER_FEED = 5000


def read_feed_list(path: str | Path) -> list[str]:
    """The feed URLs in a feed list file, in order, without repeats."""
    urls: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and line not in urls:
            urls.append(line)
    return urls


@dataclass
class PollReport:
    feeds: int = 0
    unchanged: int = 0
    entries_new: int = 0
    fetched: int = 0
    spool_file: Path | None = None
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    summary: RunSummary | None = None


@dataclass
class _FeedState:
    etag: str | None = None
    modified: str | None = None
    seen: list[str] = field(default_factory=list)


class FeedPoller:
    """Polls feeds into ``store`` through runners built by ``make_runner``; pages go to ``spool``."""

    def __init__(self, store: Store, make_runner: Callable[[Store], LocalRunner], spool: str | Path,
                 client: httpx.Client | None = None):
        self.store = store
        self.make_runner = make_runner
        self.spool = Path(spool)
        self.client = client or httpx.Client(
            headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT_SECONDS, follow_redirects=True
        )

    def poll(self, feed_urls: Iterable[str]) -> PollReport:
        """One pass over the feeds: fetch what is new, store it, link."""
        report = PollReport()
        rows: list[dict] = []
        taken: dict[str, list[str]] = {}  # feed url -> entry keys whose article is in this poll's rows
        states: dict[str, _FeedState] = {}
        for feed_url in feed_urls:
            report.feeds += 1
            state = self._load_state(feed_url)
            states[feed_url] = state
            entries = self._fetch_feed(feed_url, state, report)
            if entries is None:
                continue
            feed_title, items, validators = entries
            seen = set(state.seen)
            complete = True
            for entry in items:
                key = entry.get("id") or entry.get("link")
                if not key or key in seen:
                    continue
                report.entries_new += 1
                row = self._fetch_article(feed_url, feed_title, entry, report)
                if row is None:
                    complete = False
                    continue
                rows.append(row)
                taken.setdefault(feed_url, []).append(key)
                seen.add(key)
            if complete:  # else the next poll must get the whole feed again, to retry what failed
                state.etag, state.modified = validators
        if rows:
            report.spool_file = self._write_spool(rows)
            report.fetched = len(rows)
            report.summary = self.make_runner(self.store).run([str(report.spool_file)], command="feeds")
        for feed_url, state in states.items():
            state.seen = (state.seen + taken.get(feed_url, []))[-SEEN_PER_FEED:]
            self.store.set_state(STATE_PREFIX + feed_url, state.__dict__)
        return report

    # -- the network ----------------------------------------------------------------------------------

    def _fetch_feed(self, feed_url: str, state: _FeedState, report: PollReport):
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.modified:
            headers["If-Modified-Since"] = state.modified
        try:
            response = self.client.get(feed_url, headers=headers)
        except httpx.HTTPError as exc:
            report.failures.append((feed_url, f"feed unreachable: {exc}"))
            return None
        if response.status_code == 304:
            report.unchanged += 1
            return None
        if response.status_code >= 400:
            report.failures.append((feed_url, f"feed answered HTTP {response.status_code}"))
            return None
        parsed = feedparser.parse(response.content)
        if parsed.bozo and not parsed.entries:
            report.failures.append((feed_url, f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}"))
            return None
        title = parsed.feed.get("title") or urlsplit(feed_url).hostname
        return title, parsed.entries, (response.headers.get("ETag"), response.headers.get("Last-Modified"))

    def _fetch_article(self, feed_url: str, feed_title: str, entry, report: PollReport) -> dict | None:
        """The contract JSONL row of one entry's article, or None (reported) when its page cannot be had."""
        link = entry.get("link")
        html = None
        if link:
            try:
                response = self.client.get(link)
                if response.status_code < 400:
                    html = response.text
                else:
                    report.failures.append((link, f"article page answered HTTP {response.status_code}"))
            except httpx.HTTPError as exc:
                report.failures.append((link, f"article page unreachable: {exc}"))
        if html is None:
            return None
        row = {
            "id": link,
            "html": html,
            "url": link,
            "title": entry.get("title"),
            "outlet": feed_title,
            "feed": feed_url,
        }
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        if published:
            row["published"] = datetime.fromtimestamp(calendar.timegm(published), timezone.utc).isoformat()
        return {k: v for k, v in row.items() if v is not None}

    # -- state and spool ------------------------------------------------------------------------------

    def _load_state(self, feed_url: str) -> _FeedState:
        stored = self.store.get_state(STATE_PREFIX + feed_url) or {}
        return _FeedState(**stored)

    def _write_spool(self, rows: list[dict]) -> Path:
        self.spool.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        path = self.spool / f"feeds-{stamp}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return path
