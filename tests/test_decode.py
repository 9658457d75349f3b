"""Bytes in any of the encodings scraped pages come in must decode to the right text."""
from __future__ import annotations

import codecs

import pytest

from builder.clean.decode import decode

TEXT = "Le président a déclaré « Ça suffit » – l’armée s’est retirée. Côte d’Ivoire, naïve café, 5 €."


def test_utf8() -> None:
    assert decode(TEXT.encode("utf-8")) == (TEXT, None)


def test_utf8_bom() -> None:
    text, note = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert text == TEXT and note is None


def test_utf16_bom() -> None:
    assert decode(TEXT.encode("utf-16"))[0] == TEXT


def test_windows_1252() -> None:
    text, note = decode((TEXT + " " + TEXT).encode("cp1252"))
    assert text == TEXT + " " + TEXT and "cp1252" in note


def test_latin_1() -> None:
    plain = "Le président a déclaré à Genève que la réunion était terminée. Ça va très bien."
    text, note = decode(plain.encode("latin-1"))
    assert text == plain and note


def test_declared_charset_in_html() -> None:
    page = f'<html><head><meta charset="windows-1252"></head><body><p>{TEXT}</p></body></html>'
    text, _ = decode(page.encode("cp1252"), html=True)
    assert TEXT in text


def test_mojibake_repaired() -> None:
    damaged = TEXT.encode("utf-8").decode("cp1252").encode("utf-8")
    text, note = decode(damaged)
    assert text == TEXT and "mojibake" in note


def test_line_endings_and_controls() -> None:
    text, _ = decode("one\r\ntwo\rthree\u200b\x07".encode("utf-8"))
    assert text == "one\ntwo\nthree"


@pytest.mark.parametrize("data, expected", [
    ("Café – 5 €".encode("cp1252"), "Café – 5 €"),
    ("naïve".encode("latin-1"), "naïve"),
])
def test_short_legacy_text_is_read_as_windows_1252(data: bytes, expected: str) -> None:
    text, note = decode(data)
    assert text == expected and "cp1252" in note


def test_mixed_utf8_and_windows_1252() -> None:
    data = "Le président “dit” – ".encode("utf-8") + "déjà vu".encode("cp1252")
    text, note = decode(data)
    assert text == "Le président “dit” – déjà vu" and "mixed" in note


@pytest.mark.parametrize("encoding, sample", [
    ("cp1251", "Президент России заявил во вторник, что переговоры будут продолжены на следующей неделе. "),
    ("shift_jis", "東京都は火曜日、新しい計画を発表しました。市民の生活を改善するための取り組みです。"),
])
def test_long_non_western_legacy_text(encoding: str, sample: str) -> None:
    text, note = decode((sample * 3).encode(encoding))
    assert text == sample * 3 and note.startswith("not UTF-8")


def test_long_western_text_stays_western() -> None:
    sample = "El presidente anunció el miércoles que la reforma será aprobada. Año tras año, señaló. " * 4
    assert decode(sample.encode("latin-1"))[0] == sample
