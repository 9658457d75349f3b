"""Metadata from the lines around an article: bylines, credits, dates, 'Published in', datelines, titles."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules
from .bylines import GLUE, agency_name, person_or_agency, read_byline
from .dates import DateMatch, find_dates

GLUED_PREFIX = re.compile(r"^(?P<prefix>[a-z]+(?: [a-z]+){1,3})(?P<rest>[A-Z].*)$")
PLACE_PARTICLE = r"(?:[a-z]{1,2}['’]|(?:de|del|da|la|le|el|al|of)[ \-])"
DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z'’.\-]*(?:[ \-]{PLACE_PARTICLE}?[A-Z][A-Za-z'’.\-]*){{0,2}})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
    r"(?:,?\s*(?P<when>[A-Z][a-z]{2,8}\.? \d{1,2}))?"
    rf"\s*(?:\((?P<agency>{rules.AGENCY_NAMES})\))?\s*(?P<sep>:|--|-|–|—|_)\s+(?=[A-Z\"“‘'])", re.I)
DATED_SENTENCE_ENDS = (".", "!", "?", ".\"", ".”")
DATED_SENTENCE_LOWER_WORDS = 2
TITLE_MIN_WORDS = 3
MIN_PLACE_LETTERS = 5


@dataclass
class LineMeta:
    """What a metadata line says; a field is None when the line does not say it."""

    kind: str
    date: DateMatch | None = None
    author: str | None = None
    agency: str | None = None
    outlet: str | None = None
    note: str | None = None


def strip_glued_prefix(title: str) -> str:
    """'article imageSyrian troops ...' -> 'Syrian troops ...': image alt text run into a headline."""
    match = GLUED_PREFIX.match(title)
    if match and len(match["rest"].split()) >= 3:
        return match["rest"]
    return title


def clean_title(text: str) -> str:
    """A headline without image alt text glued before it or a dateline glued after it (a date line, or a
    place in capitals: 'EU to look at using frozen Libyan funds for rebels LUXEMBOURG')."""
    title = strip_glued_prefix(text)
    for match in GLUE.finditer(title):
        if read_metadata_line(title[match.start():]):
            return title[: match.start()].strip()
    place = rules.TRAILING_PLACE.search(title)
    head = title[: place.start()].strip(" |-–—") if place else ""
    if place and _is_place(place.group(0)) and len(head.split()) >= TITLE_MIN_WORDS and re.search(r"\b[a-z]{3,}\b", head):
        return head
    return title


def _is_place(text: str) -> bool:
    """'LUXEMBOURG', 'UNITED NATIONS', 'PARIS/RIYADH' — not an organisation's initials ('IMF', 'NATO')."""
    words = text.strip(" |").split()
    return len(words) > 1 or "/" in text or len(words[0].strip(",.")) >= MIN_PLACE_LETTERS


def stems(text: str) -> set[str]:
    """Crude word stems (the first five letters), enough to match 'married' with 'marry'."""
    return {w[:5] for w in re.findall(r"\w+", text.lower())}


def lead_overlap(title: str, lead: set[str], stopwords: frozenset[str]) -> float:
    """Share of the title's content words that come back in the lead paragraphs."""
    words = [w for w in re.findall(r"\w+", title.lower()) if len(w) > 2 and w not in stopwords]
    if not words:
        return 0.0
    return sum(w[:5] in lead for w in words) / len(words)


def _tells_what_happened(text: str, date: DateMatch) -> bool:
    """'28 June 2009 Police interview the doctor.' is a chronology entry and 'It will air on ABC on November 21,
    2010.' a sentence, not a page's date line: around the date stands a sentence (two lower-case words other
    than a stamp's, and a full stop; 'Picture taken March 16, 2011.' is a caption's date). A date with a clock
    time is a time stamp whatever follows it ('Friday 17 September 2010 10.00 BST guardian.')."""
    if rules.CLOCK.search(text):
        return False
    rest = (text[: date.start] + " " + text[date.end:]).strip(" :-–—,")
    lower = sum(word[:1].islower() and word.strip(".,:;()").lower() not in rules.STAMP_WORDS for word in rest.split())
    return text.rstrip().endswith(DATED_SENTENCE_ENDS) and lower >= DATED_SENTENCE_LOWER_WORDS


def read_metadata_line(text: str) -> LineMeta | None:
    """Recognise a byline, credit, date or 'Published in' line; None for anything else."""
    words = text.split()
    if not words or len(words) > 30:
        return None
    dates = find_dates(text)
    date = dates[0] if dates else None
    published = rules.PUBLISHED_IN.match(text)
    if published and len(published["outlet"].split()) <= 6:
        found = find_dates(published["date"] or "")
        return LineMeta("published in", date=found[0] if found else date, outlet=published["outlet"].strip(" .:"))
    credit = rules.CREDIT_LINE.match(text)
    if credit:
        return LineMeta("credit", agency=agency_name(credit["agency"]))
    byline = read_byline(text)
    if byline is not None:
        return None if byline.kind != "byline" else LineMeta("byline", date=date, author=byline.author,
                                                            agency=byline.agency, note=byline.note)
    if date and len(words) <= 12 and not _tells_what_happened(text, date):
        trailing = re.search(r"\bby\s+(?P<who>[\w.'’ -]{2,40})$", text[date.end:], re.I)
        signed = person_or_agency(trailing["who"], text) if trailing else None
        if signed is None:
            return LineMeta("date", date=date)
        return LineMeta("byline", date=date, author=signed.author, agency=signed.agency, note=signed.note)
    return None


def _in_capitals(place: str) -> bool:
    """'BEIRUT', "COEUR d'ALENE": capitals but for the particles inside a place name."""
    return re.sub(PLACE_PARTICLE, " ", place).isupper()


def split_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """('BEIRUT', agency or None, rest) when the paragraph opens with a dateline, else (None, None, paragraph)."""
    match = DATELINE.match(paragraph)
    if not match:
        return None, None, paragraph
    place = match["place"]
    shouted = _in_capitals(place)
    if place.lower() in rules.DATELINE_STOPWORDS or len(place) < 3:
        return None, None, paragraph
    if match["sep"] in "-–—_" and not (shouted or match["agency"]):
        return None, None, paragraph
    if not (shouted or match["agency"] or match["sep"] == ":"):
        return None, None, paragraph
    if not shouted and len(place.split()) > 2:
        return None, None, paragraph
    rest = paragraph[match.end():]
    if len(rest.split()) < 6:
        return None, None, paragraph
    agency = agency_name(match["agency"]) if match["agency"] else None
    return place, agency, rest


def title_score(text: str, words: int) -> float:
    """How much a line looks like a headline (0 = not at all): not a sentence's end or a dateline's dash
    ('BP PENSACOLA BEACH, Fla. --')."""
    if not 2 <= words <= 30 or text.endswith((".", ",", ";", ":", "-", "—", "–")):
        return 0.0
    if read_metadata_line(text) or rules.INLINE_SEPARATORS.search(text.strip()):
        return 0.0
    score = 1.0
    if 5 <= words <= 20:
        score += 1.0
    return score


def first_sentence(paragraph: str) -> str:
    """The paragraph up to its first full stop that is not an abbreviation's ('Mr.', 'U.S.')."""
    for match in rules.SENTENCE_END.finditer(paragraph):
        word = paragraph[: match.end()].split()[-1].rstrip(".!?").lower()
        if word not in rules.ABBREVIATIONS:
            return paragraph[: match.end()]
    return paragraph


def lead_title(paragraph: str) -> str:
    """A short form of the lead sentence, for a source without a headline: the sentence itself when it is
    short, else its opening clause, else its first words cut before a name or a dangling function word; a
    wire dateline ('Tripoli, Libya (CNN) --') or a live blog's stamp ('(9:22 p.m. ET)') is not part of it."""
    paragraph = split_dateline(paragraph)[2]
    paragraph = paragraph[m.end():] if (m := rules.LEADING_WIRE_DATELINE.match(paragraph)) else paragraph
    paragraph = paragraph[m.end():] if (m := rules.LIVE_STAMP.match(paragraph)) else paragraph
    words = first_sentence(rules.INNER_BULLET.split(paragraph.lstrip(rules.BULLETS))[0]).split()
    if len(words) <= rules.LEAD_TITLE_WORDS:
        return " ".join(words).rstrip(".!?:;,")
    span = range(rules.LEAD_TITLE_MIN_WORDS, rules.LEAD_TITLE_WORDS + 1)
    marked = [i for i in span if words[i - 1][-1] in ",;:" or words[i] in ("-", "–", "—")]
    opened = [i for i in span if words[i].lower() in rules.CLAUSE_OPENERS]
    if marked or opened:
        return " ".join(words[: (marked or opened)[-1]]).rstrip(",;:") + "…"
    cut = rules.LEAD_TITLE_WORDS
    while cut > rules.LEAD_TITLE_MIN_WORDS and (words[cut][:1].isupper() and words[cut - 1][:1].isupper()
                                                 or _dangles(words[cut - 1])):
        cut -= 1
    return " ".join(words[:cut]).rstrip(",;:-–—") + "…"


def _dangles(word: str) -> bool:
    """A word a title cannot end on: 'of', 'the', 'and', an opening quote."""
    bare = word.strip("\"'“‘`(").lower()
    return bare in rules.DANGLING_WORDS or word[-1] in "-–—(" or word[:1] in "\"“‘`("
