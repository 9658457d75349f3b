"""Related coverage: each article's closest articles, with the reasons a reader can check.

Articles become rows of a sparse matrix: TF-IDF of their words beside TF-IDF of the entities they name,
each row scaled to unit length. Cosine similarities come from sparse products of a block of rows with
the whole matrix, keeping the top k of each row, so no Python loop ever visits all pairs and the memory
used stays bounded by the block size (products.py).
"""
from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.preprocessing import normalize

from ..model import Article, Entity, Related, Syndication
from .products import row_blocks

LIMIT = 5
MIN_SCORE = 0.05
SAME_STORY = 0.5
ENTITY_WEIGHT = 1.0
TERM_WEIGHT = 1.0
REASON_ENTITIES = 3


def term_matrix(articles: list[Article]) -> sparse.csr_matrix:
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_]{3,}\b")
    try:
        return vectorizer.fit_transform([a.body_text for a in articles]).tocsr()
    except ValueError:
        return sparse.csr_matrix((len(articles), 0))


def entity_matrix(articles: list[Article], entities: list[Entity]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Article x entity TF-IDF (mention counts), and each entity's idf (rarer names say more)."""
    row = {a.slug: i for i, a in enumerate(articles)}
    rows, cols = [], []
    for j, entity in enumerate(entities):
        for mention in entity.mentions:
            if mention.article in row:
                rows.append(row[mention.article])
                cols.append(j)
    counts = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(articles), len(entities)))
    if not entities:
        return counts, np.zeros(0)
    transformer = TfidfTransformer(sublinear_tf=True)
    return transformer.fit_transform(counts).tocsr(), transformer.idf_


def top_neighbours(matrix: sparse.csr_matrix, limit: int) -> list[list[tuple[int, float]]]:
    """For each row, the `limit` other rows with the highest dot product, computed a block at a time."""
    out: list[list[tuple[int, float]]] = []
    transposed = matrix.T.tocsc()
    for rows in row_blocks(matrix.shape[0], matrix.shape[0]):
        scores = (matrix[rows] @ transposed).tocsr()
        for offset in range(scores.shape[0]):
            i = rows.start + offset
            cells = slice(scores.indptr[offset], scores.indptr[offset + 1])
            columns, values = scores.indices[cells], scores.data[cells]
            keep = (columns != i) & (values >= MIN_SCORE)
            columns, values = columns[keep], values[keep]
            best = np.lexsort((columns, -values))[:limit]
            out.append([(int(columns[k]), float(values[k])) for k in best])
    return out


def pair_similarity(matrix: sparse.csr_matrix, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Row-by-row dot products of `matrix[first]` and `matrix[second]`, in one vectorised step."""
    if not matrix.shape[1] or not len(first):
        return np.zeros(len(first))
    return np.asarray(matrix[first].multiply(matrix[second]).sum(axis=1)).ravel()


def row_columns(matrix: sparse.csr_matrix, row: int) -> np.ndarray:
    return matrix.indices[matrix.indptr[row]:matrix.indptr[row + 1]]


def shared_entities(a: int, b: int, entities: sparse.csr_matrix, names: list[str], idf: np.ndarray) -> list[str]:
    common = np.intersect1d(row_columns(entities, a), row_columns(entities, b))
    ranked = sorted(common, key=lambda j: (-idf[j], names[j]))
    return [names[j] for j in ranked[:REASON_ENTITIES]]


def reasons_for(i: int, j: int, same_story: bool, context: dict) -> tuple[str, ...]:
    a, b = context["articles"][i], context["articles"][j]
    reasons = []
    if frozenset((a.slug, b.slug)) in context["syndicated"]:
        reasons.append("same story (syndicated copy)")
    elif same_story:
        reasons.append("same story")
    shared = shared_entities(i, j, context["entities"], context["names"], context["idf"])
    if shared:
        reasons.append("shared entities: " + ", ".join(shared))
    if a.published and a.published == b.published:
        reasons.append("same day")
    return tuple(reasons)


def find_related(articles: list[Article], entities: list[Entity], syndication: list[Syndication],
                 limit: int = LIMIT) -> dict[str, list[Related]]:
    """slug -> the article's most related other articles, best first, each with its reasons."""
    if len(articles) < 2:
        return {a.slug: [] for a in articles}
    terms = term_matrix(articles)
    named, idf = entity_matrix(articles, entities)
    if terms.shape[1] + named.shape[1] == 0:
        return {a.slug: [] for a in articles}
    combined = normalize(sparse.hstack([terms * TERM_WEIGHT, named * ENTITY_WEIGHT]).tocsr())
    context = {"articles": articles, "entities": named, "idf": idf, "names": [e.name for e in entities],
               "syndicated": {frozenset((s.copy, s.original)) for s in syndication}}
    pairs = [(i, j, score) for i, neighbours in enumerate(top_neighbours(combined, limit)) for j, score in neighbours]
    first, second = (np.array([p[k] for p in pairs], dtype=int) for k in (0, 1))
    wording = pair_similarity(terms, first, second)
    related: dict[str, list[Related]] = {a.slug: [] for a in articles}
    for (i, j, score), words in zip(pairs, wording):
        reasons = reasons_for(i, j, bool(words >= SAME_STORY), context)
        related[articles[i].slug].append(Related(article=articles[i].slug, other=articles[j].slug,
                                                 score=round(score, 3), reasons=reasons))
    return related
