"""Between cleaning and analysis: one huge source is cut to bounds, with warnings, and the model reads it in pieces."""
from __future__ import annotations

import pytest

from builder import bounds
from builder.analyze import mentions
from builder.model import Block
from support import make_article

SENTENCE = "Syrian troops entered Albu Kamal on Wednesday, state media said. "


def test_long_paragraphs_are_split_at_sentence_ends_and_the_text_is_capped(monkeypatch) -> None:
    monkeypatch.setattr(bounds, "MAX_ARTICLE_CHARS", 50_000)
    monkeypatch.setattr(bounds, "MAX_PARAGRAPH_CHARS", 2_000)
    article = make_article("huge", SENTENCE * 500, "A normal paragraph.", SENTENCE * 500)
    article.blocks.insert(0, Block("heading", "A crosshead"))
    article.title = "A title that goes on. " * 40
    bounds.bound_article(article)
    assert article.blocks[0] == Block("heading", "A crosshead")
    assert all(len(b.text) <= 2_000 for b in article.blocks)
    first = [b.text for b in article.blocks[1:]]
    first = first[:first.index("A normal paragraph.")]
    assert len(first) > 1 and all(t.endswith("said.") for t in first) and " ".join(first) == (SENTENCE * 500).strip()
    assert sum(len(b.text) + 1 for b in article.blocks) <= 50_000 + len(article.blocks)
    assert "A normal paragraph." in [b.text for b in article.blocks]
    assert len(article.title) <= bounds.MAX_TITLE_CHARS and article.title.endswith("on.")
    assert article.warnings == [
        "the article text is longer than 50,000 characters: only the first 50,000 are in the dossier",
        "2 paragraphs longer than 2,000 characters split at sentence ends",
        f"the title is longer than {bounds.MAX_TITLE_CHARS} characters: cut to its first sentences"]


def test_pieces_cover_every_character_even_without_spaces() -> None:
    for text in [SENTENCE * 100, "x" * 10_001, "word " * 3000, ""]:
        spans = bounds.pieces(text, 1_000)
        assert "".join(text[a:b] for a, b in spans) == text
        assert all(b - a <= 1_000 for a, b in spans)


def test_the_model_reads_a_paragraph_longer_than_it_accepts_in_pieces() -> None:
    nlp = mentions.load_model()
    if nlp is None:
        pytest.skip("the spaCy model is not installed")
    paragraph = SENTENCE * 200
    limit = nlp.max_length
    nlp.max_length = 5_000  # the model refuses longer texts (E088), as it refuses a million characters
    try:
        spans = mentions.model_spans([paragraph])[0]
    finally:
        nlp.max_length = limit
    found = {paragraph[s.start:s.end] for s in spans}
    assert "Albu Kamal" in found and len(paragraph) > 5_000
    assert len([s for s in spans if paragraph[s.start:s.end] == "Albu Kamal"]) == 200
