"""The timeline: dated events read off the articles' sentences, merged across articles, the notable ones kept.

Each sentence with a date expression (datexpr.py) gives a claim: the date, a concise event text (the
clause around the date, trimmed of dateline and attribution) and the citation; an article's lead with
no date of its own speaks of its publication day. Claims with the same date and similar text merge
into one event citing every article; syndicated copies are left out first, so a wire story counts once.

Which days make the timeline:
- a chronology among the sources (an article whose paragraphs open with full dates, at least
  CHRONOLOGY_MIN_DATES of them, such as an outlet's "Timeline: ..." piece) is an editor's own choice
  of key dates: every date of the most recent one is kept, and those within the period the dossier
  covers take the place of ranked days;
- the other days are ranked by salience: on how many later days articles came back to the day
  (persistence), plus a quarter per article that did, plus half per article published on it (the
  day's own coverage). Days that clear a bar rising with the size of the collection are kept, the
  most salient first, at most DATES_PER_ROOT·√n and never more than MAX_DATES.
The same event given dates that cannot both be true, by different articles, is a date conflict
("Where the sources differ").
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

from ..model import Article, Citation, Difference, Event, Side, Syndication
from .attribution import attributions
from .datexpr import TimeMention, describe
from .evidence import claim, states
from .products import row_blocks
from .quality import balanced, headlines_of, opens_with_a_headline, stands_alone
from .record import record_of
from .relevance import not_reporting
from .sentences import tokens
from .summary import independent
from .trim import trim

SAME_EVENT = 0.3
CONFLICT = 0.6
CLAUSE_FROM = 30
MIN_CLAUSE = 8
EVENTS_PER_DATE = 2
KEEP_ALL_UP_TO = 12
LOOK_BACK_WEIGHT = 0.25
COVERAGE_WEIGHT = 0.5
MIN_SALIENCE = 1.0
SALIENCE_PER_ROOT = 0.5
DATES_PER_ROOT = 2.5
MAX_DATES = 16
CHRONOLOGY_MIN_DATES = 10
ENTRY_AT_MOST = 3
BACKGROUND_DAYS = 30
CHRONOLOGY_WEIGHT = 1.0
CANDIDATES_PER_DAY = 8
REPEATS = 0.35
CONTEXT_WORDS = 60
CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+|\s+[—–]\s+|\s+-\s+")
LEADING_LINK = re.compile(r"^(?:and|but|after|before|when|while|as(?!\s+(?:many|much|few|little|long|far|well|soon|"
                          r"recently|early|late)\b)|since|following|where|with|then|until|just)\s+", re.I)
RELATIVE = re.compile(r"^(?:which|who|whom|whose)\b", re.I)
OPENING = re.compile(r"^(?:(?:and|but|yet|so)\s+|(?:he|she|they|it)\s+(?:said|says|added|told\s+\w+)(?:\s+that)?\s+)",
                     re.I)
SUBJECTLESS = re.compile(r"(?:was|were|is|are|has|have|had|will|would|could|did|does|do)\b", re.I)
UNFINISHED = re.compile(r"\b(?:while|although|though|whereas|because|if|unless|now that)\b[^,;]*$"
                        r"|\b(?:saying|said|says|adding|told|telling|that|by|of|to|the|a|an|and|or)$", re.I)
FINISHED = re.compile(r"[.!?][\"”’']?$")
DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Claim:
    mention: TimeMention
    article: str
    sentence: str
    text: str
    position: int
    entry: bool = False

    @property
    def dated_entry(self) -> str | None:
        """The day of a chronology entry: a paragraph that opens with a date ('28 June 2009 Police ...')."""
        return self.mention.date if self.entry and self.mention.precise else None


def clause_around(text: str, raw: str) -> str:
    """The clause of a long sentence that holds the date expression, at least MIN_CLAUSE words long.

    Only the main clause or one opened by a linking word ('after Syrian forces took ...') stands alone, the
    word dropped; a clause that runs on into the main one keeps it ('As Japan starts its day, concerns
    remain ...' is not 'Japan starts its day, concerns remain ...'). A
    relative clause ('which opened ...') does not, and one in the middle of the sentence leaves its main
    clause unfinished ('officials said advances in the east, which ..., convinced her'): the sentence stays whole.
    """
    bounds = [0] + [x for m in CLAUSE_BREAK.finditer(text) for x in m.span()] + [len(text)]
    spans = list(zip(bounds[::2], bounds[1::2]))
    parts = [text[a:b] for a, b in spans]
    at = next((i for i, p in enumerate(parts) if raw in p), None)
    if at is None or len(parts) == 1 or at > 0 and not LEADING_LINK.match(parts[at]):
        return text
    lo, hi = at, at
    while sum(len(p.split()) for p in parts[lo:hi + 1]) < MIN_CLAUSE and (lo > 0 or hi < len(parts) - 1):
        hi, lo = (hi + 1, lo) if hi < len(parts) - 1 else (hi, lo - 1)
    if hi + 2 < len(parts) and RELATIVE.match(parts[hi + 1]):
        return text
    clause = " ".join(parts[lo:hi + 1])
    clause = (LEADING_LINK.sub("", clause) if lo == hi else clause).strip(" ,;:-—–")
    if UNFINISHED.search(clause) or SUBJECTLESS.match(clause) or _loses_attribution(text, spans[lo][0], spans[hi][1]):
        return text
    return capitalised(clause) + ("" if FINISHED.search(clause) else ".")


def _loses_attribution(text: str, start: int, end: int) -> bool:
    """The clause text[start:end] speaks for a source named outside it (', said a medical source'), or cuts
    through an attribution or ends on its speaker's title ('..., the US interior secretary, Ken Salazar,
    said'): cut from its sentence, it would read as the dossier's own statement, or as a broken one."""
    for a in attributions(text):
        inside = start <= a.start and a.end <= end
        if not inside and (a.covers[0] < end and start < a.covers[1] or a.start < end and start < a.end):
            return True
        if a.start >= end and not text[end:a.start].strip(" ,"):  # the clause ends on the speaker's title
            return True
    return False


def cut_inside_a_quote(text: str, sentence: str) -> bool:
    """An event text whose quotes do not pair, cut from a sentence whose quotes do ('... says "We are not in
    Libya to arm people.'): a broken piece. A sentence of a quote that runs over several ('It's like deja vu
    all over again," said ...') pairs nothing itself, and its pieces are not broken by the cut."""
    return not balanced(text) and balanced(sentence)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def stand_alone(text: str) -> str:
    """Without an opening 'And' or 'He said that', which lean on the sentence before."""
    rest = OPENING.sub("", text, count=1)
    return capitalised(rest) if rest != text and len(rest.split()) >= 4 else text


def event_text(sentence: str, mention: TimeMention, many: bool, lead: bool) -> str:
    text = trim(sentence, lead)
    if (many or len(text.split()) > CLAUSE_FROM) and mention.raw in text:
        text = clause_around(text, mention.raw)
    return stand_alone(text)


def entry_text(text: str, mention: TimeMention) -> str:
    """A chronology entry without the date it opens with: the timeline shows the date beside it."""
    rest = text[mention.end:].lstrip(" :-–—,")
    return capitalised(rest) if len(rest.split()) >= 4 else text


def publication_day(article: Article) -> TimeMention:
    """The date a lead with no date of its own speaks of: the article's publication day."""
    day = dt.date.fromisoformat(article.published)
    return TimeMention(0, 0, "", day, day, resolved_from=f"the lead of {describe(day)}, which names no other date")


def collect_claims(articles: list[Article]) -> list[Claim]:
    """Every dated statement of reporting about the past (a plan for next week is not yet an event; a
    caption, a link list or a headline glued to a sentence is not reporting). The lead is the first
    sentence of reporting in the first paragraph (a caption split off before it is not)."""
    claims = []
    headlines = headlines_of(articles)
    for article in articles:
        record = record_of(article)
        lead_seen = False
        previous = None  # (paragraph, text) of the sentence just before, when it is undated reporting
        for p, (sentence, dated) in enumerate(zip(record.sentences, record.dates)):
            lead = not lead_seen and sentence.paragraph == 0
            context = previous[1] if previous and previous[0] == sentence.paragraph else None
            read = record.read_as(p, lead)
            trimmed = read.text
            is_reporting = read.reporting and not opens_with_a_headline(trimmed, headlines)
            previous = (sentence.paragraph, trimmed) if is_reporting and not dated else None
            if not is_reporting:
                continue
            lead_seen = True
            mentions = [m for m in dated
                        if not article.published or m.lo.isoformat() <= article.published]
            for mention in mentions:
                entry = sentence.index == 0 and mention.start <= ENTRY_AT_MOST and bool(DIGIT.search(mention.raw))
                text = event_text(sentence.text, mention, len(mentions) > 1, lead)
                text = entry_text(text, mention) if entry else text
                if len(text.split()) >= 4 and not cut_inside_a_quote(text, sentence.text):
                    text, stated = told_with_context(text, sentence.text, context)
                    claims.append(Claim(mention, article.slug, stated, text, p, entry))
            if lead and not mentions and article.published:
                text = stand_alone(trim(sentence.text, True))
                if len(text.split()) >= 4:
                    claims.append(Claim(publication_day(article), article.slug, sentence.text, text, p))
    return claims


def told_with_context(text: str, sentence: str, before: str | None) -> tuple[str, str]:
    """An event told from the start of a sentence that leans on the one before it ('By Friday, it had reached
    the shore.') is told with that sentence, when it is the same paragraph's reporting, names no date and
    stands alone: the event text and the quote it cites. Otherwise both stay as they are (and such an event
    is never a key event)."""
    if before is None or not sentence.startswith(text.rstrip(" .")) or stands_alone(text) \
            or len(before.split()) + len(text.split()) > CONTEXT_WORDS or not stands_alone(before):
        return text, sentence
    return f"{before} {text}", f"{before} {sentence}"


def latest_chronology(claims: list[Claim], published: dict[str, str | None]) -> tuple[str | None, set[str]]:
    """The most recent chronology among the sources and the days it lists (None and no days if there is none).

    An updated chronology reads as a copy of the one before it; the latest is the most complete.
    """
    listed: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.dated_entry:
            listed[claim.article].add(claim.dated_entry)
    chronologies = [a for a, days in listed.items() if len(days) >= CHRONOLOGY_MIN_DATES]
    if not chronologies:
        return None, set()
    latest = max(chronologies, key=lambda a: (published.get(a) or "", a))
    return latest, listed[latest]


def similar_pairs(matrix: sparse.csr_matrix, threshold: float) -> sparse.coo_matrix:
    """Claim pairs whose texts are at least `threshold` alike (a chunked sparse product, upper triangle)."""
    blocks, transposed = [], matrix.T.tocsr()
    for part in row_blocks(matrix.shape[0], matrix.shape[0]):
        block = (matrix[part] @ transposed).tocoo()
        keep = (block.data >= threshold) & (block.row + part.start < block.col)
        blocks.append((block.row[keep] + part.start, block.col[keep], block.data[keep]))
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


@dataclass
class Grouped:
    """An event with what ranks it: how early in an article it is told, and every article whose claim
    joined it (a looser set than its citations, which only the articles stating its words get)."""

    event: Event
    position: int
    reporters: set[str]


def to_event(members: list[Claim]) -> Grouped:
    """One event: the text of its most prominent claim, cited by each article that states that text."""
    first = min(members, key=lambda c: (not stands_alone(c.text), c.position, c.mention.resolved_from is not None,
                                        len(c.text)))
    wanted = claim(first.text)
    stating = [c for c in members if c is first or states(wanted, c.sentence)]
    citations = list(dict.fromkeys(Citation(c.article, c.sentence) for c in stating))
    event = Event(date=first.mention.date, text=first.text, citations=citations,
                  resolved_from=first.mention.resolved_from)
    return Grouped(event, first.position, {c.article for c in members})


def date_budget(n_articles: int) -> int:
    """At most how many ranked days a timeline of this many articles shows: 2.5√n, at most MAX_DATES."""
    return min(MAX_DATES, max(1, round(DATES_PER_ROOT * math.sqrt(n_articles))))


def day_salience(groups: list[Grouped], published: dict[str, str | None], volume: Counter) -> float:
    """How much a day mattered: the later days on which articles came back to it, a quarter per such
    article, and half per article published on it.

    Coming back to a day over and over, in coverage spread across time, marks a turning point; many
    reports in one news cycle mark a busy day, which the day's own coverage already counts.
    """
    date = groups[0].event.date
    looking_back = {a for g in groups for a in g.reporters if (published.get(a) or "") > date}
    later_days = {published[a] for a in looking_back}
    return len(later_days) + LOOK_BACK_WEIGHT * len(looking_back) + COVERAGE_WEIGHT * volume[date]


class Coverage:
    """Which articles hold a sentence like a given text: how much of the coverage, from an event's day on,
    repeats it in its own words (a sparse product of the texts with every sentence of the articles)."""

    def __init__(self, articles: list[Article]):
        self.sentences = [(a.slug, s.text) for a in articles for s in record_of(a).sentences]
        self.published = {a.slug: a.published or "" for a in articles}
        self.vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
        try:
            self.matrix = self.vectorizer.fit_transform([t for _, t in self.sentences]).T.tocsr()
        except ValueError:
            self.matrix = None

    def repeating(self, events: list[Event]) -> list[int]:
        """For each event, how many articles published on its day or later have a sentence like its text."""
        if self.matrix is None or not events:
            return [0] * len(events)
        similar = (self.vectorizer.transform([e.text for e in events]) @ self.matrix).tocsr()
        counts = []
        for row, event in enumerate(events):
            columns = similar.indices[similar.indptr[row]:similar.indptr[row + 1]]
            values = similar.data[similar.indptr[row]:similar.indptr[row + 1]]
            slugs = {self.sentences[c][0] for c, v in zip(columns, values) if v >= REPEATS}
            counts.append(sum(self.published[slug] >= event.date[:10] for slug in slugs))
        return counts


def centrality(group: Grouped, repeats: int, published: dict[str, str | None]) -> tuple:
    """The day's central event is the one later coverage keeps repeating: most articles saying it again
    (Coverage), then most articles whose claims joined it, then told earliest; an event whose text leans
    on a sentence outside it ('He was in court') comes after those that stand alone."""
    later = sum((published.get(a) or "") > group.event.date for a in group.reporters)
    return (not stands_alone(group.event.text), -repeats, -(later + len(group.reporters)), group.position,
            group.event.text)


def story_start(published: dict[str, str | None]) -> str | None:
    """The first day of the story: BACKGROUND_DAYS before its first article. Anything earlier is background."""
    dates = [d for d in published.values() if d]
    if not dates:
        return None
    return (dt.date.fromisoformat(min(dates)) - dt.timedelta(days=BACKGROUND_DAYS)).isoformat()


def select_events(groups: list[Grouped], published: dict[str, str | None], chronology: set[str],
                  coverage: Coverage | None = None, volume: Counter | None = None) -> list[Event]:
    """The chronology's days and the most salient others (and a few months or years), at most
    EVENTS_PER_DATE events each, central event first, in date order. The central events of the ranked
    and listed days within the story's period are its key events; what happened before it is background,
    shown only where it stands alone ("It's also trying to resolve a presidential election from last
    November." says nothing of whom).
    `volume`: how many articles about the story came out each day, syndicated copies included (a wire story
    run by many outlets marks a busy day, though it confirms nothing twice); by default, the counted ones."""
    n_articles = len(published)
    by_date: dict[str, list[Grouped]] = defaultdict(list)
    for group in groups:
        by_date[group.event.date].append(group)
    volume = volume if volume is not None else Counter(d for d in published.values() if d)
    budget = date_budget(n_articles)
    salience = {d: day_salience(gs, published, volume) for d, gs in by_date.items() if len(d) == 10}
    bar = min(MIN_SALIENCE, SALIENCE_PER_ROOT * math.sqrt(n_articles))
    ranked = sorted((d for d in salience if salience[d] >= bar and d not in chronology), key=lambda d: (-salience[d], d))
    covered = [d for d in published.values() if d]
    listed_in_period = sum(min(covered) <= d <= max(covered) for d in chronology) if covered else 0
    days = sorted(chronology & set(by_date)) + ranked[:max(0, budget - listed_in_period)]
    weight = {d: len({a for g in gs for a in g.reporters}) for d, gs in by_date.items() if len(d) < 10}
    coarse = sorted(weight, key=lambda d: (-weight[d], d))
    coarse = [d for d in coarse if n_articles <= KEEP_ALL_UP_TO or weight[d] >= 2][:max(KEEP_ALL_UP_TO, budget) // 2]
    start = story_start(published) or ""
    candidates = {d: sorted(by_date[d], key=lambda g: -len(g.reporters))[:CANDIDATES_PER_DAY] for d in days + coarse}
    flat = [g for d in days + coarse for g in candidates[d]]
    repeats = dict(zip(map(id, flat), coverage.repeating([g.event for g in flat]) if coverage else [0] * len(flat)))
    kept = []
    for date in days + coarse:
        ranked_here = sorted(candidates[date], key=lambda g: centrality(g, repeats[id(g)], published))
        weight = salience.get(date, 0.0) + (CHRONOLOGY_WEIGHT if date in chronology else 0.0)
        for k, group in enumerate(ranked_here[:EVENTS_PER_DATE + (n_articles <= KEEP_ALL_UP_TO)]):
            event = group.event
            event.background = event.date[:len(start)] < start[:len(event.date)]
            if event.background and not stands_alone(event.text):
                continue
            event.key = k == 0 and len(date) == 10 and not event.background and stands_alone(event.text)
            event.salience = weight
            kept.append(event)
    order = {id(e): i for i, e in enumerate(kept)}
    return sorted(kept, key=lambda e: (e.date, order[id(e)]))


def overlap(a: TimeMention, b: TimeMention) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi


def same_event(a: Claim, b: Claim) -> bool:
    """Each claim's sentence states the other's event (evidence.states), whatever date each gives it, in
    sentences that are not one text published twice (its weekdays then resolve against two different days,
    or the claims took two different dates of it)."""
    one_text = tokens(a.sentence) == tokens(b.sentence)
    return not one_text and states(claim(a.text), b.sentence) and states(claim(b.text), a.sentence)


def date_conflicts(claims: list[Claim], pairs: sparse.coo_matrix, start: str | None) -> list[Difference]:
    """The same event dated on different days by different articles, each side citing its article: both
    dates days of the story's period, each article stating the other's event, and the articles saying
    different dates (the same 'yesterday' in articles of different days is one text published twice; a
    sentence that names both dates, 'from February 15 through February 28', dates its event with neither)."""
    sides: dict[frozenset[int], None] = {}
    for i, j, score in zip(pairs.row, pairs.col, pairs.data):
        a, b = claims[i], claims[j]
        days = a.mention.precise and b.mention.precise and bool(a.mention.raw and b.mention.raw)
        worded_alike = a.mention.raw.lower() == b.mention.raw.lower() and a.mention.resolved_from is not None
        both_dates_in_each = b.mention.raw.lower() in a.sentence.lower() and a.mention.raw.lower() in b.sentence.lower()
        in_period = not start or min(a.mention.date, b.mention.date) >= start
        if score >= CONFLICT and a.article != b.article and days and in_period and not worded_alike \
                and not both_dates_in_each and not overlap(a.mention, b.mention) and same_event(a, b):
            sides[frozenset((int(i), int(j)))] = None
    differences = []
    for pair in sides:
        i, j = sorted(pair, key=lambda k: claims[k].mention.lo)
        differences.append(Difference(topic=f"When: {claims[i].text}",
                                      sides=[Side(_side(claims[k]), [Citation(claims[k].article, claims[k].sentence)])
                                             for k in (i, j)]))
    return differences


def _side(claim: Claim) -> str:
    how = f" ({claim.mention.resolved_from})" if claim.mention.resolved_from else f" ('{claim.mention.raw}')"
    return f"{claim.mention.date}{how}"


def build_timeline_and_conflicts(articles: list[Article], syndication: list[Syndication],
                                 set_aside: frozenset[str] | None = None) -> tuple[list[Event], list[Difference]]:
    """The timeline and the date conflicts, from the independent articles of the story's reporting (set_aside:
    the articles about another story and the commentary, relevance.py; worked out here when not given)."""
    set_aside = not_reporting(articles) if set_aside is None else set_aside
    every_claim = collect_claims(sorted(articles, key=lambda a: (a.published or "9999", a.slug)))
    published = {a.slug: a.published for a in articles}
    chronology, listed_days = latest_chronology(every_claim, published)
    counted = ({a.slug for a in independent(articles, syndication)} - set_aside) | ({chronology} if chronology else set())
    claims = [c for c in every_claim if c.article in counted]
    if not claims:
        return [], []
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([c.text for c in claims]).tocsr()
    pairs = similar_pairs(matrix, min(SAME_EVENT, CONFLICT))
    groups = [to_event([claims[i] for i in group]) for group in group_claims(claims, pairs)]
    counted_published = {slug: published[slug] for slug in counted}
    coverage = Coverage([a for a in articles if a.slug in counted])
    volume = Counter(a.published for a in articles if a.published and a.slug not in set_aside)
    return (select_events(groups, counted_published, listed_days, coverage, volume),
            date_conflicts(claims, pairs, story_start(counted_published)))


def build_timeline(articles: list[Article], syndication: list[Syndication]) -> list[Event]:
    return build_timeline_and_conflicts(articles, syndication)[0]
