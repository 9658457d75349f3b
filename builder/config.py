"""The curator's files in sources/: declared schemas, validated on load, every error reported together.

- `NAME.yml` beside a source file NAME: corrections for that source (see OVERRIDE_KEYS).
- `articles.json`: a manifest, one entry per source file (a spreadsheet export; the events bench layout).
- `dossier.yml`: the dossier's own settings (see DOSSIER_KEYS).
- `aliases.yml`: spellings only a human knows to be one entity: `Canonical name: [alias, alias]`.

Errors name the file, the key and the line, and never stop the build: the offending file is ignored.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from .model import Capture, Hints, Override

OVERRIDE_KEYS: dict[str, str] = {
    "title": "the headline, when the cleaner picked the wrong line",
    "outlet": "the publication that ran the article (e.g. Ahram Online)",
    "agency": "the wire agency the story comes from (e.g. AFP, Reuters)",
    "author": "the journalist; leave unset for agency copy",
    "published": "publication date, YYYY-MM-DD",
    "url": "where the article was published (http or https)",
    "language": "ISO 639-1 language code, e.g. en",
    "exclude": "true to leave the source out of the dossier (it stays listed in the source index)",
    "capture": "where and when the file was taken from the web: written by `add` (keys below)",
    "hints": "what a feed said about the article: written by `add --feed`, used only where the page says nothing",
}

CAPTURE_KEYS: dict[str, str] = {
    "requested_url": "the address that was asked for",
    "final_url": "the address the bytes came from, after redirects (required)",
    "status": "the HTTP status of that response, e.g. 200",
    "content_type": "the media type the server declared, e.g. text/html",
    "charset": "the character set the server declared (the cleaner decodes bytes that are not UTF-8 with it)",
    "captured_at": "when the bytes were received, UTC, YYYY-MM-DDTHH:MM:SSZ (required)",
    "sha256": "sha256 of the bytes received, which are the source file's bytes",
    "date": "the server's `Date` header",
    "last_modified": "the server's `Last-Modified` header",
    "etag": "the server's `ETag` header",
    "archive": "the web archive (WARC or WACZ file name) the page was imported from",
}

HINT_KEYS: dict[str, str] = {
    "feed": "the feed that linked to the article",
    "title": "the title the feed gives the entry",
    "published": "the entry's date in the feed, YYYY-MM-DD",
    "author": "the entry's author in the feed",
}

DOSSIER_KEYS: dict[str, str] = {
    "title": "the dossier's title, shown as the site's home page heading",
    "summary_words": "how many words the generated overview may have (default 250)",
    "entities": "names that get an entity page even when only one article mentions them",
}

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# libyaml's safe loader when PyYAML has it (its wheels do): 7x faster on the sidecars of a large dossier.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SHA256 = re.compile(r"^[0-9a-f]{64}$")
# The days a news dossier can speak of: earlier or later ones are slips (0001-01-01, 9999-12-31), and would
# break the date arithmetic of the timeline and the coverage chart.
EARLIEST, LATEST = dt.date(1800, 1, 1), dt.date(2100, 12, 31)
WINDOWS_ABSOLUTE = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\)")


@dataclass
class Settings:
    title: str | None = None
    summary_words: int = 250
    entities: list[str] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)


class ConfigError(Exception):
    pass


def _node_lines(node: yaml.Node) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}


def load_yaml_mapping(path: Path, label: str) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse a YAML mapping, returning it with the line of each key. Raises ConfigError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{label}: cannot read: {exc}") from exc
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{label}{where}: not valid YAML: {problem}") from exc
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ConfigError(f"{label}:1: expected a mapping of keys to values, found {type(data).__name__}")
    return data, _node_lines(node)


def _as_text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def utc_timestamp(value: Any) -> str | None:
    """A timestamp (a YAML datetime or ISO 8601 text) as UTC `YYYY-MM-DDTHH:MM:SSZ`; None when it is not one."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if not isinstance(value, dt.datetime):
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc)
    return value.replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def _check_record_field(key: str, value: Any) -> tuple[Any, str | None]:
    """One key of a `capture` or `hints` mapping."""
    if key in ("requested_url", "final_url", "feed"):
        return _check_value("url", value)
    if key == "status":
        ok = isinstance(value, int) and not isinstance(value, bool) and 100 <= value <= 599
        return (value, None) if ok else (None, "must be an HTTP status code such as 200")
    if key == "captured_at":
        stamp = utc_timestamp(value)
        return (stamp, None) if stamp else (None, "must be a UTC time written YYYY-MM-DDTHH:MM:SSZ")
    if key == "sha256":
        ok = isinstance(value, str) and SHA256.match(value)
        return (value, None) if ok else (None, "must be 64 lowercase hexadecimal digits")
    return _check_value(key, value)


def _check_record(value: Any, keys: dict[str, str], required: tuple[str, ...]) -> tuple[dict | None, str | None]:
    """A nested mapping (`capture`, `hints`): known keys only, each valid, the required ones present."""
    if not isinstance(value, dict):
        return None, f"must be a mapping with the keys {', '.join(keys)}"
    fields = {}
    for key, raw in value.items():
        if key not in keys:
            return None, f"has an unknown key {key!r} (allowed: {', '.join(keys)})"
        if raw is None:
            continue
        clean, error = _check_record_field(key, raw)
        if error:
            return None, f"has {key!r}, which {error}"
        fields[key] = clean
    missing = [k for k in required if k not in fields]
    return (None, f"needs {' and '.join(map(repr, missing))}") if missing else (fields, None)
def _check_date(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str) and ISO_DATE.match(value.strip()):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            return None, f"{value!r} is not a real date"
    if not isinstance(value, dt.date):
        return None, "must be a date written YYYY-MM-DD"
    if not EARLIEST <= value <= LATEST:
        return None, (f"{value.isoformat()} is outside the years a dossier can have "
                      f"({EARLIEST.year} to {LATEST.year}): a typing slip?")
    return value.isoformat(), None


def _check_value(key: str, value: Any) -> tuple[Any, str | None]:
    """Return (clean value, error) for one override key."""
    if key in ("capture", "hints"):
        required = ("final_url", "captured_at") if key == "capture" else ()
        fields, error = _check_record(value, CAPTURE_KEYS if key == "capture" else HINT_KEYS, required)
        if error:
            return None, error
        return (Capture(**fields) if key == "capture" else Hints(**fields)), None
    if key == "exclude":
        if isinstance(value, bool):
            return value, None
        return None, "must be true or false"
    if key == "published":
        return _check_date(value)
    if key == "url":
        text = _as_text(value)
        if text and re.match(r"^https?://\S+$", text):
            return text, None
        return None, "must be an http:// or https:// address"
    if key == "language":
        text = _as_text(value)
        if text and re.match(r"^[a-z]{2,3}$", text):
            return text, None
        return None, "must be a language code such as en"
    text = _as_text(value)
    if text is None:
        return None, "must be non-empty text"
    return text, None


def parse_override(data: dict[str, Any], lines: dict[str, int], label: str) -> tuple[Override, list[str]]:
    """Validate one source's corrections; unknown keys and bad values are errors, valid keys still apply."""
    values: dict[str, Any] = {}
    errors = []
    for key, raw in data.items():
        line = lines.get(str(key), 1)
        if key not in OVERRIDE_KEYS:
            errors.append(f"{label}:{line}: unknown key {key!r} (allowed: {', '.join(OVERRIDE_KEYS)})")
            continue
        value, error = _check_value(key, raw)
        if error:
            errors.append(f"{label}:{line}: key {key!r} {error}")
        else:
            values[key] = value
    return Override(origin=label, **values), errors


def load_sidecar(path: Path, label: str) -> tuple[Override, list[str]]:
    try:
        data, lines = load_yaml_mapping(path, label)
    except ConfigError as exc:
        return Override(), [str(exc)]
    return parse_override(data, lines, label)


MANIFEST_FIELDS = {"file", "title", "title_line", "source", "outlet", "agency", "author", "url", "date",
                   "published", "doc_id", "exclude", "language"}


def manifest_path(file: str) -> tuple[str | None, str | None]:
    """An entry's file as a relative POSIX path inside the sources folder ('./a.txt' is 'a.txt'), or an error."""
    path = PurePosixPath(file.strip())
    if path.is_absolute() or WINDOWS_ABSOLUTE.match(file.strip()):
        return None, f"file {file!r} is an absolute path; only files inside the sources folder are read"
    if ".." in path.parts:
        return None, f"file {file!r} is outside the sources folder; only files inside it are read"
    if not path.parts:
        return None, "needs a 'file' key naming the source file"
    return path.as_posix(), None


def _manifest_entry(entry: Any, index: int, label: str) -> tuple[str | None, Override, list[str]]:
    where = f"{label}: entry {index + 1}"
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
        return None, Override(), [f"{where}: needs a 'file' key naming the source file"]
    file, problem = manifest_path(entry["file"])
    if problem:
        return None, Override(), [f"{where}: {problem}"]
    errors = [f"{where}: unknown key {k!r}" for k in entry if k not in MANIFEST_FIELDS]
    mapped = {
        "title": entry.get("title"), "outlet": entry.get("outlet") or entry.get("source"),
        "agency": entry.get("agency"), "author": entry.get("author"), "url": entry.get("url"),
        "published": entry.get("published") or entry.get("date"), "language": entry.get("language"),
        "exclude": entry.get("exclude"),
    }
    values = {}
    for key, raw in mapped.items():
        if raw is None:
            continue
        value, error = _check_value(key, raw)
        if error:
            errors.append(f"{where} ({file}): key {key!r} {error}")
        else:
            values[key] = value
    title_line = bool(entry.get("title_line"))
    return file, Override(origin=label, title_line=title_line, **values), errors


def load_manifest(path: Path, label: str) -> tuple[dict[str, Override], list[str]]:
    """Read articles.json: a list of {file, title, source, date, url, ...} objects."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, [f"{label}: not valid JSON: {exc}"]
    if not isinstance(data, list):
        return {}, [f"{label}: expected a list of article entries"]
    overrides: dict[str, Override] = {}
    errors: list[str] = []
    for index, entry in enumerate(data):
        name, override, entry_errors = _manifest_entry(entry, index, label)
        errors += entry_errors
        if name:
            overrides[name] = override
    return overrides, errors


def _string_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return [v.strip() for v in value]
    return None


def load_aliases(path: Path, label: str) -> tuple[dict[str, list[str]], list[str]]:
    try:
        data, lines = load_yaml_mapping(path, label)
    except ConfigError as exc:
        return {}, [str(exc)]
    aliases, errors = {}, []
    for key, value in data.items():
        names = _string_list(value)
        if names is None:
            errors.append(f"{label}:{lines.get(str(key), 1)}: key {key!r} must list its aliases, e.g. [Isis, Daesh]")
        else:
            aliases[str(key).strip()] = names
    return aliases, errors


def load_settings(sources: Path) -> tuple[Settings, list[str]]:
    """Read dossier.yml and aliases.yml from the sources folder (both optional)."""
    settings, errors = Settings(), []
    path = sources / "dossier.yml"
    if path.is_file():
        try:
            data, lines = load_yaml_mapping(path, "dossier.yml")
        except ConfigError as exc:
            data, lines = {}, {}
            errors.append(str(exc))
        for key, value in data.items():
            where = f"dossier.yml:{lines.get(str(key), 1)}: key {key!r}"
            if key not in DOSSIER_KEYS:
                errors.append(f"{where} is unknown (allowed: {', '.join(DOSSIER_KEYS)})")
            elif key == "title" and _as_text(value):
                settings.title = _as_text(value)
            elif key == "summary_words" and isinstance(value, int) and not isinstance(value, bool) and 20 <= value <= 5000:
                settings.summary_words = value
            elif key == "entities" and _string_list(value) is not None:
                settings.entities = _string_list(value) or []
            else:
                errors.append(f"{where} has a bad value: {DOSSIER_KEYS[key]}")
    alias_path = sources / "aliases.yml"
    if alias_path.is_file():
        settings.aliases, alias_errors = load_aliases(alias_path, "aliases.yml")
        errors += alias_errors
    return settings, errors
