"""How soon `./dossier serve` shows an edit: seconds from saving a file to the served page showing it.

    python benchmarks/serve_bench.py N [--from DIR] [--out DIR]

Makes a project of N synthetic articles (with `--from`, the sources, docs and cache a kept
`rebuild_bench.py --out DIR --keep` run left, so no cold build is needed), runs `mkdocs serve --dirty`
on it as `./dossier serve` does, and after the first build: edits one source, changes one sidecar, edits
the overview section of docs/index.md and adds a source, each once the server has settled, timing how
long until the page served over HTTP shows the change. Prints the figures; not a test.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks.synthetic import generate  # noqa: E402
from support import make_project  # noqa: E402

SETTLED = 8.0  # seconds with no new build


def page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def seconds_until(url: str, text: str, limit: float = 600) -> float:
    started = time.perf_counter()
    while text not in page(url):
        if time.perf_counter() - started > limit:
            sys.exit(f"{url} never showed {text!r}")
        time.sleep(0.05)
    return time.perf_counter() - started


def builder_running(project: Path) -> bool:
    """Whether a builder process (the hook's background build) is at work on this project."""
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"builder" in command and str(project / "sources").encode() in command:
            return True
    return False


def settle(log: Path, project: Path) -> None:
    """Until no build has started for SETTLED seconds and no background build runs."""
    count, since = -1, time.perf_counter()
    while time.perf_counter() - since < SETTLED:
        now = log.read_text(errors="replace").count("Building documentation")
        if now != count or builder_running(project):
            count, since = now, time.perf_counter()
        time.sleep(0.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--from", dest="source", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    project = make_project(args.out or Path(tempfile.mkdtemp(prefix="dossier-serve-")))
    if args.source:
        shutil.copytree(args.source / "sources", project / "sources", dirs_exist_ok=True)
        shutil.copytree(args.source / "docs", project / "docs", dirs_exist_ok=True)
        shutil.copytree(args.source / "cache", project / ".dossier-cache", dirs_exist_ok=True)
    else:
        generate(args.n, project)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = project / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(project / "mkdocs.yml"),
                                   "--dev-addr", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    base = f"http://127.0.0.1:{port}/"
    figures = []
    try:
        started = time.perf_counter()
        seconds_until(base, "Dossier", limit=3600)
        print(f"first build served after {time.perf_counter() - started:.0f} s", file=sys.stderr)
        sources = sorted((project / "sources").glob("*.txt"))
        settle(log, project)
        edited = sources[10]
        edited.write_text(edited.read_text(encoding="utf-8").replace(" near ", " in the benchmark near ", 1),
                          encoding="utf-8")
        slug = edited.stem
        figures.append(("source edited", seconds_until(f"{base}articles/{slug}/", "in the benchmark near")))
        settle(log, project)
        sidecar = sources[20]
        Path(f"{sidecar}.yml").write_text('title: "A headline the curator corrected"\n', encoding="utf-8")
        figures.append(("sidecar changed", seconds_until(f"{base}articles/{sidecar.stem}/",
                                                        "A headline the curator corrected")))
        settle(log, project)
        index = project / "docs" / "index.md"
        text = index.read_text(encoding="utf-8")
        start, end = text.index("<!-- dossier:section overview -->"), text.index("<!-- dossier:end overview -->")
        index.write_text(text[:start] + "<!-- dossier:section overview -->\n\n## Overview\n\nThe curator rewrote "
                         "this overview.\n\n" + text[end:], encoding="utf-8")
        figures.append(("summary section edited", seconds_until(base, "The curator rewrote this overview")))
        settle(log, project)
        spare = Path(tempfile.mkdtemp(prefix="dossier-spare-"))
        generate(1, spare, seed=99)
        shutil.copy(spare / "sources" / "00000.txt", project / "sources" / "zz-served.txt")
        figures.append(("source added", seconds_until(f"{base}articles/zz-served/", "Published")))
        settle(log, project)
    finally:
        server.terminate()
        server.wait(timeout=60)
    print(f"\n`mkdocs serve --dirty`, {args.n} articles: seconds from saving the file to the page served with it")
    print("| edit | seconds |\n|---|--:|")
    for name, seconds in figures:
        print(f"| {name} | {seconds:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
