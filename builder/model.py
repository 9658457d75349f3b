"""The data model: every stage takes and returns these objects.

read -> Source; clean -> Article; analyze -> Dossier (articles plus the links between them);
render -> {path: text}; write -> files in docs/.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


UNNAMED_OUTLET = "outlet not named"


def names_the_agency(outlet: str, agency: str) -> bool:
    """'Xinhua News Agency' and 'Xinhua', 'Associated Press' and 'AP': the outlet is the agency itself."""
    initials = "".join(w[0] for w in outlet.split() if w[:1].isupper())
    return agency.casefold() in outlet.casefold().split() or initials == agency or outlet == agency


@dataclass(frozen=True)
class Override:
    """What a curator corrected for one source (sidecar YAML or manifest entry)."""

    title: str | None = None
    outlet: str | None = None
    agency: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    exclude: bool = False
    title_line: bool = False
    origin: str = ""


@dataclass(frozen=True)
class Source:
    """A raw file from sources/, as bytes: nothing in it is trusted yet."""

    name: str
    data: bytes
    sha256: str
    format: str
    override: Override = field(default_factory=Override)


@dataclass(frozen=True)
class Block:
    """One piece of an article body: a paragraph or a crosshead."""

    kind: str
    text: str


@dataclass(frozen=True)
class Removal:
    """A line the cleaner dropped, and why: shown to the reader in a folded box."""

    text: str
    reason: str


@dataclass
class Article:
    source: str
    sha256: str
    slug: str
    title: str | None = None
    outlet: str | None = None
    agency: str | None = None
    author: str | None = None
    published: str | None = None
    dateline: str | None = None
    language: str | None = None
    url: str | None = None
    title_from: str | None = None  # "headline", "lead" (the source has none) or "curator" (a sidecar's title)
    date_candidates: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    excluded: bool = False

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "paragraph"]

    @property
    def headings(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "heading"]

    @property
    def body_text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks if b.kind == "paragraph")

    @property
    def byline(self) -> str:
        """Outlet and agency as a reader names the source: 'Ahram Online', 'AFP', 'Daily Star / Reuters'."""
        names = [n for n in (self.outlet, self.agency) if n]
        if self.outlet and self.agency and names_the_agency(self.outlet, self.agency):
            names = [self.outlet]
        return " / ".join(names) or UNNAMED_OUTLET


@dataclass(frozen=True)
class Mention:
    article: str
    sentence: str
    surface: str


@dataclass
class Entity:
    slug: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    related: list[str] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({m.article for m in self.mentions})


@dataclass(frozen=True)
class ParagraphChange:
    """One step of a paragraph-level diff between a wire story and its copy."""

    op: str
    original: str | None
    copy: str | None


@dataclass
class Syndication:
    """`copy` republishes `original` (the same wire story, lightly edited)."""

    copy: str
    original: str
    shared: int
    total: int
    similarity: float
    changes: list[ParagraphChange] = field(default_factory=list)


@dataclass(frozen=True)
class Related:
    article: str
    other: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Citation:
    article: str
    sentence: str


@dataclass
class Event:
    """Something that happened on a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`)."""

    date: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    resolved_from: str | None = None

    @property
    def articles(self) -> list[str]:
        return sorted({c.article for c in self.citations})


@dataclass
class Figure:
    """A number with what it counts, who says so, and where it is reported."""

    value: str
    low: float
    high: float
    what: str
    quantity: str
    attributed_to: str | None = None
    citations: list[Citation] = field(default_factory=list)
    differs_from: list[str] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({c.article for c in self.citations})


@dataclass
class SummarySentence:
    text: str
    articles: list[str]
    date: str | None = None


@dataclass
class Difference:
    """A point where the sources disagree, each side with the articles that say it."""

    topic: str
    sides: list[tuple[str, list[str]]]


@dataclass
class Dossier:
    title: str
    articles: list[Article]
    entities: list[Entity] = field(default_factory=list)
    syndication: list[Syndication] = field(default_factory=list)
    related: dict[str, list[Related]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    topics: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    rejected: dict[str, str] = field(default_factory=dict)

    def article(self, slug: str) -> Article:
        return self.articles_by_slug[slug]

    @cached_property
    def articles_by_slug(self) -> dict[str, Article]:
        """Built once: renderers look articles up for every link on every page."""
        return {a.slug: a for a in self.articles}

    @cached_property
    def syndication_of(self) -> dict[str, list[Syndication]]:
        """Each article's syndication links, as copy or as original."""
        links: dict[str, list[Syndication]] = {}
        for link in self.syndication:
            links.setdefault(link.copy, []).append(link)
            links.setdefault(link.original, []).append(link)
        return links

    @property
    def included(self) -> list[Article]:
        return [a for a in self.articles if not a.excluded]
