"""A feed's hints (the title, date and author of the entry that linked to a page), applied after cleaning.

The page is the better witness of itself, and the curator's sidecar the best: a hint fills a field only
where both say nothing. Where the page says something else, the page's reading is kept and a warning
names both readings, so the curator can settle it with a sidecar key. An ambiguous date on the page
(7/11 as July or November) is settled by the feed's date when it is one of the readings.
"""
from __future__ import annotations

from ..model import Article, Override
from .meta import agency_name
from .text import normalise


def _same_title(page: str, feed: str) -> bool:
    """Equal once case and punctuation are folded, or one inside the other ('Title - Outlet')."""
    a, b = normalise(page), normalise(feed)
    return a == b or (bool(a) and bool(b) and (a in b or b in a))


def _hint_title(article: Article, title: str) -> None:
    if article.title is None:
        article.title = title
    elif not _same_title(article.title, title):
        article.warnings.append(f"the feed titles it {title!r}; kept the page's title (set `title` in the "
                                f"sidecar file to choose)")


def _hint_date(article: Article, published: str) -> None:
    if article.published is None and article.date_candidates:
        if published in article.date_candidates:
            article.published, article.date_candidates = published, []
            article.warnings.append(f"ambiguous date settled by the feed's date, {published}")
        else:
            article.warnings.append(f"the feed dates it {published}, which is none of the page's readings "
                                    f"({' or '.join(article.date_candidates)})")
    elif article.published is None:
        article.published = published
    elif article.published != published:
        article.warnings.append(f"the feed dates it {published}; kept the page's date {article.published} "
                                f"(set `published` in the sidecar file to choose)")


def _hint_author(article: Article, author: str) -> None:
    """A feed's author is often the wire agency ('Reuters'): that is a hint for the agency instead."""
    agency = agency_name(author)
    field, value = ("agency", agency) if agency else ("author", author)
    found = getattr(article, field)
    if found is None:
        setattr(article, field, value)
    elif normalise(found) != normalise(value):
        article.warnings.append(f"the feed gives the {field} as {value!r}; kept the page's {found!r}")


def apply_hints(article: Article, override: Override) -> None:
    """Fill what neither the curator nor the page says from the feed's hints; warn where the page differs."""
    hints = override.hints
    if hints is None:
        return
    if hints.title and not override.title:
        _hint_title(article, hints.title)
    if hints.published and not override.published:
        _hint_date(article, hints.published)
    if hints.author and not (override.author if agency_name(hints.author) is None else override.agency):
        _hint_author(article, hints.author)
