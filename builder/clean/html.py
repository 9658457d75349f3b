"""Clean a saved HTML page with trafilatura (markup-aware extraction), into the same shape as text pages."""
from __future__ import annotations

import logging
from collections import Counter

import trafilatura
from lxml import etree, html as lxml_html

from ..model import Block, Removal
from . import meta, rules
from .blocks import stoplist
from .dates import find_dates
from .text import Found, normalise

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)
PRECISION_SHARE = 1 / 3
MAX_HEADINGS = 10
LEAD_CHARS = 1500
TITLE_LEAD_WEIGHT = 2.0
TITLE_VOTE_WEIGHT = 1.0


def _parse(markup: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def _page_lines(tree: lxml_html.HtmlElement | None) -> list[str]:
    """The page's visible text, one line per block element: what a reader could have seen."""
    if tree is None:
        return []
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    return [line.strip() for line in tree.text_content().split("\n") if line.strip()]


def _headline_votes(tree: lxml_html.HtmlElement | None, extracted: str | None) -> Counter[str]:
    """Headline candidates, each counted once per place that shows it: the <title> (split at the
    ' | Site name' separators), og:title, the first h1/h2 elements, trafilatura's title."""
    if tree is None:
        return Counter({extracted: 1} if extracted else {})
    places = [rules.TITLE_SEPARATORS.split(" ".join(t.text_content().split())) for t in tree.xpath("//title")]
    places += [[m.get("content", "")] for m in tree.xpath("//meta[@property='og:title' or @name='twitter:title']")]
    places += [[" ".join(h.text_content().split())] for h in tree.xpath("//h1|//h2")[:MAX_HEADINGS]]
    places.append([extracted or ""])
    votes: Counter[str] = Counter()
    for texts in places:
        votes.update({text.strip(): 1 for text in texts if text.strip()})
    return votes


def choose_headline(votes: Counter[str], blocks: list[Block], language: str | None) -> str | None:
    """The candidate shaped like a headline, shown in most places, whose words the lead takes up.

    A candidate shown in one place only (a site name, a section heading) must also echo the lead.
    """
    lead = meta.stems(" ".join(b.text for b in blocks if b.kind == "paragraph")[:LEAD_CHARS])
    stops = stoplist(language)
    scored = [(meta.title_score(text, len(text.split())) + TITLE_LEAD_WEIGHT * meta.lead_overlap(text, lead, stops)
               + TITLE_VOTE_WEIGHT * count, text) for text, count in votes.items()]
    scored = [(score, text) for score, text in scored if score > TITLE_VOTE_WEIGHT * 2]
    return max(scored)[1] if scored else None


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _element_blocks(element: etree._Element) -> list[Block]:
    """One block per paragraph, heading, list item or table row of trafilatura's XML."""
    if element.tag == "head":
        return [Block("heading", _text(element))]
    if element.tag in ("list", "table"):
        parts = element.iter("item") if element.tag == "list" else element.iter("row")
        return [Block("paragraph", text) for text in map(_row_text, parts) if text]
    return [Block("paragraph", _text(element))]


def _row_text(part: etree._Element) -> str:
    if part.tag == "row":
        return " ".join(text for text in map(_text, part.iter("cell")) if text)
    return _text(part)


def _blocks(document: etree._Element) -> list[Block]:
    main = document.find("main")
    blocks = [block for element in (main if main is not None else document) for block in _element_blocks(element)]
    return [block for block in blocks if block.text]


def _extract(markup: str, **options: bool) -> etree._Element | None:
    xml = trafilatura.extract(markup, output_format="xml", with_metadata=True, include_comments=False,
                              include_tables=True, include_formatting=False, **options)
    return etree.fromstring(xml.encode("utf-8")) if xml else None


def _words(document: etree._Element | None) -> int:
    return len(" ".join(document.itertext()).split()) if document is not None else 0


def extract_article(markup: str) -> etree._Element | None:
    """trafilatura's precise extraction, unless it kept much less than its balanced one.

    favor_precision drops link-heavy boilerplate better, but now and then drops the article itself;
    a result under a third of the balanced one's length is taken as that failure.
    """
    precise, balanced = _extract(markup, favor_precision=True), _extract(markup)
    if _words(precise) >= PRECISION_SHARE * _words(balanced):
        return precise
    return balanced


def clean_html(markup: str, language: str | None) -> Found:
    found = Found(language=language)
    document = extract_article(markup)
    if document is None:
        found.warnings.append("no article text found in the HTML")
        return found
    attributes = document.attrib
    tree = _parse(markup)
    found.outlet = attributes.get("sitename") or None
    author = attributes.get("author") or None
    agency = meta.agency_name(author) if author else None
    found.agency, found.author = agency, None if agency else author
    date = attributes.get("date")
    if date and find_dates(date):
        found.date_candidates, found.date_raw = find_dates(date)[0].candidates, date
    found.blocks = _blocks(document)
    found.title = choose_headline(_headline_votes(tree, attributes.get("title")), found.blocks, language)
    kept = {normalise(b.text) for b in found.blocks}
    title_key = normalise(found.title or "")
    found.removed = [Removal(line, "page furniture (outside the article in the HTML)")
                     for line in _page_lines(tree) if normalise(line) not in kept and normalise(line) != title_key]
    return found
