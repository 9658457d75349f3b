"""Publication dates in the forms pages print them; day/month order settled by the weekdays named."""
from __future__ import annotations

import pytest

from builder.clean.dates import choose_by_weekdays, find_dates


@pytest.mark.parametrize("text, expected", [
    ("November 20, 2017", ("2017-11-20",)),
    ("Nov 8, 2017", ("2017-11-08",)),
    ("Sept. 3, 2019 at 5pm", ("2019-09-03",)),
    ("2017 Nov 9, 10:29am", ("2017-11-09",)),
    ("Monday 20 November 2017", ("2017-11-20",)),
    ("20th of November, 2017", ("2017-11-20",)),
    ("2017-11-20T10:29:00Z", ("2017-11-20",)),
    ("19 - 11 - 2017", ("2017-11-19",)),
    ("19.11.2017", ("2017-11-19",)),
    ("09/11/2017 06:22", ("2017-11-09", "2017-09-11")),
    ("11/30/2017", ("2017-11-30",)),
])
def test_find_dates(text: str, expected: tuple[str, ...]) -> None:
    found = find_dates(text)
    assert found and found[0].candidates == expected


@pytest.mark.parametrize("text", ["Call 555-1234", "Chapter 12, 2 of 3", "version 2.10.2017b", "30/02/2017"])
def test_no_false_dates(text: str) -> None:
    assert find_dates(text) == []


def test_weekdays_settle_day_and_month() -> None:
    # 2017-11-09 is a Thursday, 2017-09-11 a Monday.
    text = "The ministry said on Wednesday that talks would resume. Officials met on Tuesday."
    chosen, why = choose_by_weekdays(("2017-11-09", "2017-09-11"), text)
    assert chosen == "2017-11-09" and "Thursday" in why


def test_no_weekdays_no_guess() -> None:
    chosen, why = choose_by_weekdays(("2017-11-09", "2017-09-11"), "Talks resumed.")
    assert chosen is None and "no weekday" in why
