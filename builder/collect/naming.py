"""A readable file name for a page taken from the web: its outlet and headline as one slug.

Only a name: read cheaply from the page's <title> and site-name tags (or a text page's first line), with
the host and the address's last path segment to fall back on. The build cleans the page properly.
"""
from __future__ import annotations

import urllib.parse

from lxml import etree, html as lxml_html

from ..clean.decode import decode
from ..clean.rules import TITLE_SEPARATORS
from ..slug import slugify

SITE_NAME_XPATH = "//meta[@property='og:site_name' or @name='application-name']/@content"
TITLE_XPATH = "//meta[@property='og:title' or @name='twitter:title']/@content"
MAX_HEADLINE_CHARS = 200
NAME_HEAD_BYTES = 512 * 1024


def _first(tree: lxml_html.HtmlElement, xpath: str) -> str | None:
    return next((" ".join(str(v).split()) for v in tree.xpath(xpath) if str(v).strip()), None)


def _html_names(text: str) -> tuple[str | None, str | None]:
    """(outlet, headline) from the site-name tags and the title, split at ' | Site' separators."""
    try:
        tree = lxml_html.fromstring(text)
    except (etree.ParserError, ValueError):
        return None, None
    outlet = _first(tree, SITE_NAME_XPATH)
    title = _first(tree, TITLE_XPATH) or _first(tree, "//title//text()")
    if not title:
        return outlet, None
    parts = [p.strip() for p in TITLE_SEPARATORS.split(title) if p.strip()]
    headline = max(parts, key=len) if parts else title
    if outlet is None and len(parts) > 1:
        outlet = min((parts[0], parts[-1]), key=len)
    return outlet, headline


def _text_headline(text: str) -> str | None:
    return next((line.strip() for line in text.splitlines() if line.strip()), None)


def _host(url: str) -> str:
    host = urllib.parse.urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _last_segment(url: str) -> str:
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path).rstrip("/")
    return path.rsplit("/", 1)[-1].split(".")[0]


def page_stem(data: bytes, suffix: str, url: str, charset: str | None, title_hint: str | None = None) -> str:
    """`outlet-headline` as a slug, e.g. `the-daily-star-syrian-army-allies-seize-albu-kamal`."""
    text, _ = decode(data[:NAME_HEAD_BYTES], html=suffix == ".html", charset=charset)
    outlet, headline = _html_names(text) if suffix == ".html" else (None, _text_headline(text))
    headline = (headline or title_hint or _last_segment(url) or "page")[:MAX_HEADLINE_CHARS]
    outlet_slug, headline_slug = slugify(outlet or _host(url), url), slugify(headline, url)
    if headline_slug.startswith(outlet_slug):
        return headline_slug
    return slugify(f"{outlet_slug} {headline_slug}", url)
