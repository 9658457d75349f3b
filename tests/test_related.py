"""Related coverage: on the seeds, and the blockwise top-k against a brute-force check."""
from __future__ import annotations

import numpy as np
from scipy import sparse

from builder.analyze import products, related
from builder.analyze.related import find_related, top_neighbours
from support import make_article, slug_for


def test_every_article_has_related_articles_but_not_itself(seed_dossier):
    for article in seed_dossier.included:
        links = seed_dossier.related[article.slug]
        assert 1 <= len(links) <= related.LIMIT
        assert all(link.other != article.slug and link.article == article.slug for link in links)
        assert [link.score for link in links] == sorted((link.score for link in links), reverse=True)
        assert all(link.reasons for link in links)


def test_syndicated_copy_is_the_closest_and_called_same_story(seed_dossier):
    original, copy = slug_for(seed_dossier, "000"), slug_for(seed_dossier, "001")
    best = seed_dossier.related[copy][0]
    assert best.other == original and "same story (syndicated copy)" in best.reasons
    assert any(r.startswith("shared entities: ") for r in best.reasons)


def test_same_day_reason(seed_dossier):
    links = seed_dossier.related[slug_for(seed_dossier, "002")]
    same_day = [link for link in links if "same day" in link.reasons]
    assert [link.other for link in same_day] == [slug_for(seed_dossier, "004")]


def test_blockwise_top_k_matches_brute_force(monkeypatch):
    monkeypatch.setattr(products, "PRODUCT_CELLS", 7 * 30)  # blocks of 7 rows
    rng = np.random.default_rng(3)
    dense = rng.random((30, 12)) * (rng.random((30, 12)) < 0.4)
    matrix = sparse.csr_matrix(dense)
    got = top_neighbours(matrix, 3)
    scores = dense @ dense.T
    for i, row in enumerate(got):
        order = np.lexsort((np.arange(30), -scores[i]))
        expected = [j for j in order if j != i and scores[i, j] >= related.MIN_SCORE][:3]
        assert [j for j, _ in row] == expected


def test_small_corpus_related_by_words():
    articles = [make_article("a", "Floods hit the river town; thousands evacuated from the river banks."),
                make_article("b", "Evacuated residents of the river town return after the floods."),
                make_article("c", "The central bank raised interest rates again.")]
    links = find_related(articles, [], [])
    assert links["a"][0].other == "b"
    assert all(link.other != "c" or link.score < links["a"][0].score for link in links["a"])


def test_the_blocks_of_a_product_do_not_change_the_summary_the_timeline_or_related_coverage(seed_dossier, monkeypatch):
    from builder.analyze import analyze
    from builder.config import Settings
    articles = seed_dossier.articles
    before = analyze(articles, Settings())
    monkeypatch.setattr(products, "PRODUCT_CELLS", 1)  # one row per block
    after = analyze(articles, Settings())
    assert after.summary == before.summary and after.events == before.events and after.related == before.related
