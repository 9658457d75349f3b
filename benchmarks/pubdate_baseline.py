"""The trivial timeline: one entry per publication date of the case's articles (JSON lines).

    python benchmarks/pubdate_baseline.py CASE_DIR

The reference point the timeline's day ranking must beat on collections that hold no chronology.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> int:
    manifest = json.loads((Path(sys.argv[1]) / "articles.json").read_text(encoding="utf-8"))
    for date in sorted({entry["date"] for entry in manifest if entry.get("date")}):
        print(json.dumps({"date": date, "text": "articles published"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
