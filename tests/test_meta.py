"""Bylines, credits, 'Published in' lines, datelines and whole-page metadata from plain text."""
from __future__ import annotations

import pytest

from builder.clean.meta import read_metadata_line, split_dateline
from builder.model import Article
from support import BODY, clean_page as clean


@pytest.mark.parametrize("line, agency", [
    ("By AFP", "AFP"), ("- AFP", "AFP"), ("(Reuters)", "Reuters"), ("By Reuters and AP", "Reuters"),
    ("— Agence France-Presse", "AFP"),
])
def test_agency_credits(line: str, agency: str) -> None:
    found = read_metadata_line(line)
    assert found is not None and found.agency == agency and found.author is None


def test_byline_with_person() -> None:
    found = read_metadata_line("By Jane Smith | November 20, 2017")
    assert found.author == "Jane Smith" and found.date.candidates == ("2017-11-20",)


@pytest.mark.parametrize("line", ["by admin", "By Webmaster", "Posted by desk"])
def test_cms_accounts_are_not_authors(line: str) -> None:
    found = read_metadata_line(line)
    assert found is not None and found.author is None and found.note


def test_forum_posters_are_not_authors() -> None:
    found = read_metadata_line("by darkstar88 | 1,204 posts | joined 2009")
    assert found is not None and found.author is None


def test_published_in_names_the_outlet() -> None:
    found = read_metadata_line("Published in Ahram Online on November 20, 2017")
    assert found.outlet == "Ahram Online" and found.date.candidates == ("2017-11-20",)


@pytest.mark.parametrize("paragraph, place, agency", [
    ("BEIRUT (Reuters) - The Syrian army took control of the town on Sunday, a military source said.",
     "BEIRUT", "Reuters"),
    ("BEIRUT: The Syrian army took control of the town on Sunday, a military source said.", "BEIRUT", None),
    ("CAIRO, Nov 20 (AFP) - Egypt's president met his counterpart on Monday to discuss the crisis.",
     "CAIRO", "AFP"),
    ("COEUR d'ALENE, Idaho _ The civil rights lawyer opened his case on Monday before a packed court.",
     "COEUR d'ALENE", None),
    ("HAYDEN LAKE, Idaho (AP) _ The jury awarded damages on Thursday to a woman and her son.",
     "HAYDEN LAKE", "AP"),
    ("WASHINGTON -- The number of organized hate groups in the country grew last year, a report said.",
     "WASHINGTON", None),
])
def test_datelines(paragraph: str, place: str, agency: str | None) -> None:
    found_place, found_agency, rest = split_dateline(paragraph)
    assert (found_place, found_agency) == (place, agency) and rest.startswith(("The", "Egypt"))


def test_ordinary_sentence_is_not_a_dateline() -> None:
    assert split_dateline("But the army said: Nothing has changed in the town since Sunday.")[0] is None


def test_page_metadata_from_text() -> None:
    article = clean("Talks resume on the timetable\nBy AFP\nNovember 21, 2017\n" + BODY)
    assert (article.title, article.agency, article.author, article.published) == (
        "Talks resume on the timetable", "AFP", None, "2017-11-21")


def test_ambiguous_date_resolved_by_weekday() -> None:
    article = clean("Talks resume on the timetable\n09/11/2017 06:22\n" + BODY)
    assert article.published == "2017-11-09"
    assert any("Thursday" in w for w in article.warnings)


def test_missing_fields_stay_empty_with_warnings() -> None:
    article = clean(BODY)
    assert article.published is None and article.author is None
    assert any("no publication date" in w for w in article.warnings)
    assert any("no outlet or agency" in w for w in article.warnings)


@pytest.mark.parametrize("line, author", [
    ("By Meg JamesStaff Writer", "Meg James"), ("By Michael Hiltzik, Business Columnist", "Michael Hiltzik"),
    ("By Jane Smith Senior Correspondent", "Jane Smith"),
])
def test_job_titles_are_cut_from_names(line: str, author: str) -> None:
    assert read_metadata_line(line).author == author


@pytest.mark.parametrize("line", ["By JERUSALEM POST STAFF", "By HNN Staff"])
def test_staff_credits_name_no_author(line: str) -> None:
    found = read_metadata_line(line)
    assert found.author is None and "staff" in found.note


@pytest.mark.parametrize("line", ["28 June 2009 Los Angeles police interview the doctor for three hours.",
                                  "8 February 2010 - The doctor is charged with involuntary manslaughter.",
                                  "It will air on ABC on November 21, 2010."])
def test_a_dated_sentence_is_a_chronology_entry_not_a_date_line(line: str) -> None:
    assert read_metadata_line(line) is None


@pytest.mark.parametrize("line", ["Published: 28 June 2009 10:05 am", "Monday 20 November 2017 12.41 GMT",
                                  "Posted on November 9, 2017 by admin", "Picture taken March 16, 2011.",
                                  "Friday 17 September 2010 10.00 BST guardian.",
                                  "At 6:14 pm on 05 May 2009, balhamomnibus wrote: Spot on Mark."])
def test_date_lines_are_still_metadata(line: str) -> None:
    found = read_metadata_line(line)
    assert found is not None and found.date is not None


def test_a_chronology_keeps_its_dated_entries() -> None:
    entries = [f"{day} March 2011 The council {verb} the town's {what} after a long session of the assembly."
               for day, verb, what in [(2, "closes", "schools"), (5, "reopens", "market"), (9, "rebuilds", "bridge"),
                                       (14, "repairs", "roads"), (20, "funds", "clinic")]]
    article = clean("Council timeline\nBy AFP\nMarch 30, 2011\n" + BODY + "\n".join(entries) + "\n")
    assert all(entry in article.paragraphs for entry in entries), article.paragraphs


@pytest.mark.parametrize("outlet, agency, byline", [
    ("Xinhua News Agency", "Xinhua", "Xinhua News Agency"), ("Associated Press", "AP", "Associated Press"),
    ("The Daily Star", "Reuters", "The Daily Star / Reuters"), (None, "AFP", "AFP"), (None, None, "outlet not named")])
def test_byline_names_an_agency_once(outlet, agency, byline) -> None:
    assert Article(source="a.txt", sha256="0", slug="a", outlet=outlet, agency=agency).byline == byline


@pytest.mark.parametrize("line", ["The most recent elections were held on October 23, 2010.",
                                  "A BP representative signed the letter on Oct. 19, 2004.",
                                  "Please indicate your interest by December 31, 2008."])
def test_a_short_sentence_with_a_date_is_not_a_date_line(line: str) -> None:
    assert read_metadata_line(line) is None
    assert line in clean("Talks resume on the timetable\nBy AFP\nNovember 21, 2017\n" + BODY + line + "\n" + BODY).paragraphs

