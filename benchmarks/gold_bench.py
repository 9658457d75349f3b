"""Key figures, differences and timeline events against an editor's gold written by reading the articles.

    python benchmarks/gold_bench.py CASES_DIR [--gold benchmarks/gold] [--show 5]

For every case with a gold file (`benchmarks/gold/<case-id>.json`: facts with article ids, values
and short labels, no article text), the case is built as a dossier and what the site shows is
matched with the gold:

- figures: the home page's key figures (those marked `key`, at most render.summary.FIGURES_SHOWN). A shown figure is
  right when a gold figure, series point or side of a gold difference has its value (low and high),
  one of its `heads` (what is counted) among the figure's words, and a cited article in common.
  Precision = right / shown; recall = gold figures of tier "key" matched by a shown figure.
- differences: the home page's differences; one is right when its two values are the two values of
  a gold difference.
- events: the home page's "What happened when" events and the timeline page's; an event is real
  reporting when a gold event of its date (a day, or a month for month-dated events) shares two of
  its keywords with the event's text, or one and a cited article. Central: of the gold days whose
  central event the timeline shows a day for, the share where the day's first event is that event.

Cases are split in halves by split.py; the pooled figures are printed per half.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from split import HALVES, half  # noqa: E402

WORD = re.compile(r"[a-z0-9]+")


def stems(text: str) -> set[str]:
    return {w[:5] for w in WORD.findall(text.lower())}


def article_id(source: str) -> str:
    """'articles/12.txt' -> '12', the id the gold cites."""
    return Path(source).name.split(".")[0]


@dataclass
class Tally:
    case: str
    figures_shown: int = 0
    figures_right: int = 0
    key_figures: int = 0
    key_found: int = 0
    differences_shown: int = 0
    differences_right: int = 0
    home_events: int = 0
    home_real: int = 0
    timeline_events: int = 0
    timeline_real: int = 0
    central_days: int = 0
    central_first: int = 0
    wrong: list[str] = field(default_factory=list)


def gold_values(gold: dict) -> list[dict]:
    """Every (value, heads, articles) the gold holds: figures, series points and sides of differences."""
    values = [dict(f) for f in gold["figures"]]
    for group in gold.get("series", []) + gold.get("differences", []):
        for point in group.get("points", []) + group.get("sides", []):
            values.append({**point, "heads": group["heads"]})
    return values


def figure_matches(figure, gold: dict, ids: dict[str, str]) -> bool:
    words = stems(f"{figure.what} {figure.quantity}")
    cited = {ids[c.article] for c in figure.citations}
    return (abs(figure.low - gold["low"]) <= 0.005 * max(1, gold["low"])
            and abs(figure.high - gold["high"]) <= 0.005 * max(1, gold["high"])
            and bool(words & {h[:5] for h in gold["heads"]})
            and (not gold.get("articles") or bool(cited & set(gold["articles"]))))


def event_is_real(event, gold_events: list[dict], ids: dict[str, str]) -> dict | None:
    text = stems(event.text)
    cited = {ids[a] for a in event.articles}
    for gold in gold_events:
        if gold["date"] != event.date and not (len(event.date) == 7 and gold["date"].startswith(event.date)):
            continue
        shared = len(text & {k[:5] for k in gold["keywords"]})
        if shared >= 2 or shared >= 1 and cited & set(gold["articles"]):
            return gold
    return None


def linked_dossier(case_dir: Path):
    """The dossier's figures, differences and timeline exactly as `analyze` makes them, without the entity
    model (which none of them reads)."""
    from builder.analyze import included_and_copies
    from builder.analyze.figure_compare import find_figures
    from builder.analyze.relevance import not_reporting
    from builder.analyze.timeline import build_timeline_and_conflicts
    from builder.model import Dossier
    from builder.pipeline import read_and_clean

    articles = read_and_clean(case_dir, None).articles
    included, syndication = included_and_copies(articles)
    set_aside = not_reporting(included)
    events, date_conflicts = build_timeline_and_conflicts(included, syndication, set_aside)
    figures, differences, series = find_figures(included, syndication, set_aside)
    return Dossier(title="", articles=articles, syndication=syndication, events=events, figures=figures,
                   differences=differences + list(date_conflicts), series=series)


def score_case(args: tuple[str, str]) -> Tally:
    from builder.render.summary import DIFFERENCES_SHOWN, FIGURES_SHOWN, _capped, key_events

    case_dir, gold_path = args
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    dossier = linked_dossier(Path(case_dir))
    ids = {a.slug: article_id(a.source) for a in dossier.articles}
    tally = Tally(Path(case_dir).name)
    shown, _ = _capped([f for f in dossier.figures if f.key], FIGURES_SHOWN, lambda f: len(f.articles), "figures")
    values = gold_values(gold)
    tally.figures_shown = len(shown)
    for figure in shown:
        if any(figure_matches(figure, g, ids) for g in values):
            tally.figures_right += 1
        else:
            tally.wrong.append(f"figure: {figure.value} {figure.what} ({figure.attributed_to}) "
                               f"{sorted(ids[a] for a in figure.articles)}")
    keys = [g for g in gold["figures"] if g.get("tier") == "key"]
    tally.key_figures = len(keys)
    tally.key_found = sum(any(figure_matches(f, g, ids) for f in shown) for g in keys)
    differences, _ = _capped(dossier.differences, DIFFERENCES_SHOWN, lambda d: sum(len(s.articles) for s in d.sides),
                             "differences")
    tally.differences_shown = len(differences)
    gold_pairs = [{(s["low"], s["high"]) for s in d["sides"]} for d in gold.get("differences", [])]
    for difference in differences:
        values_given = {_side_value(s.text) for s in difference.sides}
        if any(values_given <= pair for pair in gold_pairs if None not in values_given):
            tally.differences_right += 1
        else:
            tally.wrong.append(f"difference: {difference.topic} | " + " | ".join(s.text for s in difference.sides))
    home = key_events(dossier)
    tally.home_events = len(home)
    for event in home:
        if event_is_real(event, gold["events"], ids):
            tally.home_real += 1
        else:
            tally.wrong.append(f"home event: {event.date} {event.text[:140]} {sorted(ids[a] for a in event.articles)}")
    tally.timeline_events = len(dossier.events)
    tally.timeline_real = sum(event_is_real(e, gold["events"], ids) is not None for e in dossier.events)
    first_by_day: dict[str, object] = {}
    for event in dossier.events:
        first_by_day.setdefault(event.date, event)
    for central in (g for g in gold["events"] if g.get("central") and g["date"] in first_by_day):
        tally.central_days += 1
        tally.central_first += event_is_real(first_by_day[central["date"]], [central], ids) is not None
    return tally


def _side_value(text: str) -> tuple[float, float] | None:
    """(low, high) of a difference side's leading value ('about 2,500-3,500 fighters' -> (2500, 3500))."""
    match = re.search(r"(\d[\d,]*(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d[\d,]*(?:\.\d+)?))?", text)
    if not match:
        return None
    low = float(match[1].replace(",", ""))
    return low, float(match[2].replace(",", "")) if match[2] else low


def share(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "  - "


HEADER = ("case                         fig P  fig R  diff P   home ev P  timeline ev P  central   shown: fig diff "
          "home timeline")


def row(label: str, tallies: list[Tally]) -> str:
    t = lambda name: sum(getattr(x, name) for x in tallies)  # noqa: E731
    return (f"{label:28s} {share(t('figures_right'), t('figures_shown')):>5s}  {share(t('key_found'), t('key_figures')):>5s}"
            f"  {share(t('differences_right'), t('differences_shown')):>6s}   {share(t('home_real'), t('home_events')):>9s}"
            f"  {share(t('timeline_real'), t('timeline_events')):>13s}  {share(t('central_first'), t('central_days')):>7s}"
            f"   {t('figures_shown'):>10d} {t('differences_shown'):4d} {t('home_events'):4d} {t('timeline_events'):8d}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", type=Path)
    parser.add_argument("--gold", type=Path, default=ROOT / "benchmarks" / "gold")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=5, help="wrong items to print per case")
    args = parser.parse_args()
    jobs = [(str(args.cases / g.stem), str(g)) for g in sorted(args.gold.glob("*.json"))
            if (args.cases / g.stem / "articles.json").is_file()]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        tallies = list(pool.map(score_case, jobs))
    print(HEADER)
    for tally in tallies:
        print(row(tally.case, [tally]))
        for item in tally.wrong[:args.show]:
            print(f"    {item}")
    for h, name in enumerate(HALVES):
        print(row(f"POOLED {name}", [t for t in tallies if half(t.case) == h]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
