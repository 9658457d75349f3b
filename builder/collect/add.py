"""Adding pages to sources/: by address, from a feed's links, or out of a web archive; one outcome per item."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from ..model import Capture, Hints
from .feed import FeedEntry, read_feed
from .fetch import FEED, PAGE_TYPES, Fetcher, FetchError, web_url
from .limits import Limits
from .naming import NAME_HEAD_BYTES, page_stem
from .store import Pending, SourceStore
from .warc import archive_records

ADDED, PRESENT, SKIPPED, FAILED, READ = "added", "present", "skipped", "failed", "read"
PROGRESS_FROM = 5
HTML_SUFFIX = ".html"


@dataclass(frozen=True)
class Outcome:
    """What became of one item: `added` (detail: the new file), `present` (the file that has it already),
    `skipped` (not a page: a revisit, an image...), `failed` (the reason) or, for a feed, `read`."""

    item: str
    status: str
    detail: str


def read_url_file(path: Path) -> list[str]:
    """One address a line; blank lines and `#` comments (whole lines, or after a space) are left out."""
    urls = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        text = line.split(" #", 1)[0].strip()
        if text and not text.startswith("#"):
            urls.append(text)
    return urls


class Collector:
    """One `add` run: the sources folder it adds to and the HTTP client it fetches with."""

    def __init__(self, sources: Path, limits: Limits = Limits()):
        self.store = SourceStore(sources, limits.max_bytes)
        self.fetcher = Fetcher(limits)

    def __enter__(self) -> Collector:
        return self

    def __exit__(self, *exc) -> None:
        self.fetcher.close()

    def add_url(self, url: str, hints: Hints | None = None) -> Outcome:
        try:
            address = str(web_url(url))
        except FetchError as exc:
            return Outcome(url, FAILED, str(exc))
        already = self.store.present(address)
        if already:
            return Outcome(url, PRESENT, f"already in sources as {already}")
        with self.store.receiving() as pending:
            try:
                capture = self.fetcher.fetch(address, pending)
                return self._keep(url, pending, capture, hints, PAGE_TYPES[capture.content_type or ""])
            except (FetchError, ValueError, OSError) as exc:
                return Outcome(url, FAILED, str(exc))

    def feed_entries(self, feed_url: str) -> list[FeedEntry]:
        """The pages a feed links to, with its hints; FetchError or ValueError when it cannot be read."""
        with self.store.receiving() as pending:
            capture = self.fetcher.fetch(feed_url, pending, FEED)
            pending.finish()
            return read_feed(pending.path.read_bytes(), capture.final_url, capture.content_type)

    def add_archive(self, path: Path) -> Iterator[Outcome]:
        """Every HTML page with status 200 in a WARC, ARC or WACZ file; the rest skipped, each with its reason."""
        records = 0
        try:
            for records, record in enumerate(archive_records(path), 1):
                uri, capture = record.uri, record.capture
                if capture is None:
                    yield Outcome(uri, SKIPPED, record.reason or "not a page")
                    continue
                already = self.store.present(capture.final_url)
                if already:
                    yield Outcome(uri, PRESENT, f"already in sources as {already}")
                    continue
                with self.store.receiving() as pending:
                    try:
                        record.copy_to(pending)
                        outcome = self._keep(uri, pending, capture, None, HTML_SUFFIX)
                    except (ValueError, OSError) as exc:
                        outcome = Outcome(uri, FAILED, str(exc))
                yield outcome
        except ValueError as exc:
            yield Outcome(str(path), FAILED, str(exc))
            return
        if not records:
            yield Outcome(str(path), FAILED, "no HTTP response in it: is it a WARC, ARC or WACZ file?")

    def _keep(self, item: str, pending: Pending, capture: Capture, hints: Hints | None, suffix: str) -> Outcome:
        pending.finish()
        with pending.path.open("rb") as received:
            head = received.read(NAME_HEAD_BYTES)
        stem = page_stem(head, suffix, capture.final_url, capture.charset, hints.title if hints else None)
        kept = self.store.keep(pending, capture, hints, stem, suffix)
        if kept.duplicate:
            return Outcome(item, PRESENT, f"already in sources as {kept.name} (same address or same bytes)")
        return Outcome(item, ADDED, kept.name)


def _bar(total: int | None, unit: str, progress: bool) -> tqdm:
    shown = progress and (total is None or total >= PROGRESS_FROM)
    return tqdm(total=total, desc="adding", unit=unit, file=sys.stderr, disable=not shown, leave=False)


def add_all(collector: Collector, urls: list[str], feeds: list[str], archives: list[Path],
            progress: bool = True) -> Iterator[Outcome]:
    """Every address, then every feed's links, then every archive's pages, with a progress bar for long lists."""
    pages: list[tuple[str, Hints | None]] = [(url, None) for url in urls]
    for feed in feeds:
        try:
            entries = collector.feed_entries(feed)
        except (FetchError, ValueError) as exc:
            yield Outcome(feed, FAILED, str(exc))
            continue
        yield Outcome(feed, READ, f"{len(entries)} linked pages")
        pages += [(entry.url, entry.hints) for entry in entries]
    with _bar(len(pages), "page", progress) as bar:
        for url, hints in pages:
            yield collector.add_url(url, hints)
            bar.update(1)
    for archive in archives:
        with _bar(None, "record", progress) as bar:
            for outcome in collector.add_archive(archive):
                yield outcome
                bar.update(1)
