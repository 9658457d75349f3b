"""The live preview's first step: the pages of the sources that changed, written at once.

Under `mkdocs serve` a full rebuild of a big dossier takes seconds, most of them spent linking the
articles. Before it starts, the hook calls `write_changed_pages`: each source that changed since the last
build (its bytes or its corrections) is cleaned on its own and its article page rendered with what the
last build knew of the others (related coverage, entities, syndication), then written, so the browser
shows the edit without waiting for the rest. The full build that follows brings every page up to date.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from .cache import Store
from .clean import clean_source
from .model import Article, Dossier, Mention
from .per_article import shared_lines
from .pipeline import Inputs, read_inputs
from .render.articles import render_article_page
from .render.common import article_path
from .render.entities import article_extra, entities_by_article
from .workers import Workers
from .write import WriteReport, write_pages

PREVIEW_KEY = "preview:"
AT_MOST = 20  # changed sources: past this, the full build alone


def source_states(inputs: Inputs) -> dict[str, str]:
    return {s.name: f"{s.sha256}\x01{s.override!r}" for s in inputs.sources}


def light_dossier(dossier: Dossier) -> Dossier:
    """What an article page reads of the dossier: the articles without their text, related coverage,
    syndication, topics, and the entities with one mention per article that names them."""
    articles = [dataclasses.replace(a, blocks=[], removed=[], analysis=None) for a in dossier.articles]
    entities = [dataclasses.replace(e, aliases=[], related=[], mentions=[Mention(a, "", "") for a in e.articles])
                for e in dossier.entities]
    return Dossier(title=dossier.title, articles=articles, entities=entities, syndication=dossier.syndication,
                   related=dossier.related, topics=dossier.topics)


def remember(store: Store, docs_dir: Path, inputs: Inputs, dossier: Dossier) -> None:
    """What the next preview starts from: this build's sources and its dossier."""
    store.put_many("site", {PREVIEW_KEY + str(docs_dir.resolve()): {"sources": source_states(inputs),
                                                                     "dossier": light_dossier(dossier)}})


def with_article(dossier: Dossier, article: Article) -> Dossier:
    """The dossier with this article in place of the one from the same source (or added, under a free slug)."""
    old = next((a for a in dossier.articles if a.source == article.source), None)
    if old is not None:
        article.slug = old.slug
    elif article.slug in dossier.articles_by_slug:
        article.slug = f"{article.slug}-{article.sha256[:8]}"
    others = [a for a in dossier.articles if a.source != article.source]
    return dataclasses.replace(dossier, articles=others + [article])


def write_changed_pages(sources_dir: Path, docs_dir: Path, cache_dir: Path) -> WriteReport | None:
    """Write the article page of each source changed since the last build; None when there is nothing to
    start from (no build yet) or too much changed for a preview."""
    store = Store(cache_dir)
    try:
        last = store.get("site", PREVIEW_KEY + str(docs_dir.resolve()))
        if not isinstance(last, dict):
            return None
        inputs = read_inputs(sources_dir)
        now = source_states(inputs)
        changed = [s for s in inputs.sources if last["sources"].get(s.name) != now[s.name]]
        if len(changed) > AT_MOST:
            return None
        shared = shared_lines(inputs.sources, store, Workers())
        dossier: Dossier = last["dossier"]
        fresh = []
        for source in changed:
            article = clean_source(source, shared.get(source.name, frozenset()))
            if not article.excluded:
                dossier = with_article(dossier, article)
                fresh.append(article)
        named = entities_by_article(dossier)
        pages = {article_path(a.slug): render_article_page(
            dossier, a, article_extra(dossier, dossier.articles_by_slug, a, named.get(a.slug, []))) for a in fresh}
        return write_pages(pages, docs_dir)
    finally:
        store.close()
