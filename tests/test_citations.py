"""Citations: CSL-JSON that parses with the fields reference managers need; BibTeX balanced and escaped."""
from __future__ import annotations

import json

import markdown

from builder.model import Article, Dossier, Removal
from builder.render.articles import render_article_page
from builder.render.charts import coverage_chart
from builder.render.citations import bibtex_entry, bibtex_escape, citations_bib, citations_json, csl_item
from support import rendered

HOSTILE = r"50% of {Daesh} & #1 \end{document} $x_1$ ~^ }{ <script>alert(1)</script>"


def article(slug="a", **kw) -> Article:
    base = dict(source=f"{slug}.txt", sha256="0" * 64, slug=slug, title="Town falls", outlet="Daily Star",
                agency="Reuters", author="Jane Doe", published="2017-11-20", url="https://example.com/a?b=1")
    return Article(**{**base, **kw})


def balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def test_csl_json_has_what_a_reference_manager_needs():
    dossier = Dossier(title="t", articles=[article("a"), article("b", outlet=None, url=None, published="2017-11")])
    items = json.loads(citations_json(dossier))
    assert [i["id"] for i in items] == ["a", "b"]
    first, second = items
    assert first["type"] == "article-newspaper" and first["title"] == "Town falls"
    assert first["container-title"] == "Daily Star" and first["publisher"] == "Reuters"
    assert first["issued"] == {"date-parts": [[2017, 11, 20]]}
    assert first["URL"] == "https://example.com/a?b=1"
    assert first["author"] == [{"literal": "Jane Doe"}]
    assert second["container-title"] == "Reuters" and "publisher" not in second  # a wire story: the agency
    assert second["issued"] == {"date-parts": [[2017, 11]]} and "URL" not in second


def test_csl_json_drops_unsafe_urls():
    assert "URL" not in csl_item(article(url="javascript:alert(1)"))


def test_bibtex_escapes_a_hostile_title_and_stays_balanced():
    entry = bibtex_entry(article(title=HOSTILE, author="A {B} & C", outlet="Star_%"))
    assert balanced(entry), entry
    assert entry.startswith("@article{a,\n") and entry.rstrip().endswith("}")
    for raw in ["50%", "& #", "$x_1$", "\\end{document}", "{Daesh}"]:
        assert raw not in entry
    assert r"50\% of \textbraceleft{}Daesh\textbraceright{} \& \#1 \textbackslash{}end" in entry
    assert r"journal = {Star\_\%}" in entry
    assert "month = nov" in entry and "date = {2017-11-20}" in entry and "url = {https://example.com/a?b=1}" in entry


def test_bibtex_escape_covers_every_special():
    assert bibtex_escape("\\{}%&#_$~^") == (r"\textbackslash{}\textbraceleft{}\textbraceright{}\%\&\#\_\$"
                                           r"\textasciitilde{}\textasciicircum{}")
    assert balanced(bibtex_escape("}}}{{"))


def test_bibtex_url_cannot_break_the_entry():
    entry = bibtex_entry(article(url="https://e.com/{x}\\y z%41"))
    assert balanced(entry) and "url = {https://e.com/%7Bx%7D%5Cy%20z%41}" in entry


def test_site_ships_both_files_and_every_article_page_cites_itself():
    dossier = Dossier(title="t", articles=[article("a", title=HOSTILE, removed=[Removal(HOSTILE, "<b>ad</b>")]),
                                           article("b")])
    pages = rendered(dossier)
    assert json.loads(pages["citations.json"])[0]["title"] == " ".join(HOSTILE.split())
    assert pages["citations.bib"] == citations_bib(dossier) and balanced(pages["citations.bib"])
    page = render_article_page(dossier, dossier.articles[0])
    assert '<details class="quote" data-search-exclude><summary>Cite this article</summary>' in page
    body = page.split("\n---\n", 1)[1]
    html = markdown.markdown(body, extensions=["footnotes", "admonition", "attr_list", "tables", "pymdownx.details",
                                               "toc"])
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<pre><code>@article{a," in html and html.count("<details") == 2  # citation, removed lines
    assert "<b>" not in html and html.count("data-search-exclude") == 2
    assert "[CSL-JSON](citations.json)" in pages["sources.md"] and "[BibTeX](citations.bib)" in pages["sources.md"]


def test_coverage_chart_is_accessible_and_escaped():
    articles = [article("a", agency="<b>Evil</b> & co", outlet=None), article("b", published="2017-11-22"),
                article("c", published=None)]
    chart = coverage_chart(articles)
    assert 'role="img"' in chart and "<title id=" in chart and "<desc id=" in chart
    assert "<b>" not in chart and "&lt;b&gt;Evil&lt;/b&gt; &amp; co" in chart
    assert "1 undated" in chart and "| Agency (or outlet) | Articles |" in chart
    assert 'fill="#000' not in chart and "currentColor" in chart


def test_a_key_figure_lists_the_articles_that_report_it_earliest_first():
    from builder.model import Citation, Figure
    dates = {"308": "2011-06-08", "39": "2011-02-26", "41": "2011-02-25"}
    articles = [Article(source=f"{s}.txt", sha256=s * 8, slug=s, title=f"Story {s}", outlet="CNN", published=d)
                for s, d in dates.items()]
    figure = Figure(value="1,000", low=1000, high=1000, what="people killed", quantity="deaths", key=True,
                    citations=[Citation(s, "More than 1,000 people have been killed.") for s in dates])
    row = next(line for line in rendered(Dossier(title="t", articles=articles, figures=[figure]))["index.md"]
               .splitlines() if line.startswith("| 1,000"))
    assert row.index("25 February 2011") < row.index("26 February 2011") < row.index("8 June 2011")
