"""How `add` scales with the sources folder: the scan it makes before adding anything, and storing pages.

    python benchmarks/add_scale.py N [--out DIR]     # DIR/sources: N synthetic sources (synthetic.py), half captured

Prints the time to index N sources (every file hashed as the build reads it, every sidecar parsed), the
peak memory of the process, and the time to store 200 pages (naming, duplicate check, validation,
sidecar, links) once the index is built. No network: the pages are written into the store directly.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from builder.collect.naming import page_stem  # noqa: E402
from builder.collect.store import SourceStore  # noqa: E402
from builder.model import Capture  # noqa: E402
from synthetic import generate  # noqa: E402

STORED = 200


def capture_for(n: int) -> Capture:
    return Capture(final_url=f"https://news.example.org/story/{n}", captured_at="2024-05-01T10:00:00Z",
                   requested_url=f"https://news.example.org/s/{n}", status=200, content_type="text/plain")


def add_sidecars(sources: Path) -> None:
    for n, path in enumerate(sorted(sources.glob("*.txt"))):
        if n % 2 == 0:
            path.with_name(path.name + ".yml").write_text(
                f"capture:\n  final_url: https://news.example.org/story/{n}\n  captured_at: 2024-05-01T10:00:00Z\n",
                encoding="utf-8")


def main(argv: list[str]) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("n", type=int)
    args.add_argument("--out", type=Path, default=Path("build/add-scale"))
    opts = args.parse_args(argv)
    sources = opts.out / "sources"
    shutil.rmtree(sources, ignore_errors=True)
    generate(opts.n, opts.out)
    add_sidecars(sources)
    started = time.perf_counter()
    store = SourceStore(sources)
    scanned = time.perf_counter() - started
    print(f"index of {opts.n} sources: {scanned:.2f} s ({len(store.index.by_hash)} hashes, "
          f"{len(store.index.by_url)} addresses)")
    started = time.perf_counter()
    for n in range(STORED):
        body = f"Bench page {n}: a headline for the scale test\n\n{'A sentence of the article. ' * 200}\n".encode()
        capture = capture_for(opts.n + n)
        with store.receiving() as pending:
            pending.write(body)
            store.keep(pending, capture, None, page_stem(body, ".txt", capture.final_url, None), ".txt")
    stored = time.perf_counter() - started
    print(f"{STORED} pages stored: {stored / STORED * 1000:.1f} ms a page")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
