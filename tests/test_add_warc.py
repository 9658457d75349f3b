"""`add FILE.warc[.gz]` and `.wacz`: archives written here with warcio; only HTML pages with status 200 come out."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from add_web import CAFE, STORY, STORY_NAME, assert_provenance, built, listing, sha256, sidecar, write_warc
from builder.collect.add import ADDED, FAILED, PRESENT, SKIPPED, Collector, add_all
from builder.collect.limits import Limits

CAFE_NAME = "news-example-org-cafe-owners-count-the-cost-of-the-floods.html"


def import_archive(sources: Path, archive: Path):
    with Collector(sources, Limits()) as collector:
        return list(add_all(collector, [], [], [archive], progress=False))


def statuses(outcomes) -> list[tuple[str, str]]:
    return [(o.item, o.status) for o in outcomes]


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_warc_gives_its_html_pages_and_skips_the_rest(tmp_path, gzipped):
    archive = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_warc(archive, gzipped)
    sources = tmp_path / "sources"
    outcomes = import_archive(sources, archive)
    assert statuses(outcomes) == [("http://news.example.org/story", ADDED),
                                  ("http://news.example.org/story", SKIPPED),
                                  ("http://news.example.org/logo.png", SKIPPED),
                                  ("http://news.example.org/old", SKIPPED),
                                  ("http://news.example.org/amp/story", PRESENT),
                                  ("http://news.example.org/cafe", ADDED)]
    reasons = [o.detail for o in outcomes]
    assert reasons[1].startswith("revisit record") and reasons[2] == "image/png, not HTML"
    assert reasons[3] == "HTTP 404, not a page" and "same address or same bytes" in reasons[4]
    assert listing(sources) == sorted([STORY_NAME, STORY_NAME + ".yml", CAFE_NAME, CAFE_NAME + ".yml"])
    assert (sources / STORY_NAME).read_bytes() == STORY, "the page's bytes, its gzip content-encoding undone"
    assert (sources / CAFE_NAME).read_bytes() == CAFE

    story = sidecar(sources, STORY_NAME)
    assert (story.final_url, story.captured_at, story.status) == ("http://news.example.org/story",
                                                                  "2024-05-01T10:00:00Z", 200)
    assert story.requested_url is None and story.archive == archive.name and story.etag == '"w1"'
    assert story.sha256 == sha256(STORY)
    cafe = sidecar(sources, CAFE_NAME)
    assert cafe.captured_at == "2024-05-02T06:30:00Z" and cafe.charset == "windows-1252"

    dossier, pages = built(sources)
    articles = {a.source: a for a in dossier.articles}
    assert articles[CAFE_NAME].title == "Café owners count the cost of the floods"
    for name, capture in ((STORY_NAME, story), (CAFE_NAME, cafe)):
        assert_provenance(pages, articles[name].slug, capture)
        assert f"out of the web archive {archive.name}" in pages[f"articles/{articles[name].slug}.md"]


def test_importing_an_archive_again_adds_nothing(tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive)
    sources = tmp_path / "sources"
    import_archive(sources, archive)
    before = {n: (sources / n).read_bytes() for n in listing(sources)}
    again = import_archive(sources, archive)
    assert [o.status for o in again if o.status != SKIPPED] == [PRESENT, PRESENT, PRESENT]
    assert {n: (sources / n).read_bytes() for n in listing(sources)} == before


def test_a_wacz_package_is_read_through_its_warcs(tmp_path):
    warc = tmp_path / "data.warc.gz"
    write_warc(warc)
    package = tmp_path / "crawl.wacz"
    with zipfile.ZipFile(package, "w") as wacz:
        wacz.write(warc, "archive/data.warc.gz")
        wacz.writestr("datapackage.json", json.dumps({"profile": "data-package", "resources": []}))
        wacz.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0"}\n')
    sources = tmp_path / "sources"
    outcomes = import_archive(sources, package)
    assert [o.status for o in outcomes].count(ADDED) == 2
    assert sidecar(sources, STORY_NAME).archive == "crawl.wacz"
    _, pages = built(sources)
    assert "out of the web archive crawl.wacz" in "".join(pages.values())


def test_an_unreadable_archive_fails_with_its_reason(tmp_path):
    text = tmp_path / "notes.warc"
    text.write_bytes(b"this is not a web archive at all\n" * 10)
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"\x1f\x8b\x08\x00" + b"junk" * 100)
    empty_wacz = tmp_path / "empty.wacz"
    with zipfile.ZipFile(empty_wacz, "w") as wacz:
        wacz.writestr("datapackage.json", "{}")
    sources = tmp_path / "sources"
    outcomes = [o for path in (text, junk, empty_wacz, tmp_path / "missing.warc") for o in import_archive(sources, path)]
    assert [o.status for o in outcomes] == [FAILED] * 4
    assert [o.detail.split(":")[0] for o in outcomes] == ["no HTTP response in it", "junk.warc.gz", "empty.wacz",
                                                           "missing.warc"]
    assert "not a readable web archive" in outcomes[1].detail and "no WARC under archive/" in outcomes[2].detail
    assert listing(sources) == []


def test_a_record_cut_short_is_not_imported(tmp_path):
    """A crawl stopped while it wrote its last record: the page before it comes out, the cut one does not."""
    whole = tmp_path / "whole.warc"
    write_warc(whole, gzipped=False)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:-600])
    sources = tmp_path / "sources"
    outcomes = import_archive(sources, cut)
    assert (outcomes[0].status, outcomes[-1].status) == (ADDED, FAILED)
    assert outcomes[-1].item == "http://news.example.org/cafe" and "cut short" in outcomes[-1].detail
    assert listing(sources) == [STORY_NAME, STORY_NAME + ".yml"]


def test_an_archive_kept_in_the_sources_folder_is_neither_read_nor_published(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    write_warc(sources / "crawl.warc.gz")
    import_archive(sources, sources / "crawl.warc.gz")
    dossier, pages = built(sources)
    assert sorted(a.source for a in dossier.articles) == sorted([STORY_NAME, CAFE_NAME])
    assert not dossier.rejected and not any("warc" in path for path in pages)
