"""The whole build on one screen: read -> clean -> analyze -> render -> write."""
from __future__ import annotations

import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from .analyze import analyze
from .bounds import bound_article
from .cache import ArticleCache, cache_key
from .clean import CLEANER_VERSION, clean_source
from .clean.shared import find_shared_lines
from .config import Settings, load_settings
from .model import Article, Dossier, Source
from .read import NoSources, describe_folder, read_sources
from .render import render_site
from .slug import claim, is_reserved
from .write import WriteReport, has_generated_pages, write_site

PARALLEL_FROM = 64


@dataclass
class BuildReport:
    dossier: Dossier
    warnings: list[str] = field(default_factory=list)
    written: WriteReport | None = None
    cached: int = 0
    seconds: float = 0.0


def _clean_one(args: tuple[Source, frozenset[str]]) -> Article:
    source, shared = args
    return clean_source(source, shared)


def clean_all(sources: list[Source], cache: ArticleCache, progress: bool) -> tuple[list[Article], int]:
    """Clean every source, from the cache where its content is unchanged; in parallel when there are many."""
    shared = find_shared_lines(sources)
    keys = [cache_key(s, shared.get(s.name, frozenset()), CLEANER_VERSION) for s in sources]
    articles: list[Article | None] = [cache.get(k) for k in keys]
    todo = [i for i, a in enumerate(articles) if a is None]
    jobs = [(sources[i], shared.get(sources[i].name, frozenset())) for i in todo]
    bar = tqdm(total=len(jobs), desc="cleaning", unit="article", file=sys.stderr, disable=not progress or len(jobs) < 50)
    cleaned = []
    with bar:
        if len(jobs) >= PARALLEL_FROM:
            with ProcessPoolExecutor(max_workers=2) as pool:
                for article in pool.map(_clean_one, jobs, chunksize=16):
                    cleaned.append(article)
                    bar.update(1)
        else:
            for job in jobs:
                cleaned.append(_clean_one(job))
                bar.update(1)
    for i, article in zip(todo, cleaned):
        cache.put(keys[i], article)
        articles[i] = article
    return [a for a in articles if a is not None], len(sources) - len(todo)


def unique_slugs(articles: list[Article]) -> list[str]:
    """Sources with one stem (a.txt, a.md, x/a.txt) get distinct page names, and none takes the name of one
    of the builder's own pages (index, timeline...): a warning for each page name that is not the file's."""
    taken: set[str] = set()
    warnings = []
    for article in articles:
        natural = article.slug
        article.slug = claim(natural, article.source, taken)
        if article.slug != natural:
            why = "the builder writes a page of that name" if is_reserved(natural) else "another source has that name"
            warnings.append(f"{article.source}: its page is articles/{article.slug}.md, not {natural}.md: {why}")
    return warnings


@dataclass
class Corpus:
    """The cleaned articles of a sources folder, before any analysis."""

    articles: list[Article]
    settings: Settings
    rejected: dict[str, str]
    warnings: list[str]
    cached: int


def read_and_clean(sources_dir: Path, cache_dir: Path | None, progress: bool = False) -> Corpus:
    """Stages 1 and 2: what `summarize`, `timeline` and `build` share."""
    settings, config_errors = load_settings(sources_dir)
    sources, rejected, read_errors = read_sources(sources_dir)
    articles, cached = clean_all(sources, ArticleCache(cache_dir), progress)
    for article in articles:
        bound_article(article)
    warnings = config_errors + read_errors + [f"{n}: {why}" for n, why in sorted(rejected.items())]
    warnings += unique_slugs(articles)
    return Corpus(articles, settings, rejected, warnings, cached)


def assemble(sources_dir: Path, cache_dir: Path | None, progress: bool = False) -> BuildReport:
    """Everything up to the analysed dossier."""
    started = time.perf_counter()
    corpus = read_and_clean(sources_dir, cache_dir, progress)
    dossier = analyze(corpus.articles, corpus.settings)
    dossier.rejected = corpus.rejected
    warnings = corpus.warnings + [f"{a.source}: {w}" for a in corpus.articles for w in a.warnings]
    warnings += dossier.warnings
    return BuildReport(dossier=dossier, warnings=warnings, cached=corpus.cached, seconds=time.perf_counter() - started)


def run(sources_dir: Path, docs_dir: Path, cache_dir: Path | None, progress: bool = True,
        allow_empty: bool = False) -> BuildReport:
    report = assemble(sources_dir, cache_dir, progress)
    if not report.dossier.articles and not allow_empty and has_generated_pages(docs_dir):
        raise NoSources(describe_folder(sources_dir), report.warnings)
    report.written = write_site(render_site(report.dossier), docs_dir)
    return report
