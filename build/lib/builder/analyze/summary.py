"""The combined overview: extractive sentences from the articles, each citing every article that states it."""
from __future__ import annotations

from collections import defaultdict

from ..model import Article, SummarySentence, Syndication
from .sentences import Sentence, article_sentences, tokens

DANGLING_STARTS = {"he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their",
                   "but", "and", "however", "also", "meanwhile", "then"}
SUPPORT = 0.6


def independent(articles: list[Article], syndication: list[Syndication]) -> list[Article]:
    """Articles that are not copies of another: a wire story counts once."""
    copies = {s.copy for s in syndication}
    return [a for a in articles if a.slug not in copies]


def usable(sentence: Sentence) -> bool:
    words = sentence.text.split()
    first = tokens(sentence.text[:20])[:1]
    return 8 <= len(words) <= 50 and not sentence.text.endswith("?") and (not first or first[0] not in DANGLING_STARTS)


def supporting_articles(sentence: str, index: dict[str, list[tuple[str, set[str]]]]) -> list[str]:
    """Every article with a sentence that states the same (most of its words in one sentence)."""
    words = set(tokens(sentence))
    found = set()
    candidates = defaultdict(int)
    for word in words:
        for slug, other in index.get(word, ()):
            candidates[(slug, frozenset(other))] += 1
    for (slug, other), shared in candidates.items():
        if shared / max(1, len(words)) >= SUPPORT and shared / max(1, len(other)) >= SUPPORT:
            found.add(slug)
    return sorted(found)


def summarize(articles: list[Article], syndication: list[Syndication], words: int = 250) -> list[SummarySentence]:
    sources = sorted(independent(articles, syndication), key=lambda a: (a.published or "9999", a.slug))
    index: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for article in sources:
        for sentence in article_sentences(article):
            toks = set(tokens(sentence.text))
            for word in toks:
                index[word].append((article.slug, toks))
    chosen: list[SummarySentence] = []
    seen: list[set[str]] = []
    budget = words
    leads = [[s for s in article_sentences(a) if usable(s)][:3] for a in sources]
    for rank in range(3):
        for article, sentences in zip(sources, leads):
            if rank >= len(sentences) or budget <= 0:
                continue
            text = sentences[rank].text
            toks = set(tokens(text))
            if any(len(toks & other) / max(1, len(toks)) > 0.5 for other in seen):
                continue
            seen.append(toks)
            chosen.append(SummarySentence(text=text, articles=supporting_articles(text, index) or [article.slug],
                                          date=article.published))
            budget -= len(text.split())
    return chosen
