"""Bytes to text, without ever replacing what cannot be decoded.

Order of trust: a byte-order mark, then strict UTF-8 (nearly all news today), then a detector
(charset-normalizer) whose answer must decode the whole input strictly. Anything that looks binary, or
that no encoding decodes cleanly, is refused with a reason the user can act on.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in text (everything below 0x20 but tab, newline, form feed, CR, ESC).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can trust."""


def _looks_like_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of Latin script has a zero in every other byte; say which half."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_zero = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_zero > 0.4 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.4 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with; raises DecodeError with a reason otherwise."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not valid {encoding}: {exc}") from exc
    utf16 = _looks_like_utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    sample = data[:65536]
    if sample and sum(sample.count(b) for b in _BINARY_BYTES) / len(sample) > 0.01:
        raise DecodeError("looks like a binary file (control bytes such as NUL), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("is not text in any encoding the detector recognises")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(f"the detected encoding {best.encoding} does not decode it cleanly: {exc}") from exc


def has_binary_content(text: str) -> bool:
    """NUL and other control characters inside a decoded text (e.g. a JSON string with \\u0000)."""
    return any(ch in text for ch in ("\x00", "\x01", "\x02", "\x03", "\x04", "\x05", "\x06", "\x07", "\x08"))


def is_encodable(text: str) -> bool:
    """False for strings holding lone surrogates (JSON can escape them; no encoding can store them)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
