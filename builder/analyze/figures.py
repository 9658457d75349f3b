"""Key figures: numbers with what they count and who says so, merged across articles, conflicts flagged.

Patterns come from data/figure_rules.yml. A figure is a number (or range) followed by what it counts
('120,000 people ... displaced'); dates, years, ages, shares and times are skipped. Figures of one
quantity (noun class plus verb: 'fighters', 'people killed') and one value merge across articles;
a syndicated copy never adds a second source. Two values of one quantity that do not overlap (and are
within a factor of MAX_RATIO, so not plainly different counts) are flagged as differing.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import Article, Citation, Difference, Figure, Syndication
from . import record

NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
MIN_COUNT = 10
MAX_RATIO = 5.0
COMPARED_PER_QUANTITY = 200
WHAT_WORDS = 3
VERB_WINDOW = 6


@dataclass(frozen=True)
class Found:
    """One figure as one sentence states it."""

    value: str
    low: float
    high: float
    what: str
    quantity: str
    attributed_to: str | None
    citation: Citation


@lru_cache(maxsize=1)
def load_rules() -> dict:
    text = resources.files(__package__).joinpath("data/figure_rules.yml").read_text(encoding="utf-8")
    rules = yaml.safe_load(text)
    alternation = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    scale = rf"(?:\s+(?:{alternation(rules['scales'])}))?"
    rules["figure"] = re.compile(
        rf"(?<![\w,.])(?:(?P<qualifier>{alternation(rules['qualifiers'])})\s+)?(?:between\s+)?"
        rf"(?P<low>(?:{NUMBER}){scale})(?:\s*(?:-|–|to|and)\s*(?P<high>(?:{NUMBER}){scale}))?(?![\w%]|[:.]\d)", re.I)
    rules["verbs"] = alternation(rules["attribution_verbs"])
    rules["qualifier_words"] = {w for q in rules["qualifiers"] for w in q.split()} | {"between"}
    rules["classes"] = {w: cls for cls, words in rules["noun_classes"].items() for w in words}
    return rules


def parse_number(text: str) -> float:
    rules = load_rules()
    words = text.lower().replace(",", "").split()
    return float(words[0]) * (rules["scales"].get(words[1], 1) if len(words) > 1 else 1)


def is_not_a_count(sentence: str, start: int, end: int, low: float, has_comma: bool) -> bool:
    """Dates, years, ages, shares and times: '8 November', 'in 2014', '15-year-old', '40 percent'."""
    rules = load_rules()
    after = sentence[end:end + 12].lower().lstrip(" -")
    before = re.findall(r"[a-z]+", sentence[max(0, start - 12):start].lower())
    if any(after.startswith(w) for w in rules["skip_after"]) or (before and before[-1] in rules["months"]):
        return True
    if re.match(r"[a-z]+", after) and re.match(r"[a-z]+", after).group() in rules["months"]:
        return True
    time_or_price = sentence[max(0, start - 1):start] in (":", "$", "€", "£")
    return (time_or_price or low < MIN_COUNT or (not has_comma and 1800 <= low <= 2100)
            or is_measure_or_label(sentence, start, end))


def is_measure_or_label(sentence: str, start: int, end: int) -> bool:
    """'a 20-acre compound', 'Jesse Warfield, 45, struck', 'Colt 45', 'Box 2171': a size, an age or a
    name, not a count. A count is followed by what it counts, not by punctuation or a hyphenated unit,
    and follows no capitalised word but the sentence's first."""
    after = sentence[end:end + 2]
    if re.match(r"-[A-Za-z]|\s*[,;:)]|\.(?:\s|$)|$", after):
        return True
    before = re.search(r"([A-Za-z][\w'’.-]*)\s+$", sentence[:start])
    opening = not sentence[:before.start()].strip(" \"“'‘(") if before else True
    return bool(before and before.group(1)[0].isupper() and not opening
                and before.group(1).lower() not in load_rules()["qualifier_words"])


def counted_what(sentence: str, end: int) -> tuple[str, str]:
    """What the number counts ('Isis militants') and the quantity it belongs to ('fighters')."""
    rules = load_rules()
    words = re.findall(r"[A-Za-z][\w'-]*", sentence[end:])
    what = []
    for word in words[:WHAT_WORDS]:
        if word.lower() in rules["stop_words"] or (what and word[0].isupper()):
            break
        what.append(word)
        if word.lower() in rules["classes"]:
            break
    if not what:
        return "", ""
    verb = next((w.lower() for w in words[len(what):len(what) + VERB_WINDOW] if w.lower() in rules["count_verbs"]), "")
    noun = next((rules["classes"][w.lower()] for w in what if w.lower() in rules["classes"]), what[0].lower())
    return " ".join(what + ([verb] if verb and verb not in (w.lower() for w in what) else [])), f"{noun} {verb}".strip()


@lru_cache(maxsize=1)
def attribution_patterns() -> list[tuple[re.Pattern[str], re.Pattern[str] | None]]:
    """The attribution patterns in the order they are tried, each with a cheap pattern that any match
    of it must contain (or None): the third, a run of capitalised words before a source noun, is slow
    on long sentences, and most sentences have no source noun before a verb at all."""
    rules = load_rules()
    verbs, nouns = rules["verbs"], "|".join(rules["source_nouns"])
    said = rf"\s+(?:have\s+|has\s+|had\s+)?(?:{verbs})\b"
    return [
        (re.compile(rf"[,\"”]\s*(?P<who>(?:the\s+)?[A-Z][^,;\"“”]*?)\s+(?:{verbs})\s*\.?$"), None),
        (re.compile(rf"\b(?:{verbs}|according to)\s+(?P<who>(?:the\s+)?[A-Z][^,;:\"“”]*?)(?=[,.;\"”]|$| that | on )"),
         None),
        (re.compile(rf"(?P<who>(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+)*(?:[a-z-]+\s+)?(?:{nouns})){said}", re.I),
         re.compile(rf"(?:{nouns}){said}", re.I)),
    ]


def find_attribution(sentence: str) -> str | None:
    """Who a sentence attributes its figures to.

    'said the UN office', '"...," the office said', 'US officials have estimated'.
    """
    text = sentence.strip()
    for pattern, required in attribution_patterns():
        if required is not None and not required.search(text):
            continue
        match = pattern.search(text)
        if match and len(match.group("who").split()) <= 10:
            return re.sub(r"^The\b", "the", match.group("who").strip())
    return None


def sentence_figures(article: str, sentence: str) -> list[Found]:
    found = []
    for match in load_rules()["figure"].finditer(sentence):
        low = parse_number(match["low"])
        high = parse_number(match["high"]) if match["high"] else low
        if "." in match["low"] and len(match["low"].split()) == 1:
            continue
        if is_not_a_count(sentence, match.start("low"), match.end(), low, "," in match["low"]) or high < low:
            continue
        what, quantity = counted_what(sentence, match.end())
        if not what:
            continue
        number = f"{match['low']}-{match['high']}" if match["high"] else match["low"]
        value = f"{match['qualifier'].lower()} {number}" if match["qualifier"] else number
        found.append(Found(value, low, high, what, quantity, find_attribution(sentence), Citation(article, sentence)))
    return found


def merge_found(found: list[Found], copies: dict[str, str]) -> list[Figure]:
    """One Figure per quantity and value; a syndicated copy's citation goes when its original cites it too."""
    groups: dict[tuple[str, float, float], list[Found]] = defaultdict(list)
    for item in found:
        groups[(item.quantity, item.low, item.high)].append(item)
    figures = []
    for (quantity, low, high), items in sorted(groups.items()):
        cited = {i.citation.article for i in items}
        citations = sorted({i.citation for i in items if copies.get(i.citation.article) not in cited},
                           key=lambda c: (c.article, c.sentence))
        first = min(items, key=lambda i: (i.attributed_to is None, i.citation.article))
        figures.append(Figure(value=first.value, low=low, high=high, what=first.what, quantity=quantity,
                              attributed_to=first.attributed_to, citations=citations))
    return figures


def conflicts(a: Figure, b: Figure) -> bool:
    if a.quantity != b.quantity or set(a.articles) & set(b.articles):
        return False
    rules = load_rules()
    noun, _, verb = a.quantity.partition(" ")
    if noun not in rules["compared_classes"] and not (verb and noun in rules["compared_with_verb"]):
        return False
    overlap = a.low <= b.high and b.low <= a.high
    return not overlap and max(a.high, b.high) <= MAX_RATIO * min(a.low, b.low)


def flag_differences(figures: list[Figure]) -> list[Difference]:
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
                if conflicts(a, b):
                    a.differs_from.append(b.value)
                    b.differs_from.append(a.value)
                    differences.append(describe_difference(a, b))
    return differences


def describe_difference(a: Figure, b: Figure) -> Difference:
    def side(figure: Figure) -> tuple[str, list[str]]:
        who = f", according to {figure.attributed_to}" if figure.attributed_to else ""
        return f"{figure.value} {figure.what}{who}", figure.articles
    return Difference(topic=f"How many {a.quantity}: {a.value} or {b.value}", sides=[side(a), side(b)])


def find_figures(articles: list[Article], syndication: list[Syndication]) -> tuple[list[Figure], list[Difference]]:
    copies = {s.copy: s.original for s in syndication}
    found = [f for a in articles for f in record.record_of(a).figures]
    figures = merge_found(found, copies)
    differences = flag_differences(figures)
    figures.sort(key=lambda f: (-len(f.articles), -f.high, f.quantity))
    return figures, differences
