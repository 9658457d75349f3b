"""Clean a saved HTML page with trafilatura (markup-aware extraction), into the same shape as text pages."""
from __future__ import annotations

import logging

import trafilatura
from lxml import etree, html as lxml_html

from ..model import Block, Removal
from . import meta
from .dates import find_dates
from .text import Found, normalise

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)
PRECISION_SHARE = 1 / 3


def _page_lines(markup: str) -> list[str]:
    """The page's visible text, one line per block element: what a reader could have seen."""
    try:
        tree = lxml_html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return []
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    text = tree.text_content() if tree is not None else ""
    return [line.strip() for line in text.split("\n") if line.strip()]


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
    found.title = attributes.get("title") or None
    found.outlet = attributes.get("sitename") or None
    author = attributes.get("author") or None
    agency = meta.agency_name(author) if author else None
    found.agency, found.author = agency, None if agency else author
    date = attributes.get("date")
    if date and find_dates(date):
        found.date_candidates, found.date_raw = find_dates(date)[0].candidates, date
    found.blocks = _blocks(document)
    kept = {normalise(b.text) for b in found.blocks}
    title_key = normalise(found.title or "")
    found.removed = [Removal(line, "page furniture (outside the article in the HTML)")
                     for line in _page_lines(markup) if normalise(line) not in kept and normalise(line) != title_key]
    return found
