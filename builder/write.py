"""Stage 5: the only code that touches docs/.

- A file is written only when its bytes change (mkdocs serve rebuilds on any write), atomically, keeping
  its mode. A file that cannot be written (a full disk) stops the build with a WriteError naming it.
- Ownership: `.dossier-state.json` records the hash of every file the builder wrote, and of every part of a
  sectioned page (each section and the text around them, see markers.py). A file, or part, whose bytes
  still match is the builder's and is refreshed; one that differs was edited by a person and is kept.
  A sectioned page whose markers were changed is left alone with a warning naming the marker and line.
  Files the builder never wrote are never touched.
- Crash safety: before it changes a file, a build records a journal state that accepts each file both as
  it is and as it will be; once every file is written the state settles to the new hashes. Wherever a
  build is killed, every file matches the state on disk, so the next build knows all of them as its own
  and converges to what a clean build writes, with no false "edited by hand".
- One build at a time per docs folder: `docs_lock`.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import stat
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .markers import Part, has_sections, marker_problems, split_parts

STATE_FILE = ".dossier-state.json"
LOCK_FILE = ".dossier-lock"
TEMP_SUFFIX = ".dossier-tmp"
Pages = dict[str, str] | dict[str, bytes]  # path -> the page's text, or its UTF-8 bytes


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


NEW_FILE_MODE = 0o666 & ~_umask()


class WriteError(Exception):
    """A file in docs/ could not be written or removed; the message names it and says what the disk said."""


class LockTimeout(Exception):
    """Another build held the docs folder for longer than this one would wait."""


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Record:
    """What the builder knows it wrote at one path: hashes of the whole file and of each part of a sectioned
    page. Each is a set: while a build runs, both the old and the new bytes are the builder's."""

    sha256: set[str] = field(default_factory=set)
    parts: dict[str, set[str]] = field(default_factory=dict)

    def union(self, other: Record) -> Record:
        keys = self.parts.keys() | other.parts.keys()
        return Record(self.sha256 | other.sha256, {k: self.parts.get(k, set()) | other.parts.get(k, set()) for k in keys})

    def to_json(self) -> dict:
        out: dict = {"sha256": _settled(self.sha256)}
        if self.parts:
            out["parts"] = {k: _settled(v) for k, v in sorted(self.parts.items())}
        return out


@dataclass
class Plan:
    """One path's part in a build: the bytes to write (None: leave the file as it is), its record once the
    build is done, and its record while the build runs."""

    path: str
    data: bytes | None
    final: Record | None
    journal: Record


def digest(data: str | bytes) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def _hashes(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


def _settled(values: set[str]) -> str | list[str]:
    return next(iter(values)) if len(values) == 1 else sorted(values)


@contextmanager
def _naming(path: Path, action: str) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        hint = "; free some space and build again" if exc.errno == 28 else ""
        raise WriteError(f"cannot {action} {path}: {exc.strerror or exc}{hint}") from exc


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomically replace `path` with `data`, keeping its mode, unless it already holds exactly those bytes."""
    if path.is_file() and path.read_bytes() == data:
        return False
    with _naming(path, "write"):
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else NEW_FILE_MODE
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                os.fchmod(out.fileno(), mode)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    return True


def load_state(docs: Path) -> dict[str, Record]:
    """The records of the last build; a section's hash in an older state's "sections" counts as its part."""
    try:
        state = json.loads((docs / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(state, dict):
        return {}
    records = {}
    for path, raw in state.items():
        if isinstance(raw, dict):
            parts = {**raw.get("sections", {}), **raw.get("parts", {})}
            records[path] = Record(_hashes(raw.get("sha256")), {k: _hashes(v) for k, v in parts.items()})
    return records


def save_state(docs: Path, records: dict[str, Record]) -> None:
    state = {path: record.to_json() for path, record in sorted(records.items()) if record.sha256 or record.parts}
    write_if_changed(docs / STATE_FILE, (json.dumps(state, indent=1, sort_keys=True) + "\n").encode("utf-8"))


def has_generated_pages(docs: Path) -> bool:
    return any((docs / path).is_file() for path in load_state(docs))


def _read(path: Path) -> bytes | None:
    with _naming(path, "read"):
        return path.read_bytes() if path.is_file() else None


def _leave_alone(path: str, old: Record, report: WriteReport, why: str, problems: list[str]) -> Plan:
    report.kept.append(f"{path} ({why}: see the warnings)")
    report.warnings.append(f"{path}: left alone, so that nothing written in it is lost: {'; '.join(problems)}. "
                           "Put the markers back as the builder writes them and the next build refreshes the "
                           "page; delete the page to have it written afresh")
    return Plan(path, None, old, old)


def _edited(part: Part, known: set[str], new: Part | None) -> bool:
    """A part a person changed: not blank (emptying hands it back), not what the builder writes now or wrote."""
    body = part.body
    return bool(body.strip()) and (new is None or part.text != new.text) and digest(body) not in known


def _merge(path: str, current: list[Part], new: list[Part], old: Record):
    """The new parts with every part the person edited put back: the parts, their records (done and while
    writing), what was kept and refreshed, and the edited parts that have no place in the new page."""
    theirs = {p.key: p for p in current}
    merged, final, journal, kept, refreshed = [], {}, {}, [], []
    for part in new:
        mine, known = theirs.pop(part.key, None), old.parts.get(part.key, set())
        if mine is not None and _edited(mine, known, part):
            merged.append(mine)
            final[part.key] = journal[part.key] = known
            kept.append(f"{path} {part.label}" if part.section else f"{path}, {part.label}")
            continue
        merged.append(part)
        final[part.key] = {digest(part.body)}
        journal[part.key] = final[part.key] | ({digest(mine.body)} & known if mine is not None else set())
        if part.section:
            refreshed.append(f"{path} {part.label}")
    known_anywhere = set().union(*old.parts.values()) if old.parts else set()
    lost = [f"line {p.line}: {p.label} holds text that has no place in the page the builder writes now"
            for p in theirs.values() if _edited(p, known_anywhere, None)]
    return merged, final, journal, kept, refreshed, lost


def plan_sectioned(path: str, new: str, current: bytes, old: Record, report: WriteReport) -> Plan:
    """A page with editable sections: every part a person edited is kept, the others are refreshed."""
    try:
        text = current.decode("utf-8")
    except UnicodeDecodeError:
        return _leave_alone(path, old, report, "not UTF-8", ["the file is not UTF-8 text"])
    new_parts, current_parts = split_parts(new), split_parts(text)
    problems = marker_problems(text, [p.key for p in new_parts if p.section])
    if problems:
        return _leave_alone(path, old, report, "its section markers were changed", problems)
    merged, parts, ours, kept, refreshed, lost = _merge(path, current_parts, new_parts, old)
    if lost:
        missing = [p.key for p in new_parts if p.section and p.key not in {q.key for q in current_parts}]
        hint = [f"§ {', § '.join(missing)} missing (were its markers deleted?)"] if missing else []
        return _leave_alone(path, old, report, "its sections were changed", lost + hint)
    report.kept += kept
    report.refreshed += refreshed
    result = "".join(p.text for p in merged)
    final = Record({digest(result)} if result == new else set(), parts)
    journal = Record(final.sha256 | ({digest(current)} & old.sha256), ours)
    return Plan(path, result.encode("utf-8"), final, journal)


def plan_page(path: str, page: str | bytes, current: bytes | None, old: Record, report: WriteReport) -> Plan:
    """What to do with one generated page (its text or its UTF-8 bytes), given the file as it is and what the
    builder knows it wrote. Editable sections are in Markdown pages only, so only those are read as text."""
    new = page.encode("utf-8") if isinstance(page, str) else page
    text = new.decode("utf-8") if path.endswith(".md") else ""
    sections = has_sections(text)
    fresh = Record({digest(new)}, {p.key: {digest(p.body)} for p in split_parts(text)} if sections else {})
    if current is None or current == new:
        return Plan(path, new, fresh, fresh)
    if sections:
        return plan_sectioned(path, text, current, old, report)
    if digest(current) in old.sha256:
        return Plan(path, new, fresh, fresh.union(Record({digest(current)})))
    report.kept.append(f"{path} (edited by hand)")
    return Plan(path, None, old, old)


def plan_removals(docs: Path, state: dict[str, Record], pages: Pages, report: WriteReport) -> list[Plan]:
    """Pages generated earlier whose source is gone: removed, unless a person edited them."""
    plans = []
    for path, old in sorted(state.items()):
        if path in pages:
            continue
        current = _read(docs / path)
        if current is None:
            continue
        if digest(current) in old.sha256:
            plans.append(Plan(path, None, None, old))
        else:
            plans.append(Plan(path, None, old, old))
            report.kept.append(f"{path} (its source is gone, but it was edited by hand)")
    return plans


def remove_leftover_temps(docs: Path) -> None:
    """Half-written files of a build that was killed while writing them."""
    for folder, _, files in os.walk(docs):
        for name in files:
            if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                with _naming(Path(folder) / name, "remove"):
                    (Path(folder) / name).unlink(missing_ok=True)


def _remove(docs: Path, path: str) -> None:
    target = docs / path
    with _naming(target, "remove"):
        target.unlink(missing_ok=True)
        for folder in target.parents:
            if folder == docs or not folder.is_relative_to(docs) or any(folder.iterdir()):
                break
            folder.rmdir()


def write_site(pages: Pages, docs: Path) -> WriteReport:
    report = WriteReport()
    with _naming(docs, "create"):
        docs.mkdir(parents=True, exist_ok=True)
    remove_leftover_temps(docs)
    state = load_state(docs)
    plans = [plan_page(path, pages[path], _read(docs / path), state.get(path, Record()), report)
             for path in sorted(pages)]
    return _apply(docs, {}, plans, plan_removals(docs, state, pages, report), report)


def write_pages(pages: Pages, docs: Path) -> WriteReport:
    """Write these pages only (the live preview's first step), every other page and its state left as they are."""
    report = WriteReport()
    state = load_state(docs)
    plans = [plan_page(path, pages[path], _read(docs / path), state.get(path, Record()), report)
             for path in sorted(pages)]
    kept = {path: record for path, record in state.items() if path not in pages}
    return _apply(docs, kept, plans, [], report)


def _apply(docs: Path, kept: dict[str, Record], plans: list[Plan], removals: list[Plan],
           report: WriteReport) -> WriteReport:
    """The journal first (each page accepted as it is and as it will be), then the pages, then the state."""
    save_state(docs, {**kept, **{plan.path: plan.journal for plan in plans + removals}})
    for plan in plans:
        if plan.data is None:
            continue
        if write_if_changed(docs / plan.path, plan.data):
            report.written.append(plan.path)
        else:
            report.unchanged += 1
    for plan in removals:
        if plan.final is None:
            _remove(docs, plan.path)
            report.removed.append(plan.path)
    save_state(docs, {**kept, **{plan.path: plan.final for plan in plans + removals if plan.final is not None}})
    return report


def _try_lock(handle) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def docs_lock(docs: Path, on_wait: Callable[[], None] = lambda: None, timeout: float = 3600) -> Iterator[None]:
    """Hold the docs folder for one build: a second build waits (calling `on_wait` once) for up to `timeout`
    seconds, then raises LockTimeout. The lock is the kernel's, so a killed build never leaves it held."""
    with _naming(docs, "create"):
        docs.mkdir(parents=True, exist_ok=True)
    with _naming(docs / LOCK_FILE, "open"):
        handle = open(docs / LOCK_FILE, "a", encoding="utf-8")
    with handle:
        deadline, waited = time.monotonic() + timeout, False
        while not _try_lock(handle):
            if not waited:
                on_wait()
                waited = True
            if time.monotonic() > deadline:
                raise LockTimeout(f"another build kept {docs} for more than {timeout:.0f} s")
            time.sleep(0.2)
        yield


def write_report(docs: Path, name: str, text: str) -> None:
    """The curator's build report: rewritten whenever it changes, whoever edited it."""
    write_if_changed(docs / name, text.encode("utf-8"))
