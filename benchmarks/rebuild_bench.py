"""What a rebuild costs: the builder on a synthetic dossier of N articles, cold and after each kind of edit.

    python benchmarks/rebuild_bench.py N [--out DIR] [--keep] [--dask ADDRESS]

Steps, each a `python -m builder build` of the same folders (one cache): cold (fresh cache and docs),
no-op (nothing changed), one article added, one article edited (a word of one paragraph), one sidecar
changed (a corrected title), one summary section edited by hand in docs/index.md. For each: seconds,
pages written, peak memory of the builder's main process and of all its processes together (workers
included). Prints a table; not a test. Run it niced on a shared machine: `nice -n 10 python ...`.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import generate  # noqa: E402

POLL = 0.1


def tree_rss(pid: int) -> tuple[int, int]:
    """(peak resident memory of `pid` so far, resident memory of `pid` and its descendants now), in KB."""
    def status(p: int) -> dict[str, str]:
        try:
            text = Path(f"/proc/{p}/status").read_text()
        except OSError:
            return {}
        return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)

    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            parent = status(int(entry.name)).get("PPid", "").strip()
            if parent.isdigit():
                children.setdefault(int(parent), []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += int(status(p).get("VmRSS", "0 kB").split()[0])
        todo += children.get(p, [])
    return int(status(pid).get("VmHWM", "0 kB").split()[0]), total


def build(out: Path, dask: str | None) -> dict:
    command = [sys.executable, "-m", "builder", "build", str(out / "sources"), "-o", str(out / "docs"),
               "--cache", str(out / "cache"), "--quiet"] + (["--dask", dask] if dask else [])
    started = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        peaks = {"main": 0, "all": 0}

        def watch() -> None:
            while process.poll() is None:
                main, together = tree_rss(process.pid)
                peaks["main"], peaks["all"] = max(peaks["main"], main), max(peaks["all"], together)
                time.sleep(POLL)

        watcher = threading.Thread(target=watch)
        watcher.start()
        process.wait()
        seconds = time.perf_counter() - started
        watcher.join()
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    if process.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{text[-4000:]}")
    written = re.search(r"docs: (\d+) written", text)
    return {"seconds": seconds, "written": int(written.group(1)) if written else -1,
            "main_mb": peaks["main"] / 1024, "all_mb": peaks["all"] / 1024}


def add_article(out: Path) -> None:
    spare = Path(tempfile.mkdtemp(prefix="dossier-spare-"))
    generate(1, spare, seed=99)
    shutil.copy(spare / "sources" / "00000.txt", out / "sources" / "zz-added.txt")
    shutil.rmtree(spare)


def edit_article(out: Path) -> None:
    path = out / "sources" / "00010.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(" near ", " close to ", 1), encoding="utf-8")


def change_sidecar(out: Path) -> None:
    (out / "sources" / "00020.txt.yml").write_text('title: "A corrected headline for the benchmark"\n',
                                                    encoding="utf-8")


def edit_summary(out: Path) -> None:
    index = out / "docs" / "index.md"
    text = index.read_text(encoding="utf-8")
    start, end = text.index("<!-- dossier:section overview -->"), text.index("<!-- dossier:end overview -->")
    index.write_text(text[:start] + "<!-- dossier:section overview -->\n\n## Overview\n\nThe curator's own words."
                     "\n\n" + text[end:], encoding="utf-8")


STEPS = [("cold", None), ("no-op", lambda out: None), ("one article added", add_article),
         ("one article edited", edit_article), ("one sidecar changed", change_sidecar),
         ("one summary section edited", edit_summary)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--out", type=Path, default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--dask", default=None, help="a Dask scheduler address for the per-article stage")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="dossier-rebuild-"))
    if out.exists():
        shutil.rmtree(out)
    generate(args.n, out)
    rows = []
    try:
        for name, change in STEPS:
            if change is not None:
                change(out)
            rows.append((name, build(out, args.dask)))
            print(f"{name}: {rows[-1][1]['seconds']:.1f} s", file=sys.stderr)
    finally:
        if not args.keep and not args.out:
            shutil.rmtree(out, ignore_errors=True)
    cold = rows[0][1]["seconds"]
    print(f"\n{args.n} synthetic articles, {os.cpu_count()} cores")
    print("| step | seconds | of cold | pages written | peak MB (main) | peak MB (all processes) |")
    print("|---|--:|--:|--:|--:|--:|")
    for name, row in rows:
        print(f"| {name} | {row['seconds']:.1f} | {100 * row['seconds'] / cold:.1f}% | {row['written']} | "
              f"{row['main_mb']:.0f} | {row['all_mb']:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
