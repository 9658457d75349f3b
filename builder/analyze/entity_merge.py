"""Which names are one entity: curated aliases, acronym definitions, spelling variants, initials, short forms.

Every rule looks names up in an index (a spelling skeleton, initials, the words of a name), so no rule
compares all pairs of names. A match the rules cannot settle becomes a warning for the curator:
'possible same entity: X / Y'.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .mentions import Candidate, load_gazetteer, load_rules, name_key

SPELLING_MATCH = 75
SHORT_SPELLING_MATCH = 80
SPELLING_DOUBT = 65
BUCKET_LIMIT = 30
ARTICLES = {"al", "el", "ad", "the"}
TYPE_ORDER = ("place", "organisation", "person")


@dataclass
class Name:
    """All mentions written one way (up to case, hyphens and spacing)."""

    key: str
    surfaces: Counter = field(default_factory=Counter)
    votes: Counter = field(default_factory=Counter)
    mentions: list[Candidate] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return self.key.split()

    @property
    def is_acronym(self) -> bool:
        surface = self.surfaces.most_common(1)[0][0]
        return surface.isupper() and " " not in surface and len(surface) <= 6

    @property
    def type(self) -> str:
        """The gazetteer's type for this name, else the most voted type, else '' (no evidence)."""
        known = load_gazetteer().get(self.key)
        if known:
            return known
        if not self.votes:
            return ""
        return max(TYPE_ORDER, key=lambda t: (self.votes[t], -TYPE_ORDER.index(t)))


class Groups:
    """Union-find over name keys: `root(key)` is the entity a name currently belongs to."""

    def __init__(self, keys: list[str]):
        self.parent = {k: k for k in keys}

    def root(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for key in sorted(self.parent):
            out[self.root(key)].append(key)
        return out


def generic_suffix_targets(keys: set[str]) -> dict[str, str]:
    """'euphrates river' -> 'euphrates' when 'Euphrates' is also written; 'wood group' stays when 'Wood' is not."""
    suffixes = load_rules()["generic_suffixes"]
    targets = {}
    for key in keys:
        words = key.split()
        if len(words) > 1 and words[-1] in suffixes and " ".join(words[:-1]) in keys:
            targets[key] = " ".join(words[:-1])
    return targets


def join_listed(names: dict[str, Name], groups: Groups, listed: list[list[str]]) -> None:
    """Join names the text or the curator says are one: acronym definitions and aliases.yml entries."""
    for spellings in listed:
        present = [k for k in map(name_key, spellings) if k in names]
        for key in present[1:]:
            groups.join(present[0], key)


def skeleton(key: str) -> str:
    """A spelling key for transliterations: first letter, then consonants without doubles.

    'Raqqa'/'Raqa' -> 'rq', 'Hezbollah'/'Hizbullah' -> 'hzblh', 'Deir Ezzor'/'Deir el-Zour' -> 'drzr'.
    """
    joined = "".join(w for w in key.split() if w not in ARTICLES)
    if not joined:
        return ""
    head = "V" if joined[0] in "aeiouy" else joined[0]
    return head + re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy\d]", "", joined[1:]))


def spelling_score(a: Name, b: Name) -> float:
    plain_a = "".join(w for w in a.words if w not in ARTICLES)
    plain_b = "".join(w for w in b.words if w not in ARTICLES)
    return fuzz.ratio(plain_a, plain_b)


def join_spellings(names: dict[str, Name], groups: Groups) -> list[tuple[str, str]]:
    """Merge transliteration variants within each skeleton bucket; return the pairs left in doubt."""
    buckets: dict[str, list[Name]] = defaultdict(list)
    for name in names.values():
        if not name.is_acronym:
            buckets[skeleton(name.key)].append(name)
    doubts = []
    for bucket in buckets.values():
        bucket = sorted(bucket, key=lambda n: (-len(n.mentions), n.key))[:BUCKET_LIMIT]
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                doubts += _compare_spelling(a, b, groups)
    return doubts


def _compare_spelling(a: Name, b: Name, groups: Groups) -> list[tuple[str, str]]:
    if groups.root(a.key) == groups.root(b.key):
        return []
    score = spelling_score(a, b)
    needed = SHORT_SPELLING_MATCH if min(len(a.key), len(b.key)) < 6 else SPELLING_MATCH
    same_type = not a.type or not b.type or a.type == b.type
    both_listed = a.key in load_gazetteer() and b.key in load_gazetteer()
    if score >= needed and same_type and not both_listed:
        groups.join(a.key, b.key)
        return []
    return [(a.key, b.key)] if score >= SPELLING_DOUBT else []


def initials(name: Name) -> str:
    connectors = load_rules()["connectors"]
    words = [w for w in name.words if w not in connectors]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def join_acronyms(names: dict[str, Name], groups: Groups) -> list[tuple[str, str]]:
    """'IS' = 'Islamic State', 'US' = 'United States': an acronym joins the one entity with those initials."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for name in names.values():
        if name.type != "person" and (letters := initials(name)):
            by_initials[letters].append(name.key)
    doubts = []
    for name in names.values():
        if not name.is_acronym:
            continue
        roots = sorted({groups.root(k) for k in by_initials.get(name.key.upper(), [])} - {groups.root(name.key)})
        if len(roots) == 1:
            groups.join(name.key, roots[0])
        doubts += [(name.key, root) for root in roots] if len(roots) > 1 else []
    return doubts


def short_form_targets(name: Name, names: dict[str, Name], by_word: dict[str, set[str]]) -> list[str]:
    """Longer names this one can stand for: a person's surname ('Assad'), an organisation's head ('Observatory')."""
    words = name.words
    heads = load_rules()["generic_heads"]
    keys = set.intersection(*(by_word.get(w, set()) for w in words)) if words else set()
    targets = []
    for key in keys:
        long = names[key]
        if len(long.words) <= len(words):
            continue
        if long.type == "person" and long.words[-len(words):] == words and name.type != "place":
            targets.append(key)
        elif (long.type == "organisation" and len(words) == 1 and words[0] not in heads
              and name.type != "place"):
            targets.append(key)
    return targets


def first_and_last(name: Name) -> str | None:
    """'richard butler' for 'Richard Girnt Butler' or 'Richard G. Butler Jr.': a person without middle names or suffix."""
    words = [w for w in name.words if w not in load_rules()["name_suffixes"]]
    if len(words) < 2 or words == name.words and len(words) == 2:
        return None
    return f"{words[0]} {words[-1]}"


def join_middle_names(names: dict[str, Name], groups: Groups) -> None:
    """A person written with a middle name, initial or suffix is the person written without them."""
    for name in names.values():
        if name.type not in ("person", ""):
            continue
        plain = first_and_last(name)
        if plain in names and names[plain].type in ("person", ""):
            groups.join(name.key, plain)


def join_short_forms(names: dict[str, Name], groups: Groups) -> list[tuple[str, str]]:
    by_word: dict[str, set[str]] = defaultdict(set)
    for name in names.values():
        for word in set(name.words):
            by_word[word].add(name.key)
    doubts = []
    for name in sorted(names.values(), key=lambda n: n.key):
        if name.is_acronym or len(name.words) > 2:
            continue
        roots = sorted({groups.root(k) for k in short_form_targets(name, names, by_word)} - {groups.root(name.key)})
        if len(roots) == 1:
            groups.join(name.key, roots[0])
        doubts += [(name.key, root) for root in roots] if len(roots) > 1 else []
    return doubts


def merge_names(names: dict[str, Name], definitions: list[tuple[str, str]],
                aliases: dict[str, list[str]]) -> tuple[Groups, list[tuple[str, str]]]:
    """Group names into entities; also return the pairs of keys that may be one entity but were not joined."""
    groups = Groups(sorted(names))
    for key, target in sorted(generic_suffix_targets(set(names)).items()):
        groups.join(key, target)
    join_listed(names, groups, [[canonical, *listed] for canonical, listed in aliases.items()])
    join_listed(names, groups, [list(pair) for pair in definitions])
    join_middle_names(names, groups)
    doubts = join_spellings(names, groups)
    doubts += join_acronyms(names, groups)
    doubts += join_short_forms(names, groups)
    return groups, [(a, b) for a, b in doubts if groups.root(a) != groups.root(b)]
