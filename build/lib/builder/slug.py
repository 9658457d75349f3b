"""The one slugify: stable, ASCII, URL- and file-name-safe."""
from __future__ import annotations

import hashlib
import re
import unicodedata


def slugify(text: str, fallback_seed: str = "") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")
    if not slug:
        slug = "x-" + hashlib.sha256((fallback_seed or text).encode("utf-8")).hexdigest()[:10]
    return slug
