"""Stage 5: the only code that touches docs/.

- A file is written only when its bytes change (mkdocs serve rebuilds on any write), atomically.
- `.dossier-state.json` records the hash of every file and editable section as last generated, so a
  person's edit is recognised: an edited page is left alone, an edited section of a sectioned page is
  kept while the other sections are refreshed, and pages whose source went away are removed only when
  nobody edited them. Files the builder never wrote are never touched.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

STATE_FILE = ".dossier-state.json"
SECTION = re.compile(r"<!-- dossier:section (?P<name>[\w-]+) -->\n(?P<body>.*?)\n<!-- dossier:end (?P=name) -->",
                     re.S)


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sections(text: str) -> dict[str, str]:
    return {m["name"]: m["body"] for m in SECTION.finditer(text)}


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomically replace `path` with `data` unless it already holds exactly those bytes."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return True


def load_state(docs: Path) -> dict[str, dict]:
    try:
        state = json.loads((docs / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def merge_edited_sections(path: str, current: str, new: str, record: dict, report: WriteReport) -> tuple[str, dict]:
    """The new page with every section the curator changed put back; returns it and the section hashes.

    An emptied section counts as unedited, so a curator hands a section back by deleting its text.
    """
    known = record.get("sections", {})
    theirs = sections(current)
    hashes: dict[str, str] = {}

    def choose(match: re.Match[str]) -> str:
        name, body = match["name"], match["body"]
        mine = theirs.get(name)
        if mine is not None and mine.strip() and digest(mine) != known.get(name):
            hashes[name] = known.get(name, "")
            report.kept.append(f"{path} § {name}")
            return f"<!-- dossier:section {name} -->\n{mine}\n<!-- dossier:end {name} -->"
        hashes[name] = digest(body)
        report.refreshed.append(f"{path} § {name}")
        return match.group(0)

    return SECTION.sub(choose, new), hashes


def plan_page(path: str, new: str, docs: Path, state: dict, report: WriteReport) -> tuple[str | None, dict]:
    """What to write for one page (None: leave the file as it is) and its new state record."""
    target = docs / path
    record = state.get(path, {})
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    untouched = current is None or digest(current) == record.get("sha256")
    if sections(new):
        if current is not None and not untouched and not sections(current):
            report.kept.append(f"{path} (edited by hand, no sections left to refresh)")
            return None, record
        merged, hashes = merge_edited_sections(path, current or "", new, record, report)
        return merged, {"sha256": digest(merged), "sections": hashes}
    if not untouched:
        report.kept.append(f"{path} (edited by hand)")
        return None, record
    return new, {"sha256": digest(new)}


def remove_stale(docs: Path, state: dict, pages: dict[str, str], report: WriteReport) -> dict:
    """Delete pages generated earlier whose source is gone; keep (and report) any a person edited."""
    kept = {}
    for path, record in sorted(state.items()):
        if path in pages:
            continue
        target = docs / path
        if not target.is_file():
            continue
        if digest(target.read_text(encoding="utf-8")) == record.get("sha256"):
            target.unlink()
            report.removed.append(path)
        else:
            kept[path] = record
            report.kept.append(f"{path} (its source is gone, but it was edited by hand)")
    return kept


def write_site(pages: dict[str, str], docs: Path) -> WriteReport:
    report = WriteReport()
    docs.mkdir(parents=True, exist_ok=True)
    state = load_state(docs)
    new_state = remove_stale(docs, state, pages, report)
    return _write(pages, docs, state, new_state, report)


def write_pages(pages: dict[str, str], docs: Path) -> WriteReport:
    """Write these pages only (the live preview's first step), every other page and its state left as they are."""
    state = load_state(docs)
    return _write(pages, docs, state, dict(state), WriteReport())


def _write(pages: dict[str, str], docs: Path, state: dict, new_state: dict, report: WriteReport) -> WriteReport:
    for path in sorted(pages):
        text, record = plan_page(path, pages[path], docs, state, report)
        new_state[path] = record
        if text is None:
            continue
        if write_if_changed(docs / path, text.encode("utf-8")):
            report.written.append(path)
        else:
            report.unchanged += 1
    state_text = json.dumps(new_state, indent=1, sort_keys=True) + "\n"
    write_if_changed(docs / STATE_FILE, state_text.encode("utf-8"))
    return report
