"""A big dossier is split over pages: months for the articles, chunks of the source table; every link lands."""
from __future__ import annotations

import datetime as dt
import posixpath
import re

from builder.model import Article, Citation, Dossier, SummarySentence
from builder.render.archive import INLINE_MAX, LATEST
from builder.render.articles import SOURCES_PER_PAGE
from builder.render.summary import SOURCES_SHOWN
from support import rendered

LINK = re.compile(r"\]\(([^)\s]+\.md)\)")


def dossier(n: int) -> Dossier:
    start = dt.date(2017, 1, 1)
    articles = [Article(source=f"{i:05d}.txt", sha256=f"{i:064d}", slug=f"{i:05d}", title=f"Story {i}",
                        agency=["Reuters", "AFP"][i % 2], published=None if i % 97 == 0 else
                        (start + dt.timedelta(days=i % 200)).isoformat()) for i in range(n)]
    return Dossier(title="t", articles=articles)


def test_a_small_dossier_lists_every_article_on_the_index():
    pages = rendered(dossier(20))
    assert not any(p.startswith(("archive/", "source-files/")) for p in pages)
    assert pages["articles/index.md"].count("](") >= 20


def test_a_big_dossier_has_month_pages_and_source_pages_and_every_link_lands():
    n = max(INLINE_MAX, SOURCES_PER_PAGE) * 2 + 1
    pages = rendered(dossier(n))
    months = sorted(p for p in pages if p.startswith("archive/"))
    assert "archive/2017-01.md" in months and "archive/undated.md" in months
    index = pages["articles/index.md"]
    assert "## By month" in index and f"## Latest {LATEST}" in index and index.count("\n- ") < 100
    listed = sum(page.count("\n- [Story") + page.startswith("- [Story") for p, page in pages.items() if p in months)
    assert listed == n
    chunks = [p for p in pages if p.startswith("source-files/")]
    assert len(chunks) == -(-n // SOURCES_PER_PAGE)
    assert pages["sources.md"].count("| ") == 0  # no table on the sources page itself
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        for target in LINK.findall(text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in pages, f"{path} links {target}"


def test_the_home_page_lists_at_most_the_most_cited_sources_and_links_them_all():
    big = dossier(SOURCES_SHOWN * 3)
    big.summary = [SummarySentence(text="A thing happened.", citations=[Citation("00007", "A thing happened.")], date="2017-01-08")]
    home = rendered(big)["index.md"]
    sources = home.split("## Sources", 1)[1]
    assert sources.count("\n- ") == SOURCES_SHOWN
    assert "Story 7]" in sources and f"Story {SOURCES_SHOWN * 3 - 2}]" in sources
    assert f"[all {SOURCES_SHOWN * 3} articles](articles/index.md)" in sources
    small = rendered(dossier(SOURCES_SHOWN))["index.md"].split("## Sources", 1)[1]
    assert small.count("\n- ") == SOURCES_SHOWN and "all " not in small


def test_an_entity_page_of_a_big_dossier_is_cut_and_points_to_the_export():
    from builder.model import Entity, Mention
    from builder.render.entities import ARTICLES_SHOWN, SENTENCES_SHOWN, render_entity_pages
    big = dossier(ARTICLES_SHOWN * 3)
    mentions = [Mention(a.slug, f"Sentence {k} about Aleppo in story {a.slug}.", "Aleppo")
                for a in big.articles for k in range(SENTENCES_SHOWN + 2)]
    big.entities = [Entity(slug="aleppo", name="Aleppo", type="place", mentions=mentions)]
    page = render_entity_pages(big)["entities/aleppo.md"]
    assert page.count("\n- [Story") == ARTICLES_SHOWN
    assert page.count("    - Sentence") == ARTICLES_SHOWN * SENTENCES_SHOWN
    assert f"The first {ARTICLES_SHOWN} of {ARTICLES_SHOWN * 3} articles" in page and "(../dossier.json)" in page
