"""Stage 2: Source -> Article. Pure: bytes in, a cleaned article (with what was removed and why) out."""
from __future__ import annotations

import hashlib
from pathlib import Path

import py3langid

from ..model import Article, Block, Removal, Source
from ..slug import slugify
from . import dates, meta, rules
from .decode import decode
from .hints import apply_hints
from .html import clean_html
from .text import Found, clean_text, normalise

CLEANER_CODE = sorted(Path(__file__).parent.glob("*.py")) + [Path(__file__).parents[1] / n for n in ("model.py", "slug.py")]
CLEANER_VERSION = hashlib.sha256(b"".join(p.read_bytes() for p in CLEANER_CODE)).hexdigest()[:16]


def detect_language(text: str) -> str | None:
    sample = text[:20000]
    if len(sample.split()) < 5:
        return None
    language, _ = py3langid.classify(sample)
    return language


def _drop_repeats(found: Found) -> None:
    """A paragraph scraped twice is kept once (HTML is left alone: there a repeated list item is content)."""
    seen: set[str] = set()
    unique = []
    for block in found.blocks:
        key = normalise(block.text)
        if block.kind == "paragraph" and key in seen:
            found.removed.append(Removal(block.text, "repeated paragraph"))
            continue
        seen.add(key)
        unique.append(block)
    found.blocks = unique


def _finish(found: Found) -> None:
    """Rules shared by text and HTML pages: trailing agency credit, dateline."""
    while found.blocks and rules.CREDIT_LINE.match(found.blocks[-1].text):
        credit = found.blocks.pop()
        found.agency = found.agency or meta.agency_name(rules.CREDIT_LINE.match(credit.text)["agency"])
        found.removed.append(Removal(credit.text, "credit line"))
    if found.dateline is None:
        first = next((k for k, b in enumerate(found.blocks) if b.kind == "paragraph"), None)
        if first is not None:
            place, agency, rest = meta.split_dateline(found.blocks[first].text)
            if place:
                found.dateline, found.agency = place, found.agency or agency
                found.blocks[first] = Block("paragraph", rest)


def _resolve_date(found: Found, warnings: list[str]) -> tuple[str | None, list[str]]:
    """One publication date, or none with a warning; ambiguous readings are settled by the text's weekdays."""
    candidates = found.date_candidates
    if not candidates:
        return None, candidates and [] or []
    if len(candidates) == 1:
        return candidates[0], []
    chosen, why = dates.choose_by_weekdays(tuple(candidates), " ".join(b.text for b in found.blocks))
    if chosen:
        warnings.append(f"date {found.date_raw!r} read as {chosen}: {why}")
        return chosen, []
    warnings.append(f"date {found.date_raw!r} could be {' or '.join(candidates)}: {why}")
    return None, list(candidates)


def _is_opinion(found: Found) -> bool:
    """The page carries an opinion piece's disclaimer ('The opinions expressed in this commentary are solely
    those of Peter Bergen'), in its text or among the lines removed."""
    return any(rules.OPINION_NOTE.search(text) for text in [b.text for b in found.blocks] + [r.text for r in found.removed])


def _title_from_first_line(text: str) -> tuple[str, str]:
    first, _, rest = text.lstrip().partition("\n")
    return first.strip(), rest


def _title(curated: str | None, headline: str | None, blocks: list[Block]) -> tuple[str | None, str | None]:
    """The curator's title, else the headline, else a short form of the lead sentence (never the file name)."""
    if curated:
        return curated, "curator"
    if headline:
        return headline, "headline"
    lead = next((b.text for b in blocks if b.kind == "paragraph"), None)
    return (meta.lead_title(lead), "lead") if lead else (None, None)


def clean_source(source: Source, shared: frozenset[str] = frozenset()) -> Article:
    """Clean one source. `shared` holds normalised lines that also occur in other sources (furniture)."""
    text, note = decode(source.data, html=source.format == "html", charset=source.charset)
    override = source.override
    forced_title = None
    if override.title_line and source.format == "text":
        forced_title, text = _title_from_first_line(text)
    language = override.language or detect_language(text)
    found = clean_html(text, language) if source.format == "html" else clean_text(text, language, shared)
    if source.format != "html":
        _drop_repeats(found)
    _finish(found)
    warnings = [note] if note else []
    warnings += found.warnings
    published, candidates = _resolve_date(found, warnings)
    if found.blocks:
        language = override.language or detect_language(" ".join(b.text for b in found.blocks)) or language
    title, title_from = _title(override.title, forced_title or found.title, found.blocks)
    article = Article(
        source=source.name, sha256=source.sha256, slug=slugify(Path(source.name).name.split(".")[0], source.name),
        title=title, title_from=title_from, outlet=override.outlet or found.outlet,
        agency=override.agency or found.agency, author=override.author or found.author,
        published=override.published or published, dateline=found.dateline, language=language,
        url=override.url or (override.capture and override.capture.final_url),
        date_candidates=[] if override.published else candidates, blocks=found.blocks, removed=found.removed,
        warnings=warnings, excluded=override.exclude, capture=override.capture, opinion=_is_opinion(found))
    apply_hints(article, override)
    _warn_missing(article)
    return article


def _warn_missing(article: Article) -> None:
    if not article.blocks:
        article.warnings.append("no article text found: left out of the dossier")
        article.excluded = True
    if not article.title:
        article.warnings.append("no title found: set `title` in the sidecar file")
    if not article.published and not article.date_candidates:
        article.warnings.append("no publication date found: set `published` in the sidecar file")
    if not article.outlet and not article.agency:
        article.warnings.append("no outlet or agency found")
