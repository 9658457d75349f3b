"""Names the builder knows before reading a dossier: the gazetteer's types and spellings, and name keys.

`data/gazetteer.tsv` lists general names (countries, capitals, international bodies, aid agencies, news
agencies and outlets, large companies) with their type and the other spellings news copy uses for them
("United States: US, U.S., USA, America"). A name key is what two spellings of one name share: case,
hyphens, spacing, accents and the dots of an acronym do not count ('Préval' = 'Preval', 'U.S.' = 'US').
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from importlib import resources

from .sentences import fold_typography as fold

DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?\.?")
WORD_START = re.compile(r"(?<![\w'’.-])\w")
WORD = re.compile(r"[\w'’&.-]+")


def fold_accents(text: str) -> str:
    """'Préval' -> 'Preval', 'Médecins' -> 'Medecins': letters without their combining marks."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """The key two spellings share when they differ only in case, hyphens, spacing, accents or acronym dots."""
    text = fold(text).strip()
    if DOTTED_ACRONYM.fullmatch(text):
        text = text.replace(".", "")
    return " ".join(re.findall(r"[^\W_]+", fold_accents(text).casefold()))


@lru_cache(maxsize=1)
def gazetteer_rows() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(name, type, other spellings) for every line of gazetteer.tsv."""
    text = resources.files(__package__).joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, *rest = line.split("\t")
        spellings = tuple(s.strip() for s in rest[0].split(";") if s.strip()) if rest else ()
        rows.append((name.strip(), kind.strip(), spellings))
    return tuple(rows)


@lru_cache(maxsize=1)
def load_gazetteer() -> dict[str, str]:
    """Name key -> type, for every listed name and spelling: their type is not left to the model's vote."""
    return {name_key(s): kind for name, kind, spellings in gazetteer_rows() for s in (name, *spellings)}


@lru_cache(maxsize=1)
def gazetteer_names() -> frozenset[str]:
    """Keys of the gazetteer's own names (not their other spellings): 'united states', not 'us'."""
    return frozenset(name_key(name) for name, _, _ in gazetteer_rows())


def known_spellings() -> list[list[str]]:
    """Each listed entity with its other spellings, for the merge: [['United States', 'US', ...], ...]."""
    return [[name, *spellings] for name, _, spellings in gazetteer_rows() if spellings]


@lru_cache(maxsize=8)
def names_by_first_word(curated: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The gazetteer's names and spellings and the curator's, by first word, longest first."""
    names = {s for name, _, spellings in gazetteer_rows() for s in (name, *spellings)} | set(curated)
    index: dict[str, list[str]] = defaultdict(list)
    for name in names:
        first = WORD.match(name)
        if first:
            index[first.group().rstrip(".")].append(name)
    return {word: tuple(sorted(found, key=len, reverse=True)) for word, found in index.items()}


def known_name_matches(paragraph: str, curated: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of every listed or curated name written in the paragraph: a dictionary look-up per word,
    so the cost does not grow with the gazetteer."""
    index = names_by_first_word(curated)
    found, end_of_last = [], 0
    for start in (m.start() for m in WORD_START.finditer(paragraph)):
        word = WORD.match(paragraph, start)
        if start < end_of_last or not word:
            continue
        for name in index.get(word.group().rstrip("."), ()):
            end = start + len(name)
            if paragraph.startswith(name, start) and (end == len(paragraph) or not paragraph[end].isalnum()):
                found.append((start, end))
                end_of_last = end
                break
    return found
