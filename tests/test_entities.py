"""Entities on the seeds (gold merges, junk rate, types) and on small hand-made cases."""
from __future__ import annotations

import pytest

from builder.analyze.entities import find_entities
from builder.analyze.mentions import clean_surface
from builder.config import Settings
from builder.render import render_site
from support import GOLDEN, make_article

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
    pages = render_site(seed_dossier)
    assert "entities/index.md" in pages
    index = pages["entities/index.md"]
    for heading in ("## Organisations", "## People", "## Places"):
        assert heading in index
    islamic_state = entity_of(seed_dossier.entities, "Islamic State")
    page = pages[f"entities/{islamic_state.slug}.md"]
    assert "aliases:\n- Daesh" in page and "Also written as:" in page and "## Mentioned in" in page
    assert "## Entities mentioned" in pages["articles/" + seed_dossier.included[0].slug + ".md"]
