"""Pieces a scraper ran together on one line: a byline, a time stamp, a headline or photo caption, an
image credit, glued in front of the article's sentence ("Jackson death was 'not suspicious' Medical
experts say they are not treating ...").

A line is cut where one of these signals says a new piece starts:
- a byline that runs into a clause (bylines.py decides where it ends);
- on a page's first line, a wire dateline ('Tripoli, Libya (CNN) --') after some words: what comes before
  it is the headline and the story's highlights;
- a full date with a clock time ('Tuesday 6 July 2010 18.50 BST'): a page's time stamp;
- an image credit ('Photograph: Reuters/Eliana Aponte'): the text before it is its caption;
- a link's label at the start of a line ('Full Article Rebels push west ...'): a button, before the headline;
- on a page's first line, a speaker, a colon and a quote after the headline ('... death Dr Steven Shafer:
  "Yes is not what ..."'): a pull quote;
- a web server's error message ('(an error occurred while processing this directive)'), wherever it is;
- a run of words with no sentence punctuation that runs into a new capitalised clause, where the new
  clause opens with a word that only a sentence opens with ('... around the world There was no sign'),
  is, in the page's first lines, a common word the page also writes in lower case ('... at the start of
  the show Stars have been'; further down, 'the former House speaker' is prose),
  follows a closing quote mark ("... ` not suspicious ' Medical experts say"), or where the run also
  opens a line of another source of the dossier and goes on differently there (a caption used twice).
The run must itself be shaped like a headline or caption (several words, ending in a content word),
and what follows must read as a sentence: "President Obama said" or "told The Washington Post that"
are not cut.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules
from .blocks import normalise
from .bylines import read_byline
from .dates import find_dates

MIN_RUN_WORDS = 3
SHARED_MIN_WORDS = 4
MAX_RUN_WORDS = 30
MIN_SENTENCE_WORDS = 6
MAX_CAPTION_PIECES = 3
HEAD_PIECES = 6
HEAD_LINES = 1
DATELINE_LINES = 3
HEADLINE_WORDS = 15
PREFIX_LINES = 3
GLUED_HEADLINE = "glued headline or caption"
PULL_QUOTE = "pull quote (a speaker's words after the headline)"
STAMP_LINE_WORDS = 12
STAMP_CONTEXT = 60
LOWER_WORD = re.compile(r"(?<![\w'’./@-])[a-z][a-z'’-]*(?![\w'’/@-]|\.\w)")
ENUMERATOR = re.compile(r"^\(?\d{1,2}[.)]$")
WIRE_DATELINE = re.compile(r"(?<=\S)\s+(?=(?:(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*(?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?)?)?"
                           r"\s*\([A-Z][A-Za-z]+\)\s*(?:--|—)\s)")
ABBREVIATION = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z][a-z]{0,3}\.$")


@dataclass(frozen=True)
class Context:
    """What a cut may look at beyond the line: other sources' line openings, the page's lower-case words
    (empty past the page's first lines), whether the line is the page's first."""

    shared: frozenset[str]
    common: frozenset[str]
    first_line: bool = False
    before_body: bool = False


@dataclass
class Piece:
    """A piece of a line; `reason` says why it is not article text (None: decided by the usual rules)."""

    text: str
    reason: str | None = None
    stamp: bool = False


def candidate_cuts(words: list[str], min_run: int = MIN_RUN_WORDS, min_rest: int = 1) -> list[int]:
    """Where a headline-shaped run could end: before a capitalised word, with no sentence stop in the run,
    the run not a date ('28 June 2009 Police interview ...': a chronology entry) and ending on a content word."""
    if _opens_with_date(words):
        return []
    stop = next((i for i, w in enumerate(words) if _ends_sentence(w)), len(words))
    last_cut = min(stop, len(words) - min_rest, MAX_RUN_WORDS)
    return [cut for cut in range(min_run, last_cut + 1) if words[cut][:1].isupper() and _may_end_run(words[:cut])]


def prefix_keys(line: str) -> list[tuple[str, str]]:
    """(run, run + next word) keys at every place where a headline-shaped run could end on this line."""
    words = line.split()
    keys = []
    for cut in candidate_cuts(words, SHARED_MIN_WORDS):
        run = normalise(" ".join(words[:cut]))
        keys.append((f"{run}\x1f", f"{run}\x1f{normalise(words[cut])}"))
    return keys


def _ends_sentence(word: str) -> bool:
    bare = word.rstrip(rules.CLOSING_QUOTE_CHARS + ")")
    return bare[-1:] in (".", "!", "?") and not ABBREVIATION.match(bare)


def _closes_quote(run: list[str]) -> bool:
    """The run ends with the closing mark of a quoted phrase it opened ("Jackson death was ` not suspicious '");
    a quote closed after a comma or a question mark is speech, and its speaker follows ('..., ' Mr Harvey said')."""
    text = " ".join(run)
    if text[-1] not in rules.CLOSING_QUOTE_CHARS or text.endswith(("s'", "s’")) or not text[:-1].rstrip()[-1:].isalnum():
        return False
    opened = [c for c in text[:-1] if c in rules.OPENING_QUOTE_CHARS]
    return bool(opened) and (opened[-1] != '"' or text.count('"') % 2 == 0)


def _open_quote(run: list[str]) -> bool:
    """The run stops inside a quotation: its quote marks do not pair up (’ is also an apostrophe)."""
    text = " ".join(run)
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”") or text.count("``") > text.count("''") \
        or any(mark in text and close not in text[text.rindex(mark):] for mark, close in (("‘", "’"), ("`", "'")))


def _opens_with_date(run: list[str]) -> bool:
    """'28 June 2009 Police interview the doctor': a chronology entry, not a headline before its lead."""
    found = find_dates(" ".join(run[:5]))
    return bool(found) and found[0].start == 0


def _may_end_run(run: list[str]) -> bool:
    """A headline or caption ends in a content word (or a closing quote)."""
    if _closes_quote(run):
        return True
    last = run[-1]
    bare = last.strip("\"'’”)").lower()
    if not re.search(r"\w", bare) or _open_quote(run) or sum(w[:1].isalpha() for w in run) < 2 \
            or ENUMERATOR.match(last):
        return False
    return last[-1] not in ",;:-–—_" and bare not in rules.RUN_NEVER_ENDS and not last[:1].isupper()


def _reads_as_sentence(words: list[str]) -> bool:
    lower = sum(w[:1].islower() for w in words)
    return len(words) >= MIN_SENTENCE_WORDS and lower >= 2 and words[0][:1].isupper()


def _starts_sentence(run: list[str], rest: list[str], context: Context) -> bool:
    """The word opens a new sentence rather than continuing a name ('The Hague', 'influenza A (H1N1)';
    'The US government' does open one).

    A common word ('Stars', 'Scientists') counts only after a headline-length run that does not end on a
    number or an -ing word: 'charged six University students', 'ruling Law & Justice party' are prose."""
    word, following = rest[0].strip("\"'‘“("), rest[1].strip("\"'‘“(")
    acronym = following.isalpha() and following.isupper() and len(following) > 1 and rest[1][:1] != "("
    if following[:1].isupper() and not acronym or word.isupper() and len(word) > 1:
        return False
    lower = word.lower()
    if lower in rules.SENTENCE_OPENERS:
        return True
    last = run[-1].strip("\"'’”").lower()
    return lower in context.common and lower not in rules.RUN_NEVER_ENDS and len(run) <= HEADLINE_WORDS \
        and not (last.endswith("ing") or last[:1].isdigit() or last in rules.NUMBER_WORDS)


def _cut_reason(words: list[str], cut: int, context: Context) -> str | None:
    """Why a new sentence starts at words[cut], or None when nothing says so."""
    run, rest = words[:cut], words[cut:]
    if not _reads_as_sentence(rest):
        return None
    key = normalise(" ".join(run))
    if len(run) >= SHARED_MIN_WORDS and f"{key}\x1f" in context.shared \
            and f"{key}\x1f{normalise(rest[0])}" not in context.shared:
        return "the same words open a line of another source of the dossier"
    if _closes_quote(run) and (_starts_sentence(run, rest, context) or _headline_before_lead(run, rest, context)):
        return "a closing quote mark, then a new sentence"
    if not _starts_sentence(run, rest, context):
        return None
    return f"a new sentence starts at {rest[0]!r} without a full stop"


def _headline_before_lead(run: list[str], rest: list[str], context: Context) -> bool:
    """On a page's first line, a run that does not open like a sentence ('By the time ...', 'In ...') and
    ends on a quote, then a capitalised clause: "Jackson death was ` not suspicious ' Medical experts say"."""
    return context.first_line and run[0].lower() not in rules.SENTENCE_OPENERS | {"by"} \
        and rest[1][:1].islower() and not rest[0].isupper()


def split_run(text: str, context: Context) -> tuple[str, str, str] | None:
    """(run, reason, rest) for the first headline or caption glued in front of a sentence, else None."""
    words = text.split()
    for cut in candidate_cuts(words, MIN_RUN_WORDS, MIN_SENTENCE_WORDS):
        reason = _cut_reason(words, cut, context)
        if reason:
            return " ".join(words[:cut]), reason, " ".join(words[cut:])
    return None


def _split_pull_quote(text: str) -> tuple[str, str, str] | None:
    """(headline, pull quote, rest) for a page's first line that runs its headline into a quote with its speaker
    ('Conrad Murray "responsible" for Michael Jackson's death Dr Steven Shafer: "Yes is not what a doctor says
    ..." ...'). The speaker is the shortest run of words before the colon that a headline can end in front of;
    after a speech verb ('the minister told Parliament: "..."') the colon is the prose's."""
    words = text.split()
    for cut in reversed(candidate_cuts(words, MIN_RUN_WORDS, 2)):
        rest = " ".join(words[cut:])
        quote = rules.PULL_QUOTE.match(rest)
        if not quote or len(quote["speaker"].split()) > rules.PULL_QUOTE_SPEAKER_WORDS:
            continue
        if words[cut - 1].lower() in rules.SPEECH_VERBS or len(quote["quote"].split()) < rules.PULL_QUOTE_MIN_WORDS:
            return None
        after = rest[quote.end():].strip()
        if after and not _reads_as_sentence(after.split()):
            return None
        return " ".join(words[:cut]), quote.group(0), after
    return None


def _split_stamp(text: str) -> tuple[str, str, str] | None:
    """(before, stamp, after) for a date with a clock time ('Tuesday 6 July 2010 18.50 BST') in a longer line,
    before a sentence or at the line's end (a comment signed after its text: '... March 9, 2011 at 10:05 am');
    or for a date after 'Last updated:', 'Published' or 'Posted' that opens the line ('Last updated: 29 June
    2010 Are you trying to trace your family tree?')."""
    if len(text.split()) <= STAMP_LINE_WORDS:
        return None
    for date in find_dates(text):
        window = max(0, date.start - STAMP_CONTEXT)
        before = rules.STAMP_BEFORE_DATE.search(text, window, date.start)
        after = rules.STAMP_AFTER_DATE.match(text, date.end)
        rest = text[after.end():].strip(" |;,-–—")
        opens_line = bool(before and before["lead"]) and not text[:before.start()].strip(" |") \
            and not rest[:1].islower()  # 'Published on 3 March 2011 the report found ...' is one sentence
        if not (before and before["clock"]) and not (after["clock"] or after["updated"]) and not opens_line:
            continue
        if not rest or len(rest.split()) >= MIN_SENTENCE_WORDS - 2:
            return text[: before.start()].strip(" |;,-–—"), text[before.start(): after.end()].strip(), rest
    return None


def _before_stamp(text: str, context: Context) -> list[Piece]:
    """What precedes a time stamp: a headline, then the place it was filed from in capitals
    ('EU to look at using frozen Libyan funds for rebels LUXEMBOURG | Mon Jun 20, 2011 ...')."""
    place = rules.TRAILING_PLACE.search(text)
    if not place:
        return _split_line(text, context) if text else []
    head = text[: place.start()].strip(" |-–—")
    return (_split_line(head, context) if head else []) + [Piece(place.group(0).strip(), "dateline before a time stamp")]


def _split_credit(text: str) -> tuple[str, str, str] | None:
    """(caption, credit, after) for an image credit ('Photograph: PA') followed by more text."""
    match = rules.IMAGE_CREDIT.search(text)
    if not match:
        return None
    tokens = text[match.end():].split()
    taken = _credit_tokens(tokens)
    if not taken or 0 < len(tokens) - taken < MIN_SENTENCE_WORDS - 2:
        return None
    credit = text[match.start(): match.end()] + " ".join(tokens[:taken])
    return text[: match.start()].strip(), credit.strip(), " ".join(tokens[taken:])


def _credit_tokens(tokens: list[str]) -> int:
    """'AP', 'Reuters/Eliana Aponte', 'Spencer Platt/Getty Images': where a photo credit ends.

    Credits name an agency or a photographer joined by slashes; after the last slashed part come only
    a photographer's surname or a word like 'Images'."""
    if not tokens or not tokens[0][:1].isupper() or tokens[0].lower() in rules.SENTENCE_OPENERS:
        return 0
    slashed = [i for i, t in enumerate(tokens[:5]) if "/" in t]
    if not slashed:
        second = tokens[1] if len(tokens) > 1 else ""
        two_names = second[:1].isupper() and second.lower() not in rules.SENTENCE_OPENERS and not second.isupper()
        return 1 if tokens[0].isupper() or not two_names else 2
    end = slashed[-1] + 1
    last_part = re.split(r"\\?/", tokens[slashed[-1]])[-1]
    following = tokens[end] if end < len(tokens) else ""
    if following.lower() in rules.CREDIT_WORDS:
        return end + 1
    first_name = last_part[:1].isupper() and not last_part.isupper() and last_part.lower() not in rules.PHOTO_AGENCIES
    surname = following[:1].isupper() and not following.isupper() and following.lower() not in rules.SENTENCE_OPENERS
    return end + 1 if first_name and surname else end


def _wire_dateline(text: str) -> re.Match | None:
    """Where the wire dateline starts in a line: the first place that can begin it, or a later one that the
    words before it repeat ('... the oil port city of Ras Lanuf Ras Lanuf, Libya (CNN) --': a highlight
    ending on the place the dateline names)."""
    first = WIRE_DATELINE.search(text)
    if not first:
        return None
    paren = text.index("(", first.end())
    for match in WIRE_DATELINE.finditer(text, first.start()):
        place = text[match.end():paren].split(",")[0].strip()
        if match.end() < paren and place and text[:match.start()].rstrip().endswith(" " + place):
            return match
    return first


def _split_line(text: str, context: Context) -> list[Piece]:
    error = rules.SERVER_ERROR.search(text)
    if error:
        return [*_split_line(text[:error.start()], context), Piece(error.group(0).strip(), "server error message"),
                *_split_line(text[error.end():], context)]
    label = rules.LINK_LABEL.match(text)
    if label:
        return [Piece(label.group(0).strip(), "link label")] + _split_line(text[label.end():], context)
    byline = read_byline(text)
    if byline is not None and byline.kind == "glued":
        return [Piece(text[: byline.end].strip(" ,"))] + _split_line(text[byline.end:].strip(" ,"), context)
    dateline = _wire_dateline(text) if context.before_body else None
    if dateline and len(text[:dateline.start()].split()) >= MIN_RUN_WORDS:
        *before, last = _split_line(text[:dateline.start()], context)
        return before + [Piece(last.text, f"{GLUED_HEADLINE} (before the wire dateline)"), Piece(text[dateline.end():])]
    stamp = _split_stamp(text)
    if stamp:
        before, when, after = stamp
        return _before_stamp(before, context) + [Piece(when, stamp=True)] + _split_line(after, context)
    credit = _split_credit(text)
    if credit:
        caption, what, after = credit
        pieces = [Piece(caption, "photo caption")] if caption else []
        return pieces + [Piece(what, f"image credit ({what.split(':')[0].strip('(')!r})")] + _split_line(after, context)
    pulled = _split_pull_quote(text) if context.first_line else None
    if pulled:
        head, quote, rest = pulled
        return [Piece(head, f"{GLUED_HEADLINE} (before a pull quote)"), Piece(quote, PULL_QUOTE),
                *_split_line(rest, context)]
    run = split_run(text, context)
    if run:
        head, why, rest = run
        return [Piece(head, f"{GLUED_HEADLINE} ({why})")] + _split_line(rest, context)
    return [Piece(text)]


def _mark_captions(pieces: list[Piece]) -> None:
    """A credit opening a line near the top: the pieces above it, back to the time stamp, are its caption."""
    for j, piece in enumerate(pieces[:HEAD_PIECES]):
        if not (piece.reason or "").startswith("image credit") or (j and pieces[j - 1].reason == "photo caption"):
            continue
        for k in range(j - 1, max(-1, j - 1 - MAX_CAPTION_PIECES), -1):
            if pieces[k].stamp or pieces[k].reason:
                break
            pieces[k].reason = "photo caption"


def _zone(i: int) -> int:
    """0: the page's head line; 1: a line where the article may still start at a wire dateline (a CNN page
    puts its headline, a byline and the story highlights on the lines before '(CNN) --'); 2: the body."""
    return 0 if i < HEAD_LINES else 1 if i < DATELINE_LINES else 2


def _mark_above_dateline(lines: list[str], per_line: list[list[Piece]]) -> None:
    """A page's first lines above a line that opens with a wire dateline ('Benghazi, Libya (CNN) -- The
    head of ...') are its headline, byline and story highlights: the article starts at the dateline. A
    headline-shaped piece and a byline are left for the title and the author; the rest (highlights run
    together, 'Watch "AC360" at 10 p.m. ET') is cut off."""
    start = next((i for i in range(1, min(DATELINE_LINES, len(lines)))
                  if rules.LEADING_WIRE_DATELINE.match(lines[i].lstrip())), None)
    for piece in (p for pieces in per_line[:start or 0] for p in pieces):
        if piece.reason is None and not piece.stamp and not _headline_shaped(piece.text) \
                and read_byline(piece.text) is None:
            piece.reason = f"{GLUED_HEADLINE} (before the wire dateline)"


def _headline_shaped(text: str) -> bool:
    words = text.split()
    return len(words) <= HEADLINE_WORDS and not _ends_sentence(words[-1] if words else ".")


def split_glued(lines: list[str], shared: frozenset[str]) -> list[Piece]:
    """Every line cut into its pieces, in order."""
    common = frozenset(w for line in lines for w in LOWER_WORD.findall(line))
    contexts = [Context(shared, common, first_line=True, before_body=True),
                Context(shared, frozenset(), before_body=True), Context(shared, frozenset())]
    per_line = [_split_line(line, contexts[_zone(i)]) for i, line in enumerate(lines)]
    _mark_above_dateline(lines, per_line)
    pieces = [piece for line_pieces in per_line for piece in line_pieces if piece.text]
    _mark_captions(pieces)
    return pieces
