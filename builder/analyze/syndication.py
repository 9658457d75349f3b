"""Syndicated copies: articles that republish one wire story, found without comparing every pair.

MinHash signatures of word shingles go into an LSH index (datasketch), so only articles that share
many shingles are ever compared. A candidate pair is a copy when most paragraphs of one are light
edits of text in the other (token containment), which survives renames such as
'Islamic State' -> 'IS group' and an added paragraph, while two dispatches of one agency about the
same event share too little to pass.

At scale most LSH candidates are articles on one topic that share common phrases, not copies. Each is
first put to a cheap test that can only err towards comparing: a paragraph's containment in any one
paragraph of the other article is at most its containment in that article's whole vocabulary, so a
pair where too few paragraphs pass even that bound cannot be a copy and is dropped before the exact,
paragraph-by-paragraph comparison.
"""
from __future__ import annotations

import difflib
import zlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import Article, ParagraphChange, Syndication
from . import record
from .sentences import fold_typography, split_sentences, tokens

NUM_PERM = 128
LSH_THRESHOLD = 0.2
SHINGLE = 3
SEED = 7
PARAGRAPH_MATCH = 0.6
COPY_SHARE = 0.6


@dataclass(frozen=True)
class Words:
    """An article's paragraph tokens as 32-bit ids, for the cheap bound (a hash collision only loosens it):
    all ids in order, where each paragraph starts and ends in them, and the sorted vocabulary. The ids are
    CRC-32s, the same in every process, so that records built by different workers compare."""

    ids: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    vocabulary: np.ndarray


def shingles(text: str) -> set[str]:
    return shingles_of(tokens(text))


def shingles_of(words: list[str]) -> set[str]:
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def signature(article: Article, permutations: np.ndarray | None = None) -> MinHash:
    """The article's MinHash; pass `permutations` (from `shared_permutations`) to skip drawing them again."""
    if permutations is None:
        minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    else:
        minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=permutations, scheme="affine32")
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(article.body_text)])
    return minhash


def shared_permutations() -> np.ndarray:
    """The permutation parameters every signature uses (MinHash draws them anew for each object)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED).permutations


def candidate_pairs(articles: list[Article]) -> set[tuple[str, str]]:
    """Pairs of slugs whose shingle sets look alike (LSH: each article is queried once)."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    permutations = shared_permutations()
    pairs: set[tuple[str, str]] = set()
    for article in articles:
        if not article.blocks:
            continue
        minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=permutations, scheme="affine32",
                          hashvalues=record.record_of(article).signature)
        for other in lsh.query(minhash):
            pairs.add((min(other, article.slug), max(other, article.slug)))
        lsh.insert(article.slug, minhash)
    return pairs


def words_of(article: Article) -> Words:
    paragraphs = [[zlib.crc32(t.encode("utf-8")) for t in tokens(p)] for p in article.paragraphs]
    ids = np.fromiter((i for p in paragraphs for i in p), dtype=np.uint32)
    bounds = np.cumsum([0] + [len(p) for p in paragraphs], dtype=np.int64)
    return Words(ids=ids, starts=bounds[:-1], ends=bounds[1:], vocabulary=np.unique(ids))


def could_be_copy(copy: Words, original: Words) -> bool:
    """Whether enough of the copy's paragraphs are contained in the original's whole vocabulary
    (an upper bound of their best containment in one paragraph, so no copy is ever dropped)."""
    if not len(copy.starts) or not len(original.vocabulary):
        return False
    at = np.minimum(np.searchsorted(original.vocabulary, copy.ids), len(original.vocabulary) - 1)
    inside = np.concatenate(([0], np.cumsum(original.vocabulary[at] == copy.ids)))
    lengths = copy.ends - copy.starts
    contained = np.divide(inside[copy.ends] - inside[copy.starts], lengths, out=np.zeros(len(lengths)),
                          where=lengths > 0)
    return np.count_nonzero(contained >= PARAGRAPH_MATCH) / len(lengths) >= COPY_SHARE


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


def ordered(a: Article, b: Article) -> tuple[Article, Article]:
    """The pair as (original, copy)."""
    return (a, b) if _is_original(a, b) else (b, a)


def compare(a: Article, b: Article) -> Syndication | None:
    original, copy = ordered(a, b)
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
    words: dict[str, Words] = {}
    found = []
    for pair in sorted(candidate_pairs(articles)):
        original, copy = ordered(by_slug[pair[0]], by_slug[pair[1]])
        for article in (original, copy):
            if article.slug not in words:
                words[article.slug] = record.record_of(article).words
        if could_be_copy(words[copy.slug], words[original.slug]) and (link := compare(original, copy)):
            found.append(link)
    best: dict[str, Syndication] = {}
    for link in sorted(found, key=lambda s: (-s.similarity, s.copy, s.original)):
        if link.copy not in best and link.original not in best:
            best[link.copy] = link
    return sorted(best.values(), key=lambda s: (s.original, s.copy))
