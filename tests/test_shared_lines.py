"""Lines repeated across sources are site furniture, but a headline shared by wire copies is still the title."""
from __future__ import annotations

import hashlib

from builder.clean import clean_source
from builder.clean.shared import find_shared_lines
from builder.model import Source

MENU = "Home | World | Middle East | Business | Sport"
TICKER = "Breaking News: markets close higher as oil prices rise"
HEADLINE = "Army retakes the old citadel of Deir Ezzor after a long siege"
BODY = ("DEIR EZZOR: The army retook the old citadel of Deir Ezzor on Tuesday after a siege that lasted three "
        "years, a military source said, and residents came out to greet the soldiers in the streets.\n\n"
        "The source said engineers were clearing mines from the roads around the citadel and that the "
        "first aid convoy was expected to reach the city within days.")


def source(name: str, outlet: str, ticker: str = "") -> Source:
    lines = [MENU, ticker, "", HEADLINE, "", "By Reuters", f"Published in {outlet} on 12 September 2017", "",
             BODY, "", "Share this article: Facebook Twitter Email"]
    data = "\n".join(lines).encode("utf-8")
    return Source(name=name, data=data, sha256=hashlib.sha256(data).hexdigest(), format="text")


def clean_all(sources: list[Source]):
    shared = find_shared_lines(sources)
    return [clean_source(s, shared.get(s.name, frozenset())) for s in sources]


def test_wire_copies_keep_their_shared_headline():
    articles = clean_all([source("a.txt", "Daily Star"), source("b.txt", "Arab News")])
    assert [a.title for a in articles] == [HEADLINE, HEADLINE]


def test_shared_menu_and_ticker_lines_are_still_furniture():
    articles = clean_all([source("a.txt", "Daily Star", TICKER), source("b.txt", "Arab News", TICKER)])
    for article in articles:
        assert article.title == HEADLINE
        removed = {r.text: r.reason for r in article.removed}
        assert removed[MENU] == removed[TICKER] == "line repeated across sources of the dossier"
        assert "Deir Ezzor" in article.paragraphs[0] and MENU not in article.body_text
