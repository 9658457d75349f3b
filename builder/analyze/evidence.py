"""Grounding: does an article state a claim? The one test every citation of the dossier passes.

An article supports a claim (an overview sentence, an event, a figure) only when one of its
sentences, or two adjacent ones that each give part of it, holds every number of the claim (a range is one number:
"45,000-50,000" supports neither "50,000" nor "50,000-100,000"; "two" is 2), every named actor of
the claim (its capitalised names), and most of its content words. The words that quote the support
are the article's own sentences, so a reader sees in place why the article is cited.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .sentences import fold_typography

CONTENT_SHARE = 0.75
PAIR_PART = 2
ACTORS_CACHED = 65536
DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
WORD = re.compile(r"[^\W_]+", re.U)


@lru_cache(maxsize=1)
def load_rules() -> dict:
    text = resources.files(__package__).joinpath("data/evidence.yml").read_text(encoding="utf-8")
    rules = yaml.safe_load(text)
    words = "|".join(sorted(rules["number_words"], key=len, reverse=True))
    scales = "|".join(sorted(rules["scales"], key=len, reverse=True))
    attached = "|".join(sorted(rules["attached_scales"], key=len, reverse=True))
    value = rf"(?:{DIGITS}(?:{attached})?|\b(?:{words})\b)(?:\s+(?:{scales})\b)?"
    rules["number"] = re.compile(rf"(?<![\w.,])(?:between\s+)?(?P<low>{value})"
                                 rf"(?:\s*(?:-|–|—|to|and)\s*(?P<high>{value}))?", re.I)
    rules["stop"] = (frozenset(rules["stop_words"]) | set(rules["scales"])
                     | {w for phrase in rules["number_words"] for w in phrase.split()})
    rules["not_actors"] = frozenset(w.lower() for w in rules["not_actors"])
    return rules


def fold(text: str) -> str:
    """Lower case without accents or curly typography: 'Préval' and 'Preval' are one word."""
    decomposed = unicodedata.normalize("NFKD", fold_typography(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _value(text: str) -> float:
    """'120,000' -> 120000; 'tens of thousands' -> 20000; '5 million', '5m' -> 5000000."""
    rules = load_rules()
    phrase = text.lower().replace(",", "")
    scale = 1
    head, _, last = phrase.rpartition(" ")
    if head and last in rules["scales"]:
        phrase, scale = head, rules["scales"][last]
    digits = re.match(r"[\d.]+", phrase)
    if digits and phrase[digits.end():] in rules["attached_scales"]:
        return float(digits.group()) * rules["attached_scales"][phrase[digits.end():]] * scale
    return float(rules["number_words"].get(phrase, phrase) if not digits else digits.group()) * scale


def _canonical(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def numbers(text: str) -> frozenset[str]:
    """Every number of a text, canonical: '120,000' -> '120000', 'two' -> '2', '5 million' -> '5000000',
    '2,500-3,500' -> '2500-3500' (a range is one number)."""
    found = set()
    rules = load_rules()
    for match in rules["number"].finditer(fold_typography(text)):
        low = _value(match["low"])
        if match["high"] is None:
            found.add(_canonical(low))
            continue
        high = _value(match["high"])
        joined = match.group(0).lower()
        is_range = high > low and (" and " not in joined or joined.startswith("between"))
        if is_range:
            found.add(f"{_canonical(low)}-{_canonical(high)}")
        else:
            found.update((_canonical(low), _canonical(high)))
    return frozenset(found)


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def content_words(text: str) -> frozenset[str]:
    stop = load_rules()["stop"]
    return frozenset(_stem(w) for w in WORD.findall(fold(text))
                     if w not in stop and len(w) > 1 and not any(c.isdigit() for c in w))


@lru_cache(maxsize=ACTORS_CACHED)
def actors(text: str) -> frozenset[str]:
    """The capitalised names of a text, folded: who and where the claim is about (kept for the sentences
    read last: figures compare each sentence with many others)."""
    rules = load_rules()
    found = set()
    for i, word in enumerate(WORD.findall(fold_typography(text))):
        if not word[:1].isupper() or word.isupper() and len(word) == 1:
            continue
        folded = fold(word)
        if folded in rules["stop"] or folded in rules["not_actors"]:
            continue
        found.add(_stem(folded))
    return frozenset(found)


@dataclass(frozen=True)
class Claim:
    """What a text asserts, in the terms support is checked in."""

    text: str
    numbers: frozenset[str]
    actors: frozenset[str]
    words: frozenset[str]


def claim(text: str) -> Claim:
    return Claim(text, numbers(text), actors(text), content_words(text))


def states(wanted: Claim, text: str) -> bool:
    """`text` holds every number and named actor of the claim and most of its other content words: what the
    actors did is counted apart from who they are ("Dr Conrad Murray is on trial accused of the involuntary
    manslaughter of singer Michael Jackson" is not stated by "... Dr Conrad Murray's legal team says it
    expects him to be charged with involuntary manslaughter", which has all the names)."""
    if not wanted.numbers <= numbers(text):
        return False
    words = content_words(text)
    if not wanted.actors <= words:
        return False
    rest = wanted.words - wanted.actors
    return not rest or len(rest & words) / len(rest) >= CONTENT_SHARE


def supporting_quote(wanted: Claim, sentences: list[str], near: int | None = None) -> str | None:
    """The sentence (or two adjacent sentences) of an article that states the claim, or None.

    With `near`, only that sentence and the two pairs it belongs to are tried (the caller found it by
    similarity), so checking a citation costs the same in a long article as in a short one.
    """
    singles = range(len(sentences)) if near is None else [near]
    for i in singles:
        if 0 <= i < len(sentences) and states(wanted, sentences[i]):
            return sentences[i]
    firsts = range(len(sentences) - 1) if near is None else [near - 1, near]
    for i in firsts:
        if 0 <= i < len(sentences) - 1 and states(wanted, f"{sentences[i]} {sentences[i + 1]}") \
                and _both_state_part(wanted, sentences[i], sentences[i + 1]):
            return f"{sentences[i]} {sentences[i + 1]}"
    return None


def _both_state_part(wanted: Claim, first: str, second: str) -> bool:
    """Each of two adjacent sentences gives the claim at least two of its words or numbers: a claim told over
    two sentences. "CNN could not confirm reports for many areas in Libya." is not stated by "... protests
    in Libya began. CNN could not immediately confirm the report.", where the first gives only 'Libya'."""
    def share(text: str) -> int:
        return len(wanted.words & content_words(text)) + len(wanted.numbers & numbers(text))
    return share(first) >= PAIR_PART and share(second) >= PAIR_PART
