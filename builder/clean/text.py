"""Clean a plain-text page: the body span, its crossheads and paragraphs, and the metadata around it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block, Removal
from . import blocks, glue, meta, rules
from .blocks import Line, normalise
from .comments import comments_start
from .shared import breadth, opens_another, stray

CROSSHEAD = re.compile(r"^[-–—*•■]+\s*(?P<text>[^-–—*•■].{0,80}?)\s*[-–—*•■]+$")
HEADING_MAX_WORDS = 10
MIN_WORDS_BEFORE_FOOTER = 40
MIN_WORDS_BEFORE_NEXT_ARTICLE = 80
PROSE = ("prose", "short prose")
LISTING_KINDS = ("weak", "short", "table")
MAX_ITEM_GAP = 4
ITEM_SCORE = 2.0
TITLE_LOOKBACK = 25
TITLE_LEAD_WEIGHT = 2.0
TITLE_DISTANCE_COST = 0.05
LEAD_CHARS = 1500
GLUED_SCORE = -1.0
GLUED_TITLE_OVERLAP = 0.5
SHORT_SENTENCE = re.compile(r"^[\"“‘']?[A-Z][\w'’-]*,?(?:\s+[\w$£€\"“”‘’'(),:;-]+){2,}[.!?][\"”’']?$")
SHORT_SENTENCE_LOWER_WORDS = 2
ELLIPSIS = re.compile(r"\.\.\.|…")
PULL_QUOTE_WORD = re.compile(r"\w+")
PULL_QUOTE_MIN_WORDS = 6
PULL_QUOTE = "pull quote (a sentence of the article shortened)"
STRAY_WORD = 4
STRAY_SHARE = 0.3


@dataclass
class Found:
    """What the cleaner read off a page, before it becomes an Article."""

    title: str | None = None
    outlet: str | None = None
    agency: str | None = None
    author: str | None = None
    published: str | None = None
    date_candidates: tuple[str, ...] = ()
    date_raw: str | None = None
    dateline: str | None = None
    language: str | None = None
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _mark_special(lines: list[Line], shared: frozenset[str]) -> None:
    seen: set[str] = set()
    for line in lines:
        key = normalise(line.text)
        crosshead = CROSSHEAD.match(line.text)
        found = meta.read_metadata_line(line.text)
        if crosshead and len(crosshead["text"].split()) <= HEADING_MAX_WORDS and not found:
            line.kind, line.score, line.meta = "crosshead", 0.0, {"text": crosshead["text"]}
        elif found:
            line.kind, line.reason, line.score = "metadata", f"{found.kind} line", -blocks.METADATA_PENALTY
            line.meta = _date_marks(line.text, found)
        elif key in shared and line.kind not in ("prose", "short prose"):
            line.kind, line.reason, line.score = "furniture", "line repeated across sources of the dossier", -5.0
        elif key and key in seen and line.words >= 4:
            line.kind, line.reason, line.score = "repeat", "repeated paragraph", 0.0
        seen.add(key)


def _mark_stray_repeats(lines: list[Line], shared: frozenset[str]) -> None:
    """A sentence that many sources carry (or that opens the page and one other source's first lines: a
    crawl puts the site's latest headline on top) while the lines around it are their own, and whose words
    the rest of the page does not use, is a link to another story ('2 men charged in death of Chicago teen
    ...' on pages about Libya), not their shared story: a syndicated copy shares its neighbours too (its
    prose: a prompt beside the line, 'Read our complete story', is furniture on every page; for a page's
    first line, the other page opens with the same next line, and its neighbours are about as widely shared:
    a promotion in half the pages beside a background paragraph that a few share is still a promotion), and
    an update that repeats a sentence of its story shares its words."""
    keys = [normalise(line.text) for line in lines]
    for i, line in enumerate(lines):
        if line.kind not in PROSE or _about_the_page(keys[i], keys[:i] + keys[i + 1:]):
            continue
        if stray(keys[i], shared):
            wide = breadth(keys[i], shared) - 1
            neighbours_shared = any(lines[k].kind in PROSE and breadth(keys[k], shared) >= wide
                                    for k in (i - 1, i + 1) if 0 <= k < len(lines))
        elif i == 0 and opens_another(keys[i], shared):
            neighbours_shared = len(lines) > 1 and lines[1].kind in PROSE and opens_another(keys[1], shared)
        else:
            continue
        if not neighbours_shared:
            line.kind, line.reason, line.score = "furniture", "another story's headline repeated across sources", -5.0


def _mark_pull_quotes(lines: list[Line]) -> None:
    """A line with an ellipsis whose words all come, in order, in a longer line of the page is a pull quote
    ('The military intervention that President Obama authorized against Libya on Saturday... is a quite
    different operation'): the article's own sentence shortened for display, not a second statement. A
    quote with an ellipsis that the page does not repeat is reporting."""
    words = [PULL_QUOTE_WORD.findall(line.text.lower()) for line in lines]
    for i, line in enumerate(lines):
        if not ELLIPSIS.search(line.text) or len(words[i]) < PULL_QUOTE_MIN_WORDS:
            continue
        if any(len(words[k]) > len(words[i]) and _in_order(words[i], words[k]) for k in range(len(lines)) if k != i):
            line.kind, line.reason, line.score = "repeat", PULL_QUOTE, 0.0


def _in_order(part: list[str], whole: list[str]) -> bool:
    remaining = iter(whole)
    return all(word in remaining for word in part)


def _mark_teaser_lists(lines: list[Line]) -> None:
    """Three or more lines in a row that each open with another story's headline and a colon ('Radiation
    found in food as crisis continues: As workers scrambled ...', 'Weekend full moon biggest in about 20
    years: If the moon ...') are a list of links with their standfirsts. Its headlines differ from line to
    line and share no word with the next one: a chronology's labels recur ('In the Gulf:', 'At the White
    House:') and a speaker's label is a name or in capitals ('ZAKARIA:')."""
    heads = [_teaser_head(line) for line in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and heads[j] is not None and (j == i or _unrelated(heads[j - 1], heads[j])):
            j += 1
        run = heads[i:j]
        if len(run) >= rules.TEASER_RUN and len(set(run)) >= rules.TEASER_DISTINCT * len(run):
            for line in lines[i:j]:
                line.kind, line.reason, line.score = "furniture", "list of other stories (headline: standfirst)", -5.0
        i = max(j, i + 1)


def _teaser_head(line: Line) -> str | None:
    """The headline a line opens with before a colon and one sentence of standfirst: words enough, some of
    them content words, no clock time (a live blog's '11.45 am ET:' is its entry's time stamp). A section
    of the page's own article ('Wild 4, Sabres 1: Zach Parise scored twice. ...') says more than a sentence."""
    match = rules.TEASER.match(line.text)
    if not match or line.kind == "metadata" or match["head"].isupper() or rules.CLOCK.search(match["head"]) \
            or len(match["head"].split()) not in rules.TEASER_HEAD_WORDS \
            or len(rules.TEASER_WORD.findall(match["head"].lower())) < rules.TEASER_CONTENT_WORDS \
            or rules.SENTENCE_END.search(line.text, match.end()):
        return None
    return match["head"]


def _unrelated(a: str, b: str) -> bool:
    return not set(rules.TEASER_WORD.findall(a.lower())) & set(rules.TEASER_WORD.findall(b.lower()))


def _about_the_page(key: str, others: list[str]) -> bool:
    words = {w for w in key.split() if len(w) >= STRAY_WORD}
    page = {w for other in others for w in other.split()}
    return len(words & page) >= STRAY_SHARE * len(words)


def _mark_glued(lines: list[Line], pieces: list[glue.Piece]) -> None:
    """Headlines and captions cut off the front of a line (glue.py) are not article text; a headline may
    still be the title (see _find_title)."""
    for line, piece in zip(lines, pieces):
        if piece.reason and line.kind != "metadata":
            line.kind = "glued" if piece.reason.startswith(glue.GLUED_HEADLINE) else "caption"
            line.reason, line.score = piece.reason, GLUED_SCORE


def _date_marks(text: str, found: meta.LineMeta) -> dict[str, str]:
    """Whether a metadata line carries a date, and whether it also names someone (a signature)."""
    if not found.date:
        return {}
    rest = text[: found.date.start] + text[found.date.end:]
    return {"dated": "yes", "signed": "yes" if len(blocks.WORD.findall(rest)) >= 2 else ""}


def _mark_enumerations(lines: list[Line]) -> None:
    """Lines numbered 1), 2), 3)... with something between them are the items of a list inside the
    article (a ranking of links, one per line, is not)."""
    last_seen: dict[int, int] = {}
    for line in lines:
        match = rules.ENUMERATOR.match(line.text)
        if not match or line.kind in ("furniture", "metadata"):
            continue
        number = int(match["n"])
        previous = last_seen.get(number - 1)
        if previous is not None and 2 <= line.index - previous <= MAX_ITEM_GAP:
            for item in (lines[previous], line):
                item.kind, item.score = "item", ITEM_SCORE
        last_seen[number] = line.index


def _section_cut(lines: list[Line], start: int, end: int) -> int:
    """The body ends where the page footer starts, once some article text has come."""
    prose_words = 0
    for i in range(start, end):
        if prose_words >= MIN_WORDS_BEFORE_FOOTER and rules.FOOTER_START.search(lines[i].text):
            return i
        if lines[i].kind in PROSE:
            prose_words += lines[i].words
    return end


def _next_article_cut(lines: list[Line], start: int, end: int) -> int:
    """An article has one dated header. Well into the text, a headline-shaped short line followed by a
    dated byline or date line starts another story (a feed of teasers, the next post of a blog)."""
    dated = [i for i in range(start + 1, end) if lines[i].meta.get("dated") and lines[i].kind == "metadata"
             and not lines[i].text.startswith(rules.ATTRIBUTION_DASHES)]
    prose_words, next_dated = 0, iter(dated + [end])
    upcoming = next(next_dated)
    for i in range(start + 1, end):
        if i == upcoming:
            upcoming = next(next_dated)
            if prose_words >= MIN_WORDS_BEFORE_NEXT_ARTICLE and lines[i - 1].kind == "short":
                return i - 1
        if lines[i].kind in PROSE:
            prose_words += lines[i].words
    return end


def find_body_span(lines: list[Line]) -> tuple[int, int, int | None]:
    """[start, end) of the article, and where reader comments start (None: no comments)."""
    start, end = blocks.max_sum_span([line.score for line in lines])
    if start >= end:
        return (*_listing_span(lines), None)
    comments = comments_start(lines, start)
    end = _section_cut(lines, start, end if comments is None else min(end, comments))
    return start, _next_article_cut(lines, start, end), comments


def _listing_span(lines: list[Line]) -> tuple[int, int]:
    """A page without a line of prose (a results table, a calendar) is a listing: the lines between its
    dated header and the next metadata line or the footer are the article's items."""
    start = next((i for i, line in enumerate(lines) if line.kind == "metadata"), None)
    if start is None:
        return 0, 0
    while start < len(lines) and lines[start].kind == "metadata":
        start += 1
    end = next((i for i in range(start, len(lines)) if lines[i].kind == "metadata"
                or rules.FOOTER_START.search(lines[i].text) or rules.COMMENT_SECTION_START.match(lines[i].text)),
               len(lines))
    for line in lines[start:end]:
        if line.kind in LISTING_KINDS and len(line.text.split()) >= 2:
            line.kind = "item"
    return start, end


def _is_heading(lines: list[Line], i: int, start: int, end: int) -> bool:
    line = lines[i]
    if line.kind == "crosshead":
        return True
    if line.kind != "short" or not (1 <= line.words <= HEADING_MAX_WORDS) or i in (start, end - 1):
        return False
    if not line.text[:1].isupper() and not line.text[:1].isdigit():
        return False
    before = next((lines[j] for j in range(i - 1, start - 1, -1) if lines[j].kind != "repeat"), None)
    after = lines[i + 1] if i + 1 < end else None
    prose = {"prose", "short prose"}
    return bool(before and after and before.kind in prose and after.kind in prose)


def _body(lines: list[Line], start: int, end: int, found: Found) -> list[int]:
    """Turn the span's lines into blocks; returns the indices kept."""
    kept = []
    also_kept = _weak_paragraphs(lines, start, end) | _short_sentences_of_prose(lines, start, end)
    for i in range(start, end):
        line = lines[i]
        if _is_heading(lines, i, start, end):
            text = line.meta.get("text", line.text)
            found.blocks.append(Block("heading", text))
            kept.append(i)
        elif line.kind in ("prose", "short prose", "item") or i in also_kept:
            found.blocks.append(Block("paragraph", line.text))
            kept.append(i)
    return kept


def _short_sentences_of_prose(lines: list[Line], start: int, end: int) -> set[int]:
    """Short sentences among paragraphs of prose ('On Saturday, the coalition attacked.', 'Tomahawk missiles
    normally carry a 1,000-pound conventional warhead.') are reporting, not labels: each opens with a
    capital, ends with a full stop and has lower-case words, and their run has prose on both sides."""
    kept: set[int] = set()
    i = start
    while i < end:
        j = i
        while j < end and _short_sentence(lines[j]):
            j += 1
        if j > i and i > start and j < end and lines[i - 1].kind in PROSE and lines[j].kind in PROSE:
            kept.update(range(i, j))
        i = j + 1
    return kept


def _short_sentence(line: Line) -> bool:
    return line.kind == "weak" and line.ends_sentence and bool(SHORT_SENTENCE.match(line.text)) \
        and sum(word[:1].islower() for word in line.text.split()) >= SHORT_SENTENCE_LOWER_WORDS


def _weak_paragraphs(lines: list[Line], start: int, end: int) -> set[int]:
    """Long lines that do not read as prose (list items, quotes, paragraphs without a full stop) and data
    table rows are kept in runs that touch prose; among headlines and time stamps they are teasers."""
    kept: set[int] = set()
    run: list[int] = []
    touches_prose = False
    for i in range(start, end + 1):
        line = lines[i] if i < end else None
        if line is not None and line.kind in ("weak", "table"):
            run += [i] if line.words >= 10 or line.kind == "table" else []
            continue
        next_is_prose = line is not None and line.kind in PROSE
        if run and (touches_prose or next_is_prose):
            kept.update(run)
        run, touches_prose = [], next_is_prose
    return kept


def _removal_reason(line: Line, i: int, start: int, end: int, comments: range) -> str:
    if line.reason:
        return line.reason
    if i in comments:
        return "reader comments"
    if i < start:
        return "before the article (menus, headers)"
    if i >= end:
        return "after the article (related links, comments, footer)"
    return "short line inside the article (label, caption or link)"


def _comment_lines(lines: list[Line], comments: int | None) -> range:
    """The reader comments run from their start to the page footer."""
    if comments is None:
        return range(0)
    footer = next((i for i in range(comments, len(lines)) if rules.FOOTER_START.search(lines[i].text)), len(lines))
    return range(comments, footer)


def _apply_metadata(lines: list[Line], start: int, end: int, found: Found) -> None:
    """Take metadata from the lines nearest the body: header lines first, then credits after it."""
    order = list(range(start - 1, -1, -1)) + list(range(start, len(lines)))
    for i in order:
        line_meta = meta.read_metadata_line(lines[i].text)
        if line_meta is None or lines[i].kind not in ("metadata",):
            continue
        if line_meta.date and found.date_candidates == ():
            found.date_candidates, found.date_raw = line_meta.date.candidates, line_meta.date.raw
        found.agency = found.agency or line_meta.agency
        found.outlet = found.outlet or line_meta.outlet
        found.author = found.author or line_meta.author
        if line_meta.note:
            found.warnings.append(f"{line_meta.note}: author left empty")


def _header_line(lines: list[Line], start: int) -> int | None:
    """The line right above the body once bylines and dates are passed: where a page puts its headline."""
    return next((i for i in range(start - 1, -1, -1) if lines[i].kind != "metadata"), None)


def _find_title(lines: list[Line], start: int, end: int, language: str | None) -> str | None:
    """The headline: a headline-shaped line (or table cell) above the body, past bylines and dates,
    preferring text whose words the lead paragraphs take up again (a headline summarises the lead).

    Lines repeated across sources (menus, tickers) are skipped, except the one right above the
    body's bylines and dates: wire copies republished by several outlets share their headline.
    """
    lead = meta.stems(" ".join(line.text for line in lines[start:end] if line.kind in PROSE)[:LEAD_CHARS])
    stops = blocks.stoplist(language)
    header = _header_line(lines, start)
    best, best_score = None, 0.0
    for distance, i in enumerate(range(start - 1, max(-1, start - TITLE_LOOKBACK), -1)):
        if lines[i].kind in ("metadata", "caption") or (lines[i].kind == "furniture" and i != header) \
                or lines[i].reason == PULL_QUOTE:
            continue
        for cell in rules.CELL_SEPARATORS.split(lines[i].text):
            candidate = meta.clean_title(cell.strip())
            score = meta.title_score(candidate, len(candidate.split()))
            overlap = meta.lead_overlap(candidate, lead, stops)
            if lines[i].kind == "glued" and not _glued_headline(candidate, overlap):
                continue
            if score:
                score += TITLE_LEAD_WEIGHT * overlap - distance * TITLE_DISTANCE_COST
            if score > best_score:
                best, best_score = candidate, score
    return best


def _glued_headline(text: str, overlap: float) -> bool:
    """A piece cut off the front of the lead is its headline when the lead takes its words up again and it is
    headline-length: a longer run is a page's story highlights glued together ('Explosions, gunfire heard
    overnight in Tripoli Gadhafi supporters rally in Tripoli Gadhafi vows ...'), and the lead titles the page."""
    return overlap >= GLUED_TITLE_OVERLAP and len(text.split()) <= glue.HEADLINE_WORDS


def clean_text(text: str, language: str | None, shared: frozenset[str] = frozenset()) -> Found:
    found = Found(language=language)
    unspaced = blocks.is_unspaced(text)
    pieces = glue.split_glued(blocks.split_lines(text), shared)
    lines = [Line(i, piece.text) for i, piece in enumerate(pieces)]
    for line in lines:
        blocks.measure(line, language)
        blocks.classify(line, unspaced)
    _mark_special(lines, shared)
    _mark_stray_repeats(lines, shared)
    _mark_teaser_lists(lines)
    _mark_pull_quotes(lines)
    _mark_glued(lines, pieces)
    _mark_enumerations(lines)
    start, end, comments = find_body_span(lines)
    found.title = _find_title(lines, start, end, language)
    _apply_metadata(lines, start, end, found)
    kept = set(_body(lines, start, end, found))
    comment_lines = _comment_lines(lines, comments)
    for i, line in enumerate(lines):
        if i not in kept and normalise(line.text) != normalise(found.title or ""):
            found.removed.append(Removal(line.text, _removal_reason(line, i, start, end, comment_lines)))
    _take_dateline(found)
    return found


def _take_dateline(found: Found) -> None:
    first = next((k for k, b in enumerate(found.blocks) if b.kind == "paragraph"), None)
    if first is None:
        return
    place, agency, rest = meta.split_dateline(found.blocks[first].text)
    if place:
        found.dateline = place
        found.agency = found.agency or agency
        found.blocks[first] = found.blocks[first].__class__("paragraph", rest)
