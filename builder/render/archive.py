"""The articles by date, fit for 10,000 of them.

A small dossier lists every article on the articles index, grouped by day. Past INLINE_MAX articles the
index shows the coverage chart, the latest articles and one link per month; each month gets its own page
(archive/YYYY-MM.md, grouped by day), so no page carries thousands of links.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..model import Article, Dossier
from .common import article_link, generated_meta, human_date, link_from, with_front_matter
from .escape import md_text

INLINE_MAX = 300
LATEST = 50
UNDATED = "undated"


def month_of(article: Article) -> str:
    published = article.published or ""
    return published[:7] if len(published) >= 7 and published[:4].isdigit() else UNDATED


def archive_path(month: str) -> str:
    return f"archive/{month}.md"


def month_name(month: str) -> str:
    if month == UNDATED:
        return "Undated"
    try:
        return dt.date.fromisoformat(f"{month}-01").strftime("%B %Y")
    except ValueError:
        return month


def article_item(article: Article, page: str) -> str:
    return (f"- {article_link(article, page)} — {md_text(article.byline)}"
            + (f", {md_text(article.dateline)}" if article.dateline else ""))


def day_groups(articles: list[Article], page: str) -> list[str]:
    """'## 20 November 2017' and its articles, newest day first."""
    by_day: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_day[article.published or ""].append(article)
    parts = []
    for day in sorted(by_day, reverse=True):
        parts.append(f"## {human_date(day or None)}")
        parts.append("\n".join(article_item(a, page) for a in sorted(by_day[day], key=lambda a: a.slug)))
    return parts


def by_month(dossier: Dossier) -> dict[str, list[Article]]:
    months: dict[str, list[Article]] = defaultdict(list)
    for article in dossier.included:
        months[month_of(article)].append(article)
    return months


def is_paged(dossier: Dossier) -> bool:
    return len(dossier.included) > INLINE_MAX


def month_index(dossier: Dossier, page: str) -> list[str]:
    """For the articles index of a big dossier: the latest articles, then every month with its count."""
    months = by_month(dossier)
    latest = sorted((a for a in dossier.included if a.published), key=lambda a: (a.published, a.slug),
                    reverse=True)[:LATEST]
    rows = [f"- [{month_name(m)}]({link_from(page, archive_path(m))}) ({len(months[m])} articles)"
            for m in sorted((m for m in months if m != UNDATED), reverse=True)]
    if UNDATED in months:
        rows.append(f"- [Undated]({link_from(page, archive_path(UNDATED))}) ({len(months[UNDATED])} articles)")
    return ["## By month", "\n".join(rows), f"## Latest {len(latest)}", "\n".join(article_item(a, page) for a in latest)]


def render_month_pages(dossier: Dossier) -> dict[str, str]:
    if not is_paged(dossier):
        return {}
    months = by_month(dossier)
    order = sorted(m for m in months if m != UNDATED) + ([UNDATED] if UNDATED in months else [])
    pages = {}
    for i, month in enumerate(order):
        page = archive_path(month)
        around = [f"[All months]({link_from(page, 'articles/index.md')})"]
        if i > 0:
            around.insert(0, f"[← {month_name(order[i - 1])}]({link_from(page, archive_path(order[i - 1]))})")
        if i + 1 < len(order):
            around.append(f"[{month_name(order[i + 1])} →]({link_from(page, archive_path(order[i + 1]))})")
        parts = [f"# Articles: {month_name(month)}", f"{len(months[month])} articles, newest first.",
                 " · ".join(around), *day_groups(months[month], page)]
        meta = generated_meta(f"Articles: {month_name(month)}", hide=["navigation"], search={"exclude": True})
        pages[page] = with_front_matter(meta, "\n\n".join(parts))
    return pages
