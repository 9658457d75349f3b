"""Date expressions in sentences, absolute ('in March 2011', 'on November 8') or relative ('on Sunday',
'last week'), resolved against the article's publication date to a span of days.

A span keeps the precision honest: 'last week' is seven days, shown as a month unless one day is
certain. The tense of the sentence settles what the calendar cannot:
- a weekday resolves to the most recent such day on or before publication (news reports name weekdays
  for the last few days), or the next one when the sentence speaks of the future; 'last Tuesday' is the
  most recent Tuesday strictly before the publication day (in an article of Tuesday 12 January it is
  5 January, in one of Thursday 14 January it is 12 January), 'next Tuesday' the first one after it;
- a month without a year ('in May') is the latest such month on or before publication, or with the
  future tense ('will be held in May', and for a month only 'would', 'could', 'until August', a present
  'before the storms arrive in August') the next one on or after it: a future 'in May' in an article of January 2010 is
  May 2010, a past one May 2009;
- a day and month without a year ('on 3 May') is the nearest such day, looking back first, or forward
  first in the future tense.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace

from ..clean.dates import MONTHS, WEEKDAYS
from ..clean.rules import LIVE_STAMP

ONE_DAY = dt.timedelta(days=1)
_MONTH = r"(?P<month>" + "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(w.capitalize() for w in WEEKDAYS) + r")"
_LEAD = r"(?:(?P<lead>(?i:on|in|since|by|until|from|during|of|early|late|mid-?|earlier|last|this|next))\s+)?"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b{_LEAD}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_LEAD}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("md", re.compile(rf"\b{_LEAD}{_MONTH}\s+{_DAY}\b(?!\d|\s*%)")),
    ("dm", re.compile(rf"\b{_LEAD}{_DAY}\s+(?:of\s+)?{_MONTH}\b")),
    ("my", re.compile(rf"\b{_LEAD}{_MONTH}(?:,|\s+of)?\s+{_YEAR}\b")),
    ("m", re.compile(rf"\b(?P<lead>(?i:in|since|by|until|early|late|mid-?|last|this|next))\s+{_MONTH}\b(?!\s*\d)")),
    ("y", re.compile(rf"\b(?P<lead>(?i:in|since|by|until|during|early|late|mid-?))\s+{_YEAR}\b(?![\d,.]\d)")),
    ("y", re.compile(rf"^{_YEAR}(?=\s+[A-Z][a-z])")),  # a chronology's entry: '2000 Dr Murray opens a practice ...'
    ("wd", re.compile(rf"\b{_LEAD}{_WEEKDAY}\b")),
    ("rel", re.compile(r"\b(?P<rel>yesterday|today|tonight|last night|this (?:morning|afternoon|evening)|"
                       r"(?:earlier |later )?this (?:week|month|year)|last (?:weekend|week|month|year)|"
                       r"(?P<n>two|three|four|five|six|\d) days ago)\b", re.I)),
]
FUTURE = re.compile(r"\b(?:will|is due|are due|is to|are to|scheduled|plans? to|expected to|set to)\b")
# Weaker signs of a time to come, read only for a month named without a year: 'said it would report in
# July' in May is this July, but 'would cap ... took control on Friday' does not move Friday forward.
MONTH_FUTURE = re.compile(r"\b(?:would|could|might|hopes? to|aims? to|intends? to|until|arrives?|begins?|starts?)\b")
FULL_DAY = ("mdy", "dmy")
DAY_WITHOUT_YEAR = ("md", "dm")
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    raw: str
    lo: dt.date
    hi: dt.date
    resolved_from: str | None = None

    @property
    def date(self) -> str:
        return span_label(self.lo, self.hi)

    @property
    def precise(self) -> bool:
        return self.lo == self.hi


def span_label(lo: dt.date, hi: dt.date) -> str:
    """YYYY-MM-DD for one day; else the month (the one most of the days fall in, for a short span); else the year."""
    if lo == hi:
        return lo.isoformat()
    days = (hi - lo).days + 1
    if (lo.year, lo.month) == (hi.year, hi.month) or days <= 14:
        months = Counter((lo + ONE_DAY * i).strftime("%Y-%m") for i in range(days))
        return months.most_common(1)[0][0]
    return str(Counter(range(lo.year, hi.year + 1)).most_common(1)[0][0]) if lo.year == hi.year else str(hi.year)


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - ONE_DAY


def describe(published: dt.date, weekday: bool = False) -> str:
    day = f"{WEEKDAYS[published.weekday()].capitalize()} " if weekday else ""
    return f"an article of {day}{published.day} {published.strftime('%b %Y')}"


def nearest_year(month: int, day: int, published: dt.date, future: bool = False) -> dt.date | None:
    """The year that puts a day-and-month mention nearest the publication date: news looks back more than
    ahead, but a sentence in the future tense ('will meet on 3 May') speaks of the next such day."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        distance = (published - date).days
        if future:
            options.append((-distance if distance <= 0 else 3 * distance, date))
        else:
            options.append((distance if distance >= 0 else -3 * distance, date))
    return min(options)[1] if options else None


def month_year(month: int, lead: str, published: dt.date, future: bool) -> int:
    """The year of a month named without one: 'next May' and a future 'in May' are the next May on or after
    the publication month, 'last May' and a past 'in May' the latest one on or before it."""
    if lead == "next" or (future and lead not in ("last", "since")):
        return published.year + (1 if month < published.month or lead == "next" and month == published.month else 0)
    return published.year - (1 if month > published.month or lead == "last" and month == published.month else 0)


def _weekday(match: re.Match[str], published: dt.date, future: bool) -> tuple[dt.date, dt.date]:
    target = WEEKDAYS.index(match["weekday"].lower())
    lead = (match["lead"] or "").lower()
    if lead == "next" or (future and lead not in ("last", "earlier")):
        ahead = (target - published.weekday()) % 7 or (7 if lead == "next" else 0)
        day = published + ahead * ONE_DAY
    else:
        back = (published.weekday() - target) % 7 or (7 if lead == "last" else 0)
        day = published - back * ONE_DAY
    return day, day


def _relative(phrase: str, count: str | None, published: dt.date) -> tuple[dt.date, dt.date]:
    monday = published - published.weekday() * ONE_DAY
    if phrase in ("today", "tonight") or phrase.startswith("this ") and phrase.split()[1] in ("morning", "afternoon",
                                                                                              "evening"):
        return published, published
    if phrase in ("yesterday", "last night"):
        return published - ONE_DAY, published - ONE_DAY
    if phrase.endswith("days ago"):
        day = published - (NUMBERS.get(count.lower(), 0) if not count.isdigit() else int(count)) * ONE_DAY
        return day, day
    if phrase.endswith("this week"):
        return monday, published
    if phrase == "last week":
        return monday - 7 * ONE_DAY, monday - ONE_DAY
    if phrase == "last weekend":
        sunday = published - ((published.weekday() - 6) % 7 or 7) * ONE_DAY
        return sunday - ONE_DAY, sunday
    if phrase.endswith("this month"):
        return published.replace(day=1), published
    if phrase == "last month":
        return month_span(*(published.year - 1, 12) if published.month == 1 else (published.year, published.month - 1))
    if phrase.endswith("this year"):
        return published.replace(month=1, day=1), published
    return dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31)


def _absolute(kind: str, match: re.Match[str], published: dt.date | None,
              future: bool = False) -> tuple[dt.date, dt.date] | None:
    if kind == "y":
        year = int(match["year"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = MONTHS[match["month"].lower()]
    if kind == "my":
        return month_span(int(match["year"]), month)
    if kind in ("mdy", "dmy"):
        day = dt.date(int(match["year"]), month, int(match["day"]))
        return day, day
    if published is None:
        return None
    if kind == "m":
        ahead = future or bool(MONTH_FUTURE.search(match.string))
        return month_span(month_year(month, match["lead"].lower(), published, ahead), month)
    day = nearest_year(month, int(match["day"]), published, future)
    return (day, day) if day else None


def _resolve(kind: str, match: re.Match[str], published: dt.date | None, future: bool):
    """(lo, hi, how it was resolved) for one match, or None when it cannot be placed."""
    try:
        if kind in ("wd", "rel"):
            if published is None:
                return None
            if kind == "wd":
                return (*_weekday(match, published, future), f"'{match.group(0)}' in {describe(published, True)}")
            lo, hi = _relative(match["rel"].lower(), match["n"], published)
            return lo, hi, f"'{match.group(0)}' in {describe(published)}"
        span = _absolute(kind, match, published, future)
        if span is None:
            return None
        implied = kind in ("m", "md", "dm") and published is not None
        return (*span, f"'{match.group(0)}' in {describe(published)}" if implied else None)
    except (ValueError, KeyError, OverflowError):
        return None


RANGE_OPENER = re.compile(r"\b(?:from|between)\s+$", re.I)
MAX_RANGE = dt.timedelta(days=31)
RANGE_LINK = re.compile(r"\s*(?:through|thru|to|until|till|and|[-–—])\s+(?:at least\s+|the end of\s+)?", re.I)

NAMED_BY_DATE = re.compile(r"\s+(?:Uprising|Revolution|Movement|Coalition|Brigades?|Martyrs|Youth|Square|Street|"
                           r"Bridge|Stadium|Agreement|Accords?|Declaration|Commission|Memorial|Group|Party|Front|"
                           r"Alliance|Committee|Council|Incident|Massacre|Attacks?|Bombings?|Crisis|Protests?)\b")


def names_something(text: str, end: int) -> bool:
    """'the February 17 Uprising', 'the 6 April Youth Movement': the date is part of a name, not a date."""
    return bool(NAMED_BY_DATE.match(text, end))


def find_mentions(text: str, published: str | None) -> list[TimeMention]:
    """Every date expression of one sentence that can be placed in time, left to right, none overlapping."""
    pub = dt.date.fromisoformat(published) if published else None
    future = bool(FUTURE.search(text))
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken) or names_something(text, match.end()):
                continue
            resolved = _resolve(kind, match, pub, future)
            if resolved is None:
                continue
            taken.append((match.start(), match.end()))
            found.append((kind, TimeMention(match.start(), match.end(), match.group(0), *resolved)))
    return joined_ranges(text, sorted(with_stated_years(one_time_per_stamp(text, found)), key=lambda m: m.start))


def joined_ranges(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """'from February 15 through at least February 28', 'between March 3 and March 9': one span from the first
    day to the last, not two days on which something happened (crimes committed over a fortnight were not
    committed on its first day). A longer range keeps its ends ('in office from 2001 to 2005': he took office
    in 2001)."""
    out: list[TimeMention] = []
    for mention in mentions:
        first = out[-1] if out else None
        if first is not None and _opens_a_range(text, first) and RANGE_LINK.fullmatch(text, first.end, mention.start) \
                and first.lo <= mention.hi <= first.lo + MAX_RANGE:
            out[-1] = replace(first, end=mention.end, raw=text[first.start:mention.end], hi=max(first.hi, mention.hi))
        else:
            out.append(mention)
    return out


def _opens_a_range(text: str, mention: TimeMention) -> bool:
    return mention.raw.lower().startswith("from ") or bool(RANGE_OPENER.search(text, 0, mention.start))


def one_time_per_stamp(text: str, found: list[tuple[str, TimeMention]]) -> list[tuple[str, TimeMention]]:
    """A live blog's stamp '(10:40 p.m. Saturday, 11:40 a.m. Sunday in Tokyo)' dates its entry by its first
    time, the outlet's own: the others are the same moment elsewhere ('Sunday in Tokyo' on a page of
    Saturday is the next day, not the Sunday before)."""
    stamp = LIVE_STAMP.match(text)
    if not stamp:
        return found
    inside = sorted((m.start, k) for k, (_, m) in enumerate(found) if m.end <= stamp.end())
    dropped = {k for _, k in inside[1:]}
    return [item for k, item in enumerate(found) if k not in dropped]


def with_stated_years(found: list[tuple[str, TimeMention]]) -> list[TimeMention]:
    """'... before September 11, 2001 ... before September 11': a day and month named again without the
    year, in the sentence that gives it, is the same day, not the nearest one to the article's date. Only a
    named day and month is read so: 'On Sunday' that falls on 11 September 2011 stays that Sunday."""
    stated = {(m.lo.month, m.lo.day): m for kind, m in found if kind in FULL_DAY}
    out = []
    for kind, m in found:
        full = stated.get((m.lo.month, m.lo.day)) if kind in DAY_WITHOUT_YEAR else None
        if full is not None and full.lo != m.lo:
            m = replace(m, lo=full.lo, hi=full.hi, resolved_from=f"'{m.raw}' after '{full.raw}' in the same sentence")
        out.append(m)
    return out
