"""Article pages say where their title comes from: front matter `title_from` and a note for lead titles."""
from __future__ import annotations

import frontmatter

from builder.model import Article, Block, Dossier
from builder.render.articles import render_article_page
from builder.render.citations import bibtex_entry


def page(**kw) -> tuple[dict, str]:
    article = Article(source="articles/109.txt", sha256="0" * 64, slug="109", published="2010-01-13",
                      blocks=[Block("paragraph", "Thousands of people are feared dead after the earthquake.")], **kw)
    post = frontmatter.loads(render_article_page(Dossier(title="t", articles=[article]), article))
    return post.metadata, post.content


def test_a_lead_title_is_marked_and_noted_on_the_page() -> None:
    meta, body = page(title="Thousands of people are feared dead after the earthquake", title_from="lead")
    assert meta["title"] == "Thousands of people are feared dead after the earthquake" and meta["title_from"] == "lead"
    assert "Title taken from the article's first sentence; the source has no headline." in body
    assert "articles/109.txt" not in meta["title"]


def test_a_headline_has_no_note() -> None:
    meta, body = page(title="Haiti devastated by massive quake", title_from="headline")
    assert meta["title_from"] == "headline" and "first sentence" not in body


def test_the_citation_carries_the_lead_title_not_the_file_name() -> None:
    article = Article(source="articles/128.txt", sha256="0", slug="128", title="Aid begins to reach Haiti…",
                      title_from="lead")
    assert "title = {{Aid begins to reach Haiti…}}" in bibtex_entry(article)


def test_an_opinion_piece_is_marked_and_noted_on_the_page() -> None:
    meta, body = page(title="Libya is not Iraq", title_from="headline", opinion=True)
    assert meta["opinion"] is True and "Opinion: the page says the views are its author's." in body
    assert "opinion" not in page(title="Haiti devastated by massive quake", title_from="headline")[0]


def test_the_sources_table_numbers_files_in_their_numeric_order() -> None:
    from builder.render.articles import render_sources_page
    articles = [Article(source=f"articles/{n}.txt", sha256=str(n) * 64, slug=str(n), title=f"Report {n}")
                for n in (10, 2, 1)]
    rows = [line for line in render_sources_page(Dossier(title="t", articles=articles)).splitlines()
            if line.startswith("| ") and "articles/" in line]
    assert [row.split("|")[1].strip() for row in rows] == ["1", "2", "3"]
    assert ["articles/1.txt" in rows[0], "articles/2.txt" in rows[1], "articles/10.txt" in rows[2]] == [True] * 3
