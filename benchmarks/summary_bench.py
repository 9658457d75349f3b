"""Score the summariser and the timeline on an events bench folder with the steering side's summary_eval.py.

    python benchmarks/summary_bench.py EVENTS_DIR --eval PATH/summary_eval.py [--jobs 2] [--only summary]

Runs `python -m builder summarize {cluster_dir} --plain --words N` on the MDS cases and
`python -m builder timeline {cluster_dir} --jsonl` on the timeline cases (with a cleaned-article
cache per case, so a second run skips the cleaning), and prints summary_eval.py's tables, the
seconds taken, and ROUGE-2 and date F1 for each half of the fixed split (split.py), next to the
one-entry-per-publication-date timeline (`--baseline`). No bench data is read here beyond what
summary_eval.py reads.
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 1800  # seconds per case: a 400-article collection on a loaded 2-core machine takes minutes
sys.path.insert(0, str(ROOT / "benchmarks"))
from split import HALVES, half  # noqa: E402


def builder_cmd(*args: str) -> str:
    return " ".join([shlex.quote(sys.executable), "-m", "builder", *args])


def run_eval(eval_script: Path, events: Path, flags: list[str], jobs: int, scores: list[dict],
             timeout: float = TIMEOUT) -> float:
    """Run summary_eval.py once; its per-case scores are appended to `scores`."""
    started = time.perf_counter()
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [sys.executable, str(eval_script), str(events), "--jobs", str(jobs), "--json-out", out.name,
                   "--timeout", str(timeout), *flags]
        subprocess.run(command, cwd=ROOT, check=True)
        scores += json.loads(Path(out.name).read_text(encoding="utf-8"))["cases"]
    return time.perf_counter() - started


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def print_halves(scores: list[dict], label: str) -> None:
    """ROUGE-2 per MDS dataset and date F1 per timeline kind, for each half of the split."""
    print(f"\n== {label}: by half of the split (tune = half 0, check = half 1)")
    groups = sorted({(r["task"], r["dataset"], r["kind"]) for r in scores})
    for task, dataset, kind in groups:
        metric = "rouge2" if task == "summary" else "date_f1"
        cells = []
        for h, name in enumerate(HALVES):
            rows = [r[metric] for r in scores if (r["task"], r["dataset"], r["kind"]) == (task, dataset, kind)
                    and half(r["case"]) == h]
            cells.append(f"{name} {100 * mean(rows):6.2f} (n={len(rows)})")
        print(f"{dataset}/{kind:10s} {metric:8s} " + "   ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("events", type=Path, help="the events bench folder (one sub-folder per case)")
    parser.add_argument("--eval", type=Path, required=True, help="path of summary_eval.py")
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", choices=["summary", "timeline"], help="run one half only")
    parser.add_argument("--baseline", action="store_true",
                        help="also score one timeline entry per publication date (the trivial reference)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "dossier-bench-cache",
                        help="per-case cleaned-article caches (speeds up the large timeline cases)")
    args = parser.parse_args()
    timings, scores, baseline = {}, [], []
    if args.only != "timeline":
        summary = builder_cmd("summarize", "{cluster_dir}", "--plain", "--words", str(args.words))
        timings["summaries (mds)"] = run_eval(args.eval, args.events, ["--kind", "mds", "--cmd", summary], args.jobs,
                                              scores)
    if args.only != "summary":
        timeline = builder_cmd("timeline", "{cluster_dir}", "--jsonl", "--cache", f"{args.cache}/{{case_id}}")
        trivial = " ".join([shlex.quote(sys.executable), shlex.quote(str(ROOT / "benchmarks" / "pubdate_baseline.py")),
                            "{cluster_dir}"])
        for kind in ("tls_window", "tls_full"):
            timings[f"timelines ({kind})"] = run_eval(args.eval, args.events,
                                                      ["--kind", kind, "--timeline-cmd", timeline], args.jobs, scores)
            if args.baseline:
                run_eval(args.eval, args.events, ["--kind", kind, "--timeline-cmd", trivial], args.jobs, baseline)
    for label, seconds in timings.items():
        print(f"{label}: {seconds:.0f} s wall with {args.jobs} jobs")
    print_halves(scores, "the builder")
    if baseline:
        print_halves(baseline, "one entry per publication date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
