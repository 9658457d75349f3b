"""docs/dossier.json (the analysed dossier as data) and docs/dossier.schema.json (its JSON Schema).

Deterministic: sorted keys, lists in a fixed order, no build timestamps (a capture time is the source's own
data). The schema and its prose live in export_schema.py.
"""
from __future__ import annotations

import dataclasses
import json

from ..model import Article, Citation, Dossier, Entity, Figure, Series
from .export_schema import FORMAT_VERSION, SCHEMA

EXPORT = "dossier.json"
EXPORT_SCHEMA = "dossier.schema.json"


def export_article(article: Article) -> dict:
    return {"slug": article.slug, "source": article.source, "sha256": article.sha256, "title": article.title,
            "outlet": article.outlet, "agency": article.agency, "author": article.author,
            "published": article.published, "dateline": article.dateline, "language": article.language,
            "url": article.url, "words": article.word_count, "excluded": article.excluded,
            "opinion": article.opinion,
            "capture": dataclasses.asdict(article.capture) if article.capture else None}


def export_entity(entity: Entity) -> dict:
    mentions = sorted(({"article": m.article, "sentence": m.sentence, "surface": m.surface} for m in entity.mentions),
                      key=lambda m: (m["article"], m["sentence"], m["surface"]))
    return {"slug": entity.slug, "name": entity.name, "type": entity.type, "aliases": sorted(entity.aliases),
            "articles": entity.articles, "mentions": mentions, "related": list(entity.related)}


def export_citations(citations: list[Citation]) -> list[dict]:
    return [{"article": c.article, "sentence": c.sentence} for c in citations]


def export_figure(figure: Figure) -> dict:
    return {"value": figure.value, "low": figure.low, "high": figure.high, "what": figure.what,
            "quantity": figure.quantity, "attributed_to": figure.attributed_to, "articles": figure.articles,
            "citations": export_citations(figure.citations), "differs_from": sorted(figure.differs_from),
            "scope": figure.scope, "place": figure.place, "date": figure.date, "key": figure.key}


def export_series(series: Series) -> dict:
    return {"what": series.what, "quantity": series.quantity, "scope": series.scope, "place": series.place,
            "points": [{"date": p.date, "value": p.value, "source": p.source,
                        "citations": export_citations(p.citations)} for p in series.points]}


def export_dossier(dossier: Dossier) -> dict:
    """The dossier as plain data, in the shape export_schema.SCHEMA describes."""
    return {
        "format_version": FORMAT_VERSION,
        "title": dossier.title,
        "articles": [export_article(a) for a in sorted(dossier.articles, key=lambda a: a.slug)],
        "entities": [export_entity(e) for e in sorted(dossier.entities, key=lambda e: e.slug)],
        "related": {slug: [{"other": r.other, "score": r.score, "reasons": list(r.reasons)} for r in links]
                    for slug, links in sorted(dossier.related.items())},
        "syndication": [{"copy": s.copy, "original": s.original, "shared": s.shared, "total": s.total,
                         "similarity": s.similarity} for s in sorted(dossier.syndication, key=lambda s: s.copy)],
        "events": [{"date": e.date, "text": e.text, "articles": e.articles, "resolved_from": e.resolved_from,
                    "citations": export_citations(e.citations), "key": e.key, "background": e.background}
                   for e in dossier.events],
        "figures": [export_figure(f) for f in dossier.figures],
        "series": [export_series(s) for s in dossier.series],
        "summary": [{"text": s.text, "articles": sorted(s.articles), "date": s.date,
                     "citations": export_citations(s.citations)} for s in dossier.summary],
        "differences": [{"topic": d.topic, "sides": [{"text": side.text, "articles": side.articles,
                                                      "citations": export_citations(side.citations)}
                                                     for side in d.sides]}
                        for d in dossier.differences],
    }


def to_json(data: dict) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _compact(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def to_json_lines(data: dict) -> bytes:
    """JSON with a line per top-level key and per item of each top-level list or object, every item on one
    line: as diffable as an indented file, and written by the C encoder (indenting makes `json` use its
    pure-Python encoder, which took seconds for the export of a thousand articles). Each line is encoded as it
    is made: the export of 10,000 articles is 100 MB, twice or four times that as one Python text."""
    def block(value) -> bytes:
        if isinstance(value, list) and value:
            return b"[\n" + b",\n".join(f"  {_compact(v)}".encode("utf-8") for v in value) + b"\n ]"
        if isinstance(value, dict) and value:
            return b"{\n" + b",\n".join(f"  {_compact(k)}: {_compact(value[k])}".encode("utf-8")
                                         for k in sorted(value)) + b"\n }"
        return _compact(value).encode("utf-8")
    return b"{\n" + b",\n".join(f" {_compact(key)}: ".encode("utf-8") + block(data[key]) for key in sorted(data)) \
        + b"\n}\n"


def render_export(dossier: Dossier) -> dict[str, bytes]:
    return {EXPORT: to_json_lines(export_dossier(dossier)), EXPORT_SCHEMA: to_json(SCHEMA).encode("utf-8")}
