"""Sentences and word tokens: the units every analyser works on."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..clean.rules import ABBREVIATIONS
from ..model import Article

BOUNDARY = re.compile(r"(?<=[.!?])(?P<close>[\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])")
INITIALS = re.compile(r"(?:[a-z]\.){0,3}[a-z]")
TOKEN = re.compile(r"\w+", re.U)
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                            "–": "-", "—": "-", "\u00a0": " ", "…": "..."})


@dataclass(frozen=True, slots=True)
class Sentence:
    article: str
    paragraph: int
    index: int
    text: str


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph at sentence ends, not at abbreviations ('Nov.', 'Gen.') or initials ('U.S.', 'D.C.',
    'George H.W. Bush')."""
    pieces, start = [], 0
    for match in BOUNDARY.finditer(paragraph):
        end = match.start() + len(match["close"])
        before = paragraph[start:match.start()]
        last_word = before.split()[-1].lower().rstrip(".") if before.split() else ""
        if last_word in ABBREVIATIONS or INITIALS.fullmatch(last_word):
            continue
        pieces.append(paragraph[start:end].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def article_sentences(article: Article) -> list[Sentence]:
    out = []
    for p, paragraph in enumerate(article.paragraphs):
        for s, text in enumerate(split_sentences(paragraph)):
            out.append(Sentence(article.slug, p, s, text))
    return out


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def fold_typography(text: str) -> str:
    """Curly quotes, dashes and non-breaking spaces as plain ASCII: '“IS”' and '"IS"' are the same text."""
    return unicodedata.normalize("NFC", text).translate(TYPOGRAPHY)
