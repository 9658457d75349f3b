"""The combined overview: a grounded extractive summary of the independent articles.

Every summary sentence is a sentence of an article (at most trimmed of its dateline, see trim.py;
an attribution such as ", police said" is part of the claim and stays). Salience is TF-IDF centroid
similarity + lead position + cross-document support (how strongly the other independent articles
say the same); MMR then picks salient, non-redundant sentences within the word budget, preferring
those that add bigrams several articles share and the summary does not cover yet (concept
coverage), and they are put in time order. A sentence cites an article only when the article states
it (evidence.py: every number, every named actor, most content words, in one sentence or two
adjacent ones), and the citation carries those words. Candidates come from sparse
sentence-by-sentence products, never from loops over article pairs; syndicated copies are left out
first, so a wire story counts once and only its original is cited.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from ..model import Article, Citation, SummarySentence, Syndication
from .datexpr import find_mentions
from .evidence import claim, supporting_quote
from .products import row_blocks
from .quality import MIN_WORDS, headline, headlines_of, opens_with_a_headline
from .record import record_of
from .sentences import Sentence, tokens

MAX_CANDIDATES = 3000
POOL = 400
SIMILAR = 0.3
REDUNDANT = 0.4
WEIGHTS = {"centroid": 1.0, "support": 0.5, "position": 0.6, "headline": 0.15, "concepts": 0.25}
REDUNDANCY_PENALTY = 0.6


@dataclass(frozen=True)
class Candidate:
    row: int
    article: int
    sentence: Sentence
    text: str


def independent(articles: list[Article], syndication: list[Syndication]) -> list[Article]:
    """Articles that are not copies of another: a wire story counts once."""
    copies = {s.copy for s in syndication}
    return [a for a in articles if a.slug not in copies]


def collect(articles: list[Article]) -> tuple[list[str], list[str], np.ndarray, np.ndarray, list[Candidate]]:
    """All sentence texts as the overview would use them (for the vocabulary and support) and as the articles
    write them (for quotes), each one's article and position, and the candidates."""
    texts, originals, owner, position, candidates = [], [], [], [], []
    headlines = headlines_of(articles)
    for a, article in enumerate(articles):
        record = record_of(article)
        for p, sentence in enumerate(record.sentences):
            read = record.read_as(p, lead=p == 0)
            text = read.text
            if read.usable and not opens_with_a_headline(text, headlines):
                candidates.append(Candidate(len(texts), a, sentence, text))
            texts.append(text)
            originals.append(sentence.text)
            owner.append(a)
            position.append(p)
    return (texts, originals, np.array(owner, dtype=np.int64), np.array(position, dtype=np.float64),
            candidates)


def best_per_article(similar: sparse.csr_matrix, owner: np.ndarray, n_articles: int):
    """For each row, the highest similarity in each article and which sentence gives it (sparse triples)."""
    coo = similar.tocoo()
    keys = coo.row.astype(np.int64) * n_articles + owner[coo.col]
    order = np.lexsort((coo.data, keys))
    keys, cols, data = keys[order], coo.col[order], coo.data[order]
    last = np.r_[keys[1:] != keys[:-1], True] if len(keys) else np.array([], dtype=bool)
    return keys[last] // n_articles, keys[last] % n_articles, cols[last], data[last]


def support(candidates: list[Candidate], matrix: sparse.csr_matrix, owner: np.ndarray, originals: list[str],
            n_articles: int) -> tuple[np.ndarray, list[list[tuple[int, str]]]]:
    """Cross-document support of each candidate (how strongly other articles say the like, for ranking), and
    the articles that state it with their words: its own sentence, then each other article whose most
    similar sentence (or a pair around it) holds the claim."""
    strength = np.zeros(len(candidates))
    stating = [[(c.article, c.sentence.text)] for c in candidates]
    first = np.searchsorted(owner, np.arange(n_articles + 1))
    rows = np.array([c.row for c in candidates], dtype=np.int64)
    transposed = matrix.T.tocsr()
    for block in row_blocks(len(rows), matrix.shape[0]):
        similar = (matrix[rows[block]] @ transposed).tocsr()
        similar.data[similar.data < 0.1] = 0
        similar.eliminate_zeros()
        claims: dict[int, object] = {}
        for r, art, col, score in zip(*best_per_article(similar, owner, n_articles)):
            i = block.start + int(r)
            if art == candidates[i].article:
                continue
            strength[i] += min(score, 1.0)
            if score < SIMILAR:
                continue
            wanted = claims.setdefault(i, claim(candidates[i].text))
            quote = supporting_quote(wanted, originals[first[art]:first[art + 1]], near=int(col - first[art]))
            if quote:
                stating[i].append((int(art), quote))
    return strength, stating


def scaled(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0
    return values / top if top > 0 else values


def shared_bigrams(candidates, texts: list[str], owner: np.ndarray, n_articles: int):
    """Each candidate's bigrams, and each bigram's weight: how many other articles use it too.

    Bigrams one article alone uses say nothing about what the story is; those many articles repeat are its facts.
    """
    counts = CountVectorizer(ngram_range=(2, 2), binary=True, token_pattern=r"(?u)\b\w\w+\b").fit_transform(texts)
    membership = sparse.csr_matrix((np.ones(len(owner)), (owner, np.arange(len(owner)))),
                                   shape=(n_articles, len(owner)))
    spread = np.asarray(((membership @ counts) > 0).sum(axis=0)).ravel() - 1.0
    return counts[np.array([c.row for c in candidates], dtype=np.int64)].tocsr(), spread


def salience(candidates, matrix, owner, position, articles, strength, vectorizer) -> np.ndarray:
    """Weighted centroid similarity, cross-document support, lead position and headline similarity."""
    rows = np.array([c.row for c in candidates], dtype=np.int64)
    membership = sparse.csr_matrix((np.ones(len(owner)), (owner, np.arange(len(owner)))),
                                   shape=(len(articles), len(owner)))
    centroid = np.asarray(normalize(membership @ matrix).mean(axis=0)).ravel()
    headlines = normalize(vectorizer.transform([headline(a) for a in articles]))
    features = {"centroid": scaled(matrix[rows] @ centroid),
                "support": scaled(strength),
                "position": 1.0 / np.sqrt(1.0 + position[rows]),
                "headline": scaled(np.asarray(matrix[rows].multiply(headlines[owner[rows]]).sum(axis=1)).ravel())}
    return sum(WEIGHTS[name] * values for name, values in features.items())


def select(candidates, scores, matrix, bigrams, words: int) -> list[int]:
    """Maximal marginal relevance within the word budget: salient, unlike what is already chosen, and adding
    shared bigrams (per word) that the chosen sentences do not cover yet."""
    pool = list(np.argsort(-scores)[:POOL])
    rows = np.array([candidates[i].row for i in pool], dtype=np.int64)
    similar = (matrix[rows] @ matrix[rows].T).toarray() if len(rows) else np.zeros((0, 0))
    pairs, uncovered = bigrams[0][pool], bigrams[1].copy()
    lengths = np.array([len(candidates[i].text.split()) for i in pool], dtype=np.float64)
    top = max(float((pairs @ uncovered / lengths).max()) if len(pool) else 0.0, 1e-9)
    chosen: list[int] = []
    budget = words
    overlap = np.zeros(len(pool))
    available = np.ones(len(pool), dtype=bool)
    while budget >= MIN_WORDS and available.any():
        gain = WEIGHTS["concepts"] * (pairs @ uncovered) / lengths / top
        value = np.where(available, scores[pool] + gain - REDUNDANCY_PENALTY * overlap, -np.inf)
        best = int(np.argmax(value))
        available[best] = False
        length = len(candidates[pool[best]].text.split())
        if overlap[best] > REDUNDANT or length > budget:
            continue
        chosen.append(pool[best])
        budget -= length
        overlap = np.maximum(overlap, similar[best])
        uncovered[pairs[best].indices] = 0.0
    return chosen


def sentence_date(candidate: Candidate, article: Article) -> tuple[str | None, float]:
    """The date a sentence speaks of (its first date expression, else its article's date) and a sort key."""
    for mention in find_mentions(candidate.sentence.text, article.published):
        if not candidate.sentence.text[max(0, mention.start - 6):mention.start].lower().strip().endswith("since"):
            middle = mention.lo.toordinal() + (mention.hi.toordinal() - mention.lo.toordinal()) / 2
            return mention.date, middle
    if article.published:
        return article.published, float(np.datetime64(article.published).astype(int) + 719163)
    return None, float("inf")


def summarize(articles: list[Article], syndication: list[Syndication], words: int = 250) -> list[SummarySentence]:
    sources = sorted((a for a in independent(articles, syndication) if not a.opinion),
                     key=lambda a: (a.published or "9999", a.slug))
    texts, originals, owner, position, candidates = collect(sources)
    if not candidates:
        return []
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b\w\w+\b")
    matrix = vectorizer.fit_transform(texts).tocsr()
    prior = scaled(matrix[[c.row for c in candidates]] @ np.asarray(matrix.mean(axis=0)).ravel()) \
        + 1.0 / np.sqrt(1.0 + position[[c.row for c in candidates]])
    candidates = [candidates[i] for i in np.argsort(-prior, kind="stable")[:MAX_CANDIDATES]]
    strength, stating = support(candidates, matrix, owner, originals, len(sources))
    scores = salience(candidates, matrix, owner, position, sources, strength, vectorizer)
    chosen = select(candidates, scores, matrix, shared_bigrams(candidates, texts, owner, len(sources)), words)
    out = []
    for i in chosen:
        article = sources[candidates[i].article]
        date, key = sentence_date(candidates[i], article)
        citations = sorted({Citation(sources[a].slug, quote) for a, quote in stating[i]}, key=lambda c: c.article)
        out.append((key, candidates[i].article, candidates[i].sentence.paragraph, candidates[i].sentence.index,
                    SummarySentence(text=candidates[i].text, citations=citations, date=date)))
    return [item[-1] for item in sorted(out, key=lambda item: item[:4])]
