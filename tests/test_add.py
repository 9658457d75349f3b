"""`add` by address: a real HTTP server on 127.0.0.1, real fetches, the stored files, their capture records
and the provenance in the built dossier. No test reaches any other address."""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import signal
import subprocess
import time
from pathlib import Path

import httpx
import markdown
import pytest

from add_web import (CAFE, SEED, SEED_NAME, STORY, STORY_NAME, assert_provenance, built, listing, routes, sha256,
                     sidecar, write_warc)
from builder.clean.decode import decode
from builder.collect.add import ADDED, FAILED, PRESENT, Collector, add_all
from builder.collect.fetch import HostThrottle
from builder.collect.limits import Limits
from builder.slug import slugify
from builder import pipeline
from builder.__main__ import parser
from builder.cache import Store
from support import REPO, make_project, mkdocs_build
from webserver import LocalServer

FAST = Limits(timeout=5.0, delay=0.0)
COMPARED = ("title", "outlet", "agency", "author", "published", "dateline", "language", "date_candidates", "blocks",
            "removed", "sha256")


@pytest.fixture(scope="module")
def web():
    with LocalServer(routes()) as server:
        yield server


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    return tmp_path / "sources"


def add(sources: Path, *urls: str, limits: Limits = FAST):
    with Collector(sources, limits) as collector:
        return [collector.add_url(url) for url in urls]


def slug(name: str) -> str:
    return slugify(name.split(".")[0])


def test_a_page_is_stored_as_received_with_its_capture_record(web, sources):
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    [outcome] = add(sources, web.url("/story.html"))
    assert (outcome.status, outcome.detail) == (ADDED, STORY_NAME)
    assert listing(sources) == [STORY_NAME, STORY_NAME + ".yml"]
    assert (sources / STORY_NAME).read_bytes() == STORY
    capture = sidecar(sources, STORY_NAME)
    assert capture.requested_url == capture.final_url == web.url("/story.html")
    assert (capture.status, capture.content_type, capture.charset) == (200, "text/html", "utf-8")
    assert capture.sha256 == sha256(STORY)
    assert (capture.etag, capture.last_modified) == ('"story-1"', "Mon, 20 Nov 2017 07:12:00 GMT")
    assert capture.date and capture.date.endswith("GMT")
    captured = dt.datetime.fromisoformat(capture.captured_at.removesuffix("Z"))
    assert before <= captured <= before + dt.timedelta(minutes=1)
    assert "dossier-builder" in web.hits("/story.html")[-1].headers["User-Agent"]
    _, pages = built(sources)
    assert_provenance(pages, slug(STORY_NAME), capture)


@pytest.mark.parametrize("path, body, saved_as", [("/story.html", STORY, "saved.html"),
                                                  ("/seed.txt", SEED, SEED_NAME),
                                                  ("/cafe.html", CAFE, "cafe.html")])
def test_an_added_page_builds_like_the_same_page_saved_by_hand(web, tmp_path, path, body, saved_as):
    added_dir, saved_dir = tmp_path / "added", tmp_path / "saved"
    [outcome] = add(added_dir, web.url(path))
    assert outcome.status == ADDED
    saved_dir.mkdir()
    (saved_dir / saved_as).write_bytes(body)
    added, added_pages = built(added_dir)
    [added_article], [saved_article] = added.articles, built(saved_dir)[0].articles
    for name in COMPARED:
        assert getattr(added_article, name) == getattr(saved_article, name), name
    assert added_article.warnings == saved_article.warnings
    assert saved_article.url is None and saved_article.capture is None
    assert added_article.url == web.url(path) == added_article.capture.final_url
    assert_provenance(added_pages, added_article.slug, sidecar(added_dir, outcome.detail))


def test_a_redirect_chain_of_five_is_followed_and_a_sixth_hop_refused(web, sources):
    five, six = add(sources, web.url("/five0"), web.url("/six0"))
    assert five.status == ADDED
    capture = sidecar(sources, five.detail)
    assert capture.requested_url == web.url("/five0") and capture.final_url == web.url("/story.html")
    assert (six.status, six.detail) == (FAILED, "more than 5 redirects")
    assert len(web.hits("/six5")) == 1 and not any(r.path == "/story.html" and r.at > web.hits("/six5")[0].at
                                                  for r in web.requests)
    assert listing(sources) == [five.detail, five.detail + ".yml"]
    _, pages = built(sources)
    assert_provenance(pages, slug(five.detail), capture)
    assert f"requested as {web.url('/five0')}" in pages[f"articles/{slug(five.detail)}.md"]


@pytest.mark.parametrize("path, reason", [
    ("/missing", "HTTP 404 Not Found"),
    ("/gone.html", "HTTP 404 Not Found"),
    ("/report.pdf", "application/pdf is not HTML or plain text; refused"),
    ("/huge.html", "is larger than the 20 MiB limit; refused"),
    ("/huge-chunked.html", "larger than the 20 MiB limit; stopped receiving"),
    ("/broken.html", "the connection broke off"),
    ("/to-ftp", "which is not an http:// or https:// address"),
])
def test_what_cannot_be_added_is_refused_with_its_reason_and_leaves_nothing(web, sources, path, reason):
    [outcome] = add(sources, web.url(path))
    assert outcome.status == FAILED and reason in outcome.detail, outcome.detail
    assert listing(sources) == []
    assert built(sources)[0].articles == []


def test_not_an_address_is_refused_without_a_request(web, sources):
    count = len(web.requests)
    outcomes = add(sources, "ftp://127.0.0.1/file", "sources/story.html", "http://")
    assert [o.status for o in outcomes] == [FAILED] * 3
    assert len(web.requests) == count and listing(sources) == []


def test_a_server_slower_than_the_timeout_is_given_up_on(web, sources):
    started = time.monotonic()
    [outcome] = add(sources, web.url("/slow.html"), limits=Limits(timeout=0.3, delay=0.0))
    assert time.monotonic() - started < 10
    assert outcome.status == FAILED and outcome.detail.startswith("no answer within 0.3 s")
    assert listing(sources) == []


def test_a_page_already_present_by_address_or_by_content_is_skipped(web, sources, tmp_path):
    first, again, copy = add(sources, web.url("/story.html"), web.url("/story.html#top"), web.url("/copy/story.html"))
    assert first.status == ADDED
    assert (again.status, again.detail) == (PRESENT, f"already in sources as {STORY_NAME}")
    assert copy.status == PRESENT and "same address or same bytes" in copy.detail
    assert len(web.hits("/story.html")) >= 1 and listing(sources) == [STORY_NAME, STORY_NAME + ".yml"]
    (sources / "by-hand.txt").write_bytes(SEED)
    (sources / "by-hand.txt.yml").write_text(f"url: {web.url('/seed.txt')}\n", encoding="utf-8")
    hits = len(web.requests)
    story, seed = add(sources, web.url("/story.html"), web.url("/seed.txt"))
    assert (story.status, seed.status) == (PRESENT, PRESENT) and "by-hand.txt" in seed.detail
    assert len(web.requests) == hits, "a page known by its address is not fetched again"


def test_an_existing_file_is_never_overwritten(web, sources):
    sources.mkdir()
    (sources / STORY_NAME).write_bytes(b"a page the curator saved under this name")
    second = STORY_NAME.replace(".html", "-2.html")
    (sources / f"{second}.yml").write_text("title: a sidecar waiting for its page\n", encoding="utf-8")
    [outcome] = add(sources, web.url("/story.html"))
    third = STORY_NAME.replace(".html", "-3.html")
    assert (outcome.status, outcome.detail) == (ADDED, third)
    assert (sources / STORY_NAME).read_bytes() == b"a page the curator saved under this name"
    assert (sources / f"{second}.yml").read_text(encoding="utf-8") == "title: a sidecar waiting for its page\n"
    assert not (sources / second).exists() and (sources / third).read_bytes() == STORY
    assert sidecar(sources, third).sha256 == sha256(STORY)


def test_a_page_declared_in_windows_1252_is_read_in_it(web, sources):
    [outcome] = add(sources, web.url("/cafe.html"))
    assert outcome.status == ADDED and outcome.detail.endswith("cafe-owners-count-the-cost-of-the-floods.html")
    assert (sources / outcome.detail).read_bytes() == CAFE
    capture = sidecar(sources, outcome.detail)
    assert capture.charset == "windows-1252"
    dossier, pages = built(sources)
    [article] = dossier.articles
    assert article.title == "Café owners count the cost of the floods"
    assert "“We lost €5 million in a single night,” said the café’s owner" in article.body_text
    assert_provenance(pages, article.slug, capture)


def test_the_declared_charset_decodes_what_guessing_cannot(web, sources):
    [outcome] = add(sources, web.url("/koi8.txt"))
    capture = sidecar(sources, outcome.detail)
    assert capture.charset == "koi8-r" and capture.content_type == "text/plain"
    dossier, pages = built(sources)
    assert "the headline 'Армия заняла город'." in dossier.articles[0].body_text
    data = (sources / outcome.detail).read_bytes()
    assert "Армия" not in decode(data)[0], "without the server's word the bytes are misread"
    assert_provenance(pages, dossier.articles[0].slug, capture)


def test_requests_to_one_host_are_paced(web, sources):
    """Every request, redirect hops included, waits its turn at its host (the waits are recorded, not slept)."""
    waits: list[float] = []
    with Collector(sources, Limits(timeout=5.0, delay=0.4)) as collector:
        collector.fetcher.throttle.sleep = waits.append
        outcomes = [collector.add_url(web.url("/story.html")), collector.add_url(web.url("/five0"))]
    assert [o.status for o in outcomes] == [ADDED, PRESENT]
    assert len(waits) == 6 and all(0.0 <= w <= 0.4 for w in waits), "story, then five0..five4 and the target"
    slept: list[float] = []
    now = [100.0]
    throttle = HostThrottle(1.0, clock=lambda: now[0], sleep=slept.append)
    for url, advance in [("http://a.test/1", 0.0), ("http://a.test/2", 0.25), ("http://b.test/1", 0.0),
                         ("http://A.TEST/3", 2.0)]:
        now[0] += advance
        throttle.wait(httpx.URL(url))
    assert slept == [0.75, 0.0]


def test_an_interrupted_fetch_leaves_nothing_behind(web, sources):
    """Ctrl-C while the body is arriving, in `./dossier add` as the README runs it: the command stops, and the
    sources folder is as it was."""
    sources.mkdir()
    (sources / "kept.txt").write_bytes(SEED)
    process = subprocess.Popen(["bash", str(REPO / "dossier"), "add", web.url("/stall.html"), "--sources",
                                str(sources), "--delay", "0", "-q"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not any(p.name.endswith(".part") and p.stat().st_size for p in sources.iterdir()):
        assert process.poll() is None and time.monotonic() < deadline, "the fetch never started"
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130 and "interrupted" in err
    assert listing(sources) == ["kept.txt"]


def command(*argv: str) -> int:
    """The command line as `python -m builder` runs it (main() itself would reset SIGPIPE in the test process)."""
    args = parser().parse_args(list(argv))
    return args.func(args)


def test_the_command_reads_a_list_and_its_exit_status_says_whether_all_was_added(web, tmp_path, capsys):
    sources = tmp_path / "sources"
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# coverage of the fall of Albu Kamal\n\n{web.url('/story.html')}  # the Loopback Times\n"
                    f"  {web.url('/seed.txt')}\n#{web.url('/report.pdf')}\n", encoding="utf-8")
    assert command("add", "--from-file", str(urls), "--sources", str(sources), "--delay", "0", "-q") == 0
    out = capsys.readouterr().out
    assert out.count("added: ") == 2 and "2 added" in out
    assert command("add", "--from-file", str(urls), web.url("/report.pdf"), "--sources", str(sources), "--delay", "0") == 1
    again = capsys.readouterr()
    assert again.out.count("present: ") == 2
    assert f"failed: {web.url('/report.pdf')}: application/pdf is not HTML or plain text; refused" in again.err
    assert command("add", "--sources", str(sources)) == 2
    assert command("add", "--from-file", str(tmp_path / "no-such-list.txt"), "--sources", str(sources)) == 2
    assert len([n for n in listing(sources) if not n.endswith(".yml")]) == 2


def test_a_hostile_capture_record_stays_text(tmp_path):
    """Whatever a server or a hand-edited sidecar put in the record is shown as text, never as markup."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "page.txt").write_bytes(SEED)
    (sources / "page.txt.yml").write_text(
        "capture:\n"
        "  final_url: 'https://evil.example/a)](javascript:alert(1))<script>alert(2)</script>'\n"
        "  captured_at: 2024-05-01T10:00:00Z\n"
        "  status: 200\n"
        f"  sha256: {'f' * 64}\n"
        "  etag: '<img src=x onerror=alert(3)>'\n"
        "  archive: '<b>crawl</b>_[x](y).warc'\n", encoding="utf-8")
    dossier, pages = built(sources)
    assert not dossier.warnings
    page = pages["articles/page.md"]
    html = markdown.markdown(page.split("\n---\n", 2)[2], extensions=["footnotes", "admonition", "attr_list",
                                                                      "tables", "pymdownx.details", "toc"])
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert 'href="javascript:' not in html
    assert 'href="https://evil.example/a%29]%28javascript:alert%281%29%29%3Cscript%3Ealert%282%29%3C/script%3E"' in html
    assert "The file in the sources folder has been changed since." in page
    assert "&lt;b&gt;crawl&lt;/b&gt;_[x](y).warc" in html


def test_the_built_site_shows_where_and_when_each_page_was_captured(web, tmp_path):
    """Pages added by address, from a feed and out of a WARC, built with `mkdocs build --strict`."""
    project = make_project(tmp_path / "project")
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive)
    with Collector(project / "sources", FAST) as collector:
        outcomes = list(add_all(collector, [], [], [archive], progress=False))
        outcomes += add_all(collector, [web.url("/seed.txt")], [web.url("/feed.atom")], [], progress=False)
    added = [o.detail for o in outcomes if o.status == ADDED]
    assert len(added) == 4, outcomes
    assert [o.item for o in outcomes if o.status == PRESENT] == [
        "http://news.example.org/amp/story", web.url("/story.html"), web.url("/cafe.html")], "the WARC's copies"
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for name in added:
        capture = sidecar(project / "sources", name)
        page = (site / "articles" / slug(name) / "index.html").read_text(encoding="utf-8")
        text = html.unescape(re.sub(r"<[^>]+>", "", page))
        assert f"Captured from {capture.final_url} on " in text and f"sha256 {capture.sha256}" in text
        assert f'<a href="{capture.final_url}">' in page
        assert f"urldate = {{{capture.day}}}" in page
    sources_page = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "<th>Captured</th>" in sources_page or ">Captured<" in sources_page
    assert '<time datetime="2024-05-01">' in sources_page and '<time datetime="2024-05-02">' in sources_page
    accessed = [i.get("accessed") for i in json.loads((site / "citations.json").read_text(encoding="utf-8"))]
    assert len([a for a in accessed if a]) == 4
    assert (site / "citations.bib").read_text(encoding="utf-8").count("urldate = {") == 4
    export = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    assert sorted(a["capture"]["final_url"] for a in export["articles"]) == sorted(
        sidecar(project / "sources", n).final_url for n in added)
    assert not list(site.rglob("*.warc*"))


def test_the_capture_record_survives_the_clean_cache(web, tmp_path):
    sources, cache = tmp_path / "sources", tmp_path / "cache"
    [outcome] = add(sources, web.url("/story.html"))
    first = pipeline.assemble(sources, cache).dossier.articles[0]
    second = pipeline.assemble(sources, cache)
    assert second.cached == 1
    assert second.dossier.articles[0].capture == first.capture == sidecar(sources, outcome.detail)
    store = Store(cache)
    [cached] = [row[0] for row in store.db.execute("SELECT key FROM articles")]
    assert store.get("articles", cached).capture == first.capture
    store.close()


def test_a_long_list_shows_a_progress_bar(web, sources, capsys):
    urls = [web.url(f"/missing?{n}") for n in range(5)]
    with Collector(sources, FAST) as collector:
        outcomes = list(add_all(collector, urls, [], [], progress=True))
    assert [o.status for o in outcomes] == [FAILED] * 5
    assert "adding:   0%|          | 0/5 [" in capsys.readouterr().err
