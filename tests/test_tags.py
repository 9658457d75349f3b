"""Outlet and agency tags: escaped for the theme, one small listing page per tag, an index of them all."""
from __future__ import annotations

from builder.model import Article, Dossier
from builder.render.articles import article_tags
from builder.render.tags import render_tag_pages


def article(slug, outlet=None, agency=None) -> Article:
    return Article(source=f"{slug}.txt", sha256="0" * 64, slug=slug, title=slug, outlet=outlet, agency=agency)


def test_tags_are_entity_escaped_for_the_theme():
    assert article_tags(article("a", outlet="<img src=x onerror=alert(1)>", agency="AT&T")) == \
        ["&lt;img src=x onerror=alert(1)&gt;", "AT&amp;T"]
    assert article_tags(article("a", outlet="AFP", agency="AFP")) == ["AFP"]


def test_one_listing_page_per_tag_and_an_index():
    dossier = Dossier(title="t", articles=[article("a", "Daily Star", "Reuters"), article("b", agency="Reuters"),
                                           article("c", outlet="x --> <!-- [y](javascript:z)")])
    pages = render_tag_pages(dossier)
    assert set(pages) == {"tags/index.md", "tags/daily-star.md", "tags/reuters.md",
                          "tags/x-y-javascript-z.md"}
    assert '<!-- material/tags { include: ["Reuters"] } -->' in pages["tags/reuters.md"]
    assert "2 articles from Reuters." in pages["tags/reuters.md"]
    hostile = pages["tags/x-y-javascript-z.md"]
    assert hostile.count("-->") == 1  # only the directive's own end: the name cannot close the comment
    directive = hostile.index("<!-- material/tags")
    body = hostile[hostile.index("\n---\n") + 5:directive]  # the plugin removes the directive
    assert " [y](" not in body and "\\[y\\](javascript:z)" in body
    index = pages["tags/index.md"]
    assert index.index("[Reuters](reuters.md) (2)") < index.index("[Daily Star](daily-star.md) (1)")


def test_articles_get_topic_tags_from_their_most_mentioned_entities(seed_dossier) -> None:
    from builder.render.tags import render_tag_pages
    topics = seed_dossier.topics
    assert all(1 <= len(names) <= 3 for names in topics.values())
    assert "Albu Kamal" in topics[next(a.slug for a in seed_dossier.articles if a.source.startswith("003"))]
    index = render_tag_pages(seed_dossier)["tags/index.md"]
    assert "## Topics" in index and "[Albu Kamal](albu-kamal.md)" in index
