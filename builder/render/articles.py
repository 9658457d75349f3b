"""Article pages, the articles index and the source index."""
from __future__ import annotations

import difflib
import html
import re

from ..analyze.sentences import fold_typography
from ..model import Article, Dossier, Syndication
from .archive import day_groups, is_paged, month_index
from .charts import coverage_chart
from .citations import bibtex_entry, reference_line
from .common import (article_link, article_path, generated_meta, human_date, human_time, iso_date, link_from,
                     with_front_matter)
from .escape import html_text, md_text, safe_url, title_text

REMOVED_SHOWN = 400
TITLE_NOTES = {"lead": "*Title taken from the article's first sentence; the source has no headline.*\n"
                       "{ .dossier-title-note }",
               None: "*The source has no headline and no text to take a title from; the page is named after "
                     "its file.*\n{ .dossier-title-note }"}
OPINION_NOTE = ("*Opinion: the page says the views are its author's. Its sentences are not used as reporting in the "
                "overview, the timeline or the key figures.*\n{ .dossier-title-note }")


def _meta_line(article: Article) -> str:
    parts = []
    if article.outlet:
        parts.append(f"**{md_text(article.outlet)}**")
    if article.agency:
        parts.append(f"Agency: {md_text(article.agency)}")
    if article.author:
        parts.append(f"By {md_text(article.author)}")
    parts.append(f"Published {human_date(article.published)}")
    if article.dateline:
        parts.append(f"Dateline: {md_text(article.dateline)}")
    return " · ".join(parts)


def _syndication_note(dossier: Dossier, article: Article, page: str) -> str:
    notes = []
    for link in dossier.syndication_of.get(article.slug, []):
        if link.copy == article.slug:
            original = dossier.article(link.original)
            notes.append(f"Same story as {article_link(original, page)} ({md_text(original.byline)}): "
                         f"{link.shared} of {link.total} paragraphs shared. This copy is counted once.")
        elif link.original == article.slug:
            copy = dossier.article(link.copy)
            notes.append(f"Same story as {article_link(copy, page)} ({md_text(copy.byline)}), which republishes "
                         f"it: {link.shared} of {link.total} of its paragraphs come from this article.")
    if not notes:
        return ""
    body = "\n\n".join(f"    {n}" for n in notes)
    return f'!!! info "Syndicated wire story"\n\n{body}\n'


def _diff_words(original: str, copy: str) -> str:
    """Inline word diff as HTML: removed words struck through, added words underlined.

    Words are compared with typography folded, so “curly” against "straight" quotes is no edit.
    """
    a, b = original.split(), copy.split()
    matcher = difflib.SequenceMatcher(None, [fold_typography(w) for w in a], [fold_typography(w) for w in b],
                                      autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(html_text(" ".join(b[j1:j2])))
            continue
        if i2 > i1:
            out.append(f"<del>{html_text(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{html_text(' '.join(b[j1:j2]))}</ins>")
    return " ".join(out)


def _diff_section(link: Syndication) -> str:
    rows = []
    for change in link.changes:
        if change.op == "same":
            continue
        if change.op == "edited":
            rows.append(f"<li><strong>edited</strong>: {_diff_words(change.original or '', change.copy or '')}</li>")
        elif change.op == "added":
            rows.append(f"<li><strong>added</strong>: <ins>{html_text(change.copy or '')}</ins></li>")
        else:
            rows.append(f"<li><strong>not in the copy</strong>: <del>{html_text(change.original or '')}</del></li>")
    same = sum(c.op == "same" for c in link.changes)
    intro = f"{same} paragraphs unchanged; what the copy changed, paragraph by paragraph:"
    return f'??? abstract "What the copy changed"\n\n    {intro}\n\n    <ul class="dossier-diff">{"".join(rows)}</ul>\n'


def _removed_box(article: Article) -> str:
    """Folded, in raw HTML so that it can carry data-search-exclude: furniture is no search result."""
    if not article.removed:
        return ""
    items = "".join(f"<li>{html_text(r.text[:300])} — <em>{html_text(r.reason)}</em></li>"
                    for r in article.removed[:REMOVED_SHOWN])
    more = len(article.removed) - REMOVED_SHOWN
    if more > 0:
        items += f"<li>… and {more} more lines</li>"
    return (f'<details class="note" data-search-exclude><summary>What was removed ({len(article.removed)} lines)'
            f"</summary><ul>{items}</ul></details>")


def _body(article: Article) -> str:
    parts = []
    for block in article.blocks:
        parts.append(f"## {md_text(block.text)}" if block.kind == "heading" else md_text(block.text))
    return "\n\n".join(parts)


def article_tags(article: Article, topics: list[str] = ()) -> list[str]:
    """Outlet, agency and topics as Material tags: the theme prints tag names unescaped, so entities only."""
    sources = sorted({title_text(t) for t in (article.outlet, article.agency) if t and t.strip()})
    return sources + [t for t in dict.fromkeys(title_text(t) for t in topics) if t not in sources]


def _related_line(dossier: Dossier, article: Article) -> str:
    """A pointer from the header to the related-coverage list further down (no second copy of the list)."""
    count = len(dossier.related.get(article.slug, []))
    if not count:
        return ""
    return f"Related coverage: [{count} article{'s' if count > 1 else ''}](#related-coverage)"


def _capture_line(article: Article) -> str:
    """'Captured from URL on DATE (HTTP 200), sha256 ...': where and when the source's bytes were taken."""
    capture = article.capture
    if capture is None:
        return ""
    url = safe_url(capture.final_url)
    where = f"[{md_text(capture.final_url)}]({url})" if url else md_text(capture.final_url)
    parts = [f"Captured from {where} on {human_time(capture.captured_at)}"]
    if capture.status:
        parts.append(f" (HTTP {capture.status})")
    if capture.sha256:
        parts.append(f", sha256 `{capture.sha256}`")
    if capture.archive:
        parts.append(f", out of the web archive {md_text(capture.archive)}")
    if capture.requested_url and capture.requested_url != capture.final_url:
        parts.append(f"; requested as {md_text(capture.requested_url)}")
    parts.append(".")
    if capture.sha256 and capture.sha256 != article.sha256:
        parts.append(" The file in the sources folder has been changed since.")
    return "".join(parts)


def _citation_box(article: Article) -> str:
    """The article's reference and BibTeX, folded; raw HTML (every value escaped) to keep it out of search."""
    url = safe_url(article.url)
    link = f' <a href="{html_text(url)}">{html_text(url)}</a>' if url else ""
    if link and article.capture:
        link += f" (accessed {human_date(article.capture.day)})"
    return (f'<details class="quote" data-search-exclude><summary>Cite this article</summary>'
            f"<p>{html_text(reference_line(article))}{link}</p><p>BibTeX:</p>"
            f"<pre><code>{html.escape(bibtex_entry(article).rstrip())}</code></pre></details>")


def render_article_page(dossier: Dossier, article: Article, extra: str = "") -> str:
    page = article_path(article.slug)
    meta = generated_meta(
        article.title or article.source, title_from=article.title_from, outlet=article.outlet, agency=article.agency,
        author=article.author, published=article.published, dateline=article.dateline, language=article.language,
        url=article.url, captured_from=article.capture and article.capture.final_url,
        captured_at=article.capture and article.capture.captured_at,
        source_file=article.source, source_sha256=article.sha256, words=article.word_count,
        opinion=article.opinion or None,
        tags=article_tags(article, dossier.topics.get(article.slug, [])) or None)
    parts = [f"# {md_text(article.title or article.source)}", _meta_line(article) + "\n{ .dossier-meta }",
             TITLE_NOTES.get(article.title_from, ""), OPINION_NOTE if article.opinion else ""]
    if safe_url(article.url):
        parts.append(f"[Original article]({safe_url(article.url)})")
    parts.append(_related_line(dossier, article))
    parts.append(_syndication_note(dossier, article, page))
    for link in dossier.syndication_of.get(article.slug, []):
        if link.copy == article.slug:
            parts.append(_diff_section(link))
    parts += [_body(article), extra, "---", f"Source file {md_text(article.source)}, sha256 `{article.sha256}`. "
              f"[All sources]({link_from(page, 'sources.md')})", _capture_line(article), _citation_box(article),
              _removed_box(article)]
    return with_front_matter(meta, "\n\n".join(p for p in parts if p))


def render_articles_index(dossier: Dossier) -> str:
    page = "articles/index.md"
    parts = ["# Articles", f"{len(dossier.included)} articles, newest first.", coverage_chart(dossier.included)]
    parts += month_index(dossier, page) if is_paged(dossier) else day_groups(dossier.included, page)
    return with_front_matter(generated_meta("Articles", hide=["navigation"]), "\n\n".join(parts))


def _status(dossier: Dossier, article: Article, page: str) -> str:
    if article.excluded:
        return "excluded by the curator" if article.blocks else "left out: no article text found"
    for link in dossier.syndication_of.get(article.slug, []):
        if link.copy == article.slug:
            return f"syndicated copy of {article_link(dossier.article(link.original), page)}"
    return "included"


SOURCES_PER_PAGE = 500


def _source_rows(dossier: Dossier, articles: list[tuple[int, Article]], page: str) -> str:
    rows = ["| # | Title | Outlet / agency | Published | Captured | Words | Status | Raw file and sha256 |",
            "|--:|---|---|---|---|--:|---|---|"]
    for n, article in articles:
        title = md_text(article.title or "(no title)") if article.excluded else article_link(article, page)
        captured = iso_date(article.capture.day if article.capture else None)
        rows.append(f"| {n} | {title} | {md_text(article.byline)} | {iso_date(article.published)} | {captured} | "
                    f"{article.word_count} | {_status(dossier, article, page)} | {md_text(article.source)}<br>"
                    f"<code title=\"{article.sha256}\">{article.sha256[:16]}…</code> |")
    return "\n".join(rows)


def file_order(name: str) -> tuple:
    """Numbers in file names in their numeric order: articles/2.txt before articles/10.txt, so that row 2 of
    the sources table is file 2."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", name)), name


def source_chunks(dossier: Dossier) -> list[list[tuple[int, Article]]]:
    numbered = list(enumerate(sorted(dossier.articles, key=lambda a: file_order(a.source)), 1))
    return [numbered[i:i + SOURCES_PER_PAGE] for i in range(0, len(numbered), SOURCES_PER_PAGE)] or [[]]


def render_sources_page(dossier: Dossier) -> str:
    """Every source file; past SOURCES_PER_PAGE files, the table is split over source-files/N.md pages."""
    page = "sources.md"
    chunks = source_chunks(dossier)
    parts = ["# Sources", f"Every file in the sources folder: {len(dossier.articles)} read, "
             f"{len(dossier.included)} in the dossier.",
             "Download all citations: [CSL-JSON](citations.json) · [BibTeX](citations.bib)"]
    if len(chunks) == 1:
        parts.append(_source_rows(dossier, chunks[0], page))
    else:
        parts.append("\n".join(f"- [Files {c[0][0]}–{c[-1][0]}]({link_from(page, f'source-files/{i}.md')}): "
                               f"{md_text(c[0][1].source)} to {md_text(c[-1][1].source)}"
                               for i, c in enumerate(chunks, 1)))
    if dossier.rejected:
        parts.append("## Files that could not be used")
        parts.append("\n".join(f"- {md_text(name)}: {md_text(reason)}" for name, reason in sorted(dossier.rejected.items())))
    return with_front_matter(generated_meta("Sources", hide=["navigation", "toc"]), "\n\n".join(parts))


def render_source_file_pages(dossier: Dossier) -> dict[str, str]:
    chunks = source_chunks(dossier)
    if len(chunks) == 1:
        return {}
    pages = {}
    for i, chunk in enumerate(chunks, 1):
        page = f"source-files/{i}.md"
        title = f"Sources: files {chunk[0][0]}–{chunk[-1][0]}"
        nav = " · ".join(([f"[← previous]({i - 1}.md)"] if i > 1 else []) + [f"[All sources]({link_from(page, 'sources.md')})"]
                         + ([f"[next →]({i + 1}.md)"] if i < len(chunks) else []))
        meta = generated_meta(title, hide=["navigation", "toc"], search={"exclude": True})
        pages[page] = with_front_matter(meta, "\n\n".join([f"# {title}", nav, _source_rows(dossier, chunk, page)]))
    return pages


def plain_body(article: Article) -> str:
    """The body as Markdown for the `clean` command: crossheads as `##`, text as it is."""
    return "\n\n".join(f"## {b.text}" if b.kind == "heading" else b.text for b in article.blocks)
