"""Syndicated copies: articles that republish one wire story, found without comparing every pair.

MinHash signatures of word shingles go into an LSH index (datasketch), so only articles that share
many shingles are ever compared. A candidate pair is a copy when most paragraphs of one are light
edits of text in the other (token containment), which survives renames such as
'Islamic State' -> 'IS group' and an added paragraph, while two dispatches of one agency about the
same event share too little to pass.
"""
from __future__ import annotations

import difflib

from datasketch import MinHash, MinHashLSH

from ..model import Article, ParagraphChange, Syndication
from .sentences import fold_typography, split_sentences, tokens

NUM_PERM = 128
LSH_THRESHOLD = 0.2
SHINGLE = 3
PARAGRAPH_MATCH = 0.6
COPY_SHARE = 0.6


def shingles(text: str) -> set[str]:
    words = tokens(text)
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def signature(article: Article) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=7)
    minhash.update_batch([shingle.encode("utf-8") for shingle in sorted(shingles(article.body_text))])
    return minhash


def candidate_pairs(articles: list[Article]) -> set[tuple[str, str]]:
    """Pairs of slugs whose shingle sets look alike (LSH: each article is queried once)."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    pairs: set[tuple[str, str]] = set()
    for article in articles:
        if not article.blocks:
            continue
        minhash = signature(article)
        for other in lsh.query(minhash):
            pairs.add((min(other, article.slug), max(other, article.slug)))
        lsh.insert(article.slug, minhash)
    return pairs


def containment(part: list[str], whole: set[str]) -> float:
    return sum(t in whole for t in part) / len(part) if part else 0.0


def best_match(paragraph: str, originals: list[str], original_tokens: list[set[str]]) -> tuple[int, float]:
    words = tokens(paragraph)
    scored = [(containment(words, t), i) for i, t in enumerate(original_tokens)]
    score, index = max(scored) if scored else (0.0, -1)
    return index, score


def shared_paragraphs(copy: Article, original: Article) -> tuple[int, list[tuple[int, float]]]:
    """How many of the copy's paragraphs are (edited) text of the original, and the match of each."""
    originals = original.paragraphs
    original_tokens = [set(tokens(p)) for p in originals]
    matches = [best_match(p, originals, original_tokens) for p in copy.paragraphs]
    return sum(score >= PARAGRAPH_MATCH for _, score in matches), matches


def paragraph_changes(copy: Article, original: Article, matches: list[tuple[int, float]]) -> list[ParagraphChange]:
    """The copy's paragraphs in order: same, edited (with the original text) or added; then what it dropped."""
    changes = []
    used = set()
    for paragraph, (index, score) in zip(copy.paragraphs, matches):
        if score < PARAGRAPH_MATCH:
            changes.append(ParagraphChange("added", None, paragraph))
            continue
        used.add(index)
        source = _matching_part(paragraph, original.paragraphs[index])
        op = "same" if _norm(source) == _norm(paragraph) else "edited"
        changes.append(ParagraphChange(op, source, paragraph))
    for index, paragraph in enumerate(original.paragraphs):
        if index not in used:
            changes.append(ParagraphChange("removed", paragraph, None))
    return changes


def _norm(text: str) -> str:
    """Paragraph text as compared for 'same': words only, so quote style and punctuation are not edits."""
    return " ".join(tokens(fold_typography(text)))


def _matching_part(paragraph: str, original: str) -> str:
    """The sentences of `original` that the copy's paragraph corresponds to (copies often split paragraphs)."""
    sentences = split_sentences(original)
    words = set(tokens(paragraph))
    kept = [s for s in sentences if containment(tokens(s), words) >= 0.5]
    return " ".join(kept) if kept else original


def _is_original(a: Article, b: Article) -> bool:
    """Whether `a` is the wire original of the pair: agency-credited first, then earlier, then name order."""
    if bool(a.agency) != bool(b.agency):
        return bool(a.agency)
    if a.published and b.published and a.published != b.published:
        return a.published < b.published
    return a.source < b.source


def compare(a: Article, b: Article) -> Syndication | None:
    original, copy = (a, b) if _is_original(a, b) else (b, a)
    shared, matches = shared_paragraphs(copy, original)
    total = len(copy.paragraphs)
    if total == 0 or shared / total < COPY_SHARE:
        return None
    similarity = difflib.SequenceMatcher(None, tokens(copy.body_text), tokens(original.body_text),
                                         autojunk=False).ratio()
    return Syndication(copy=copy.slug, original=original.slug, shared=shared, total=total,
                       similarity=round(similarity, 3), changes=paragraph_changes(copy, original, matches))


def find_syndicated_copies(articles: list[Article]) -> list[Syndication]:
    """Every copy -> original link; a copy of a copy points at the first original in its chain."""
    by_slug = {a.slug: a for a in articles}
    found = [s for pair in sorted(candidate_pairs(articles)) if (s := compare(by_slug[pair[0]], by_slug[pair[1]]))]
    best: dict[str, Syndication] = {}
    for link in sorted(found, key=lambda s: (-s.similarity, s.copy, s.original)):
        if link.copy not in best and link.original not in best:
            best[link.copy] = link
    return sorted(best.values(), key=lambda s: (s.original, s.copy))
