"""Topics: the entities an article is most about, for topic tags that cut across outlets."""
from __future__ import annotations

from collections import Counter

from ..model import Entity

TOPICS_PER_ARTICLE = 3
MIN_MENTIONS = 2


def find_topics(entities: list[Entity]) -> dict[str, list[str]]:
    """Article slug -> names of the entities it mentions most (at least MIN_MENTIONS times), most first."""
    counts: dict[str, Counter[str]] = {}
    for entity in entities:
        for mention in entity.mentions:
            counts.setdefault(mention.article, Counter())[entity.name] += 1
    return {slug: [name for name, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
                   if n >= MIN_MENTIONS][:TOPICS_PER_ARTICLE]
            for slug, c in sorted(counts.items())}
