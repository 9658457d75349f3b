"""Untrusted text -> Markdown that renders as exactly that text: never HTML, links, structure or markup.

Every character Python-Markdown (with the extensions mkdocs.yml enables) could read as syntax is
backslash-escaped or written as an HTML entity, and whitespace is folded to one line, so `<script>`, `[x](javascript:...)`, `# `, `---`, `| a |`, `{: .x}`,
`*[abbr]:`, `[^1]` and `{{ }}` all come out as the literal text.
"""
from __future__ import annotations

import html
import re
import urllib.parse
from functools import lru_cache

INLINE_SYNTAX = re.compile(r"([\\`*_{}\[\]|])")
LINE_START_SYNTAX = re.compile(r"^([#+\-])")
LIST_NUMBER = re.compile(r"^(\d+)([.)])")
WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def md_text(text: str) -> str:
    """Escape one line or paragraph of untrusted text for use anywhere inline in Markdown (memoised: a name
    or a byline is escaped for hundreds of pages)."""
    folded = WHITESPACE.sub(" ", text).strip()
    escaped = INLINE_SYNTAX.sub(r"\\\1", html.escape(folded, quote=False))
    escaped = LINE_START_SYNTAX.sub(r"\\\1", escaped)
    return LIST_NUMBER.sub(r"\1\\\2", escaped)


def md_link(label: str, target: str) -> str:
    """A link to one of our own pages (target is built by us, the label is untrusted)."""
    return f"[{md_text(label)}]({target})"


def html_text(text: str) -> str:
    """Escape untrusted text for a raw HTML context we write ourselves (e.g. inside <del>, SVG)."""
    return html.escape(WHITESPACE.sub(" ", text).strip(), quote=True)


def title_text(text: str) -> str:
    """A page title for front matter: templates print it unescaped, so entities only, no markup."""
    return html.escape(WHITESPACE.sub(" ", text).strip(), quote=False)


URL_SAFE = "/:?#[]@!$&'*+,;=%-._~"


def safe_url(url: str | None) -> str | None:
    """An untrusted URL as a link target: only http(s) with a host; anything that could end a Markdown link,
    open HTML or break a BibTeX/CSL value ( `()<>"{}\\|^` and spaces) percent-encoded. None when not usable."""
    if not url:
        return None
    url = url.strip()
    scheme, _, rest = url.partition("://")
    if scheme.lower() not in ("http", "https") or not rest or rest.startswith("/"):
        return None
    return urllib.parse.quote(url, safe=URL_SAFE)
