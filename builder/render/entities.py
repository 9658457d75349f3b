"""Entity pages, the entities index, and the entity and related-coverage sections of article pages."""
from __future__ import annotations

from collections import defaultdict

from ..model import Article, Dossier, Entity, Mention
from .common import article_link, article_path, entity_path, generated_meta, human_date, link_from, with_front_matter
from .escape import md_text

INDEX = "entities/index.md"
TYPE_HEADINGS = {"organisation": "Organisations", "person": "People", "place": "Places"}
TYPE_LABELS = {"organisation": "Organisation", "person": "Person", "place": "Place"}
ARTICLES_SHOWN = 40
SENTENCES_SHOWN = 3


def entity_link(entity: Entity, page: str) -> str:
    return f"[{md_text(entity.name)}]({link_from(page, entity_path(entity.slug))})"


def marked_sentence(sentence: str, surface: str) -> str:
    """The sentence as escaped Markdown with the mention in bold (both parts escaped on their own)."""
    at = sentence.find(surface)
    if at < 0:
        return md_text(sentence)
    before, after = sentence[:at], sentence[at + len(surface):]
    left = md_text(before) + (" " if before.endswith(" ") else "")
    right = (" " if after.startswith(" ") else "") + md_text(after)
    return f"{left}**{md_text(surface)}**{right}"


def mentions_section(articles: dict[str, Article], entity: Entity, page: str) -> str:
    """Each article with every sentence that names the entity; past ARTICLES_SHOWN articles the list is cut
    (and each article's sentences too), so a page stays small in a big dossier."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in entity.mentions:
        if all(m.sentence != mention.sentence for m in by_article[mention.article]):
            by_article[mention.article].append(mention)
    slugs = sorted(by_article, key=lambda s: (articles[s].published or "", s))
    big = len(slugs) > ARTICLES_SHOWN
    rows = []
    for slug in slugs[:ARTICLES_SHOWN]:
        article = articles[slug]
        rows.append(f"- {article_link(article, page)} — {md_text(article.byline)}, {human_date(article.published)}")
        shown = by_article[slug][:SENTENCES_SHOWN] if big else by_article[slug]
        rows += [f"    - {marked_sentence(m.sentence, m.surface)}" for m in shown]
        if len(by_article[slug]) > len(shown):
            rows.append(f"    - … and {len(by_article[slug]) - len(shown)} more sentences")
    if big:
        rows.append(f"\nThe first {ARTICLES_SHOWN} of {len(slugs)} articles; every mention is listed in "
                    f"[dossier.json]({link_from(page, 'dossier.json')}).")
    return "## Mentioned in\n\n" + "\n".join(rows)


def render_entity_page(articles: dict[str, Article], entity: Entity, by_slug: dict[str, Entity]) -> str:
    page = entity_path(entity.slug)
    kind = TYPE_LABELS.get(entity.type, "Entity")
    count = len(entity.articles)
    parts = [f"# {md_text(entity.name)}",
             f"{kind} · named in {count} article{'s' if count != 1 else ''} · "
             f"[All entities]({link_from(page, INDEX)})"]
    if entity.aliases:
        parts.append("**Also written as:** " + ", ".join(md_text(a) for a in entity.aliases))
    parts.append(mentions_section(articles, entity, page))
    related = [by_slug[s] for s in entity.related if s in by_slug]
    if related:
        parts.append("## Related entities\n\nNamed in the same articles:\n\n"
                     + "\n".join(f"- {entity_link(r, page)}" for r in related))
    meta = generated_meta(entity.name, entity_type=entity.type, aliases=entity.aliases or None,
                          articles=entity.articles)
    return with_front_matter(meta, "\n\n".join(parts))


def render_entities_index(dossier: Dossier) -> str:
    parts = ["# Entities", f"{len(dossier.entities)} people, organisations and places named in at least two "
             "articles (or chosen by the curator), with every spelling the articles use."]
    for kind, heading in sorted(TYPE_HEADINGS.items(), key=lambda kv: kv[1]):
        members = sorted((e for e in dossier.entities if e.type == kind), key=lambda e: e.name.casefold())
        if not members:
            continue
        rows = [f"- {entity_link(e, INDEX)} — {len(e.articles)} articles"
                + (f" · also {', '.join(md_text(a) for a in e.aliases)}" if e.aliases else "") for e in members]
        parts.append(f"## {heading}\n\n" + "\n".join(rows))
    return with_front_matter(generated_meta("Entities", hide=["navigation"]), "\n\n".join(parts))


def render_entity_pages(dossier: Dossier) -> dict[str, str]:
    by_slug = {e.slug: e for e in dossier.entities}
    articles = dossier.articles_by_slug
    pages = {INDEX: render_entities_index(dossier)}
    for entity in dossier.entities:
        pages[entity_path(entity.slug)] = render_entity_page(articles, entity, by_slug)
    return pages


def entities_by_article(dossier: Dossier) -> dict[str, list[Entity]]:
    named: dict[str, list[Entity]] = defaultdict(list)
    for entity in dossier.entities:
        for slug in entity.articles:
            named[slug].append(entity)
    return named


def article_entities_section(named: list[Entity], page: str) -> str:
    if not named:
        return ""
    lines = []
    for kind, heading in sorted(TYPE_HEADINGS.items(), key=lambda kv: kv[1]):
        links = [entity_link(e, page) for e in sorted(named, key=lambda e: e.name.casefold()) if e.type == kind]
        if links:
            lines.append(f"- **{heading}:** " + ", ".join(links))
    return "## Entities mentioned\n\n" + "\n".join(lines)


def related_section(dossier: Dossier, articles: dict[str, Article], article: Article, page: str) -> str:
    links = dossier.related.get(article.slug, [])
    if not links:
        return ""
    rows = []
    for link in links:
        other = articles[link.other]
        why = "; ".join(md_text(r) for r in link.reasons) or "similar wording"
        rows.append(f"- {article_link(other, page)} — {md_text(other.byline)}, {human_date(other.published)}. "
                    f"*{why}* (similarity {link.score:.2f})")
    return "## Related coverage\n\n" + "\n".join(rows)


def article_extra(dossier: Dossier, articles: dict[str, Article], article: Article, named: list[Entity]) -> str:
    """The sections an article page gets from the cross-article analysis (`articles`: every article by slug)."""
    page = article_path(article.slug)
    sections = (related_section(dossier, articles, article, page), article_entities_section(named, page))
    return "\n\n".join(s for s in sections if s)
