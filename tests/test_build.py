"""End to end: sources -> builder -> docs -> `mkdocs build --strict`, as a curator runs it."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

from support import REPO, make_project, mkdocs_build, run_builder

HOSTILE = """<script>alert('x')</script> Hostile headline: with colon --- and # hash
By Reuters
November 20, 2017

# Not a heading: the first paragraph begins with a hash and has enough words to count as article prose.

[x](javascript:alert(1)) is a link that must stay text, and this sentence is long enough to be kept as prose.

Table syntax | a | b | stays text in this article.

---

{{ config.site_name }} and {% raw %} are template syntax that must print as text, not run, in this article.

<img src=x onerror=alert(2)> and <iframe src="https://evil.example"></iframe> are tags shown as plain text here.

*[HTML]: abbreviation syntax and [^1] footnote syntax and {: .evil } attribute syntax stay literal in the text.
"""


def test_seeds_build_with_strict_mkdocs(seed_project: Path) -> None:
    result = mkdocs_build(seed_project)
    assert result.returncode == 0, result.stderr
    site = seed_project / "site"
    assert (site / "index.html").is_file()
    assert (site / "sources" / "index.html").is_file()
    articles = sorted((site / "articles").glob("*/index.html"))
    assert len(articles) == 5, articles
    assert (site / "articles" / "index.html").is_file()


def test_hostile_source_is_shown_as_text(seed_project: Path) -> None:
    (seed_project / "sources" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = mkdocs_build(seed_project)
    assert result.returncode == 0, result.stderr
    page = (seed_project / "site" / "articles" / "hostile" / "index.html").read_text(encoding="utf-8")
    body = page[page.index('<article'):page.index('</article>')]
    assert "<script>alert" not in page
    assert "<img src=x" not in body and "<iframe" not in body
    assert 'href="javascript:' not in page
    assert "<table" not in body.split("What was removed")[0]
    assert body.count("<hr") == 1, "only the page's own rule before the source line"
    assert "<h1" in body and body.count("<h1") == 1
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    for literal in ["# Not a heading", "[x](javascript:alert(1))", "| a | b |", "{{ config.site_name }}",
                    "<img src=x onerror=alert(2)>", "*[HTML]:", "[^1]", "{: .evil }"]:
        assert literal in text, literal
    assert "<script>alert('x')</script> Hostile headline: with colon" in html.unescape(page)


def test_build_twice_changes_nothing_and_removal_removes_page(seed_project: Path) -> None:
    docs = seed_project / "docs"
    first = run_builder("build", seed_project / "sources", "-o", docs, "--cache", seed_project / "cache", "-q")
    assert first.returncode == 0, first.stderr
    snapshot = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()}
    second = run_builder("build", seed_project / "sources", "-o", docs, "--cache", seed_project / "cache", "-q")
    assert "0 written" in second.stdout
    assert snapshot == {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()}
    (seed_project / "sources" / "002_1edb87f518427efb.txt").unlink()
    third = run_builder("build", seed_project / "sources", "-o", docs, "--cache", seed_project / "cache", "-q")
    assert third.returncode == 0
    assert not (docs / "articles" / "002-1edb87f518427efb.md").exists()
    assert "002_1edb87f518427efb" not in (docs / "sources.md").read_text(encoding="utf-8")


def test_summary_edit_survives_rebuild_byte_for_byte(seed_project: Path) -> None:
    docs = seed_project / "docs"
    assert run_builder("build", seed_project / "sources", "-o", docs, "-q").returncode == 0
    index = docs / "index.md"
    original = index.read_text(encoding="utf-8")
    start = original.index("<!-- dossier:section overview -->")
    end = original.index("<!-- dossier:end overview -->")
    edited_section = ("<!-- dossier:section overview -->\n\n## Overview\n\nThe curator's own words: Albu Kamal "
                      "fell in November 2017.[^s1]\n\n[^s1]: [Syrian troops break into last IS-held town]"
                      "(articles/003-9b41f538f22d9c2c.md)\n\n")
    edited = original[:start] + edited_section + original[end:]
    index.write_text(edited, encoding="utf-8")
    (seed_project / "sources" / "004_c53045a6dcb19345.txt").unlink()
    rebuilt = run_builder("build", seed_project / "sources", "-o", docs, "-q")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "left alone (edited by hand): index.md § overview" in rebuilt.stdout
    assert "refreshed from the articles: index.md § timeline, index.md § figures" in rebuilt.stdout
    after = index.read_text(encoding="utf-8")
    assert edited_section + "<!-- dossier:end overview -->" in after
    assert "004-c53045a6dcb19345" not in after.split("<!-- dossier:section sources -->")[1]
    again = run_builder("build", seed_project / "sources", "-o", docs, "-q")
    assert index.read_text(encoding="utf-8") == after
    assert "index.md § overview" in again.stdout


def test_edited_article_page_is_left_alone(seed_project: Path) -> None:
    docs = seed_project / "docs"
    assert run_builder("build", seed_project / "sources", "-o", docs, "-q").returncode == 0
    page = docs / "articles" / "003-9b41f538f22d9c2c.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nCurator's note.\n", encoding="utf-8")
    edited = page.read_bytes()
    result = run_builder("build", seed_project / "sources", "-o", docs, "-q")
    assert page.read_bytes() == edited
    assert "articles/003-9b41f538f22d9c2c.md (edited by hand)" in result.stdout


def test_build_command_works_on_any_folder(tmp_path: Path) -> None:
    sources = tmp_path / "elsewhere"
    sources.mkdir()
    (sources / "one.txt").write_text("A headline about something\nBy AFP\nMarch 3, 2020\n\n" + "The council met on "
                                     "Tuesday and voted to approve the new budget for the coming year. " * 3,
                                     encoding="utf-8")
    result = run_builder("build", sources, "-o", tmp_path / "out", "-q")
    assert result.returncode == 0, result.stderr
    assert "1 sources: 1 articles" in result.stdout
    assert (tmp_path / "out" / "articles" / "one.md").is_file()


STORY = ("A headline about the council vote\nBy AFP\nMarch 3, 2020\n\nThe council met on Tuesday and voted to "
         "approve the new budget for the coming year, officials said in a statement on Tuesday evening.\n\n"
         "The vote followed weeks of debate over spending on roads, schools and the city's two hospitals.\n")


def test_sources_cannot_take_generated_page_names_or_crash_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    sources = project / "sources"
    for name in ["index.txt", "a.txt", "a.md", "a.text", "story.txt", "x/story.txt", "y/story.txt", "2017-11.txt",
                 "late.txt", "early.txt"]:
        (sources / name).parent.mkdir(parents=True, exist_ok=True)
        (sources / name).write_text(STORY.replace("council", f"council ({name})") if name[0] in "i2le" else STORY,
                                    encoding="utf-8")
    (sources / "late.txt.yml").write_text("published: 9999-12-31\n", encoding="utf-8")
    (sources / "early.txt.yml").write_text("published: 0001-01-01\n", encoding="utf-8")
    result = run_builder("build", sources, "-o", project / "docs", "-q")
    assert result.returncode == 0, result.stderr
    assert "10 sources: 10 articles" in result.stdout
    pages = sorted(p.name for p in (project / "docs" / "articles").glob("*.md"))
    assert len(pages) == 11 and "index.md" in pages, pages
    assert (project / "docs" / "articles" / "index.md").read_text(encoding="utf-8").count("# Articles") == 1
    for name, stem in [("index.txt", "index"), ("2017-11.txt", "2017-11")]:
        assert re.search(rf"warning: {name}: its page is articles/{stem}-[0-9a-f]{{8}}\.md, not {stem}\.md: the "
                         "builder writes a page of that name", result.stderr), result.stderr
    assert len(re.findall(r"another source has that name", result.stderr)) == 4
    assert "late.txt.yml:1: key 'published' 9999-12-31 is outside the years" in result.stderr
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    index = (project / "site" / "articles" / "index.html").read_text(encoding="utf-8")
    assert "council (index.txt)" in index and ">Articles<" in index


def test_a_build_that_finds_no_source_leaves_the_pages_alone(seed_project: Path) -> None:
    docs = seed_project / "docs"
    assert run_builder("build", seed_project / "sources", "-o", docs, "-q").returncode == 0
    before = {p: p.read_bytes() for p in docs.rglob("*.md")}
    misplaced = seed_project / "case"
    (misplaced / "articles" / "x").mkdir(parents=True)
    for source in sorted((seed_project / "sources").glob("*.txt"))[:3]:
        (misplaced / "articles" / "x" / source.name).write_bytes(source.read_bytes())
    (misplaced / "articles.json").write_text(json.dumps([{"file": f"articles/{n}.txt"} for n in range(3)]),
                                             encoding="utf-8")
    result = run_builder("build", misplaced, "-o", docs, "-q")
    assert result.returncode == 3
    assert f"error: no usable source in {misplaced.resolve()} and its sub-folders" in result.stderr
    assert ("articles.json lists 3 files in articles/, none of them there; 3 source files in articles/x/, which "
            "articles.json does not list") in result.stderr
    assert f"the pages in {docs} were left as they are" in result.stderr
    assert {p: p.read_bytes() for p in docs.rglob("*.md")} == before
    empty = seed_project / "empty"
    empty.mkdir()
    assert run_builder("build", empty, "-o", docs, "-q").returncode == 3
    emptied = run_builder("build", empty, "-o", docs, "-q", "--allow-empty")
    assert emptied.returncode == 0 and not (docs / "articles" / "003-9b41f538f22d9c2c.md").exists()


def test_every_warning_is_counted_printed_with_verbose_and_reported_by_kind(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "story.txt").write_text(STORY, encoding="utf-8")
    for n in range(60):
        (sources / f"empty-{n:02}.txt").write_text("", encoding="utf-8")
    docs = tmp_path / "docs"
    short = run_builder("build", sources, "-o", docs, "-q", "--cache", tmp_path / "cache")
    printed = [line for line in short.stderr.splitlines() if line.startswith("warning: ")]
    assert len(printed) == 51
    assert printed[-1] == (f"warning: ... and 10 more: all of them, by kind, in {docs}/.dossier-report.md "
                           "(or build with --verbose)")
    assert f"60 warnings (by kind in {docs}/.dossier-report.md)" in short.stdout
    verbose = run_builder("build", sources, "-o", docs, "-q", "--verbose", "--cache", tmp_path / "cache")
    assert len([line for line in verbose.stderr.splitlines() if line.startswith("warning: empty-")]) == 60
    report = (docs / ".dossier-report.md").read_text(encoding="utf-8")
    assert "## Warnings: 60" in report and "### Files that could not be used: 60" in report
    assert "- ` empty-59.txt: empty file; skipped `" in report


def test_two_builds_at_once_wait_for_each_other(seed_project: Path) -> None:
    docs, cache = seed_project / "docs", seed_project / "cache"
    assert run_builder("build", seed_project / "sources", "-o", docs, "-q", "--cache", cache).returncode == 0
    seed = seed_project / "sources" / "002_1edb87f518427efb.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA new closing paragraph, so that the builds have work to do.\n",
                    encoding="utf-8")
    command = [sys.executable, "-m", "builder", "build", str(seed_project / "sources"), "-o", str(docs), "-q",
               "--cache", str(cache)]
    builds = [subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(2)]
    outputs = [build.communicate(timeout=600) for build in builds]
    assert [build.returncode for build in builds] == [0, 0]
    assert not any("left alone" in out for out, _ in outputs), outputs
    assert any("another build is writing to" in err for _, err in outputs), outputs
