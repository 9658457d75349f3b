"""Bylines are short name lines: a sentence that opens with 'By ...' is prose and never yields an author."""
from __future__ import annotations

import pytest

from builder.clean.bylines import read_byline
from builder.clean.meta import read_metadata_line
from support import BODY, clean_page as clean


PROSE = [
    "By Wednesday, Dan Cooke was on a plane to Port-au-Prince with a team of search and rescue specialists.",
    "Written by Mervyn Peake, the books describe the crumbling castle of Gormenghast and its rituals.",
    "By October, the agency had spent more than $2 billion on the clean-up, the report said.",
    "By late June, the company hopes it can keep nearly 90 percent of the oil from the ocean.",
    "By Sunday August 21, the rebels controlled large parts of the capital.",
    "By contrast, an estimate announced by officials on 26 April put the flow at 1,000 barrels a day.",
    "By BP's reckoning though, his losses were just $66,000.",
    "By Christine Bader, who worked for the company from 1999 to 2008, the essay is a rare inside view.",
    "Written by Sarah Daniels, But If You Try Sometimes stars Lesley Manville and a young actor.",
    "By 2 June, the company had received 31,600 suggestions from members of the public.",
]


@pytest.mark.parametrize("line", PROSE)
def test_a_sentence_that_opens_with_by_is_not_a_byline(line: str) -> None:
    assert read_metadata_line(line) is None
    assert read_byline(line).kind == "prose"


@pytest.mark.parametrize("line", PROSE[:3])
def test_the_sentence_stays_in_the_body_and_gives_no_author(line: str) -> None:
    article = clean("Talks resume on the timetable\nBy AFP\nNovember 21, 2017\n" + BODY + line + "\n" + BODY)
    assert line in article.paragraphs and article.author is None and article.agency == "AFP"


@pytest.mark.parametrize("line, author", [
    ("By Jane Smith | November 20, 2017", "Jane Smith"), ("By Maggie Fox, Health and Science Editor WASHINGTON",
                                                          "Maggie Fox"),
    ("By Scott Sunde and Judd Slivka. (Story will move in the ``a'' category.)", "Scott Sunde"),
    ("By Kimberly A.C. Wilson. (Story will move in the ``a'' category.)", "Kimberly A.C. Wilson"),
    ("By JORDAN ROBERTSON, Associated Press Writer 10 minutes ago", "JORDAN ROBERTSON"),
    ("By Katrina vanden Heuvel | June 16, 2010; 5:08 PM ET", "Katrina vanden Heuvel"),
    ("By April Ryan", "April Ryan"),
])
def test_name_lines_are_bylines(line: str, author: str) -> None:
    assert read_metadata_line(line).author == author


@pytest.mark.parametrize("line", ["By Monday", "By June", "By CNN", "By the CNN Wire Staff"])
def test_times_and_outlets_are_never_authors(line: str) -> None:
    found = read_metadata_line(line)
    assert found is None or found.author is None


@pytest.mark.parametrize("line, byline, rest", [
    ("By Pam Benson, CNN National Security Producer Khamis Gadhafi, son of Libyan leader Moammar Gadhafi, was seen "
     "on state TV.", "By Pam Benson, CNN National Security Producer", "Khamis Gadhafi, son of"),
    ("By the CNN Wire Staff People walk past destroyed buildings on Monday, in Majer, south of Zliten.",
     "By the CNN Wire Staff", "People walk past"),
    ("By Mariano Castillo, CNN The national average for a gallon of gasoline rose to $3.51, the survey says.",
     "By Mariano Castillo, CNN", "The national average"),
])
def test_a_byline_glued_to_the_text_is_cut_off_and_the_text_kept(line: str, byline: str, rest: str) -> None:
    found = read_byline(line)
    assert found.kind == "glued" and line[: found.end] == byline
    article = clean("Crisis in Libya deepens\n" + line + "\n" + BODY)
    assert any(p.startswith(rest) for p in article.paragraphs), article.paragraphs
    assert not any(p.startswith("By ") for p in article.paragraphs)
