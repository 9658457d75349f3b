"""Bylines: 'By Jane Smith, CNN', 'By the CNN Wire Staff', 'By AFP' — and the sentences that only look like one.

A byline is a short name line. "By Wednesday, Dan Cooke was on a plane", "By contrast, ..." or
"Written by Mervyn Peake, the books describe ..." are prose: what follows 'by' is a time, a common
word, or a name that runs into a clause. A scraped page may also glue a real byline to the caption or
lead that follows it ("By Pam Benson, CNN National Security Producer Khamis Gadhafi, son of ..."):
then the byline ends after the names, the outlet and the job title, and the rest is article text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules
from .dates import find_dates

NAME_PART = re.compile(r"^(?:[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z][a-zà-ÿ][\w'’-]*\.?|[A-Z]['’][A-Z][\w'’-]*|"
                       r"(?:al|el)-[A-Z][\w'’-]*)$")
NAME_PARTICLES = {"al", "el", "de", "da", "du", "di", "van", "vanden", "von", "der", "den", "del", "dos", "bin",
                  "ibn", "le", "la", "ter", "y"}
NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|(?:al|el)-[\w'’-]+)$")
MAX_NAME_WORDS = 4
MAX_TAIL_TOKENS = 8
MIN_GLUED_WORDS = 4
INITIAL = re.compile(r"(?:^|\s|\.)[A-Z]\.$")
CAPS_NAME = re.compile(r"^[A-Z][A-Z'’-]+[A-Z],?$")
OUTLET_ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9&\\/.-]+$")
TAIL_CONNECTORS = {"for", "to", "of", "at", "in", "and"}
SENTENCE_LOWER_WORDS = 2
SHORT_REST_WORDS = 5
GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


@dataclass
class Byline:
    """What a line that opens with 'By' is: a byline (with its end, for one glued to more text) or prose."""

    kind: str  # "byline", "glued" or "prose"
    end: int = 0
    author: str | None = None
    agency: str | None = None
    note: str | None = None


def unglue(text: str) -> str:
    """Put back the space a scraper lost between inline elements ('Remember meForgot password')."""
    return GLUE.sub(" ", text)


def agency_name(text: str) -> str | None:
    return rules.WIRE_AGENCIES.get(text.strip(" .,-–—()").lower())


def _agencies(text: str) -> list[str]:
    """['Reuters', 'AP'] for 'Reuters and AP', 'AFP/Reuters'; [] unless every part is a wire agency."""
    agencies = [agency_name(part) for part in re.split(r"\s*(?:/|,| and )\s*", text)]
    return agencies if text and all(agencies) else []


def _bare(token: str) -> str:
    return token.strip(",;:()[]\"“”‘’")


def _is_name_word(token: str) -> bool:
    word = token.rstrip(",;")
    lower = word.lower().rstrip(".")
    return bool(NAME_PART.match(word)) and not word.endswith(("'s", "’s")) and lower not in rules.ROLE_WORDS \
        and lower not in rules.NEVER_NAMES


def _name_tokens(tokens: list[str]) -> int:
    """How many leading tokens name the author or authors ('Pam Benson, Jeniffer Rizzo and Adam Levine').

    A month opens a name only before another name word ('April Ryan', not 'June, BP said')."""
    if tokens and tokens[0].lower().rstrip(".,") in rules.MONTH_NAMES and (
            tokens[0].endswith(",") or len(tokens) < 2 or not _is_name_word(tokens[1])):
        return 0
    if tokens and CAPS_NAME.match(tokens[0]):
        return _caps_name_tokens(tokens)
    taken, in_name = 0, 0
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if in_name and token.lower() in NAME_PARTICLES and _is_name_word(following):
            continue
        if in_name and taken == i and token.lower() in ("and", "&") and _is_name_word(following):
            in_name = 0
            continue
        if not _is_name_word(token) or in_name >= MAX_NAME_WORDS:
            break
        in_name += 1
        taken = i + 1
        if token.endswith((",", ";")):
            in_name = 0
    return taken


def _caps_name_tokens(tokens: list[str]) -> int:
    """'JORDAN ROBERTSON, Associated Press Writer': a name in capitals, two to four words."""
    taken = 0
    for token in tokens[:MAX_NAME_WORDS]:
        if not CAPS_NAME.match(token) or token.lower().rstrip(",.") in rules.ROLE_WORDS | rules.STAFF_WORDS:
            break
        taken += 1
        if token.endswith(","):
            break
    return taken if taken >= 2 else 0


def _tail_tokens(tokens: list[str]) -> int:
    """How many tokens after the names belong to the byline: outlet abbreviations, job titles, 'for CNN'.

    'CNN National Security Producer', 'Business reporter, BBC News', 'Special to CNN': the tail ends at
    its last outlet or job word; capitalised words after it (a caption's names) are the article's.
    """
    end, after_comma = 0, True
    previous = ""
    for i, token in enumerate(tokens[:MAX_TAIL_TOKENS]):
        word = _bare(token)
        lower = word.lower()
        if lower in rules.NEVER_NAMES and lower not in TAIL_CONNECTORS:
            break
        if lower in rules.ROLE_WORDS:
            end = i + 1
        elif OUTLET_ABBREVIATION.match(word) and (after_comma or previous in TAIL_CONNECTORS
                                                  or OUTLET_ABBREVIATION.match(previous or "-")):
            end = i + 1
        elif not (lower in TAIL_CONNECTORS or word[:1].isupper()):
            break
        after_comma, previous = token.endswith(","), word if not word[:1].islower() else lower
    return end


def _staff_tokens(tokens: list[str]) -> int:
    """'the CNN Wire Staff', 'JERUSALEM POST STAFF': a credit that ends in a staff word."""
    for i, token in enumerate(tokens[:6]):
        if _bare(token).lower() in rules.STAFF_WORDS and (i or len(tokens) == 1):
            return i + 1
        if not (_bare(token)[:1].isupper() or token.lower() == "the"):
            return 0
    return 0


def _reads_as_prose(who: str) -> bool:
    """'the time they arrived', 'Wednesday, Dan Cooke was', '2 June, BP had': a sentence, not a name."""
    words = who.split()
    first = _bare(words[0]).lower().rstrip(".") if words else ""
    if first in rules.NEVER_NAMES or first[:1].isdigit() or first.endswith(("'s", "’s")):
        return True
    lower = [w for w in words if w[:1].islower() and w.lower() not in TAIL_CONNECTORS | NAME_PARTICLES
             and _bare(w).lower() not in rules.ROLE_WORDS]
    return len(lower) >= SENTENCE_LOWER_WORDS and not rules.FORUM_MARKERS.search(who)


def person_or_agency(who: str, line: str) -> Byline:
    """Read the part after 'By': an agency, a forum poster, a CMS account, or an author."""
    first = rules.INLINE_SEPARATORS.split(who)[0].strip()
    first = re.split(r"\s+(?:in|on|at|for|-|–|—)\s+|,\s*", first)[0].strip()
    date_in = find_dates(first)
    if date_in:
        first = first[: date_in[0].start].strip()
    first = rules.JOB_TITLE.sub("", unglue(first)).strip()
    agencies = _agencies(first)
    if agencies:
        return Byline("byline", agency=agencies[0])
    if rules.FORUM_MARKERS.search(line):
        return Byline("byline", note=f"forum poster {first!r} is not the author")
    if first.lower() in rules.CMS_ACCOUNTS:
        return Byline("byline", note=f"site account {first!r} is not the author")
    if rules.STAFF_CREDIT.search(first):
        return Byline("byline", note=f"staff credit {first!r} names no author")
    tokens = first.split()
    named = _name_tokens(tokens)
    name = re.split(r"\s+(?:and|&)\s+", " ".join(tokens[:named]))[0].rstrip(",;") if named else first
    if name.endswith(".") and not INITIAL.search(name):
        name = name[:-1]
    if looks_like_name(name):
        return Byline("byline", author=name)
    return Byline("byline", note=f"byline {first!r} does not look like a person's name")


def looks_like_name(text: str) -> bool:
    words = text.split()
    first = words[0].lower().rstrip(".,") if words else ""
    if not 1 <= len(words) <= 5 or first in rules.NEVER_NAMES or len(words) == 1 and (
            first in rules.MONTH_NAMES or words[0].isupper()):
        return False
    return all(NAME_WORD.match(w) or w.lower() in NAME_PARTICLES for w in words) and words[0][0].isupper()


def read_byline(line: str) -> Byline | None:
    """None when the line does not open with 'By ...'; else what it is (see the module docstring)."""
    match = rules.BYLINE.match(line)
    if not match:
        return None
    who = match["who"]
    tokens = who.split()
    if _agencies(who.strip(" .")) or rules.FORUM_MARKERS.search(who) or who.strip().lower() in rules.CMS_ACCOUNTS:
        return person_or_agency(who, line)
    staff = _staff_tokens(tokens)
    named = 0 if staff else _name_tokens(tokens)
    if not staff and not named:
        return Byline("prose") if _reads_as_prose(who) else person_or_agency(who, line)
    tail = staff or _tail_tokens(tokens[named:])
    credit = staff or named + tail
    rest = tokens[credit:]
    if not rest or rules.INLINE_SEPARATORS.match(" ".join(rest)) or rest[0].startswith("(") \
            or find_dates(" ".join(rest[:4])):
        return person_or_agency(who, line)
    if _continues_sentence(rest, after_comma=tokens[credit - 1].endswith(","), credited=bool(tail)):
        return Byline("prose")
    if not match["verb"] and _opens_clause(rest):
        return Byline("glued", end=_offset(line, match.start("who"), tokens, credit))
    if len(rest) <= SHORT_REST_WORDS or not _reads_as_prose(" ".join(rest)):
        return person_or_agency(who, line)
    return Byline("prose")


def _continues_sentence(rest: list[str], after_comma: bool, credited: bool) -> bool:
    """'..., the books describe', "Smith's account", ', But If You Try stars ...': the name is the
    sentence's, not a byline's (an outlet or job title after the name would make it a byline)."""
    first = _bare(rest[0])
    if first[:1].islower() or first.endswith(("'s", "’s")):
        return True
    return after_comma and not credited and first.lower() in rules.NEVER_NAMES


def _opens_clause(rest: list[str]) -> bool:
    """A capitalised run of several words with lower-case words in it: the article's text, glued on."""
    if len(rest) < MIN_GLUED_WORDS or not rest[0][:1].isupper():
        return False
    return sum(w[:1].islower() for w in rest) >= SENTENCE_LOWER_WORDS


def _offset(line: str, start: int, tokens: list[str], count: int) -> int:
    """Character offset in `line` just after the first `count` tokens of the text starting at `start`."""
    position = start
    for token in tokens[:count]:
        position = line.index(token, position) + len(token)
    return position
