"""Reading the dossier asks nothing of any other host: no fonts, icons, scripts, analytics or API calls."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from helpers import first_article_url, search

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LOCAL_SCHEMES = {"data", "blob"}


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.scheme in ("http", "https", "ws") and parts.hostname in LOCAL_HOSTS)


def test_browsing_and_searching_makes_no_request_to_another_host(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    # Workers (the search index) and service workers make their requests outside the page: count them too.
    context.on("serviceworker", lambda worker: requests.append(f"serviceworker:{worker.url}"))
    page = context.new_page()
    page.on("worker", lambda worker: requests.append(worker.url))
    try:
        article = first_article_url(page, site_url)
        for url in [site_url, article, urljoin(site_url, "sources/"), urljoin(site_url, "articles/")]:
            page.goto(url, wait_until="networkidle")
        search(page, "Albu Kamal")
        page.locator(".md-search-result__link").first.click()
        page.wait_for_load_state("networkidle")
        page.locator("form[data-md-component=palette] label:visible").click()
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert len(requests) > 10, requests
    foreign = sorted({url for url in requests if not is_local(url)})
    assert not foreign, "requests to other hosts:\n" + "\n".join(foreign)


def test_is_local():
    assert is_local("http://127.0.0.1:8000/assets/x.js")
    assert is_local("data:image/svg+xml;base64,AAAA")
    assert is_local("blob:http://127.0.0.1:8000/1234")
    assert not is_local("https://fonts.googleapis.com/css?family=Roboto")
    assert not is_local("https://api.github.com/repos/x/y")
