from __future__ import annotations

import datetime as dt

import pytest

from builder.analyze.datexpr import TimeMention, find_mentions, span_label
from builder.analyze.timeline import build_timeline_and_conflicts, event_text
from builder.model import Syndication
from support import make_article

COPY = "001-2399eed8769c3beb"


def _resolve(text: str, published: str) -> str:
    mentions = find_mentions(text, published)
    assert mentions, text
    return mentions[0].date


@pytest.mark.parametrize("text, published, expected", [
    ("The army took the town, the service said on Sunday.", "2017-11-20", "2017-11-19"),
    ("It helped oust IS from Raqa last month.", "2017-11-08", "2017-10"),
    ("Forces took full control of Deir Ezzor on Friday.", "2017-11-08", "2017-11-03"),
    ("Militants withdrew on Thursday from the town.", "2017-11-09", "2017-11-09"),
    ("Fighting raged earlier Thursday in the town.", "2017-11-09", "2017-11-09"),
    ("Troops seized the town yesterday.", "2017-11-09", "2017-11-08"),
    ("The army declared victory earlier this month.", "2017-11-20", "2017-11"),
    ("Iraqi forces seized the town last week.", "2017-11-08", "2017-11"),
    ("Iraqi forces seized the town last weekend.", "2017-11-09", "2017-11"),
    ("The war began in March 2011 with protests.", "2017-11-08", "2011-03"),
    ("It declared a caliphate in 2014.", "2017-11-08", "2014"),
    ("Russia intervened in September 2015.", "2017-11-08", "2015-09"),
    ("The rig exploded on April 20.", "2010-05-02", "2010-04-20"),
    ("The rig exploded on 20 April 2010.", "2017-05-02", "2010-04-20"),
    ("The ministers will meet on Friday.", "2017-11-08", "2017-11-10"),
    ("Elections will be held in May.", "2010-01-14", "2010-05"),
    ("Elections were held in May.", "2010-01-14", "2009-05"),
    ("Hurricanes are a threat before the serious storms arrive in August.", "2010-05-30", "2010-08"),
    ("The moratorium on drilling stays in force until August.", "2010-05-31", "2010-08"),
    ("The company said it would report its results in July.", "2010-05-31", "2010-07"),
    ("The company reported its results in July.", "2010-12-02", "2010-07"),
    ("The summit is due to open on 3 May.", "2010-01-14", "2010-05-03"),
    ("The summit opened on 3 May.", "2010-01-14", "2009-05-03"),
    ("The tremor struck last Tuesday.", "2010-01-12", "2010-01-05"),
    ("The tremor struck last Tuesday.", "2010-01-14", "2010-01-12"),
    ("Talks resume next Tuesday.", "2010-01-12", "2010-01-19"),
    ("The singer died suddenly in June of 2009.", "2010-06-25", "2009-06"),
    ("The crimes were committed from February 15 through at least February 28.", "2011-06-27", "2011-02"),
    ("The talks ran between March 3 and March 9.", "2011-06-27", "2011-03"),
    ("2000 Dr Murray opens a practice in Las Vegas.", "2011-11-30", "2000"),
])
def test_date_expressions_resolve_against_the_publication_date(text, published, expected):
    assert _resolve(text, published) == expected


def test_a_range_of_days_is_one_span_and_a_range_of_years_keeps_its_ends():
    span = find_mentions("The warrants cover crimes from February 15 through at least February 28.", "2011-06-27")
    assert [(m.lo.isoformat(), m.hi.isoformat(), m.precise) for m in span] == [("2011-02-15", "2011-02-28", False)]
    assert [m.date for m in find_mentions("He was in office from March 2001 to May 2005.", "2011-06-27")] == \
        ["2001-03", "2005-05"]
    assert [m.date for m in find_mentions("Rebels took Brega on Monday and Ras Lanuf on Tuesday.", "2011-03-10")] \
        == ["2011-03-07", "2011-03-08"]


def test_a_day_named_again_without_its_year_is_the_day_the_sentence_dated():
    text = "Its rating fell from 52% before September 11, 2001 to 9%, and from 75% before September 11 to 29%."
    again = find_mentions(text, "2011-03-21")[1]
    assert again.date == "2001-09-11" and "in the same sentence" in again.resolved_from
    assert find_mentions("Rebels took it on August 21, 2011 and lost it on August 22.", "2011-09-01")[1].date == \
        "2011-08-22"
    assert find_mentions("On Sunday, ten years after September 11, 2001, the city mourned.", "2011-09-12")[0].date \
        == "2011-09-11"


def test_a_live_blog_stamp_dates_its_entry_by_its_first_time_only():
    entry = "(10:40 p.m. Saturday, 11:40 a.m. Sunday in Tokyo) The death toll has reached 7,700, the police said."
    assert [m.date for m in find_mentions(entry, "2011-03-19")] == ["2011-03-19"]
    both = "The rebels advanced on Saturday and were driven back on Sunday, witnesses said."
    assert [m.date for m in find_mentions(both, "2011-03-21")] == ["2011-03-19", "2011-03-20"]


def test_relative_resolution_is_explained():
    mention = find_mentions("The army took the town, the service said on Sunday.", "2017-11-20")[0]
    assert mention.resolved_from == "'on Sunday' in an article of Monday 20 Nov 2017"


def test_relative_dates_need_a_publication_date():
    assert find_mentions("The army took the town on Sunday.", None) == []
    assert find_mentions("It declared a caliphate in 2014.", None)[0].date == "2014"


def test_a_week_is_shown_as_a_day_only_when_it_is_one_day():
    assert span_label(dt.date(2017, 10, 30), dt.date(2017, 11, 5)) == "2017-11"
    assert span_label(dt.date(2017, 11, 3), dt.date(2017, 11, 3)) == "2017-11-03"


GOLD = [("2017-11-03", "Deir Ezzor"), ("2017-11-08", "entered"), ("2017-11-09", "withdrew"),
        ("2017-11-19", "complete control"), ("2011-03", "March 2011"), ("2014", "2014"),
        ("2015-09", "September 2015"), ("2017-10", "Raqa")]


@pytest.mark.parametrize("date, words", GOLD)
def test_seed_timeline_has_the_gold_events(seed_dossier, date, words):
    assert any(e.date == date and words.lower() in e.text.lower() for e in seed_dossier.events), \
        [(e.date, e.text) for e in seed_dossier.events]


def test_seed_events_cite_every_independent_article_and_no_copy(seed_dossier):
    began = next(e for e in seed_dossier.events if e.date == "2011-03")
    assert began.articles == ["003-9b41f538f22d9c2c", "004-c53045a6dcb19345"]
    assert all(COPY not in e.articles for e in seed_dossier.events)
    assert all(e.resolved_from for e in seed_dossier.events if e.date == "2017-11-19")


def test_events_are_in_date_order(seed_dossier):
    dates = [e.date for e in seed_dossier.events]
    assert dates == sorted(dates)


def test_same_event_on_one_date_merges_across_articles():
    a = make_article("a", "The dam on the Elm river collapsed on Monday, flooding the lower valley.", published="2020-03-04")
    b = make_article("b", "The dam on the Elm river collapsed on Monday and flooded the valley.", published="2020-03-05")
    events, conflicts = build_timeline_and_conflicts([a, b], [])
    collapse = [e for e in events if "collapsed" in e.text]
    assert len(collapse) == 1 and collapse[0].date == "2020-03-02" and collapse[0].articles == ["a", "b"]
    assert conflicts == []


def test_different_dates_for_one_event_are_a_conflict():
    a = make_article("a", "The dam on the Elm river collapsed on Monday, flooding the lower valley.", published="2020-03-04")
    b = make_article("b", "The dam on the Elm river collapsed on Sunday, flooding the lower valley.", published="2020-03-04")
    events, conflicts = build_timeline_and_conflicts([a, b], [])
    assert len(conflicts) == 1
    sides = conflicts[0].sides
    assert [s.articles for s in sides] == [["b"], ["a"]]
    assert sides[0].text.startswith("2020-03-01") and sides[1].text.startswith("2020-03-02")


CHRONOLOGY = [(2, "Protests begin in the port city after the arrest of a lawyer."),
              (5, "The army fires on marchers in the main square."),
              (9, "The foreign minister resigns and leaves the country."),
              (12, "The United Nations votes for sanctions on the government."),
              (15, "Rebels take the coastal road to the capital."),
              (19, "Air strikes begin against government positions."),
              (22, "Rebels enter the oil town of Brega."),
              (25, "A ceasefire is announced and broken within hours."),
              (27, "The rebel council names a prime minister."),
              (29, "Government forces retake Brega after heavy shelling.")]


def chronology(slug: str, published: str, entries=CHRONOLOGY):
    return make_article(slug, "Here is a timeline of the uprising since the first protests.",
                        *(f"March {day} - {text}" for day, text in entries), published=published)


def test_a_chronology_among_the_sources_gives_its_dates():
    news = [make_article(f"n{i}", f"Fighting continued near the capital on Monday, witnesses said, day {i}.",
                         published="2011-04-12") for i in range(30)]
    events = build_timeline_and_conflicts([chronology("timeline", "2011-04-01"), *news], [])[0]
    dates = {e.date for e in events}
    assert {f"2011-03-{day:02d}" for day, _ in CHRONOLOGY} <= dates, sorted(dates)
    entry = next(e for e in events if e.date == "2011-03-09")
    assert entry.text == "The foreign minister resigns and leaves the country." and entry.articles == ["timeline"]


def test_the_latest_chronology_counts_even_when_it_reads_as_a_copy_of_the_last():
    old = chronology("old", "2011-03-20", CHRONOLOGY[:8] + [(10, "A general defects to the rebels with his men.")])
    new = chronology("new", "2011-04-01")
    copy = Syndication(copy="new", original="old", shared=8, total=10, similarity=0.8)
    dates = {e.date for e in build_timeline_and_conflicts([old, new], [copy])[0]}
    assert {"2011-03-27", "2011-03-29"} <= dates and "2011-03-10" not in dates, sorted(dates)


def test_a_lead_with_no_date_speaks_of_its_publication_day():
    article = make_article("a", "Rebels captured the oil town of Brega after a night of heavy fighting.",
                           "The town had changed hands twice this month.", published="2011-03-30")
    events = build_timeline_and_conflicts([article], [])[0]
    lead = next(e for e in events if "Brega" in e.text)
    assert lead.date == "2011-03-30" and "names no other date" in lead.resolved_from


def test_an_event_keeps_its_subject():
    sentence = ("In his suit, Dees, a founder of the law center, seeks damages on behalf of a woman and her son, "
                "both white, who were attacked by guards near the compound in July 1998.")
    events = build_timeline_and_conflicts([make_article("a", sentence, published="2000-08-28")], [])[0]
    july = next(e for e in events if e.date == "1998-07")
    assert not july.text.startswith("Were"), july.text


def test_a_sentence_naming_both_dates_of_a_period_is_no_conflict():
    text = ("The warrants cover crimes committed from February 15 through February 28, the court said in a news "
            "release on the case.")
    a = make_article("a", text, published="2011-06-28")
    b = make_article("b", text.replace("said", "says"), published="2011-08-21")
    assert build_timeline_and_conflicts([a, b], [])[1] == []


def test_a_clause_that_ends_in_a_lead_in_to_a_quote_is_not_an_event():
    sentence = ('At a Pentagon briefing Monday, the admiral described the role of the navy by saying, "Maybe we '
                'are not flying most of the sorties any more, but we are providing refuelling."')
    assert not event_text(sentence, TimeMention(26, 32, "Monday", dt.date(2011, 3, 28), dt.date(2011, 3, 28)), True, False).endswith("saying.")


def test_a_clause_opened_by_now_that_is_not_an_event_and_a_clause_ending_in_a_quote_ends_a_sentence():
    monday = TimeMention(0, 0, "Monday", dt.date(2011, 3, 28), dt.date(2011, 3, 28))
    sentence = ('Now that the pundits have had their say about the speech on Monday night on Libya, the verdict on '
                'the address rests in homes across the country.')
    assert event_text(sentence, TimeMention(55, 61, "Monday", monday.lo, monday.hi), True, False) == sentence
    voted = ('The Security Council voted on Monday to authorize a no-fly zone and to "take all necessary measures" - '
             'without an occupation force - to protect civilians.')
    text = event_text(voted, TimeMention(30, 36, "Monday", monday.lo, monday.hi), True, False)
    assert text.endswith('"take all necessary measures".'), text


def test_a_relative_clause_is_never_cut_off_as_an_event_nor_cut_out_of_its_main_clause():
    sentence = ("But senior U.S. officials said advances last weekend made by forces loyal to Gadhafi in retaking "
                "rebel strongholds in the east, which opened up the possibility of thousands more being killed, "
                "convinced her action was necessary.")
    at = sentence.index("last weekend")
    weekend = TimeMention(at, at + 12, "last weekend", dt.date(2011, 3, 12), dt.date(2011, 3, 13))
    assert event_text(sentence, weekend, False, False) == sentence.replace("But senior", "Senior")
    shelled = "The rebels held on to the port and the airport, which the army shelled on Sunday, and the old town."
    at = shelled.index("Sunday")
    sunday = TimeMention(at, at + 6, "Sunday", dt.date(2011, 3, 13), dt.date(2011, 3, 13))
    assert event_text(shelled, sunday, True, False) == shelled


def test_a_clause_that_runs_on_into_the_main_one_keeps_its_linking_word():
    sentence = ("As Japan starts its day Sunday, concerns remain on the impact of radiation after trace amounts "
                "were found in spinach and milk near the Fukushima Daiichi nuclear plant.")
    at = sentence.index("Sunday")
    sunday = TimeMention(at, at + 6, "Sunday", dt.date(2011, 3, 20), dt.date(2011, 3, 20))
    assert event_text(sentence, sunday, True, False) == sentence


def test_an_event_cut_from_a_long_sentence_keeps_the_source_that_speaks_for_it():
    friday = TimeMention(57, 63, "Friday", dt.date(2011, 2, 18), dt.date(2011, 2, 18))
    sentence = ("At least 20 people were killed and 200 more were injured Friday in the northern Mediterranean city "
                "of Benghazi, Libya's second-largest, said a medical source in Benghazi who was not identified for "
                "security reasons.")
    assert event_text(sentence, friday, False, False).endswith("said a medical source in Benghazi who was not "
                                                                "identified for security reasons.")
    monday = TimeMention(0, 0, "Monday", dt.date(2011, 3, 28), dt.date(2011, 3, 28))
    sentence = ("The army regrouped in the south near the border with Chad, officials said, after rebels seized the "
                "coastal town of Brega on Monday in heavy fighting that went on for hours.")
    assert event_text(sentence, TimeMention(112, 118, "Monday", monday.lo, monday.hi), False, False) == \
        "Rebels seized the coastal town of Brega on Monday in heavy fighting that went on for hours."


def test_a_lead_under_a_wire_dateline_is_an_event():
    a = make_article("a", "TRIPOLI, Libya (CNN) -- Rebels seized the coastal town of Brega on Monday after a day of "
                          "heavy fighting, a rebel spokesman said.", published="2011-03-02")
    events = build_timeline_and_conflicts([a], [])[0]
    assert [e.date for e in events] == ["2011-02-28"]
    assert events[0].text.startswith("Rebels seized")


def test_an_event_text_cut_inside_a_quote_is_not_an_event():
    a = make_article("a", 'NATO is expected to take control of the no-fly zone by Monday NATO chief says "We are not '
                          'in Libya to arm people, but to protect people," he said.', published="2011-03-28")
    assert all(e.text.count('"') % 2 == 0 for e in build_timeline_and_conflicts([a], [])[0])
    quote = make_article("b", '"We are not going anywhere. It is like deja vu all over again," said Hugh Kaufman, an '
                              'analyst at the agency, during an interview on Thursday.', published="2010-05-28")
    assert [e.date for e in build_timeline_and_conflicts([quote], [])[0]] == ["2010-05-27"]


def test_a_caption_glued_before_a_lead_is_split_off_and_the_lead_kept():
    a = make_article("a", "Mr Hayward attended a meeting of the board on Monday Many shareholders said on Monday that "
                          "the new chief executive had the advantage of being American.", published="2010-07-27")
    events = build_timeline_and_conflicts([a], [])[0]
    assert [e.text for e in events] == ["Many shareholders said on Monday that the new chief executive had the "
                                        "advantage of being American."]


def test_a_date_that_is_part_of_a_name_is_not_a_date():
    assert find_mentions("A member of the February 17 Uprising coalition spoke to reporters.", "2011-03-02") == []


def test_an_event_is_never_cut_on_a_speakers_title_nor_loses_as_many_as():
    yesterday = TimeMention(0, 0, "yesterday", dt.date(2010, 6, 9), dt.date(2010, 6, 9))
    sentence = ("As many as 15 congressional committees are investigating the spill, and at one of many hearings "
                "yesterday, the US interior secretary, Ken Salazar, said he would ask BP to repay the salaries.")
    assert event_text(sentence, yesterday, False, False) == sentence
    april = TimeMention(0, 0, "20 April", dt.date(2010, 4, 20), dt.date(2010, 4, 20))
    sentence = ("As many as 15 congressional committees are investigating the spill since it began on 20 April, "
                "officials say, with more hearings planned for the coming weeks in Washington and in the Gulf.")
    assert event_text(sentence, april, True, False).startswith("As many as 15")



def _friday_event(sentence_before: str):
    article = make_article("a", f"{sentence_before} By Friday, it had fallen to government troops after a night "
                                "of shelling.", published="2011-03-30")
    return next(e for e in build_timeline_and_conflicts([article], [])[0] if e.date == "2011-03-25")


def test_an_event_that_leans_on_the_sentence_before_is_told_with_it():
    friday = _friday_event("Rebels dug in around the refinery of the oil town.")
    assert friday.text.startswith("Rebels dug in around the refinery") and "By Friday, it had fallen" in friday.text
    assert friday.citations[0].sentence.startswith("Rebels dug in") and friday.key


def test_an_event_that_leans_on_a_dated_sentence_stays_alone_and_is_never_a_key_event():
    friday = _friday_event("Rebels dug in around the refinery on Wednesday, a commander said.")
    assert friday.text.startswith("By Friday, it had fallen") and not friday.key



def test_background_that_does_not_stand_alone_is_not_shown():
    article = make_article("a", "Rebels took the town of Brega on Monday, officials said.",
                           "It was also trying to resolve a presidential election from last November, aides said.",
                           "Voters elected a new parliament in November 2010, the election commission said.",
                           published="2011-03-21")
    background = [e.text for e in build_timeline_and_conflicts([article], [])[0] if e.background]
    assert any("parliament" in text for text in background) and not any(t.startswith("It was") for t in background)
