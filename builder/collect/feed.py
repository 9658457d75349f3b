"""An RSS or Atom feed (feedparser) -> the pages it links to, each with the feed's hints about it.

feedparser is given the bytes our own fetcher received (it never fetches anything itself), with the
feed's address so that relative links resolve. What an entry says about its page (title, date,
author) is kept as a hint; see clean/hints.py for how little a hint may do.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

import feedparser
from dateutil import parser as date_parser
from lxml import etree, html as lxml_html

from ..model import Hints
from .fetch import FetchError, web_url

HTML_TYPES = {"text/html", "application/xhtml+xml"}
MAX_HINT_CHARS = 500


@dataclass(frozen=True)
class FeedEntry:
    url: str
    hints: Hints


def _plain(text: str | None, kind: str | None = None) -> str | None:
    """Feed text as plain text: an HTML-typed title loses its markup; whitespace folded; None when empty."""
    if not text:
        return None
    if kind in HTML_TYPES:
        try:
            text = lxml_html.fragment_fromstring(text, create_parent="div").text_content()
        except (etree.ParserError, ValueError):
            pass
    return " ".join(text.split())[:MAX_HINT_CHARS] or None


def _entry_date(entry: dict) -> str | None:
    """The entry's day as the feed wrote it (its own UTC offset kept: 23:30-05:00 stays that day)."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return date_parser.parse(raw).date().isoformat()
        except (ValueError, OverflowError):
            parsed = entry.get(f"{key}_parsed")
            if parsed:
                return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def _entry_link(entry: dict) -> str | None:
    links = [entry.get("link")] + [l.get("href") for l in entry.get("links", []) if l.get("rel") == "alternate"]
    for link in filter(None, links):
        try:
            return str(web_url(link))
        except FetchError:
            continue
    return None


def _author(entry: dict) -> str | None:
    return _plain((entry.get("author_detail") or {}).get("name") or entry.get("author"))


def read_feed(data: bytes, feed_url: str, content_type: str | None) -> list[FeedEntry]:
    """Every entry with a web link, once per link, in the feed's order. ValueError when it is no feed."""
    headers = {"content-location": feed_url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise ValueError(f"not an RSS or Atom feed{f' ({problem})' if problem else ''}")
    entries: dict[str, FeedEntry] = {}
    for entry in parsed.entries:
        link = _entry_link(entry)
        if link and link not in entries:
            title = _plain(entry.get("title"), (entry.get("title_detail") or {}).get("type"))
            hints = Hints(feed=feed_url, title=title, published=_entry_date(entry), author=_author(entry))
            entries[link] = FeedEntry(link, hints)
    return list(entries.values())
