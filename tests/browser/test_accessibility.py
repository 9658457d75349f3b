"""axe-core over the main kinds of page, in both colour schemes: no 'serious' or 'critical' violation."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest

from helpers import entity_pages, first_article_url

BLOCKING = {"serious", "critical"}


def violations(page, axe_script) -> list[str]:
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in result["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        for node in violation["nodes"][:5]:
            found.append(f"{violation['id']} ({violation['impact']}): {' '.join(map(str, node['target']))}: "
                         f"{node.get('failureSummary', '').splitlines()[-1].strip()}")
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser, site_url, built_site, axe_script, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        pages = {"home": site_url, "articles index": urljoin(site_url, "articles/"),
                 "sources": urljoin(site_url, "sources/"), "article": first_article_url(page, site_url)}
        for optional in ("timeline", "tags"):
            if (built_site / optional / "index.html").is_file():
                pages[optional] = urljoin(site_url, f"{optional}/")
        listings = sorted(p for p in (built_site / "tags").glob("*/index.html"))
        if listings:
            pages["tag listing"] = urljoin(site_url, listings[0].parent.relative_to(built_site).as_posix() + "/")
        entities = entity_pages(built_site)
        if entities:
            pages["entity"] = urljoin(site_url, entities[0].parent.relative_to(built_site).as_posix() + "/")
        problems = []
        for name, url in pages.items():
            page.goto(url, wait_until="networkidle")
            problems += [f"{name} ({scheme}): {v}" for v in violations(page, axe_script)]
    finally:
        context.close()
    assert not problems, "\n".join(problems)
