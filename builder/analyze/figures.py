"""Key figures: counts and amounts of a named thing, read off the articles' sentences.

Patterns come from data/figure_rules.yml. A figure is a number (or range, or amount of money)
followed by what it counts ('120,000 people ... displaced', '12 tonnes of supplies', '1,000 US
troops'): its scope is whose or which (the capitalised words of what it counts: 'US' troops), and
its source is the attribution that governs the clause it stands in (attribution.py), never a
neighbouring clause. Not figures: dates, years, ages, clock times, shares, sizes, rates,
frequencies, labels (page 12, flight 447, phase 4), phone numbers, scores, list numbers, numbers in
lines that are not sentences of reporting (headlines, link lists, captions: quality.reporting), and
numbers of sentences about an earlier time ('In 1918, 50 million died'). A generic noun ('20,000 people')
is a figure only with what happened to it ('killed', 'displaced').

Merging, series and differences across articles are in figure_compare.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import Article, Citation
from .attribution import source_at
from .quality import reporting
from .trim import trim_dateline

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
MIN_COUNT = 2
SMALL_COUNT = 10
WHAT_WORDS = 3
VERB_WINDOW = 6
VERB_BEFORE = 3
MAX_AGE = 120


@dataclass(frozen=True, slots=True)
class Found:
    """One figure as one sentence states it."""

    value: str
    low: float
    high: float
    what: str
    quantity: str
    scope: str | None
    place: str | None
    attributed_to: str | None
    citation: Citation
    date: str | None


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def load_rules() -> dict:
    text = resources.files(__package__).joinpath("data/figure_rules.yml").read_text(encoding="utf-8")
    rules = yaml.safe_load(text)
    attached = _alternation(rules['attached_scales'])
    value = (rf"(?:(?:{DIGITS})(?:{attached}|(?(currency)\s(?:{attached})))?(?![\w])"
             rf"|\b(?:{_alternation(rules['number_words'])})\b)"
             rf"(?:\s+(?:{_alternation(rules['scales'])})\b)?")
    currency = rf"(?:{_alternation(rules['currency_signs'])})"
    rules["figure"] = re.compile(
        rf"(?<![\w,.$£€¥/\\])(?:(?P<qualifier>{_alternation(rules['qualifiers'])})\s+)?(?:between\s+)?"
        rf"(?P<currency>{currency})?\s?(?P<low>{value})"
        rf"(?:\s*(?:-|–|to|and)\s*{currency}?\s?(?P<high>{value}))?(?![\w%/\\]|[:.,]\d)", re.I)
    rules["skip_after_re"] = re.compile(rf"^(?:{_alternation(rules['skip_after'])})(?![a-z])")
    rules["labels"] = frozenset(rules["labels_before"])
    rules["cumulative"] = re.compile(r"\b(?:" + "|".join(rules["cumulative_cues"]) + r")\b", re.I)
    rules["place"] = re.compile(r"^(?:\s+[a-z]+){0,3}?\s+(?:in|across|throughout|inside)\s+(?:the\s+)?"
                                r"(?P<name>(?:[A-Z][\w'’.-]*\s?){1,4})|\b(?P<everywhere>worldwide|globally|nationwide)\b")
    rules["qualifier_words"] = {w for q in rules["qualifiers"] for w in q.split()} | {"between"}
    rules["classes"] = {w: cls for cls, words in rules["noun_classes"].items() for w in words}
    for key in ("months", "stop_words", "count_verbs", "count_nouns", "generic_heads", "growing", "score_words",
                "measure_nouns", "plurals", "neutral"):
        rules[key] = frozenset(rules[key])
    return rules


def parse_number(text: str) -> float:
    """'120,000' -> 120000; 'two' -> 2; '1.5 million' -> 1500000; '5m' -> 5000000."""
    rules = load_rules()
    phrase = " ".join(text.lower().replace(",", "").split())
    if phrase in rules["number_words"]:
        return float(rules["number_words"][phrase])
    scale = 1.0
    head, _, last = phrase.rpartition(" ")
    if head and last in rules["scales"]:
        phrase, scale = head, rules["scales"][last]
    if phrase in rules["number_words"]:
        return rules["number_words"][phrase] * scale
    digits = re.match(r"[\d.]+", phrase)
    attached = phrase[digits.end():].strip() if digits else ""
    return float(digits.group()) * rules["attached_scales"].get(attached, 1) * scale


def _words_before(sentence: str, start: int, count: int) -> list[str]:
    return re.findall(r"[a-z][a-z'’.-]*", sentence[max(0, start - 40):start].lower())[-count:]


def is_not_a_count(sentence: str, match: re.Match[str], low: float, high: float) -> bool:
    """Dates, years, ages, times, shares, sizes, labels, phone numbers and scores: not counts of a thing."""
    rules = load_rules()
    start, end = match.start("low"), match.end()
    after = sentence[end:end + 24].lower().lstrip(" -")
    before = _words_before(sentence, start, 2)
    money = bool(match["currency"])
    if rules["skip_after_re"].match(after) or (before and before[-1] in rules["months"] | rules["labels"]):
        return True
    if re.match(r"[a-z]+", after) and re.match(r"[a-z]+", after).group() in rules["months"]:
        return True
    if sentence[max(0, start - 1):start] in (":", "#", "+", "(") or re.match(r"[\s-]\d{2,}", sentence[end:end + 4]):
        return True
    if match["high"] and (high < low or any(w in rules["score_words"] for w in _words_before(sentence, start, 3))):
        return True
    plain = match["low"].replace(",", "")
    if not money and (low < MIN_COUNT or ("," not in match["low"] and plain.isdigit() and 1800 <= low <= 2100)):
        return True
    if not money and len(plain) == 4 and plain.isdigit() and start <= 1 and int(plain[:2]) < 24 and int(plain[2:]) < 60:
        return True
    return not money and (is_age(sentence, start, end, low) or is_measure_or_label(sentence, start, end))


def is_age(sentence: str, start: int, end: int, low: float) -> bool:
    """'Ena Zizi, 69 - rescued', 'Warfield, 45, struck', '(69)': a person's age after their name."""
    if low > MAX_AGE or low != int(low):
        return False
    name_comma = re.search(r"[A-Z][\w'’-]*,\s*$", sentence[:start])
    bracketed = sentence[max(0, start - 1):start] == "(" and sentence[end:end + 1] == ")"
    return bool(name_comma and re.match(r"\s*(?:[-–—,)]|$)", sentence[end:])) or bracketed


def is_measure_or_label(sentence: str, start: int, end: int) -> bool:
    """'a 20-acre compound', 'Colt 45', 'Box 2171': a size or a name, not a count. A count is followed by
    what it counts, not by punctuation or a hyphenated unit, and follows no capitalised word but the
    sentence's first."""
    after = sentence[end:end + 2]
    if re.match(r"-[A-Za-z]|\s*[,;:)]|\.(?:\s|$)|$", after):
        return True
    before = re.search(r"([A-Za-z][\w'’.-]*)\s+$", sentence[:start])
    opening = not sentence[:before.start()].strip(" \"“'‘(") if before else True
    return bool(before and before.group(1)[0].isupper() and not opening
                and before.group(1).lower() not in load_rules()["qualifier_words"])


def counted_what(sentence: str, end: int) -> tuple[list[str], str]:
    """The words right after the number saying what it counts ('US troops', 'tonnes of supplies') and the
    thing counted ('troops', 'tonnes of supplies'): its last lower-case word, or its class."""
    rules = load_rules()
    tokens = sentence[end:end + 100].split()
    what: list[str] = []
    for i, token in enumerate(tokens[:WHAT_WORDS + 2]):
        word = token.strip("\"“”'‘’.,;:!?)")
        lower = word.lower()
        if not re.fullmatch(r"[A-Za-z][\w'’-]*", word) or token[:1] in "(\"“[":
            break
        if lower == "of" and what and what[-1].lower() in rules["measure_nouns"] and i + 1 < len(tokens):
            thing = tokens[i + 1].strip("\"“”'‘’.,;:!?)")
            what += ["of", thing] if re.fullmatch(r"[a-z][\w'’-]*", thing) else []
            break
        if lower in rules["stop_words"] or len(what) >= WHAT_WORDS or (what and word[0].isupper()
                                                                         and not what[-1][0].isupper()):
            break
        what.append(word)
        measured = lower in rules["measure_nouns"] and i + 1 < len(tokens) and tokens[i + 1] == "of"
        if word != token or lower in rules["classes"] or (is_plural(word) and not word[0].isupper() and not measured):
            break
    lower_words = [w.lower() for w in what if not w[0].isupper()]
    if "of" in lower_words:
        return what, " ".join(lower_words[lower_words.index("of") - 1:])
    head = lower_words[-1] if lower_words else ""
    return what, rules["classes"].get(head, head.removesuffix("s") if len(head) > 3 else head)


def plain_words(what: list[str]) -> list[str]:
    """The lower-case words of what is counted, up to its head noun ('confirmed cases' -> confirmed, cases)."""
    words = [w.lower() for w in what if not w[0].isupper()]
    return words[:words.index("of")] if "of" in words else words


def is_plural(word: str) -> bool:
    """A count of two or more names its thing in the plural ('troops', 'people'); '6 Music presenter' and
    '911 call' name something else."""
    lower = word.lower()
    return (lower.endswith("s") and not lower.endswith("ss")) or lower in load_rules()["plurals"]


def count_verb(sentence: str, start: int, end: int, skip: int) -> str:
    """A verb saying what happened to what is counted, in its clause and before the next number: after it
    ('people were killed') or just before the number ('killed 25 people', 'left 50,000 dead')."""
    rules = load_rules()
    clause = re.split(r"[;:]|,\s+(?:while|but|whereas|and)\b|\s(?:while|but|whereas)\s|\d", sentence[end:])[0]
    after = [w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", clause)][skip:skip + VERB_WINDOW]
    before = _words_before(sentence, start, VERB_BEFORE)
    found = [w for w in after + before[::-1] if w in rules["count_verbs"]]
    outcomes = {v for words in rules["concepts"].values() for v in words["verbs"]}
    return next((w for w in found if w in outcomes), found[0] if found else "")


def scope_of(what: list[str]) -> str | None:
    """Whose or which: the capitalised words in front of the counted noun ('US' troops, 'IS' militants)."""
    names = [w for w in what if w[0].isupper()]
    return " ".join(names) or None


def place_after(sentence: str, end: int) -> str | None:
    """Where, when the clause says it right after what is counted: 'in Mexico', 'worldwide'."""
    clause = re.split(r"[;,]|\s(?:while|but|whereas|and)\s", sentence[end:end + 80])[0]
    match = load_rules()["place"].search(clause)
    if not match:
        return None
    return match["name"].strip() if match["name"] else match["everywhere"].lower()


def is_background(sentence: str, published: str | None) -> bool:
    """A sentence about an earlier time ('In 1918, 50 million people died'): its figures are not this
    story's. A count 'since 1968' is a running total, and is this story's."""
    if not published:
        return False
    year = int(published[:4])
    return any(int(m["year"]) < year - 1 and not re.search(r"\b(?:since|from)\b", sentence[:m.start()], re.I)
               for m in re.finditer(r"\b(?P<year>1[89]\d\d|20\d\d)\b", sentence))


def sentence_figures(article: str, sentence: str, published: str | None = None,
                     is_reporting: bool | None = None) -> list[Found]:
    """Every figure one sentence states; nothing from a line that is not a sentence (a headline, a caption).
    `is_reporting`: whether the sentence without its dateline is reporting, when the record has read it."""
    rules = load_rules()
    text = sentence.strip()
    if is_reporting is None:
        is_reporting = reporting(trim_dateline(text))
    if not is_reporting or is_background(text, published):
        return []
    found = []
    for match in rules["figure"].finditer(text):
        low = parse_number(match["low"])
        high = parse_number(match["high"]) if match["high"] else low
        if "." in match["low"] and len(match["low"].split()) == 1 and not match["currency"] \
                and not re.search(r"[a-z]$", match["low"]):
            continue
        if is_not_a_count(text, match, low, high):
            continue
        found += _figure(article, text, match, low, high, published)
    return found


def _figure(article: str, sentence: str, match: re.Match[str], low: float, high: float,
            published: str | None) -> list[Found]:
    rules = load_rules()
    what, head = counted_what(sentence, match.end())
    currency = rules["currency_signs"].get(match["currency"] or "")
    if not currency and head in rules["currency_words"]:
        currency = rules["currency_words"][head]
    plain = [w for w in what if not w[0].isupper()]
    outcomes = {v for words in rules["concepts"].values() for v in words["verbs"]}
    said = plain[-1].lower() if plain and plain[-1].lower() in outcomes else ""
    verb = said or count_verb(sentence, match.start(), match.end(), len(what))
    if currency:
        head = currency
    weak = head in rules["generic_heads"] or low < SMALL_COUNT or match["low"].lower() in rules["number_words"]
    counted = currency or " of " in head or bool(plain and is_plural(plain[-1]))
    if not head or not counted or (weak and not verb) or (currency and not what and not verb):
        return []
    sign = match["currency"] or ""
    number = f"{sign}{match['low']}-{sign}{match['high']}" if match["high"] else f"{sign}{match['low']}"
    value = f"{match['qualifier'].lower()} {number}" if match["qualifier"] else number
    shown = _label(what, verb, verb in _words_before(sentence, match.start(), VERB_BEFORE), rules)
    noun = rules["classes"].get(head, head)
    modifiers = set(plain_words(what)[:-1]) - set(head.split()) - rules["neutral"]
    quantity = quantity_of(noun, plain_words(what)[-1:], verb, modifiers)
    return [Found(value, low, high, " ".join(shown), quantity, scope_of(what), place_after(sentence, match.end()),
                  source_at(sentence, match.start()), Citation(article, sentence), published)]


def _label(what: list[str], verb: str, verb_first: bool, rules: dict) -> list[str]:
    """What the figure counts, in the sentence's words: '25 people killed'; 'the deaths of 27 people' is
    '27 deaths', 'the deaths of 27 civilians' '27 deaths of civilians'; in '1,261 cases and this is the first
    death' the death is not what the 1,261 are."""
    if not verb or verb in (w.lower() for w in what):
        return what
    if verb in rules["count_nouns"]:
        if not verb_first:
            return what
        return [verb] if [w.lower() for w in what] == ["people"] else [verb, "of", *what]
    return what + [verb]


def quantity_of(noun: str, head: list[str], verb: str, modifiers: set[str]) -> str:
    """The thing counted, in words two articles share however they word it: its concept when it has one
    ('81 people killed' and '81 deaths' are 'deaths'; '20 soldiers killed' is 'troops deaths'), else its
    noun, then the words that narrow it down ('cases confirmed', 'cases suspected')."""
    rules = load_rules()
    for concept, words in rules["concepts"].items():
        if verb in words["verbs"] and noun in (*rules["noun_classes"]["people"], "people", concept) \
                or set(head) & set(words["nouns"]) or noun == concept:
            rest = sorted(modifiers | ({verb} if verb and verb not in words["verbs"] else set()))
            return " ".join([concept, *rest])
        if verb in words["verbs"]:
            return " ".join([noun, concept, *sorted(modifiers)])
    return " ".join([noun, *sorted(modifiers | ({verb} if verb else set()))])


def article_figures(article: Article) -> list[Found]:
    """The figures of one article, from its analysis record (record.py), where they are found once."""
    from .record import record_of
    return record_of(article).figures
