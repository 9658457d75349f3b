"""benchmarks/dates_bench.py on a hand-made bench case: each verdict counted in its half."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support import BODY, REPO


def test_dates_read_from_the_text_are_counted_exact_empty_and_wrong(tmp_path: Path) -> None:
    case = tmp_path / "cases" / "case-a"
    (case / "articles").mkdir(parents=True)
    pages = {"1.txt": "Published: 3 March 2011\n", "2.txt": "", "3.txt": "Published: 3 March 2009\n"}
    for name, stamp in pages.items():
        (case / "articles" / name).write_text(f"Talks resume in the capital\n{stamp}{BODY}", encoding="utf-8")
    (case / "articles.json").write_text(json.dumps([{"file": f"articles/{n}", "date": "2011-03-03"} for n in pages]))
    out = subprocess.run([sys.executable, "benchmarks/dates_bench.py", str(tmp_path / "cases"), "--jobs", "1"],
                         cwd=REPO, capture_output=True, text=True, check=True).stdout
    row = next(line for line in out.splitlines() if line.startswith("| tune") or line.startswith("| check"))
    assert row.split("|")[2:7] == [" 3 ", " 0.333 ", " 0.333 ", " 0.000 ", " 0.333 (1) "], out
    assert "case-a/3.txt: read 2009-03-03, the bench says 2011-03-03" in out
