"""Names that are not entities: common words and phrases, and two names run together.

Both are decided from the dossier itself: how often a word or phrase is written in lower case ('army',
'swine flu'), and which names are written on their own ('BP Tony Hayward' is BP and Tony Hayward when
both are written alone in more articles; 'Robert Peston Business' is Robert Peston).
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import Article
from .entity_names import Name
from .known_names import load_gazetteer, name_key
from .mentions import Candidate, load_rules

PHRASE_WORDS = 3  # names of up to three words are checked against their lower-case use
PHRASE_RATIO = 2  # a phrase written twice as often in lower case as capitalised is a common phrase
MAX_GLUED_WORDS = 6


def lowercase_counts(articles: list[Article], phrases: set[str]) -> Counter:
    """How often each word or phrase (a name key) is written in lower case. Phrases are looked up word by
    word, starting only where a phrase's first word is written."""
    phrases = {p for p in phrases if len(p.split()) <= PHRASE_WORDS}
    firsts = {p.split()[0] for p in phrases}
    counts: Counter = Counter()
    for article in articles:
        words = re.findall(r"[^\W\d_]+", article.body_text)
        for i, word in enumerate(words):
            if word not in firsts:
                continue
            for n in range(1, PHRASE_WORDS + 1):
                if i + n > len(words) or not words[i + n - 1].islower():
                    break
                phrase = " ".join(words[i:i + n])
                if phrase in phrases:
                    counts[phrase] += 1
    return counts


def is_common_word(name: Name, lower: Counter) -> bool:
    """A word or phrase the articles mostly write in lower case: 'Army' when 'army' is written as often,
    'Swine Flu' when 'swine flu' is written twice as often, 'ALL' and 'AIDS' likewise."""
    if name.key in load_gazetteer():
        return False
    if len(name.words) > 1:
        return lower[name.key] >= PHRASE_RATIO * len(name.mentions)
    return lower[name.key] >= len(name.mentions)


def drop_common_words(names: dict[str, Name], lower: Counter) -> dict[str, Name]:
    return {k: n for k, n in names.items() if not is_common_word(n, lower)}


def edge_words(names: dict[str, Name]) -> set[str]:
    """The first and last words of the names that may be two names run together: their lower-case use counts."""
    return {w for key in names for w in (key.split()[0], key.split()[-1]) if " " in key}


def glued_parts(name: Name, names: dict[str, Name], lower: Counter, first_names: Counter) -> list[tuple[int, int]] | None:
    """The word ranges of the names a name is made of, or None when it is one name.

    Two names: each written alone in more articles than the whole, and one of them a person or both
    organisations ('BP Tony Hayward', 'Telegraph BP'; 'BP America' and 'US Coast Guard', an organisation
    and a place, stay). A person and one word: the person written alone in more articles, the word a name
    of something else, a common word, a title or a demonym ('Robert Peston Business', 'Interior Ken
    Salazar', 'Briton Tony Hayward')."""
    rules = load_rules()
    words, size = name.words, len(name.articles)
    joiners = rules["connectors"] | rules["name_particles"]
    for k in range(1, len(words)):
        if words[k - 1] in joiners or words[k] in joiners:
            continue
        left, right = names.get(" ".join(words[:k])), names.get(" ".join(words[k:]))
        if left and right and min(len(left.articles), len(right.articles)) > size:
            kinds = {left.type, right.type}
            if "person" in kinds or kinds == {"organisation"}:
                return [(0, k), (k, len(words))]
        for person, word, keep in ((left, words[k:], (0, k)), (right, words[:k], (k, len(words)))):
            if person and person.type == "person" and len(person.words) > 1 and len(person.articles) > size \
                    and len(word) == 1 and is_not_a_name_part(word[0], names, lower, size, first_names):
                return [keep]
    return None


def is_not_a_name_part(word: str, names: dict[str, Name], lower: Counter, size: int, first_names: Counter) -> bool:
    """A word run into a person's name that is not part of it: another entity's name, a common word, a title,
    a demonym, or a word before the name that starts no other person's name ('Billboard Simon Cowell')."""
    rules = load_rules()
    other = names.get(word)
    return (other is not None and other.type != "person" and len(other.articles) > size) or lower[word] > 0 \
        or word in rules["titles"] | rules["portfolios"] | rules["furniture"] | rules["demonyms"] \
        or first_names[word] < 2


def unglued(candidates: list[Candidate], names: dict[str, Name], lower: Counter) -> list[Candidate]:
    """The mentions with names run together split into the names they are made of."""
    first_names = Counter(n.words[0] for n in names.values() if len(n.words) > 1 and n.type == "person")
    parts = {key: found for key, name in names.items()
             if 1 < len(name.words) <= MAX_GLUED_WORDS and (found := glued_parts(name, names, lower, first_names))}
    if not parts:
        return candidates
    out = []
    for candidate in candidates:
        key = name_key(candidate.surface)
        written = candidate.surface.split(" ")
        if key not in parts or len(written) != len(key.split()):
            out.append(candidate)
            continue
        out += [Candidate(candidate.article, candidate.sentence, " ".join(written[a:b]), ())
                for a, b in parts[key]]
    return out
