"""Stage 4: Dossier -> {path under docs/: the page's bytes}. Pure: no file is read or written here."""
from __future__ import annotations

from ..model import Dossier
from .archive import render_month_pages
from .articles import render_article_page, render_articles_index, render_source_file_pages, render_sources_page
from .citations import citations_bib, citations_json
from .common import article_path
from .entities import article_extra, entities_by_article, render_entity_pages
from .export import render_export
from .summary import render_summary_page
from .tags import render_tag_pages
from .timeline import PAGE as TIMELINE_PAGE, render_timeline_page


def render_site(dossier: Dossier) -> dict[str, bytes]:
    """Every page as its file's UTF-8 bytes, each encoded as soon as it is rendered: the pages of 10,000 articles
    are 200 MB of UTF-8, and more than twice that held as Python text."""
    pages = utf8({
        "index.md": render_summary_page(dossier),
        "articles/index.md": render_articles_index(dossier),
        "sources.md": render_sources_page(dossier),
        TIMELINE_PAGE: render_timeline_page(dossier),
        "citations.json": citations_json(dossier),
        "citations.bib": citations_bib(dossier),
        **render_tag_pages(dossier),
        **render_month_pages(dossier),
        **render_source_file_pages(dossier),
    })
    named = entities_by_article(dossier)
    for article in dossier.included:
        extra = article_extra(dossier, dossier.articles_by_slug, article, named[article.slug])
        pages[article_path(article.slug)] = render_article_page(dossier, article, extra).encode("utf-8")
    pages.update(utf8(render_entity_pages(dossier)))
    pages.update(render_export(dossier))
    return pages


def utf8(pages: dict[str, str]) -> dict[str, bytes]:
    return {path: text.encode("utf-8") for path, text in pages.items()}
