"""Key figures on the seeds (every gold figure with its sources, the 1,500 vs 2,500-3,500 conflict) and edge cases."""
from __future__ import annotations

import pytest

from builder.analyze.figure_compare import find_figures
from builder.analyze.figures import sentence_figures
from builder.model import Syndication
from support import make_article, slug_for


def parse_gold(value: str) -> tuple[float, float]:
    low, _, high = value.replace(",", "").partition("-")
    return float(low), float(high or low)


def figure_for(dossier, value: str):
    low, high = parse_gold(value)
    return next((f for f in dossier.figures if (f.low, f.high) == (low, high)), None)


def test_every_gold_figure_is_found_with_its_sources(seed_dossier, seed_gold):
    for gold in seed_gold["figures"]:
        figure = figure_for(seed_dossier, gold["figure"])
        assert figure, gold["figure"]
        assert set(figure.articles) == {slug_for(seed_dossier, s) for s in gold["sources"]}, gold["figure"]
        assert figure.what


def test_attributions(seed_dossier):
    assert "United Nations" in figure_for(seed_dossier, "120,000").attributed_to
    assert figure_for(seed_dossier, "2,500-3,500").attributed_to == "US officials"
    assert "coalition" in figure_for(seed_dossier, "1,500").attributed_to


def test_a_time_word_after_a_source_is_not_part_of_it():
    found = sentence_figures("a", "About 750,000 people have fled the country, the Security Council said Monday.")
    assert [f.attributed_to for f in found] == ["the Security Council"]
    found = sentence_figures("a", "About 750,000 people have fled the country, the UN told the Security Council Monday.")
    assert [f.attributed_to for f in found] == ["the UN"]


def test_the_source_is_the_name_before_its_title_not_the_audience_told():
    found = sentence_figures("a", "Almost 750,000 people have fled the country, Valerie Amos, the U.N. humanitarian "
                                  "chief, told the Security Council Monday.")
    assert [f.attributed_to for f in found] == ["Valerie Amos"]


def test_militant_counts_differ_between_sources(seed_dossier):
    assert figure_for(seed_dossier, "1,500").differs_from == ["2,500-3,500"]
    assert figure_for(seed_dossier, "2,500-3,500").differs_from == ["1,500"]
    assert not figure_for(seed_dossier, "120,000").differs_from
    sides = [sorted(side.text.split()[0] for side in d.sides) for d in seed_dossier.differences]
    assert ["1,500", "2,500-3,500"] in sides


def test_dates_years_ages_and_shares_are_not_figures():
    sentence = ("On 8 November 2017, 40 percent of the 15-year-old pupils in 2014 left at 10 am, "
                "and 25 people were killed.")
    found = sentence_figures("a", sentence)
    assert [(f.low, f.what) for f in found] == [(25.0, "people killed")]


def test_a_syndicated_copy_counts_once():
    text = "More than 2,000 people were displaced by the floods, the Red Cross said."
    original, copy = make_article("orig", text), make_article("copy", text)
    link = Syndication(copy="copy", original="orig", shared=1, total=1, similarity=1.0)
    figures, _, _ = find_figures([original, copy], [link])
    assert [f.articles for f in figures] == [["orig"]]
    assert figures[0].attributed_to == "the Red Cross"


def test_far_apart_counts_are_different_quantities_not_a_conflict():
    articles = [make_article("a", "At least 12 people were killed in the blast."),
                make_article("b", "The war has killed 330,000 people; 400,000 people were killed, monitors say.")]
    figures, differences, _ = find_figures(articles, [])
    assert not differences or all("12" not in s.text for d in differences for s in d.sides)


@pytest.mark.parametrize("sentence", [
    "Butler's 20-acre compound has also fostered disciples who engaged in murder.",
    "The 600-page report on the murder places the spotlight on the police.",
    "In tearful testimony, Keenan said one guard, Jesse Warfield, 45, struck her with a rifle.",
    "At 81, Richard Butler knows he is in his twilight days.",
    "Kootenai County has an estimated population of more than 100,000, the sheriff said.",
    "Pallet makers buy quart bottles of Colt 45 malt liquor.",
    "Write to Box 2171, San Antonio, for a copy.",
])
def test_sizes_ages_and_names_are_not_counts(sentence):
    assert sentence_figures("a", sentence) == []


def test_a_count_at_the_start_of_a_sentence_is_kept():
    assert [f.value for f in sentence_figures("a", "About 100 followers attended the parade.")] == ["about 100"]
    assert [f.value for f in sentence_figures("a", "Officials said 474 hate groups were active.")] == ["474"]


def test_numbers_of_a_slashed_date_are_not_figures():
    found = sentence_figures("a", "The maps dated 3\\/21\\/11 and 3/21/11 show that 25 people were killed in the city.")
    assert [(f.low, f.what) for f in found] == [(25.0, "people killed")]


def test_one_count_told_months_apart_of_two_places_is_two_figures_though_both_name_the_story():
    articles = [make_article("a", "At least 15 people were killed on Friday when the army shelled a market, a Libyan "
                                  "eyewitness said.", published="2011-03-04"),
                make_article("b", "The Libyan government said a NATO airstrike killed 15 people early on Monday.",
                             published="2011-06-20"),
                make_article("c", "Libyan rebels said 40 fighters were killed near Brega.", published="2011-04-01"),
                make_article("d", "The Libyan army said 30 soldiers were killed in Misrata.", published="2011-05-01")]
    figures, _, _ = find_figures(articles, [])
    fifteen = [f for f in figures if f.low == 15]
    assert len(fifteen) == 2 and all(len(f.citations) == 1 for f in fifteen), fifteen


def test_one_count_of_a_thing_that_does_not_recur_told_months_apart_is_one_figure():
    articles = [make_article("a", "Jackson will perform 50 concerts at the arena in London, the promoters said.",
                             published="2009-03-05"),
                make_article("b", "Jackson had been due to perform 50 concerts at the arena this summer.",
                             published="2009-06-26"),
                make_article("c", "Jackson sold 750 million records in his career.", published="2009-06-27"),
                make_article("d", "Jackson's doctor was paid 150,000 dollars a month.", published="2009-06-28")]
    figures, _, _ = find_figures(articles, [])
    concerts = [f for f in figures if f.low == 50]
    assert len(concerts) == 1 and len(concerts[0].citations) == 2, concerts
