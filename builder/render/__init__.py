"""Stage 4: Dossier -> {path under docs/: text}. Pure: no file is read or written here."""
from __future__ import annotations

from ..model import Dossier
from .archive import render_month_pages
from .articles import render_article_page, render_articles_index, render_source_file_pages, render_sources_page
from .citations import citations_bib, citations_json
from .common import article_path
from .summary import render_summary_page
from .tags import render_tag_pages


def render_site(dossier: Dossier) -> dict[str, str]:
    pages = {
        "index.md": render_summary_page(dossier),
        "articles/index.md": render_articles_index(dossier),
        "sources.md": render_sources_page(dossier),
        "citations.json": citations_json(dossier),
        "citations.bib": citations_bib(dossier),
        **render_tag_pages(dossier),
        **render_month_pages(dossier),
        **render_source_file_pages(dossier),
    }
    for article in dossier.included:
        pages[article_path(article.slug)] = render_article_page(dossier, article)
    return pages
