"""Stage 1: sources/ -> Source objects (raw bytes, sha256, format, the curator's corrections).

The only stage besides write.py that does I/O. It decides nothing about content: it finds files,
checks they are readable and not absurd, and attaches the sidecar/manifest overrides.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import zlib
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
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError(f"{name}: binary data, not text or HTML; skipped")
    return Source(name=name, data=data, sha256=hashlib.sha256(data).hexdigest(), format=fmt, override=override)


def _is_curator_file(rel: str) -> bool:
    name = Path(rel).name
    return name in CURATOR_FILES or name.lower().endswith(SIDECAR_SUFFIXES + IGNORED_SUFFIXES + ARCHIVE_SUFFIXES)


def list_source_files(root: Path) -> list[str]:
    """Relative POSIX paths of every candidate source file, sorted; hidden files and folders skipped."""
    names = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file() or path.is_symlink():
            continue
        names.append(rel.as_posix())
    return sorted(names)


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
    for name in list_source_files(root):
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
        if not (root / name).exists():
            warnings.append(f"articles.json: lists {name!r}, which is not in the sources folder")
    if unlisted:
        shown = ", ".join(unlisted[:5]) + (f" and {len(unlisted) - 5} more" if len(unlisted) > 5 else "")
        warnings.append(f"articles.json: {len(unlisted)} files it does not list were left out: {shown}")
    return sources, rejected, warnings
