"""Reader comments after an article: where they start, so they are removed as comments, never counted
as the outlet's reporting (a blog post followed by 88 comments is not a 28,000-word article).

Comments start at a comment-section header ('12 comments', 'Add your comment', 'Have your say') once
some article text has come, or at the first of a run of comment signatures: signed or time-stamped
lines ('At 9:59 pm on 09 Jun 2009, GreenGoblinKing wrote:', 'Posted by: bregenz | June 16, 2010 5:17 PM',
'March 9, 2011 at 10:05 am | Reply'), several of them, each within a few lines of the last. Comments
signed after their text start right after the article's closing line, when it has one.
"""
from __future__ import annotations

from . import rules
from .blocks import Line

PROSE = ("prose", "short prose")
MIN_WORDS_BEFORE_HEADER = 40
MIN_WORDS_BEFORE_SIGNATURES = 80
MIN_SIGNATURES = 3
MAX_SIGNATURE_GAP = 40
SHORT_SIGNATURE_WORDS = 12


def is_signature(line: Line) -> bool:
    """A comment's signature or time stamp: a poster's name with a date, 'X wrote:', 'Report abuse'."""
    if line.kind == "metadata" and line.meta.get("dated") and not line.text.startswith(rules.ATTRIBUTION_DASHES):
        crosshead = line.text.isupper()  # 'TEXAS CITY VAPOR CLOUD, AUGUST 10, 2005' heads a section
        return not crosshead and (bool(line.meta.get("signed")) or bool(rules.CLOCK.search(line.text)))
    return bool(rules.COMMENT_SIGNATURE.search(line.text))


def _signature_events(lines: list[Line], start: int) -> list[int]:
    """The line where each comment's signature starts: a short signature line (a time stamp, a name)
    and the signature line right after it sign one comment."""
    events, previous = [], -2
    for i in range(start + 1, len(lines)):
        if is_signature(lines[i]):
            if not (i == previous + 1 and lines[previous].words <= SHORT_SIGNATURE_WORDS):
                events.append(i)
            previous = i
    return events


def _first_run(events: list[int]) -> int | None:
    for k in range(len(events) - MIN_SIGNATURES + 1):
        run = events[k: k + MIN_SIGNATURES]
        if all(b - a <= MAX_SIGNATURE_GAP for a, b in zip(run, run[1:])):
            return run[0]
    return None


def _after_article_end(lines: list[Line], start: int, run: int) -> int:
    """Comments signed after their text ('... Posted by: X') begin before the first signature: right
    after the article's closing line ('The views expressed are solely those of ...'), when there is one."""
    end = next((i for i in range(run - 1, start, -1) if rules.ARTICLE_END.match(lines[i].text)), None)
    return end + 1 if end is not None else run


def comments_start(lines: list[Line], start: int) -> int | None:
    """Index of the line where reader comments begin, after the article starting at `start`, or None."""
    events = _signature_events(lines, start)
    prose_words, run_checked = 0, False
    for i in range(start, len(lines)):
        if prose_words >= MIN_WORDS_BEFORE_HEADER and rules.COMMENT_SECTION_START.match(lines[i].text):
            return i
        if not run_checked and prose_words >= MIN_WORDS_BEFORE_SIGNATURES and i in events:
            run_checked = True
            run = _first_run([e for e in events if e >= i])
            if run is not None:
                return _after_article_end(lines, start, run)
        if lines[i].kind in PROSE:
            prose_words += lines[i].words
    return None
