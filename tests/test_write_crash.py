"""Stage 5 under failure: a build killed at any point of the write phase, a full disk, two builds at once.

Each killed build is a real process that SIGKILLs itself just before its n-th rename or removal (so a
half-written temporary file is left behind, as a real kill leaves it). Afterwards one ordinary build
must give exactly the files a build that was never interrupted gives, and report as edited by hand
only what the curator edited.
"""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from builder import write
from builder.render.common import section
from builder.write import LOCK_FILE, WriteError, docs_lock, write_site
from support import REPO

KILL_AT = """
import json, os, pathlib, signal, sys
from builder.write import write_site
pages, docs, kill_at = json.loads(pathlib.Path(sys.argv[1]).read_text()), pathlib.Path(sys.argv[2]), int(sys.argv[3])
calls = 0
def counted(real):
    def call(*args, **kwargs):
        global calls
        calls += 1
        if calls == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return call
os.replace = counted(os.replace)
pathlib.Path.unlink = counted(pathlib.Path.unlink)
write_site(pages, docs)
"""


def summary(version: str) -> str:
    return (f"---\ntitle: Summary {version}\n---\n\n# Dossier {version}\n\n"
            + section("overview", f"Overview {version}") + "\n\n" + section("figures", f"Figures {version}") + "\n")


def site(version: str, only: list[str]) -> dict[str, str]:
    """One of two alternating builds: shared pages whose text differs, and pages only this build has."""
    pages = {"index.md": summary(version), "sources.md": f"# Sources {version}\n",
             "dossier.json": json.dumps({"version": version}) + "\n"}
    pages.update({f"articles/{name}.md": f"# {name} ({version})\n" for name in ["shared-1", "shared-2", *only]})
    return pages


A = site("A", ["only-a-1", "only-a-2"])
B = site("B", ["only-b-1", "sub/only-b-2"])


def curate(docs: Path) -> None:
    """The curator's edits, which every build must keep: one section, one whole page."""
    index = docs / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("Overview A", "The curator's overview"),
                     encoding="utf-8")
    page = docs / "articles" / "shared-2.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA note by the curator.\n", encoding="utf-8")


CURATED = ["articles/shared-2.md (edited by hand)", "index.md § overview"]


def files(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*"))
            if p.is_file() and p.name != LOCK_FILE}


def reference(tmp_path: Path, pages: dict[str, str]) -> dict[str, bytes]:
    docs = tmp_path / "reference"
    write_site(A, docs)
    curate(docs)
    write_site(pages, docs)
    return files(docs)


def killed_build(pages: dict[str, str], docs: Path, kill_at: int, tmp_path: Path) -> int:
    spec = tmp_path / "pages.json"
    spec.write_text(json.dumps(pages), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", KILL_AT, str(spec), str(docs), str(kill_at)], cwd=REPO,
                            capture_output=True, text=True, check=False)
    assert result.returncode in (0, -9), result.stderr
    return result.returncode


def test_a_build_killed_at_any_point_converges_on_the_next(tmp_path: Path) -> None:
    expected = reference(tmp_path, B)
    kill_at, finished = 1, False
    while not finished:
        docs = tmp_path / f"killed-{kill_at}"
        write_site(A, docs)
        curate(docs)
        finished = killed_build(B, docs, kill_at, tmp_path) == 0
        report = write_site(B, docs)
        assert files(docs) == expected, f"killed at operation {kill_at}"
        assert sorted(report.kept) == CURATED, f"killed at operation {kill_at}"
        kill_at += 1
    assert kill_at - 2 >= 9, "killed before the journal, at each page and removal, and before the final state"


def test_many_killed_builds_of_two_source_sets_then_one_clean_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_site(A, docs)
    curate(docs)
    for round, kill_at in enumerate([3, 1, 7, 2, 9, 5, 4, 11, 6, 8, 10, 12]):
        killed_build(B if round % 2 == 0 else A, docs, kill_at, tmp_path)
    report = write_site(B, docs)
    assert files(docs) == reference(tmp_path, B)
    assert sorted(report.kept) == CURATED


def failing_replace(after: int):
    real, calls = os.replace, []

    def replace(source, target):
        calls.append(target)
        if len(calls) > after:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(source, target)
    return replace


@pytest.mark.parametrize("after", [0, 1, 4, 7])
def test_a_full_disk_is_an_error_naming_the_file_and_the_next_build_converges(tmp_path: Path, monkeypatch,
                                                                              after: int) -> None:
    docs = tmp_path / "docs"
    write_site(A, docs)
    curate(docs)
    monkeypatch.setattr(write.os, "replace", failing_replace(after))
    with pytest.raises(WriteError) as error:
        write_site(B, docs)
    monkeypatch.undo()
    assert "No space left on device" in str(error.value) and str(docs) in str(error.value)
    assert "free some space" in str(error.value)
    assert not [p for p in docs.rglob("*") if p.name.endswith(write.TEMP_SUFFIX)]
    report = write_site(B, docs)
    assert files(docs) == reference(tmp_path, B)
    assert sorted(report.kept) == CURATED


def test_the_build_command_reports_a_full_disk_without_a_traceback(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    script = ("import errno, os, sys\n"
              "from builder.__main__ import main\n"
              "def full(*args): raise OSError(errno.ENOSPC, 'No space left on device')\n"
              "os.replace = full\n"
              "sys.exit(main(sys.argv[1:]))\n")
    result = subprocess.run([sys.executable, "-c", script, "build", str(REPO / "sources"), "-o", str(docs), "-q",
                             "--cache", str(tmp_path / "cache")], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"error: cannot write {docs}/.dossier-state.json: No space left on device" in result.stderr


HOLD_LOCK = """
import pathlib, sys, time
from builder.write import docs_lock
with docs_lock(pathlib.Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


@contextmanager
def lock_held(docs: Path, seconds: float) -> Iterator[None]:
    """Another process holding the docs folder's lock for `seconds` (or until the block ends)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(docs), str(seconds)], cwd=REPO,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        yield
    finally:
        holder.kill()
        holder.wait(timeout=20)


def test_a_second_build_on_the_same_docs_waits_for_the_first(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    waited: list[bool] = []
    with lock_held(docs, 2):
        started = time.monotonic()
        with docs_lock(docs, on_wait=lambda: waited.append(True)):
            assert time.monotonic() - started > 1.0, "held the lock while the other build still had it"
    assert waited == [True]


def test_a_second_build_gives_up_after_its_timeout(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    with lock_held(docs, 5), pytest.raises(write.LockTimeout, match="another build kept"):
        with docs_lock(docs, timeout=0.5):
            pass
