"""The timeline: dated events read off the articles' sentences, merged across articles, the notable ones kept.

Each sentence with a date expression (datexpr.py) gives a claim: the date, a concise event text (the
clause around the date, trimmed of dateline and attribution) and the citation. Claims with the same
date and similar text merge into one event citing every article; syndicated copies are left out
first, so a wire story counts once. A day's salience is how many articles look back at it (mention it
after the day) plus the burst of coverage on the day and the next; days that clear a bar rising with the size of the
collection (SALIENCE_PER_ROOT·√n, at most MIN_SALIENCE) are kept, most salient first, at most as many as suit the size of the collection. The same event given dates that cannot both be
true, by different articles, is a date conflict ("Where the sources differ").
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from ..model import Article, Citation, Difference, Event, Syndication
from .datexpr import TimeMention, find_mentions
from .sentences import article_sentences
from .summary import independent
from .trim import trim

SAME_EVENT = 0.3
CONFLICT = 0.6
CLAUSE_FROM = 30
MIN_CLAUSE = 8
EVENTS_PER_DATE = 2
KEEP_ALL_UP_TO = 12
BURST = {0: 0.5, 1: 0.25}
MIN_SALIENCE = 1.5
SALIENCE_PER_ROOT = 0.5
CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+|\s+[—–]\s+|\s+-\s+")
LEADING_LINK = re.compile(r"^(?:and|but|after|before|when|while|as|since|following|which|who|where|with|"
                          r"then|until|just)\s+", re.I)
CHUNK = 1024


@dataclass(frozen=True)
class Claim:
    mention: TimeMention
    article: str
    sentence: str
    text: str
    position: int


def clause_around(text: str, raw: str) -> str:
    """The clause of a long sentence that holds the date expression, at least MIN_CLAUSE words long.

    Only the main clause or one opened by a linking word ('after Syrian forces took ...') stands alone.
    """
    parts = CLAUSE_BREAK.split(text)
    at = next((i for i, p in enumerate(parts) if raw in p), None)
    if at is None or len(parts) == 1 or at > 0 and not LEADING_LINK.match(parts[at]):
        return text
    lo, hi = at, at
    while sum(len(p.split()) for p in parts[lo:hi + 1]) < MIN_CLAUSE and (lo > 0 or hi < len(parts) - 1):
        hi, lo = (hi + 1, lo) if hi < len(parts) - 1 else (hi, lo - 1)
    clause = LEADING_LINK.sub("", " ".join(parts[lo:hi + 1])).strip(" ,;:-—–")
    return clause[:1].upper() + clause[1:] + ("" if clause.endswith((".", "!", "\"", "”")) else ".")


def event_text(sentence: str, mention: TimeMention, many: bool, lead: bool) -> str:
    text = trim(sentence, lead)
    if (many or len(text.split()) > CLAUSE_FROM) and mention.raw in text:
        return clause_around(text, mention.raw)
    return text


def collect_claims(articles: list[Article]) -> list[Claim]:
    """Every dated statement about the past (a plan for next week is not yet an event)."""
    claims = []
    for article in articles:
        for p, sentence in enumerate(article_sentences(article)):
            mentions = [m for m in find_mentions(sentence.text, article.published)
                        if not article.published or m.lo.isoformat() <= article.published]
            for mention in mentions:
                text = event_text(sentence.text, mention, len(mentions) > 1, p == 0)
                if len(text.split()) >= 4:
                    claims.append(Claim(mention, article.slug, sentence.text, text, p))
    return claims


def similar_pairs(matrix: sparse.csr_matrix, threshold: float) -> sparse.coo_matrix:
    """Claim pairs whose texts are at least `threshold` alike (a chunked sparse product, upper triangle)."""
    blocks = []
    for start in range(0, matrix.shape[0], CHUNK):
        block = (matrix[start:start + CHUNK] @ matrix.T).tocoo()
        keep = (block.data >= threshold) & (block.row + start < block.col)
        blocks.append((block.row[keep] + start, block.col[keep], block.data[keep]))
    rows, cols, data = (np.concatenate(x) if blocks else np.array([]) for x in zip(*blocks)) if blocks else ([], [], [])
    return sparse.coo_matrix((data, (rows, cols)), shape=(matrix.shape[0],) * 2)


def group_claims(claims: list[Claim], pairs: sparse.coo_matrix) -> list[list[int]]:
    """Union claims of the same date whose texts are alike: one group per event."""
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, score in zip(pairs.row, pairs.col, pairs.data):
        if score >= SAME_EVENT and claims[i].mention.date == claims[j].mention.date:
            parent[root(int(i))] = root(int(j))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        groups[root(i)].append(i)
    return list(groups.values())


def to_event(members: list[Claim]) -> tuple[Event, int]:
    """One event (the text of its most prominent claim, every citation) and how early in an article it is told."""
    first = min(members, key=lambda c: (c.position, c.mention.resolved_from is not None, len(c.text)))
    citations = list(dict.fromkeys(Citation(c.article, c.sentence) for c in members))
    event = Event(date=first.mention.date, text=first.text, citations=citations,
                  resolved_from=first.mention.resolved_from)
    return event, first.position


def date_budget(n_articles: int) -> int:
    """At most how many days a timeline of this many articles shows: ~2√n."""
    return max(1, round(2 * math.sqrt(n_articles)))


def day_salience(events: list[Event], published: dict[str, str | None], volume: Counter) -> float:
    """Articles looking back at the day, plus the burst of coverage on it and the day after (BURST).

    An article mentioning a day after it passed is evidence the day mattered; a report of its own day
    is part of that day's coverage, which the publication volume already counts.
    """
    date = events[0].date
    looking_back = {a for e in events for a in e.articles if (published.get(a) or "") > date}
    day = dt.date.fromisoformat(date)
    burst = sum(w * volume[(day + dt.timedelta(days=k)).isoformat()] for k, w in BURST.items())
    return len(looking_back) + burst


def coarse_weight(events: list[Event]) -> int:
    return len({a for e in events for a in e.articles})


def select_events(events: list[tuple[Event, int]], published: dict[str, str | None]) -> list[Event]:
    """The most salient days (and a few months or years), at most EVENTS_PER_DATE events each, in date order."""
    n_articles = len(published)
    by_date: dict[str, list[Event]] = defaultdict(list)
    position = {id(event): p for event, p in events}
    for event, _ in events:
        by_date[event.date].append(event)
    volume = Counter(d for d in published.values() if d)
    budget = date_budget(n_articles)
    salience = {d: day_salience(es, published, volume) for d, es in by_date.items() if len(d) == 10}
    bar = min(MIN_SALIENCE, SALIENCE_PER_ROOT * math.sqrt(n_articles))
    days = sorted((d for d in salience if salience[d] >= bar), key=lambda d: (-salience[d], d))[:budget]
    weight = {d: coarse_weight(es) for d, es in by_date.items() if len(d) < 10}
    coarse = sorted(weight, key=lambda d: (-weight[d], d))
    coarse = [d for d in coarse if n_articles <= KEEP_ALL_UP_TO or weight[d] >= 2][:max(KEEP_ALL_UP_TO, budget) // 2]
    kept = []
    for date in days + coarse:
        ranked = sorted(by_date[date], key=lambda e: (-len(e.articles), position[id(e)], e.text))
        kept += ranked[:EVENTS_PER_DATE + (n_articles <= KEEP_ALL_UP_TO)]
    return sorted(kept, key=lambda e: (e.date, -len(e.articles)))


def overlap(a: TimeMention, b: TimeMention) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi


def date_conflicts(claims: list[Claim], pairs: sparse.coo_matrix) -> list[Difference]:
    """The same event (near-identical text) dated incompatibly by different articles, each side citing its articles."""
    sides: dict[frozenset[int], None] = {}
    for i, j, score in zip(pairs.row, pairs.col, pairs.data):
        a, b = claims[i], claims[j]
        coarse = len(a.mention.date) == 4 or len(b.mention.date) == 4
        if score >= CONFLICT and a.article != b.article and not coarse and not overlap(a.mention, b.mention):
            sides[frozenset((int(i), int(j)))] = None
    differences = []
    for pair in sides:
        i, j = sorted(pair, key=lambda k: claims[k].mention.lo)
        differences.append(Difference(topic=f"When: {claims[i].text}",
                                      sides=[(_side(claims[k]), [claims[k].article]) for k in (i, j)]))
    return differences


def _side(claim: Claim) -> str:
    how = f" ({claim.mention.resolved_from})" if claim.mention.resolved_from else f" ('{claim.mention.raw}')"
    return f"{claim.mention.date}{how}"


def build_timeline_and_conflicts(articles: list[Article], syndication: list[Syndication]) \
        -> tuple[list[Event], list[Difference]]:
    sources = independent(articles, syndication)
    claims = collect_claims(sorted(sources, key=lambda a: (a.published or "9999", a.slug)))
    if not claims:
        return [], []
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([c.text for c in claims]).tocsr()
    pairs = similar_pairs(matrix, min(SAME_EVENT, CONFLICT))
    events = [to_event([claims[i] for i in group]) for group in group_claims(claims, pairs)]
    return select_events(events, {a.slug: a.published for a in sources}), date_conflicts(claims, pairs)


def build_timeline(articles: list[Article], syndication: list[Syndication]) -> list[Event]:
    return build_timeline_and_conflicts(articles, syndication)[0]
