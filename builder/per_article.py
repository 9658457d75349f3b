"""The per-article stage: every source to its cleaned article and analysis record, cached by content.

All of it is a pure function of one source's bytes and the settings (the curator's corrections, the
lines it shares with other sources, the curated names), so it runs wherever `Workers` sends it: this
process, two local processes, or a Dask cluster. It goes in passes, each a map over chunks of what the
cache does not hold yet:
1. each text source's short lines (a line many sources share is site furniture);
2. cleaning;
3. the entity model over the distinct paragraphs (one that syndicated copies repeat is read once);
4. each article's analysis record (analyze/record.py), from its text and its paragraphs' spans.
A source whose cleaning or analysis raises is left out with the reason, which the build reports as a
warning naming the file; the rest builds. Only this process reads and writes the cache.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, TypeVar

from .analyze import record
from .analyze.mentions import Span, model_spans
from .cache import Store, cache_key, text_key
from .clean import CLEANER_VERSION, clean_source
from .clean.shared import find_shared_lines, line_keys
from .config import Settings
from .model import Article, Source
from .workers import Workers

LINES_CHUNK = 64
CLEAN_CHUNK = 16
SPANS_CHUNK = 256
RECORDS_CHUNK = 32
T = TypeVar("T")


@dataclass(frozen=True)
class Failure:
    """What an exception in one item's work said: the item is left out, and the build says why."""

    why: str


@dataclass
class Prepared:
    articles: list[Article]
    failed: dict[str, str] = field(default_factory=dict)
    cached: int = 0


def attempt(fn: Callable[..., T], *args) -> T | Failure:
    try:
        return fn(*args)
    except Exception as exc:  # any failure on one hostile input is that input's, not the build's
        return Failure(f"{type(exc).__name__}: {exc}")


def chunked(items: list[T], size: int) -> list[list[T]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def lines_chunk(sources: list[Source]) -> list[list[str]]:
    return [sorted(keys) if not isinstance(keys := attempt(line_keys, s), Failure) else [] for s in sources]


def clean_chunk(jobs: list[tuple[Source, frozenset[str]]]) -> list[Article | Failure]:
    return [attempt(clean_source, source, shared) for source, shared in jobs]


def spans_chunk(paragraphs: list[str]) -> list[list[tuple[int, int, str]] | Failure]:
    """The model's spans of each paragraph as plain tuples; when the batch fails, paragraph by paragraph."""
    def plain(spans: list[Span]) -> list[tuple[int, int, str]]:
        return [(s.start, s.end, s.label) for s in spans]
    batch = attempt(model_spans, paragraphs)
    if not isinstance(batch, Failure):
        return [plain(spans) for spans in batch]
    one = [attempt(model_spans, [p]) for p in paragraphs]
    return [spans if isinstance(spans, Failure) else plain(spans[0]) for spans in one]


def records_chunk(jobs: list[tuple[Article, list[list[Span]], tuple[str, ...]]]) -> list[record.ArticleRecord | Failure]:
    return [attempt(record.build_record, article, spans, curated) for article, spans, curated in jobs]


def flat_map(workers: Workers, fn: Callable, items: list, size: int, desc: str) -> list:
    """`fn` over `items` in chunks of `size`, the results in the items' order."""
    return [result for results in workers.map(fn, chunked(items, size), desc) for result in results]


def shared_lines(sources: list[Source], store: Store, workers: Workers) -> dict[str, frozenset[str]]:
    keys = [text_key("lines", s.sha256, s.format, CLEANER_VERSION) for s in sources]
    known = store.get_many("lines", keys)
    todo = [i for i, key in enumerate(keys) if key not in known]
    found = flat_map(workers, lines_chunk, [sources[i] for i in todo], LINES_CHUNK, "reading")
    fresh = {keys[i]: lines for i, lines in zip(todo, found)}
    store.put_many("lines", fresh)
    known.update(fresh)
    return find_shared_lines(sources, [set(known[key]) for key in keys])


def clean_all(sources: list[Source], store: Store, workers: Workers) -> tuple[Prepared, dict[str, str]]:
    """Every source cleaned (from the cache where its content is unchanged); and each article's cache key."""
    shared = shared_lines(sources, store, workers)
    keys = [cache_key(s, shared.get(s.name, frozenset()), CLEANER_VERSION) for s in sources]
    known = store.get_many("articles", keys)
    todo = [i for i, key in enumerate(keys) if key not in known]
    jobs = [(sources[i], shared.get(sources[i].name, frozenset())) for i in todo]
    cleaned = flat_map(workers, clean_chunk, jobs, CLEAN_CHUNK, "cleaning")
    prepared = Prepared(articles=[], cached=len(sources) - len(todo))
    for i, result in zip(todo, cleaned):
        if isinstance(result, Failure):
            prepared.failed[sources[i].name] = f"could not be cleaned ({result.why}); skipped"
        else:
            known[keys[i]] = result
    store.put_many("articles", {keys[i]: known[keys[i]] for i in todo if keys[i] in known})
    article_keys = {}
    for source, key in zip(sources, keys):
        if key in known:
            prepared.articles.append(known[key])
            article_keys[source.name] = key
    return prepared, article_keys


def paragraph_spans(paragraphs: list[str], store: Store, workers: Workers) -> dict[str, list[Span] | Failure]:
    """The model's spans of each distinct paragraph, from the cache or the model."""
    distinct = list(dict.fromkeys(paragraphs))
    keys = {p: text_key("spans", record.MODEL_VERSION, p) for p in distinct}
    known = store.get_many("spans", keys.values())
    found: dict[str, list | Failure] = {p: known[keys[p]] for p in distinct if keys[p] in known}
    todo = [p for p in distinct if p not in found]
    found.update(zip(todo, flat_map(workers, spans_chunk, todo, SPANS_CHUNK, "entity model")))
    store.put_many("spans", {keys[p]: found[p] for p in todo if not isinstance(found[p], Failure)})
    return {p: spans if isinstance(spans, Failure) else [Span(*s) for s in spans] for p, spans in found.items()}


def attach_records(prepared: Prepared, article_keys: dict[str, str], settings: Settings, store: Store,
                   workers: Workers) -> None:
    """Give every included article its analysis record (from the cache where its inputs are unchanged)."""
    curated = record.curated_names(settings)
    wanted = [a for a in prepared.articles if not a.excluded]
    keys = {a.source: record.record_key(article_keys[a.source], a, curated) for a in wanted}
    known = store.get_many("records", keys.values())
    todo = [a for a in wanted if keys[a.source] not in known]
    spans = paragraph_spans([p for a in todo for p in a.paragraphs], store, workers)
    jobs = []
    for article in todo:
        broken = next((s for p in article.paragraphs if isinstance(s := spans[p], Failure)), None)
        if broken:
            prepared.failed[article.source] = f"could not be analysed (entity model: {broken.why}); skipped"
        else:
            jobs.append((article, [spans[p] for p in article.paragraphs], curated))
    built = flat_map(workers, records_chunk, jobs, RECORDS_CHUNK, "analysing")
    for (article, _, _), result in zip(jobs, built):
        if isinstance(result, Failure):
            prepared.failed[article.source] = f"could not be analysed ({result.why}); skipped"
        else:
            known[keys[article.source]] = result
    store.put_many("records", {keys[a.source]: known[keys[a.source]] for a, _, _ in jobs if keys[a.source] in known})
    for article in wanted:
        article.analysis = known.get(keys[article.source])
    prepared.articles = [a for a in prepared.articles if a.source not in prepared.failed]
