"""Entities on the seeds (gold merges, junk rate, types) and on small hand-made cases."""
from __future__ import annotations

from collections import Counter

import pytest

from builder.analyze.entities import find_entities
from builder.analyze.entity_names import head_type
from builder.analyze.mentions import clean_surface, cue_votes
from builder.config import Settings
from support import GOLDEN, make_article, rendered

MAX_JUNK = 0.05


def entity_of(entities, name):
    """The entity that has `name` as its name or one of its aliases (case-sensitive), or None."""
    return next((e for e in entities if name == e.name or name in e.aliases), None)


def test_must_merge_groups_are_merged(seed_dossier, seed_gold):
    for group in seed_gold["must_merge"]:
        found = {entity_of(seed_dossier.entities, n).slug if entity_of(seed_dossier.entities, n) else None
                 for n in group}
        assert len(found) == 1 and None not in found, f"{group} -> {found}"


def test_entity_junk_rate_is_low(seed_dossier, seed_gold):
    valid = {line.strip() for line in (GOLDEN / "seed_entities_valid.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")}
    valid |= {n for e in seed_gold["entities"].values() for n in e["aliases"]} | set(seed_gold["entities"])
    junk = [e.name for e in seed_dossier.entities if not ({e.name, *e.aliases} & valid)]
    assert seed_dossier.entities
    assert len(junk) <= MAX_JUNK * len(seed_dossier.entities), junk


def test_gold_entities_named_twice_are_listed_with_their_type(seed_dossier, seed_gold):
    for name, gold in seed_gold["entities"].items():
        entity = entity_of(seed_dossier.entities, name)
        if entity is None:
            continue
        assert entity.type == gold["type"], (name, entity.type)
    for name in ("Islamic State", "Hezbollah", "Syrian Observatory for Human Rights", "Rami Abdel Rahman",
                 "Albu Kamal", "Deir Ezzor", "Euphrates", "Syrian Democratic Forces", "SANA"):
        assert entity_of(seed_dossier.entities, name), name


def test_short_forms_and_definitions_join_their_entity(seed_dossier):
    assert "Abdel Rahman" in entity_of(seed_dossier.entities, "Rami Abdel Rahman").aliases
    assert "Observatory" in entity_of(seed_dossier.entities, "Syrian Observatory for Human Rights").aliases
    assert "SDF" in entity_of(seed_dossier.entities, "Syrian Democratic Forces").aliases
    assert {"IS", "Daesh", "Isis"} <= set(entity_of(seed_dossier.entities, "Islamic State").aliases)


def test_mentions_keep_their_sentence(seed_dossier):
    for entity in seed_dossier.entities:
        for mention in entity.mentions:
            text = seed_dossier.article(mention.article).body_text
            assert mention.sentence in text
            assert mention.surface.split()[0].strip("'’") in mention.sentence


def test_noise_never_becomes_an_entity():
    articles = [make_article(f"a{i}", "On Thursday, Western diplomats in Geneva said the talks would resume. "
                             "The Syrian delegation arrived in November. Meanwhile, Kurdish fighters held "
                             "the town, Reuters reported.") for i in range(2)]
    entities, _ = find_entities(articles, Settings())
    names = {n for e in entities for n in [e.name, *e.aliases]}
    assert not names & {"Thursday", "Western", "The", "Syrian", "November", "Kurdish", "Meanwhile"}
    assert "Geneva" in names


def test_wire_copy_names_are_read_as_names():
    articles = [make_article("a1", "Richard Girnt Butler founded the group in Hayden Lake, Idaho. Said Butler: "
                             "\"We will stay.\" The trial was moved to Portland, Ore., where a Ku Klux Klan rally "
                             "drew Hispanics and Jews to protest."),
                make_article("a2", "Pastor Butler spoke in Portland, Ore. Richard Butler denied the charges, and "
                             "Hispanics and Jews marched against the Ku Klux Klan again.")]
    entities, _ = find_entities(articles, Settings())
    butler = entity_of(entities, "Richard Girnt Butler")
    assert butler and butler.type == "person" and {"Richard Butler", "Butler"} <= set(butler.aliases)
    names = {n for e in entities for n in [e.name, *e.aliases]}
    assert "Ku Klux Klan" in names
    assert not names & {"Ore", "a Ku Klux Klan", "Said Butler", "Pastor Butler", "Hispanics", "Jews"}


@pytest.mark.parametrize("written, name", [("Ore.", "Oregon"), ("Calif", "California"), ("S.C.", "South Carolina"),
                                           ("Idaho (AP", "Idaho"), ("a Ku Klux Klan", "Ku Klux Klan"),
                                           ("neo-Nazi", None), ("Jews", None)])
def test_surfaces_become_names(written, name):
    assert clean_surface(written) == name


def test_acronym_definition_and_short_name_merge():
    articles = [make_article("a1", "The People's Protection Units (YPG) entered Manbij on Monday. "
                             "President Bashar al-Assad condemned the move."),
                make_article("a2", "A YPG commander said the town was calm. Assad's office declined to comment.")]
    entities, _ = find_entities(articles, Settings())
    ypg = entity_of(entities, "YPG")
    assert ypg and "People's Protection Units" in [ypg.name, *ypg.aliases]
    assad = entity_of(entities, "Bashar al-Assad")
    assert assad and "Assad" in assad.aliases and assad.type == "person"


def test_curated_aliases_merge_and_name_the_entity():
    articles = [make_article("a1", "Isis fighters left Raqqa on Monday."),
                make_article("a2", "Daesh fighters left Raqqa on Tuesday.")]
    entities, _ = find_entities(articles, Settings(aliases={"Islamic State": ["Isis", "Daesh"]}))
    merged = entity_of(entities, "Islamic State")
    assert merged and {"Isis", "Daesh"} <= set(merged.aliases)


def test_ambiguous_short_name_is_a_warning_not_a_merge():
    articles = [make_article("a1", "Bashar al-Assad succeeded Hafez al-Assad in 2000. Assad spoke on Monday."),
                make_article("a2", "Bashar al-Assad and Hafez al-Assad were named. Assad did not comment.")]
    entities, warnings = find_entities(articles, Settings())
    assert "Assad" not in entity_of(entities, "Bashar al-Assad").aliases
    assert any(w.startswith("possible same entity:") and "Assad" in w for w in warnings)


def test_entity_pages_index_and_aliases_rendered(seed_dossier):
    pages = rendered(seed_dossier)
    assert "entities/index.md" in pages
    index = pages["entities/index.md"]
    for heading in ("## Organisations", "## People", "## Places"):
        assert heading in index
    islamic_state = entity_of(seed_dossier.entities, "Islamic State")
    page = pages[f"entities/{islamic_state.slug}.md"]
    assert "aliases:\n- Daesh" in page and "Also written as:" in page and "## Mentioned in" in page
    assert "## Entities mentioned" in pages["articles/" + seed_dossier.included[0].slug + ".md"]


def names_of(entities) -> set[str]:
    return {n for e in entities for n in [e.name, *e.aliases]}


def entities_from(*texts: str):
    """The entities of hand-made articles a0, a1, ... with these texts."""
    return find_entities([make_article(f"a{i}", text) for i, text in enumerate(texts)], Settings())[0]


def test_a_surname_merges_with_the_one_person_who_has_it():
    entities = entities_from(*["President Barack Obama promised help for Haiti on Thursday. Obama said the United "
                               "States would send troops."] * 3)
    obama = entity_of(entities, "Barack Obama")
    assert obama and "Obama" in obama.aliases and obama.type == "person"


def test_a_surname_goes_to_the_person_it_stands_beside_but_two_people_stay_apart():
    barack = [make_article(f"b{i}", "Barack Obama spoke in Washington on Friday. Obama promised more aid.")
              for i in range(3)]
    michelle = [make_article("m1", "Michelle Obama visited a school in Chicago. Obama read to the children.")]
    entities, _ = find_entities(barack + michelle, Settings())
    assert "Obama" in entity_of(entities, "Barack Obama").aliases
    assert entity_of(entities, "Michelle Obama") is None or entity_of(entities, "Michelle Obama").name != "Barack Obama"
    balanced = [make_article(f"j{i}", "Michael Jackson and Janet Jackson sang together on Monday. "
                             "Jackson said the tour would go on.") for i in range(2)]
    entities, warnings = find_entities(balanced, Settings())
    michael, janet = entity_of(entities, "Michael Jackson"), entity_of(entities, "Janet Jackson")
    assert michael and janet and michael is not janet
    assert "Jackson" not in michael.aliases + janet.aliases
    assert any("Jackson" in w for w in warnings)


def test_countries_and_agencies_merge_with_their_abbreviations():
    entities = entities_from("The US sent ships to Haiti. The United States said more would follow, Agence "
                             "France-Presse reported. Britain sent a team.",
                             "U.S. officials arrived on Monday, AFP reported. The UK pledged money, the Associated "
                             "Press said.",
                             "USA Today said the USA would lead, according to Agence France Presse. The United "
                             "Kingdom and the AP confirmed it.")
    us = entity_of(entities, "United States")
    assert us and {"US", "USA"} <= set(us.aliases) and us.type == "place"
    afp = entity_of(entities, "AFP")
    assert afp and {"Agence France-Presse", "Agence France Presse"} <= {afp.name, *afp.aliases}
    assert afp.type == "organisation"
    uk = entity_of(entities, "Britain")
    assert uk and {"UK", "United Kingdom"} <= {uk.name, *uk.aliases}
    ap = entity_of(entities, "AP")
    assert ap and "Associated Press" in {ap.name, *ap.aliases}


def test_an_agency_named_with_its_country_in_front_is_the_agency():
    entities = entities_from("The US Centers for Disease Control and Prevention confirmed 40 cases on Monday.",
                             "The Centers for Disease Control and Prevention said schools should stay open.",
                             "A doctor at the Centers for Disease Control and Prevention said the virus was mild.")
    cdc = entity_of(entities, "Centers for Disease Control and Prevention")
    assert cdc and "US Centers for Disease Control and Prevention" in {cdc.name, *cdc.aliases}


def test_a_name_with_and_without_accents_is_one_entity():
    entities = entities_from("President René Préval appealed for calm in Port-au-Prince on Thursday.",
                             "President Rene Preval met aid workers. Preval said the airport was open.")
    preval = entity_of(entities, "René Préval")
    assert preval and {"Rene Preval", "Preval"} <= set(preval.aliases) and preval.type == "person"


def test_spellings_one_letter_apart_merge_unless_one_article_names_both():
    entities = entities_from("Elisabeth Byrs, a spokeswoman for the World Food Programme, said food was arriving.",
                             "Elizabeth Byrs of the World Food Programme said distribution would start.")
    byrs = entity_of(entities, "Elisabeth Byrs") or entity_of(entities, "Elizabeth Byrs")
    assert byrs and {"Elisabeth Byrs", "Elizabeth Byrs"} <= {byrs.name, *byrs.aliases}
    entities = entities_from(*["Christina Jones and her sister Christine Jones ran the shelter, Christina Jones "
                               "said."] * 2)
    assert entity_of(entities, "Christina Jones") is not entity_of(entities, "Christine Jones")


def test_hyphen_article_and_acronym_variants_of_an_agency_merge():
    entities = entities_from("The Disasters Emergency Committee (DEC) launched an appeal on Friday.",
                             "Donations to the Disasters' Emergency Committee reached 10m pounds, the DEC said.",
                             "The Disaster Emergency Committee said the appeal would run for weeks.")
    dec = entity_of(entities, "Disasters Emergency Committee")
    assert dec and {"DEC", "Disaster Emergency Committee"} <= set(dec.aliases) and dec.type == "organisation"


def test_charities_and_companies_are_organisations():
    entities = entities_from("Aid from Oxfam reached Jacmel on Monday. Oxfam said water was short. Denis O'Brien, "
                             "the chairman of Digicel, flew in.",
                             "Oxfam staff arrived in Leogane. A spokesman for Digicel said calls were free.")
    assert entity_of(entities, "Oxfam").type == "organisation"
    assert entity_of(entities, "Digicel").type == "organisation"


@pytest.mark.parametrize("before, after, kind", [("a spokesman for ", " said", "organisation"),
                                                 ("", ", the mobile phone company, said", "organisation"),
                                                 ("", " Inc said", "organisation"),
                                                 ("", ", a town on the coast,", "place"),
                                                 ("", ", a researcher at the university,", "person")])
def test_words_around_a_name_vote_for_its_type(before, after, kind):
    assert cue_votes(before, after) == [kind]


@pytest.mark.parametrize("words, kind", [("university of kansas", "organisation"),
                                         ("royal alexandra hospital", "organisation"),
                                         ("gulf of mexico", "place"), ("weston county", "place"),
                                         ("st andrew church of england primary school", "organisation"),
                                         ("herri batasuna", "")])
def test_a_name_says_what_it_names(words, kind):
    assert head_type(words.split(), Counter()) == kind
    assert head_type(["jack", "county"], Counter(person=3)) == ""


def test_names_run_together_never_become_entities():
    names = names_of(entities_from(
        "Gordon Brown Mrs Brown said she had met the families. Gordon Brown promised aid. Simon Cowell recorded a "
        "charity single.",
        "Gordon Brown spoke to the families in London. Simon Cowell said the single would raise millions.",
        "Billboard Simon Cowell topped the chart. Simon Cowell thanked the fans. Aid reached Port au Prince on Monday.",
        "Flights landed in Port au Prince, where Gordon Brown's envoy arrived."))
    assert {"Gordon Brown", "Simon Cowell", "Port au Prince"} <= names
    assert not names & {"Gordon Brown Mrs Brown", "Billboard Simon Cowell", "Port au", "Port"}


@pytest.mark.parametrize("written", ["James ' `", "Javascript", "Adobe Flash", "Page last updated"])
def test_punctuation_runs_and_page_furniture_are_not_names(written):
    assert clean_surface(written) is None


def test_a_spelling_is_shown_without_the_punctuation_its_span_caught():
    from builder.analyze.entities import bare
    assert bare("Saif al-Islam Gadhafi --") == "Saif al-Islam Gadhafi"
    assert bare("Gadhafi,") == "Gadhafi"
    assert bare("U.S.") == "U.S."


def test_brothers_with_compound_given_names_and_their_father_stay_apart():
    father = [f"Libyan leader Moammar Gadhafi spoke on state television on day {i}. Gadhafi vowed to fight on."
              for i in range(4)]
    sons = ["Saif al-Islam Gadhafi, a son of the leader, gave an interview to reporters in Tripoli. "
            "Saif Gadhafi said al-Gadhafi's forces would win.",
            "Saif al-Arab Gadhafi, another son, was killed in an air strike, officials said. "
            "Saif al-Islam Gadhafi denied it."]
    entities = entities_from(*father, *sons)
    named = {e.name: {e.name, *e.aliases} for e in entities}
    owner = {n: name for name, spellings in named.items() for n in spellings}
    assert owner.get("Saif al-Islam Gadhafi") != owner.get("Saif al-Arab Gadhafi")
    assert owner.get("Moammar Gadhafi") not in (owner.get("Saif al-Islam Gadhafi"), owner.get("Saif al-Arab Gadhafi"))
    assert owner.get("Gadhafi") == owner.get("Moammar Gadhafi")


def test_a_place_and_a_person_who_shares_its_spelling_stay_apart():
    entities = entities_from("Prime Minister David Cameron said Britain would send jets. Cameron spoke in London.",
                             "Troops from Cameroon joined the mission. Cameroon sent 200 soldiers.",
                             "Foreign Secretary William Hague flew to The Hague. Hague met the court's prosecutor.",
                             "The court in The Hague opened its inquiry. Cameron and Hague spoke on Friday.")
    for person, place in (("David Cameron", "Cameroon"), ("William Hague", "The Hague")):
        assert entity_of(entities, person) is not entity_of(entities, place), person
    entities = entities_from(*["Troops from Cameroon joined the mission. Cameroon sent 200 soldiers, and Cameroon "
                               "said more would follow."] * 4,
                             "Prime Minister David Cameron said Britain would send jets.",
                             "The plan was backed by Cameron and by France.")
    assert "Cameron" not in entity_of(entities, "Cameroon").aliases


def test_names_whose_first_letters_differ_are_not_one_letter_variants():
    qaida = ["Officials blamed al-Qaida for the attack on Monday. Al-Qaida denied it, and al-Qaida fighters fled."] * 4
    entities = entities_from(*qaida, "Protests spread to the town of al-Baida on Thursday, residents said.",
                             "Residents of al-Baida said the town was calm.")
    baida, qaida_entity = entity_of(entities, "al-Baida"), entity_of(entities, "al-Qaida")
    assert baida and qaida_entity and baida is not qaida_entity


def test_two_sets_of_middle_initials_are_two_people():
    entities = entities_from("Former President George HW Bush praised the cleanup crews on Monday.",
                             "President George W Bush signed the drilling law in 2005, George W Bush said.",
                             "George HW Bush and George W Bush both spoke about the Gulf on Friday.",
                             "George Bush visited the coast. George Bush met the governor.")
    assert entity_of(entities, "George HW Bush") is not entity_of(entities, "George W Bush")
    entities = entities_from("President Barack Hussein Obama spoke on Monday.",
                             "Barack Obama promised help. Barack Obama spoke again.")
    assert "Barack Hussein Obama" in {entity_of(entities, "Barack Obama").name, *entity_of(entities, "Barack Obama").aliases}


def test_a_generational_suffix_names_another_person():
    entities = entities_from("Michael Jackson died in Los Angeles. Michael Jackson was 50.",
                             "His son, Michael Joseph Jackson Jr, known as Prince, is 12. Michael Jackson had three "
                             "children.",
                             "Michael Joseph Jackson Jr attended the memorial. Michael Jackson's mother was there.")
    assert entity_of(entities, "Michael Jackson") is not entity_of(entities, "Michael Joseph Jackson Jr")


def test_a_short_given_name_is_the_formal_one_when_both_are_written():
    entities = entities_from("Defence lawyer Ed Chernoff said the doctor was innocent. Ed Chernoff spoke on Friday.",
                             "Edward Chernoff, the doctor's lawyer, said his client would cooperate.",
                             "Edward Chernoff and Ed Chernoff appear in different reports about the case.")
    ed = entity_of(entities, "Ed Chernoff")
    assert ed and ed is entity_of(entities, "Edward Chernoff")


def test_a_first_name_is_not_the_surname_of_someone_named_once():
    entities = entities_from(*[f"Michael Jackson rehearsed on Monday. Michael sang for hours, his friend Michael "
                               f"Bush said. Michael Bush left at {h}pm." for h in range(1, 6)],
                             "Welsh politician Alun Michael praised the singer. Alun Michael spoke on Friday.",
                             "Michael was remembered at the memorial. Alun Michael sent flowers.")
    alun = entity_of(entities, "Alun Michael")
    assert alun and "Michael" not in alun.aliases
