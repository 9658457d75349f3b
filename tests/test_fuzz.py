"""Property-based: random text full of Markdown, HTML and YAML syntax never becomes markup, and never crashes.

The text is drawn from fragments of every syntax the site's renderer reads (BLOCK_SYNTAX and more), mixed
with arbitrary characters. It goes through the escaper in each context the renderer puts untrusted text
in, and through the whole cleaner to an article page; the Markdown is converted by Python-Markdown set up
exactly as mkdocs.yml sets it up. The budget is fixed (derandomized, so every run tries the same cases)
to keep the suite's time: see MAX_EXAMPLES.
"""
from __future__ import annotations

import html
import re

import frontmatter
from hypothesis import HealthCheck, given, settings, strategies as st

from builder.bounds import bound_article
from builder.clean import clean_source
from builder.model import Dossier, Source
from builder.render.articles import render_article_page
from builder.render.common import with_front_matter
from builder.render.escape import BLOCK_SYNTAX, md_link, md_text, title_text, visible
from support import site_markdown

MAX_EXAMPLES = 300
FRAGMENTS = sorted({e for examples in BLOCK_SYNTAX.values() for e in examples} | {
    "!!!", "???", "???+", "===", "---", "***", "#", "- ", "1. ", "1) ", "> ", ": ", "|", "||", "```", "~~~", "    ",
    "\t", "\n", "\n\n", "\r\n", "\\", "`", "_", "*", "**", "[", "]", "(", ")", "{", "}", "<", ">", "&", "&amp;",
    "&#60;", "&lt;script&gt;", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe>", "</p>",
    "<!--", "-->", "<!-- dossier:end overview -->", "<!-- dossier:section overview -->", "[x](javascript:alert(1))",
    "[x]: javascript:alert(1)", "<https://evil.example>", "https://evil.example", "![img](x.png)", "[^1]", "{: .x}",
    "*[HTML]:", "{{ config.site_name }}", "{% raw %}", "$$", "title: evil", "---\ntitle: evil\n---", "key: [a, b]",
    "!!python/object:os.system", "&x", "'", '"', "\u202e", "\u2066", "\u200d", "\u200b", "\ufeff", "क्", "ष", "👩"})
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=25).map("".join)
FUZZ = settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
MARKDOWN = site_markdown()
TAG = re.compile(r"<[^>]+>")
LIVE = re.compile(r"<(?!/?(?:p|h1|h2|a|strong|em|code|br|hr|ul|li|details|summary|pre|del|ins|time|sup)\b)"
                  r"|<[^>]*\son\w+=|href=\"(?!https?://|\.\.?/|#|[\w-]+/?\")|class=\"admonition|<details(?![^>]*search)")


def convert(markdown: str) -> str:
    return MARKDOWN.reset().convert(markdown)


def shown(text: str) -> str:
    """What a reader must see of untrusted text: itself, on one line, without invisible characters."""
    return " ".join(visible(text).split())


@FUZZ
@given(TEXT)
def test_escaped_text_is_one_paragraph_of_exactly_that_text(text: str) -> None:
    rendered = convert(md_text(text))
    if not shown(text):
        assert rendered == ""
        return
    assert re.fullmatch(r"<p>[^<]*</p>", rendered), (text, rendered)
    assert html.unescape(rendered[3:-4]) == shown(text)


@FUZZ
@given(TEXT)
def test_escaped_text_keeps_to_its_heading_table_cell_and_link_label(text: str) -> None:
    heading = convert("## " + md_text(text))
    assert heading.count("<h2") == 1 and html.unescape(TAG.sub("", heading)).removesuffix("¶").strip() == shown(text)
    table = convert("| a | b |\n|---|---|\n| " + md_text(text) + " | end |")
    assert table.count("<td") == 2 and table.count("<tr") == 2, (text, table)
    assert html.unescape(TAG.sub("", table.split("<td")[1].split("</td>")[0]).split(">", 1)[1]) == shown(text)
    link = convert(md_link(text, "page.md"))
    assert link.count("<a ") == 1 and re.search(r'<a href="page.md">([^<]*)</a>', link), (text, link)
    assert html.unescape(re.search(r'<a href="page.md">([^<]*)</a>', link)[1]) == shown(text)


@FUZZ
@given(TEXT)
def test_a_title_stays_one_front_matter_value(text: str) -> None:
    page = with_front_matter({"title": title_text(text), "generated": True}, "Body.")
    post = frontmatter.loads(page)
    assert post.metadata == {"title": title_text(text), "generated": True}
    assert post.content == "Body." and "<" not in title_text(text)


@FUZZ
@given(TEXT, TEXT, TEXT, st.sampled_from(["text", "html"]))
def test_the_cleaner_never_raises_and_its_page_holds_no_live_markup(title: str, body: str, tail: str,
                                                                    fmt: str) -> None:
    raw = f"{title}\nBy {tail}\nMarch 3, 2020\n\n{body}\n\n{tail} {body}\n"
    if fmt == "html":
        raw = f"<html><head><title>{title}</title></head><body><article><p>{body}</p><p>{tail}</p></article></body></html>"
    article = clean_source(Source(name=f"fuzz.{'txt' if fmt == 'text' else 'html'}", data=raw.encode("utf-8"),
                                  sha256="0" * 64, format=fmt))
    bound_article(article)
    page = render_article_page(Dossier(title="Fuzz", articles=[article]), article)
    post = frontmatter.loads(page)
    assert set(post.metadata) <= {"title", "outlet", "agency", "author", "published", "dateline", "language", "url",
                                  "source_file", "source_sha256", "words", "tags", "generated", "generator",
                                  "title_from", "captured_from", "captured_at"}
    rendered = convert(post.content)
    assert not LIVE.search(rendered), LIVE.search(rendered)
    text = html.unescape(TAG.sub("", rendered))
    for block in article.blocks:
        assert shown(block.text) in text


@settings(max_examples=MAX_EXAMPLES // 3, deadline=None, derandomize=True, database=None)
@given(st.binary(max_size=4000), st.sampled_from(["text", "html"]))
def test_the_cleaner_never_raises_on_any_bytes(data: bytes, fmt: str) -> None:
    article = clean_source(Source(name="bytes.txt", data=data, sha256="0" * 64, format=fmt))
    bound_article(article)
    render_article_page(Dossier(title="Fuzz", articles=[article]), article)
