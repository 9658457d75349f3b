"""What the browser tests share: finding pages, searching like a reader, saving screenshots."""
from __future__ import annotations

import functools
import re
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


def first_article_url(page, site_url: str) -> str:
    page.goto(urljoin(site_url, "articles/"))
    href = page.locator("article.md-content__inner a[href*='/']").first.get_attribute("href")
    return urljoin(page.url, href)


def search(page, query: str) -> list[str]:
    """Type into Material's search box; the hrefs of the results (absolute URLs)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    results = page.locator("a.md-search-result__link, .md-search-result__item a")
    page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d+ matching|No matching")).wait_for()
    return [urljoin(page.url, results.nth(i).get_attribute("href")) for i in range(results.count())]


def entity_pages(site: Path) -> list[Path]:
    folder = site / "entities"
    return sorted(p for p in folder.glob("*/index.html")) if folder.is_dir() else []


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path):
    """A built site served over HTTP on a free port of 127.0.0.1; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
