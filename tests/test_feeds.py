"""`linimasa feeds`: a feed and its article pages served on 127.0.0.1 are polled into the store; each page
is fetched once, an unchanged feed costs one conditional request, and failures are reported and retried."""

from __future__ import annotations

import json
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from linimasa.config import Settings
from linimasa.engine.local import LocalRunner
from linimasa.feeds import FeedPoller, read_feed_list
from linimasa.store import open_store

STORE_ONLY = Settings(prepare=(), extract=(), corpus=(), workers=1)

PAGES = {
    "/berita/1": ("Pemerintah membuka pendaftaran beasiswa",
                  "Kementerian Pendidikan membuka pendaftaran beasiswa untuk mahasiswa dari daerah terpencil. "
                  "Pendaftaran ditutup pada akhir bulan depan."),
    "/berita/2": ("Hujan deras rendam permukiman",
                  "Hujan deras sejak sore merendam ratusan rumah di tepi sungai. Warga mengungsi ke balai desa."),
    "/berita/3": ("Harga cabai turun di pasar induk",
                  "Harga cabai rawit turun tajam pekan ini karena panen raya di sejumlah sentra produksi."),
}


class NewsSite:
    """A tiny news site on 127.0.0.1: an RSS feed of the items in ``listed``, and their pages."""

    def __init__(self):
        self.listed = ["/berita/1", "/berita/2"]
        self.broken: set[str] = set()
        self.hits: Counter = Counter()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                site.hits[self.path] += 1
                if self.path == "/rss.xml":
                    body, etag = site.feed()
                    if self.headers.get("If-None-Match") == etag:
                        self.send_response(304)
                        self.end_headers()
                        return
                    self.respond(200, body, "application/rss+xml", etag)
                elif self.path in PAGES and self.path not in site.broken:
                    title, text = PAGES[self.path]
                    html = (f"<html><head><title>{title}</title></head><body><nav>Beranda | Daerah</nav>"
                            f"<article><h1>{title}</h1><p>{text}</p></article></body></html>")
                    self.respond(200, html, "text/html; charset=utf-8")
                else:
                    self.respond(404, "tidak ada", "text/plain")

            def respond(self, status: int, body: str, kind: str, etag: str | None = None) -> None:
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                if etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def feed(self) -> tuple[str, str]:
        items = "".join(
            f"<item><title>{PAGES[p][0]}</title><link>{self.base}{p}</link><guid>{self.base}{p}</guid>"
            f"<pubDate>Tue, 0{i + 1} Oct 2024 08:00:00 +0700</pubDate></item>"
            for i, p in enumerate(self.listed)
        )
        body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Contoh</title>'
                f"<link>{self.base}/</link>{items}</channel></rss>")
        return body, f'"{len(self.listed)}-{len(self.broken)}"'


@pytest.fixture
def site():
    news = NewsSite()
    yield news
    news.server.shutdown()


def poller(tmp_path: Path) -> FeedPoller:
    return FeedPoller(open_store(str(tmp_path / "l.db")), lambda store: LocalRunner(store, STORE_ONLY),
                      tmp_path / "spool")


def test_new_entries_are_fetched_once_and_stored_with_their_feed_metadata(site: NewsSite, tmp_path: Path):
    feeds = poller(tmp_path)
    first = feeds.poll([f"{site.base}/rss.xml"])
    assert (first.entries_new, first.fetched, first.failures) == (2, 2, [])
    rows = {r["url"]: r for r in feeds.store.iter_articles()}
    assert set(rows) == {f"{site.base}/berita/1", f"{site.base}/berita/2"}
    one = rows[f"{site.base}/berita/1"]
    assert one["title"] == "Pemerintah membuka pendaftaran beasiswa"
    assert one["outlet"] == "Kabar Contoh"
    assert one["published"] == "2024-10-01T01:00:00+00:00"
    assert "daerah terpencil" in one["text_raw"]
    assert json.loads(first.spool_file.read_text().splitlines()[0])["url"] == f"{site.base}/berita/1"

    unchanged = feeds.poll([f"{site.base}/rss.xml"])
    assert (unchanged.unchanged, unchanged.fetched, unchanged.summary) == (1, 0, None)

    site.listed.insert(0, "/berita/3")
    third = feeds.poll([f"{site.base}/rss.xml"])
    assert third.fetched == 1
    assert site.hits["/berita/1"] == site.hits["/berita/2"] == site.hits["/berita/3"] == 1
    assert feeds.store.count_articles() == {"processed": 3}


def test_an_unreachable_feed_and_a_broken_page_are_reported_and_the_page_retried(site: NewsSite, tmp_path: Path):
    feeds = poller(tmp_path)
    site.broken.add("/berita/2")
    report = feeds.poll(["http://127.0.0.1:9/rss.xml", f"{site.base}/rss.xml"])
    reasons = dict(report.failures)
    assert "feed unreachable" in reasons["http://127.0.0.1:9/rss.xml"]
    assert reasons[f"{site.base}/berita/2"] == "article page answered HTTP 404"
    assert report.fetched == 1

    site.broken.clear()
    retry = feeds.poll([f"{site.base}/rss.xml"])
    assert retry.fetched == 1 and retry.failures == []
    assert feeds.store.count_articles() == {"processed": 2}


def test_feed_list_skips_comments_blanks_and_repeats(tmp_path: Path):
    listing = tmp_path / "feeds.txt"
    listing.write_text("# nasional\nhttps://a.test/rss\n\n  https://b.test/atom#top \nhttps://a.test/rss\n")
    assert read_feed_list(listing) == ["https://a.test/rss", "https://b.test/atom#top"]


def test_feeds_once_with_only_unreachable_feeds_fails_and_names_them(tmp_path: Path):
    from click.testing import CliRunner

    from linimasa.cli import cli

    listing = tmp_path / "feeds.txt"
    listing.write_text("http://127.0.0.1:9/rss.xml\n")
    result = CliRunner().invoke(cli, ["feeds", "--once", str(listing), "--db", str(tmp_path / "l.db"),
                                      "--spool", str(tmp_path / "spool")])
    assert result.exit_code == 1
    assert "1 feeds (0 unchanged): 0 new entries, 0 fetched" in result.output
