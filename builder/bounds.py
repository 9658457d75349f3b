"""Limits that keep one hostile or broken source from taking the build's memory or time.

A cleaned article is bounded before any analyser sees it: its text to MAX_ARTICLE_CHARS (the longest real
page in the benchmarks is a quarter of that), each paragraph to MAX_PARAGRAPH_CHARS, split at sentence ends
(spaCy refuses texts over a million characters, and its memory grows with the longest text it is given),
its title to MAX_TITLE_CHARS. Each cut is a warning on the article, so the curator hears of it.
"""
from __future__ import annotations

import re

from .model import Article, Block

MAX_ARTICLE_CHARS = 1_000_000
MAX_PARAGRAPH_CHARS = 20_000
MAX_TITLE_CHARS = 500
SENTENCE_END = re.compile(r"[.!?…。！？]+[\"'”’»)\]]*\s+")
SPACE = re.compile(r"\s+")


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece of `text` starting at `start` ends: the last sentence end in its second half, else
    the last space, else `limit` characters on."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = range(start + limit // 2, end)
    for pattern in (SENTENCE_END, SPACE):
        ends = [m.end() for m in pattern.finditer(text, window.start, window.stop)]
        if ends:
            return ends[-1]
    return end


def pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of `text` of at most `limit` characters, cut at sentence ends where
    it can be; together they cover every character."""
    spans, start = [], 0
    while start < len(text):
        end = _cut(text, start, limit)
        spans.append((start, end))
        start = end
    return spans


def split_paragraph(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """A paragraph as pieces of at most `limit` characters, cut at sentence ends where it can be."""
    return [piece for start, end in pieces(text, limit) if (piece := text[start:end].strip())] or [text]


def bound_article(article: Article) -> None:
    """Cut the article's text, paragraphs and title to the limits above, with a warning for each kind of cut."""
    blocks, left, split = [], MAX_ARTICLE_CHARS, 0
    for block in article.blocks:
        if left <= 0:
            break
        text = block.text[:left]
        left -= len(text)
        parts = split_paragraph(text, MAX_PARAGRAPH_CHARS) if len(text) > MAX_PARAGRAPH_CHARS else [text]
        split += len(parts) > 1
        kind = block.kind if len(parts) == 1 else "paragraph"
        blocks += [Block(kind, part) for part in parts]
    if left <= 0 and sum(len(b.text) for b in article.blocks) > MAX_ARTICLE_CHARS:
        article.warnings.append(f"the article text is longer than {MAX_ARTICLE_CHARS:,} characters: only the first "
                                f"{MAX_ARTICLE_CHARS:,} are in the dossier")
    if split:
        article.warnings.append(f"{split} paragraph{'s' if split > 1 else ''} longer than {MAX_PARAGRAPH_CHARS:,} "
                                "characters split at sentence ends")
    if article.title and len(article.title) > MAX_TITLE_CHARS:
        article.title = split_paragraph(article.title, MAX_TITLE_CHARS)[0]
        article.warnings.append(f"the title is longer than {MAX_TITLE_CHARS} characters: cut to its first sentences")
    article.blocks = blocks
