"""Stage 1: sources/ -> Source objects (raw bytes, sha256, format, the curator's corrections).

The only stage besides write.py that does I/O. It decides nothing about content: it finds files,
checks they are readable and not absurd, and attaches the sidecar/manifest overrides.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import os
import zlib
from collections import Counter
from pathlib import Path

from . import config
from .model import Override, Source

FORMATS = {".txt": "text", ".text": "text", ".md": "text", ".markdown": "text", ".html": "html", ".htm": "html",
           ".xhtml": "html"}
CURATOR_FILES = {"dossier.yml", "aliases.yml", "articles.json"}
SIDECAR_SUFFIXES = (".yml", ".yaml")
IGNORED_SUFFIXES = (".json", ".gitkeep")
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz", ".wacz")
MAX_BYTES = 20 * 1024 * 1024
# Hidden names that are the tools' own, skipped without a word; any other hidden file or folder gets a warning.
QUIET_HIDDEN = {".git", ".gitkeep", ".gitignore", ".gitattributes", ".DS_Store", ".dossier-cache"}
# Bytes no text file holds (C0 controls but tab, newlines, form feed, escape), and the zlib ratio above which
# a sample is random or compressed data: real pages in every language of the benchmarks stay under 0.63.
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")
MAX_CONTROL_SHARE = 0.01
MAX_COMPRESSION_RATIO = 0.85
SAMPLE_BYTES = 65536
WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")


class NoSources(Exception):
    """The sources folder gave no usable source, and the build would have wiped the existing pages."""

    def __init__(self, message: str, warnings: list[str]):
        super().__init__(message)
        self.warnings = warnings


def source_format(name: str) -> str | None:
    """'text' or 'html' from the file name (a trailing .gz is looked through), None when unknown."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return FORMATS.get(Path(lower).suffix)


def _decompress(data: bytes, label: str) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"{label}: not a valid gzip file ({exc})") from exc
    if len(out) > MAX_BYTES:
        raise ValueError(f"{label}: larger than {MAX_BYTES // 2**20} MiB once uncompressed; skipped")
    return out


def read_source(path: Path, name: str, override: Override) -> Source:
    """Read one file; raises ValueError with a message naming the file when it cannot be used."""
    fmt = source_format(name)
    if fmt is None:
        raise ValueError(f"{name}: unknown file type (expected one of {', '.join(sorted(FORMATS))}, or .gz); skipped")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"{name}: {size // 2**20} MiB is larger than the {MAX_BYTES // 2**20} MiB limit; skipped")
    data = path.read_bytes()
    if name.lower().endswith(".gz"):
        data = _decompress(data, name)
    if not data.strip():
        raise ValueError(f"{name}: empty file; skipped")
    why = not_text(data)
    if why:
        raise ValueError(f"{name}: not text: {why}; skipped")
    return Source(name=name, data=data, sha256=hashlib.sha256(data).hexdigest(), format=fmt, override=override)


def not_text(data: bytes) -> str | None:
    """Why bytes are no text or HTML page (binary data, random noise), or None when they could be one."""
    if data.startswith(WIDE_BOMS):
        return None
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample[:8192]:
        return "binary data (it holds NUL bytes)"
    if sum(sample.count(byte) for byte in CONTROL_BYTES) > MAX_CONTROL_SHARE * len(sample):
        return "binary data (too many control characters)"
    if len(sample) >= 1024 and len(zlib.compress(sample, 1)) > MAX_COMPRESSION_RATIO * len(sample):
        return "random or compressed data (it does not compress as text does)"
    return None


def _is_curator_file(rel: str) -> bool:
    name = Path(rel).name
    return name in CURATOR_FILES or name.lower().endswith(SIDECAR_SUFFIXES + IGNORED_SUFFIXES + ARCHIVE_SUFFIXES)


def walk_sources(root: Path) -> tuple[list[str], list[str]]:
    """Relative POSIX paths of every candidate source file, sorted, and a warning for each symbolic link and
    hidden file or folder skipped (a link may point anywhere on the machine, so none is followed)."""
    names: list[str] = []
    skipped: list[str] = []

    def visit(folder: Path, prefix: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(f"{prefix or './'}: cannot read this folder ({exc.strerror}); skipped")
            return
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_symlink():
                skipped.append(f"{rel}: a symbolic link, not followed; skipped (copy the file or folder in instead)")
            elif entry.name.startswith("."):
                if entry.name not in QUIET_HIDDEN:
                    what = "folder" if entry.is_dir() else "file"
                    skipped.append(f"{rel}: a hidden {what}; skipped (rename it without the leading dot to use it)")
            elif entry.is_dir():
                visit(Path(entry.path), rel + "/")
            elif entry.is_file():
                names.append(rel)

    visit(root, "")
    return sorted(names), skipped


def _folders(names: list[str]) -> str:
    """'in articles/', 'in articles/x/ and 2 other folders', 'at its top level'."""
    folders = Counter(f"{Path(n).parent.as_posix()}/" if "/" in n else "" for n in names)
    top = max(folders, key=lambda f: (folders[f], f))
    where = f"in {top}" if top else "at its top level"
    return where + (f" and {len(folders) - 1} other folder{'s' if len(folders) > 2 else ''}" if len(folders) > 1 else "")


def _counted(count: int, what: str) -> str:
    return f"{count} {what}{'' if count == 1 else 's'}"


def describe_folder(root: Path) -> str:
    """Where a build looked and what it found there, for a build that found no usable source."""
    names, skipped = walk_sources(root)
    curator = [n for n in names if _is_curator_file(n)]
    typed = [n for n in names if n not in curator and source_format(n)]
    found = []
    if (root / "articles.json").is_file():
        listed = list(config.load_manifest(root / "articles.json", "articles.json")[0])
        present = [n for n in listed if n in typed]
        found.append(f"articles.json lists {_counted(len(listed), 'file')}" + (f" {_folders(listed)}" if listed else "")
                     + f", {len(present) or 'none'} of {'them' if len(listed) != 1 else 'it'} there"
                     + (" and none usable (see the warnings)" if present else ""))
        typed = [n for n in typed if n not in listed] if listed else typed
        if typed:
            found.append(f"{_counted(len(typed), 'source file')} {_folders(typed)}, which articles.json does not list")
    elif typed:
        found.append(f"{_counted(len(typed), 'source file')} {_folders(typed)}, none of them usable (see the warnings)")
    untyped = [n for n in names if n not in curator and not source_format(n)]
    if untyped:
        found.append(f"{_counted(len(untyped), 'file')} of no source type (such as {untyped[0]})")
    if skipped:
        found.append(f"{_counted(len(skipped), 'symbolic link or hidden file')}, skipped")
    if curator and not found:
        found.append(f"only curator files ({', '.join(curator[:3])})")
    looked = f"{root.resolve()} and its sub-folders, for {', '.join(sorted(FORMATS))} files (or .gz)"
    return f"no usable source in {looked}: " + ("; ".join(found) if found else "it is empty")


def _override_for(root: Path, name: str, manifest: dict[str, Override], errors: list[str]) -> Override:
    for suffix in SIDECAR_SUFFIXES:
        sidecar = root / (name + suffix)
        if sidecar.is_file():
            override, sidecar_errors = config.load_sidecar(sidecar, name + suffix)
            errors += sidecar_errors
            base = manifest.get(name)
            return _merge(base, override) if base else override
    return manifest.get(name, Override())


def _merge(base: Override, top: Override) -> Override:
    """A sidecar's keys win over the manifest's."""
    fields = {k: getattr(top, k) or getattr(base, k) for k in ("title", "outlet", "agency", "author", "published",
                                                              "url", "language")}
    return Override(exclude=top.exclude or base.exclude, title_line=base.title_line, origin=top.origin,
                    capture=top.capture, hints=top.hints, **fields)


def read_sources(root: Path) -> tuple[list[Source], dict[str, str], list[str]]:
    """Every usable source under root, the files that could not be used (name -> why), and config errors.

    With an articles.json manifest, only the files it lists are sources: a case folder also holds
    reference summaries and notes (summary.txt, references/, topic.txt) that are not articles.
    """
    warnings: list[str] = []
    rejected: dict[str, str] = {}
    manifest: dict[str, Override] = {}
    if (root / "articles.json").is_file():
        manifest, manifest_errors = config.load_manifest(root / "articles.json", "articles.json")
        warnings += manifest_errors
    sources = []
    unlisted = []
    names, skipped = walk_sources(root)
    warnings += skipped
    for name in names:
        if _is_curator_file(name):
            continue
        if manifest and name not in manifest:
            unlisted.append(name)
            continue
        override = _override_for(root, name, manifest, warnings)
        try:
            sources.append(read_source(root / name, name, override))
        except (ValueError, OSError) as exc:
            rejected[name] = str(exc).removeprefix(f"{name}: ")
    for name in sorted(set(manifest) - {s.name for s in sources}):
        if name not in names:
            warnings.append(f"articles.json: lists {name!r}, which is not in the sources folder")
    if unlisted:
        shown = ", ".join(unlisted[:5]) + (f" and {len(unlisted) - 5} more" if len(unlisted) > 5 else "")
        warnings.append(f"articles.json: {len(unlisted)} files it does not list were left out: {shown}")
    return sources, rejected, warnings
