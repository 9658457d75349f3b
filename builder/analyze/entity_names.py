"""A name (all mentions written one way) and what kind of thing it names.

A type is settled, in this order, by the gazetteer (a listed name's type wins), by the word that says
what a name is ('University of Kansas', 'Royal Alexandra Hospital', 'Weston County'), and by the votes
of its mentions: the model's label and the words around each mention ('spokesman for X', 'X Inc',
'town of X', 'X, the British charity').
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .known_names import load_gazetteer
from .mentions import Candidate, load_rules

TYPE_ORDER = ("place", "organisation", "person")
FIRST_NAME_EVIDENCE = 2  # a word starts at least two people's names
FIRST_NAME_WEIGHT = 4
HEAD_STOP = {"of", "for", "on", "de", "du", "des", "la"}


@dataclass
class Name:
    """All mentions written one way (up to case, hyphens, spacing and accents)."""

    key: str
    surfaces: Counter = field(default_factory=Counter)
    votes: Counter = field(default_factory=Counter)
    mentions: list[Candidate] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return self.key.split()

    @property
    def is_acronym(self) -> bool:
        """'WHO', 'DoH', 'DfID': one short word, at least half of it capitals."""
        surface = self.surfaces.most_common(1)[0][0]
        capitals = sum(c.isupper() for c in surface)
        return " " not in surface and len(surface) <= 6 and capitals >= 2 and 2 * capitals >= len(surface)

    @cached_property
    def articles(self) -> frozenset[str]:
        """The articles that write this name (read once the mentions are all in)."""
        return frozenset(m.article for m in self.mentions)

    @property
    def type(self) -> str:
        """The gazetteer's type, else the type its head word says, else the most voted type, else ''."""
        return load_gazetteer().get(self.key) or head_type(self.words, self.votes) or voted_type(self.votes)


def head_type(words: list[str], votes: Counter) -> str:
    """The type the name's own words say: the rightmost head word before its first 'of' ('Bank of England'
    is a bank, 'Gulf of Mexico' a gulf, 'Imperial College London' a college), else the rightmost after it
    ('St Andrew Church of England Primary School'); '' when no word says.

    A two-word name the votes call a person keeps its vote: 'Jack Hill' is a man, not a hill.
    """
    heads = load_rules()["name_heads"]
    stop = next((i for i, w in enumerate(words) if w in HEAD_STOP and i > 0), len(words))
    for position in [*range(stop - 1, -1, -1), *range(len(words) - 1, stop - 1, -1)]:
        kind = next((k for k, listed in heads.items() if words[position] in listed), "")
        if kind:
            person_like = len(words) == 2 and position == 1 and voted_type(votes) == "person"
            return "" if person_like else kind
    return ""


def voted_type(votes: Counter) -> str:
    if not votes:
        return ""
    return max(TYPE_ORDER, key=lambda t: (votes[t], -TYPE_ORDER.index(t)))


def first_name_votes(names: dict[str, Name]) -> Counter:
    """Words the dossier uses as first names: the first word of several names that most votes call people
    ('Iain' of Iain Askham and Iain Stewart), so 'Iain Mackenzie' is a person whatever the model said."""
    people, others = Counter(), Counter()
    for name in names.values():
        if 2 <= len(name.words) <= 3 and name.votes:
            (people if voted_type(name.votes) == "person" else others)[name.words[0]] += 1
    return Counter({w: n for w, n in people.items() if n >= FIRST_NAME_EVIDENCE and n > 2 * others[w]})


def entity_type(members: list[Name], first_names: Counter | None = None) -> str:
    """The gazetteer's type of the most mentioned listed member; else what the fullest names' head words say;
    else the votes of the fullest names' mentions (their model labels and the words around them), and a
    first name the dossier knows ('Iain') voting for a person.

    The model types 'Brock Turner' more reliably than a bare 'Turner', which it often takes for an
    organisation: counting every mention's vote gained one page on the tune half of the bench and lost three
    on the check half, so the short forms do not vote.
    """
    gazetteer = load_gazetteer()
    known = [(len(n.mentions), gazetteer[n.key]) for n in members if n.key in gazetteer]
    if known:
        return max(known)[1]
    voted = [n for n in members if n.votes] or members
    longest = max(len(n.words) for n in voted)
    fullest = [n for n in voted if len(n.words) == longest]
    votes = sum((n.votes for n in fullest), Counter())
    heads = Counter(kind for n in fullest if (kind := head_type(n.words, votes)))
    if heads:
        return heads.most_common(1)[0][0]
    if first_names and any(2 <= len(n.words) <= 3 and first_names[n.words[0]] for n in fullest):
        votes["person"] += FIRST_NAME_WEIGHT * len(fullest)
    return voted_type(votes) or "organisation"
