"""Entities: the people, organisations and places the articles name, each with every way it is written.

Mentions (mentions.py) are grouped by name, names run together split and common words dropped
(entity_noise.py), names merged into entities (entity_merge.py), each entity typed by gazetteer, head word
or vote (entity_names.py) and named by the gazetteer's name or its fullest common spelling.
Only entities named in at least two articles (or listed in dossier.yml) are kept: they get a page.
Related entities are the ones named in the same articles, from a sparse entity x article matrix.
"""
from __future__ import annotations

from collections import Counter

import numpy as np
from scipy import sparse

from ..config import Settings
from ..model import Article, Entity, Mention
from ..slug import claim, slugify
from .entity_merge import merge_names
from .entity_names import Name, entity_type, first_name_votes
from .entity_noise import drop_common_words, edge_words, lowercase_counts, unglued
from .known_names import gazetteer_names, load_gazetteer, name_key
from .mentions import MODEL, Candidate, model_installed
from .record import article_mentions, curated_names

MIN_ARTICLES = 2
RELATED_LIMIT = 8


def group_names(candidates: list[Candidate]) -> dict[str, Name]:
    names: dict[str, Name] = {}
    for candidate in candidates:
        key = name_key(candidate.surface)
        if not key:
            continue
        name = names.setdefault(key, Name(key))
        name.surfaces[candidate.surface] += 1
        name.votes.update(candidate.votes)
        name.mentions.append(candidate)
    return names


def bare(surface: str) -> str:
    """A spelling without the punctuation a span caught at its ends ('Gadhafi,', 'Saif al-Islam Gadhafi --')."""
    return surface.strip(" ,;:-–—\"'“”‘’()") or surface


def canonical_name(members: list[Name], kind: str, preferred: dict[str, str]) -> str:
    """The curator's name when aliases.yml gives one; else the gazetteer's name as the articles spell it
    ('United States', not 'US'); else a person's fullest name or the commonest spelling. An acronym written
    in title case ('Us' of a headline) is never the name."""
    for name in members:
        if name.key in preferred:
            return preferred[name.key]
    named = [n for n in members if n.key in gazetteer_names()] or [n for n in members if n.key in load_gazetteer()]
    surfaces = Counter()
    for n in named or members:
        for surface, count in n.surfaces.items():
            surfaces[bare(surface)] += count
    acronyms = {s.upper() for n in members for s in n.surfaces if n.is_acronym}
    spelled = [s for s in surfaces if not s.isupper() and s.upper() not in acronyms] or list(surfaces)
    if kind == "person":
        return max(spelled, key=lambda s: (len(s.split()), surfaces[s], s))
    return max(spelled, key=lambda s: (surfaces[s], len(s), s))


def build_entity(members: list[Name], preferred: dict[str, str], first_names: Counter) -> Entity:
    kind = entity_type(members, first_names)
    name = canonical_name(members, kind, preferred)
    surfaces = sorted({bare(s) for n in members for s in n.surfaces} - {name})
    mentions = sorted({Mention(c.article, c.sentence, c.surface) for n in members for c in n.mentions},
                      key=lambda m: (m.article, m.sentence, m.surface))
    return Entity(slug=slugify(name), name=name, type=kind, aliases=surfaces, mentions=mentions)


def is_wanted(entity: Entity, wanted: set[str]) -> bool:
    return len(entity.articles) >= MIN_ARTICLES or bool({name_key(n) for n in [entity.name, *entity.aliases]} & wanted)


def unique_slugs(entities: list[Entity]) -> None:
    taken: set[str] = set()
    for entity in entities:
        entity.slug = claim(entity.slug, f"{entity.type} {entity.name}", taken)


def relate_entities(entities: list[Entity]) -> None:
    """Each entity's most frequent companions: named in the same articles (sparse product, top-k per row)."""
    articles = sorted({a for e in entities for a in e.articles})
    column = {a: i for i, a in enumerate(articles)}
    rows = [i for i, e in enumerate(entities) for _ in e.articles]
    cols = [column[a] for e in entities for a in e.articles]
    matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(entities), len(articles)))
    together = (matrix @ matrix.T).tocsr()
    for i, entity in enumerate(entities):
        start, end = together.indptr[i], together.indptr[i + 1]
        pairs = [(-together.data[j], entities[together.indices[j]].name, together.indices[j])
                 for j in range(start, end) if together.indices[j] != i]
        entity.related = [entities[k].slug for _, _, k in sorted(pairs)[:RELATED_LIMIT]]


def describe_doubts(doubts: list[tuple[str, str]], names: dict[str, Name]) -> list[str]:
    def label(key: str) -> str:
        return names[key].surfaces.most_common(1)[0][0]
    return sorted({f"possible same entity: {' / '.join(sorted((label(a), label(b))))}" for a, b in doubts})


def find_entities(articles: list[Article], settings: Settings) -> tuple[list[Entity], list[str]]:
    """The dossier's entities (those worth a page) and warnings about merges left to the curator."""
    candidates, definitions = article_mentions(articles, curated_names(settings))
    names = group_names(candidates)
    lower = lowercase_counts(articles, set(names) | edge_words(names))
    names = drop_common_words(group_names(unglued(candidates, names, lower)), lower)
    groups, doubts = merge_names(names, definitions, settings.aliases)
    preferred = {name_key(n): c for c, listed in settings.aliases.items() for n in [c, *listed]}
    wanted = {name_key(n) for n in settings.entities}
    first_names = first_name_votes(names)
    entities = [build_entity([names[k] for k in keys], preferred, first_names) for keys in groups.members().values()]
    kept = sorted((e for e in entities if is_wanted(e, wanted)), key=lambda e: (e.type, e.name.casefold()))
    unique_slugs(kept)
    if kept:
        relate_entities(kept)
    paged = {name_key(s) for e in kept for s in [e.name, *e.aliases]}
    warnings = describe_doubts([(a, b) for a, b in doubts if a in paged or b in paged], names)
    if articles and not model_installed():
        warnings.insert(0, f"spaCy model {MODEL} is not installed: entities come from capitalised words only "
                           "(run ./dossier setup)")
    return kept, warnings
