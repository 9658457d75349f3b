"""Does what the dossier publishes hold up? Trust figures on bench-layout cases, per case and pooled.

    python benchmarks/trust_bench.py CASES_DIR [--filter REGEX] [--jobs 2] [--show N] [--cache DIR]

Each case folder (`articles/`, `articles.json`) is built as a dossier (`builder.pipeline.assemble`,
the analysis the site is rendered from) and checked with rules written here, apart from the
builder's own, so the builder is not graded by its own yardstick:

- citation support: of the (overview sentence, cited article) pairs, the share where the article
  holds a sentence, or two adjacent ones, with every number of the overview sentence (a range
  "45,000-50,000" is one number, not its ends) and at least 70% of its content words. The same
  check is reported for the timeline's events and the key figures' citations. "strict" is the overview's
  check with the names apart: every capitalised name of the sentence, and at least 70% of its other
  content words (what was done, not only who is named: "Dr Conrad Murray is on trial accused of ..." is
  not held by "Dr Conrad Murray's legal team expects him to be charged ...").
- attribution kept: of the overview sentences whose source sentence (the best match in the
  article it was taken from) carries an attribution ("X said", "according to X", "X told Y"),
  the share that still carry one.
- titled: the share of articles whose title is not a file name (and not missing).
- byline fragments: authors that are not a person's name (a weekday, a month, a digit, a lower-case
  word, more than five words) or that were cut out of a sentence ("By Wednesday, Dan ...").
- furniture: overview sentences that hold a crawl notice, page furniture or a glued headline
  (a lower-case word running into a capitalised clause opener without punctuation, or into a titled
  name or a name's possessive with its verb: "... anesthetic Michael Jackson's former doctor has denied").

Cases are split in two halves by the fixed rule of split.py; every figure is printed per half.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from split import HALVES, half  # noqa: E402

SUPPORT_SHARE = 0.7
STOP = frozenset("""a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself also said says""".split())
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?(?:\s*(?:-|–|to)\s*\d[\d,]*(?:\.\d+)?)?")
WORD = re.compile(r"[a-z0-9]+")
NUMBER_WORDS = {w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                                 "thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
                                                 "twenty".split())}
ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|according to|reported|reports|added|announced|stated|estimated|claimed|"
    r"confirmed|insisted|denied|warned|explained|noted|wrote|quoted|cited|believes?|acknowledged|admitted)\b", re.I)
FILE_NAME = re.compile(r"^(?:[\w.-]+/)*[\w.-]+\.(?:txt|text|md|html?|gz)$", re.I)
CALENDAR = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
                      r"may|june|july|august|september|october|november|december|today|yesterday)\b", re.I)
NAME_PARTICLES = {"de", "da", "van", "vanden", "von", "al", "el", "bin", "la", "le", "du", "der", "den", "di", "del",
                  "della", "dos", "das", "ter", "ten", "and"}
FURNITURE = re.compile(r"\b(?:warc|crawl|wayback|archived?|page last updated|image caption|getty images|"
                       r"all rights reserved|copyright|click here|sign up|subscribe|cookies?|share this|"
                       r"your comments?|add your comment|read more)\b", re.I)
GLUED = re.compile(r"[a-z'’`]\s+(?:The|A|An|There|It|He|She|They|This|These|Those|His|Her|Their|Its|In|On|At|As|"
                   r"But|And|Police|Officials|Thousands|Hundreds)\s+[a-z]")
GLUED_SUBJECT = re.compile(r"\b(?P<before>[a-z]{3,})\s+(?:(?:Dr|Mr|Mrs|Ms|Adm)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+|"
                           r"(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+'s\s+(?:[a-z]+\s+){1,2})(?:says|said|say|was|is|has|had|have)\b")


def sentences(text: str) -> list[str]:
    return [s for p in text.split("\n\n") for s in SENTENCE_END.split(p.strip()) if s.strip()]


def numbers(text: str) -> set[str]:
    """The numbers a text states, in digits ('Eleven workers' states 11)."""
    written = {re.sub(r"\s*(?:-|–|to)\s*", "-", n).replace(",", "") for n in NUMBER.findall(text)}
    return written | {NUMBER_WORDS[w] for w in WORD.findall(text.lower()) if w in NUMBER_WORDS}


def stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def content_words(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 1 and not w.isdigit()}


def holds(claim: str, text: str) -> bool:
    """`text` states `claim`: all its numbers and at least 70% of its content words."""
    if not numbers(claim) <= numbers(text):
        return False
    words = content_words(claim)
    return not words or len(words & content_words(text)) / len(words) >= SUPPORT_SHARE


def names(text: str) -> set[str]:
    """The capitalised words of a text past its first word, calendar words apart, lower-cased and stemmed."""
    return {stem(w.lower()) for w in WORD.findall(text)[1:] if w[:1].isupper() and not CALENDAR.fullmatch(w)
            and w.lower() not in STOP}


def holds_strictly(claim: str, text: str) -> bool:
    """Every number and name of `claim` in `text`, and at least 70% of its other content words."""
    if not numbers(claim) <= numbers(text):
        return False
    wanted, found = content_words(claim), content_words(text)
    named = names(claim) & wanted
    rest = wanted - named
    return named <= found and (not rest or len(rest & found) / len(rest) >= SUPPORT_SHARE)


def windows(body: str) -> list[str]:
    """Each sentence of an article and each pair of adjacent ones."""
    units = sentences(body)
    return units + [f"{a} {b}" for a, b in zip(units, units[1:])]


def supported(claim: str, body: str, strictly: bool = False) -> bool:
    return any((holds_strictly if strictly else holds)(claim, unit) for unit in windows(body))


def best_source_sentence(claim: str, body: str) -> str | None:
    words = content_words(claim)
    scored = [(len(words & content_words(s)), s) for s in sentences(body)]
    return max(scored, default=(0, None))[1] if scored else None


def glued_subject(text: str) -> bool:
    """A caption run into a sentence whose subject is a titled name or a name's possessive ('... administer
    anesthetic Michael Jackson's former doctor has denied ...', '... his insomnia Dr Murray said ...'): the word
    before it is no function word or speech verb."""
    return any(m["before"] not in STOP and not ATTRIBUTION.search(" ".join(text[:m.end("before")].split()[-3:]))
               for m in GLUED_SUBJECT.finditer(text))


def is_byline_fragment(author: str, raw: str) -> bool:
    words = author.split()
    if not 1 <= len(words) <= 5 or CALENDAR.search(author) or re.search(r"\d", author):
        return True
    if any(w[:1].islower() and w.lower() not in NAME_PARTICLES for w in words):
        return True
    return bool(re.search(rf"\b[Bb][Yy]\s+{re.escape(author)}\s*,\s+[a-z]", raw))


@dataclass
class CaseResult:
    case: str
    articles: int = 0
    pairs: int = 0
    supported_pairs: int = 0
    strictly_supported: int = 0
    event_pairs: int = 0
    event_supported: int = 0
    figure_pairs: int = 0
    figure_supported: int = 0
    attributed: int = 0
    attribution_kept: int = 0
    titled: int = 0
    byline_fragments: int = 0
    furniture: int = 0
    seconds: float = 0.0
    unsupported: list[str] = field(default_factory=list)
    not_strictly: list[str] = field(default_factory=list)
    lost_attribution: list[str] = field(default_factory=list)
    fragments: list[str] = field(default_factory=list)
    furniture_sentences: list[str] = field(default_factory=list)


def check_case(case_dir: str, cache_root: Path | None = None) -> CaseResult:
    from builder.pipeline import assemble

    started = time.perf_counter()
    dossier = assemble(Path(case_dir), cache_root / Path(case_dir).name if cache_root else None).dossier
    result = CaseResult(case=Path(case_dir).name, articles=len(dossier.included))
    bodies = {a.slug: a.body_text for a in dossier.articles}
    for sentence in dossier.summary:
        for slug in sentence.articles:
            result.pairs += 1
            if supported(sentence.text, bodies[slug]):
                result.supported_pairs += 1
            else:
                result.unsupported.append(f"{sentence.text}  <- {dossier.article(slug).source}")
            if supported(sentence.text, bodies[slug], strictly=True):
                result.strictly_supported += 1
            else:
                result.not_strictly.append(f"{sentence.text}  <- {dossier.article(slug).source}")
        origin = best_source_sentence(sentence.text, bodies[sentence.articles[0]]) if sentence.articles else None
        if origin and ATTRIBUTION.search(origin):
            result.attributed += 1
            if ATTRIBUTION.search(sentence.text):
                result.attribution_kept += 1
            else:
                result.lost_attribution.append(f"{sentence.text}  <- {origin}")
        if FURNITURE.search(sentence.text) or GLUED.search(sentence.text) or glued_subject(sentence.text):
            result.furniture += 1
            result.furniture_sentences.append(sentence.text)
    for event in dossier.events:
        for slug in event.articles:
            result.event_pairs += 1
            result.event_supported += supported(event.text, bodies[slug])
    for figure in dossier.figures:
        for citation in figure.citations:
            result.figure_pairs += 1
            value = re.sub(r"^[a-z ]+", "", figure.value)
            result.figure_supported += supported(f"{value} {figure.what}", bodies[citation.article])
    raw = {a.slug: _raw_text(Path(case_dir) / a.source) for a in dossier.included if a.author}
    for article in dossier.included:
        result.titled += bool(article.title) and not FILE_NAME.match(article.title.strip())
        if article.author and is_byline_fragment(article.author, raw[article.slug]):
            result.byline_fragments += 1
            result.fragments.append(f"{article.source}: {article.author}")
    result.seconds = time.perf_counter() - started
    return result


def _raw_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  -  "


COLUMNS = "case                                articles  support  strict  events  figures  attrib  titled  bylines  furn   secs"


def row(label: str, results: list[CaseResult]) -> str:
    total = lambda name: sum(getattr(r, name) for r in results)  # noqa: E731
    return (f"{label:36s} {total('articles'):8d}  {share(total('supported_pairs'), total('pairs')):>7s} "
            f"{share(total('strictly_supported'), total('pairs')):>7s} "
            f"{share(total('event_supported'), total('event_pairs')):>7s} "
            f"{share(total('figure_supported'), total('figure_pairs')):>8s} "
            f"{share(total('attribution_kept'), total('attributed')):>7s} "
            f"{share(total('titled'), total('articles')):>7s} {total('byline_fragments'):8d} "
            f"{total('furniture'):5d} {total('seconds'):6.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", type=Path, help="folder of bench-layout cases (one sub-folder per case)")
    parser.add_argument("--filter", default="", help="regex on case ids")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=3, help="failures to print per case and kind")
    parser.add_argument("--json-out", type=Path, help="write per-case figures here")
    parser.add_argument("--cache", type=Path, help="per-case build caches (a second run skips cleaning and the "
                                                   "entity model where the code did not change)")
    args = parser.parse_args()
    cases = sorted(str(p) for p in args.cases.iterdir()
                   if (p / "articles.json").is_file() and re.search(args.filter, p.name))
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(check_case, cases, [args.cache] * len(cases)))
    print(COLUMNS)
    for result in results:
        print(row(result.case, [result]))
        for label, items in (("unsupported", result.unsupported), ("not strictly", result.not_strictly),
                             ("lost attribution", result.lost_attribution),
                             ("byline fragment", result.fragments), ("furniture", result.furniture_sentences)):
            for item in items[:args.show]:
                print(f"    {label}: {item}")
    print()
    for h, name in enumerate(HALVES):
        print(row(f"POOLED {name} half", [r for r in results if half(r.case) == h]))
    print(row("POOLED all", results))
    if args.json_out:
        args.json_out.write_text(json.dumps([r.__dict__ for r in results], indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
