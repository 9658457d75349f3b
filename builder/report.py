"""The curator's build report: every warning of the last build, grouped by kind, and what was left alone.

It is written to `docs/.dossier-report.md`: beside the state it describes, but not part of the published
site (MkDocs skips dot-files), since it speaks to the curator about files and fixes, not to readers. It
holds no timings, so a build that changes nothing rewrites nothing.
"""
from __future__ import annotations

import re

REPORT_FILE = ".dossier-report.md"

# (kind, pattern): a warning belongs to the first kind whose pattern it matches, and kinds print in this order.
KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("Pages left alone", re.compile(r"^[^:]+: left alone\b")),
    ("The sources folder", re.compile(r"symbolic link|hidden (?:file|folder)|outside the sources folder|"
                                      r"articles\.json: (?:lists|\d+ files it does not list)")),
    ("Curator files (sidecars, articles.json, dossier.yml, aliases.yml)",
     re.compile(r"^[^:]+\.(?:ya?ml|json)(?::\d+)?: ")),
    ("Files that could not be used", re.compile(r"^[^:]+: (?:empty file|binary data|not text|unknown file type|"
                                                r"not a valid gzip|larger than|\d+ MiB is larger)")),
    ("Page names", re.compile(r"its page is ")),
    ("Publication dates", re.compile(r"\bdate\b")),
    ("Missing title, outlet or text", re.compile(r"\bno (?:title|outlet|article text)\b")),
    ("Authors", re.compile(r"\bauthor\b")),
    ("Encodings", re.compile(r"UTF-8|cp1252|mojibake|decoded as")),
]
OTHER = "Other"


def kind_of(warning: str) -> str:
    return next((kind for kind, pattern in KINDS if pattern.search(warning)), OTHER)


def grouped(warnings: list[str]) -> dict[str, list[str]]:
    """The warnings by kind, kinds in the order of KINDS, each kind's warnings in build order."""
    groups: dict[str, list[str]] = {kind: [] for kind, _ in KINDS}
    groups[OTHER] = []
    for warning in warnings:
        groups[kind_of(warning)].append(warning)
    return {kind: items for kind, items in groups.items() if items}


def by_kind(warnings: list[str]) -> list[str]:
    """The warnings in the order the report lists them, so the first ones printed are the weightiest."""
    return [w for items in grouped(warnings).values() for w in items]


def _item(text: str) -> str:
    """A list item showing the text as it is: a code span, fenced by more backticks than the text holds."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"- {fence} {' '.join(text.split())} {fence}"


def render_report(warnings: list[str], kept: list[str], summary: str) -> str:
    lines = ["# Build report", "", summary, ""]
    if kept:
        lines += [f"## Left alone (edited by hand): {len(kept)}", "", *map(_item, kept), ""]
    groups = grouped(warnings)
    lines += [f"## Warnings: {len(warnings)}", ""] + ([] if warnings else ["None.", ""])
    for kind, items in groups.items():
        lines += [f"### {kind}: {len(items)}", "", *map(_item, items), ""]
    return "\n".join(lines).rstrip() + "\n"
