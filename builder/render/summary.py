"""The home page: the combined summary, in sections the curator can edit one by one."""
from __future__ import annotations

from collections import Counter

from ..model import Article, Dossier, Event
from .common import (Footnotes, article_link, cited_sources, generated_meta, human_date, one_per_article, section,
                     with_front_matter)
from .escape import md_text
from .timeline import event_date

PAGE = "index.md"
KEY_EVENTS = 12
BACKGROUND_SHOWN = 4
SOURCES_SHOWN = 50
FIGURES_SHOWN = 25
DIFFERENCES_SHOWN = 20
SERIES_SHOWN = 8
SOURCES_PER_ITEM = 5  # links or footnotes per figure or per side of a difference


def _cited_section(name: str, heading: str, lines: list[str], notes: Footnotes, empty: str) -> str:
    body = "\n\n".join(lines) if lines else empty
    return section(name, f"## {heading}\n\n{body}\n\n{notes.definitions()}")


def overview_section(dossier: Dossier) -> str:
    notes = Footnotes("s", dossier, PAGE)
    text = " ".join(f"{md_text(s.text)}{notes.cite(s.citations)}" for s in dossier.summary)
    return _cited_section("overview", "Overview", [text] if text else [], notes,
                          "The articles hold no sentence that could be summarised.")


def key_events(dossier: Dossier) -> list[Event]:
    """The central event of each day that matters, in date order (at most KEY_EVENTS, the days that matter
    most): the home page shows these, the timeline page every event of those days and the background."""
    ranked = sorted((e for e in dossier.events if e.key), key=lambda e: (-e.salience, e.date))[:KEY_EVENTS]
    return sorted(ranked, key=lambda e: e.date)


def background_events(dossier: Dossier) -> list[Event]:
    """What happened before the story's period, one event a date, most cited first (at most BACKGROUND_SHOWN),
    in date order."""
    ranked = sorted((e for e in dossier.events if e.background), key=lambda e: (-len(e.articles), e.date))
    one_a_date = list({e.date: e for e in reversed(ranked)}.values())[::-1]
    ranked = sorted(one_a_date, key=lambda e: (-len(e.articles), e.date))
    return sorted(ranked[:BACKGROUND_SHOWN], key=lambda e: e.date)


def timeline_section(dossier: Dossier) -> str:
    notes = Footnotes("t", dossier, PAGE)

    def line(event: Event) -> str:
        return f"- **{event_date(event.date)}**: {md_text(event.text)}{notes.cite(one_per_article(event.citations))}"

    lines = ["\n".join(line(e) for e in key_events(dossier))] if key_events(dossier) else []
    background = background_events(dossier)
    if background:
        lines.append("Background, before the story:\n\n" + "\n".join(line(e) for e in background))
    if lines:
        lines.append(f"[Full timeline: all {len(dossier.events)} events, drawn and tabulated](timeline.md)")
    return _cited_section("timeline", "What happened when", lines, notes, "No dated events were found.")


def _capped(items: list, shown: int, weight, noun: str) -> tuple[list, str]:
    """All items, in their order, when there are at most `shown`; else the `shown` of most weight and a
    note on how many were left out, so the home page stays small at ten thousand articles."""
    if len(items) <= shown:
        return items, ""
    ranked = sorted(items, key=lambda item: -weight(item))[:shown]
    return ranked, f"\n\n{len(items) - shown} more {noun} are in the export (dossier.json)."


def figures_section(dossier: Dossier) -> str:
    notes = Footnotes("f", dossier, PAGE)
    parts = []
    key = [f for f in dossier.figures if f.key]
    if key:
        rows = ["| Figure | What it counts | According to | Reported by |", "|---|---|---|---|"]
        shown, more = _capped(key, FIGURES_SHOWN, lambda f: len(f.articles), "figures")
        for figure in shown:
            flag = " (differs between sources)" if figure.differs_from else ""
            rows.append(f"| {md_text(figure.value)}{flag} | {md_text(figure.what)} | "
                        f"{md_text(figure.attributed_to or '—')} | {cited_sources(notes, figure.citations, SOURCES_PER_ITEM)} |")
        parts.append("\n".join(rows) + more)
    if dossier.series:
        parts.append(series_list(dossier, notes))
    return _cited_section("figures", "Key figures", parts, notes, "No figures were found.")


def series_list(dossier: Dossier, notes: Footnotes) -> str:
    """Counts that grew as the story went on, one line each: dated values with their sources."""
    shown, more = _capped(dossier.series, SERIES_SHOWN, lambda s: sum(len(p.citations) for p in s.points), "series")
    lines = []
    for series in shown:
        points = "; ".join(f"{event_date(p.date)}: {md_text(p.value)} ({md_text(p.source)})"
                           f"{notes.cite(one_per_article(p.citations)[:SOURCES_PER_ITEM])}" for p in series.points)
        lines.append(f"- **{md_text(series.what)}**: {points}")
    return "### Counts over time\n\n" + "\n".join(lines) + more


def differences_section(dossier: Dossier) -> str:
    notes = Footnotes("d", dossier, PAGE)
    lines = []
    shown, more = _capped(dossier.differences, DIFFERENCES_SHOWN, lambda d: sum(len(s.articles) for s in d.sides),
                          "differences")
    for difference in shown:
        sides = "\n".join(f"    - {md_text(side.text)}{notes.cite(one_per_article(side.citations)[:SOURCES_PER_ITEM])}"
                          for side in difference.sides)
        lines.append(f"- **{md_text(difference.topic)}**\n\n{sides}")
    if more:
        lines.append(more.strip())
    return _cited_section("differences", "Where the sources differ", lines, notes,
                          "The sources do not contradict each other on any figure or date found.")


def citation_counts(dossier: Dossier) -> Counter[str]:
    """How often each article is cited by the summary, the timeline, the figures and the differences."""
    counts: Counter[str] = Counter()
    for slugs in ([s.articles for s in dossier.summary] + [e.articles for e in dossier.events]
                  + [f.articles for f in dossier.figures]
                  + [side.articles for d in dossier.differences for side in d.sides]):
        counts.update(slugs)
    return counts


def listed_sources(dossier: Dossier) -> list[Article]:
    """The articles the home page lists, in date order: all of a small dossier, else the most cited
    (then the most recent) SOURCES_SHOWN, so the page stays small at ten thousand articles."""
    articles = dossier.included
    if len(articles) > SOURCES_SHOWN:
        counts = citation_counts(dossier)
        latest_first = sorted(articles, key=lambda a: (a.published or "", a.slug), reverse=True)
        articles = sorted(latest_first, key=lambda a: -counts[a.slug])[:SOURCES_SHOWN]
    return sorted(articles, key=lambda a: (a.published or "", a.slug))


def sources_section(dossier: Dossier) -> str:
    listed = listed_sources(dossier)
    rows = [f"- {human_date(a.published)}: {article_link(a, PAGE)} — {md_text(a.byline)}" for a in listed]
    body = "\n".join(rows) or "No articles yet: add files to the sources folder."
    total = len(dossier.included)
    if len(listed) < total:
        body = (f"The {len(listed)} articles cited most on this page, of {total}; "
                f"[all {total} articles](articles/index.md).\n\n{body}")
    return section("sources", f"## Sources\n\n{body}\n\n[Source index with files and checksums](sources.md)")


def render_summary_page(dossier: Dossier) -> str:
    dates = sorted(a.published for a in dossier.included if a.published)
    span = f"from {human_date(dates[0])} to {human_date(dates[-1])}" if dates else "with no known dates"
    intro = (f"A dossier of {len(dossier.included)} articles published {span}. Every sentence below is taken from "
             f"the articles and cites each article that states it; hover a number to read the article's own words.")
    parts = [f"# {md_text(dossier.title)}", intro, overview_section(dossier), timeline_section(dossier),
             figures_section(dossier), differences_section(dossier), sources_section(dossier)]
    return with_front_matter(generated_meta("Summary", hide=["navigation"]), "\n\n".join(parts))
