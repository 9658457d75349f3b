"""Headlines, captions, time stamps and image credits glued in front of a sentence are cut off; real
sentences are not cut."""
from __future__ import annotations

import hashlib

import pytest

from builder.clean import clean_source
from builder.clean import glue
from builder.clean.glue import split_glued
from builder.clean.shared import find_shared_lines
from builder.model import Source

REST = ("But working out the exact reason for the death could take several weeks, after the medical examiner "
        "ordered more tests.\nThey want to find out what kind of chemicals might have been in his body when he died, "
        "and the family has asked for a second examination.\nThe coroner's office said its findings would be "
        "made public once the tests were complete, a spokesman said on Saturday.\n")


def source(name: str, text: str) -> Source:
    data = text.encode("utf-8")
    return Source(name=name, data=data, sha256=hashlib.sha256(data).hexdigest(), format="text")


def clean(text: str, shared: frozenset[str] = frozenset()):
    return clean_source(source("page.txt", text), shared)


def test_a_glued_caption_is_cut_off_and_the_title_comes_from_the_lead() -> None:
    article = clean("There has been an outpouring of grief around the world There was no sign of foul play in the "
                    "death of the singer, coroners who completed a post-mortem have said.\n" + REST)
    assert article.paragraphs[0].startswith("There was no sign of foul play")
    removed = {r.text: r.reason for r in article.removed}
    assert removed["There has been an outpouring of grief around the world"].startswith(
        "glued headline or caption (a new sentence starts at 'There'")
    assert article.title_from == "lead" and article.title == "There was no sign of foul play in the death…"


def test_a_glued_headline_ending_in_a_quote_is_the_title() -> None:
    article = clean("Jackson death was ` not suspicious ' Medical experts say they are not treating the death of "
                    "the pop star as suspicious.\n" + REST)
    assert article.title == "Jackson death was ` not suspicious '" and article.title_from == "headline"
    assert article.paragraphs[0].startswith("Medical experts say")


def test_a_caption_another_source_also_opens_with_is_cut_off() -> None:
    caption = "Jackson family left ` speechless and devastated ' by star's death"
    texts = {"a.txt": f"{caption} Los Angeles police investigating the death say they have interviewed his doctor "
                      "for three hours.\n" + REST,
             "b.txt": f"{caption} Relatives of the singer will seek a second autopsy because they still have "
                      "unanswered questions, friends say.\n" + REST}
    sources = [source(n, t) for n, t in texts.items()]
    shared = find_shared_lines(sources)
    articles = [clean_source(s, shared.get(s.name, frozenset())) for s in sources]
    assert [a.paragraphs[0].split()[0] for a in articles] == ["Los", "Relatives"]
    assert all(any(r.text == caption and "another source" in r.reason for r in a.removed) for a in articles)


def test_wire_copies_sharing_their_lead_are_not_cut() -> None:
    lead = ("The Syrian army and its allies took complete control over Albu Kamal, the last town held in Syria, "
            "a military news service said on Sunday.\n")
    sources = [source(n, lead + REST) for n in ("a.txt", "b.txt")]
    shared = find_shared_lines(sources)
    for s in sources:
        assert clean_source(s, shared.get(s.name, frozenset())).paragraphs[0] == lead.strip()


@pytest.mark.parametrize("sentence", [
    "President Obama said on Tuesday that the United States would not send ground troops to Libya.",
    "The senator from Ohio told The Washington Post that he would vote against the bill next week.",
    "28 June 2009 Police interview the doctor for three hours about the singer's last days.",
    "\"We know he was taking some prescription medication,\" Mr Harvey said, without specifying which.",
    "In June 2009 Michael Jackson died at his rented home in Los Angeles after a cardiac arrest.",
    "Coast Guard Rear Adm. Richard Larrabee said the search would resume at first light on Tuesday.",
    "By the time the infamous \"Drill Baby Drill\" Republican national convention rolled around, the base was angry.",
    "It's good to see progress towards a vaccine against the new influenza A (H1N1) virus strain, experts said.",
])
def test_real_sentences_are_not_cut(sentence: str) -> None:
    assert [p.text for p in split_glued([sentence], frozenset())] == [sentence]
    assert clean(sentence + "\n" + REST).paragraphs[0] == sentence


def test_prose_further_down_is_not_cut_on_common_words() -> None:
    line = "It'll be the former House speaker's third walk down the aisle and his bride's first, a friend said."
    pieces = split_glued(["Gingrich to marry", line], frozenset())
    assert [p.text for p in pieces] == ["Gingrich to marry", line]


def test_a_time_stamp_and_an_image_credit_are_cut_off() -> None:
    article = clean("Mexico City lowers swine flu alert Tuesday 6 July 2010 18.50 BST Days of mask-wearing in the "
                    "city could be over.\nPhotograph: Reuters/Eliana Aponte Mexico City lowered its swine flu alert "
                    "level from yellow to green late last night, the mayor said.\n" + REST)
    assert article.published == "2010-07-06"
    assert article.paragraphs[0].startswith("Mexico City lowered its swine flu alert level")
    removed = {r.text: r.reason for r in article.removed}
    assert removed["Photograph: Reuters/Eliana Aponte"] == "image credit ('Photograph')"
    assert removed["Days of mask-wearing in the city could be over."] == "photo caption"
    assert article.title == "Mexico City lowers swine flu alert" and article.title_from == "headline"


def test_a_link_label_after_a_time_stamp_goes_with_the_stamp() -> None:
    article = clean("7 November 2011 Last updated at 21:40 GMT Help Michael Jackson's former personal doctor has been "
                    "found guilty of involuntary manslaughter by a jury in Los Angeles.\n" + REST)
    assert article.paragraphs[0].startswith("Michael Jackson's former personal doctor")
    pieces = split_glued(["BP shares fall Tuesday 6 July 2010 18.50 BST Share prices fell sharply in London today "
                          "as the oil kept flowing."], frozenset())
    assert pieces[-1].text.startswith("Share prices fell")


def test_a_blogs_time_stamp_in_uk_time_dates_the_page_and_leaves_its_lead() -> None:
    article = clean("Clare Spencer | 09:26 UK time, Friday, 11 June 2010 Commentators discuss how the oil spill is "
                    "affecting relations between the US and the UK.\n" + REST)
    assert article.published == "2010-06-11"
    assert article.paragraphs[0].startswith("Commentators discuss how the oil spill")


def test_a_link_label_in_front_of_a_headline_is_cut_off() -> None:
    article = clean("Full Article Rebels push west before Libya crisis talks\n" + REST)
    assert article.title == "Rebels push west before Libya crisis talks"
    assert {r.text: r.reason for r in article.removed}["Full Article"] == "link label"
    assert clean("Full story of the siege has yet to be told, the mayor said on Sunday.\n" + REST).paragraphs[0] \
        .startswith("Full story of the siege")


def test_a_server_error_message_is_cut_out_of_the_line_it_is_in() -> None:
    article = clean("Page last updated at 09:14 GMT, Tuesday, 13 September 2011 10:14 UK (an error occurred while "
                    "processing this directive) Jamie Foxx has been announced as the host of the tribute concert.\n"
                    + REST)
    assert article.paragraphs[0] == "Jamie Foxx has been announced as the host of the tribute concert."
    assert {r.text: r.reason for r in article.removed}["(an error occurred while processing this directive)"] \
        == "server error message"
    assert clean("An error occurred while processing the claims, the insurer said on Monday, and payments were "
                 "delayed.\n" + REST).paragraphs[0].startswith("An error occurred while processing the claims")


def test_a_pull_quote_after_the_headline_on_the_first_line_is_cut_off() -> None:
    article = clean("Conrad Murray ` responsible ' for Michael Jackson's death Dr Steven Shafer:\" ` Yes ' is not what a "
                    "doctor says to a patient request that is not in their best interest.\"\nMichael Jackson's doctor "
                    "made 17 flagrant violations when giving propofol to the star, an expert has told the court.\nDr Steven "
                    "Shafer said Dr Conrad Murray's negligence was directly responsible for Jackson's death.\n" + REST)
    assert article.title == "Conrad Murray ` responsible ' for Michael Jackson's death"
    assert article.paragraphs[0].startswith("Michael Jackson's doctor made 17 flagrant violations")
    assert {r.text: r.reason for r in article.removed}["Dr Steven Shafer:\" ` Yes ' is not what a doctor says to a "
                                                        "patient request that is not in their best interest.\""] \
        == glue.PULL_QUOTE
    rest_on_the_line = clean("Gulf oil spill: BP says its plug is going to plan BP Chief Operating Officer Doug Suttles: "
                             "\"We have the best people working on this.\" BP says its operation to pump mud into the "
                             "well is going to plan.\n" + REST)
    assert rest_on_the_line.paragraphs[0] == "BP says its operation to pump mud into the well is going to plan."
    for prose in ("The health minister told Parliament: \"We will not let this happen again in our hospitals.\"",
                  "The outbreak began in March, officials in Mexico City said: \"We are doing all we can.\""):
        assert clean(prose + "\n" + REST).paragraphs[0] == prose


def test_a_first_line_headline_ending_in_a_quote_needs_no_other_evidence() -> None:
    article = clean("Dispersant ` may make oil spill more toxic ' Scientists fear the dispersant used in the oil spill "
                    "clean-up can make the crude more toxic to marine life.\n" + REST)
    assert article.title == "Dispersant ` may make oil spill more toxic '"
    assert article.paragraphs[0].startswith("Scientists fear the dispersant")


def test_the_place_of_a_dateline_is_not_part_of_the_title() -> None:
    article = clean("EU to look at using frozen Libyan funds for rebels LUXEMBOURG | Mon Jun 20, 2011 2:05 pm EDT "
                    "LUXEMBOURG (Reuters) - EU foreign ministers agreed on Monday to look into using frozen Libyan "
                    "funds to assist the rebels.\n" + REST)
    assert article.title == "EU to look at using frozen Libyan funds for rebels" and article.published == "2011-06-20"
    assert article.dateline == "LUXEMBOURG" and article.paragraphs[0].startswith("EU foreign ministers agreed")


def test_headline_and_highlights_before_a_wire_dateline_are_cut_off() -> None:
    article = clean("Clinton says Gadhafi must step down for bombing to stop Gadhafi asks Obama to end the bombing "
                    "Tripoli, Libya (CNN) -- As rebel and government forces maneuvered on the battlefield Wednesday, "
                    "the Libyan leader urged the president to end the bombing of his country.\n" + REST)
    assert article.paragraphs[0].startswith("Tripoli, Libya (CNN) -- As rebel")
    assert article.title.startswith("As rebel and government forces")  # from the lead, without its dateline
    assert any(r.reason.endswith("(before the wire dateline)") for r in article.removed)


def test_highlights_glued_into_one_run_do_not_title_the_page() -> None:
    article = clean("Explosions, gunfire heard overnight in Tripoli Gadhafi supporters rally in Tripoli Gadhafi vows "
                    "to counter \"naked aggression\" Tripoli, Libya (CNN) -- Explosions and anti-aircraft fire "
                    "thundered in the skies above Tripoli early Sunday.\nA defiant Gadhafi said Libya will fight "
                    "back against undeserved \"naked aggression.\"\n" + REST)
    assert article.title == "Explosions and anti-aircraft fire thundered in the skies above Tripoli early Sunday"
    assert article.title_from == "lead"


def test_lines_above_a_line_opening_with_a_wire_dateline_are_highlights() -> None:
    article = clean("By the CNN Wire Staff Libyan opposition leader speaks to CNN NEW: The United Nations cites "
                    "reports of violence \"Messengers from Gadhafi\" warn Zuwarah residents Tune in to \"AC360\" "
                    "for the latest on Libya.\nWatch \"AC360\" at 10 p.m. ET Wednesday on CNN.\n"
                    "Benghazi, Libya (CNN) -- The head of the interim government in eastern Libya pleaded Wednesday "
                    "for a no-fly zone over Libya.\n" + REST)
    assert article.paragraphs[0].startswith("Benghazi, Libya (CNN) -- The head of the interim government")
    assert article.title.startswith("The head of the interim government") and article.title_from == "lead"
    kept = clean("Rebels pound Ras Lanuf\n(CNN) -- Rebels pounded the oil town of Ras Lanuf on Friday, "
                 "a spokesman said.\n" + REST)
    assert kept.title == "Rebels pound Ras Lanuf" and kept.paragraphs[0].startswith("(CNN) -- Rebels pounded")


def test_a_highlight_ending_on_the_datelines_place_leaves_the_place_to_the_dateline() -> None:
    article = clean("Pro-Gadhafi forces steadily bombarded the oil port city of Ras Lanuf Ras Lanuf, Libya (CNN) -- "
                    "The military forces of Moammar Gadhafi on Friday pounded Ras Lanuf, the key oil port.\n" + REST)
    assert article.paragraphs[0].startswith("Ras Lanuf, Libya (CNN) -- The military forces")


def test_highlights_before_a_bare_wire_dateline_on_the_second_line_are_cut_off() -> None:
    article = clean("By the CNN Wire Staff Eman al-Obeidy burst into a hotel Saturday, saying she had been attacked.\n"
                    "The government says she was released Her family says they were offered money to change her "
                    "story, father says (CNN) -- The mother of the woman said Monday that her daughter is still "
                    "being held.\n" + REST)
    assert any(p.startswith("(CNN) -- The mother of the woman") or p.startswith("The mother of the woman")
               for p in article.paragraphs), article.paragraphs
    assert not any("offered money" in p for p in article.paragraphs)
    assert any(r.reason.endswith("(before the wire dateline)") for r in article.removed)


def test_a_wire_dateline_further_down_the_page_is_left_in_its_line() -> None:
    line = "The talks had stalled, officials said (CNN) -- the wire later reported, before the sides met again."
    article = clean("Talks resume in Geneva\nThe two sides met on Tuesday in Geneva.\nIt was their first meeting.\n"
                    "They spoke for an hour.\n" + line + "\n" + REST)
    assert any(line in p for p in article.paragraphs)



def test_a_last_updated_stamp_opening_a_line_dates_the_page_and_the_rest_of_the_line_is_text() -> None:
    article = clean("Last updated: 29 June 2010 Are you trying to trace your family tree?\n" + REST
                    + "He dies July 4, 1936.\n")
    assert article.published == "2010-06-29"
    assert article.paragraphs[0] == "Are you trying to trace your family tree?"
    pieces = split_glued(["Published on 3 March 2011 the report found that the well had failed twice."], frozenset())
    assert [p.text for p in pieces] == ["Published on 3 March 2011 the report found that the well had failed twice."]
