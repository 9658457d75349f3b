"""Pictures drawn at build time as inline SVG: the coverage chart (articles over time, by outlet or agency).

Text is drawn in `currentColor` and the series in CSS variables (docs/stylesheets/dossier.css), so the
chart follows the light and dark schemes. Every label is escaped with html_text. The picture has a
<title>, a <desc>, role="img" with aria-labelledby, and the same facts follow it as a sentence and a table.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from ..config import EARLIEST, LATEST
from ..model import UNNAMED_OUTLET, Article
from .common import human_date
from .escape import html_text, md_text

SERIES = 7
TICKS = 5
WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 12, 40
# Okabe-Ito colours, told apart with colour-blindness; the CSS gives the dark scheme lighter ones.
FALLBACK = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#b8a500", "#888888"]


def _day(article: Article) -> dt.date | None:
    """The article's day, when it is one the chart can place (the calendar ends at 9999-12-31)."""
    try:
        day = dt.date.fromisoformat(article.published or "")
    except ValueError:
        return None
    return day if EARLIEST <= day <= LATEST else None


def source_of(article: Article) -> str:
    """Who the story is from: the wire agency when there is one, else the outlet's own reporting."""
    return article.agency or article.outlet or UNNAMED_OUTLET


def _bin(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _step(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day + dt.timedelta(days=7)
    if unit == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=1)


def _unit(first: dt.date, last: dt.date) -> str:
    span = (last - first).days
    return "day" if span <= 92 else "week" if span <= 2 * 366 else "month"


def _label(day: dt.date, unit: str) -> str:
    if unit == "month":
        return day.strftime("%b %Y")
    return f"{day.day} {day.strftime('%b %Y')}"


def coverage_data(articles: list[Article]) -> tuple[str, list[dt.date], list[str], dict[dt.date, Counter]]:
    """The time unit, every bin from first to last, the series (biggest sources, then 'others') and counts."""
    dated = [(d, source_of(a)) for a in articles if (d := _day(a))]
    if not dated:
        return "day", [], [], {}
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    unit = _unit(first, last)
    totals = Counter(source for _, source in dated)
    top = [name for name, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:SERIES]]
    series = top + (["others"] if len(totals) > SERIES else [])
    counts: dict[dt.date, Counter] = defaultdict(Counter)
    for day, source in dated:
        counts[_bin(day, unit)][source if source in top else "others"] += 1
    bins, cursor = [], _bin(first, unit)
    while cursor <= last:
        bins.append(cursor)
        cursor = _step(cursor, unit)
    return unit, bins, series, counts


def _svg(unit: str, bins: list[dt.date], series: list[str], counts: dict[dt.date, Counter], desc: str) -> str:
    peak = max(sum(c.values()) for c in counts.values())
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(bins)
    bar = max(slot * 0.8, 0.5)
    title = f"Articles per {unit}, by wire agency (or outlet, for its own reporting)"
    out = [f'<svg class="dossier-chart" role="img" aria-labelledby="coverage-title coverage-desc" '
           f'viewBox="0 0 {WIDTH} {HEIGHT + 20 * ((len(series) + 3) // 4)}" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="coverage-title">{html_text(title)}</title>', f'<desc id="coverage-desc">{html_text(desc)}</desc>',
           f'<g fill="currentColor" font-size="11">',
           f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="currentColor"/>',
           f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end">{peak}</text>',
           f'<text x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end">0</text>']
    step = max(1, -(-len(bins) // TICKS))
    for i in sorted({0, len(bins) - 1, *range(0, len(bins), step)}):
        if 0 < len(bins) - 1 - i < step * 0.8:
            continue  # too close to the last label
        x, anchor = LEFT + slot * i + slot / 2, "middle"
        if i == 0:
            x, anchor = LEFT + slot * i + (slot - bar) / 2, "start"
        elif i == len(bins) - 1:
            x, anchor = LEFT + slot * (i + 1) - (slot - bar) / 2, "end"
        out.append(f'<text x="{x:.1f}" y="{TOP + plot_h + 16}" text-anchor="{anchor}">{html_text(_label(bins[i], unit))}</text>')
    out.append("</g>")
    for s, name in enumerate(series):
        out.append(f'<g class="dossier-series-{s}" fill="{FALLBACK[s]}">')
        for i, day in enumerate(bins):
            below = sum(counts.get(day, Counter())[n] for n in series[:s])
            n = counts.get(day, Counter())[name]
            if not n:
                continue
            y0 = TOP + plot_h - (below + n) / peak * plot_h
            x = LEFT + slot * i + (slot - bar) / 2
            out.append(f'<rect x="{x:.1f}" y="{y0:.1f}" width="{bar:.1f}" height="{n / peak * plot_h:.1f}">'
                       f'<title>{html_text(f"{_label(day, unit)}: {n} from {name}")}</title></rect>')
        out.append("</g>")
    for s, name in enumerate(series):
        x, y = LEFT + (s % 4) * (plot_w / 4), HEIGHT + 20 * (s // 4) - 4
        out.append(f'<rect class="dossier-series-{s}" fill="{FALLBACK[s]}" x="{x:.1f}" y="{y - 10}" width="10" height="10"/>'
                   f'<text x="{x + 14:.1f}" y="{y}" fill="currentColor" font-size="11">{html_text(name[:40])}</text>')
    out.append("</svg>")
    return "".join(out)


def coverage_chart(articles: list[Article]) -> str:
    """The chart as a Markdown block: the SVG, a one-sentence summary and a table of sources."""
    unit, bins, series, counts = coverage_data(articles)
    undated = sum(1 for a in articles if not _day(a))
    if not bins:
        return f"No article has a known date, so there is no coverage chart ({len(articles)} undated)." if articles else ""
    busiest = max(bins, key=lambda d: (sum(counts.get(d, Counter()).values()), -d.toordinal()))
    days = sorted(d for a in articles if (d := _day(a)))
    desc = (f"{len(days)} dated articles from {human_date(days[0].isoformat())} to {human_date(days[-1].isoformat())}, "
            f"counted per {unit}; the busiest {unit} ({_label(busiest, unit)}) has "
            f"{sum(counts[busiest].values())}." + (f" {undated} undated articles are not shown." if undated else ""))
    by_source: dict[str, list[dt.date]] = defaultdict(list)
    for article in articles:
        if (day := _day(article)):
            by_source[source_of(article)].append(day)
    rows = ["| Agency (or outlet) | Articles | First | Last |", "|---|---:|---|---|"]
    for name, days in sorted(by_source.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rows.append(f"| {md_text(name)} | {len(days)} | {human_date(min(days).isoformat())} | "
                    f"{human_date(max(days).isoformat())} |")
    figure = f'<figure class="dossier-figure">{_svg(unit, bins, series, counts, desc)}</figure>'
    table = "\n".join(rows)
    return f"{figure}\n\n{md_text(desc)}\n\n??? info \"Coverage by agency or outlet ({len(by_source)})\"\n\n" + \
        "\n".join(f"    {row}" for row in table.splitlines()) + "\n"
