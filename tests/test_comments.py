"""Reader comments after an article are removed as comments and never counted as the outlet's reporting."""
from __future__ import annotations

import pytest

from builder.clean import clean_source
from builder.model import Source

POST = ["Climate models and the limits of prediction",
        "One of the awkward things about global warming is that there are no absolutes, and no one can say "
        "definitively what the climate will do next, however good the computers become.",
        "The panel of scientists that periodically publishes the largest summary of the evidence is only prepared "
        "to say that human beings are very likely to be the source of the problem.",
        "They are hedging for a reason: the weather is chaotic, and chaotic systems are infinitely complex and "
        "inherently unpredictable over the long run, which is where the models come in."]
COMMENT = ("Sure, there will never be a way to produce a perfect model, but your article ignores how fast "
           "the machines these models run on are getting, and that matters a great deal for what we can say.")
COMMENTS = [f"{COMMENT[:-1]} in {year}." for year in range(2010, 2100)]


def clean(lines: list[str]):
    data = "\n".join(lines).encode("utf-8")
    return clean_source(Source(name="blog.txt", data=data, sha256="0", format="text"))


def words(article) -> int:
    return sum(len(p.split()) for p in article.paragraphs)


THREADS = {
    "signed with a time ('X wrote:')": [f"At {h}:{m:02d} pm on 09 Jun 2009, {who} wrote: {text}"
                                        for (h, m, who), text in zip([(9, 59, "GreenGoblinKing"), (10, 14, "Alan"),
                                                                      (11, 2, "Gates"), (11, 40, "SheffTim")],
                                                                     COMMENTS)],
    "signed after the post ('Posted by: X | date')": [
        f"{text} Posted by: {who} | June 16, 2010 {t} PM | Report abuse"
        for (who, t), text in zip([("bregenz", "5:17"), ("walter-i", "5:40"), ("Scotty", "6:02"), ("itko", "6:30")],
                                  COMMENTS)],
    "time-stamped ('March 9, 2011 at 10:05 am | Reply')": [
        f"March 9, 2011 at {t} am | Reply {text}" for t, text in zip(("10:05", "10:25", "11:37", "11:54"), COMMENTS)],
    "a comment-count header": ["4 comments"] + COMMENTS[:4],
    "an 'Add your comment' header": ["Add your comment", "John, London", COMMENTS[0], "Maria, Madrid", COMMENTS[1]],
    "a disclaimer heading the comments": ["Views expressed in the comments do not represent those of Reuters."]
                                         + COMMENTS[:4],
    "a call for answers read on air": ["Interested to know which ones made it on air?"] + COMMENTS[:4],
}


@pytest.mark.parametrize("thread", THREADS.values(), ids=list(THREADS))
def test_a_comment_thread_is_removed_as_reader_comments(thread: list[str]) -> None:
    article = clean(POST + thread)
    assert article.paragraphs == POST[1:], article.paragraphs
    assert words(article) < 120
    assert any(r.reason == "reader comments" for r in article.removed)
    assert all(r.reason == "reader comments" for r in article.removed if "perfect model" in r.text), article.removed


def test_a_long_thread_does_not_make_a_long_article() -> None:
    thread = [f"At {h % 12 + 1}:{h % 60:02d} pm on 10 Jun 2009, reader{h} wrote: {COMMENTS[h]}" for h in range(88)]
    article = clean(POST + thread)
    assert words(article) == sum(len(p.split()) for p in POST[1:])
    assert sum(r.reason == "reader comments" for r in article.removed) == 88


def test_dated_paragraphs_of_a_chronology_are_not_comments() -> None:
    entries = [f"{day} March 2011 The council {verb} the town's {what} after a long session of the assembly."
               for day, verb, what in [(2, "closes", "schools"), (5, "reopens", "market"), (9, "rebuilds", "bridge"),
                                       (14, "repairs", "roads")]]
    article = clean(POST + entries)
    assert all(entry in article.paragraphs for entry in entries)


def test_comments_signed_after_their_text_start_after_the_closing_line() -> None:
    thread = ["The views expressed in this article are solely those of the author.", COMMENTS[0]]
    thread += [f"{text} March 9, 2011 at {t} am | Reply" for t, text in zip(("10:05", "10:25", "11:37"), COMMENTS[1:])]
    article = clean(POST + thread)
    assert article.paragraphs[:3] == POST[1:] and "perfect model" not in article.body_text
    assert {r.text: r.reason for r in article.removed}[COMMENTS[0]] == "reader comments"


def test_dated_crossheads_are_not_comment_signatures() -> None:
    sections = [f"TEXAS CITY {name}, MARCH {day}, 2005" for name, day in (("EXPLOSION", 23), ("FIRE", 24),
                                                                           ("RELEASE", 25), ("LEAK", 26))]
    lines = POST + [part for n, heading in enumerate(sections) for part in (heading, f"{POST[1][:-1]} in part {n}.")]
    article = clean(lines)
    assert all(f"in part {n}." in article.body_text for n in range(4))
