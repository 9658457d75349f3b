"""Shared fixtures: the site built once per test session, exactly as CI and the Pages workflow build it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# What a build reads: the config, the raw articles, the docs folder (hand-written pages, CSS) and any
# theme overrides. builder/ is linked, not copied, so the hook in mkdocs.yml runs this checkout's code.
PROJECT_FILES = ["mkdocs.yml", "sources", "docs", "overrides"]
BUILD_COMMAND = ["mkdocs", "build", "--strict"]


def build_site(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` (the command CI and .github/workflows/pages.yml run) of a copy of the project."""
    project.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns(".dossier-cache"))
        elif source.is_file():
            shutil.copy2(source, project / name)
    (project / "builder").symlink_to(ROOT / "builder", target_is_directory=True)
    command = [sys.executable, "-m", *BUILD_COMMAND, "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True,
                          check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed dossier built into a temporary folder once per session; its path (the site root)."""
    base = tmp_path_factory.mktemp("dossier-build")
    site = base / "site"
    result = build_site(base / "project", site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return site
