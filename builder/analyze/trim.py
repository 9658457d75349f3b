"""Faithful trimming of extracted sentences: a wire dateline off, nothing else changed.

A trimmed sentence is still a contiguous extract of the article: only a leading dateline
("BEIRUT (Reuters) -", "WASHINGTON, March 3 (Xinhua) --", "Tripoli, Libya (CNN) --", and in an
article's first sentence a mixed-case "Beirut:") or a live blog's time stamp is cut. An attribution (", state media said", "according to the UN") is part
of what the sentence claims and is never cut.
"""
from __future__ import annotations

import re

from ..clean.rules import LIVE_STAMP

DATELINE = re.compile(
    r"^\s*(?:(?P<place>[A-Z][A-Z.'\- ]*[A-Z.](?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?)\s*)?(?:\((?P<agency>[A-Za-z][\w. ]{0,30})\)\s*)?"
    r"(?:--|—|–|-|_|:)\s+(?=[\"'“‘A-Z0-9])")
LEAD_PLACE = re.compile(r"^(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?):\s+(?=[A-Z])")
AGENCY_DATELINE = re.compile(r"^\s*[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,3}(?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?)?"
                             r"\s*\([A-Za-z][\w. ]{0,30}\)\s*(?:--|—|–|-|_)\s+(?=[\"'“‘A-Z0-9])")


def trim_dateline(text: str, lead: bool = False) -> str:
    """Drop a wire dateline at the start; a mixed-case 'Beirut:' only in an article's first sentence; a live
    blog's '(Updated at 11:20 a.m. ET):' stamp."""
    stamp = LIVE_STAMP.match(text)
    if stamp:
        text = text[stamp.end():]
    match = DATELINE.match(text)
    if match and (match["place"] or match["agency"]):
        return text[match.end():]
    match = AGENCY_DATELINE.match(text)
    if match:
        return text[match.end():]
    if lead:
        match = LEAD_PLACE.match(text)
        if match:
            return text[match.end():]
    return text


def trim(text: str, lead: bool = False) -> str:
    return trim_dateline(text, lead).strip()
