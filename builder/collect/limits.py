"""The limits every fetch keeps, as named constants (the command's --timeout and --delay set two of them)."""
from __future__ import annotations

from dataclasses import dataclass

from ..read import MAX_BYTES

MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 20.0
PAGE_SECONDS = 120.0
PER_HOST_DELAY = 1.0
USER_AGENT = "dossier-builder/0.1 (collects news coverage for a curated dossier; `python -m builder add`)"


@dataclass(frozen=True)
class Limits:
    timeout: float = TIMEOUT_SECONDS  # each wait: connecting, or for the next piece of the answer
    page_seconds: float = PAGE_SECONDS  # one page, every hop and the whole body
    delay: float = PER_HOST_DELAY  # between two requests to one host
    max_bytes: int = MAX_BYTES  # the same cap as a file in sources/
    max_redirects: int = MAX_REDIRECTS
