from __future__ import annotations

from pathlib import Path

import pytest

from builder.model import Article, Block
from builder.pipeline import assemble

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seeds():
    """The five seed articles of sources/, read, cleaned and analysed (no cache)."""
    return assemble(ROOT / "sources", None).dossier


def make_article(slug: str, published: str | None, *paragraphs: str, agency: str | None = None) -> Article:
    return Article(source=f"{slug}.txt", sha256=slug, slug=slug, published=published, agency=agency,
                   blocks=[Block("paragraph", p) for p in paragraphs])
