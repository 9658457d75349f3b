"""The whole build on one screen: read -> clean and analyse each article -> analyze the corpus -> render -> write.

A build whose inputs (the sources, the curator's files, the builder's code) are those of the last build of
the same docs folder renders nothing: it writes the pages that build rendered (so only hand edits of
docs/ are looked at again), which is what makes `mkdocs build` after `python -m builder build` cheap. The
later stages are imported only when a build needs them, so such a build also starts in a fraction of a second.
"""
from __future__ import annotations

import hashlib
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .bounds import bound_article
from .cache import Store, load_site, save_site, text_key
from .config import Settings, load_settings
from .model import Article, Dossier, Source
from .read import NoSources, describe_folder, read_sources
from .slug import claim, is_reserved
from .workers import Workers
from .write import WriteReport, has_generated_pages, write_site

BUILDER_CODE = sorted(p for p in Path(__file__).parent.rglob("*") if p.is_file() and p.suffix in (".py", ".yml", ".tsv"))
BUILDER_VERSION = hashlib.sha256(b"".join(p.read_bytes() for p in BUILDER_CODE)).hexdigest()[:16]


@dataclass
class BuildReport:
    dossier: Dossier | None
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    written: WriteReport | None = None
    cached: int = 0
    seconds: float = 0.0
    unchanged_inputs: bool = False


@dataclass
class Inputs:
    """What stage 1 read: the settings, the usable sources, the unusable files and what was wrong."""

    settings: Settings
    sources: list[Source]
    rejected: dict[str, str]
    warnings: list[str]

    def fingerprint(self) -> str:
        parts = [BUILDER_VERSION, repr(self.settings), repr(sorted(self.rejected.items())), *self.warnings]
        parts += [f"{s.name}\x01{s.sha256}\x01{s.override!r}" for s in self.sources]
        return text_key(*parts)


@dataclass
class Corpus:
    """The cleaned articles of a sources folder (each with its analysis record, when asked for)."""

    articles: list[Article]
    settings: Settings
    rejected: dict[str, str]
    warnings: list[str]
    cached: int


def read_inputs(sources_dir: Path) -> Inputs:
    settings, config_errors = load_settings(sources_dir)
    sources, rejected, read_errors = read_sources(sources_dir)
    return Inputs(settings, sources, rejected, config_errors + read_errors)


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


def prepare(inputs: Inputs, store: Store, workers: Workers, records: bool) -> Corpus:
    """Stage 2 for every source (each article bounded, bounds.py, before anything reads it), and with
    `records` each article's analysis record (the per-article stage)."""
    from .per_article import attach_records, clean_all
    prepared, article_keys = clean_all(inputs.sources, store, workers)
    for article in prepared.articles:
        bound_article(article)
    slug_warnings = unique_slugs(prepared.articles)
    if records:
        attach_records(prepared, article_keys, inputs.settings, store, workers)
    return corpus_of(inputs, prepared, slug_warnings)


def corpus_of(inputs: Inputs, prepared, slug_warnings: list[str]) -> Corpus:
    rejected = {**inputs.rejected, **prepared.failed}
    warnings = inputs.warnings + slug_warnings + [f"{n}: {why}" for n, why in sorted(rejected.items())]
    warnings += [f"{a.source}: {w}" for a in prepared.articles for w in a.warnings]
    return Corpus(prepared.articles, inputs.settings, rejected, warnings, prepared.cached)


def read_and_clean(sources_dir: Path, cache_dir: Path | None, progress: bool = False) -> Corpus:
    """Stages 1 and 2: what `summarize` and `timeline` need (records are made as the analysers ask)."""
    store, workers = Store(cache_dir), Workers(progress=progress)
    try:
        return prepare(read_inputs(sources_dir), store, workers, records=False)
    finally:
        workers.close()
        store.close()


def analysed(inputs: Inputs, store: Store, workers: Workers, started: float) -> BuildReport:
    from .analyze import analyze
    corpus = prepare(inputs, store, workers, records=True)
    workers.close()  # the worker processes, each holding the entity model, are not needed any more
    dossier = analyze(corpus.articles, corpus.settings)
    for article in corpus.articles:
        article.analysis = None  # read by the analysers only: let go before the pages are rendered
    dossier.rejected = corpus.rejected
    return BuildReport(dossier=dossier, warnings=corpus.warnings + dossier.warnings, counts=count(dossier),
                       cached=corpus.cached, seconds=time.perf_counter() - started)


def assemble(sources_dir: Path, cache_dir: Path | None, progress: bool = False, dask: str | None = None) -> BuildReport:
    """Everything up to the analysed dossier."""
    started = time.perf_counter()
    store, workers = Store(cache_dir), Workers(dask, progress)
    try:
        return analysed(read_inputs(sources_dir), store, workers, started)
    finally:
        workers.close()
        store.close()


def count(dossier: Dossier) -> dict[str, int]:
    return {"sources": len(dossier.articles) + len(dossier.rejected), "articles": len(dossier.included),
            "excluded": len(dossier.articles) - len(dossier.included), "unreadable": len(dossier.rejected),
            "copies": len(dossier.syndication), "entities": len(dossier.entities), "events": len(dossier.events),
            "figures": len(dossier.figures)}


@contextmanager
def termination_deferred():
    """SIGTERM (the live preview cancelling a build it no longer needs) is ignored while pages are written,
    so a cancelled build stops before its write stage or after it, never in the middle."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(sources_dir: Path, docs_dir: Path, cache_dir: Path | None, progress: bool = True,
        dask: str | None = None, allow_empty: bool = False) -> BuildReport:
    """The build. A dossier that finds no source refuses to empty the pages of an earlier build (NoSources)
    unless `allow_empty`."""
    started = time.perf_counter()
    store, workers = Store(cache_dir), Workers(dask, progress)
    try:
        inputs = read_inputs(sources_dir)
        site_key, fingerprint = str(docs_dir.resolve()), inputs.fingerprint()
        last = load_site(store, site_key, fingerprint)
        if last is not None:
            entry, pages = last
            report = BuildReport(dossier=None, warnings=entry["warnings"], counts=entry["counts"],
                                 cached=len(inputs.sources), unchanged_inputs=True)
        else:
            from .preview import remember
            from .render import render_site
            report = analysed(inputs, store, workers, started)
            if not report.dossier.articles and not allow_empty and has_generated_pages(docs_dir):
                raise NoSources(describe_folder(sources_dir), report.warnings)
            pages = render_site(report.dossier)
            save_site(store, site_key, {"fingerprint": fingerprint, "warnings": report.warnings, "counts": report.counts},
                      pages)
            remember(store, docs_dir, inputs, report.dossier)
        with termination_deferred():
            report.written = write_site(pages, docs_dir)
        report.seconds = time.perf_counter() - started
        return report
    finally:
        workers.close()
        store.close()
