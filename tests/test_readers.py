"""The readers turn every input kind of the contract into articles, and bad input into named rejections."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from linimasa.ingest import read_inputs
from linimasa.ingest.discover import Ignored
from linimasa.ingest.records import normalise_published
from linimasa.limits import DEFAULT_LIMITS
from linimasa.model import Article, Rejection

BODY = (
    "JAKARTA - Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri Australia di Jakarta "
    "pada Senin (5/2/2018). Keduanya membahas kerja sama maritim dan perdagangan.\n\n"
    "Pertemuan berlangsung selama dua jam di Gedung Pancasila."
)


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def rejections(items):
    return [i for i in items if isinstance(i, Rejection)]


def test_text_file_first_line_is_title(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("\n\nRetno Bertemu Menlu Australia\n" + BODY, encoding="utf-8")
    [article] = list(read_inputs([path]))
    assert article.title == "Retno Bertemu Menlu Australia"
    assert article.text.startswith("JAKARTA - Menteri Luar Negeri")
    assert article.id is None  # derived from content later
    assert article.source == str(path)


def test_markdown_heading_marker_is_not_part_of_the_title(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("# Judul Berita\n" + BODY, encoding="utf-8")
    [article] = list(read_inputs([path]))
    assert article.title == "Judul Berita"


def test_latin1_text_is_decoded_not_mangled(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes(("Café di Jenewa\n" + BODY.replace("Gedung", "Gedung Pancasila, café")).encode("cp1252"))
    [article] = list(read_inputs([path]))
    assert article.title == "Café di Jenewa"
    assert "\ufffd" not in article.text


def test_utf16_with_bom_is_read(tmp_path: Path):
    path = tmp_path / "u16.txt"
    path.write_bytes(("Judul\n" + BODY).encode("utf-16"))
    [article] = list(read_inputs([path]))
    assert article.title == "Judul"
    assert "Retno Marsudi" in article.text


def test_binary_and_empty_files_are_rejected_by_name(tmp_path: Path):
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    reasons = {Path(r.source).name: r.reason for r in rejections(items)}
    assert set(reasons) == {"binary.txt", "empty.txt", "blank.txt"}
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "whitespace" in reasons["blank.txt"]


def test_folder_walk_ignores_other_kinds_and_reads_inputs_in_order(tmp_path: Path):
    (tmp_path / "b.txt").write_text("B\n" + BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_text("A\n" + BODY, encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    assert [a.title for a in articles(items)] == ["A", "B"]
    assert [Path(i.source).name for i in items if isinstance(i, Ignored)] == ["notes.json"]


def test_symlink_loop_does_not_hang(tmp_path: Path):
    (tmp_path / "a.txt").write_text("A\n" + BODY, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    items = list(read_inputs([tmp_path]))
    assert [a.title for a in articles(items)] == ["A"]


def jsonl_lines(*objects) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objects)


def test_jsonl_fields_and_unknown_keys_are_kept(tmp_path: Path):
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl_lines({
        "id": "x1", "title": "T", "text": BODY, "outlet": "Antara", "url": "https://example.id/1",
        "published": "2018-02-05T10:00:00+07:00", "lang": "ID", "category": "dunia",
    }), encoding="utf-8")
    [article] = list(read_inputs([path]))
    assert (article.id, article.outlet, article.lang) == ("x1", "Antara", "id")
    assert article.published == "2018-02-05T10:00:00+07:00"
    assert article.metadata == {"category": "dunia"}
    assert article.source == f"{path}:1"


def test_jsonl_bad_lines_between_good_ones_are_rejected_by_line(tmp_path: Path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(jsonl_lines(
        {"id": "1", "text": BODY},
        "{not json",
        [1, 2],
        {"id": "3"},
        {"id": "4", "text": ["not", "a", "string"]},
        {"id": "5", "text": BODY},
    ), encoding="utf-8")
    items = list(read_inputs([path]))
    assert [a.id for a in articles(items)] == ["1", "5"]
    by_line = {r.source.rsplit(":", 1)[1]: r.reason for r in rejections(items)}
    assert set(by_line) == {"2", "3", "4", "5"}
    assert "not valid JSON" in by_line["2"]
    assert "object" in by_line["3"]
    assert "text" in by_line["4"] and "html" in by_line["4"]
    assert "'text' must be a string" in by_line["5"]


def test_invalid_and_future_published_dates_are_dropped_with_the_reason(tmp_path: Path):
    path = tmp_path / "dates.jsonl"
    path.write_text(jsonl_lines(
        {"id": "a", "text": BODY, "published": "kemarin sore"},
        {"id": "b", "text": BODY, "published": "2999-01-01"},
        {"id": "c", "text": BODY, "published": "2018-02-05"},
    ), encoding="utf-8")
    a, b, c = articles(read_inputs([path]))
    assert a.published is None and "not an ISO 8601" in a.metadata["published_rejected"]["reason"]
    assert b.published is None and "future" in b.metadata["published_rejected"]["reason"]
    assert c.published == "2018-02-05"


def test_gzip_jsonl_and_truncated_gzip(tmp_path: Path):
    good = tmp_path / "good.jsonl.gz"
    payload = jsonl_lines(*({"id": str(i), "text": BODY + f" Nomor {i}."} for i in range(200))).encode()
    good.write_bytes(gzip.compress(payload))
    assert len(articles(read_inputs([good]))) == 200
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(gzip.compress(payload)[: len(gzip.compress(payload)) // 2])
    items = list(read_inputs([broken]))
    assert 0 < len(articles(items)) < 200
    [rejection] = rejections(items)
    assert "gzip" in rejection.reason


def test_html_page_becomes_text_without_scripts(tmp_path: Path):
    path = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{BODY} Paragraf {i}.</p>" for i in range(3))
    path.write_text(
        "<html><head><title>Retno Terima Menlu Australia</title><script>var x = 'iklan';</script></head>"
        f"<body><nav>Beranda | Nasional</nav><article><h1>Retno Terima Menlu Australia</h1>{paragraphs}</article>"
        "</body></html>",
        encoding="utf-8",
    )
    [article] = list(read_inputs([path]))
    assert "Retno Marsudi" in article.text
    assert "iklan" not in article.text
    assert article.title == "Retno Terima Menlu Australia"


def test_html_with_only_scripts_is_rejected(tmp_path: Path):
    path = tmp_path / "scripts.html"
    path.write_text("<html><head><script>alert(1)</script></head><body><script>x()</script></body></html>")
    [rejection] = list(read_inputs([path]))
    assert isinstance(rejection, Rejection) and "no article text" in rejection.reason


def _warc_bytes(records: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for url, html in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


def test_warc_responses_become_articles_with_url_and_date(tmp_path: Path):
    page = f"<html><body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc_bytes([("https://example.id/berita/1", page), ("https://example.id/berita/2", page)]))
    found = articles(read_inputs([path]))
    assert [a.url for a in found] == ["https://example.id/berita/1", "https://example.id/berita/2"]
    assert all(a.published and a.published[:4].isdigit() for a in found)


def test_malformed_warc_is_rejected_after_the_good_records(tmp_path: Path):
    page = f"<html><body><article><p>{BODY}</p></article></body></html>"
    data = _warc_bytes([("https://example.id/1", page)])
    path = tmp_path / "broken.warc"
    path.write_bytes(data + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ngarbage")
    items = list(read_inputs([path]))
    assert len(articles(items)) == 1
    assert rejections(items) and "WARC" in rejections(items)[0].reason


def test_missing_path_is_a_rejection(tmp_path: Path):
    [rejection] = list(read_inputs([tmp_path / "nope.txt"]))
    assert rejection.reason == "no such file or folder"


def test_normalise_published_accepts_dates_and_datetimes():
    assert normalise_published("2015-05-13") == ("2015-05-13", None)
    assert normalise_published("2015-05-13T08:00:00Z") == ("2015-05-13T08:00:00Z", None)
    assert normalise_published(None) == (None, None)
    assert normalise_published("13/05/2015")[0] is None


def test_a_jsonl_file_that_starts_with_a_byte_order_mark_keeps_its_first_article(tmp_path):
    from linimasa.ingest.jsonl import read_jsonl

    path = tmp_path / "bom.jsonl"
    rows = [{"id": "satu", "text": "Artikel pertama."}, {"id": "dua", "text": "Artikel kedua."}]
    path.write_bytes(b"\xef\xbb\xbf" + "".join(json.dumps(r) + "\n" for r in rows).encode("utf-8"))
    read = list(read_jsonl(path))
    assert [getattr(item, "id", None) for item in read] == ["satu", "dua"]


@pytest.mark.parametrize("bad_id", ["a\nb", "tab\there", "zero\u200bwidth", "line\u2028sep"])
def test_an_id_with_control_or_invisible_characters_is_rejected_with_the_reason(bad_id):
    from linimasa.ingest.records import article_from_record
    from linimasa.model import Rejection

    read = article_from_record({"id": bad_id, "text": "Teks berita yang cukup."}, "in.jsonl:1")
    assert isinstance(read, Rejection) and "control or invisible characters" in read.reason


@pytest.mark.parametrize("bad", ["9999-99-99T99:99:99Z", "9999-01-01T00:00:00Z", "kemarin"])
def test_a_page_date_that_is_not_a_real_past_date_is_dropped_with_its_reason(bad):
    from linimasa.ingest.web import article_from_html

    html = "<html><head><title>Judul</title></head><body><article><p>" + BODY + "</p></article></body></html>"
    article = article_from_html(html, "in.warc#record-1", url="https://contoh.id/a", published=bad)
    assert isinstance(article, Article) and article.published is None
    assert article.metadata["published_rejected"]["value"] == bad


def test_a_folder_tree_thousands_of_levels_deep_is_reported_not_a_crash(tmp_path):
    from linimasa.ingest.discover import discover

    root = tmp_path / "in"
    (root / "top.txt").parent.mkdir()
    (root / "top.txt").write_text("Judul\n" + BODY, encoding="utf-8")
    deep = str(root)
    for _ in range(1500):  # os.makedirs itself recurses once per level
        deep += "/d"
        os.mkdir(deep)
    try:
        found = list(discover([root]))
    finally:
        while deep != str(root):  # shutil.rmtree (pytest's clean-up) recurses once per level too
            os.rmdir(deep)
            deep = os.path.dirname(deep)
    assert root / "top.txt" in found
    [too_deep] = [item for item in found if isinstance(item, Rejection)]
    assert f"more than {DEFAULT_LIMITS.folder_depth} levels deep" in too_deep.reason


def test_a_symbolic_link_that_leaves_the_input_folder_is_refused_with_its_reason(tmp_path):
    from linimasa.ingest.discover import discover

    outside = tmp_path / "secret.txt"
    outside.write_text("Judul\nrahasia", encoding="utf-8")
    root = tmp_path / "in"
    root.mkdir()
    (root / "x.txt").symlink_to(outside)
    (root / "inside.txt").write_text("Judul\n" + BODY, encoding="utf-8")
    (root / "again.txt").symlink_to(root / "inside.txt")
    found = list(discover([root]))
    assert root / "inside.txt" in found and root / "again.txt" in found
    [refused] = [item for item in found if isinstance(item, Rejection)]
    assert refused.source == str(root / "x.txt") and "leads outside the input folder" in refused.reason


def test_a_line_longer_than_the_limit_is_skipped_unread_and_the_next_line_is_read(tmp_path):
    from linimasa.ingest.jsonl import read_jsonl

    path = tmp_path / "long.jsonl"
    with path.open("wb") as out:
        out.write(b'{"id": "long", "text": "' + b"a" * (DEFAULT_LIMITS.line_bytes + 10) + b'"}\n')
        out.write(json.dumps({"id": "next", "text": BODY}).encode() + b"\n")
    read = list(read_jsonl(path))
    assert isinstance(read[0], Rejection) and "too large" in read[0].reason
    assert isinstance(read[1], Article) and read[1].id == "next"


def test_a_gzip_bomb_is_stopped_with_its_reason_after_the_articles_before_it(tmp_path):
    from linimasa.ingest.jsonl import read_jsonl

    path = tmp_path / "bomb.jsonl.gz"
    zeros = b"0" * (8 * 1024 * 1024)
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(json.dumps({"id": "good", "text": BODY}).encode() + b"\n")
        for _ in range(40):  # 320 MB of zeros on one line, a few hundred kB compressed
            out.write(zeros)
    assert path.stat().st_size < 2_000_000
    read = list(read_jsonl(path))
    assert isinstance(read[0], Article) and read[0].id == "good"
    assert len(read) == 2 and "decompression bomb" in read[1].reason


def test_a_warc_response_whose_gzip_body_expands_past_the_limit_is_rejected_not_loaded(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from linimasa.ingest.web import read_warc

    bomb = gzip.compress(b"<html><body>" + b" " * (DEFAULT_LIMITS.input_bytes + 1024) + b"</body></html>", compresslevel=9)
    page = ("<html><head><title>Judul</title></head><body><article><p>" + BODY + "</p></article></body></html>").encode()
    path = tmp_path / "bomb.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for url, body, encoded in (("https://contoh.id/bom", bomb, True), ("https://contoh.id/baik", page, False)):
            headers = [("Content-Type", "text/html; charset=utf-8")] + ([("Content-Encoding", "gzip")] if encoded else [])
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    read = list(read_warc(path))
    assert isinstance(read[0], Rejection) and "larger than" in read[0].reason
    assert isinstance(read[1], Article) and read[1].url == "https://contoh.id/baik"
