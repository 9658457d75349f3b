"""The timeline page: a drawn timeline (inline SVG, made at build time) and the table of every event.

The SVG uses `currentColor` and Material's CSS variables, so it reads in light and dark mode, and
carries its own text alternative (<title>, <desc>, aria-label); the table below says the same in words.
"""
from __future__ import annotations

from ..model import Dossier, Event
from .common import Footnotes, cited_sources, generated_meta, human_date, section, with_front_matter
from .escape import html_text, md_text

PAGE = "timeline.md"
ROW = 30
TOP = 24
DATE_X = 118
LINE_X = 132
TEXT_X = 148
WIDTH = 760
TEXT_CHARS = 84
SOURCES_PER_EVENT = 8


def event_date(date: str) -> str:
    """'8 November 2017', 'November 2017' or '2014' for a YYYY-MM-DD, YYYY-MM or YYYY date."""
    if len(date) == 10:
        return human_date(date)
    if len(date) == 7:
        return human_date(f"{date}-01").split(" ", 1)[1]
    return date


def short(text: str, limit: int = TEXT_CHARS) -> str:
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def _row(index: int, event: Event) -> str:
    y = TOP + index * ROW
    coarse = len(event.date) < 10
    dot = (f'<circle cx="{LINE_X}" cy="{y}" r="5" style="fill:{"none" if coarse else "var(--md-primary-fg-color, currentColor)"};'
           f'stroke:var(--md-primary-fg-color, currentColor);stroke-width:2"/>')
    return (f'<g><title>{html_text(event_date(event.date))}: {html_text(event.text)}</title>{dot}'
            f'<text x="{DATE_X}" y="{y + 4}" text-anchor="end" font-size="12" font-weight="bold" fill="currentColor">'
            f'{html_text(event.date)}</text>'
            f'<text x="{TEXT_X}" y="{y + 4}" font-size="12" fill="currentColor">{html_text(short(event.text))}</text></g>')


def timeline_svg(events: list[Event]) -> str:
    """A vertical timeline, one row per event in date order; hollow dots mark month- or year-only dates."""
    height = TOP * 2 + max(0, len(events) - 1) * ROW
    span = f"from {event_date(events[0].date)} to {event_date(events[-1].date)}"
    label = f"Timeline of {len(events)} events {span}"
    desc = (f"{len(events)} dated events {span}, one per row; filled dots are exact days, hollow dots months or "
            "years. The table below lists every event with its sources.")
    rows = "".join(_row(i, e) for i, e in enumerate(events))
    return (f'<div class="dossier-timeline"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
            f'aria-labelledby="timeline-title timeline-desc" aria-label="{html_text(label)}" '
            f'viewBox="0 0 {WIDTH} {height}" width="100%" style="max-width:{WIDTH}px;color:inherit">'
            f'<title id="timeline-title">{html_text(label)}</title><desc id="timeline-desc">{html_text(desc)}</desc>'
            f'<line x1="{LINE_X}" y1="{TOP - 12}" x2="{LINE_X}" y2="{height - TOP + 12}" stroke="currentColor" '
            f'stroke-opacity="0.4" stroke-width="2"/>{rows}</svg></div>')


def events_table(dossier: Dossier, events: list[Event], prefix: str) -> str:
    """Events with how each is dated and its sources, each source with a footnote quoting it; a day's
    central event (the one later coverage keeps repeating) comes first, in bold."""
    notes = Footnotes(prefix, dossier, PAGE)
    rows = ["| Date | Event | How it is dated | Sources |", "|---|---|---|---|"]
    for event in events:
        how = md_text(event.resolved_from) if event.resolved_from else "stated in the text"
        text = f"**{md_text(event.text)}**" if event.key else md_text(event.text)
        rows.append(f"| {md_text(event.date)} | {text} | {how} | "
                    f"{cited_sources(notes, event.citations, SOURCES_PER_EVENT)} |")
    return "\n".join(rows) + "\n\n" + notes.definitions()


def render_timeline_page(dossier: Dossier) -> str:
    parts = ["# Timeline"]
    story = [e for e in dossier.events if not e.background]
    background = [e for e in dossier.events if e.background]
    if dossier.events:
        intro = (f"{len(dossier.events)} dated events read off the articles. Relative dates ('on Sunday', "
                 "'last week') are resolved against each article's publication date; a copy of a wire story "
                 "counts once. The central event of each day that matters is in bold.")
        parts += [intro, section("timeline-chart", timeline_svg(story or dossier.events)),
                  section("timeline-table", f"## All events\n\n{events_table(dossier, story, 'e')}")]
        if background:
            parts.append(section("timeline-background", "## Background, before the story\n\n"
                                 + events_table(dossier, background, "b")))
    else:
        parts.append("No dated events were found in the articles.")
    return with_front_matter(generated_meta("Timeline", hide=["navigation"]), "\n\n".join(parts))
