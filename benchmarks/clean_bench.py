"""Benchmark the cleaner on a folder of extraction cases (the bench layout: <id>/page.txt, page.html.gz, gold.txt).

    python benchmarks/clean_bench.py ../shared/bench/extraction [--input txt|html|both] [--worst 10]

Prints mean token precision/recall/F1 (bag of lowercased \\w+ tokens, as extraction_eval.py scores),
the number of cases under F1 0.5, and seconds per article. Not a test: figures go in the README.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from builder.clean import clean_source  # noqa: E402
from builder.model import Source  # noqa: E402

TOKEN = re.compile(r"\w+")


def score(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = Counter(TOKEN.findall(predicted.lower())), Counter(TOKEN.findall(gold.lower()))
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def read_case(case: Path, kind: str) -> Source:
    data = (case / "page.txt").read_bytes() if kind == "txt" else gzip.decompress((case / "page.html.gz").read_bytes())
    fmt = "text" if kind == "txt" else "html"
    return Source(name=f"{case.name}.{kind}", data=data, sha256=hashlib.sha256(data).hexdigest(), format=fmt)


def run_case(args: tuple[Path, str]) -> dict:
    case, kind = args
    source = read_case(case, kind)
    started = time.perf_counter()
    article = clean_source(source)
    seconds = time.perf_counter() - started
    gold = (case / "gold.txt").read_text(encoding="utf-8")
    precision, recall, f1 = score(article.body_text, gold)
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    title_ok = None
    if meta.get("title"):
        norm = lambda s: re.sub(r"\W+", " ", (s or "").lower()).strip()  # noqa: E731
        title_ok = norm(article.title) == norm(meta["title"])
    return {"case": case.name, "kind": kind, "p": precision, "r": recall, "f1": f1, "seconds": seconds,
            "title_ok": title_ok}


def run_cases(root: Path, kinds: list[str], jobs: int = 2) -> list[dict]:
    """Clean every case of the folder in each input kind, in `jobs` processes."""
    cases = sorted(p for p in root.iterdir() if (p / "gold.txt").is_file())
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(run_case, [(c, k) for k in kinds for c in cases], chunksize=4))


def mean_f1(results: list[dict], kind: str) -> float:
    return statistics.fmean(r["f1"] for r in results if r["kind"] == kind)


def report(results: list[dict], kind: str, worst: int) -> None:
    rows = [r for r in results if r["kind"] == kind]
    if not rows:
        return
    mean = lambda key: statistics.fmean(r[key] for r in rows)  # noqa: E731
    titled = [r["title_ok"] for r in rows if r["title_ok"] is not None]
    print(f"{kind:4}  cases {len(rows):4}  P {mean('p'):.3f}  R {mean('r'):.3f}  F1 {mean('f1'):.3f}  "
          f"F1<0.5 {sum(r['f1'] < 0.5 for r in rows):3}  s/article {mean('seconds'):.3f}"
          + (f"  title exact {sum(titled) / len(titled):.2f} ({len(titled)} cases)" if titled else ""))
    for r in sorted(rows, key=lambda r: r["f1"])[:worst]:
        print(f"      {r['case']:24} P {r['p']:.2f} R {r['r']:.2f} F1 {r['f1']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", type=Path)
    parser.add_argument("--input", choices=["txt", "html", "both"], default="both")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst cases")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    kinds = ["txt", "html"] if args.input == "both" else [args.input]
    results = run_cases(args.cases, kinds, args.jobs)
    for kind in kinds:
        report(results, kind, args.worst)
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
