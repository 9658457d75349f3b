"""What a reader does: open the dossier, follow a citation, search, switch to dark mode, look at each kind of page."""
from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from helpers import entity_pages, first_article_url, screenshot, search

ALIASES = ["Hizbullah", "Daesh"]


def test_home_page_shows_the_summary(page, site_url):
    page.goto(site_url)
    assert page.locator("h1").first.inner_text().strip()
    assert page.locator("a.footnote-ref").count() > 0, "the summary cites no article"
    screenshot(page, "home-light")


def test_footnote_citation_leads_to_its_article(page, site_url):
    page.goto(site_url)
    ref = page.locator("a.footnote-ref").first
    target = ref.get_attribute("href")
    assert target.startswith("#fn:")
    ref.click()
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    note = page.locator(f"li[id='{target[1:]}']")
    expected = note.locator("a:not(.footnote-backref)").first
    title = expected.inner_text().strip()
    expected.click()
    page.wait_for_url(re.compile(r"/articles/[^/]+/$"))
    assert page.locator("h1").first.inner_text().rstrip("¶ \n") == title
    screenshot(page, "article-light")


def test_search_finds_an_article_by_a_word(page, site_url):
    page.goto(site_url)
    results = search(page, "Albu Kamal")
    assert any("/articles/" in url for url in results), results
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url(re.compile(r"/articles/"))


@pytest.mark.parametrize("alias", ALIASES)
def test_search_finds_an_entity_by_its_alias(page, site_url, built_site, alias):
    page.goto(site_url)
    results = search(page, alias)
    assert results, f"searching {alias!r} found nothing"
    if not entity_pages(built_site):
        assert any("/articles/" in url for url in results), results
        pytest.skip("the site has no entity pages yet: searched the articles only")
    assert any("/entities/" in url for url in results), f"no entity page found by the alias {alias!r}: {results}"


def test_palette_toggle_switches_to_dark_and_back(page, site_url):
    page.goto(site_url)
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == "slate", "the choice is not remembered"
    screenshot(page, "home-dark-toggled")
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")


def test_timeline_page_when_present(page, site_url, built_site):
    if not (built_site / "timeline" / "index.html").is_file():
        pytest.skip("the site has no timeline page yet")
    page.goto(site_url)
    page.locator(".md-tabs a, .md-nav a").filter(has_text=re.compile("^\\s*Timeline\\s*$")).first.click()
    page.wait_for_url(re.compile(r"/timeline/$"))
    assert page.locator("h1").first.inner_text().strip()


def test_sources_index_links_every_article(page, site_url, built_site):
    page.goto(urljoin(site_url, "sources/"))
    articles = [p for p in (built_site / "articles").glob("*/index.html")]
    assert page.locator("table a[href*='articles/']").count() >= len(articles) > 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(browser, site_url, built_site, scheme):
    """Pictures of every kind of page, in both schemes, for a person to look at (test-artifacts/screenshots/)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        pages = {"home": site_url, "articles": urljoin(site_url, "articles/"), "sources": urljoin(site_url, "sources/")}
        pages["article"] = first_article_url(page, site_url)
        if (built_site / "timeline" / "index.html").is_file():
            pages["timeline"] = urljoin(site_url, "timeline/")
        if (built_site / "tags" / "index.html").is_file():
            pages["tags"] = urljoin(site_url, "tags/")
        entities = entity_pages(built_site)
        if entities:
            pages["entity"] = urljoin(site_url, entities[0].parent.relative_to(built_site).as_posix() + "/")
        for name, url in pages.items():
            page.goto(url)
            expected = "slate" if scheme == "dark" else "default"
            assert page.locator("body").get_attribute("data-md-color-scheme") == expected
            assert screenshot(page, f"{name}-{scheme}").stat().st_size > 1000
    finally:
        context.close()
