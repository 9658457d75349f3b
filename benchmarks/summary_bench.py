"""Score the summariser and the timeline on an events bench folder with the steering side's summary_eval.py.

    python benchmarks/summary_bench.py EVENTS_DIR --eval PATH/summary_eval.py [--jobs 2] [--only summary]

Runs `python -m builder summarize {cluster_dir} --plain --words N` on the MDS cases and
`python -m builder timeline {cluster_dir} --jsonl` on the timeline cases (with a cleaned-article
cache per case, so a second run skips the cleaning), and prints summary_eval.py's tables and the
seconds taken. No bench data is read here beyond what summary_eval.py reads.
"""
from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def builder_cmd(*args: str) -> str:
    return " ".join([shlex.quote(sys.executable), "-m", "builder", *args])


def run_eval(eval_script: Path, events: Path, flags: list[str], jobs: int) -> float:
    started = time.perf_counter()
    command = [sys.executable, str(eval_script), str(events), "--jobs", str(jobs), *flags]
    subprocess.run(command, cwd=ROOT, check=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("events", type=Path, help="the events bench folder (one sub-folder per case)")
    parser.add_argument("--eval", type=Path, required=True, help="path of summary_eval.py")
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", choices=["summary", "timeline"], help="run one half only")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "dossier-bench-cache",
                        help="per-case cleaned-article caches (speeds up the large timeline cases)")
    args = parser.parse_args()
    timings = {}
    if args.only != "timeline":
        summary = builder_cmd("summarize", "{cluster_dir}", "--plain", "--words", str(args.words))
        timings["summaries (mds)"] = run_eval(args.eval, args.events, ["--kind", "mds", "--cmd", summary], args.jobs)
    if args.only != "summary":
        timeline = builder_cmd("timeline", "{cluster_dir}", "--jsonl", "--cache", f"{args.cache}/{{case_id}}")
        for kind in ("tls_window", "tls_full"):
            timings[f"timelines ({kind})"] = run_eval(args.eval, args.events,
                                                      ["--kind", kind, "--timeline-cmd", timeline], args.jobs)
    for label, seconds in timings.items():
        print(f"{label}: {seconds:.0f} s wall with {args.jobs} jobs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
