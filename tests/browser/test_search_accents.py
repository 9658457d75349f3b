"""Search finds an entity by any spelling, with or without accents, whatever spelling the articles use."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import serve, search
from support import make_project, mkdocs_build

# Two hand-made articles: Préval is only ever written with accents, Michaelle Jean only without.
ARTICLES = {
    "a1.txt": "Haiti's president speaks after the quake\n\nPORT-AU-PRINCE, Jan 14 (Reuters) - President René Préval "
              "said on Thursday that the government was working to restore order in the capital.\n\nPréval thanked "
              "Canada's governor general, Michaelle Jean, for the help her country had sent.\n",
    "a2.txt": "Aid flights reach Haiti\n\nPORT-AU-PRINCE, Jan 15 (AP) - Haitian President René Préval met aid "
              "officials on Friday as flights landed at the airport.\n\nMichaelle Jean, who was born in "
              "Port-au-Prince, said Canada would send more aid.\n",
}


@pytest.fixture(scope="module")
def accent_site_url(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("accents")
    project = make_project(base / "project")
    for name, text in ARTICLES.items():
        (project / "sources" / name).write_text(text, encoding="utf-8")
    result = mkdocs_build(project, base / "site")
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    assert (base / "site" / "entities" / "rene-preval" / "index.html").is_file()
    with serve(base / "site") as url:
        yield url


@pytest.mark.parametrize("query, entity", [("Préval", "rene-preval"), ("Preval", "rene-preval"),
                                           ("Michaelle", "michaelle-jean"), ("Michaëlle", "michaelle-jean")])
def test_search_finds_an_entity_with_or_without_accents(browser, accent_site_url, query, entity):
    page = browser.new_page()
    try:
        page.goto(accent_site_url)
        results = search(page, query)
    finally:
        page.close()
    assert any(f"/entities/{entity}/" in url for url in results), f"searching {query!r} missed {entity}: {results}"
