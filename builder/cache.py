"""Per-source cache of cleaned articles, keyed by content: a rebuild re-cleans only what changed.

The key covers the source bytes, the curator's override, the lines shared with other sources and
the cleaner's own code, so editing any of them invalidates exactly the entries it affects.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from pathlib import Path

from .model import Article, Block, Capture, Removal, Source


def cache_key(source: Source, shared: frozenset[str], version: str) -> str:
    h = hashlib.sha256()
    for part in (source.sha256, source.name, repr(source.override), version, "\n".join(sorted(shared))):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def article_to_dict(article: Article) -> dict:
    return dataclasses.asdict(article)


def article_from_dict(data: dict) -> Article:
    data = dict(data)
    data["blocks"] = [Block(**b) for b in data["blocks"]]
    data["removed"] = [Removal(**r) for r in data["removed"]]
    data["capture"] = Capture(**data["capture"]) if data.get("capture") else None
    return Article(**data)


class ArticleCache:
    def __init__(self, root: Path | None):
        self.root = root

    def _path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Article | None:
        if self.root is None:
            return None
        try:
            return article_from_dict(json.loads(self._path(key).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, article: Article) -> None:
        if self.root is None:
            return
        path = self._path(key)
        temp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(article_to_dict(article), out, ensure_ascii=False)
            os.replace(temp, path)
        except OSError:
            if temp:
                Path(temp).unlink(missing_ok=True)  # a cache that cannot be written (a full disk) only costs time
