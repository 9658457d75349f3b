"""One article's analysis record: everything the analysers read from a single article, computed once.

The record holds the article's sentences (split once), each sentence's date expressions resolved
against the article's date, the figures each sentence states, the MinHash signature and word ids
syndication compares, and the entity mentions read from the model's spans of each paragraph. The
per-article stage (per_article.py) builds it beside cleaning, on local processes or a Dask
cluster, and caches it beside the cleaned article, keyed by `record_key`: the article's content, the
curated names and `ANALYSIS_VERSION` (the analysis code, its data files and the spaCy model). The
model's spans are cached on their own, by paragraph text and model version, so that a rule edited in
analyze/ never makes the model run again. Corpus-level steps (syndication groups, entity merging,
ranking, the summary's selection) read the records through `record_of`.

An article that reaches an analyser without a record (a test, the `summarize` command) gets one on
first use; the model then runs only if the entity stage asks for mentions.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

from ..clean import meta
from ..config import Settings
from ..model import Article
from . import datexpr, figures, mentions, syndication
from .quality import glue_point, reporting, usable
from .sentences import Sentence, article_sentences
from .trim import trim

WORD = re.compile(r"[A-Za-z]+")
ANALYSIS_CODE = sorted(Path(__file__).parent.glob("*.py")) + sorted(p for p in (Path(__file__).parent / "data").iterdir() if p.is_file()) \
    + [Path(__file__).parents[1] / "model.py"]


def model_version() -> str:
    """spaCy's and the entity model's versions (read from the installed packages: the model is not loaded)."""
    try:
        return f"spacy {metadata.version('spacy')}, {mentions.MODEL} {metadata.version(mentions.MODEL)}"
    except metadata.PackageNotFoundError:
        return "no entity model"


MODEL_VERSION = model_version()
ANALYSIS_VERSION = hashlib.sha256(b"".join(p.read_bytes() for p in ANALYSIS_CODE) + MODEL_VERSION.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Reading:
    """One sentence as the overview and the timeline read it, as far as the sentence alone tells: without its
    wire dateline, and whether it passes `quality.usable` and `quality.reporting` (whether it opens with
    another article's headline is asked later, of the whole corpus)."""
    text: str
    usable: bool
    reporting: bool


def reading(text: str, lead: bool, otherwise: Reading | None = None) -> Reading:
    """`otherwise`: the sentence already read the other way, reused when trimming gives the same text."""
    trimmed = trim(text, lead)
    if otherwise is not None and otherwise.text == trimmed:
        return otherwise
    return Reading(trimmed, usable(trimmed), reporting(trimmed))


@dataclass
class ArticleRecord:
    published: str | None
    sentences: list[Sentence]
    dates: list[list[datexpr.TimeMention]]
    figures: list[figures.Found]
    signature: np.ndarray | None
    words: syndication.Words
    curated: tuple[str, ...] = ()
    mentions: list[mentions.Candidate] | None = None
    definitions: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    readings: list[Reading] = dataclasses.field(default_factory=list)
    lead_readings: list[Reading] = dataclasses.field(default_factory=list)
    lead_title: str | None = None

    def read_as(self, p: int, lead: bool) -> Reading:
        """Sentence `p` read as the lead (a sentence of the first paragraph) or as any other sentence."""
        return self.lead_readings[p] if lead else self.readings[p]


def curated_names(settings: Settings) -> tuple[str, ...]:
    """The names mentions look for wherever they are written: aliases.yml's and dossier.yml's entities."""
    listed = {n for canonical, names in settings.aliases.items() for n in [canonical, *names]}
    return tuple(sorted(listed | set(settings.entities)))


def record_key(article_key: str, article: Article, curated: tuple[str, ...]) -> str:
    """What a record depends on: the cleaned article (its cache key), its final slug and date, the curated
    names the mentions look for, and the analysis code."""
    h = hashlib.sha256()
    for part in (article_key, article.slug, article.published or "", "\n".join(curated), ANALYSIS_VERSION):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    return syndication.shared_permutations()


def resolved_dates(sentences: list[Sentence], published: str | None) -> list[list[datexpr.TimeMention]]:
    return [datexpr.find_mentions(s.text, published) for s in sentences]


def sentence_figures(article: Article, sentences: list[Sentence], readings: list[Reading]) -> list[figures.Found]:
    return [f for s, r in zip(sentences, readings)
            for f in figures.sentence_figures(article.slug, s.text, article.published, r.reporting)]


def glued_apart(sentences: list[Sentence]) -> list[list[str]]:
    """Each sentence cut where a headline or caption glued in front of it ends ('... in the Gulf of Mexico BP
    filling stations across London have been shut down': the sentence is 'BP filling stations ...')."""
    lexicon = lower_case_words(sentences)
    return [_glued_pieces(sentence.text, lead=n == 0, lexicon=lexicon) for n, sentence in enumerate(sentences)]


def unglued(sentences: list[Sentence], pieces: list[list[str]] | None = None) -> list[Sentence]:
    """The sentences with their glued pieces (`glued_apart`'s) as sentences of their own; a piece cut off has
    no full stop, so no analyser reports it."""
    out: list[Sentence] = []
    for sentence, its_pieces in zip(sentences, pieces or glued_apart(sentences)):
        for piece in its_pieces:
            index = out[-1].index + 1 if out and out[-1].paragraph == sentence.paragraph else 0
            out.append(Sentence(sentence.article, sentence.paragraph, index, piece))
    return out


def lead_title(sentences: list[Sentence], pieces: list[list[str]]) -> str | None:
    """The short form of the lead sentence once the headline or caption glued in front of it is cut off, for an
    article titled from its lead: cleaning titled 'The judge told Dr Murray he must not administer anesthetic
    Michael Jackson's former doctor has denied ...' from the text before the cut. None when nothing was cut."""
    if not sentences or sentences[0].paragraph != 0 or len(pieces[0]) < 2:
        return None
    return meta.lead_title(pieces[0][-1])


def lower_case_words(sentences: list[Sentence]) -> frozenset[str]:
    """The words the article writes in lower case: a word it capitalises after a caption is one of them when it
    opens a sentence glued on ('... his insomnia Lawyers for Dr Conrad Murray have ...')."""
    return frozenset(w for s in sentences for w in WORD.findall(s.text) if w.islower())


def _glued_pieces(text: str, lead: bool, lexicon: frozenset[str] = frozenset()) -> list[str]:
    """The text cut at each glue point; an article's lead may hold a headline, then a standfirst, then the lead
    ('BP oil spill costs hit $1.6 bn BP said the total bill ... last week BP has estimated ...')."""
    pieces = []
    while (at := glue_point(text, lead, lexicon)) and text[:at].strip():
        pieces.append(text[:at].strip())
        text = text[at:]
    return [*pieces, text.strip()] if text.strip() else pieces


def build_record(article: Article, spans: list[list[mentions.Span]] | None = None,
                 curated: tuple[str, ...] = ()) -> ArticleRecord:
    """The article's record; with the model's `spans` of its paragraphs, its entity mentions too."""
    split = article_sentences(article)
    pieces = glued_apart(split)
    sentences = unglued(split, pieces)
    readings = [reading(s.text, False) for s in sentences]
    record = ArticleRecord(
        published=article.published, sentences=sentences, dates=resolved_dates(sentences, article.published),
        figures=sentence_figures(article, sentences, readings),
        signature=syndication.signature(article, _permutations()).hashvalues if article.blocks else None,
        words=syndication.words_of(article), readings=readings,
        lead_readings=[reading(s.text, True, r) for s, r in zip(sentences, readings) if s.paragraph == 0],
        lead_title=lead_title(split, pieces))
    if spans is not None:
        add_mentions(article, record, spans, curated)
    return record


def add_mentions(article: Article, record: ArticleRecord, spans: list[list[mentions.Span]],
                 curated: tuple[str, ...]) -> None:
    """The entity mentions of every paragraph, read from the model's spans and the record's sentences (the
    spans themselves are cached by paragraph, not kept in the record)."""
    split: list[list[str]] = [[] for _ in article.paragraphs]
    for sentence in record.sentences:
        split[sentence.paragraph].append(sentence.text)
    found, defined = [], []
    for paragraph, paragraph_spans, sentences in zip(article.paragraphs, spans, split):
        candidates, definitions = mentions.paragraph_candidates(article.slug, paragraph, paragraph_spans, curated,
                                                                sentences)
        found += candidates
        defined += definitions
    record.curated, record.mentions, record.definitions = curated, found, defined


def record_of(article: Article) -> ArticleRecord:
    """The article's record, built on first use; its dates follow the article's date when that was settled
    after cleaning (an ambiguous day/month order read from the other articles' dates)."""
    record = article.analysis
    if not isinstance(record, ArticleRecord):
        record = article.analysis = build_record(article)
    elif record.published != article.published:
        record = article.analysis = dataclasses.replace(
            record, published=article.published, dates=resolved_dates(record.sentences, article.published),
            figures=sentence_figures(article, record.sentences, record.readings))
    return record


def article_mentions(articles: list[Article], curated: tuple[str, ...]) -> tuple[list, list[tuple[str, str]]]:
    """Every mention and acronym definition of the articles, from their records: `mentions.find_candidates`
    without the model pass where the records hold the mentions of these curated names already (one
    batched pass for the rest)."""
    records = [record_of(a) for a in articles]
    missing = [(a, r) for a, r in zip(articles, records) if r.mentions is None or r.curated != curated]
    if missing:
        spans = iter(mentions.model_spans([p for a, _ in missing for p in a.paragraphs]))
        for article, record in missing:
            add_mentions(article, record, [next(spans) for _ in article.paragraphs], curated)
    candidates, definitions = [], []
    for record in records:
        candidates += record.mentions
        definitions += record.definitions
    return candidates, definitions
