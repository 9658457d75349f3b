"""Syndication on the seeds: only 000/001 is a copy; the diff ignores typographic quote differences."""
from __future__ import annotations

from builder.render.articles import _diff_words
from support import slug_for


def test_only_000_and_001_are_syndicated(seed_dossier, seed_gold):
    found = {(s.copy, s.original) for s in seed_dossier.syndication}
    expected = {(slug_for(seed_dossier, g["copy"]), slug_for(seed_dossier, g["of"])) for g in seed_gold["syndication"]}
    assert found == expected


def test_quote_style_is_not_an_edit(seed_dossier):
    link = seed_dossier.syndication[0]
    for change in link.changes:
        if change.op == "edited":
            diff = _diff_words(change.original, change.copy)
            assert "“" not in diff.split("<del>")[-1].split("</del>")[0]
    assert "<del>" not in _diff_words("“The axis” of resistance", '"The axis" of resistance')
    assert "<del>Hizbullah</del>" in _diff_words("“The axis” of Hizbullah", '"The axis" of Hezbollah')
