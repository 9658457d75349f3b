"""Outlet and agency pages: the Material tags plugin lists the articles of each tag on its own page.

One page per tag (tags/<slug>.md holding a `<!-- material/tags -->` listing restricted to that tag) keeps
every page small at 10,000 articles, where one listing of all tags would run to megabytes; tags/index.md
names them all with their counts. A tag on an article page links to the one listing that includes it.
"""
from __future__ import annotations

import html
import json
from collections import Counter

from ..model import Dossier
from ..slug import slugify
from .articles import article_tags
from .common import generated_meta, link_from, with_front_matter
from .escape import md_text

INDEX = "tags/index.md"


def tag_paths(names: list[str]) -> dict[str, str]:
    """Tag name -> page path, one distinct slug each."""
    paths, used = {}, set()
    for name in sorted(names):
        slug = slugify(html.unescape(name), fallback_seed=name)
        if slug in used or slug == "index":
            slug = f"{slug}-{len(used)}"
        used.add(slug)
        paths[name] = f"tags/{slug}.md"
    return paths


def _listing(name: str) -> str:
    # The tag (already entity-escaped: no < or >, so no "-->") as a JSON string, which YAML reads as is.
    return f"<!-- material/tags {{ include: [{json.dumps(name)}] }} -->"


def render_tag_pages(dossier: Dossier) -> dict[str, str]:
    counts = Counter(tag for article in dossier.included for tag in article_tags(article))
    paths = tag_paths(list(counts))
    pages = {}
    for name, path in paths.items():
        # `name` is entity-escaped for the theme (see article_tags); in Markdown it is the plain text, escaped.
        text = md_text(html.unescape(name))
        plural = "article" if counts[name] == 1 else "articles"
        body = f"# {text}\n\n{counts[name]} {plural} from {text}.\n\n{_listing(name)}"
        meta = generated_meta(html.unescape(name), hide=["toc"], search={"exclude": True})
        pages[path] = with_front_matter(meta, body)
    rows = [f"- [{md_text(html.unescape(name))}]({link_from(INDEX, path)}) ({counts[name]})"
            for name, path in sorted(paths.items(), key=lambda kv: (-counts[kv[0]], kv[0]))]
    intro = f"The {len(paths)} outlets and agencies whose articles are in the dossier, with how many of each."
    pages[INDEX] = with_front_matter(generated_meta("Outlets and agencies", hide=["navigation"]),
                                     "\n\n".join(["# Outlets and agencies", intro, "\n".join(rows) or "None yet."]))
    return pages
