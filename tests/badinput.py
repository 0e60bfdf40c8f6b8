"""A corpus of bad inputs, generated at test time (no binary blobs in the repo).

Each kind is a function that writes one or more files into a folder and says what a correct run must do
with them: how many articles it should accept (stored or duplicate) and how many inputs it must reject.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOOD = (
    "Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Malaysia di Kuala Lumpur pada Senin "
    "(3/2/2020). Keduanya membahas perlindungan pekerja migran dan batas laut.\n\n"
    "Pertemuan berlangsung selama dua jam dan ditutup dengan makan siang bersama."
)


def good_line(i: int, **extra) -> str:
    return json.dumps({"id": f"good-{i}", "title": f"Berita {i}", "text": f"{GOOD} Catatan {i}.", **extra})


@dataclass
class Kind:
    name: str
    write: Callable[[Path], None]
    accepted: int | None  # articles stored or counted as duplicates (None: depends on where a stream breaks)
    rejected: int | None  # inputs rejected with a reason
    needs_unprivileged: bool = False
    heavy: bool = False  # tens of seconds of extraction: in the one-run test and the benchmark, not alone


def _text(name: str, data: bytes) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return write


def _jsonl(name: str, lines: list[str | bytes], gz: bool = False) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        payload = b"".join((line if isinstance(line, bytes) else line.encode("utf-8")) + b"\n" for line in lines)
        (folder / name).write_bytes(gzip.compress(payload) if gz else payload)

    return write


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for url, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


def _page(body: str) -> bytes:
    return f"<html><head><title>Halaman</title></head><body><article><p>{body}</p></article></body></html>".encode()


def _half_gzip(lines: int) -> bytes:
    whole = gzip.compress(("\n".join(good_line(30 + i) for i in range(lines)) + "\n").encode())
    return whole[: len(whole) // 2]


def _symlink_loop(folder: Path) -> None:
    sub = folder / "loop"
    sub.mkdir()
    (sub / "inside.txt").write_text("Judul di dalam\n" + GOOD, encoding="utf-8")
    (sub / "back").symlink_to(sub)


def _dangling(folder: Path) -> None:
    (folder / "gone.txt").symlink_to(folder / "never-existed.txt")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def _dir_named_like_input(folder: Path) -> None:
    (folder / "folder.txt").mkdir()
    (folder / "folder.txt" / "real.txt").write_text("Judul\n" + GOOD + " Folder.", encoding="utf-8")


def _unreadable(folder: Path) -> None:
    path = folder / "secret.txt"
    path.write_text("Judul\n" + GOOD + " Rahasia.", encoding="utf-8")
    path.chmod(0)


def _deep_json(depth: int) -> str:
    return "[" * depth + "]" * depth


def _outside_link(folder: Path) -> None:
    outside = folder.parent / f"{folder.name}-outside.txt"
    outside.write_text("Judul\n" + GOOD + " Di luar.", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(outside)


def _deep_tree(folder: Path) -> None:
    (folder / "top.txt").write_text("Judul\n" + GOOD + " Puncak.", encoding="utf-8")
    deep = folder
    for _ in range(120):  # past the walk's 100 levels; pytest's own clean-up recurses once per level
        deep = deep / "d"
    deep.mkdir(parents=True)


def _newline_name(folder: Path) -> None:
    (folder / "x\naccounting: read 0 = stored 0.jsonl").write_text("bukan json\n", encoding="utf-8")


def _undecodable_name(folder: Path) -> None:
    with open(os.path.join(os.fsencode(folder), b"nama\xff.txt"), "wb") as handle:
        handle.write(("Judul\n" + GOOD + " Nama aneh.").encode())


def _gzip_bomb(folder: Path) -> None:
    zeros = b"0" * (8 * 1024 * 1024)
    with gzip.open(folder / "bomb.jsonl.gz", "wb", compresslevel=9) as out:
        out.write((good_line(60) + "\n").encode())
        for _ in range(12):  # 96 MB of zeros on one line
            out.write(zeros)


def _oversized_line(folder: Path) -> None:
    with (folder / "oversized.jsonl").open("wb") as out:
        out.write(b'{"id": "o1", "text": "' + b"a" * (17 * 1024 * 1024) + b'"}\n')
        out.write((good_line(61) + "\n").encode())


def _warc_bomb(folder: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bomb = gzip.compress(b"<html><body>" + b" " * (17 * 1024 * 1024) + b"</body></html>", compresslevel=9)
    with (folder / "bomb.warc").open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for url, body, encoded in (("https://contoh.id/bom", bomb, True), ("https://contoh.id/ok", _page(GOOD + " ok"), False)):
            headers = [("Content-Type", "text/html")] + ([("Content-Encoding", "gzip")] if encoded else [])
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def _warc_bad_date(folder: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with (folder / "date.warc").open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record("https://contoh.id/tanggal", "response",
                                           payload=io.BytesIO(_page(GOOD + " tanggal")), http_headers=http)
        record.rec_headers.replace_header("WARC-Date", "9999-99-99T99:99:99Z")
        writer.write_record(record)


DATES_AND_NAMES = " ".join(f"Joko Widodo bertemu Retno Marsudi Senin ({1 + i % 28}/{1 + i % 12}/2017)" for i in range(3000))
OPEN_QUOTE = '"' + (GOOD.replace("\n", " ") + " ") * 300


HUGE_BYTES = 50 * 1024 * 1024
LONG_LINE = "kata " * 40_000  # 200,000 characters on one line
# A million tokens within the article limit of 2,000,000 characters: short words and commas, no sentence end.
MILLION_TOKENS = "Presiden bertemu menteri di Jakarta. " + "di, ke, ya, " * 166_000
RUN_ON = " ".join(["pemerintah", "membahas", "kerja", "sama", "ekonomi"] * 1000)  # 5,000 words, no punctuation

KINDS: list[Kind] = [
    Kind("binary file", _text("binary.txt", bytes(range(256)) * 64), 0, 1),
    Kind("NUL bytes in text", _text("nul.txt", ("Judul\n" + GOOD).encode().replace(b" ", b"\x00", 30)), 0, 1),
    Kind("UTF-16 LE with BOM", _text("u16le-bom.txt", ("Judul\n" + GOOD + " a").encode("utf-16")), 1, 0),
    Kind("UTF-16 BE with BOM", _text("u16be-bom.txt", b"\xfe\xff" + ("Judul\n" + GOOD + " b").encode("utf-16-be")), 1, 0),
    Kind("UTF-16 LE without BOM", _text("u16le.txt", ("Judul\n" + GOOD + " c").encode("utf-16-le")), 1, 0),
    Kind("UTF-8 with BOM", _text("u8bom.txt", b"\xef\xbb\xbf" + ("Judul\n" + GOOD + " d").encode()), 1, 0),
    Kind("latin-1 text", _text("latin1.txt", ("Café\n" + GOOD + " Señor Müller.").encode("latin-1")), 1, 0),
    Kind("cp1252 text", _text("cp1252.txt", ("“Judul”\n" + GOOD + " – kata “dia”.").encode("cp1252")), 1, 0),
    Kind("mojibake", _text("mojibake.txt", ("Judul\n" + GOOD + " CafÃ© â€œkutipanâ€\x9d.").encode()), 1, 0),
    Kind("empty file", _text("empty.txt", b""), 0, 1),
    Kind("whitespace-only file", _text("blank.txt", b" \n\t\r\n   \n"), 0, 1),
    Kind("title only", _text("title-only.txt", b"Hanya Judul\n\n"), 0, 1),
    Kind("50 MB text file", _text("huge.txt", (GOOD + "\n").encode() * (HUGE_BYTES // len(GOOD) + 1)), 0, 1),
    Kind("200,000-character line", _text("long-line.txt", ("Judul\n" + LONG_LINE).encode()), 1, 0),
    Kind("5,000 words without punctuation", _text("run-on.txt", ("Judul\n" + RUN_ON).encode()), 1, 0),
    Kind("CR-only line endings", _text("old-mac.txt", ("Judul\r" + GOOD.replace("\n", "\r") + " e").encode()), 1, 0),
    Kind("zero-width and RTL marks", _text("zw.txt", ("Judul\u200b\n\u200f" + GOOD + "\u200d f\ufeff").encode()), 1, 0),
    Kind("English article", _text("english.txt", b"Ministers Meet\nThe foreign ministers of Indonesia and Japan met in Tokyo on Monday to discuss maritime security and trade, officials said."), 1, 0),
    Kind("Arabic script", _text("arabic.txt", "عنوان\nالتقى وزير الخارجية الإندونيسي بنظيره السعودي في الرياض يوم الاثنين لبحث التعاون.".encode()), 1, 0),
    Kind("Chinese script", _text("chinese.txt", "标题\n印度尼西亚外交部长周一在北京会见了中国外交部长，双方讨论了贸易与海上合作。".encode()), 1, 0),
    Kind("Cyrillic script", _text("russian.txt", "Заголовок\nМинистр иностранных дел Индонезии встретился с российским коллегой в Москве.".encode()), 1, 0),
    Kind("emoji-heavy text", _text("emoji.txt", ("Judul 🎉\n" + GOOD + " 🇮🇩🤝🇲🇾 " * 20).encode()), 1, 0),
    Kind("JSONL bad lines between good ones", _jsonl("mixed.jsonl", [good_line(1), "{broken", good_line(2), "[]", good_line(3)]), 3, 2),
    Kind("JSONL missing text", _jsonl("missing.jsonl", [json.dumps({"id": "m1", "title": "Tanpa isi"})]), 0, 1),
    Kind("JSONL text of wrong type", _jsonl("wrongtype.jsonl", [json.dumps({"id": "w1", "text": ["a", "b"]})]), 0, 1),
    Kind("JSONL id of wrong type", _jsonl("idtype.jsonl", [json.dumps({"id": {"x": 1}, "text": GOOD})]), 0, 1),
    Kind("JSONL numeric id", _jsonl("numid.jsonl", [json.dumps({"id": 12345, "text": GOOD + " numerik"})]), 1, 0),
    Kind("JSONL empty id", _jsonl("emptyid.jsonl", [json.dumps({"id": "  ", "text": GOOD})]), 0, 1),
    Kind("JSONL invalid date", _jsonl("baddate.jsonl", [good_line(10, published="Selasa kemarin")]), 1, 0),
    Kind("JSONL future date", _jsonl("future.jsonl", [good_line(11, published="2999-12-31T00:00:00+07:00")]), 1, 0),
    Kind("JSONL duplicate ids with different content", _jsonl("dupid.jsonl", [
        json.dumps({"id": "dup", "text": GOOD + " versi satu"}), json.dumps({"id": "dup", "text": GOOD + " versi dua"})]), 2, 0),
    Kind("JSONL exact repeat", _jsonl("repeat.jsonl", [good_line(20), good_line(20)]), 2, 0),
    Kind("JSONL empty file", _jsonl("empty.jsonl", []), 0, 1),
    Kind("JSONL not UTF-8", _jsonl("latin.jsonl", ['{"id": "l1", "text": "Caf'.encode() + b"\xe9" + b'"}']), 0, 1),
    Kind("JSONL lone surrogate escape", _jsonl("surrogate.jsonl", ['{"id": "s1", "text": "teks \\ud800 rusak"}']), 0, 1),
    Kind("JSONL deeply nested", _jsonl("deep.jsonl", [_deep_json(100_000)]), 0, 1),
    Kind("JSONL NaN and Infinity", _jsonl("nan.jsonl", ['{"id": "n1", "text": "' + GOOD.replace("\n", " ") + '", "score": NaN, "w": Infinity}']), 1, 0),
    Kind("JSONL null everything", _jsonl("null.jsonl", [json.dumps({"id": None, "text": None, "html": None})]), 0, 1),
    Kind("JSONL html only", _jsonl("html.jsonl", [json.dumps({"id": "h1", "html": _page(GOOD).decode()})]), 1, 0),
    Kind("JSONL html with no text", _jsonl("html-empty.jsonl", [json.dumps({"id": "h2", "html": "<script>x()</script>"})]), 0, 1),
    Kind("JSONL with 200,000-character line", _jsonl("longline.jsonl", [json.dumps({"id": "ll", "text": LONG_LINE})]), 1, 0),
    Kind("truncated gzip", lambda folder: (folder / "cut.jsonl.gz").write_bytes(_half_gzip(300)), None, None),
    Kind("not gzip at all", _text("fake.jsonl.gz", ("\n".join([good_line(40)]) + "\n").encode()), 0, 1),
    Kind("malformed WARC record", _text("bad.warc", _warc([("https://contoh.id/1", "text/html", _page(GOOD + " warc"))])
                                          + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nrubbish"), 1, 1),
    Kind("empty WARC", _text("empty.warc", b""), 0, 1),
    Kind("WARC without HTML", _text("images.warc", _warc([("https://contoh.id/a.png", "image/png", b"\x89PNG....")])), 0, 1),
    Kind("truncated warc.gz", lambda folder: (folder / "cut.warc.gz").write_bytes(
        gzip.compress(_warc([("https://contoh.id/2", "text/html", _page(GOOD + " gz"))]))[:200]), 0, 1),
    Kind("deeply nested HTML", _text("nested.html", ("<html><body>" + "<div>" * 5000 + f"<p>{GOOD} sarang</p>" + "</div>" * 5000 + "</body></html>").encode()), 0, 1),
    Kind("HTML with only scripts", _text("scripts.html", b"<html><head><script>var a=1;</script></head><body><script>b()</script></body></html>"), 0, 1),
    Kind("empty HTML", _text("empty.html", b""), 0, 1),
    Kind("broken HTML tags", _text("broken.html", f"<html><body><p>{GOOD} rusak<p><b>tebal<i>miring</b></i><div".encode()), 1, 0),
    Kind("latin-1 HTML", _text("latin1.html", ("<html><head><meta charset='iso-8859-1'></head><body><article><p>" + GOOD + " Café señor.</p></article></body></html>").encode("latin-1")), 1, 0),
    Kind("symlink loop", _symlink_loop, 1, 0),
    Kind("dangling symlink", _dangling, 0, 1),
    Kind("named pipe", _fifo, 0, 1),
    Kind("folder named like an input", _dir_named_like_input, 1, 0),
    Kind("unreadable file", _unreadable, 0, 1, needs_unprivileged=True),
    # Kinds added with the fixes of issue #20 (hold up, part two).
    Kind("JSONL starting with a byte order mark", _jsonl("bom.jsonl", [b"\xef\xbb\xbf" + good_line(50).encode(), good_line(51)]), 2, 0),
    Kind("JSONL id with a newline", _jsonl("id-newline.jsonl", [json.dumps({"id": "a\nb", "text": GOOD})]), 0, 1),
    Kind("JSONL id with a zero-width space", _jsonl("id-zw.jsonl", [json.dumps({"id": "z\u200bw", "text": GOOD})]), 0, 1),
    Kind("JSONL id with a tab", _jsonl("id-tab.jsonl", [json.dumps({"id": "t\tb", "text": GOOD})]), 0, 1),
    Kind("text of invisible characters and punctuation", _text("junk.txt", "Judul\n\u200b\u200c ... !!! \u0301\u0301 ???".encode()), 0, 1),
    Kind("JSONL text of one letter", _jsonl("one-letter.jsonl", [json.dumps({"id": "a1", "text": "a"})]), 0, 1),
    Kind("JSONL text of numbers only", _jsonl("numbers.jsonl", [json.dumps({"id": "n9", "text": "12 345 6789 -- 10/11"})]), 0, 1),
    Kind("junk revision of a stored article", _jsonl("junk-revision.jsonl", [json.dumps({"id": "kept", "text": "."})]), 0, 1),
    Kind("truncated copy after the full text", _jsonl("cut-copy.jsonl", [
        json.dumps({"id": "cut", "text": GOOD + " Penuh."}), json.dumps({"id": "cut", "text": GOOD[:80]})]), 2, 0),
    Kind("earlier version after a revision", _jsonl("old-version.jsonl", [
        json.dumps({"id": "ver", "text": GOOD + " Satu."}), json.dumps({"id": "ver", "text": GOOD + " Dua."}),
        json.dumps({"id": "ver", "text": GOOD + " Satu."})]), 3, 0),
    Kind("symlink leading outside the input folder", _outside_link, 0, 1),
    Kind("folder tree 120 levels deep", _deep_tree, 1, 1),
    Kind("file name with a newline", _newline_name, 0, 1),
    Kind("file name that is not UTF-8", _undecodable_name, 1, 0),
    Kind("gzip bomb after a good line", _gzip_bomb, 1, 1),
    Kind("JSONL line over 16 MB before a good line", _oversized_line, 1, 1),
    Kind("WARC body that decodes past 16 MB", _warc_bomb, 1, 1),
    Kind("WARC-Date 9999-99-99", _warc_bad_date, 1, 0),
    Kind("JSONL published in the year 9999", _jsonl("y9999.jsonl", [good_line(62, published="9999-12-31")]), 1, 0),
    Kind("JSONL language not supported", _jsonl("lang.jsonl", [good_line(63, lang="xx")]), 1, 0),
    Kind("3,000 dates and names", _text("dates.txt", ("Judul\n" + DATES_AND_NAMES).encode()), 1, 0),
    Kind("a quote never closed", _text("open-quote.txt", ("Judul\n" + OPEN_QUOTE).encode()), 1, 0),
    Kind("JSONL field nested 900 levels deep", _jsonl("deep-field.jsonl", [
        '{"id": "deep-field", "text": ' + json.dumps(GOOD) + ', "extra": ' + _deep_json(900) + "}", good_line(64)]), 1, 1),
    Kind("a million tokens in one text", _jsonl("million.jsonl", [
        json.dumps({"id": "sejuta", "title": "Judul", "lang": "id", "text": MILLION_TOKENS})]), 1, 0, heavy=True),
    Kind("HTML of punctuation only", _text("punct.html", b"<html><body><article><p>... !!! ??? --- ***</p></article></body></html>"), 0, 1),
]
