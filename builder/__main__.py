"""Command line: build a dossier site, or run one stage on its own (clean, summarize, timeline).

Each command imports the stages it runs, so that a build with nothing to do starts quickly.
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from . import pipeline
from .model import Article, Override, Syndication


def _print_warnings(warnings: list[str], limit: int = 50) -> None:
    for line in warnings[:limit]:
        print(f"warning: {line}", file=sys.stderr)
    if len(warnings) > limit:
        print(f"warning: ... and {len(warnings) - limit} more", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    if not args.sources.is_dir():
        print(f"error: sources folder {args.sources} does not exist", file=sys.stderr)
        return 2
    report = pipeline.run(args.sources, args.output, args.cache, progress=not args.quiet, dask=args.dask)
    counts, written = report.counts, report.written
    _print_warnings(report.warnings)
    print(f"{counts['sources']} sources: {counts['articles']} articles ({report.cached} from cache), "
          f"{counts['excluded']} excluded, {counts['unreadable']} unreadable; {counts['copies']} syndicated copies, "
          f"{counts['entities']} entities, {counts['events']} events, {counts['figures']} figures"
          + (" (inputs unchanged since the last build)" if report.unchanged_inputs else ""))
    if written:
        print(f"docs: {len(written.written)} written, {written.unchanged} unchanged, {len(written.removed)} removed "
              f"-> {args.output}")
        for path in written.kept:
            print(f"left alone (edited by hand): {path}")
        if any("§" in path for path in written.kept):
            print(f"refreshed from the articles: {', '.join(written.refreshed)}")
    print(f"{len(report.warnings)} warnings, {report.seconds:.1f} s")
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    from .cache import article_to_dict
    from .clean import clean_source
    from .read import read_source
    from .render.articles import plain_body
    try:
        source = read_source(args.path, args.path.name, Override())
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    article = clean_source(source)
    fields = ["title", "outlet", "agency", "author", "published", "dateline", "language"]
    if args.json:
        data = article_to_dict(article)
        out = {k: data[k] for k in fields}
        out["body"] = plain_body(article)
        out["removed"] = [{"text": r.text, "reason": r.reason} for r in article.removed]
        out["warnings"] = article.warnings
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for key in fields:
            print(f"{key}: {getattr(article, key) or ''}")
        print()
        print(plain_body(article))
        _print_warnings(article.warnings)
    return 0


def _linked_articles(args: argparse.Namespace) -> tuple[list[Article], list[Syndication]]:
    """The folder's articles, cleaned, and its syndicated copies: all the summary and the timeline need."""
    from .analyze import included_and_copies
    return included_and_copies(pipeline.read_and_clean(args.dir, args.cache).articles)


def cmd_summarize(args: argparse.Namespace) -> int:
    from .analyze.summary import summarize
    included, syndication = _linked_articles(args)
    sentences = summarize(included, syndication, args.words)
    numbered = {a.slug: (n, a) for n, a in enumerate(sorted(included, key=lambda a: a.slug), 1)}
    for sentence in sentences:
        cites = "" if args.plain else " " + "".join(f"[{numbered[s][0]}]" for s in sentence.articles)
        print(sentence.text + cites)
    if not args.plain:
        print()
        for n, article in numbered.values():
            print(f"[{n}] {article.title or article.source} ({article.byline}, {article.published or 'undated'})")
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from .analyze.timeline import build_timeline
    included, syndication = _linked_articles(args)
    for event in build_timeline(included, syndication):
        if args.jsonl:
            if len(event.date) == 10:
                print(json.dumps({"date": event.date, "text": event.text, "articles": event.articles},
                                 ensure_ascii=False))
        else:
            print(f"{event.date}  {event.text}  [{', '.join(event.articles)}]")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m builder", description="Build a dossier site from raw news articles.")
    sub = top.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="clean, link and summarise sources/ into Markdown pages in docs/")
    build.add_argument("sources", nargs="?", type=Path, default=Path("sources"))
    build.add_argument("-o", "--output", type=Path, default=Path("docs"))
    build.add_argument("--cache", type=Path, default=Path(".dossier-cache"), help="build cache folder")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    build.add_argument("--dask", metavar="ADDRESS", default=None,
                       help="run the per-article stage on this Dask scheduler (default: $DOSSIER_DASK, else 2 local "
                            "processes)")
    build.set_defaults(func=cmd_build)
    clean = sub.add_parser("clean", help="print the cleaned article of one source file")
    clean.add_argument("path", type=Path)
    clean.add_argument("--json", action="store_true")
    clean.set_defaults(func=cmd_clean)
    summarize = sub.add_parser("summarize", help="print the combined summary of a folder of sources")
    summarize.add_argument("dir", type=Path)
    summarize.add_argument("--words", type=int, default=250)
    summarize.add_argument("--plain", action="store_true", help="no citation markers")
    summarize.add_argument("--cache", type=Path, default=None)
    summarize.set_defaults(func=cmd_summarize)
    timeline = sub.add_parser("timeline", help="print the dated events of a folder of sources")
    timeline.add_argument("dir", type=Path)
    timeline.add_argument("--jsonl", action="store_true", help="one JSON object per line (day-dated events only)")
    timeline.add_argument("--cache", type=Path, default=None)
    timeline.set_defaults(func=cmd_timeline)
    return top


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
