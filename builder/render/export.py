"""docs/dossier.json (the analysed dossier as data) and docs/dossier.schema.json (its JSON Schema).

Deterministic: sorted keys, lists in a fixed order, no timestamps. The schema and its prose live in
export_schema.py.
"""
from __future__ import annotations

import json

from ..model import Article, Dossier, Entity, Figure
from .export_schema import FORMAT_VERSION, SCHEMA

EXPORT = "dossier.json"
EXPORT_SCHEMA = "dossier.schema.json"


def export_article(article: Article) -> dict:
    return {"slug": article.slug, "source": article.source, "sha256": article.sha256, "title": article.title,
            "outlet": article.outlet, "agency": article.agency, "author": article.author,
            "published": article.published, "dateline": article.dateline, "language": article.language,
            "url": article.url, "words": article.word_count, "excluded": article.excluded}


def export_entity(entity: Entity) -> dict:
    mentions = sorted(({"article": m.article, "sentence": m.sentence, "surface": m.surface} for m in entity.mentions),
                      key=lambda m: (m["article"], m["sentence"], m["surface"]))
    return {"slug": entity.slug, "name": entity.name, "type": entity.type, "aliases": sorted(entity.aliases),
            "articles": entity.articles, "mentions": mentions, "related": list(entity.related)}


def export_figure(figure: Figure) -> dict:
    return {"value": figure.value, "low": figure.low, "high": figure.high, "what": figure.what,
            "quantity": figure.quantity, "attributed_to": figure.attributed_to, "articles": figure.articles,
            "citations": [{"article": c.article, "sentence": c.sentence} for c in figure.citations],
            "differs_from": sorted(figure.differs_from)}


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
                    "citations": [{"article": c.article, "sentence": c.sentence} for c in e.citations]}
                   for e in dossier.events],
        "figures": [export_figure(f) for f in dossier.figures],
        "summary": [{"text": s.text, "articles": sorted(s.articles), "date": s.date} for s in dossier.summary],
        "differences": [{"topic": d.topic, "sides": [{"text": t, "articles": sorted(a)} for t, a in d.sides]}
                        for d in dossier.differences],
    }


def to_json(data: dict) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _compact(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def to_json_lines(data: dict) -> str:
    """JSON with a line per top-level key and per item of each top-level list or object, every item on one
    line: as diffable as an indented file, and written by the C encoder (indenting makes `json` use its
    pure-Python encoder, which took seconds for the export of a thousand articles)."""
    def block(value) -> str:
        if isinstance(value, list) and value:
            return "[\n" + ",\n".join(f"  {_compact(v)}" for v in value) + "\n ]"
        if isinstance(value, dict) and value:
            return "{\n" + ",\n".join(f"  {_compact(k)}: {_compact(value[k])}" for k in sorted(value)) + "\n }"
        return _compact(value)
    return "{\n" + ",\n".join(f" {_compact(key)}: {block(data[key])}" for key in sorted(data)) + "\n}\n"


def render_export(dossier: Dossier) -> dict[str, str]:
    return {EXPORT: to_json_lines(export_dossier(dossier)), EXPORT_SCHEMA: to_json(SCHEMA)}
