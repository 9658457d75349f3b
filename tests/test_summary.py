from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

from builder.analyze.sentences import split_sentences
from builder.analyze.quality import DANGLING_STARTS, headline, usable
from builder.analyze.summary import summarize
from builder.analyze.trim import trim
from support import SEEDS, make_article, run_builder

ORIGINAL, COPY = "000-a94a6e37e7628f10", "001-2399eed8769c3beb"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _position(summary, *words: str) -> int:
    """The first overview sentence with all the words; a word may be 'a|b' for either."""
    for i, sentence in enumerate(summary):
        if all(any(w.lower() in sentence.text.lower() for w in word.split("|")) for word in words):
            return i
    raise AssertionError(f"no summary sentence mentions {words}: {[s.text for s in summary]}")


def test_overview_tells_the_story_in_order(seed_dossier):
    summary = seed_dossier.summary
    steps = [_position(summary, "entered", "Albu Kamal"), _position(summary, "liberated|expelled|withdrew"),
             _position(summary, "counter-attack"), _position(summary, "complete control")]
    assert steps == sorted(steps)


def test_every_sentence_cites_an_article_that_states_it(seed_dossier):
    for sentence in seed_dossier.summary:
        assert sentence.articles
        best = 0.0
        for slug in sentence.articles:
            for candidate in split_sentences(_norm(seed_dossier.article(slug).body_text.replace("\n", " "))):
                best = max(best, difflib.SequenceMatcher(None, sentence.text, candidate).ratio())
        assert best >= 0.8, sentence.text


def test_a_syndicated_copy_is_never_a_second_confirmation(seed_dossier):
    for sentence in seed_dossier.summary:
        assert COPY not in sentence.articles
    assert any(ORIGINAL in s.articles for s in seed_dossier.summary)


def test_budget_is_kept(seed_dossier):
    included = seed_dossier.included
    for words in (250, 120, 40):
        summary = summarize(included, seed_dossier.syndication, words)
        assert summary
        assert sum(len(s.text.split()) for s in summary) <= words


def test_no_sentence_starts_with_a_dangling_word(seed_dossier):
    for sentence in seed_dossier.summary:
        first = sentence.text.split()[0].lower().strip("\"“'")
        assert first not in DANGLING_STARTS


def test_a_pronoun_subject_after_an_opening_phrase_is_not_used_on_its_own():
    assert not usable("By Friday, it had started to touch the shores of Louisiana and Mississippi.")
    assert usable("By Friday, the oil had started to touch the shores of Louisiana and Mississippi.")
    assert usable("On Monday, it emerged that the mine had flooded after heavy rain in the valley.")
    assert usable("It was announced on Sunday that the premature baby had also died in hospital.")


def test_a_quote_whose_speaker_is_in_another_sentence_is_not_used_on_its_own():
    assert not usable('"Tragic though today\'s death is, I would like to emphasise that most cases are mild."')
    assert not usable('"We are not in Libya to arm people, but to protect people and to stay.')
    assert usable('"We are not in Libya to arm people, but to protect people," the NATO chief said.')
    assert not usable('"I am against any military intervention in Libya by foreign armies," he said.')
    assert usable('"I am against any military intervention in Libya by foreign armies," Mr Erdogan said.')


def test_a_sentence_whose_only_speaker_is_a_pronoun_does_not_stand_alone():
    from builder.analyze.quality import stands_alone
    assert not stands_alone("Electricity was lost in parts of the city but was back by late Friday, he said.")
    assert not stands_alone("Rebels took the port on Sunday, they said.")
    assert stands_alone("Rebels took the port on Sunday, the rebel spokesman said.")
    assert stands_alone('"I am against any intervention in Libya by foreign armies," Mr Erdogan said.')
    assert stands_alone("Rebels took the port on Sunday.")
    assert stands_alone("In his speech the prime minister made it appear as if he himself said the camps were Polish.")


def test_a_title_made_from_a_lead_is_no_headline_to_rank_sentences_by():
    lead = "The Streisand effect is one of the curious byproducts of the Internet age."
    column = make_article("a", lead, published="2018-02-06")
    column.title, column.title_from = lead, "lead"
    news = make_article("b", "The parliament passed the law on Friday.", published="2018-02-06")
    news.title, news.title_from = "Poland passes Holocaust speech law", "headline"
    assert [headline(column), headline(news)] == ["", "Poland passes Holocaust speech law"]


def test_sentences_stated_by_two_articles_cite_both():
    a = make_article("a", "The river burst its banks in the town of Elm on Tuesday, flooding hundreds "
                     "of homes along the valley floor.", "Officials opened three shelters for families.", published="2020-01-02")
    b = make_article("b", "The river burst its banks in the town of Elm on Tuesday, flooding "
                     "hundreds of homes along the valley.", "Schools were closed for the rest of the week.", published="2020-01-02")
    summary = summarize([a, b], [], 250)
    flood = next(s for s in summary if "burst its banks" in s.text)
    assert flood.articles == ["a", "b"]


def test_trim_removes_the_dateline_and_never_the_attribution():
    assert trim("BEIRUT (Reuters) - The army took the border town back on Sunday, state media said.") == \
        "The army took the border town back on Sunday, state media said."
    assert trim("WASHINGTON, March 3 (Xinhua) -- The number of hate groups grew last year.") == \
        "The number of hate groups grew last year."
    quoted = "\"We have expelled them from the town and its outskirts,\" the army said."
    assert trim(quoted) == quoted


def test_photo_captions_are_not_reporting():
    assert not usable("Journalists arrive in Tunisia after being freed: Stephen Farrell, from left, Tyler Hicks and "
                      "Lynsey Addario pose on Monday.")
    assert not usable("A still from an undated video released on YouTube shows protesters pulling down a monument.")
    assert usable("The party moved from left to right over the decade, its former leader said on Monday.")
    assert not usable("Live video of BP oil spill in the Gulf of Mexico as the company tries to cap it.")
    assert usable("The BBC's live coverage of the trial in Los Angeles drew millions of viewers, it said.")


def test_an_outlets_note_on_what_it_could_not_check_is_not_reporting():
    assert not usable("CNN could not confirm reports for many areas in Libya.")
    assert not usable("Reuters was unable to independently verify the report.")
    assert usable("Rebels said they killed 30 soldiers, a claim CNN could not confirm.")
    assert usable("CNN confirmed the deaths of three journalists in Misrata on Monday.")


def test_a_sentence_that_only_names_who_spoke_is_not_reporting():
    from builder.analyze.quality import reporting
    assert not reporting("Moussa Ibrahim, a Libyan government spokesman, told reporters in Tripoli on Sunday.")
    assert reporting("The army said 20 people died in the shelling of the port on Sunday.")
    assert reporting("Ibrahim told reporters the city had fallen to the rebels by noon on Sunday.")


def test_story_highlights_glued_before_a_wire_dateline_are_not_reporting():
    from builder.analyze.quality import reporting
    assert not reporting("The president gives interviews to all three networks (CNN) -- On Monday he spoke again.")
    assert reporting(trim("TRIPOLI, Libya (CNN) -- On Monday the leader spoke to crowds in the square.", lead=True))


def test_a_live_blog_time_stamp_is_trimmed_like_a_dateline():
    assert trim("(Updated: 11:33 p.m. Sunday Libya; 4:33 p.m. Sunday ET): The ambassador has resigned.") == \
        "The ambassador has resigned."
    assert trim("(Posted at 11:06 a.m. ET) At least 15 people have been killed, a witness said.") == \
        "At least 15 people have been killed, a witness said."
    assert trim("(9:22 p.m. ET, 3:22 a.m. in Libya) Forces are honoring a cease-fire, an official said.") == \
        "Forces are honoring a cease-fire, an official said."
    assert trim("(The figures are provisional) Forces are honoring a cease-fire.").startswith("(The figures")


def test_a_state_abbreviation_does_not_end_a_sentence():
    assert split_sentences("N.Y. Times journalists were freed on Monday. They flew to Tunis.") == [
        "N.Y. Times journalists were freed on Monday.", "They flew to Tunis."]
    assert split_sentences("She flew back to Washington, D.C. last week. Talks resume today.") == [
        "She flew back to Washington, D.C. last week.", "Talks resume today."]


def test_a_person_s_initials_do_not_end_a_sentence():
    text = ("The resolution is like the one that President George H.W. Bush secured in November 1990. "
            "J.R.R. Tolkien wrote it. Talks resume today.")
    assert split_sentences(text) == ["The resolution is like the one that President George H.W. Bush secured in "
                                     "November 1990.", "J.R.R. Tolkien wrote it.", "Talks resume today."]


def test_usable_rejects_fragments_and_questions():
    assert not usable("Is there something wrong with the town and its people today?")
    assert not usable("He said the fighting would continue for many more days.")
    assert not usable("Click here to subscribe to our daily newsletter about the war.")
    assert usable("The Syrian army declared the town of Albu Kamal liberated after intense battles.")


def bench_case(root: Path) -> Path:
    """A folder laid out like an events bench case: articles listed in articles.json, a reference summary beside."""
    (root / "articles").mkdir(parents=True)
    for name in ("003_9b41f538f22d9c2c.txt", "004_c53045a6dcb19345.txt", "000_a94a6e37e7628f10.txt"):
        shutil.copy(SEEDS / name, root / "articles" / name)
    listed = [{"file": f"articles/{p.name}", "title": None, "title_line": False, "source": "AFP", "url": None,
               "date": None, "doc_id": None} for p in sorted((root / "articles").iterdir())]
    (root / "articles.json").write_text(json.dumps(listed), encoding="utf-8")
    (root / "summary.txt").write_text("A reference summary that is not an article.\n", encoding="utf-8")
    return root


def test_summarize_and_timeline_commands_read_a_bench_case(tmp_path):
    case = bench_case(tmp_path / "case")
    summary = run_builder("summarize", case, "--plain", "--words", "120")
    assert summary.returncode == 0, summary.stderr
    lines = [line for line in summary.stdout.splitlines() if line.strip()]
    assert lines and all("[" not in line for line in lines)
    assert "reference summary" not in summary.stdout and sum(len(line.split()) for line in lines) <= 120
    timeline = run_builder("timeline", case, "--jsonl")
    events = [json.loads(line) for line in timeline.stdout.splitlines()]
    assert {"2017-11-08", "2017-11-19"} <= {e["date"] for e in events}
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"]) and e["text"] for e in events)


def test_a_chronology_entry_opening_with_its_date_is_not_glued():
    from builder.analyze.quality import glue_point, reporting
    assert reporting("22 July 2009 The doctor's clinic in Houston is raided by drug enforcement officers.")
    assert glue_point("Haiti devastated by massive quake Thousands of people are feared dead.") == 34


def test_a_title_in_capitals_is_not_a_glued_headline():
    from builder.analyze.quality import glue_point
    assert glue_point("Rehearsal footage from Michael Jackson's This Is It tour can not be used, the judge rules.") is None
    assert glue_point("Mr Hayward attended a meeting of the board on Monday Many shareholders said so.") == 53


def test_a_sentence_opening_with_another_articles_whole_headline_is_glued_and_one_sharing_its_first_words_is_not():
    from builder.analyze.quality import glued_headline, headlines_of
    news = make_article("a", "Rescue teams reached the coast on Friday, officials said.")
    news.title, news.title_from = "Aid flights land in quake-hit Haiti", "headline"
    short = make_article("b", "Rescue teams reached the coast on Friday, officials said.")
    short.title, short.title_from = "Haiti latest", "headline"
    headlines = headlines_of([news, short])
    assert headlines == frozenset({"aid flights land in quake hit haiti"})
    assert glued_headline("Aid flights land in quake-hit Haiti the first planes came from Miami.", headlines)
    assert not glued_headline("Aid flights land in quake-hit Haitian towns every day, officials said.", headlines)
    assert not glued_headline("Aid flights land in quake-hit Haiti.", headlines)


def test_the_overview_and_the_timeline_leave_out_a_sentence_opening_with_another_articles_headline():
    from builder.analyze.record import record_of
    from builder.analyze.summary import collect
    from builder.analyze.timeline import collect_claims
    glued = "Aid flights land in quake-hit Haiti the first planes from Miami landed on Friday, officials said."
    plain = "Rescue teams reached the southern coast of the island on Friday, officials said."
    news = make_article("a", "Relief planes reached Port-au-Prince on Thursday, the UN said.", published="2010-01-16")
    news.title, news.title_from = "Aid flights land in quake-hit Haiti", "headline"
    other = make_article("b", plain, glued, published="2010-01-16")
    alone = record_of(other)
    assert [r.usable and r.reporting for r in alone.readings] == [True, True]
    candidates = [c.text for c in collect([news, other])[4]]
    assert plain in candidates and glued not in candidates
    stated = {c.sentence for c in collect_claims([news, other])}
    assert plain in stated and glued not in stated


def test_a_name_opening_with_the_after_a_reporting_verb_is_not_glue():
    from builder.analyze.quality import glue_point
    assert glue_point("The organizer Stacy Malkan told The Salt when it appeared the measure was going down.") is None
    assert glue_point("Rescuers worked through the night around the world The Red Cross said it sent teams.") == 51


def test_a_place_name_before_a_clause_opener_is_glue():
    from builder.analyze.quality import glue_point
    text = "Los Angeles The high profile trial in Los Angeles has attracted supporters of both sides."
    assert text[glue_point(text):].startswith("The high profile trial")


def test_a_headline_and_standfirst_run_into_the_lead_are_split_off_at_each_acronym_that_opens_a_clause():
    from builder.analyze.record import unglued
    from builder.analyze.sentences import Sentence
    lead = ("BP oil spill costs hit $1.6 bn BP said the total bill for the oil spill has jumped by $350m in the "
            "last week BP has estimated the costs of the Deepwater Horizon at $1.6 bn.")
    later = "Analysts say the total bill BP has to pay could be far higher than it says."
    pieces = [s.text for s in unglued([Sentence("a", 0, 0, lead), Sentence("a", 1, 0, later)])]
    assert pieces == ["BP oil spill costs hit $1.6 bn", "BP said the total bill for the oil spill has jumped by $350m "
                      "in the last week", "BP has estimated the costs of the Deepwater Horizon at $1.6 bn.", later]


def test_in_a_lead_an_acronym_inside_its_clause_is_not_glue():
    from builder.analyze.quality import glue_point
    for text in ["Shares in oil giant BP have fallen sharply after the company said it would cut its dividend.",
                 "Analysts believe BP will face a final bill of $40bn, the paper said.",
                 "Libyan state TV said people in Zawiya were celebrating in the streets.",
                 "Protesters were seen saying BP was to blame for the spill on the coast.",
                 "BP lawyers have said that government estimates of the size of the Gulf of Mexico oil spill are too "
                 "big, perhaps by as much as 20 to 50 percent, signaling a dispute that will determine how many "
                 "billions of dollars of fines BP will have to pay."]:
        assert glue_point(text, lead=True) is None, text


def test_a_headline_ending_in_a_quote_before_an_acronym_is_glue_in_a_lead_and_its_open_quote_unbalanced():
    from builder.analyze.quality import balanced, glue_point
    text = "BP oil spill: ` I'd like my life back ' BP chief executive Tony Hayward under fire for ` there's none."
    assert text[glue_point(text, lead=True):].startswith("BP chief executive")
    assert glue_point(text) is None
    assert not balanced(text[glue_point(text, lead=True):]) and balanced("He called it ` a mess ' on Monday.")


def test_a_capitalised_subordinator_after_a_lower_case_word_starts_a_sentence_even_before_a_name():
    from builder.analyze.quality import glue_point
    text = "BP oil spill clean-up operations Since BP's rig exploded on 20 April, oil has leaked into the sea."
    assert text[glue_point(text):].startswith("Since BP's rig")
    year = "Dr Lee was hired after they became friends in 2006 When the singer died, Dr Lee was at the hospital."
    assert year[glue_point(year):].startswith("When the singer died")
    assert glue_point("Sarah Jane and Dominic join Bob for his After Midnight acoustic session this week.") is None
    assert glue_point("The piece ran just days after The New York Times released its own report on him.") is None


def test_in_a_lead_an_acronyms_possessive_right_after_a_name_starts_the_lead():
    from builder.analyze.quality import glue_point
    text = ("BP oil spill report as it happened BP released its report into the spill in the Gulf of Mexico BP's "
            "report into the explosion is published at noon today.")
    rest = text[glue_point(text, lead=True):]
    assert rest[glue_point(rest, lead=True):].startswith("BP's report into the explosion")
    assert glue_point("The Gulf of Mexico spill is the worst in the history of BP, the US said.", lead=True) is None


def test_in_a_lead_a_subject_that_opens_a_sentence_after_a_caption_starts_the_lead():
    from builder.analyze.quality import glue_point
    for text, lead in [
            ("Police question the family on the night of the death Dr Lamb says he gave no sedative that night.",
             "Dr Lamb says"),
            ("The judge said he must not prescribe sedatives Anna Reed's former doctor has denied manslaughter.",
             "Anna Reed's former doctor"),
            ("Oil well to be sealed ` by Sunday ' Adm Ray Cole says the well will be closed within four days.",
             "Adm Ray Cole says")]:
        assert text[glue_point(text, lead=True) or 0:].startswith(lead), text
        assert glue_point(text) is None


def test_in_a_lead_a_common_word_written_with_a_capital_after_a_caption_starts_the_lead():
    from builder.analyze.record import unglued
    from builder.analyze.sentences import Sentence
    lead = "The defence rests its case after two weeks of testimony Records from the clinic have shown the dose."
    later = "The records were seized in a raid on Monday."
    pieces = [s.text for s in unglued([Sentence("a", 0, 0, lead), Sentence("a", 1, 0, later)])]
    assert pieces == ["The defence rests its case after two weeks of testimony",
                      "Records from the clinic have shown the dose.", later]
    assert [s.text for s in unglued([Sentence("a", 0, 0, lead)])] == [lead]
    known = "The trial resumed on 3 October 2011 Jurors at the surgeon's trial have heard the last witness."
    assert [s.text for s in unglued([Sentence("a", 0, 0, known)])][1] == "Jurors at the surgeon's trial have heard " \
        "the last witness."
    modified = "Mexico has ramped up its containment efforts Mexican authorities have taken drastic measures."
    assert [s.text for s in unglued([Sentence("a", 0, 0, modified)])][1] == "Mexican authorities have taken drastic " \
        "measures."
    for prose in ("A sheen of oil is nearing the white sand beaches of north-west Florida, officials say.",
                  "The quake caused about 20 billion U.S. dollars in economic loss in 1999, Turkish experts have said.",
                  "(CNN) -- Three key Republican senators said Monday they oppose a proposal to arm rebels in Libya."):
        assert [s.text for s in unglued([Sentence("a", 0, 0, prose)])] == [prose]
    past = "The jury will return after the weekend break Prosecutors ended their case by calling a nurse."
    assert [s.text for s in unglued([Sentence("a", 0, 0, past)])][0] == "The jury will return after the weekend break"


def test_in_a_lead_a_subject_the_words_before_it_take_in_is_not_glue():
    from builder.analyze.quality import glue_point
    lexicon = frozenset({"us", "jurors", "commentators", "propofol", "bill"})
    for text in ["His lawyer told reporters Dr Murray had done nothing wrong at any stage of the treatment.",
                 "The company's chief executive Tony Hayward has said the cost will be met in full.",
                 "A guest at the hotel later became China's first confirmed case of the virus.",
                 "Commentators in Washington discuss BP's oil spill and how it is affecting relations.",
                 "The slick has spread towards BP's main terminal, which was shut on Monday.",
                 "US President Barack Obama has appointed a lawyer to run the compensation fund.",
                 "His death was caused by the powerful anesthetic Propofol, the coroner in Los Angeles has said.",
                 "The fund was set up by the software founder and philanthropist Bill Gates has said nothing."]:
        assert glue_point(text, lead=True, lexicon=lexicon) is None, text
    assert glue_point("WASHINGTON The spill is spreading across the gulf, officials say.") == 11


def test_two_adjacent_sentences_state_a_claim_only_when_each_gives_part_of_it():
    from builder.analyze.evidence import claim, supporting_quote
    wanted = claim("CNN could not confirm reports for many areas in Libya.")
    article = ["The newspaper Quryna's perspective has changed since protests in Libya began.",
               "CNN could not immediately confirm the report."]
    assert supporting_quote(wanted, article) is None
    told_in_two = claim("Rebels took the port of Brega on Sunday and 20 fighters died in the clashes.")
    assert supporting_quote(told_in_two, ["Rebels took the port of Brega on Sunday.",
                                          "Some 20 fighters died in the clashes, a doctor said."])


def test_a_sentence_with_all_the_names_but_not_what_they_did_does_not_state_a_claim():
    from builder.analyze.evidence import claim, states
    wanted = claim("Dr Conrad Murray is on trial accused of the involuntary manslaughter of singer Michael Jackson.")
    assert states(wanted, "Dr Conrad Murray, accused of the involuntary manslaughter of singer Michael Jackson, "
                          "went on trial on Tuesday.")
    for other in ("Michael Jackson's personal physician Dr Conrad Murray has pleaded not guilty to a charge of "
                  "involuntary manslaughter and is currently awaiting his day in court.",
                  "Dr Conrad Murray's legal team says it expects him to be charged with involuntary manslaughter "
                  "in connection with the singer Michael Jackson's death."):
        assert not states(wanted, other)


def test_in_a_lead_a_name_given_again_as_a_subject_starts_the_lead():
    from builder.analyze.quality import glue_point
    text = ("Fearne Cotton appears with Michael Jackson's ex-band members Fearne Cotton has been announced as the "
            "co-host of next month's tribute concert.")
    assert text[glue_point(text, lead=True):].startswith("Fearne Cotton has been announced")
    for prose in ["Autopsy images of Michael Jackson can be shown, and pop legend Michael Jackson can be seen there.",
                  "When BP's chief executive, Tony Hayward, spoke in May, he was pilloried by the US press.",
                  "Ricky Gervais comedy Life's Too Short is presented as a faux-documentary by Life's Too Short team."]:
        assert glue_point(prose, lead=True) is None, prose


def test_an_opinion_piece_gives_no_overview_sentence_event_or_figure():
    from builder.analyze.figure_compare import find_figures
    from builder.analyze.timeline import build_timeline_and_conflicts
    text = ("The coalition struck 20 air defence sites near Tripoli on Saturday, killing 48 people, the military "
            "said in a statement.")
    news, column = make_article("news", text, published="2011-03-20"), make_article("column", text, published="2011-03-20")
    column.opinion = True
    assert {c.article for s in summarize([news, column], []) for c in s.citations} == {"news"}
    assert {c.article for e in build_timeline_and_conflicts([news, column], [])[0] for c in e.citations} == {"news"}
    assert {a for f in find_figures([news, column], [])[0] for a in f.articles} == {"news"}
    assert summarize([column], []) == [] and build_timeline_and_conflicts([column], [])[0] == []


def test_an_article_titled_from_its_lead_is_titled_from_the_lead_past_a_glued_caption():
    from builder.analyze import included_and_copies
    from builder.model import Override
    from tests.support import clean_page
    text = ("The judge told Dr Murray he must not administer anesthetic Michael Jackson's former doctor has denied a "
            "charge of involuntary manslaughter over the singer's death, at a court in Los Angeles.\n"
            "Dr Conrad Murray was bailed for $75,000 after pleading not guilty on Monday.\n")
    glued, curated = clean_page(text, "a.txt"), clean_page(text, "b.txt", Override(title="The doctor in court"))
    plain = clean_page("A judge in Los Angeles has ordered the personal doctor of Michael Jackson to stand trial.\n", "c.txt")
    assert glued.title_from == "lead" and glued.title.startswith("The judge told Dr Murray")
    before = plain.title
    included_and_copies([glued, curated, plain])
    assert glued.title == "Michael Jackson's former doctor has denied a charge of involuntary manslaughter…"
    assert glued.title_from == "lead"
    assert curated.title == "The doctor in court" and plain.title == before
