"""Untrusted text -> Markdown that renders as exactly that text: never HTML, links, structure or markup.

Every character Python-Markdown (with the extensions mkdocs.yml enables) could read as syntax is
backslash-escaped or written as an HTML entity, and whitespace is folded to one line, so `<script>`,
`[x](javascript:...)`, `# `, `---`, `| a |`, `{: .x}`, `*[abbr]:`, `[^1]`, `!!! danger`, `??? note` and
`{{ }}` all come out as the literal text. BLOCK_SYNTAX lists, for each extension, what it reads at the
start of a line; a test checks that it covers every extension in mkdocs.yml and builds each example.

Text is also cleared of the invisible characters that can disguise it: control characters, bidi
embeddings, overrides and isolates (which reorder what a reader sees, U+202E) and zero-width spaces,
always; zero-width joiners
and non-joiners only where no script that needs them surrounds them (Arabic, Indic and other joining
scripts, emoji sequences keep theirs).
"""
from __future__ import annotations

import html
import re
import unicodedata
import urllib.parse
from functools import lru_cache

# What each Markdown extension (and Python-Markdown itself) reads at the start of a line: examples the
# end-to-end test puts in a source. An extension mkdocs.yml enables must be listed here.
BLOCK_SYNTAX: dict[str, list[str]] = {
    "markdown": ["# heading", "## heading", "- item", "+ item", "* item", "1. item", "> quote", "---", "***",
                 "___", "<div>html block</div>", "[ref]: https://example.com", "    indented code", "```"],
    "admonition": ['!!! danger "Admonition"', "!!! note"],
    "pymdownx.details": ['??? warning "Details"', "???+ note", '???+ danger "Open details"'],
    "pymdownx.tabbed": ['=== "Tab"'],
    "pymdownx.superfences": ["```python", "~~~"],
    "pymdownx.blocks.admonition": ["/// note", "/// details | Summary"],
    "footnotes": ["[^1]: a footnote definition"],
    "abbr": ["*[HTML]: Hyper Text Markup Language"],
    "def_list": [": a definition"],
    "attr_list": ["{: .evil #id }"],
    "md_in_html": ['<div markdown="1">'],
    "tables": ["| a | b |", "a | b"],
    "toc": ["[TOC]"],
}
# Escapes for characters Markdown reads as syntax anywhere, and for those it reads at the start of a line.
# Python-Markdown honours a backslash before its own ESCAPED_CHARS; for the others an entity is used.
INLINE_SYNTAX = re.compile(r"([\\`*_{}\[\]|])")
LINE_START = {"#": r"\#", "+": r"\+", "-": r"\-", "!": r"\!", "?": "&#63;", "=": "&#61;", ":": "&#58;",
              "~": "&#126;", "/": "&#47;", "$": "&#36;"}
LINE_START_SYNTAX = re.compile("^([" + re.escape("".join(LINE_START)) + "])")
LIST_NUMBER = re.compile(r"^(\d+)([.)])")
TRAILING_HASHES = re.compile(r"#+$")
WHITESPACE = re.compile(r"\s+")

# Control characters (Python-Markdown's own placeholders are delimited by STX and ETX), bidi controls and
# marks, zero-width spaces.
STRIPPED = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0), *map(ord,
                          "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
                          "\u200b\u2060\ufeff\u180e")])
JOINER = re.compile("[\u200c\u200d]")
# Scripts whose spelling needs ZWJ/ZWNJ: Arabic, Syriac, Thaana, N'Ko, the Indic scripts from Devanagari to
# Sinhala, Tibetan, Myanmar, Khmer, Mongolian, Arabic presentation forms.
JOINING_SCRIPTS = [(0x0600, 0x08FF), (0x0900, 0x0DFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x18AF),
                   (0xA8E0, 0xA8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]
EMOJI_PARTS = {"So", "Sk"}


def _joins(char: str) -> bool:
    """A character a zero-width (non-)joiner may stand beside: a joining script's, or part of an emoji."""
    point = ord(char)
    return (any(lo <= point <= hi for lo, hi in JOINING_SCRIPTS) or unicodedata.category(char) in EMOJI_PARTS
            or char == "\ufe0f")


def _joiner(match: re.Match[str]) -> str:
    text, at = match.string, match.start()
    before, after = text[at - 1:at], text[at + 1:at + 2]
    return match.group(0) if before and after and _joins(before) and _joins(after) else ""


def visible(text: str) -> str:
    """The text without the invisible characters that could make it read as something it is not."""
    text = text.translate(STRIPPED)
    return JOINER.sub(_joiner, text) if "\u200c" in text or "\u200d" in text else text


def _folded(text: str) -> str:
    return WHITESPACE.sub(" ", visible(text)).strip()


@lru_cache(maxsize=1 << 16)
def md_text(text: str) -> str:
    """Escape one line or paragraph of untrusted text for use anywhere inline in Markdown."""
    escaped = INLINE_SYNTAX.sub(r"\\\1", html.escape(_folded(text), quote=False))
    escaped = TRAILING_HASHES.sub(lambda m: "\\#" * len(m.group(0)), escaped)  # a heading's end would drop them
    escaped = LINE_START_SYNTAX.sub(lambda m: LINE_START[m.group(1)], escaped)
    return LIST_NUMBER.sub(r"\1\\\2", escaped)


def md_link(label: str, target: str) -> str:
    """A link to one of our own pages (target is built by us, the label is untrusted)."""
    return f"[{md_text(label)}]({target})"


def html_text(text: str) -> str:
    """Escape untrusted text for a raw HTML context we write ourselves (e.g. inside <del>, SVG)."""
    return html.escape(_folded(text), quote=True)


def title_text(text: str) -> str:
    """A page title for front matter: templates print it unescaped, so entities only, no markup."""
    return html.escape(_folded(text), quote=False)


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
