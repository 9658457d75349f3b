"""`add --feed`: an Atom feed served on 127.0.0.1 points at saved pages; its hints fill only what pages leave out."""
from __future__ import annotations

from pathlib import Path

import pytest

from add_web import STORY_NAME, assert_provenance, built, listing, routes, sidecar
from builder import config
from builder.clean.hints import apply_hints
from builder.collect.add import ADDED, FAILED, READ, Collector, add_all
from builder.collect.limits import Limits
from builder.model import Article, Hints, Override
from webserver import LocalServer

FAST = Limits(timeout=5.0, delay=0.0)


@pytest.fixture(scope="module")
def web():
    with LocalServer(routes()) as server:
        yield server


def hints_of(sources: Path, name: str) -> Hints:
    override, errors = config.load_sidecar(sources / f"{name}.yml", f"{name}.yml")
    assert not errors and override.hints is not None
    return override.hints


def test_a_feed_adds_every_page_it_links_to_with_its_hints(web, tmp_path):
    sources = tmp_path / "sources"
    feed = web.url("/feed.atom")
    with Collector(sources, FAST) as collector:
        outcomes = list(add_all(collector, [], [feed], [], progress=False))
    by_item = {o.item: o for o in outcomes}
    assert by_item[feed].status == READ and by_item[feed].detail == "5 linked pages"
    assert [o.item for o in outcomes[1:]] == [web.url(p) for p in ("/story.html", "/nodate.txt", "/cafe.html",
                                                                    "/missing", "/report.pdf")]
    assert [o.status for o in outcomes[1:]] == [ADDED, ADDED, ADDED, FAILED, FAILED]
    story, nodate, cafe = (by_item[web.url(p)].detail for p in ("/story.html", "/nodate.txt", "/cafe.html"))
    assert story == STORY_NAME and nodate == "127-0-0-1-aid-convoy-reaches-deir-ez-zor-after-three-year-siege.txt"
    assert len(listing(sources)) == 6

    assert hints_of(sources, story) == Hints(feed=feed, title="Army seizes Albu Kamal, last IS town in Syria",
                                             published="2017-11-20", author="Jane Doe")
    assert hints_of(sources, nodate) == Hints(feed=feed, title="Aid convoy reaches Deir ez-Zor after three-year siege",
                                              published="2017-09-11", author="Reuters")
    dossier, pages = built(sources)
    articles = {a.source: a for a in dossier.articles}

    page_said = articles[story]
    assert page_said.title == "Syrian army and allies seize Albu Kamal from Islamic State"
    assert page_said.published == "2017-11-20" and page_said.author == "Jane Doe"
    assert any("the feed titles it 'Army seizes Albu Kamal, last IS town in Syria'; kept the page's title" in w
               for w in page_said.warnings)

    page_silent = articles[nodate]
    assert page_silent.published == "2017-09-11", "the feed's own day (23:30 at UTC-5), not the UTC one"
    assert page_silent.agency == "Reuters" and page_silent.author is None
    assert not any("publication date" in w or "outlet or agency" in w for w in page_silent.warnings)

    assert articles[cafe].published == "2017-11-21"
    for name in (story, nodate, cafe):
        assert_provenance(pages, articles[name].slug, sidecar(sources, name))


@pytest.mark.parametrize("path, reason", [("/not-a-feed.xml", "not an RSS or Atom feed"),
                                          ("/report.pdf", "application/pdf is not an RSS or Atom feed; refused"),
                                          ("/missing", "HTTP 404 Not Found")])
def test_what_is_not_a_feed_fails_and_adds_nothing(web, tmp_path, path, reason):
    sources = tmp_path / "sources"
    with Collector(sources, FAST) as collector:
        [outcome] = add_all(collector, [], [web.url(path)], [], progress=False)
    assert outcome.status == FAILED and reason in outcome.detail, outcome.detail
    assert listing(sources) == []


def article(**fields) -> Article:
    return Article(source="a.html", sha256="0" * 64, slug="a", **fields)


def test_a_hint_fills_only_what_the_page_and_the_curator_leave_out():
    hints = Hints(title="Feed title", published="2017-11-19", author="Jane Doe")
    blank = article()
    apply_hints(blank, Override(hints=hints))
    assert (blank.title, blank.published, blank.author, blank.warnings) == ("Feed title", "2017-11-19", "Jane Doe", [])

    page = article(title="Page title", published="2017-11-20", author="John Roe")
    apply_hints(page, Override(hints=hints))
    assert (page.title, page.published, page.author) == ("Page title", "2017-11-20", "John Roe")
    assert page.warnings == [
        "the feed titles it 'Feed title'; kept the page's title (set `title` in the sidecar file to choose)",
        "the feed dates it 2017-11-19; kept the page's date 2017-11-20 (set `published` in the sidecar file to choose)",
        "the feed gives the author as 'Jane Doe'; kept the page's 'John Roe'"]

    curated = article(title="Curator's title", published="2017-11-18")
    apply_hints(curated, Override(title="Curator's title", published="2017-11-18", hints=hints))
    assert (curated.title, curated.published, curated.warnings) == ("Curator's title", "2017-11-18", [])

    agreeing = article(title="Feed title | The Loopback Times", published="2017-11-19", author="jane doe")
    apply_hints(agreeing, Override(hints=hints))
    assert agreeing.warnings == []


def test_a_feed_date_settles_an_ambiguous_page_date_only_when_it_is_one_of_its_readings():
    settled = article(date_candidates=["2017-07-11", "2017-11-07"])
    apply_hints(settled, Override(hints=Hints(published="2017-11-07")))
    assert (settled.published, settled.date_candidates) == ("2017-11-07", [])
    other = article(date_candidates=["2017-07-11", "2017-11-07"])
    apply_hints(other, Override(hints=Hints(published="2017-11-09")))
    assert other.published is None and other.date_candidates == ["2017-07-11", "2017-11-07"]
    assert "none of the page's readings" in other.warnings[0]


def test_a_feed_author_that_is_a_wire_agency_is_an_agency_hint():
    wire = article(agency="AFP")
    apply_hints(wire, Override(hints=Hints(author="Reuters")))
    assert (wire.agency, wire.author) == ("AFP", None)
    assert wire.warnings == ["the feed gives the agency as 'Reuters'; kept the page's 'AFP'"]
