"""Command line: build a dossier site, add sources from the web, or run one stage on its own (clean, summarize,
timeline).

Each command imports the stages it runs, so that a build with nothing to do starts quickly.
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from . import pipeline, write
from .collect.limits import PER_HOST_DELAY, TIMEOUT_SECONDS, Limits
from .model import Article, Override, Syndication
from .read import NoSources
from .report import REPORT_FILE, by_kind, render_report


def _print_warnings(warnings: list[str], limit: int | None = 50, more: str = "") -> None:
    for line in warnings[:limit]:
        print(f"warning: {line}", file=sys.stderr)
    if limit is not None and len(warnings) > limit:
        print(f"warning: ... and {len(warnings) - limit} more{more}", file=sys.stderr)


def _counts_line(report: pipeline.BuildReport, for_terminal: bool = True) -> str:
    """What the dossier holds; in the terminal also how much came from the cache (the curator's report
    leaves that out, so that a build with nothing new leaves it as it was)."""
    counts = report.counts
    from_cache = f" ({report.cached} from cache)" if for_terminal else ""
    return (f"{counts['sources']} sources: {counts['articles']} articles{from_cache}, "
            f"{counts['excluded']} excluded, {counts['unreadable']} unreadable; {counts['copies']} syndicated copies, "
            f"{counts['entities']} entities, {counts['events']} events, {counts['figures']} figures"
            + (" (inputs unchanged since the last build)" if for_terminal and report.unchanged_inputs else ""))


def _build(args: argparse.Namespace) -> pipeline.BuildReport:
    """The build, one at a time per docs folder, and its report written beside the pages."""
    def waiting() -> None:
        print(f"another build is writing to {args.output}: waiting for it to finish", file=sys.stderr, flush=True)

    with write.docs_lock(args.output, on_wait=waiting, timeout=args.wait):
        report = pipeline.run(args.sources, args.output, args.cache, progress=not args.quiet,
                              allow_empty=args.allow_empty, dask=args.dask)
        written = report.written or write.WriteReport()
        text = render_report(by_kind(report.warnings + written.warnings), written.kept,
                             _counts_line(report, for_terminal=False))
        write.write_report(args.output, REPORT_FILE, text)
    return report


def cmd_build(args: argparse.Namespace) -> int:
    if not args.sources.is_dir():
        print(f"error: sources folder {args.sources} does not exist", file=sys.stderr)
        return 2
    try:
        report = _build(args)
    except NoSources as exc:
        _print_warnings(by_kind(exc.warnings), None if args.verbose else 50, " (build with --verbose to see them all)")
        print(f"error: {exc}.\nerror: the pages in {args.output} were left as they are (build with --allow-empty "
              "to empty the dossier)", file=sys.stderr)
        return 3
    except (write.WriteError, write.LockTimeout) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = " -> ".join(str(f) for f in (exc.filename, exc.filename2) if f)
        print(f"error: {where + ': ' if where else ''}{exc.strerror or exc}", file=sys.stderr)
        return 1
    written = report.written or write.WriteReport()
    warnings = by_kind(report.warnings + written.warnings)
    path = args.output / REPORT_FILE
    _print_warnings(warnings, None if args.verbose else 50, f": all of them, by kind, in {path} (or build with --verbose)")
    print(_counts_line(report))
    print(f"docs: {len(written.written)} written, {written.unchanged} unchanged, {len(written.removed)} removed "
          f"-> {args.output}")
    for kept in written.kept:
        print(f"left alone (edited by hand): {kept}")
    if any("§" in kept for kept in written.kept):
        print(f"refreshed from the articles: {', '.join(written.refreshed)}")
    print(f"{len(warnings)} warnings (by kind in {path}), {report.seconds:.1f} s")
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


def cmd_add(args: argparse.Namespace) -> int:
    from tqdm import tqdm
    from .collect.add import FAILED, Collector, add_all, read_url_file
    from .collect.warc import is_archive
    archives = [Path(item) for item in args.items if is_archive(item)]
    urls = [item for item in args.items if not is_archive(item)]
    try:
        urls += [url for path in args.from_file for url in read_url_file(path)]
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read the list of addresses: {exc}", file=sys.stderr)
        return 2
    if not (urls or archives or args.feed):
        print("error: nothing to add: give addresses, --from-file, --feed or a WARC/WACZ file", file=sys.stderr)
        return 2
    counts: dict[str, int] = {}
    try:
        with Collector(args.sources, Limits(timeout=args.timeout, delay=args.delay)) as collector:
            for outcome in add_all(collector, urls, args.feed, archives, progress=not args.quiet):
                counts[outcome.status] = counts.get(outcome.status, 0) + 1
                tqdm.write(f"{outcome.status}: {outcome.item}: {outcome.detail}",
                           file=sys.stderr if outcome.status == FAILED else sys.stdout)
    except KeyboardInterrupt:
        print("interrupted: the page being received was removed; pages added before it are kept", file=sys.stderr)
        return 130
    print(", ".join(f"{n} {status}" for status, n in sorted(counts.items())) + f" -> {args.sources}")
    return 1 if counts.get(FAILED) else 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m builder", description="Build a dossier site from raw news articles.")
    sub = top.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="clean, link and summarise sources/ into Markdown pages in docs/")
    build.add_argument("sources", nargs="?", type=Path, default=Path("sources"))
    build.add_argument("-o", "--output", type=Path, default=Path("docs"))
    build.add_argument("--cache", type=Path, default=Path(".dossier-cache"), help="build cache folder")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    build.add_argument("-v", "--verbose", action="store_true", help="print every warning (not only the first 50)")
    build.add_argument("--allow-empty", action="store_true",
                       help="build even when no source is found, removing the pages of the previous build")
    build.add_argument("--wait", type=float, default=3600, metavar="SECONDS",
                       help="how long to wait for another build writing to the same docs folder (default 3600)")
    build.add_argument("--dask", metavar="ADDRESS", default=None,
                       help="run the per-article stage on this Dask scheduler (default: $DOSSIER_DASK, else 2 local "
                            "processes)")
    build.set_defaults(func=cmd_build)
    add = sub.add_parser("add", help="add pages to sources/ by address, from a feed, or from a WARC/WACZ file")
    add.add_argument("items", nargs="*", help="http(s) addresses and .warc/.warc.gz/.arc/.wacz files")
    add.add_argument("--from-file", type=Path, action="append", default=[], help="a file of addresses, one a line")
    add.add_argument("--feed", action="append", default=[], help="an RSS or Atom feed whose linked pages to add")
    add.add_argument("--sources", type=Path, default=Path("sources"), help="the sources folder (default: sources)")
    add.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS,
                     help=f"seconds to wait for a server (default {TIMEOUT_SECONDS:g})")
    add.add_argument("--delay", type=float, default=PER_HOST_DELAY,
                     help=f"seconds between two requests to one host (default {PER_HOST_DELAY:g})")
    add.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    add.set_defaults(func=cmd_add)
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
