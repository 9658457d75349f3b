"""The one slugify: stable, ASCII, URL- and file-name-safe; and page names that are unique and never the builder's own."""
from __future__ import annotations

import hashlib
import re
import unicodedata

# Names of pages the builder writes (index.md of every folder, the top-level pages, month pages of the
# archive) and names Windows cannot give a file: no article, entity or tag page may take one.
RESERVED = frozenset({"index", "tags", "timeline", "sources", "citations", "dossier", "archive", "articles",
                      "entities", "source-files", "undated", "con", "prn", "aux", "nul",
                      *(f"{device}{n}" for device in ("com", "lpt") for n in range(1, 10))})
RESERVED_SHAPES = re.compile(r"\d{4}-\d{2}")  # archive/YYYY-MM.md


def slugify(text: str, fallback_seed: str = "") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")
    if not slug:
        slug = "x-" + hashlib.sha256((fallback_seed or text).encode("utf-8")).hexdigest()[:10]
    return slug


def is_reserved(slug: str) -> bool:
    return slug in RESERVED or RESERVED_SHAPES.fullmatch(slug) is not None


def claim(slug: str, seed: str, taken: set[str]) -> str:
    """`slug` if it is free, else `slug-` and 8 hex digits of `seed` (a name unique to the thing, so the page
    keeps its name when its content changes), then -2, -3... should even that be taken. Adds it to `taken`."""
    name = slug
    if name in taken or is_reserved(name):
        name = base = f"{slug}-{hashlib.sha256(seed.encode('utf-8')).hexdigest()[:8]}"
        count = 1
        while name in taken:
            count += 1
            name = f"{base}-{count}"
    taken.add(name)
    return name
