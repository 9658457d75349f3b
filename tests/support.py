"""Helpers the tests share: the repository's paths, throwaway dossier projects built like the real one, articles."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from builder.model import Article, Block, Dossier, Override, Source

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "sources"
SHARED = REPO.parent / "shared"
GOLDEN = Path(__file__).resolve().parent / "golden"


def make_project(root: Path, sources: Path | None = None) -> Path:
    """A dossier project in `root`: this repo's mkdocs.yml (hook made absolute), stylesheets, and sources."""
    root.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - builder/mkdocs_hooks.py", f"  - {REPO / 'builder' / 'mkdocs_hooks.py'}")
    config = config.replace("  - builder\n", f"  - {REPO / 'builder'}\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for extra in ("stylesheets", "javascripts", "assets"):
        if (REPO / "docs" / extra).is_dir():
            shutil.copytree(REPO / "docs" / extra, root / "docs" / extra, dirs_exist_ok=True)
    if (REPO / "overrides").is_dir():
        shutil.copytree(REPO / "overrides", root / "overrides", dirs_exist_ok=True)
    target = root / "sources"
    if sources is not None and not target.exists():
        shutil.copytree(sources, target)
    target.mkdir(exist_ok=True)
    return root


def run_builder(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, check=False)


def mkdocs_build(project: Path, site: Path | None = None) -> subprocess.CompletedProcess:
    site = site or project / "site"
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                           "-d", str(site)], capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def slug_for(dossier: Dossier, prefix: str) -> str:
    """The article slug for a gold source reference such as '003' or '003_9b41f538f22d9c2c.txt'."""
    return next(a.slug for a in dossier.articles if a.source.startswith(prefix[:3]))


def make_article(slug: str, *paragraphs: str, published: str | None = None, agency: str | None = None) -> Article:
    return Article(source=f"{slug}.txt", sha256="0" * 64, slug=slug, published=published, agency=agency,
                   blocks=[Block("paragraph", p) for p in paragraphs])


def site_extensions() -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions mkdocs.yml enables, with their settings."""
    from mkdocs.utils import yaml_load
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as handle:
        entries = yaml_load(handle)["markdown_extensions"]
    names = [e if isinstance(e, str) else next(iter(e)) for e in entries]
    return names, {next(iter(e)): next(iter(e.values())) or {} for e in entries if isinstance(e, dict)}


def site_markdown():
    """Python-Markdown set up as `mkdocs build` sets it up for this site."""
    import markdown
    names, configs = site_extensions()
    return markdown.Markdown(extensions=names, extension_configs=configs)


BODY = ("The talks resumed on Tuesday after a week of delays, officials said, and both sides expected "
        "a first agreement on the timetable before the end of the month.\n"
        "Negotiators from the two delegations met in the capital for several hours and agreed to meet "
        "again next week, according to a statement released by the foreign ministry.\n"
        "Observers said the agreement was a modest but real step towards ending a conflict that has "
        "lasted for more than six years and displaced millions of people.\n")


def clean_page(text: str, name: str = "page.txt", override: Override | None = None) -> Article:
    """A hand-made plain-text source, cleaned."""
    from builder.clean import clean_source
    data = text.encode("utf-8")
    return clean_source(Source(name=name, data=data, sha256="0", format="text", override=override or Override()))


def rendered(dossier: Dossier) -> dict[str, str]:
    """Every page the site renders, as text."""
    from builder.render import render_site
    return {path: data.decode("utf-8") for path, data in render_site(dossier).items()}
