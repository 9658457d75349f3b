"""Outlet, agency and topic pages: the Material tags plugin lists the articles of each tag on its own page.

One page per tag (tags/<slug>.md holding a `<!-- material/tags -->` listing restricted to that tag) keeps
every page small at 10,000 articles, where one listing of all tags would run to megabytes; tags/index.md
names them all with their counts. A tag on an article page links to the one listing that includes it.
"""
from __future__ import annotations

import html
import json
from collections import Counter

from ..model import Dossier
from ..slug import claim, slugify
from .articles import article_tags
from .common import generated_meta, link_from, with_front_matter
from .escape import md_text

INDEX = "tags/index.md"


def tag_paths(names: list[str]) -> dict[str, str]:
    """Tag name -> page path, one distinct slug each."""
    paths, used = {}, set()
    for name in sorted(names):
        paths[name] = f"tags/{claim(slugify(html.unescape(name), fallback_seed=name), name, used)}.md"
    return paths


def _listing(name: str) -> str:
    # The tag (already entity-escaped: no < or >, so no "-->") as a JSON string, which YAML reads as is.
    return f"<!-- material/tags {{ include: [{json.dumps(name)}] }} -->"


def _tag_page(name: str, count: int, kind: str) -> str:
    # `name` is entity-escaped for the theme (see article_tags); in Markdown it is the plain text, escaped.
    text = md_text(html.unescape(name))
    plural = "article" if count == 1 else "articles"
    body = f"# {text}\n\n{count} {plural} {'from' if kind == 'source' else 'about'} {text}.\n\n{_listing(name)}"
    return with_front_matter(generated_meta(html.unescape(name), hide=["toc"], search={"exclude": True}), body)


def _index_rows(names: Counter[str], paths: dict[str, str]) -> str:
    return "\n".join(f"- [{md_text(html.unescape(name))}]({link_from(INDEX, paths[name])}) ({names[name]})"
                     for name in sorted(names, key=lambda n: (-names[n], n))) or "None yet."


def render_tag_pages(dossier: Dossier) -> dict[str, str]:
    """A listing page per tag, and the tags index: outlets and agencies, then topics."""
    sources: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    for article in dossier.included:
        own = article_tags(article)
        sources.update(own)
        topics.update(t for t in article_tags(article, dossier.topics.get(article.slug, [])) if t not in own)
    topics = Counter({name: n for name, n in topics.items() if name not in sources})
    paths = tag_paths(list(sources) + list(topics))
    pages = {path: _tag_page(name, (sources | topics)[name], "source" if name in sources else "topic")
             for name, path in paths.items()}
    parts = ["# Tags", "## Outlets and agencies", _index_rows(sources, paths),
             "## Topics", "The people, organisations and places an article mentions most.", _index_rows(topics, paths)]
    pages[INDEX] = with_front_matter(generated_meta("Tags", hide=["navigation"]), "\n\n".join(parts))
    return pages
