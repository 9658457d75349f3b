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
class Capture:
    """Where and when a source's bytes were taken from the web (written by `add`; see collect/)."""

    final_url: str
    captured_at: str
    requested_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    charset: str | None = None
    sha256: str | None = None
    date: str | None = None
    last_modified: str | None = None
    etag: str | None = None
    archive: str | None = None

    @property
    def day(self) -> str:
        return self.captured_at[:10]


@dataclass(frozen=True)
class Hints:
    """What a feed said about the page it links to: used only where the page itself says nothing."""

    feed: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None


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
    capture: Capture | None = None
    hints: Hints | None = None


@dataclass(frozen=True)
class Source:
    """A raw file from sources/, as bytes: nothing in it is trusted yet."""

    name: str
    data: bytes
    sha256: str
    format: str
    override: Override = field(default_factory=Override)

    @property
    def charset(self) -> str | None:
        """The character set the server declared when the file was captured, if it was."""
        return self.override.capture.charset if self.override.capture else None


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
    opinion: bool = False  # a commentary: its disclaimer says the views are its author's (not used as reporting)
    capture: Capture | None = None
    # Its analysis record (analyze/record.py): what the analysers read from this one article, computed once.
    analysis: object | None = field(default=None, repr=False, compare=False)

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
    """An article cited for a statement, with the words of the article that state it (one or two of its
    sentences): shown with the citation, so a reader checks it in place."""

    article: str
    sentence: str


@dataclass
class Event:
    """Something that happened on a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).

    `key`: the central event of one of the days that matter (what the home page lists); `background`:
    it happened before the story's period; `salience`: how much its day mattered (timeline.day_salience).
    """

    date: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    resolved_from: str | None = None
    key: bool = False
    background: bool = False
    salience: float = 0.0

    @property
    def articles(self) -> list[str]:
        return sorted({c.article for c in self.citations})


@dataclass
class Figure:
    """A number with what it counts (and whose or where: its scope), who says so, and where it is reported."""

    value: str
    low: float
    high: float
    what: str
    quantity: str
    attributed_to: str | None = None
    citations: list[Citation] = field(default_factory=list)
    differs_from: list[str] = field(default_factory=list)
    scope: str | None = None
    place: str | None = None
    date: str | None = None
    key: bool = False

    @property
    def articles(self) -> list[str]:
        return sorted({c.article for c in self.citations})


@dataclass
class SeriesPoint:
    """One value of a growing count as one source gave it on one day."""

    date: str
    value: str
    source: str
    citations: list[Citation]


@dataclass
class Series:
    """A count that grows as the story goes on (the dead, the displaced, aid delivered), day by day and
    source by source: a toll that rises is not a disagreement."""

    what: str
    quantity: str
    scope: str | None
    place: str | None
    points: list[SeriesPoint]


@dataclass
class SummarySentence:
    text: str
    citations: list[Citation]
    date: str | None = None

    @property
    def articles(self) -> list[str]:
        return [c.article for c in self.citations]


@dataclass
class Side:
    """One version of a disputed fact, with the articles that give it."""

    text: str
    citations: list[Citation]

    @property
    def articles(self) -> list[str]:
        return sorted({c.article for c in self.citations})


@dataclass
class Difference:
    """A point where the sources disagree, each side with the articles that say it."""

    topic: str
    sides: list[Side]


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
    series: list[Series] = field(default_factory=list)
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
