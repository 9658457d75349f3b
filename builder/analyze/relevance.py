"""Which articles are the story's reporting: collections hold pages on other stories (a radio listing,
a live page of the day's news, a feature that names the story once), whose dates and figures are not
this story's, and opinion pieces, whose sentences are their authors' views.

An article is off topic when its TF-IDF vector is less than OFF_TOPIC_SHARE as close to the rest of the
dossier (the sum of the other articles' vectors) as the median article is. One sparse product for the
whole dossier, no loop over pairs.
"""
from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from ..model import Article

OFF_TOPIC_SHARE = 0.5
MIN_ARTICLES = 5


def closeness_to_the_rest(articles: list[Article]) -> np.ndarray:
    """Each article's cosine similarity to the sum of all the other articles (leave-one-out centroid)."""
    try:
        matrix = normalize(TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2)
                           .fit_transform([a.body_text for a in articles]))
    except ValueError:
        return np.ones(len(articles))
    total = np.asarray(matrix.sum(axis=0)).ravel()
    own = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    dot = np.asarray(matrix @ total).ravel() - own
    rest = np.sqrt(np.maximum(float(total @ total) - 2 * np.asarray(matrix @ total).ravel() + own, 1e-12))
    return dot / rest


def commentary(articles: list[Article]) -> frozenset[str]:
    """The slugs of opinion pieces: what they state is their author's view, so they give no event, figure
    or overview sentence (their pages say so)."""
    return frozenset(a.slug for a in articles if a.opinion)


def not_reporting(articles: list[Article]) -> frozenset[str]:
    """The articles whose sentences are not the story's reporting: off topic, or commentary."""
    return off_topic_articles(articles) | commentary(articles)


def off_topic_articles(articles: list[Article]) -> frozenset[str]:
    """The slugs of articles about another story (none in a dossier of fewer than MIN_ARTICLES)."""
    if len(articles) < MIN_ARTICLES:
        return frozenset()
    closeness = closeness_to_the_rest(articles)
    bar = OFF_TOPIC_SHARE * float(np.median(closeness))
    return frozenset(a.slug for a, c in zip(articles, closeness) if c < bar)
