"""Stage 3: the whole corpus -> a Dossier: syndication, entities, related coverage, timeline, figures, summary.

Pure: articles in, model objects out. Every analyser avoids all-pairs loops (indexes and LSH instead).
"""
from __future__ import annotations

from ..config import Settings
from ..clean.dates import choose_by_neighbours
from ..model import Article, Dossier, Syndication
from .entities import find_entities
from .figure_compare import find_figures
from .related import find_related
from .record import record_of
from .relevance import not_reporting
from .summary import summarize
from .syndication import find_syndicated_copies
from .timeline import build_timeline_and_conflicts
from .topics import find_topics


def settle_ambiguous_dates(articles: list[Article]) -> None:
    """Day/month order the text could not settle: take the reading nearest the other articles' dates."""
    known = [a.published for a in articles if a.published]
    for article in articles:
        if article.published or not article.date_candidates:
            continue
        chosen = choose_by_neighbours(tuple(article.date_candidates), known)
        if chosen:
            article.published = chosen
            article.warnings.append(f"date read as {chosen}: the nearest reading to the other articles' dates")
        else:
            article.warnings.append("publication date left empty: day and month order cannot be told apart")


def retitle_unglued_leads(articles: list[Article]) -> None:
    """An article titled from its lead takes the lead's short form once a headline or caption glued in front of
    it is cut off (cleaning cannot tell where it ends; the record can, from the sentences' shape)."""
    for article in articles:
        if article.title_from == "lead" and (title := record_of(article).lead_title):
            article.title = title


def included_and_copies(articles: list[Article]) -> tuple[list[Article], list[Syndication]]:
    """The articles the curator kept, dated and titled, and which of them are copies of one wire story."""
    included = [a for a in articles if not a.excluded]
    settle_ambiguous_dates(included)
    retitle_unglued_leads(included)
    return included, find_syndicated_copies(included)


def analyze(articles: list[Article], settings: Settings) -> Dossier:
    included, syndication = included_and_copies(articles)
    set_aside = not_reporting(included)
    events, date_conflicts = build_timeline_and_conflicts(included, syndication, set_aside)
    summary = summarize(included, syndication, settings.summary_words)
    entities, entity_warnings = find_entities(included, settings)
    figures, differences, series = find_figures(included, syndication, set_aside)
    related = find_related(included, entities, syndication)
    title = settings.title or _default_title(included)
    return Dossier(title=title, articles=articles, syndication=syndication, events=events, summary=summary,
                   entities=entities, figures=figures, differences=differences + list(date_conflicts), series=series,
                   related=related, topics=find_topics(entities), warnings=entity_warnings)


def _default_title(articles: list[Article]) -> str:
    dated = sorted(a.published for a in articles if a.published)
    if not dated:
        return "Dossier"
    return f"Dossier: {len(articles)} articles, {dated[0]} to {dated[-1]}"
