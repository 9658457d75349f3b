"""Bytes -> correct text: BOMs, UTF-8, legacy code pages and mojibake-damaged UTF-8."""
from __future__ import annotations

import codecs
import re

import charset_normalizer
import ftfy

BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
WESTERN = {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "cp1250", "iso8859_2", "mac_roman", "cp850", "ascii"}
META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?\s*([\w-]+)", re.I)
FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, unescape_html=False)
MIN_GUESS_BYTES = 64
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u2028\u2029\ufeff]")
# What browsers do (WHATWG Encoding): a page labelled Latin-1 or ASCII is read as Windows-1252.
READ_AS_CP1252 = {"latin-1", "iso8859-1", "ascii"}


def codec_name(label: str | None) -> str | None:
    """Python's codec for a charset label (`windows-1252` -> `cp1252`), None when unknown."""
    try:
        name = codecs.lookup(label.strip()).name if label else None
    except LookupError:
        return None
    return "cp1252" if name in READ_AS_CP1252 else name


def _declared_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:4096])
    return codec_name(match.group(1).decode("ascii", errors="replace")) if match else None


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 are read as Windows-1252 (a superset of Latin-1 for text)."""
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("dossier-cp1252", _cp1252_fallback)


def _non_western_guess(data: bytes) -> str | None:
    """A legacy non-Western code page (Cyrillic, CJK...), when there is enough text to tell."""
    if sum(byte >= 0x80 for byte in data[:200_000]) < MIN_GUESS_BYTES:
        return None
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    return best.encoding if best is not None and best.encoding not in WESTERN else None


def _decode_legacy(data: bytes, html: bool, charset: str | None) -> tuple[str, str]:
    """Text that is not valid UTF-8: the charset the server declared, the one the page declares, a detected
    non-Western code page, or else UTF-8 with every stray byte read as Windows-1252 (which also mends files
    mixing the two)."""
    encoding = codec_name(charset) or (_declared_charset(data) if html else None) or _non_western_guess(data)
    if encoding:
        return data.decode(encoding, errors="replace"), f"not UTF-8: decoded as {encoding}"
    text = data.decode("utf-8", errors="dossier-cp1252")
    if any(ord(ch) > 0x7F for ch in data.decode("utf-8", errors="ignore")):
        return text, "mixed UTF-8 and Windows-1252 bytes: each part decoded as what it is"
    return text, "not UTF-8: decoded as cp1252"


def decode(data: bytes, html: bool = False, charset: str | None = None) -> tuple[str, str | None]:
    """The text, and a note when it was not plain UTF-8 (what was assumed, what was repaired).

    `charset` is what the server declared when the page was captured: bytes that are valid UTF-8 are read
    as UTF-8 whatever it says (servers often declare a default that is wrong)."""
    note = None
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, note = _decode_legacy(data, html, charset)
    fixed = ftfy.fix_text(text, config=FTFY_CONFIG)
    if fixed != text and note is None and ftfy.badness.is_bad(text):
        note = "repaired mojibake (text that had been decoded with the wrong code page)"
    text = fixed.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL.sub("", text), note
