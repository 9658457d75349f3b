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


STRAY = "2 men charged in death of Chicago teen who performed in inauguration event."
OWN = ["The army retook the old citadel on Tuesday after a siege, a military source said.",
       "Engineers were clearing mines from the roads around the citadel, the source added.",
       "The first aid convoy was expected to reach the city within days, residents said.",
       "Soldiers searched the old market for snipers while residents watched from balconies."]


def page_with_stray_link(name: str, k: int) -> Source:
    """Pages about one story, each in its own words, each carrying the same link to another story."""
    lines = [f"Citadel retaken: report {k}", "", OWN[k % 4] + f" Report {k} was filed from the front line.", "",
             STRAY, "", OWN[(k + 1) % 4] + f" It was the {k}th day of fighting near the eastern gate."]
    data = "\n".join(lines).encode("utf-8")
    return Source(name=name, data=data, sha256=hashlib.sha256(data).hexdigest(), format="text")


def test_another_storys_headline_repeated_across_pages_is_furniture():
    articles = clean_all([page_with_stray_link(f"{k}.txt", k) for k in range(3)])
    for article in articles:
        assert STRAY not in article.body_text
        assert {r.text: r.reason for r in article.removed}[STRAY] == "another story's headline repeated across sources"


def test_a_promotion_in_many_pages_beside_a_paragraph_a_few_share_is_furniture():
    """A site's promotion ends half the pages; some of them end their story with the same background paragraph
    (a wire copy shares its neighbours as widely as its lines, a promotion does not)."""
    promo = "The pun - ancient artform, or the lowest form of wit?"
    background = "The coroner ruled the singer died from an overdose of the anesthetic found in his body."
    sources = []
    for k in range(8):
        own = OWN[k % 4] + f" Report {k} was filed from the front line on day {k}."
        lines = [f"Citadel retaken: report {k}", own, background if k < 2 else f"It was the {k}th day of fighting.",
                 promo]
        data = "\n".join(lines).encode("utf-8")
        sources.append(Source(name=f"{k}.txt", data=data, sha256=hashlib.sha256(data).hexdigest(), format="text"))
    for k, article in enumerate(clean_all(sources)):
        assert promo not in article.body_text
        assert k >= 2 or background in article.body_text


def test_another_storys_headline_on_a_pages_first_line_next_to_a_prompt_is_furniture():
    """The CNN live pages open with the other story's link, then a 'read our complete story' prompt."""
    prompt = "Read our complete story and check out our full coverage on unrest in the Arab world."
    sources = []
    for k in range(3):
        lines = [STRAY, prompt, OWN[k % 4] + f" Report {k} was filed from the front line.",
                 OWN[(k + 1) % 4] + f" It was the {k}th day of fighting near the eastern gate."]
        data = "\n".join(lines).encode("utf-8")
        sources.append(Source(name=f"{k}.txt", data=data, sha256=hashlib.sha256(data).hexdigest(), format="text"))
    for article in clean_all(sources):
        assert STRAY not in article.body_text and prompt not in article.body_text
        assert "Chicago" not in (article.title or "")


def test_a_sentence_of_the_story_repeated_by_its_updates_stays():
    """Its words are the page's words."""
    repeated = "The army retook the old citadel on Tuesday after a siege, a military source said."
    sources = []
    for k in range(3):
        lines = [f"Citadel retaken: update {k}", "", f"Update {k}: army soldiers entered the citadel after dawn on day {k}.",
                 "", repeated, "", f"The military source said residents had counted {k + 3} days of siege."]
        data = "\n".join(lines).encode("utf-8")
        sources.append(Source(name=f"{k}.txt", data=data, sha256=hashlib.sha256(data).hexdigest(), format="text"))
    for article in clean_all(sources):
        assert repeated in article.body_text


def test_another_storys_headline_on_the_first_line_of_two_pages_is_furniture():
    """A crawl puts the site's latest headline on top of some pages: two pages opening with it are enough,
    when it is not about either page; a page's own headline stays, and so does a line shared further down."""
    fact = "The first aid convoy was expected to reach the city within days."
    sources = []
    for k in range(2):
        lines = [STRAY, f"Citadel retaken: report {k}", OWN[k] + f" Report {k} was filed from the front line.",
                 fact, OWN[k + 2] + f" It was the {k}th day of fighting near the eastern gate."]
        data = "\n".join(lines).encode("utf-8")
        sources.append(Source(name=f"{k}.txt", data=data, sha256=hashlib.sha256(data).hexdigest(), format="text"))
    for k, article in enumerate(clean_all(sources)):
        assert STRAY not in article.body_text and "Chicago" not in (article.title or "")
        assert article.title == f"Citadel retaken: report {k}" and fact in article.body_text
    headline = "Army retakes the citadel after a siege that lasted three years."
    own = [f"{headline}\n{OWN[k]} The army took it after a siege of three years.\n{OWN[k + 2]}" for k in range(2)]
    sources = [Source(name=f"{k}.txt", data=t.encode(), sha256=hashlib.sha256(t.encode()).hexdigest(), format="text")
               for k, t in enumerate(own)]
    assert [a.title for a in clean_all(sources)] == [headline.rstrip("."), headline.rstrip(".")]
    lead = ("Engineers were clearing mines from the roads around the old city on Tuesday after a long siege, the "
            "military source said, and the first aid convoy was expected within days.")
    copies = [f"{STRAY}\n{lead}\n{OWN[k]}" for k in range(2)]
    sources = [Source(name=f"{k}.txt", data=t.encode(), sha256=hashlib.sha256(t.encode()).hexdigest(), format="text")
               for k, t in enumerate(copies)]
    assert all(STRAY in a.body_text or a.title == STRAY.rstrip(".") for a in clean_all(sources))
