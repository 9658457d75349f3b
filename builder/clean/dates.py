"""Publication dates in the forms real pages print them, with day/month order settled by evidence."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name: i + 1 for i, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")]) for name in names}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
NAMED_FORMS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_YEAR},?\s+{_MONTH}\s+{_DAY}\b", re.I),
]
ISO_FORM = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
NUMERIC_FORM = re.compile(r"\b(?P<a>[0-3]?\d)\s*(?P<sep>[/.\-])\s*(?P<b>[0-3]?\d)\s*(?P=sep)\s*(?P<year>(?:19|20)\d\d)\b")
WEEKDAY_MENTION = re.compile(r"\b(?:on|earlier|late|early|since|last|this|until|by)?\s*(?P<day>" +
                             "|".join(WEEKDAYS) + r")\b", re.I)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    raw: str
    candidates: tuple[str, ...]

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _named(match: re.Match[str]) -> tuple[str, ...]:
    iso = _iso(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
    return (iso,) if iso else ()


def _numeric(match: re.Match[str]) -> tuple[str, ...]:
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    day_first, month_first = _iso(year, b, a), _iso(year, a, b)
    return tuple(dict.fromkeys(d for d in (day_first, month_first) if d))


def find_dates(text: str) -> list[DateMatch]:
    """Every full date (with a year) in the text, in order; numeric ones may have two readings."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    patterns = [(p, _named) for p in NAMED_FORMS] + [(ISO_FORM, None), (NUMERIC_FORM, _numeric)]
    for pattern, reader in patterns:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if reader is None:
                iso = _iso(int(m["year"]), int(m["month"]), int(m["day"]))
                candidates = (iso,) if iso else ()
            else:
                candidates = reader(m)
            if candidates:
                found.append(DateMatch(m.start(), m.end(), m.group(0), candidates))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def weekdays_named(text: str) -> list[int]:
    return [WEEKDAYS.index(m["day"].lower()) for m in WEEKDAY_MENTION.finditer(text)]


def days_back(published: dt.date, weekday: int) -> int:
    """How many days before `published` the last such weekday was (0 = that very day)."""
    return (published.weekday() - weekday) % 7


def choose_by_weekdays(candidates: tuple[str, ...], text: str) -> tuple[str | None, str]:
    """Pick the reading whose weekday fits the weekdays the story names ("on Thursday").

    News reports name days of the week for events of the last few days, so the right publication
    date is the one that makes those days the most recent. Returns (date or None, explanation).
    """
    named = weekdays_named(text)
    if not named:
        return None, "the text names no weekday to tell day and month apart"
    costs = {c: sum(days_back(dt.date.fromisoformat(c), w) for w in named) / len(named) for c in candidates}
    ranked = sorted(costs.items(), key=lambda kv: kv[1])
    best, runner_up = ranked[0], ranked[1]
    if runner_up[1] - best[1] < 1.0:
        return None, "the weekdays in the text fit both readings"
    day_name = WEEKDAYS[dt.date.fromisoformat(best[0]).weekday()].capitalize()
    return best[0], f"the weekdays the text names fit {best[0]} (a {day_name}) best"


def choose_by_neighbours(candidates: tuple[str, ...], others: list[str]) -> str | None:
    """Pick the reading closest to the other articles' dates, when one is clearly closer."""
    if not others:
        return None
    points = sorted(dt.date.fromisoformat(d) for d in others)
    median = points[len(points) // 2]
    distance = {c: abs((dt.date.fromisoformat(c) - median).days) for c in candidates}
    ranked = sorted(distance.items(), key=lambda kv: kv[1])
    if ranked[1][1] - ranked[0][1] >= 7:
        return ranked[0][0]
    return None
