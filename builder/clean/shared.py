"""Lines that recur across the dossier's sources: menus and footers of one site, not article text.

Also the openings of the first lines: a headline or photo caption that one source glues in front of
its lead ("Jackson family left 'speechless and devastated' by star's death Los Angeles police ...")
often opens a line of another source too, followed by something else (glue.py cuts it off there).
"""
from __future__ import annotations

import hashlib
from collections import Counter

from ..model import Source
from .decode import decode
from .glue import PREFIX_LINES, SHARED_MIN_WORDS, prefix_keys
from .text import normalise

MAX_WORDS = 20
WIDELY = 3
WIDE = "\x1e"
LONG = "\x1d"
BREADTH = "\x1c"
MAX_BREADTH = 40


def long_key(key: str) -> str:
    """A long line (a paragraph) as a short digest: only whether another source has it matters."""
    return LONG + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def stored(key: str) -> str:
    """How a normalised line is kept among the shared lines: as it is, or as a digest when it is long."""
    return key if len(key.split()) < MAX_WORDS else long_key(key)


def breadth(key: str, shared: frozenset[str]) -> int:
    """How widely a normalised line is shared, on a doubling scale: 0 when no other source has it, 1 for two
    sources, 2 for three, 3 for four to seven..."""
    kept = stored(key)
    return next((b for b in range(1, MAX_BREADTH) if f"{BREADTH}{b}{kept}" in shared), 0)


def stray(key: str, shared: frozenset[str]) -> bool:
    """A short line that at least WIDELY sources have (another story's headline in a list of links)."""
    return WIDE + key in shared


def opens_another(key: str, shared: frozenset[str]) -> bool:
    """A line that another source has among its first lines (where a headline, a caption or a lead stands)."""
    return f"{stored(key)}\x1f" in shared


def line_keys(source: Source) -> set[str]:
    """Normalised lines of a text source (a long one as a digest), and the first lines' marked as such
    (with the headline-shaped runs they open with)."""
    if source.format != "text":
        return set()
    text, _ = decode(source.data, charset=source.charset)
    keys = set()
    lines = [line for line in text.split("\n") if line.strip()]
    for line in lines:
        key = normalise(line)
        if key:
            keys.add(stored(key))
    for line in lines[:PREFIX_LINES]:
        for run, continued in prefix_keys(line):
            keys.update((run, continued))
        key = normalise(line)
        if SHARED_MIN_WORDS <= len(key.split()):
            keys.add(f"{stored(key)}\x1f")
    return keys


def find_shared_lines(sources: list[Source], keys: list[set[str]] | None = None) -> dict[str, frozenset[str]]:
    """For each source, its lines that also occur in at least one other source, (marked WIDE) its short lines
    that at least WIDELY sources have, and (marked BREADTH) how widely each line is shared (`keys`: each
    source's `line_keys`, when known already)."""
    keys = [line_keys(s) for s in sources] if keys is None else keys
    counts = Counter(k for own in keys for k in own)
    shared = {}
    for source, own in zip(sources, keys):
        found = frozenset(k for k in own if counts[k] >= 2) | {WIDE + k for k in own if counts[k] >= WIDELY
                                                                and k[:1] not in (LONG, WIDE) and "\x1f" not in k} \
            | {f"{BREADTH}{(counts[k] - 1).bit_length()}{k}" for k in own if counts[k] >= 2 and "\x1f" not in k}
        if found:
            shared[source.name] = found
    return shared
