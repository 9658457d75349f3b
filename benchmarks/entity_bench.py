"""Score the dossier's entity pages against an editor's gold: entity precision and merge recall.

    python benchmarks/entity_bench.py CASES_DIR GOLD_DIR [--case ID ...] [--wrong 20]

Every case of CASES_DIR (an events bench folder, one sub-folder per case, read as it is: its
`articles.json` is the manifest) that has a gold file GOLD_DIR/<case-id>.json is built with
`builder.pipeline.assemble(case_dir, None)`, and its entity pages are compared with the gold's
"entities" (name, type, every spelling) and "not_entities" (strings that must not become pages).

- entity precision: of the pages that match a gold entity by one of its spellings or a `not_entities`
  string, the share that are right: they match one gold entity only, have its type, and are its main
  page (not a second page for an entity that already has one). A page matching `not_entities` and no
  gold entity is wrong.
- merge recall: for each gold entity, the share of its spellings present among the dossier's entities
  that land on its main page (the page holding most of them), averaged over the gold entities found.

Spellings are compared after typographic folding and case folding (accents are kept). A spelling
that the gold lists under two entities is ambiguous and matches neither. Prints each case, the tune
and check halves and all cases pooled, and the wrong pages with the reason, for a human to read.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from builder.analyze.sentences import fold_typography  # noqa: E402

TUNE = ("duc2007-d0705a", "multinews-val-033", "t17-full-h1n1-bbc")
CHECK = ("duc2007-d0701a", "multinews-val-103", "t17-full-mj-bbc")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", fold_typography(unicodedata.normalize("NFC", text))).strip().casefold()


@dataclass
class Page:
    """What the bench needs of an entity page."""

    name: str
    type: str
    spellings: list[str]
    articles: int


@dataclass
class CaseScore:
    case: str
    pages: int
    right: int = 0
    counted: int = 0
    recall: list[float] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.counted if self.counted else 0.0

    @property
    def merge_recall(self) -> float:
        return sum(self.recall) / len(self.recall) if self.recall else 0.0


def gold_index(gold: dict) -> dict[str, int]:
    """Normalised spelling -> index of the one gold entity that lists it (ambiguous spellings left out)."""
    owners: dict[str, set[int]] = defaultdict(set)
    for i, entity in enumerate(gold.get("entities", [])):
        for spelling in [entity["name"], *entity.get("spellings", [])]:
            owners[norm(spelling)].add(i)
    return {s: next(iter(o)) for s, o in owners.items() if len(o) == 1}


def main_pages(pages: list[Page], matches: list[set[int]], index: dict[str, int]) -> dict[int, int]:
    """Gold entity -> the page holding most of its spellings (then the page named in most articles)."""
    best: dict[int, tuple[int, int, int]] = {}
    for p, page in enumerate(pages):
        for g in matches[p]:
            held = sum(1 for s in page.spellings if index.get(norm(s)) == g)
            rank = (held, page.articles, -p)
            if g not in best or rank > best[g]:
                best[g] = rank
    return {g: -rank[2] for g, rank in best.items()}


def score(case: str, pages: list[Page], gold: dict) -> CaseScore:
    index = gold_index(gold)
    entities = gold.get("entities", [])
    junk = {norm(s) for s in gold.get("not_entities", [])}
    matches = [{index[norm(s)] for s in page.spellings if norm(s) in index} for page in pages]
    main = main_pages(pages, matches, index)
    result = CaseScore(case, len(pages))
    for p, page in enumerate(pages):
        found = matches[p]
        label = f"{page.name} [{page.type}; {page.articles} articles]"
        if not found:
            hit = [s for s in page.spellings if norm(s) in junk]
            if hit:
                result.counted += 1
                result.wrong.append(f"{label}: not an entity ({hit[0]!r})")
            continue
        result.counted += 1
        names = sorted(entities[g]["name"] for g in found)
        if len(found) > 1:
            result.wrong.append(f"{label}: merges {' + '.join(names)}")
        elif entities[next(iter(found))]["type"] != page.type:
            result.wrong.append(f"{label}: type should be {entities[next(iter(found))]['type']}")
        elif main[next(iter(found))] != p:
            result.wrong.append(f"{label}: a second page for {names[0]} (main: {pages[main[next(iter(found))]].name})")
        else:
            result.right += 1
    for g, entity in enumerate(entities):
        spellings = {norm(s) for s in [entity["name"], *entity.get("spellings", [])] if index.get(norm(s)) == g}
        present = {s for page in pages for s in map(norm, page.spellings) if s in spellings}
        if not present:
            result.missed.append(entity["name"])
            continue
        on_main = {norm(s) for s in pages[main[g]].spellings} & present if g in main else set()
        result.recall.append(len(on_main) / len(present))
    return result


def pages_of(case_dir: Path) -> list[Page]:
    from builder.pipeline import assemble
    dossier = assemble(case_dir, None).dossier
    return [Page(e.name, e.type, [e.name, *e.aliases], len(e.articles)) for e in dossier.entities]


def pooled(label: str, scores: list[CaseScore]) -> str:
    right, counted = sum(s.right for s in scores), sum(s.counted for s in scores)
    recall = [r for s in scores for r in s.recall]
    precision = right / counted if counted else 0.0
    merge = sum(recall) / len(recall) if recall else 0.0
    return (f"{label:<22} precision {precision:.3f} ({right}/{counted})  merge recall {merge:.3f} "
            f"({len(recall)} gold entities found)  pages {sum(s.pages for s in scores)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", type=Path, help="the events bench folder (one sub-folder per case)")
    parser.add_argument("gold", type=Path, help="folder of <case-id>.json gold files")
    parser.add_argument("--case", action="append", help="only this case (repeatable)")
    parser.add_argument("--wrong", type=int, default=30, help="wrong pages listed per case")
    args = parser.parse_args()
    scores = []
    for gold_file in sorted(args.gold.glob("*.json")):
        case = gold_file.stem
        if args.case and case not in args.case or not (args.cases / case).is_dir():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        started = time.perf_counter()
        result = score(case, pages_of(args.cases / case), gold)
        scores.append(result)
        print(f"{pooled(case, [result])}  ({time.perf_counter() - started:.0f} s)")
        for line in result.wrong[:args.wrong]:
            print(f"    wrong: {line}")
        if result.missed:
            print(f"    gold entities with no spelling among the pages: {', '.join(result.missed)}")
        sys.stdout.flush()
    print()
    for label, names in (("tune half", TUNE), ("check half", CHECK)):
        half = [s for s in scores if s.case in names]
        if half:
            print(pooled(label, half))
    print(pooled("all cases", scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
