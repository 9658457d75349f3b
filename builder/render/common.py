"""Pieces every page uses: front matter, paths, links, editable sections, the human-readable date."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from functools import lru_cache

import frontmatter

from ..markers import SECTION_END, SECTION_START
from ..model import Article, Citation, Dossier
from .escape import md_text, title_text

GENERATOR = "dossier-builder"
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


def human_time(stamp: str) -> str:
    """A UTC timestamp (YYYY-MM-DDTHH:MM:SSZ) as '20 November 2017, 10:31 UTC'."""
    return f"{human_date(stamp[:10])}, {stamp[11:16]} UTC" if len(stamp) >= 16 else human_date(stamp[:10])


def iso_date(iso: str | None) -> str:
    """A YYYY-MM-DD date for a table cell, kept on one line (the stylesheet does not wrap <time>)."""
    return f'<time datetime="{iso}">{iso}</time>' if iso and ISO_DAY.fullmatch(iso) else "—"


def article_label(article: Article) -> str:
    return article.title or article.source


def article_link(article: Article, page: str) -> str:
    return f"[{md_text(article_label(article))}]({link_from(page, article_path(article.slug))})"


QUOTE_CHARS = 400


def quoted(text: str, limit: int = QUOTE_CHARS) -> str:
    """The words an article is cited for, as escaped Markdown in quotation marks (long ones cut at a word)."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit - 1].rsplit(" ", 1)[0] + "…"
    return f"“{md_text(text)}”"


def citation_note(dossier: Dossier, slug: str, page: str, quote: str | None = None) -> str:
    """A footnote body: the words of the article that state the claim, the article, its source and date,
    and the copies that ran the same story."""
    article = dossier.article(slug)
    text = f"{article_link(article, page)}, {md_text(article.byline)}, {human_date(article.published)}"
    if quote:
        text = f"{quoted(quote)} — {text}"
    copies = [s.copy for s in dossier.syndication if s.original == slug]
    if copies:
        also = ", ".join(article_link(dossier.article(c), page) for c in copies)
        text += f" (the same wire story also ran as {also}; counted once)"
    return text


class Footnotes:
    """Footnote labels local to one section, so a kept (edited) section never depends on another.

    A footnote is one citation: the article and the words of it that state the claim, so hovering a
    number (or reading the note) shows the evidence; the same article cited for the same words twice
    shares one note.
    """

    def __init__(self, prefix: str, dossier: Dossier, page: str):
        self.prefix, self.dossier, self.page, self.used = prefix, dossier, page, []

    def mark(self, citation: Citation) -> str:
        if citation not in self.used:
            self.used.append(citation)
        return f"[^{self.prefix}{self.used.index(citation) + 1}]"

    def cite(self, citations: list[Citation]) -> str:
        """Footnote marks for the citations, comma-separated so that 4, 5 does not read as 45."""
        return "<sup>,</sup>".join(self.mark(c) for c in citations)

    def definitions(self) -> str:
        return "\n".join(f"[^{self.prefix}{n}]: {citation_note(self.dossier, c.article, self.page, c.sentence)}"
                         for n, c in enumerate(self.used, 1))


def one_per_article(citations: list[Citation]) -> list[Citation]:
    """The first citation of each article, in order: a claim cites an article once."""
    seen: dict[str, Citation] = {}
    for citation in citations:
        seen.setdefault(citation.article, citation)
    return list(seen.values())


def cited_sources(notes: Footnotes, citations: list[Citation], limit: int) -> str:
    """'AFP, 8 November 2017' linked to each article, with the footnote that quotes it, one per line (for
    table cells), earliest first; past `limit` articles, how many more."""
    dossier, page = notes.dossier, notes.page
    cited = sorted(one_per_article(citations), key=lambda c: (dossier.article(c.article).published or "9999", c.article))
    links = []
    for citation in cited[:limit]:
        article = dossier.article(citation.article)
        label = f"{article.byline}, {human_date(article.published)}"
        links.append(f"[{md_text(label)}]({link_from(page, article_path(article.slug))}){notes.mark(citation)}")
    more = len(cited) - limit
    return "<br>".join(links) + (f"<br>and {more} more" if more > 0 else "")
