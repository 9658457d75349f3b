"""The JSON Schema of docs/dossier.json: the one definition, written beside it as docs/dossier.schema.json.

dossier.json is the whole analysed dossier as data, for tools that want more than the pages:
- `articles`: every source file read, with its cleaned metadata (no body text; the pages have it) and,
  for a page added from the web, its capture record (where from, when, the server's answer).
- `entities`: people, organisations and places with a page, every spelling (`aliases`), every mention
  (article slug, the sentence, the text as written) and the related entities (by slug).
- `related`: for each article slug, its most related articles, best first, with a score and reasons.
- `syndication`: copy -> original links between articles that run one wire story.
- `events`, `figures`, `series`, `summary`, `differences`: the timeline, key figures (with the articles
  reporting them and the values they differ from), counts that grew over time (dated, per source), the
  overview sentences, and the points where sources disagree.
  Every statement carries `citations`: each cited article with the words of it that state the statement
  (`sentence`), the same quote the site shows on hover and in the footnote.
Every article reference is an article slug (the page is articles/<slug>.md). The file is deterministic:
keys sorted, lists in a fixed order, no build timestamps (a capture time comes from the source's sidecar),
so building twice gives the same bytes.
"""
from __future__ import annotations

FORMAT_VERSION = 2


def _object(properties: dict, description: str, optional: tuple[str, ...] = ()) -> dict:
    return {"type": "object", "description": description, "additionalProperties": False,
            "required": sorted(k for k in properties if k not in optional), "properties": properties}


def _text(description: str, nullable: bool = False) -> dict:
    return {"type": ["string", "null"] if nullable else "string", "description": description}


def _list(items: dict, description: str) -> dict:
    return {"type": "array", "items": items, "description": description}


SLUG = {"type": "string", "pattern": "^[A-Za-z0-9._-]+$", "description": "an article slug: articles/<slug>.md"}
SLUGS = _list(SLUG, "article slugs, sorted")
CITATION = _object({"article": SLUG,
                    "sentence": _text("the words of the article that state it, quoted: one of its sentences or two "
                                      "adjacent ones holding every number and named actor of the statement")},
                   "an article cited for a statement, with the evidence")

CAPTURE = _object({
    "final_url": _text("the address the bytes came from, after redirects"),
    "captured_at": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$",
                    "description": "when they were received (the access date), UTC"},
    "requested_url": _text("the address that was asked for", True),
    "status": {"type": ["integer", "null"], "description": "the HTTP status of the response"},
    "content_type": _text("the media type the server declared", True),
    "charset": _text("the character set the server declared", True),
    "sha256": _text("sha256 of the bytes received", True),
    "date": _text("the server's Date header", True), "last_modified": _text("its Last-Modified header", True),
    "etag": _text("its ETag header", True), "archive": _text("the web archive it was imported from", True),
}, "where and when the source was taken from the web")

ARTICLE = _object({
    "slug": SLUG, "source": _text("the file name in sources/"), "sha256": _text("sha256 of the source file"),
    "title": _text("headline", True), "outlet": _text("publication", True), "agency": _text("wire agency", True),
    "author": _text("journalist", True), "published": _text("publication date, YYYY-MM-DD", True),
    "dateline": _text("dateline place", True), "language": _text("ISO 639-1 code", True),
    "url": _text("where it was published", True), "words": {"type": "integer", "minimum": 0},
    "excluded": {"type": "boolean", "description": "left out of the dossier: by the curator, or no article text was found"},
    "opinion": {"type": "boolean", "description": "an opinion piece (its disclaimer says the views are its author's): "
                "its sentences give no overview sentence, event or key figure"},
    "capture": {"anyOf": [CAPTURE, {"type": "null"}], "description": "null for a file saved by hand"},
}, "one source article and its metadata")

ENTITY = _object({
    "slug": _text("the page is entities/<slug>.md"), "name": _text("canonical name"),
    "type": {"enum": ["person", "organisation", "place"]},
    "aliases": _list({"type": "string"}, "other spellings found in the articles or aliases.yml, sorted"),
    "articles": SLUGS,
    "mentions": _list(_object({"article": SLUG, "sentence": _text("the sentence"),
                               "surface": _text("the name as written")}, "one mention"), "every mention"),
    "related": _list({"type": "string"}, "slugs of entities named in the same articles, most shared first"),
}, "a person, organisation or place with a page")

RELATED = _object({"other": SLUG, "score": {"type": "number", "minimum": 0},
                   "reasons": _list({"type": "string"}, "e.g. 'shared entities: X, Y', 'same day', 'same story'")},
                  "one related article")

SYNDICATION = _object({"copy": SLUG, "original": SLUG, "shared": {"type": "integer"}, "total": {"type": "integer"},
                       "similarity": {"type": "number"}}, "`copy` republishes the wire story `original`")

EVENT = _object({"date": _text("YYYY, YYYY-MM or YYYY-MM-DD"), "text": _text("what happened"),
                 "articles": SLUGS, "citations": _list(CITATION, "the sentences that date it"),
                 "resolved_from": _text("the relative expression it was resolved from", True),
                 "key": {"type": "boolean", "description": "the central event of a day that matters (on the home page)"},
                 "background": {"type": "boolean", "description": "before the story's period"}}, "a dated event")

FIGURE = _object({
    "value": _text("the figure as reported, e.g. 'more than 330,000', '2,500-3,500'"),
    "low": {"type": "number"}, "high": {"type": "number"}, "what": _text("what it counts"),
    "quantity": _text("the quantity compared between sources, e.g. 'fighters', 'people killed'"),
    "attributed_to": _text("who the articles say gives the figure", True),
    "articles": SLUGS, "citations": _list(CITATION, "one per reporting article (syndicated copies count once)"),
    "differs_from": _list({"type": "string"}, "values of the same quantity other sources give at about the same time"),
    "scope": _text("whose or which, from what it counts ('US' in '1,000 US troops')", True),
    "place": _text("where, when the sentence says it right after what is counted ('Mexico', 'worldwide')", True),
    "date": _text("the earliest publication date of an article reporting it, YYYY-MM-DD", True),
    "key": {"type": "boolean", "description": "shown on the home page: reported by two independent articles "
                                              "(by one in a dossier of at most ten)"},
}, "a key figure")

SERIES = _object({
    "what": _text("what is counted"), "quantity": _text("the quantity, as in figures"),
    "scope": _text("whose or which", True), "place": _text("where", True),
    "points": _list(_object({"date": _text("publication date of the reporting articles"),
                             "value": _text("the value given"), "source": _text("who gives it"),
                             "citations": _list(CITATION, "the articles that report it, quoted")}, "one value"),
                    "in date order"),
}, "a count that grew as the story went on (the dead, the displaced), by date and source")

SUMMARY = _object({"text": _text("a summary sentence"), "articles": SLUGS, "date": _text("its date", True),
                   "citations": _list(CITATION, "each article that states it, with its words (copies count once)")},
                  "a sentence of the overview")

DIFFERENCE = _object({"topic": _text("what the sources disagree on"),
                      "sides": _list(_object({"text": _text("one side"), "articles": SLUGS,
                                              "citations": _list(CITATION, "the articles that give it, quoted")},
                                             "one side"),
                                     "each version with the articles that give it")}, "a disagreement")

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "dossier.schema.json",
    **_object({
        "format_version": {"const": FORMAT_VERSION},
        "title": _text("the dossier's title"),
        "articles": _list(ARTICLE, "every source article, sorted by slug"),
        "entities": _list(ENTITY, "entities with a page, sorted by slug"),
        "related": {"type": "object", "additionalProperties": _list(RELATED, "best first"),
                    "description": "article slug -> its most related articles"},
        "syndication": _list(SYNDICATION, "syndicated copies"),
        "events": _list(EVENT, "the timeline, in date order"),
        "figures": _list(FIGURE, "key figures, most reported first"),
        "series": _list(SERIES, "growing counts as dated series"),
        "summary": _list(SUMMARY, "the overview, in order"),
        "differences": _list(DIFFERENCE, "where the sources disagree"),
    }, "A dossier: the articles about one story and everything found across them."),
}
