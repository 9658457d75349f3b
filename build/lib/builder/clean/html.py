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


def _blocks(document: etree._Element) -> list[Block]:
    out = []
    main = document.find("main")
    for element in (main if main is not None else document).iter("p", "head", "list", "quote"):
        if element.tag == "list":
            for item in element.iter("item"):
                text = " ".join("".join(item.itertext()).split())
                if text:
                    out.append(Block("paragraph", text))
            continue
        if element.getparent() is not None and element.getparent().tag in ("list", "item"):
            continue
        text = " ".join("".join(element.itertext()).split())
        if text:
            out.append(Block("heading" if element.tag == "head" else "paragraph", text))
    return out


def clean_html(markup: str, language: str | None) -> Found:
    found = Found(language=language)
    xml = trafilatura.extract(markup, output_format="xml", with_metadata=True, include_comments=False,
                              include_tables=True, include_formatting=False, favor_recall=True)
    if not xml:
        found.warnings.append("no article text found in the HTML")
        return found
    document = etree.fromstring(xml.encode("utf-8"))
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
