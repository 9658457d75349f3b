"""Faithful trimming of extracted sentences: dateline and trailing attribution off, nothing else changed.

A trimmed sentence is still a contiguous extract of the article: only a leading dateline
("BEIRUT (Reuters) -", "WASHINGTON, March 3 (Xinhua) --") or a trailing attribution
(", state media said.") is cut, and never from a quotation, whose speaker must stay named.
"""
from __future__ import annotations

import re

from .sentences import tokens

DATELINE = re.compile(
    r"^\s*(?:(?P<place>[A-Z][A-Z.'\- ]*[A-Z.](?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?)\s*)?(?:\((?P<agency>[A-Za-z][\w. ]{0,30})\)\s*)?"
    r"(?:--|—|–|-|_|:)\s+(?=[\"'“‘A-Z0-9])")
LEAD_PLACE = re.compile(r"^(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?):\s+(?=[A-Z])")
ATTRIBUTION = re.compile(
    r",\s+(?P<who>[^,\"“”]{2,60}?)\s+(?:said|says|reported|reports|announced|added|told\s+[A-Z][\w.]+)"
    r"(?:\s+(?:on\s+|late\s+|early\s+|earlier\s+)?(?:[A-Z][a-z]+day|today|yesterday))?\s*\.$")
ACCORDING = re.compile(r",\s+according to [^,\"“”]{3,60}\.$")
QUOTES = "\"“”‘’'"


def trim_dateline(text: str, lead: bool = False) -> str:
    """Drop a wire dateline at the start; a mixed-case 'Beirut:' only in an article's first sentence."""
    match = DATELINE.match(text)
    if match and (match["place"] or match["agency"]):
        return text[match.end():]
    if lead:
        match = LEAD_PLACE.match(text)
        if match:
            return text[match.end():]
    return text


def trim_attribution(text: str) -> str:
    """Drop ', police said.' at the end, unless the sentence is a quotation or too little would be left."""
    if text[:1] in QUOTES or any(q in text for q in "\"“”"):
        return text
    for pattern in (ATTRIBUTION, ACCORDING):
        match = pattern.search(text)
        if match and len(tokens(text[:match.start()])) >= 8 and len(match.group(0).split()) <= 12:
            return text[:match.start()].rstrip() + "."
    return text


def trim(text: str, lead: bool = False) -> str:
    return trim_attribution(trim_dateline(text, lead)).strip()
