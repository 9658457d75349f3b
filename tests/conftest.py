"""Shared fixtures: the five seed articles, analysed once per test session."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.model import Article, Block, Dossier
from builder.pipeline import assemble

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session")
def seed_dossier() -> Dossier:
    return assemble(ROOT / "sources", None).dossier


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    """The seed gold (a copy of the curated facts for the five seeds), committed so tests need no shared/."""
    return json.loads((GOLDEN / "seed_dossier.json").read_text(encoding="utf-8"))


def slug_for(dossier: Dossier, prefix: str) -> str:
    """The article slug for a gold source reference such as '003' or '003_9b41f538f22d9c2c.txt'."""
    return next(a.slug for a in dossier.articles if a.source.startswith(prefix[:3]))


def make_article(slug: str, *paragraphs: str, published: str | None = None, agency: str | None = None) -> Article:
    return Article(source=f"{slug}.txt", sha256="0" * 64, slug=slug, published=published, agency=agency,
                   blocks=[Block("paragraph", p) for p in paragraphs])
