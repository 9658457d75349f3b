"""Every furniture rule names what it matched, removes its real furniture, and leaves prose that looks like it."""
from __future__ import annotations

import pytest

from builder.clean.furniture import furniture_reason
from support import BODY, clean_page as clean

# (rule, furniture lines it must remove, prose that looks like it and must survive)
CASES = [
    ("login or account prompt",
     ["Sign in", "Forgot your password?", "You must be logged in to leave a comment. Not a member? Register now!"],
     ["She is tiny through malnourishment, her arm bears the sores of an infection and her mother had to register "
      "her at the clinic before she could be fed.",
      "She is tiny through malnourishment, her arm bears the sores of a drip and a hand-written sign in Creole "
      "hangs above her cot.",
      "It refused to sign up to the Kyoto Protocol.",
      "The private equity firm, which owns the Orange County Register, cut 40 jobs at the paper last year.",
      "\"We didn't like the perception of the university representing BP,\" the department head told the "
      "Press-Register."]),
    ("share or follow bar", ["Share", "Facebook Twitter Email", "Share this article"],
     ["Share prices fell sharply on Tuesday after the company warned on profits."]),
    ("link prompt", ["Click here to read the full report.", "Read more: Tencent profit falls as Alibaba threat weighs",
                     "Continue reading the main story",
                     "Read our complete story and check out our full coverage on unrest in the Arab world."],
     ["Rescuers said they had come here to see whether anyone was still alive under the rubble.",
      "Reporters who read the full report said it blamed the company for the explosion.",
      "The judge said she would read the complete file before deciding on bail.",
      "Investigators will read more of the flight recorder data on Monday, the agency said."]),
    ("cookie or consent notice",
     ["This website uses cookies to improve your experience.", "Terms of Use | Privacy Policy | Contact Us"],
     ["Lawmakers blasted the oil companies for their \"cookie cutter\" spill response plans on Tuesday.",
      "I thought the red button was for warm milk and cookies."]),
    ("copyright line", ["© 2019 Cable News Network. All Rights Reserved.", "Copyright 2007 by Bay City News."],
     ["This is the most egregious case of mass copyright infringement that has ever existed, the lawyer said.",
      "File photo of the foreign minister (C) leaves after his meeting with his counterpart in Nicosia."]),
    ("advertising", ["Advertisement", "Story continues below advertisement"],
     ["Advertising revenue at the newspaper group fell 12 percent in the last quarter."]),
    ("image notice", ["This image will be automatically disabled when it gets reported by several people."],
     ["The photo was removed from the agency's website after readers complained about it."]),
    ("comment widget", ["12 Comments", "Leave a reply", "The BBC may edit your comments and not all emails will be "
                                                         "published."],
     ["Comments by the attorney general that the department was investigating raised the specter of liability.",
      "Commenting on the research, Dr Simon Boxall said the most important issue remained the oil."]),
    ("navigation", ["Home", "Skip to main content", "Back to top"],
     ["Home prices rose for a third month in a row, the association said on Friday."]),
    ("related links", ["Related stories", "More from Morning Mix:", "Tags: Libya, NATO, Gadhafi"],
     ["More from Florida's Senator Bill Nelson, who wants the military put in charge: \"The military has the "
      "assets to do it,\" he said."]),
    ("link list with counts", ["Politics (12)"],
     ["The death toll in the province rose to 45 on Monday, officials said (up from 30)."]),
    ("newsletter prompt", ["Sign up for our daily newsletter", "Get the day's top headlines delivered to your inbox.",
                           "The Associated Press contributed to this report Sign up for breaking news e-mail alerts"],
     ["The company's newsletter said the plant would reopen in May after the repairs.",
      "\"We are not small people but we wish to get our lives back,\" the fisherman told the chief executive."]),
    ("crawl or archive notice",
     ["The WARC files associated with this crawl are not currently available to the general public.",
      "This page has been archived and is no longer updated."],
     ["The Internet Archive, a nonprofit library in San Francisco, said it would appeal the ruling.",
      "The national database is no longer updated, researchers said, so the figures are from 2008."]),
    ("page update stamp", ["Page last updated at 14:47 GMT, Wednesday, 1 July 2009"],
     ["The casualty figures were last updated in March, the ministry said."]),
    ("comment widget", ["If you'd like, you can explain your choice in the comments below.", "Leave a comment below"],
     ["The minister wrote in the comments below the article that he had been misquoted, his office said."]),
    ("reader contribution prompt",
     ["Your feedback will help tell CNN producers what to do with this iReport.",
      "Share your photos and videos with CNN iReport.",
      "This screen name will be associated with your iReport stories and comments on this site."],
     ["Residents were asked to share their photos of the flooding with the emergency services.",
      "\"Your feedback will help us plan the relief effort,\" the mayor told residents on Sunday."]),
    ("opinion disclaimer", ["The opinions expressed are his own.",
                            "The opinions expressed in this commentary are solely those of Mary Ellen O'Connell."],
     ["The minister said the views expressed at the meeting were shared by the Arab League."]),
    ("author note", ["The author is a Reuters Breakingviews columnist.", "- Eric Auchard is a Reuters columnist."],
     ["Smith is a columnist for the Times and said on Monday that he would resign over the report."]),
    ("site edition prompt", ["Would you like to make this your default edition?"],
     ["The paper said it would make the Sunday issue its default edition for the whole region from May."]),
    ("live-blog link list",
     ["Giant box to fight US oil spill - 3 hrs ago Mirror.co.uk Box used in bid to avert oil spill - 3 hrs ago",
      "Obama to make fourth trip to oil disaster zone – 4 hrs ago"],
     ["The well blew out four hours ago, a coast guard spokesman said."]),
]


@pytest.mark.parametrize("rule, furniture, prose", CASES, ids=[c[0] for c in CASES])
def test_each_rule_removes_its_furniture_and_names_the_match(rule: str, furniture: list[str], prose) -> None:
    for line in furniture:
        reason = furniture_reason(line)
        if rule == "page update stamp":  # a date line: read as the page's metadata, removed all the same
            continue
        assert reason and reason.startswith(f"{rule} ('"), (line, reason)


@pytest.mark.parametrize("rule, furniture, prose", CASES, ids=[c[0] for c in CASES])
def test_prose_that_looks_like_the_rule_survives(rule: str, furniture, prose: list[str]) -> None:
    for sentence in prose:
        assert furniture_reason(sentence) is None, sentence
        article = clean("Talks resume on the timetable\nBy AFP\nNovember 21, 2017\n" + BODY + sentence + "\n" + BODY)
        assert sentence in article.paragraphs, (sentence, article.removed)


def test_the_removal_record_names_the_words_matched() -> None:
    article = clean("Talks resume on the timetable\nSign in\nBy AFP\n" + BODY + "Sign up for our daily newsletter\n")
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Sign in"] == "login or account prompt ('sign in')"
    assert reasons["Sign up for our daily newsletter"] == "newsletter prompt ('sign up for our daily newsletter')"


def test_a_page_update_stamp_never_becomes_article_text() -> None:
    article = clean("Talks resume on the timetable\nPage last updated at 14:47 GMT, Wednesday, 1 July 2009\n" + BODY)
    assert all("last updated" not in p for p in article.paragraphs) and article.published == "2009-07-01"


TEASERS = ["U.S., allies strike Libya: Explosions and anti-aircraft fire thundered in the skies above Tripoli "
           "early Sunday.",
           "Radiation found in food as crisis continues: As workers scrambled to curb a nuclear crisis Sunday, the "
           "government considered halting the sale of food from farms near the plant.",
           "Weekend full moon biggest in about 20 years: If the moon looks a little bit bigger and brighter this "
           "weekend, there's a reason for that."]


def test_a_list_of_other_stories_headlines_with_their_standfirsts_is_furniture() -> None:
    article = clean("Talks resume on the timetable\nBy AFP\n" + BODY + "\n".join(TEASERS) + "\n" + BODY)
    assert not any(t in article.body_text for t in TEASERS)
    assert {r.text: r.reason for r in article.removed}[TEASERS[0]] == "list of other stories (headline: standfirst)"


@pytest.mark.parametrize("lines", [
    ["In the Gulf: BP caps one of the three leaks, though thousands of barrels continue to leak.",
     "At the White House: Obama meets with Cabinet officials to discuss the response.",
     "In the Gulf: The Coast Guard estimates up to 1,000 barrels are leaking every day.",
     "At the White House: Obama plays golf in North Carolina with his aides."],
    ["What they know: The oil will be a matter of concern and study for generations.",
     "What they don't know: Where exactly the oil is going, and what it will do to wildlife.",
     "What they need to know: How to choreograph dozens of state, local and federal players."],
    ["FAREED ZAKARIA, CNN HOST: Why has the military not moved against him so far?",
     "ANNE-MARIE SLAUGHTER, PRINCETON: Because its units are loyal to his own tribe.",
     "FAREED ZAKARIA, CNN HOST: And what happens to those units if he falls next week?"],
    ["11.45 am ET: Markey is in top form, ribbing the companies for their response plans.",
     "Now he's ribbing the companies for their cut-and-paste oil response plans again: \"The only technology you "
     "seem to be relying on is paper towels.\"",
     "11.50 pm ET: Markey is also hitting the oil executives for their cutting and pasting."],
    ["Wild 4, Sabres 1: Zach Parise scored twice and Minnesota beat Buffalo. Jason Zucker had a goal.",
     "Bruins 5, Devils 1: David Pastrnak scored two goals to lead Boston. Tuukka Rask made 25 saves.",
     "Panthers 5, Flyers 2: Aleksander Barkov had a goal and an assist. Sergei Bobrovsky stopped 35 shots."],
], ids=["chronology labels", "one article's headings", "transcript speakers", "live-blog entries", "a round-up"])
def test_lines_that_open_with_labels_of_one_article_are_not_a_list_of_other_stories(lines: list[str]) -> None:
    article = clean("Talks resume on the timetable\nBy AFP\n" + BODY + "\n".join(lines) + "\n" + BODY)
    assert all(line in article.paragraphs for line in lines), article.removed
