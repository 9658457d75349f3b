"""Pieces every page uses: front matter, paths, links, editable sections, the human-readable date."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from functools import lru_cache

import frontmatter

from ..model import Article, Dossier
from .escape import md_text, title_text

GENERATOR = "dossier-builder"
SECTION_START = "<!-- dossier:section {name} -->"
SECTION_END = "<!-- dossier:end {name} -->"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def article_path(slug: str) -> str:
    return f"articles/{slug}.md"


def entity_path(slug: str) -> str:
    return f"entities/{slug}.md"


def link_from(page: str, target: str) -> str:
    """Relative link from one docs/ page to another, so `mkdocs build --strict` checks it."""
    folder = _folder_link(posixpath.dirname(page), posixpath.dirname(target))
    name = posixpath.basename(target)
    return name if folder == "." else f"{folder}/{name}"


@lru_cache(maxsize=None)
def _folder_link(page_folder: str, target_folder: str) -> str:
    """The relative path between two folders of docs/: a site has a handful, and pages link thousands of times."""
    return posixpath.relpath(target_folder or ".", page_folder or ".")


def with_front_matter(meta: dict, body: str) -> str:
    """Markdown with YAML front matter written by python-frontmatter, keys in the order given."""
    post = frontmatter.Post(body.rstrip() + "\n", **{k: v for k, v in meta.items() if v is not None})
    return frontmatter.dumps(post, sort_keys=False, allow_unicode=True, width=1000).rstrip() + "\n"


def generated_meta(title: str, **extra) -> dict:
    return {"title": title_text(title), **extra, "generated": True, "generator": GENERATOR}


def section(name: str, body: str) -> str:
    """A part of a page the curator may edit: kept on rebuild once edited, refreshed while untouched."""
    return f"{SECTION_START.format(name=name)}\n\n{body.strip()}\n\n{SECTION_END.format(name=name)}"


def human_date(iso: str | None) -> str:
    if not iso:
        return "undated"
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day.strftime('%B %Y')}"


def iso_date(iso: str | None) -> str:
    """A YYYY-MM-DD date for a table cell, kept on one line (the stylesheet does not wrap <time>)."""
    return f'<time datetime="{iso}">{iso}</time>' if iso and ISO_DAY.fullmatch(iso) else "—"


def article_label(article: Article) -> str:
    return article.title or article.source


def article_link(article: Article, page: str) -> str:
    return f"[{md_text(article_label(article))}]({link_from(page, article_path(article.slug))})"


def citation_note(dossier: Dossier, slug: str, page: str) -> str:
    """A footnote body: the article, its source and date, and the copies that ran the same story."""
    article = dossier.article(slug)
    text = f"{article_link(article, page)}, {md_text(article.byline)}, {human_date(article.published)}"
    copies = [s.copy for s in dossier.syndication if s.original == slug]
    if copies:
        also = ", ".join(article_link(dossier.article(c), page) for c in copies)
        text += f" (the same wire story also ran as {also}; counted once)"
    return text


def source_links(dossier: Dossier, slugs: list[str], page: str) -> str:
    """'AFP, 8 November 2017' links to each article, one per line: for table cells."""
    links = []
    for slug in slugs:
        article = dossier.article(slug)
        label = f"{article.byline}, {human_date(article.published)}"
        links.append(f"[{md_text(label)}]({link_from(page, article_path(slug))})")
    return "<br>".join(links)
