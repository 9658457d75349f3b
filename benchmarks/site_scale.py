"""How the site scales: build a synthetic dossier of N articles and measure the builder, MkDocs and page sizes.

    python benchmarks/site_scale.py [N] [--out DIR] [--keep]     # N defaults to 5000

Steps: benchmarks/synthetic.py N DIR; `python -m builder build DIR/sources -o DIR/docs` (timed, fresh
cache); `mkdocs build --strict` of a config that is this project's mkdocs.yml with docs_dir = DIR/docs and
the builder hook left out (the builder already ran; timed); then the size of every built HTML page and of
the search index; peak memory of each step. Prints the figures; not a test (figures go in the README / the issue).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import generate  # noqa: E402


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run a command; its wall-clock seconds and its peak memory (resident set, MB) as the kernel reports it."""
    started = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        if process.returncode != 0:
            output.seek(0)
            sys.exit(f"failed: {' '.join(command)}\n{output.read()[-6000:].decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024


def scale_config(out: Path) -> Path:
    """This project's mkdocs.yml, reading out/docs, without the hook (the builder was run and timed apart)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("\nhooks:\n  - builder/mkdocs_hooks.py\n", "\n")
    text = text.replace("\nwatch:\n  - sources\n  - builder\n", "\n")
    config = out / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    for name in ("overrides",):
        if (ROOT / name).is_dir() and not (out / name).exists():
            shutil.copytree(ROOT / name, out / name)
    shutil.copytree(ROOT / "docs" / "stylesheets", out / "docs" / "stylesheets", dirs_exist_ok=True)
    loaded = yaml.safe_load(text.replace("!ENV", ""))
    assert "hooks" not in loaded or not loaded["hooks"], "the hook block in mkdocs.yml changed: update scale_config"
    return config


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="dossier-scale-"))
    if out.exists() and any(out.iterdir()):
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        generate(args.n, out)
        print(f"synthetic sources: {args.n} in {time.perf_counter() - started:.1f} s -> {out / 'sources'}")
        builder_s, builder_mb = timed([sys.executable, "-m", "builder", "build", str(out / "sources"), "-o", str(out / "docs"),
                           "--cache", str(out / ".dossier-cache"), "--quiet"], ROOT)
        config = scale_config(out)
        mkdocs_s, mkdocs_mb = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d",
                          str(out / "site")], out)
        pages = sorted((out / "site").rglob("*.html"))
        sizes = [p.stat().st_size for p in pages]
        biggest = max(pages, key=lambda p: p.stat().st_size)
        search = out / "site" / "search" / "search_index.json"
        total = sum(f.stat().st_size for f in (out / "site").rglob("*") if f.is_file())
        print(f"builder:       {builder_s:.1f} s, peak {builder_mb:.0f} MB  (python -m builder build, fresh cache)")
        print(f"mkdocs build:  {mkdocs_s:.1f} s, peak {mkdocs_mb:.0f} MB  (mkdocs build --strict)")
        print(f"HTML pages:    {len(pages)}; average {statistics.mean(sizes) / 1024:.1f} KB, median "
              f"{statistics.median(sizes) / 1024:.1f} KB, max {max(sizes) / 1024:.1f} KB "
              f"({biggest.relative_to(out / 'site')})")
        if search.is_file():
            print(f"search index:  {search.stat().st_size / 1024 / 1024:.1f} MB")
        print(f"site total:    {total / 1024 / 1024:.1f} MB")
        return 0 if statistics.mean(sizes) < 100 * 1024 else 1
    finally:
        if not args.keep and not args.out:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
