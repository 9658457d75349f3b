"""Every internal link of the built site leads to a file that exists, and every #fragment to an id on that page."""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                   ("iframe", "src"), ("use", "href")}


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if (tag, name) in LINK_ATTRIBUTES:
                self.links.append(value)
                if tag != "a" and not (tag == "link" and dict(attrs).get("rel") in ("canonical", "alternate")):
                    self.resources.append(value)


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV [NAME, default]` gives the default, other tags are ignored."""


ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                             if isinstance(node, yaml.SequenceNode) else None)
ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_location() -> tuple[str, str]:
    """Host and path of site_url: absolute links (404.html, canonical) carry them."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
    url = urlsplit(config.get("site_url") or "/")
    return url.netloc, url.path or "/"


def resolve(site: Path, page: Path, href: str, base: str, host: str) -> tuple[Path, str] | None:
    """The file an internal link points at and its fragment; None for an external or non-file link."""
    parts = urlsplit(href)
    if parts.scheme in ("mailto", "tel", "data", "javascript"):
        return None
    if parts.scheme or parts.netloc:
        if parts.netloc != host:
            return None
    path = unquote(parts.path)
    if not path:
        target = page
    else:
        if path.startswith("/"):
            relative = posixpath.relpath(path, base) if path.startswith(base) else path.lstrip("/")
            target = site / relative
        else:
            target = page.parent / path
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
    return target.resolve(), unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    host, base = site_location()
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 5, pages
    parsed = {p.resolve(): parse(p) for p in pages}
    problems = []
    checked = 0
    for page, parser in parsed.items():
        for href in parser.links:
            target = resolve(built_site, page, href, base, host)
            if target is None:
                continue
            file, fragment = target
            checked += 1
            where = f"{page.relative_to(built_site.resolve())}: {href}"
            if not file.is_file():
                problems.append(f"{where} -> missing {file}")
                continue
            if fragment and file.suffix == ".html":
                ids = parsed[file].ids if file in parsed else parse(file).ids
                if fragment not in ids:
                    problems.append(f"{where} -> no id {fragment!r}")
    assert checked > 50
    assert not problems, "\n".join(problems)


def test_link_resolver_handles_relative_and_directory_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p id='x'>x</p>")
    page = tmp_path / "index.html"
    assert resolve(tmp_path, page, "a/#x", "/", "") == ((tmp_path / "a" / "index.html").resolve(), "x")
    assert resolve(tmp_path, page, "https://elsewhere.example/a/", "/", "") is None
    assert resolve(tmp_path, page, "#top", "/", "") == (page.resolve(), "top")
    assert resolve(tmp_path, page, "/dossier/a/", "/dossier/", "") == ((tmp_path / "a" / "index.html").resolve(), "")


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    """Scripts, styles, fonts, icons and images all ship with the site (the browser test checks the running page)."""
    foreign = []
    for page in sorted(built_site.rglob("*.html")):
        for url in parse(page).resources:
            parts = urlsplit(url)
            if parts.netloc or parts.scheme not in ("", "data"):
                foreign.append(f"{page.relative_to(built_site)}: {url}")
    assert not foreign, "\n".join(foreign)
