"""The one place that writes into sources/: a page and its sidecar, atomically, never over an existing file.

A page is received into a hidden temporary file in the sources folder (the build skips hidden files), its
sha256 computed as it arrives. Only when it is complete, not already present (by address or by content
hash) and readable as a source are the page and its sidecar linked into place under names nobody holds
yet (`os.link` fails rather than replace), and the temporary files removed. Any failure or interruption
before that removes them: nothing partial is left behind.
"""
from __future__ import annotations

import dataclasses
import hashlib
import itertools
import os
import secrets
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import config, read
from ..model import Capture, Hints, Override

PART_PREFIX = ".dossier-add-"
SIDECAR_HEADER = "# Written by `python -m builder add`: where and when this page was captured (see the README).\n"


class TooLarge(ValueError):
    pass


def _hidden_file(directory: Path) -> tuple[Path, int]:
    """A new hidden temporary file, with the permissions of any file the user creates (umask applies)."""
    while True:
        path = directory / f"{PART_PREFIX}{secrets.token_hex(8)}.part"
        try:
            return path, os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue


class Pending:
    """A page being received: a hidden temporary file, with its running sha256 and size."""

    def __init__(self, directory: Path, max_bytes: int):
        self.path, handle = _hidden_file(directory)
        self.size = 0
        self.max_bytes = max_bytes
        self._file = os.fdopen(handle, "wb")
        self._hash = hashlib.sha256()

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.max_bytes:
            raise TooLarge(f"larger than the {self.max_bytes / 2**20:g} MiB limit; stopped receiving")
        self._hash.update(chunk)
        self._file.write(chunk)

    def finish(self) -> str:
        """Flush the file to disk and return the sha256 of its bytes."""
        if not self._file.closed:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
        return self._hash.hexdigest()

    def discard(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)


def normalise_url(url: str) -> str:
    """The form two addresses of one page share: scheme and host lower-cased, no fragment, no default port."""
    parts = urllib.parse.urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, {"http": 80, "https": 443}.get(parts.scheme.lower())) else None
    netloc = f"{host}:{port}" if port else host
    return urllib.parse.urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


@dataclass
class SourceIndex:
    """What sources/ already holds: the address and content hash of every source."""

    by_url: dict[str, str] = field(default_factory=dict)
    by_hash: dict[str, str] = field(default_factory=dict)

    def note(self, name: str, sha256: str, urls: list[str | None]) -> None:
        self.by_hash.setdefault(sha256, name)
        for url in filter(None, urls):
            self.by_url.setdefault(normalise_url(url), name)


def _override_urls(override: Override) -> list[str | None]:
    capture = override.capture
    return [override.url] + ([capture.requested_url, capture.final_url] if capture else [])


def scan_sources(root: Path) -> SourceIndex:
    """Hash every source as the build reads it, one file in memory at a time, and collect the addresses its
    sidecar or the manifest give (errors in those are the build's to report)."""
    index = SourceIndex()
    manifest = config.load_manifest(root / "articles.json", "articles.json")[0] if (root / "articles.json").is_file() else {}
    for name in read.walk_sources(root)[0]:
        if read._is_curator_file(name):
            continue
        try:
            source = read.read_source(root / name, name, Override())
        except (ValueError, OSError):
            continue
        index.note(name, source.sha256, _override_urls(read._override_for(root, name, manifest, [])))
    return index


def sidecar_text(capture: Capture, hints: Hints | None) -> str:
    """The sidecar YAML for a captured page, keys in the README's order; checked against the schema it must pass."""
    data = {"capture": {k: getattr(capture, k) for k in config.CAPTURE_KEYS if getattr(capture, k) is not None}}
    if hints is not None:
        data["hints"] = {k: getattr(hints, k) for k in config.HINT_KEYS if getattr(hints, k) is not None}
    text = SIDECAR_HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    _, errors = config.parse_override(yaml.safe_load(text), {}, "sidecar")
    if errors:
        raise ValueError(f"cannot record the capture: {errors[0]}")
    return text


def _write_hidden(directory: Path, text: str) -> Path:
    path, handle = _hidden_file(directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


@dataclass(frozen=True)
class Kept:
    name: str
    duplicate: bool = False


class SourceStore:
    """A sources folder that pages are added to (created if missing), with what it already holds."""

    def __init__(self, root: Path, max_bytes: int = read.MAX_BYTES):
        root.mkdir(parents=True, exist_ok=True)
        self.root = root
        self.max_bytes = max_bytes
        self.index = scan_sources(root)

    def present(self, *urls: str | None) -> str | None:
        """The source already taken from one of these addresses, if any."""
        for url in filter(None, urls):
            name = self.index.by_url.get(normalise_url(url))
            if name:
                return name
        return None

    @contextmanager
    def receiving(self) -> Iterator[Pending]:
        """A temporary file to receive a page into; removed on leaving, whatever happened (kept pages are links)."""
        pending = Pending(self.root, self.max_bytes)
        try:
            yield pending
        finally:
            pending.discard()

    def keep(self, pending: Pending, capture: Capture, hints: Hints | None, stem: str, suffix: str) -> Kept:
        """Store a completely received page and its sidecar, unless it is already there by address or content."""
        digest = pending.finish()
        duplicate = self.index.by_hash.get(digest) or self.present(capture.requested_url, capture.final_url)
        if duplicate:
            return Kept(duplicate, duplicate=True)
        read.read_source(pending.path, stem + suffix, Override())
        capture = dataclasses.replace(capture, sha256=digest)
        sidecar = _write_hidden(self.root, sidecar_text(capture, hints))
        try:
            name = self._link_new(pending.path, sidecar, stem, suffix)
        finally:
            sidecar.unlink(missing_ok=True)
        self.index.note(name, digest, [capture.requested_url, capture.final_url])
        return Kept(name)

    def _link_new(self, page: Path, sidecar: Path, stem: str, suffix: str) -> str:
        """Link the page and its sidecar in under the first free name: stem.html, stem-2.html, ..."""
        for number in itertools.count(1):
            name = f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}"
            target = self.root / name
            if any((self.root / (name + s)).exists() for s in read.SIDECAR_SUFFIXES):
                continue
            try:
                os.link(page, target)
            except FileExistsError:
                continue
            try:
                os.link(sidecar, self.root / (name + read.SIDECAR_SUFFIXES[0]))
            except FileExistsError:
                target.unlink()
                continue
            except BaseException:
                target.unlink()
                raise
            return name
        raise AssertionError("itertools.count() does not end")
