"""Fixtures: the seed dossier analysed once per session, the seed gold, a throwaway project, the built site."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.model import Dossier
from builder.pipeline import assemble
from support import GOLDEN, SEEDS, make_project, mkdocs_build


@pytest.fixture
def seed_project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project", SEEDS)


@pytest.fixture(scope="session")
def seed_dossier() -> Dossier:
    return assemble(SEEDS, None).dossier


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    """The seed gold (a copy of the curated facts for the five seeds), committed so tests need no shared/."""
    return json.loads((GOLDEN / "seed_dossier.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed dossier built with `mkdocs build --strict` (as CI and the Pages workflow do), once per session."""
    base = tmp_path_factory.mktemp("dossier-build")
    result = mkdocs_build(make_project(base / "project", SEEDS), base / "site")
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return base / "site"
