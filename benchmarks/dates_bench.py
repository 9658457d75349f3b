"""Publication dates read from the text alone, against the bench's own dates.

    python benchmarks/dates_bench.py CASES_DIR [--jobs 2] [--show 10]

Each case folder's `articles/` is cleaned as a dossier's sources would be (shared lines found across the
case, no sidecar, `articles.json` not read), and the date the cleaner gives each article is compared with
the date `articles.json` records for it. Printed per half of the split (split.py): the share exact, the
share left empty (no date in the text, or none the cleaner would vouch for: the dossier warns), within
two days (a page stamped the evening before, or in another time zone), and wrong by more than two days:
the figure that must stay near zero, since a wrong date misplaces every event the article reports.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from split import HALVES, half  # noqa: E402

NEAR_DAYS = 2


def read_case(case: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(case id, file name, the bench's date, the date read from the text) for every dated article."""
    from builder.clean import clean_source
    from builder.clean.shared import find_shared_lines, line_keys
    from builder.read import read_sources
    known = {Path(item["file"]).name: item.get("date") for item in json.loads((case / "articles.json").read_text())}
    sources, _, _ = read_sources(case / "articles")
    shared = find_shared_lines(sources, [line_keys(s) for s in sources])
    return [(case.name, s.name, known.get(s.name), clean_source(s, shared.get(s.name, frozenset())).published)
            for s in sources if known.get(s.name)]


def verdict(bench: str, read: str | None) -> str:
    if read is None:
        return "empty"
    days = abs((dt.date.fromisoformat(read) - dt.date.fromisoformat(bench[:10])).days)
    return "exact" if days == 0 else "near" if days <= NEAR_DAYS else "wrong"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=10, help="wrong dates to print per half")
    args = parser.parse_args()
    cases = sorted(c for c in args.cases.iterdir() if (c / "articles.json").is_file() and (c / "articles").is_dir())
    with ProcessPoolExecutor(args.jobs) as pool:
        rows = [row for rows in pool.map(read_case, cases) for row in rows]
    print("| half | articles | exact | empty | within 2 days | wrong by more |")
    print("|---|--:|--:|--:|--:|--:|")
    for h, name in enumerate(HALVES):
        mine = [(row, verdict(row[2], row[3])) for row in rows if half(row[0]) == h]
        counts = {v: sum(1 for _, got in mine if got == v) for v in ("exact", "empty", "near", "wrong")}
        n = max(1, len(mine))
        print(f"| {name} | {len(mine)} | {counts['exact'] / n:.3f} | {counts['empty'] / n:.3f} | "
              f"{counts['near'] / n:.3f} | {counts['wrong'] / n:.3f} ({counts['wrong']}) |")
        for (case, file, bench, read), _ in [item for item in mine if item[1] == "wrong"][:args.show]:
            print(f"    {case}/{file}: read {read}, the bench says {bench}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
