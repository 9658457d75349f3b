"""Render: untrusted text is shown as exactly that text, whatever Markdown block syntax it holds.

BLOCK_SYNTAX in escape.py lists what each extension reads at the start of a line; a test checks it covers
every extension mkdocs.yml enables, and the site is built with `mkdocs build --strict` from a text source
and an HTML source holding every example, each checked on the built HTML.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from builder.render.escape import BLOCK_SYNTAX, md_text, visible
from support import make_project, mkdocs_build, site_extensions, site_markdown

EXAMPLES = [example for examples in BLOCK_SYNTAX.values() for example in examples]
TAIL = "marker{} stays text: this line of the article has enough ordinary words to be kept by the cleaner as prose."
HTML_TAIL = "is one more sentence from a saved page (marker{} ), written in other words so that no copy is found."
TEXT_ONLY = re.compile(r"<[^>]+>")
BIDI = "Trojan \u202esource\u202c \u2066and\u2069 pay\u200dpal, but क्\u200dष keeps the joiner its script needs."


def test_every_extension_mkdocs_enables_has_its_block_syntax_listed() -> None:
    names, _ = site_extensions()
    assert set(names) <= set(BLOCK_SYNTAX), set(names) - set(BLOCK_SYNTAX)


def test_each_example_renders_as_one_paragraph_of_its_own_text() -> None:
    markdown = site_markdown()
    for example in EXAMPLES:
        rendered = markdown.reset().convert(md_text(example))
        assert re.fullmatch(r"<p>[^<]*</p>", rendered), (example, rendered)
        assert html.unescape(rendered[3:-4]) == " ".join(example.split()), (example, rendered)
        heading = markdown.reset().convert("## " + md_text(example))
        assert re.fullmatch(r'<h2 id="[^"]*">[^<]*<a class="headerlink"[^>]*>[^<]*</a></h2>', heading), heading


def test_bidi_controls_and_zero_width_characters_go_where_no_script_needs_them() -> None:
    assert visible("evil\u202egnp.exe") == "evilgnp.exe"
    assert visible("\u2066isolated\u2069 pay\u200dpal zero\u200bwidth") == "isolated paypal zerowidth"
    assert visible("क्\u200dष") == "क्\u200dष", "Devanagari conjuncts keep their joiner"
    assert visible("می\u200cخواهم") == "می\u200cخواهم", "Persian keeps its non-joiner"
    assert visible("👩\u200d💻") == "👩\u200d💻", "an emoji sequence keeps its joiner"
    assert md_text("\u202eabc\u200d") == "abc"


def paragraphs(page: str) -> list[str]:
    """The text of every <p> of an article page's body, before the sections the builder adds."""
    body = page[page.index("<article"):page.index("</article>")].split("</h1>", 1)[1]
    body = re.split(r'<h2 id="(?:related-coverage|entities-mentioned)"|<hr', body)[0]
    assert not re.search(r"<(?:h\d|div|ul|ol|li|code|pre|sup|abbr|dl|dt|dd|table|blockquote|details)\b", body), body
    return [html.unescape(TEXT_ONLY.sub("", p)) for p in re.findall(r"<p>(.*?)</p>", body, re.S)]


def test_every_block_syntax_stays_text_in_the_built_site(tmp_path: Path) -> None:
    """The HTML page holds each example as a paragraph of its own; the text page (whose cleaner drops lines
    too short to be prose) holds each at the start of a line of prose, and the admonition, details and tab
    openers with a title long enough to be prose, which is how a source makes a live box of them."""
    project = make_project(tmp_path / "project")
    prose = "Paragraph {} of the article has enough ordinary words to be kept by the cleaner as prose, officials said."
    (project / "sources" / "hostile-page.html").write_text(
        "<html><head><title>A page about hostile syntax</title></head><body><article>"
        + "".join(f"<p>{html.escape(example)}</p><p>{prose.format(i)}</p>" for i, example in enumerate(EXAMPLES))
        + f"<p>{BIDI}</p></article></body></html>", encoding="utf-8")
    titled = [f'{opener} "A title long enough to be kept as prose by the cleaner, as a source would write it"'
              for opener in ("!!! danger", "??? warning", "???+ note", "=== ")]
    lines = [f"{example} {TAIL.format(i)}" for i, example in enumerate(EXAMPLES)] + titled + [BIDI]
    (project / "sources" / "hostile.txt").write_text(
        "A headline about hostile syntax\nBy AFP\nMarch 3, 2020\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "articles" / "hostile-page" / "index.html").read_text(encoding="utf-8")
    from_html = paragraphs(page)
    assert [" ".join(example.split()) for example in EXAMPLES] == [
        p for p in from_html if not p.startswith(("Paragraph ", "Trojan ", "Related coverage: "))]
    page = (project / "site" / "articles" / "hostile" / "index.html").read_text(encoding="utf-8")
    shown = paragraphs(page)
    for line in lines[:-1]:
        assert " ".join(line.split()) in shown or " | " in line, line
    for text in (from_html[-1], shown[-1]):
        assert text.startswith("Trojan source and paypal, but क्"), text
    assert "क्\u200dष" in shown[-1], "trafilatura drops the joiners of an HTML page; a text page keeps them"
