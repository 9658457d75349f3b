"""Plain-text pages -> the article's lines: classify each line, then find the article's span.

A scraped page is one block per line: menus and tickers are runs of short, capitalised lines with
no sentence punctuation; the article is a run of long lines dense in function words. Each line gets
a score (positive for prose, negative for furniture) and the body is the span with the largest total
(the maximum-sum run, as in Finn et al.'s Body Text Extraction), so a lone prose-like line amid
furniture stays out and a short crosshead between paragraphs stays in.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import justext

from . import rules
from .furniture import furniture_reason

UNSPACED_RANGES = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
UNSPACED_CHAR = re.compile(f"[{UNSPACED_RANGES}]")
WORD = re.compile(f"(?:(?![{UNSPACED_RANGES}])[^\\W\\d_])(?:(?![{UNSPACED_RANGES}])[\\w'’-])*", re.U)
UNSPACED_LONG_LINE = 100
NO_FULL_STOP_CHAR = re.compile("[\u0e00-\u0eff\u1780-\u17ff]")  # Thai, Lao, Khmer: sentences end in a space
STOPLIST_LANGUAGES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese",
                      "it": "Italian", "nl": "Dutch", "ru": "Russian", "id": "Indonesian", "pl": "Polish",
                      "sv": "Swedish", "tr": "Turkish", "da": "Danish", "no": "Norwegian_Bokmal", "ro": "Romanian",
                      "cs": "Czech", "fi": "Finnish", "hu": "Hungarian", "uk": "Ukrainian", "ca": "Catalan"}
METADATA_PENALTY = 15.0


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", unicodedata.normalize("NFKC", text).lower()).strip()


@lru_cache(maxsize=None)
def stoplist(language: str | None) -> frozenset[str]:
    name = STOPLIST_LANGUAGES.get(language or "", "English")
    return frozenset(justext.get_stoplist(name))


@dataclass
class Line:
    index: int
    text: str
    words: int = 0
    stop_density: float = 0.0
    kind: str = "unknown"
    reason: str = ""
    score: float = 0.0
    segments: int = 1
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def ends_sentence(self) -> bool:
        return self.text.rstrip().endswith(rules.TERMINAL_PUNCTUATION)

    @property
    def has_sentences(self) -> bool:
        """Ends like a sentence, or holds several whole sentences (a long paragraph cut off mid-way)."""
        return self.ends_sentence or len(rules.SENTENCE_END.findall(self.text)) >= 2


def split_lines(text: str) -> list[str]:
    """Lines with whitespace folded; a paragraph broken across lines (even a blank one) is joined."""
    raw = [line.strip() for line in text.split("\n")]
    out: list[str] = []
    for line in raw:
        if not line:
            continue
        if out and _continues(out[-1], line):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
    return [cell for line in out for cell in split_cells(line)]


def split_cells(line: str) -> list[str]:
    """A layout-table row or a run of inline blocks that holds a long text is split into its pieces.

    Pages laid out with tables put the menu and the article in cells of one row; a row of short
    cells (a data table, a link bar) stays one line so that its shape is still visible.
    """
    cells = [c.strip() for c in rules.CELL_SEPARATORS.split(line) if c.strip()]
    if len(cells) < 2 or max(_word_count(c) for c in cells) < rules.LONG_CELL_WORDS:
        return [line]
    return cells


def _word_count(text: str) -> int:
    return len(WORD.findall(text)) + len(UNSPACED_CHAR.findall(text)) // 2


def _continues(previous: str, line: str) -> bool:
    """True when `line` is the rest of a sentence cut off at the end of `previous`."""
    if previous.endswith(rules.TERMINAL_PUNCTUATION) or previous.endswith((",", "-", "–", "—", "|")):
        return False
    last_word = previous.split()[-1] if previous.split() else ""
    first = line[:1]
    return bool(first.islower() and last_word[:1].islower() and len(previous.split()) >= 2
                and len(line.split()) >= 3)


def _segments(text: str) -> int:
    return len([s for s in rules.INLINE_SEPARATORS.split(text) if s.strip()])


def measure(line: Line, language: str | None) -> None:
    words = WORD.findall(line.text)
    line.words = _word_count(line.text)
    stops = stoplist(language)
    line.stop_density = sum(w.lower() in stops for w in words) / len(words) if words else 0.0
    line.segments = _segments(line.text)


def _capitalised_share(text: str) -> float:
    words = [w for w in WORD.findall(text) if len(w) > 3]
    if not words:
        return 0.0
    return sum(w[0].isupper() for w in words) / len(words)


def _is_data_row(text: str) -> bool:
    """A row of a data table (scores, standings, prices): tab-separated cells, several of them numbers."""
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    return len(cells) >= 3 and sum(bool(rules.NUMERIC_CELL.match(c)) for c in cells) >= 2


def classify(line: Line, unspaced: bool) -> None:
    """Set kind, reason and score of one line from its own shape."""
    text, n = line.text, line.words
    reason = furniture_reason(text)
    if reason:
        line.kind, line.reason, line.score = "furniture", reason, -(3.0 + min(n, 20))
    elif _is_data_row(text):
        line.kind, line.score = "table", 0.0
    elif text.endswith((" -", " |", " –")) or (line.segments >= 3 and line.stop_density < 0.3):
        line.kind, line.reason, line.score = "furniture", "headline ticker or link list", -(3.0 + min(n, 20))
    elif unspaced and len(text) >= 40 and (line.ends_sentence or _long_line_without_full_stops(text)):
        line.kind, line.score = "prose", len(text) / 3.0
    elif n >= 10 and line.stop_density >= 0.25 and line.has_sentences:
        line.kind, line.score = "prose", float(n)
    elif n >= 15 and line.stop_density >= 0.45:
        line.kind, line.score = "short prose", n * 0.5
    elif n >= 6 and line.stop_density >= 0.2 and line.ends_sentence:
        line.kind, line.score = "short prose", n * 0.6
    elif n <= 12 and not line.ends_sentence:
        line.kind, line.score = "short", -1.0 - (2.0 if _capitalised_share(text) > 0.6 else 0.0)
    else:
        line.kind, line.score = "weak", -1.0


def max_sum_span(scores: list[float]) -> tuple[int, int]:
    """Indices [start, end) of the contiguous run with the largest total (Kadane)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = score, i
        else:
            total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _long_line_without_full_stops(text: str) -> bool:
    return len(text) >= UNSPACED_LONG_LINE and len(NO_FULL_STOP_CHAR.findall(text)) > len(text) * 0.3


def is_unspaced(text: str) -> bool:
    """Chinese, Japanese, Korean, Thai, Lao, Khmer, Burmese: word counts and stop words say little there."""
    sample = text[:5000]
    return len(UNSPACED_CHAR.findall(sample)) > len(sample) * 0.2
