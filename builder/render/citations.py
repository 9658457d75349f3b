"""How to cite each article: CSL-JSON, BibTeX and a one-line reference.

A news story is CSL type `article-newspaper`; its BibTeX counterpart is `@article` with `journal` = the
outlet (the usual mapping, read by BibTeX, biber and every reference manager) plus biblatex's
`entrysubtype = {newspaper}`, which plain BibTeX ignores. The outlet is the container; a wire story with no
outlet has its agency as the container, and an agency behind an outlet's story is the publisher.
"""
from __future__ import annotations

import json
import re

from ..model import Article, Dossier
from .common import human_date
from .escape import safe_url

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%",
                  "&": r"\&", "#": r"\#", "_": r"\_", "$": r"\$", "~": r"\textasciitilde{}",
                  "^": r"\textasciicircum{}"}
WHITESPACE = re.compile(r"\s+")
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def container(article: Article) -> str | None:
    return article.outlet or article.agency


def publisher(article: Article) -> str | None:
    return article.agency if article.outlet and article.agency and article.agency != article.outlet else None


def date_parts(iso: str | None) -> list[int] | None:
    match = ISO_DATE.match(iso or "")
    return [int(p) for p in match.groups() if p] if match else None


def csl_item(article: Article) -> dict:
    """One CSL-JSON item (keys in a fixed order, absent facts left out)."""
    item: dict = {"id": article.slug, "type": "article-newspaper", "title": _fold(article.title or article.source)}
    if container(article):
        item["container-title"] = _fold(container(article))
    if publisher(article):
        item["publisher"] = _fold(publisher(article))
    if article.author:
        item["author"] = [{"literal": _fold(article.author)}]
    if date_parts(article.published):
        item["issued"] = {"date-parts": [date_parts(article.published)]}
    if safe_url(article.url):
        item["URL"] = safe_url(article.url)
    if article.capture and date_parts(article.capture.day):
        item["accessed"] = {"date-parts": [date_parts(article.capture.day)]}
    if article.dateline:
        item["event-place"] = _fold(article.dateline)
    if article.language:
        item["language"] = _fold(article.language)
    return item


def bibtex_escape(text: str) -> str:
    """Untrusted text as a BibTeX value: LaTeX specials spelled out, so braces always balance."""
    return "".join(BIBTEX_SPECIAL.get(c, c) for c in _fold(text))


def bibtex_key(article: Article) -> str:
    return re.sub(r"[^A-Za-z0-9_:.-]", "-", article.slug) or "article"


def bibtex_entry(article: Article) -> str:
    fields: list[tuple[str, str]] = [("title", "{" + bibtex_escape(article.title or article.source) + "}")]
    if article.author:
        fields.append(("author", "{" + bibtex_escape(article.author) + "}"))
    if container(article):
        fields.append(("journal", bibtex_escape(container(article))))
    if publisher(article):
        fields.append(("publisher", bibtex_escape(publisher(article))))
    parts = date_parts(article.published)
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", MONTHS[parts[1] - 1] if 1 <= parts[1] <= 12 else str(parts[1])))
        fields.append(("date", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))))
    if safe_url(article.url):
        # url fields are read verbatim (url/hyperref, biblatex): percent-encoded, never LaTeX-escaped.
        fields.append(("url", safe_url(article.url)))
        if article.capture and date_parts(article.capture.day):
            fields.append(("urldate", article.capture.day))
    fields.append(("entrysubtype", "newspaper"))
    body = ",\n".join(f"  {name} = {value if name == 'month' and value.isalpha() else '{' + value + '}'}"
                      for name, value in fields)
    return f"@article{{{bibtex_key(article)},\n{body}\n}}\n"


def reference_line(article: Article) -> str:
    """A plain-text reference (not escaped: the caller escapes it for where it goes), without the URL."""
    parts = []
    if article.author:
        parts.append(f"{_fold(article.author)}.")
    parts.append(f"“{_fold(article.title or article.source)}.”")
    where = ", ".join(_fold(n) for n in (container(article), publisher(article)) if n)
    when = human_date(article.published) if article.published else "undated"
    parts.append(f"{where}, {when}." if where else f"{when}.")
    return " ".join(parts)


def citations_json(dossier: Dossier) -> str:
    items = [csl_item(a) for a in sorted(dossier.included, key=lambda a: a.slug)]
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


def citations_bib(dossier: Dossier) -> str:
    return "\n".join(bibtex_entry(a) for a in sorted(dossier.included, key=lambda a: a.slug))


def _fold(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()
