"""Figures across articles: one figure per thing counted and value, counts that grow as dated series,
and differences only between sources that count the same thing at about the same time.

- Merging: figures merge only when they count the same thing (noun class, what happened to it, and
  scope) with the same value; '20,000 people killed' and '20,000 people displaced' stay apart. A
  syndicated copy never adds a second source.
- Series: a count that grows as the story goes on (the dead, the injured, the displaced, aid
  delivered; data/figure_rules.yml `growing`) reported on at least two days is a dated series, each
  point naming its source; a rising toll is not a disagreement.
- Differences: two values of the same quantity with a compatible scope ('troops' and 'US troops',
  not 'US troops' and 'Brazilian troops'), from articles published at most SAME_TIME_DAYS apart,
  that do not overlap and are within a factor of MAX_RATIO (so not plainly different counts).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from ..model import Article, Difference, Figure, Series, SeriesPoint, Side, Syndication
from .evidence import actors
from .figures import Found, article_figures, load_rules
from .relevance import not_reporting

MAX_RATIO = 5.0
MERGE_DAYS = 2
LARGE_COUNT = 1000
SAME_SOURCE = 0.6
SAME_PERSON = 85
SMALL_DOSSIER = 10
NEAR = 0.15
SAME_TIME_DAYS = 1
COMPARED_PER_QUANTITY = 200
SERIES_POINTS = 10
SERIES_MIN_DAYS = 3
COMMON_NAMES = 0.2
COMMON_MIN = 3


def same_statement(first: Found, other: Found, common: frozenset[str] = frozenset()) -> bool:
    """Two sentences giving one value of one thing report one figure; a small count only within MERGE_DAYS
    of the figure's first report, or naming the same people or places ('two people died' a month apart in
    two towns are two figures). For a count of what keeps happening (the dead, the injured, arrests), names
    the whole story shares (`common`: 'Libyan' in a dossier on the Libyan war) do not make two reports one;
    '50 concerts' in two reports that both name Jackson is one figure."""
    if first.low >= LARGE_COUNT:
        return True
    apart = days_apart(first.date, other.date)
    shared = actors(first.citation.sentence) & actors(other.citation.sentence)
    return apart is None or apart <= MERGE_DAYS or bool(shared - common if is_growing(first.quantity) else shared)


def story_names(found: list[Found]) -> frozenset[str]:
    """The names that more than COMMON_NAMES of the articles giving figures (and at least COMMON_MIN of them)
    use in those sentences."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for item in found:
        by_article[item.citation.article] |= actors(item.citation.sentence)
    counts = Counter(name for names in by_article.values() for name in names)
    return frozenset(n for n, k in counts.items() if k >= COMMON_MIN and k > COMMON_NAMES * len(by_article))


def statements(items: list[Found], common: frozenset[str] = frozenset()) -> list[list[Found]]:
    """The items of one value and quantity, grouped into the figures they report (items in date order, each
    joining the latest group whose first item it restates)."""
    groups: list[list[Found]] = []
    for item in sorted(items, key=lambda i: (i.date or "", i.citation.article)):
        home = next((g for g in reversed(groups) if same_statement(g[0], item, common)), None)
        if home is None:
            groups.append([item])
        else:
            home.append(item)
    return groups


def merge_found(found: list[Found], copies: dict[str, str]) -> list[Figure]:
    """One Figure per statement of a value of a quantity (its scope, place and bound); a syndicated copy's
    citation goes when its original cites it too."""
    keyed = _by_value(found)
    common = story_names(found)
    figures = []
    for (quantity, _, _, low, high, _), items in [(key, g) for key, same in sorted(keyed.items(), key=lambda kv: kv[0])
                                                  for g in statements(same, common)]:
        cited = {i.citation.article for i in items}
        kept = [i for i in items if copies.get(i.citation.article) not in cited]
        citations = sorted({i.citation for i in kept}, key=lambda c: (c.article, c.sentence))
        first = min(kept, key=lambda i: (i.attributed_to is None, i.date or "9999", i.citation.article))
        figures.append(Figure(value=first.value, low=low, high=high, what=first.what, quantity=quantity,
                              attributed_to=named_sources(kept, first.attributed_to), citations=citations,
                              scope=first.scope, place=next((i.place for i in kept if i.place), None),
                              date=min((i.date for i in kept if i.date), default=None)))
    return figures


def _by_value(found: list[Found]) -> dict[tuple, list[Found]]:
    """The items by quantity, scope, place, value and bound. An item that says no place joins the items of the
    same value that say one, when only one place gives that value ('233 people dead in Libya' and '233 people
    killed')."""
    keyed: dict[tuple, list[Found]] = defaultdict(list)
    for item in found:
        keyed[(item.quantity, (item.scope or "").lower(), (item.place or "").lower(), item.low, item.high,
               _bound(item.value))].append(item)
    placed: dict[tuple, list[tuple]] = defaultdict(list)
    for key in keyed:
        if key[2]:
            placed[key[:2] + key[3:]].append(key)
    for key in [k for k in keyed if not k[2]]:
        homes = placed.get(key[:2] + key[3:], [])
        if len(homes) == 1:
            keyed[homes[0]].extend(keyed.pop(key))
    return keyed


def _bound(value: str) -> str:
    """'more than 1,000' and 'nearly 1,000' are two statements; 'about 1,000' restates '1,000'."""
    kind = qualifier_kind(value)
    return kind if kind in ("above", "below") else ""


def named_sources(items: list[Found], first: str | None) -> str | None:
    """The sources the articles name for one figure, each once: a name that mostly repeats the words of one
    already given ('government spokesman Josep Pique' and 'Spokesman Josep Pique'; the UN's office 'in
    Damascus' or not) is the same source. The first found comes first."""
    named = sorted({i.attributed_to for i in items if i.attributed_to}, key=lambda w: (w != first, -len(w), w))
    kept: list[str] = []
    for who in named:
        if not any(same_source(who, other) for other in kept):
            kept.append(who)
    return "; ".join(kept) or None


def same_source(a: str, b: str) -> bool:
    words_a, words_b = set(a.casefold().split()) - {"the", "a", "an"}, set(b.casefold().split()) - {"the", "a", "an"}
    return bool(words_a and words_b) and len(words_a & words_b) >= SAME_SOURCE * min(len(words_a), len(words_b))


def is_growing(quantity: str) -> bool:
    growing = load_rules()["growing"]
    return any(word in growing for word in quantity.split())


def compatible(a: str | None, b: str | None) -> bool:
    """Whose or where, as far as both say it: 'troops' may be 'US troops'; 'US' and 'Brazilian' troops differ."""
    return a is None or b is None or a.casefold() == b.casefold()


def same_person(a: str, b: str) -> bool:
    """One source under two spellings ('Mohammed Ibrahim', 'Mohamed Ibrahim'): two values from it are an
    update or two incidents, not sources that disagree."""
    return same_source(a, b) or fuzz.token_sort_ratio(a.casefold(), b.casefold()) >= SAME_PERSON


def bounds(figure: Figure) -> tuple[float, float]:
    """The values a figure allows, from its qualifier: 'more than 800' is 800 or more, 'about 500' 425-575."""
    kind = qualifier_kind(figure.value)
    if kind == "above":
        return figure.low, float("inf")
    if kind == "below":
        return figure.low * (1 - NEAR), figure.high
    if kind == "near":
        return figure.low * (1 - NEAR), figure.high * (1 + NEAR)
    return figure.low, figure.high


def qualifier_kind(value: str) -> str | None:
    """How the value's qualifier bounds its number: 'above' ('more than 1,000'), 'below' ('nearly 1,000'),
    'near' ('about 1,000'), None for a bare number."""
    rules = load_rules()
    qualifier = next((q for q in sorted(rules["qualifier_bounds"], key=len, reverse=True)
                      if value.lower().startswith(q + " ")), None)
    return rules["qualifier_bounds"].get(qualifier)


def days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def is_compared(quantity: str) -> bool:
    rules = load_rules()
    noun, _, verb = quantity.partition(" ")
    return noun in rules["compared_classes"] or bool(verb and noun in rules["compared_with_verb"])


def same_place(a: Figure, b: Figure, many_places: bool) -> bool:
    """Counts of people, the dead or cases in a dossier that spans many places must say where, and say the
    same place; armed forces and the counts of a small dossier on one event may leave it unsaid."""
    noun = a.quantity.split()[0]
    if many_places and noun in load_rules()["placed_classes"]:
        return bool(a.place and b.place) and a.place.casefold() == b.place.casefold()
    return compatible(a.place, b.place)


def conflicts(a: Figure, b: Figure, many_places: bool = False) -> bool:
    """Two values of one thing from different sources at about the same time that cannot both be true: the
    same day for a count that grows, within SAME_TIME_DAYS for others."""
    if a.quantity != b.quantity or set(a.articles) & set(b.articles):
        return False
    if a.attributed_to and b.attributed_to and same_person(a.attributed_to, b.attributed_to):
        return False
    if not compatible(a.scope, b.scope) or not same_place(a, b, many_places):
        return False
    apart = days_apart(a.date, b.date)
    if not is_compared(a.quantity) or apart is None or apart > (0 if is_growing(a.quantity) else SAME_TIME_DAYS):
        return False
    (a_low, a_high), (b_low, b_high) = bounds(a), bounds(b)
    overlap = a_low <= b_high and b_low <= a_high
    return not overlap and max(a.high, b.high) <= MAX_RATIO * min(a.low, b.low)


def side(figure: Figure, byline: dict[str, str]) -> Side:
    """'2,500-3,500 Isis militants, according to US officials (The Guardian, 2017-11-09)'."""
    who = f", according to {figure.attributed_to}" if figure.attributed_to else ""
    outlets = ", ".join(dict.fromkeys(byline.get(a, a) for a in figure.articles))
    return Side(f"{figure.value} {figure.what}{who} ({outlets}, {figure.date})", figure.citations)


def flag_differences(figures: list[Figure], byline: dict[str, str], many_places: bool = False) -> list[Difference]:
    """Mark figures of one quantity that disagree between sources.

    Figures are compared only within a quantity, and only the most cited ones of each, so the work stays
    bounded however large the corpus.
    """
    by_quantity: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_quantity[figure.quantity].append(figure)
    differences = []
    for quantity, group in sorted(by_quantity.items()):
        group = sorted(group, key=lambda f: (-len(f.citations), f.low))[:COMPARED_PER_QUANTITY]
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if conflicts(a, b, many_places):
                    a.differs_from.append(b.value)
                    b.differs_from.append(a.value)
                    first, second = sorted((a, b), key=lambda f: (f.date or "", f.low))
                    differences.append(Difference(topic=f"How many {first.what}: {first.value} or {second.value}",
                                                  sides=[side(first, byline), side(second, byline)]))
    return differences


def running_total(figure: Figure) -> bool:
    """A figure stated as a running count ('the toll rose to', 'have been killed', 'so far'), not one incident's."""
    cue = load_rules()["cumulative"]
    return any(cue.search(c.sentence) for c in figure.citations)


def build_series(figures: list[Figure], byline: dict[str, str]) -> list[Series]:
    """Growing counts stated as running totals on at least SERIES_MIN_DAYS days, as dated points per source:
    each day's highest value, kept while the count does not fall (a lower value later is another count)."""
    by_thing: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        if is_growing(figure.quantity) and figure.date and running_total(figure):
            by_thing[(figure.quantity, (figure.scope or "").lower(), (figure.place or "").lower())].append(figure)
    series = []
    for (quantity, _, _), group in sorted(by_thing.items()):
        per_day: dict[str, Figure] = {}
        for figure in sorted(group, key=lambda f: (f.date, -len(f.articles))):
            if figure.date not in per_day or figure.high > per_day[figure.date].high:
                per_day[figure.date] = figure
        rising = []
        for day in sorted(per_day):
            if not rising or per_day[day].low >= rising[-1].low:
                rising.append(per_day[day])
        if len(rising) < SERIES_MIN_DAYS or len({(f.low, f.high) for f in rising}) < 2:
            continue
        points = [SeriesPoint(date=f.date, value=f.value, citations=f.citations,
                              source=f.attributed_to or ", ".join(dict.fromkeys(byline.get(a, a) for a in f.articles)))
                  for f in rising[-SERIES_POINTS:]]
        top = max(group, key=lambda f: len(f.articles))
        series.append(Series(what=top.what, quantity=quantity, scope=top.scope, place=top.place, points=points))
    return sorted(series, key=lambda s: -sum(len(p.citations) for p in s.points))


def find_figures(articles: list[Article], syndication: list[Syndication], set_aside: frozenset[str] | None = None) \
        -> tuple[list[Figure], list[Difference], list[Series]]:
    """The dossier's figures (most reported first), the differences between sources, and growing counts;
    none from articles about another story or from commentary (set_aside, relevance.py; worked out here
    when not given)."""
    set_aside = not_reporting(articles) if set_aside is None else set_aside
    found = [f for article in articles if article.slug not in set_aside for f in article_figures(article)]
    byline = {a.slug: a.byline for a in articles}
    copies = {s.copy: s.original for s in syndication}
    figures = merge_found(found, copies)
    independent = len(articles) - len(copies)
    differences = flag_differences(figures, byline, many_places=independent > SMALL_DOSSIER)
    series = build_series(figures, byline)
    mark_key_figures(figures, independent)
    figures.sort(key=lambda f: (not f.key, -len(f.articles), f.attributed_to is None, -f.high, f.quantity))
    return figures, differences, series


def mark_key_figures(figures: list[Figure], independent: int) -> None:
    """The figures worth a line on the home page: in a dossier of more than SMALL_DOSSIER independent
    articles, those two of them report; in a small one, all."""
    concepts = set(load_rules()["concepts"])
    for figure in figures:
        told = figure.attributed_to is not None and figure.quantity.split()[0] in concepts
        figure.key = len(figure.articles) >= 2 or independent <= SMALL_DOSSIER or told
