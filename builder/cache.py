"""The build cache in `.dossier-cache/`: tables keyed by content, so that a rebuild redoes only what changed.

One SQLite file (`cache.sqlite`), one table per kind of entry:
- `lines`: a text source's short lines, for the lines sources share (by source hash and cleaner code);
- `articles`: cleaned articles, by `cache_key` (source bytes, corrections, shared lines, cleaner code);
- `spans`: the entity model's spans of one paragraph, by its text and the model's version;
- `records`: analysis records (analyze/record.py), by `record.record_key`;
- `site`: what the last build of a docs folder was built from, its report, and the digest of each page;
- `pages`: the pages that build rendered, one row each (by docs folder and page path).
Values are pickled: the cache is written and read by the builder alone. Only the build's own process
opens it (workers, local or on Dask, get their inputs and return their results).
"""
from __future__ import annotations

import dataclasses
import hashlib
import pickle
import sqlite3
from pathlib import Path
from typing import Iterable

from .model import Article, Source

TABLES = ("lines", "articles", "spans", "records", "site", "pages")
BATCH = 500


def cache_key(source: Source, shared: frozenset[str], version: str) -> str:
    h = hashlib.sha256()
    for part in (source.sha256, source.name, repr(source.override), version, "\n".join(sorted(shared))):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def text_key(*parts: str) -> str:
    return hashlib.blake2b("\x00".join(parts).encode("utf-8"), digest_size=16).hexdigest()


def article_to_dict(article: Article) -> dict:
    """The cleaned article as plain data (without its analysis record)."""
    data = dataclasses.asdict(dataclasses.replace(article, analysis=None))
    del data["analysis"]
    return data


class Store:
    """Pickled values by key, table by table; with no folder, a store that keeps nothing."""

    def __init__(self, root: Path | None):
        self.db = None
        if root is not None:
            root.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(root / "cache.sqlite", timeout=60)
            for table in TABLES:
                self.db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB)")

    def get_many(self, table: str, keys: Iterable[str]) -> dict[str, object]:
        assert table in TABLES
        found: dict[str, object] = {}
        if self.db is None:
            return found
        keys = list(dict.fromkeys(keys))
        for start in range(0, len(keys), BATCH):
            part = keys[start:start + BATCH]
            rows = self.db.execute(f"SELECT key, value FROM {table} WHERE key IN ({','.join('?' * len(part))})", part)
            for key, value in rows:
                try:
                    found[key] = pickle.loads(value)
                except Exception:  # an entry written by other code: recomputed, like a missing one
                    continue
        return found

    def get(self, table: str, key: str) -> object | None:
        return self.get_many(table, [key]).get(key)

    def put_many(self, table: str, items: dict[str, object]) -> None:
        assert table in TABLES
        if self.db is None or not items:
            return
        try:
            with self.db:
                self.db.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)",
                                    ((k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items.items()))
        except sqlite3.Error:
            pass  # a cache that cannot be written (a full disk) only costs time on the next build

    def delete_many(self, table: str, keys: Iterable[str]) -> None:
        assert table in TABLES
        if self.db is None:
            return
        try:
            with self.db:
                self.db.executemany(f"DELETE FROM {table} WHERE key = ?", ((k,) for k in keys))
        except sqlite3.Error:
            pass  # a row left behind is never read: the site entry lists the pages of its build

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def page_key(site: str, path: str) -> str:
    return f"{site}\x00{path}"


def page_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def save_site(store: Store, site: str, entry: dict, pages: dict[str, bytes]) -> None:
    """The build of docs folder `site`: `entry` (what it was built from, its report) with each page's digest,
    and the pages one row each, only those that changed since the entry before (no value holds every page:
    pickling 200 MB of pages at once doubled the build's memory at 10,000 articles). The entry before is
    deleted first: a build killed while saving leaves no entry, so the next one saves every page again."""
    before = store.get("site", site)
    old = before.get("pages") if isinstance(before, dict) and isinstance(before.get("pages"), dict) else {}
    store.delete_many("site", [site])
    digests = {path: page_digest(data) for path, data in pages.items()}
    store.put_many("pages", {page_key(site, path): pages[path] for path in pages if old.get(path) != digests[path]})
    store.delete_many("pages", [page_key(site, path) for path in old if path not in pages])
    store.put_many("site", {site: {**entry, "pages": digests}})


def load_site(store: Store, site: str, fingerprint: str) -> tuple[dict, dict[str, bytes]] | None:
    """The entry and pages of the last build of `site` when it was built from `fingerprint`'s inputs, and
    every page is there as it was rendered; None otherwise."""
    entry = store.get("site", site)
    if not isinstance(entry, dict) or entry.get("fingerprint") != fingerprint or not isinstance(entry.get("pages"), dict):
        return None
    found = store.get_many("pages", [page_key(site, path) for path in entry["pages"]])
    pages = {path: found.get(page_key(site, path)) for path in entry["pages"]}
    if any(not isinstance(data, bytes) or page_digest(data) != entry["pages"][path] for path, data in pages.items()):
        store.delete_many("site", [site])  # so that the build this one becomes saves every page again
        return None
    return entry, pages
