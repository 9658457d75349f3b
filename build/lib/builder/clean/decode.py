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
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u2028\u2029\ufeff]")


def _declared_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _guess(data: bytes, html: bool) -> str:
    declared = _declared_charset(data) if html else None
    if declared:
        return declared
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None or best.encoding in WESTERN:
        return "cp1252"
    return best.encoding


def decode(data: bytes, html: bool = False) -> tuple[str, str | None]:
    """The text, and a note when it was not plain UTF-8 (what was assumed, what was repaired)."""
    note = None
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = _guess(data, html)
            text = data.decode(encoding, errors="replace")
            note = f"not UTF-8: decoded as {encoding}"
    fixed = ftfy.fix_text(text, config=FTFY_CONFIG)
    if fixed != text and note is None and ftfy.badness.is_bad(text):
        note = "repaired mojibake (text that had been decoded with the wrong code page)"
    text = fixed.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL.sub("", text), note
