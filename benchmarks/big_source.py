"""One huge source: a 20 MiB article on one line, and the same text in short paragraphs; the builder's
time and peak memory for each (the limit a source may have is 20 MiB).

    python benchmarks/big_source.py [--mib 20] [--out DIR]

The text is made of benchmarks/synthetic.py sentences (made-up words with real names and places), so the
vocabulary grows with the text as real prose does. Prints the figures; not a test.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.site_scale import timed  # noqa: E402
from benchmarks.synthetic import sentence  # noqa: E402

HEAD = "A headline about a very long report\nBy AFP\nMarch 3, 2020\n\n"


def write_sources(folder: Path, size: int, separator: str) -> None:
    rng, parts, total = random.Random(20), [], len(HEAD)
    while total < size - 1000:
        parts.append(sentence(rng))
        total += len(parts[-1]) + len(separator)
    folder.mkdir(parents=True)
    joined = separator.join(parts) if separator == " " else separator.join(
        " ".join(parts[i:i + 4]) for i in range(0, len(parts), 4))
    (folder / "huge.txt").write_text((HEAD + joined)[:size - 1] + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, default=20)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    work = args.out or Path(tempfile.mkdtemp(prefix="big-source-"))
    size = int(args.mib * 2**20)
    for shape, separator in [("one line", " "), ("paragraphs", "\n\n")]:
        folder = work / shape.replace(" ", "-")
        write_sources(folder / "sources", size, separator)
        seconds, peak = timed([sys.executable, "-m", "builder", "build", str(folder / "sources"), "-o",
                               str(folder / "docs"), "--cache", str(folder / "cache"), "-q"], ROOT)
        print(f"{args.mib:g} MiB source, {shape}: builder {seconds:.0f} s, peak {peak:.0f} MB (main process)")
    if args.out is None:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
