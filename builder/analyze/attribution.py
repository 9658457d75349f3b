"""Who says so: the attributions of a sentence ("police said", "according to the UN", "X told Y").

An attribution is part of a claim: the overview never trims it, and a figure takes its source from the
attribution that governs the clause it stands in, never from a neighbouring clause. An attribution at
the end of a clause (", police said.") governs the text before it; one at the start ("Police said
...") the text after it; either reaches no further than a clause break (", while", "; ") or another
attribution.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

TRAILING_WORDS = 4
WORD = re.compile(r"\w+")
BOUNDARY = re.compile(r"[;:]\s|[\"“”]|\s[—–-]\s|,\s+|\(|\)")


@dataclass(frozen=True)
class Attribution:
    """One attribution: its source as written (None for a pronoun), and the span of text it speaks for."""

    who: str | None
    start: int
    end: int
    covers: tuple[int, int]


@lru_cache(maxsize=1)
def load_rules() -> dict:
    text = resources.files(__package__).joinpath("data/attribution.yml").read_text(encoding="utf-8")
    rules = yaml.safe_load(text)
    verbs = "|".join(sorted(rules["verbs"], key=len, reverse=True))
    openers = "|".join(re.escape(o) for o in sorted(rules["openers"], key=len, reverse=True))
    rules["verb"] = re.compile(rf"\b(?:(?:has|have|had)\s+)?(?:{verbs})\b", re.I)
    rules["opener"] = re.compile(rf"\b(?:{openers})\s+", re.I)
    breaks = "|".join(rules["clause_breaks"])
    rules["break"] = re.compile(rf";\s|,\s+(?:{breaks})\b|\s(?:{breaks})\s", re.I)
    rules["pronoun_set"] = frozenset(rules["pronouns"])
    rules["clause_word_set"] = frozenset(rules["clause_words"])
    rules["source_noun_set"] = frozenset(rules["source_nouns"])
    rules["leading_set"] = frozenset(["and", "so", "then", *rules["clause_breaks"]])
    rules["not_source_set"] = frozenset(rules["not_sources"])
    rules["determiner_set"] = frozenset(rules["determiners"])
    rules["verb_set"] = frozenset(rules["verbs"])
    rules["verb_start_set"] = frozenset([*rules["verbs"], "has", "have", "had"])
    rules["time_word_set"] = frozenset(rules["time_words"])
    rules["audience_verbs"] = frozenset(["told", "tells"])
    rules["trailing_set"] = frozenset(["of", "the", "a", "an", "to", "in", "on", "for", "by", "with", "and", "or"])
    return rules


def verb_matches(sentence: str) -> list[re.Match]:
    """The matches of the attribution verbs ('said', 'has told'), as `rules["verb"].finditer` gives them, tried
    only where a word is a verb or 'has'/'have'/'had' (a hundred alternatives tried at every word boundary
    made this the slowest step of reading a sentence)."""
    rules = load_rules()
    found: list[re.Match] = []
    for word in WORD.finditer(sentence):
        if word[0].lower() not in rules["verb_start_set"] or found and word.start() < found[-1].end():
            continue
        match = rules["verb"].match(sentence, word.start())
        if match:
            found.append(match)
    return found


def _source_before(sentence: str, at: int) -> tuple[str, int]:
    """The words just before a verb that name its source ('a UN spokesman', 'Interior Minister X')."""
    rules = load_rules()
    left = sentence[:at]
    cut = max((m.end() for m in BOUNDARY.finditer(left)), default=0)
    words = left[cut:].split()[-rules["max_source_words"]:]
    if not words and left.rstrip().endswith(","):
        return _appositive_source(left.rstrip()[:-1])
    return " ".join(words), at - len(" ".join(words)) - (1 if words else 0)


def _appositive_source(left: str) -> tuple[str, int]:
    """'Valerie Amos, the U.N. undersecretary-general for humanitarian affairs, told ...': the source is the
    name before the title set off by commas, or the title when no name comes before it."""
    parts = re.split(r",\s+", left)
    if len(parts) < 2:
        return "", 0
    title = parts[-1]
    name = " ".join(parts[-2].split()[-load_rules()["max_source_words"]:])
    who = name if _named(name) and name[:1].isupper() else title
    return who, len(left) - len(title) - (len(name) + 2 if who == name else 0)


def _source_after(sentence: str, at: int) -> str:
    """The words after a verb or opener that name its source ('said the UN office', 'according to police')."""
    rules = load_rules()
    right = sentence[at:]
    stop = re.search(r"[,;:!?\"“”()]|\.(?:\s|$)|\s(?:that|on|in|at|as|after|when|while|who|which)\s", right)
    return " ".join(right[:stop.start() if stop else len(right)].split()[:rules["max_source_words"]])


def _named(who: str) -> str | None:
    """The source as a reader names it, or None for a pronoun or words that are not a source (a clause
    the scan ran into, a number)."""
    rules = load_rules()
    words = who.strip(" ,").split()
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in rules["clause_word_set"]), default=0)
    glued = max((i for i, w in enumerate(words) if i and w in ("The", "A", "An")), default=0)
    words = words[max(cut, glued):]
    while words and words[0].lower() in rules["leading_set"]:
        words = words[1:]
    while words and words[-1].lower().strip(".,") in rules["time_word_set"]:
        words = words[:-1]
    who = " ".join(words)
    if not who or re.search(r"\d", who) or len(words) > rules["max_source_words"]:
        return None
    first, last = _plain(words[0]), words[-1].lower()
    if first in rules["pronoun_set"] or last in rules["trailing_set"] or first in rules["not_source_set"] \
            or any(w.lower() in rules["verb_set"] for w in words):
        return None
    if words[0][:1].islower() and first not in rules["determiner_set"] and first not in rules["source_noun_set"]:
        return None
    if not any(w[:1].isupper() for w in words) and not any(_plain(w) in rules["source_noun_set"] for w in words):
        return None
    if _common_noun_source(words, first, rules):
        return who[:1].lower() + who[1:]
    return re.sub(r"^The\b", "the", who)


def _common_noun_source(words: list[str], first: str, rules: dict) -> bool:
    """'Officials', 'Rebel commanders': a source in common nouns, capitalised only because it opens the sentence."""
    if words[0].isupper():  # 'US officials', 'UN'
        return False
    if len(words) == 1:
        return first in rules["source_noun_set"]
    return all(w[:1].islower() for w in words[1:]) and first in rules["source_noun_set"] | rules["determiner_set"]


def _plain(word: str) -> str:
    """A word in lower case without its possessive: "Libya's" -> 'libya'."""
    return re.sub(r"['’]s$", "", word.lower())


def _closes(sentence: str, start: int, end: int) -> bool:
    """', police said (on Thursday).' or ', police said, while ...' after a clause: the attribution speaks
    for what comes before it."""
    opened = sentence[:start].rstrip().endswith((",", "\"", "”", "'", "’"))
    rest = sentence[end:]
    return opened and (len(rest.split()) <= TRAILING_WORDS or bool(re.match(r"(?:\s+\w+){0,3},", rest)))


def _inverted(sentence: str, match: re.Match) -> bool:
    """'..., Libya's second-largest, said a medical source in Benghazi': a verb right after a comma, with a
    source named after it, closes the clause before it (the words before the comma are what was said, not a
    speaker set off by commas as in 'Valerie Amos, the U.N. official, said Haiti's hospitals were full')."""
    if match[0].lower() in load_rules()["audience_verbs"] or not sentence[:match.start()].rstrip().endswith(","):
        return False
    return _named(_source_after(sentence, match.end())) is not None


def _found(sentence: str) -> list[tuple[str | None, int, int, bool]]:
    """(source, start, end, governs what follows) for every attribution, left to right."""
    rules = load_rules()
    found = []
    for match in rules["opener"].finditer(sentence):
        who = _source_after(sentence, match.end())
        if who:
            found.append((_named(who), match.start(), match.end() + len(who), False))
    for match in verb_matches(sentence):
        if any(s <= match.start() < e for _, s, e, _ in found):
            continue
        if _inverted(sentence, match):
            who = _source_after(sentence, match.end())
            found.append((_named(who), match.start(), match.end() + 1 + len(who), False))
            continue
        before, start = _source_before(sentence, match.start())
        if before and re.search(r"\b(?:an?|the|was|were|is|are|be|been|being)$", before, re.I):
            continue
        if before and not re.search(r"\b(?:to|not|would|will|could|can|may|might|should)$", before, re.I):
            found.append((_named(before), max(0, start), match.end(), not _closes(sentence, start, match.end())))
        else:
            who = None if match[0].lower() in rules["audience_verbs"] else _source_after(sentence, match.end())
            if who and sentence[:match.start()].rstrip().endswith((",", "\"", "”", "'", "’")):
                found.append((_named(who), match.start(), match.end() + 1 + len(who), False))
    return sorted(found, key=lambda f: f[1])


def attributions(sentence: str) -> list[Attribution]:
    """Every attribution of a sentence with the span of text it speaks for."""
    rules = load_rules()
    breaks = [m.start() for m in rules["break"].finditer(sentence)]
    found = _found(sentence)
    out = []
    for k, (who, start, end, ahead) in enumerate(found):
        if ahead:
            limit = min([b for b in breaks if b > end] + [f[1] for f in found[k + 1:]] + [len(sentence)])
            covers = (end, limit)
        else:
            begin = max([b for b in breaks if b < start] + [f[2] for f in found[:k]] + [0])
            covers = (begin, start)
        out.append(Attribution(who, start, end, covers))
    return out


def is_attributed(sentence: str) -> bool:
    return bool(_found(sentence))


def source_at(sentence: str, position: int) -> str | None:
    """The named source of the clause holding `position`, or None when that clause is in the text's own voice
    or attributed to a pronoun only."""
    for attribution in attributions(sentence):
        low, high = attribution.covers
        if low <= position < high:
            return attribution.who
    return None
