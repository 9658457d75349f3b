"""A sectioned page read as its parts, strictly, and what is wrong with its markers when it cannot be.

The builder writes each editable section between `<!-- dossier:section NAME -->` and
`<!-- dossier:end NAME -->`, each marker alone on its line. A page splits into parts: the sections, and
the text before, between and after them (front matter, the title, an intro line). The writer compares
each part with what it wrote last time, so a person's edit anywhere on the page is kept byte for byte.

That is only safe while the markers are exactly as written: a marker deleted, renamed, duplicated or
respaced would move text from one part into another. `marker_problems` finds each such change with its
line, and then the writer leaves the whole page alone and says why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SECTION_START = "<!-- dossier:section {name} -->"
SECTION_END = "<!-- dossier:end {name} -->"
SECTION = re.compile(r"^<!-- dossier:section (?P<name>[\w-]+) -->\n(?:(?P<body>.*?)\n)?"
                     r"<!-- dossier:end (?P=name) -->$", re.S | re.M)
LOOSE_MARKER = re.compile(r"<!--\s*dossier\s*:\s*(?P<kind>section|end)\b\s*(?P<name>[\w-]*)", re.I)


@dataclass(frozen=True)
class Part:
    """A section (`key` is its name) or the text around sections (`key` names its neighbours: '>overview' is
    the text before § overview, 'overview>timeline' the text between them, 'sources>' the text after)."""

    key: str
    text: str
    section: bool
    line: int = 1

    @property
    def label(self) -> str:
        if self.section:
            return f"§ {self.key}"
        before, after = self.key.split(">")
        if before and after:
            return f"the text between § {before} and § {after}"
        return f"the text before § {after}" if after else f"the text after § {before}"

    @property
    def body(self) -> str:
        """What a person wrote: a section's text inside its markers, or the text around sections."""
        match = SECTION.fullmatch(self.text) if self.section else None
        return (match["body"] or "") if match else self.text


def split_parts(text: str) -> list[Part]:
    """Every byte of the page in order, as sections and the text around them (call marker_problems first)."""
    parts, position, previous = [], 0, ""

    def line(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    for match in SECTION.finditer(text):
        parts.append(Part(f"{previous}>{match['name']}", text[position:match.start()], False, line(position)))
        parts.append(Part(match["name"], match.group(0), True, line(match.start())))
        position, previous = match.end(), match["name"]
    parts.append(Part(f"{previous}>", text[position:], False, line(position)))
    return parts


def has_sections(text: str) -> bool:
    return SECTION.search(text) is not None


def _respaced(line: str, kind: str, name: str) -> str | None:
    """Why a line that holds a marker is not the marker the builder writes; None when it is exactly that."""
    exact = (SECTION_START if kind == "section" else SECTION_END).format(name=name)
    if line == exact:
        return None
    if line.strip() == exact:
        return f"`{exact}` has {'a space after it' if line.rstrip() != line else 'space before it'}"
    if " ".join(line.split()) == exact:
        return f"`{line.strip()}` has extra spaces (the builder writes `{exact}`)"
    if exact in line:
        return f"`{exact}` is not alone on its line"
    return f"`{line.strip()}` is not written exactly as `{exact}`"


def _marker_lines(text: str) -> tuple[list[tuple[int, str, str]], list[str]]:
    """Every line that holds a marker (line, kind, name), and a problem for each not written exactly so."""
    found, problems = [], []
    for number, line in enumerate(text.split("\n"), 1):
        loose = LOOSE_MARKER.search(line)
        if not loose:
            continue
        kind, name = loose["kind"].lower(), loose["name"].rstrip("-")
        why = _respaced(line, kind, name) if name else f"`{line.strip()}` looks like a marker but names no section"
        if why:
            problems.append(f"line {number}: {why}")
        found.append((number, kind, name))
    return found, problems


def _sequence_problems(found: list[tuple[int, str, str]]) -> list[str]:
    """Each section opens, closes, and appears once; none opens inside another."""
    problems, seen, open_at, open_name = [], {}, 0, None
    for number, kind, name in found:
        if kind == "section":
            if open_name:
                problems.append(f"line {open_at}: § {open_name} has no end marker before § {name} starts "
                                f"on line {number}")
            if name in seen:
                problems.append(f"line {number}: § {name} appears a second time (first on line {seen[name]})")
            seen.setdefault(name, number)
            open_at, open_name = number, name
        elif open_name != name:
            problems.append(f"line {number}: the end marker of § {name} has no start marker before it")
        else:
            open_name = None
    if open_name:
        problems.append(f"line {open_at}: § {open_name} has no end marker")
    return problems


def marker_problems(text: str, names: list[str]) -> list[str]:
    """What stops `text` being split into the sections the builder writes (`names`); [] when nothing does."""
    found, problems = _marker_lines(text)
    problems += _sequence_problems(found)
    if problems:
        return problems
    present = {name: number for number, kind, name in found if kind == "section"}
    for name, number in present.items():
        if name not in names:
            problems.append(f"line {number}: § {name} is not a section the builder writes (renamed? "
                            f"it writes {', '.join(names)})")
    missing = [name for name in names if name not in present]
    if missing and problems:
        problems.append(f"§ {', § '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing")
    return problems
