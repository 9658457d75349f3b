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


def test_a_source_named_after_its_verb_closes_the_clause_before_it():
    found = sentence_figures("a", "At least 20 people were killed Friday in the city of Benghazi, Libya's "
                                  "second-largest, said a medical source in Benghazi.")
    assert [f.attributed_to for f in found] == ["a medical source"]


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


STORY_REPORTS = {
    # one count of the dead, months apart, sharing only the story's name: two figures
    15: [("2011-03-04", "At least 15 people were killed on Friday when the army shelled a market, a Libyan "
                        "eyewitness said."),
         ("2011-06-20", "The Libyan government said a NATO airstrike killed 15 people early on Monday."),
         ("2011-04-01", "Libyan rebels said 40 fighters were killed near Brega."),
         ("2011-05-01", "The Libyan army said 30 soldiers were killed in Misrata.")],
    # one count of a thing that does not recur, months apart, naming the story's subject: one figure
    50: [("2009-03-05", "Jackson will perform 50 concerts at the arena in London, the promoters said."),
         ("2009-06-26", "Jackson had been due to perform 50 concerts at the arena this summer."),
         ("2009-06-27", "Jackson sold 750 million records in his career."),
         ("2009-06-28", "Jackson's doctor was paid 150,000 dollars a month.")],
}


@pytest.mark.parametrize("value, figures_of_it", [(15, 2), (50, 1)])
def test_a_count_told_months_apart_joins_by_names_the_story_does_not_share_unless_it_does_not_recur(
        value: int, figures_of_it: int):
    articles = [make_article(chr(97 + k), text, published=day) for k, (day, text) in enumerate(STORY_REPORTS[value])]
    found = [f for f in find_figures(articles, [])[0] if f.low == value]
    assert len(found) == figures_of_it and sum(len(f.citations) for f in found) == 2, found


def test_more_than_and_nearly_the_same_number_are_two_figures_about_restates_it():
    articles = [make_article("a", "More than 1,000 people have been killed, the United Nations said.",
                             published="2011-02-25"),
                make_article("b", "Nearly 1,000 people have been killed, the health agency estimates.",
                             published="2011-05-27"),
                make_article("c", "About 1,000 people have been killed, officials said.", published="2011-02-26"),
                make_article("d", "Some 1,000 people have been killed, a doctor said.", published="2011-02-27")]
    figures = {f.value: sorted(f.articles) for f in find_figures(articles, [])[0] if f.low == 1000}
    assert figures["more than 1,000"] == ["a"] and figures["nearly 1,000"] == ["b"]
    assert len(figures) == 3 and ["c", "d"] in figures.values()


def test_the_deaths_of_people_are_labelled_deaths():
    found = sentence_figures("a", "Shelling resulted in the deaths of at least 27 people, an opposition spokesman said.")
    assert [(f.value, f.what) for f in found] == [("at least 27", "deaths")]
    found = sentence_figures("a", "Shelling resulted in the deaths of 27 civilians, an opposition spokesman said.")
    assert [f.what for f in found] == ["deaths of civilians"]
    found = sentence_figures("a", "The official figure for the UK is 1,261 cases and this is the first death.")
    assert [f.what for f in found] == ["cases"]


def test_a_count_without_a_place_joins_the_one_place_that_gives_it():
    articles = [make_article("a", "The unrest has left at least 233 people dead in Libya, Human Rights Watch said.",
                             published="2011-02-21"),
                make_article("b", "At least 233 people have been killed, according to Human Rights Watch.",
                             published="2011-02-22")]
    figures = [f for f in find_figures(articles, [])[0] if f.low == 233]
    assert len(figures) == 1 and sorted(figures[0].articles) == ["a", "b"] and figures[0].place == "Libya"


def test_a_source_in_common_nouns_is_not_capitalised_for_opening_its_sentence():
    found = sentence_figures("a", "Rebel commanders said 1,500 fighters had joined the assault on the town.")
    assert [f.attributed_to for f in found] == ["rebel commanders"]
    found = sentence_figures("a", "Health Minister Jose Cordova said 26 people had died in the outbreak.")
    assert [f.attributed_to for f in found] == ["Health Minister Jose Cordova"]


def test_a_scale_after_a_space_in_an_amount_of_money_is_part_of_it():
    found = sentence_figures("a", "BP said the spill had cost it $39.9 bn so far, the company said.")
    assert [(f.value, f.low, f.what) for f in found] == [("$39.9 bn", 39.9e9, "cost")]
    found = sentence_figures("a", "The rig sat 5 m below the surface and 12 people died there.")
    assert [f.low for f in found] == [12]
