"""Killed builds converge: N random SIGKILLs during builds of two alternating source sets, then one build.

    python benchmarks/kill_bench.py [N] [--articles M] [--seed S] [--out DIR]     # N defaults to 10

Two synthetic source sets of M articles (benchmarks/synthetic.py, seeds 1 and 2: the same file names with
other titles and text) are built into one docs folder, with a curator's edits (a summary section and an
article page). Then N builds alternate between the sets, each killed with SIGKILL at a random moment of
its second half (where the rendering and the write phase are); one more build of set B runs to the end. Its
pages are compared with a fresh docs folder that built A, got the same edits and built B, and its
"left alone (edited by hand)" lines with the curator's two edits. Prints the figures; not a test.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import generate  # noqa: E402

EDITED_PAGE = "articles/00003.md"


def build(sources: Path, docs: Path, cache: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", "build", str(sources), "-o", str(docs), "--cache",
                           str(cache), "-q"], cwd=ROOT, capture_output=True, text=True, check=False)


def curate(docs: Path) -> None:
    index = docs / "index.md"
    text = index.read_text(encoding="utf-8")
    start = text.index("<!-- dossier:section overview -->\n") + len("<!-- dossier:section overview -->\n")
    end = text.index("<!-- dossier:end overview -->")
    index.write_text(text[:start] + "\n## Overview\n\nThe curator's own overview.\n\n" + text[end:], encoding="utf-8")
    page = docs / EDITED_PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\nA note by the curator.\n", encoding="utf-8")


def files(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*"))
            if p.is_file() and p.name != ".dossier-lock"}


def in_flight(docs: Path) -> bool:
    """Whether the state on disk is a journal (a build was killed while writing): some path has two hashes."""
    try:
        state = json.loads((docs / ".dossier-state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return any(isinstance(r.get("sha256"), list) or any(isinstance(v, list) for v in r.get("parts", {}).values())
               for r in state.values())


def killed_build(sources: Path, docs: Path, cache: Path, after: float) -> bool:
    """Start a build and SIGKILL it `after` seconds in; whether it had finished by then."""
    process = subprocess.Popen([sys.executable, "-m", "builder", "build", str(sources), "-o", str(docs), "--cache",
                                str(cache), "-q"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=after)
        return True
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kills", nargs="?", type=int, default=10)
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    work = args.out or Path(tempfile.mkdtemp(prefix="kill-bench-"))
    sets = [work / "a", work / "b"]
    for seed, folder in enumerate(sets, 1):
        generate(args.articles, folder, seed=seed)
    cache, docs, fresh = work / "cache", work / "docs", work / "fresh"
    for target in (docs, fresh):
        assert build(sets[0] / "sources", target, cache).returncode == 0
        curate(target)
    started = time.perf_counter()
    assert build(sets[1] / "sources", fresh, cache).returncode == 0
    seconds = time.perf_counter() - started
    rng = random.Random(args.seed)
    finished = writing = 0
    for kill in range(args.kills):
        sources = sets[(kill + 1) % 2] / "sources"
        finished += killed_build(sources, docs, cache, rng.uniform(0.5, 1.0) * seconds)
        writing += in_flight(docs)
    temps = sum(1 for p in docs.rglob("*.dossier-tmp"))
    final = build(sets[1] / "sources", docs, cache)
    kept = sorted(line.removeprefix("left alone (edited by hand): ") for line in final.stdout.splitlines()
                  if line.startswith("left alone"))
    ours, theirs = files(docs), files(fresh)
    differ = sorted(p for p in ours.keys() | theirs.keys() if ours.get(p) != theirs.get(p))
    false_edits = [k for k in kept if k not in (f"{EDITED_PAGE} (edited by hand)", "index.md § overview")]
    print(f"{args.articles} articles per set; a build of the other set takes {seconds:.1f} s with a warm cache")
    print(f"{args.kills} builds killed ({finished} had finished before their kill); {writing} left the state "
          f"in flight (killed while writing); {temps} half-written files left before the last build")
    print(f"after one more build: {final.returncode=}, {len(differ)} of {len(theirs)} files differ from a build "
          f"never interrupted, {len(false_edits)} false 'edited by hand', curator's edits kept: {kept}")
    for path in differ[:10]:
        print(f"  differs: {path}")
    if args.out is None:
        shutil.rmtree(work)
    return 0 if final.returncode == 0 and not differ and not false_edits and len(kept) == 2 else 1


if __name__ == "__main__":
    sys.exit(main())
