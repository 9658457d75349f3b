"""Which sentences can stand on their own in the dossier: complete, in the article's own reporting, not page
furniture, not a headline or caption glued in front of a sentence, not leaning on a sentence outside them.

The overview (summary.py) takes only sentences that pass `usable`; the timeline and the key figures take
only sentences that pass `reporting`. The word lists are in data/quality.yml.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from importlib import resources

import yaml

from ..clean.dates import MONTHS, WEEKDAYS
from ..model import Article
from .attribution import attributions, verb_matches
from .attribution import load_rules as attribution_rules
from .sentences import tokens

MIN_WORDS, MAX_WORDS = 8, 55
REPORTING_MIN_WORDS = 6
BARE_REST_WORDS = 6
LEAD_GLUE_WORDS = 30
HEADLINE_MIN_WORDS = 4  # a headline of fewer words opens ordinary sentences too
HEADLINE_OPENING_WORDS = 12
REST_WORD = re.compile(r"[\w'’.-]+")
ENTRY_DATE = re.compile(r"^\W*(?:\d{1,2}\s+[A-Z][a-z]+\.?(?:\s+\d{4})?|[A-Z][a-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?|"
                        r"[A-Z][a-z]+\s+\d{4}|\d{4})\s*[:\-–—]?\s*$")
PAIRS = [("“", "”"), ("``", "''"), ("(", ")")]
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
QUOTE_CLOSER = re.compile(r"(?<!\w)'|'(?!\w)")
PRONOUN_SPEAKERS = frozenset({"he", "she", "they"})
PRONOUN_SPEAKER = re.compile(r"\b(?:he|she|they)\b", re.I)
NOT_NAMES = frozenset(WEEKDAYS) | frozenset(MONTHS) | PRONOUN_SPEAKERS  # capitalised, yet nobody a pronoun stands for
QUOTE_MARKS = "\"”'’"
QUOTE_OPENERS = {"'": "`'‘", "’": "‘`'", "\"": "\"", "”": "“"}
OPENING_PHRASE = re.compile(r"^\W*(?:[\w'’.-]+\s+){0,3}[\w'’.-]+,\s+")


@lru_cache(maxsize=1)
def load_rules() -> dict:
    text = resources.files(__package__).joinpath("data/quality.yml").read_text(encoding="utf-8")
    rules = yaml.safe_load(text)
    rules["dangling_starts"] = frozenset(rules["dangling_starts"])
    rules["boilerplate"] = re.compile(r"(?:^|\b)(?:" + "|".join(rules["boilerplate"]) + r")\b", re.I)
    clauses = "|".join(re.escape(c) for c in rules["dangling_clauses"])
    rules["dangling_clause"] = re.compile(rf"\b(?:said|says|say|told \w+|added|adding|noted|explained)\s+"
                                          rf"(?:that\s+)?(?:{clauses})\b", re.I)
    lead_ins = "|".join(rules["name_lead_ins"])
    acronym_titles = "|".join(rules["acronym_titles"])
    rules["glue"] = re.compile(r"(?<!\S)(?:[a-z0-9][a-z0-9'’`%]*|(?P<title>[A-Z][a-z]+))\s+(?P<c1>)(?:" + "|".join(rules["clause_openers"]) + r")\s+[a-z]"
                               rf"|^(?![A-Z]{{2,4}}\s+(?:{acronym_titles})\b)[A-Z]{{2,}}(?:[\s-]+[A-Z]{{2,}})*\s+(?P<c2>)[A-Z][a-z]"
                               rf"|\b(?!(?:{lead_ins})\b)[a-z]{{3,}}\s+(?P<c3>)(?:The|A|An)\s+[A-Z]"
                               r"|.\s[A-Z][\w.'’-]*(?:,\s*[A-Z][\w.'’-]*)?\s*\((?:[A-Z][A-Za-z]+)\)\s*(?:--|—)\s(?P<c4>)"
                               r"|[a-z0-9.,]\s\((?:[A-Z][A-Za-z]+)\)\s*--\s(?P<c5>)"
                               rf"|(?<!\S)(?:(?!(?:{lead_ins})\b)[a-z][a-z0-9'’%]*(?<!['’]s)|[12]\d{{3}})\s+(?P<c6>)(?:" + "|".join(rules["subordinators"]) + r")\s+[A-Z]")
    rules["lead_glue"] = re.compile(r"(?<!\S)(?P<before>[a-z][a-z0-9'’%-]*|\d[\d.,]*[a-z]*)\s+(?P<c1>)[A-Z]{2,}\s+(?:"
                                    + "|".join(rules["lead_subject_verbs"]) + r")\b"
                                    r"|\w\s?['’”]\s+(?P<c2>)[A-Z]{2,}(?:'s|’s)?\s+[a-z]"
                                    r"|(?<=\S\s)[A-Z][a-z]+\s+(?P<c3>)[A-Z]{2,}(?:'s|’s)\s+[a-z]")
    rules["acronym_lead_in_set"] = frozenset(rules["acronym_lead_ins"])
    rules["speech_verb_set"] = frozenset(rules["speech_verbs"])
    rules["name_title_set"] = frozenset(rules["name_titles"])
    rules["subject_verb_set"] = frozenset(rules["subject_verbs"])
    rules["subject_noun_set"] = frozenset(rules["subject_nouns"])
    glue_before = r"(?<!\S)(?P<before>[a-z][a-z0-9'’%-]*|\d[\d,.]*|[a-z0-9]*[\"”'’])\s+(?P<c1>)"
    rules["subject_glue"] = re.compile(glue_before +
                                       r"(?=(?P<subject>[A-Z][\w'’.-]*(?:,?\s+(?:[A-Z][\w'’.-]*|[a-z][\w'’-]*|\d[\d,.]*)){0,10}?),?\s+"
                                       r"(?P<verb>" + "|".join(rules["subject_verbs"]) + r")\b)")
    rules["plural_past_glue"] = re.compile(glue_before + r"(?=(?P<subject>[A-Z][a-z]+s)\s+(?P<verb>[a-z]+ed)\b)")
    rules["name_again"] = re.compile(r"(?<![\w'’])(?P<name>(?:[A-Z][\w.-]*\s+)+[A-Z][\w.-]*)(?:['’]s\s+[a-z]|\s+(?:"
                                     + "|".join(rules["lead_subject_verbs"]) + r")\b)")
    rules["expletive_it"] = re.compile(r"^\W*it\s+(?:(?:is|was|has been|had been)\s+)?(?:" + "|".join(rules["expletive_it"])
                                       + r")\b", re.I)
    rules["audience_word_set"] = frozenset(rules["audience_words"])
    rules["title_word_set"] = frozenset(rules["title_words"])
    rules["first_person"] = re.compile(r"^(?:" + "|".join(rules["first_person_starts"]) + r")\b")
    rules["pronoun"] = re.compile(r"\b(?:" + "|".join(rules["pronouns"]) + r")\b", re.I)
    rules["person_noun"] = re.compile(r"\b(?:" + "|".join(rules["person_nouns"]) + r")s?\b", re.I)
    return rules


DANGLING_STARTS = load_rules()["dangling_starts"]


def dangling_referent(text: str) -> bool:
    """'... said that's because ...', or a 'he'/'she' with nobody named before it: the sentence points outside."""
    rules = load_rules()
    if rules["dangling_clause"].search(text):
        return True
    pronoun = rules["pronoun"].search(text)
    if not pronoun:
        return False
    before = text[:pronoun.start()]
    named = re.search(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]", before) or re.match(r"[A-Z][a-z]+\s+[A-Z]", before)
    return not (named or rules["person_noun"].search(before))


def _in_title(text: str, match: re.Match) -> bool:
    """'Michael Jackson's This Is It tour': a clause opener after a run of capitalised words that holds a
    capitalised function word ('This', 'Is') is part of a title; after a name ('Los Angeles The high
    profile trial', 'on Monday Many say') it opens a sentence glued on."""
    if match.start("title") < 0:
        return False
    run = []
    for word in reversed(text[:match.start("c1")].split()):
        if not word[:1].isupper():
            break
        run.append(word.strip("'’\"“”").removesuffix("'s").removesuffix("’s"))
    return any(word in load_rules()["title_word_set"] for word in run)


def glue_point(text: str, lead: bool = False, lexicon: frozenset[str] = frozenset()) -> int | None:
    """Where the sentence starts after a headline, caption or highlights run into it, if one is (a
    chronology entry opening with its date, '22 July 2009 The doctor's clinic is raided', is not glued).
    In an article's `lead` sentence, an acronym that opens a clause, or a name the sentence repeats, is a
    sign too, and so is a subject that opens a sentence (`lexicon`: the article's lower-case words)."""
    points = [at for at in [_glue_point(text), *(_lead_glue_points(text, lexicon) if lead else [])] if at is not None]
    return min(points, default=None)


def _glue_point(text: str) -> int | None:
    for match in load_rules()["glue"].finditer(text):
        at = next(match.start(g) for g in ("c1", "c2", "c3", "c4", "c5", "c6") if match.start(g) >= 0)
        if not ENTRY_DATE.match(text[:at]) and not _in_title(text, match):
            return at
    return None


def _lead_glue_points(text: str, lexicon: frozenset[str]) -> list[int]:
    return [at for at in (_acronym_glue_point(text), _name_again_point(text), _subject_glue_point(text, lexicon))
            if at is not None]


def _acronym_glue_point(text: str) -> int | None:
    """'... costs hit $1.6 bn BP said the total bill ...', '... my life back ' BP chief executive ...': an
    acronym and a verb after a word that does not take it into its clause (not 'the', 'believes', 'oil
    giant', 'saying'), an acronym after a quote closed with no comma, or an acronym's possessive after a
    name ('... in the Gulf of Mexico BP's report into ...'), within a headline's and a standfirst's length
    of the start ('... how many billions of dollars of fines BP will have to pay': a clause of the lead)."""
    for match in load_rules()["lead_glue"].finditer(text):
        if _past_the_head(text, match.start()):
            return None
        if match.start("c1") < 0 or not _takes_it_in((match["before"] or "").lower()):
            return next(match.start(g) for g in ("c1", "c2", "c3") if match.start(g) >= 0)
    return None


def _name_again_point(text: str) -> int | None:
    """'Fearne Cotton appears with Michael Jackson's ex-band members Fearne Cotton has been announced ...': a
    name of two words or more that the lead already gave, again as a subject after a lower-case word that
    does not take it in ('pop legend Michael Jackson can'), within a headline's and a standfirst's length."""
    rules = load_rules()
    for match in rules["name_again"].finditer(text):
        if _past_the_head(text, match.start()):
            return None
        before = text[:match.start()].split()
        last = before[-1] if before else ""
        if not last[-1:].isalnum() or not last[:1].islower() or _takes_it_in(last) \
                or rules["person_noun"].fullmatch(last):
            continue
        if re.search(r"(?<![\w'’])" + re.escape(match["name"]) + r"\b", text[:match.start()]):
            return match.start()
    return None


def _subject_glue_point(text: str, lexicon: frozenset[str]) -> int | None:
    """'... for his insomnia Lawyers for Dr Conrad Murray have stepped back ...': a subject and its verb, within a
    few words, after a word that does not take it in, where the subject is one a sentence opens with: a title
    and a name ('propofol Dr Murray say'), a name's possessive ('anesthetic Michael Jackson's former doctor
    has'), or a common word written with a capital (`lexicon` holds the article's lower-case words:
    'insomnia Lawyers for'). What comes before is a headline or caption of four words or more (a wire dateline's
    '(CNN) --' is none), and not a clause that a comma ends ('..., Turkish experts have said')."""
    rules = load_rules()
    found = [*rules["subject_glue"].finditer(text), *rules["plural_past_glue"].finditer(text)]
    for match in sorted(found, key=lambda m: m.start()):
        if _past_the_head(text, match.start()):
            return None
        before = text[:match.start("c1")].split()
        if sum(w[:1].isalnum() for w in before) >= HEADLINE_MIN_WORDS and not match["before"].endswith(",") \
                and _opens_a_subject(match["subject"], match["verb"], match["before"], lexicon) and _leaves_its_clause(before):
            return match.start("c1")
    return None


def _opens_a_subject(subject: str, verb: str, before: str, lexicon: frozenset[str]) -> bool:
    """A titled name, a name's possessive, or a plural common word: one of the plural nouns news sentences
    open with ('Prosecutors', 'Jurors'), or one the article writes in lower case (then a verb in the past
    right after it will do: 'weekend Prosecutors ended their case'), or such a word before one of those
    nouns ('home Drug police are searching')."""
    rules = load_rules()
    words = subject.split()
    first = words[0].rstrip(",")
    title = rules["person_noun"].fullmatch(first.lower()) and not _plural(first)  # 'President Obama has'
    plural = _plural(first) or any(_plural(w) and w.islower() for w in words[1:3])  # 'Tar balls have', not 'Bill Gates'
    noun = len(words) > 1 and words[1] in rules["subject_noun_set"] and not words[0].endswith(",")  # 'Drug police are'
    known = first.lower() in rules["subject_noun_set"]
    common = known or not first.isupper() and not title and (noun or first.lower() in lexicon and plural)
    if verb not in rules["subject_verb_set"] or before[:1].isdigit():
        return common
    titled = first.rstrip(".") in rules["name_title_set"] and len(words) > 1 and words[1][:1].isupper()
    return common or titled or _possessive_subject(words)


def _possessive_subject(words: list[str]) -> bool:
    """'Michael Jackson's former doctor', 'Michael Jackson's personal physician Conrad Murray': a name's
    possessive and the few words it owns, none of them a function word ('BP's oil spill and how it')."""
    owner = next((n for n, w in enumerate(words) if w.endswith(("'s", "’s"))), None)
    if owner is None or not all(w[:1].isupper() and not w.endswith(",") for w in words[:owner + 1]):
        return False
    owned = [w.rstrip(",") for w in words[owner + 1:]]
    return len(owned) <= 4 and not any(w in load_rules()["acronym_lead_in_set"] for w in owned)


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("'s", "’s", "ss"))


def _leaves_its_clause(before: list[str]) -> bool:
    """The word before the subject ends a headline or caption: a closing quote, or a lower-case word that
    takes nothing after it in (not a function word, a verb ('to topple', 'renamed'), a possessive, a noun
    before a name or a clause ('physician Conrad Murray', 'prospects Libya's war will end'), nor a word a few
    words after a speech verb: 'told reporters Conrad Murray had')."""
    rules = load_rules()
    last = before[-1]
    if last[-1] in QUOTE_MARKS:
        if not _quote_closes(before):
            return False
    elif _takes_it_in(last) or last.endswith(("ed", "'s", "’s")) or rules["person_noun"].fullmatch(last) \
            or len(before) > 1 and before[-2] == "to":
        return False
    return not any(w.strip(",").strip(QUOTE_MARKS).lower() in rules["speech_verb_set"] for w in before[-3:])


def _quote_closes(before: list[str]) -> bool:
    """The quote mark ending `before` closes a quote opened before it (' ... to be sealed ` by Sunday '')."""
    text = " ".join(before)
    return any(mark in text[:-1] for mark in QUOTE_OPENERS[text[-1]])


def _past_the_head(text: str, at: int) -> bool:
    """`at` is beyond a headline's and a standfirst's length from the start of the lead."""
    return len(text[:at].split()) >= LEAD_GLUE_WORDS


def _takes_it_in(word: str) -> bool:
    """A lower-case word after which an acronym or a name belongs to its clause ('the', 'believes', 'oil giant',
    'saying')."""
    return word in load_rules()["acronym_lead_in_set"] or word.endswith("ing")


def glued_headline(text: str, headlines: frozenset[str]) -> bool:
    """A headline or caption run into the sentence: a lower-case word followed, with no punctuation, by a
    capitalised clause opener, or the sentence opening with another article's headline."""
    return glue_point(text) is not None or opens_with_a_headline(text, headlines)


def opens_with_a_headline(text: str, headlines: frozenset[str]) -> bool:
    """The part of `glued_headline` that needs the other articles: the sentence opens with one's headline."""
    return bool(headlines) and opens_with_headline(tokens(text)[:HEADLINE_OPENING_WORDS], headlines)


def opens_with_headline(opening: list[str], headlines: frozenset[str]) -> bool:
    """The opening words start with a whole headline and go on past it: a set lookup of each shorter run of
    opening words, so the cost does not grow with the number of articles."""
    return any(" ".join(opening[:n]) in headlines for n in range(HEADLINE_MIN_WORDS, len(opening)))


def usable(text: str, headlines: frozenset[str] = frozenset()) -> bool:
    """A sentence a reader can take out of its article: complete, not a question, its subject inside it,
    no page noise or glued headline."""
    rules = load_rules()
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or not text[:1].isupper() and text[:1] not in "\"“`'":
        return False
    end = text.rstrip("\"”’')")
    if end.endswith("?") or not end.endswith((".", "!")) or end.endswith(".."):
        return False
    if not stands_alone(text):
        return False
    if not balanced(text):
        return False
    capitals = sum(w[:1].isupper() for w in words)
    return (capitals / len(words) < 0.5 and not rules["boilerplate"].search(text) and not dangling_referent(text)
            and not glued_headline(text, headlines) and not bare_attribution(text))


def balanced(text: str) -> bool:
    """Its straight quotation marks, curly quotation marks and brackets pair up, and a quote opened with a
    grave accent (` like this ') is closed by a mark that is no apostrophe."""
    grave = text.rfind("`")
    return not text.count("\"") % 2 and all(text.count(a) == text.count(b) for a, b in PAIRS) \
        and (grave < 0 or bool(QUOTE_CLOSER.search(text, grave)))


def headline(article: Article) -> str:
    """The article's headline (its curator's title, or the one its page gives); a title made from its lead is
    no headline (it would only echo the lead)."""
    return article.title or "" if article.title_from in (None, "headline", "curator") else ""


def headlines_of(articles: list[Article]) -> frozenset[str]:
    """The articles' headlines as token strings, those of four words or more."""
    return frozenset(" ".join(words) for a in articles if len(words := tokens(headline(a))) >= HEADLINE_MIN_WORDS)


def bare_attribution(text: str) -> bool:
    """'Moussa Ibrahim, a government spokesman, told reporters in Tripoli Sunday.': who spoke, and nothing of
    what they said (that is in the sentence before). The attributions are read only where a verb or opener
    could be one: at the start, or followed by nothing but an audience, place or time."""
    cues = [*verb_matches(text), *attribution_rules()["opener"].finditer(text)]
    if not any(m.start() <= 1 or _speaks_for_nothing(text[m.end():]) for m in cues):
        return False
    return any(found.start <= 1 and _speaks_for_nothing(text[found.end:]) for found in attributions(text))


def _speaks_for_nothing(rest: str) -> bool:
    """What follows an attribution is only its audience, place or time ('told reporters in Tripoli Sunday.')."""
    if any(q in rest for q in "\"“”"):
        return False
    words = list(islice(REST_WORD.finditer(rest), BARE_REST_WORDS + 1))
    audience = load_rules()["audience_word_set"]
    return len(words) <= BARE_REST_WORDS and all(w[0][:1].isupper() or w[0].lower() in audience for w in words)


def stands_alone(text: str) -> bool:
    """Its subject is in it: it does not open with a word that leans on the sentence before ('He', 'This'),
    nor does its clause after a short opening phrase ('By Friday, it had reached the shore.'), it is not
    the opening of a quote whose speaker is named in a later sentence, and who said it is not only 'he'."""
    rules = load_rules()
    if speaker_outside(text) or said_by_a_pronoun_only(text):
        return False
    opening = OPENING_PHRASE.match(text)
    starts = [text, text[opening.end():]] if opening else [text]
    return all(rules["expletive_it"].match(start) or _opens_on_its_own(tokens(start[:30])[:2], rules["dangling_starts"])
               for start in starts)


def said_by_a_pronoun_only(text: str) -> bool:
    """'Electricity was restored by late Friday, when the city was quiet, he said.': every attribution's
    speaker is a pronoun, so who said it is in another sentence."""
    if not PRONOUN_SPEAKER.search(text):
        return False
    found = attributions(text)
    return bool(found) and all(_pronoun_speaker(text[a.start:a.end]) and not _someone_named(text[:a.end])
                               for a in found)


def _someone_named(before: str) -> bool:
    """A person the pronoun can stand for, named in the sentence up to it: a capitalised word that is not the
    sentence's first, a weekday or a month ('the Polish prime minister ... he himself said'), or a person
    noun ('the minister')."""
    names = [w for w in re.findall(r"(?<!^)\b[A-Z][a-z]+", before) if w.lower() not in NOT_NAMES]
    return bool(names) or bool(load_rules()["person_noun"].search(before))


def _pronoun_speaker(said: str) -> bool:
    words = re.findall(r"[\w'’]+", said)
    return any(w.lower() in PRONOUN_SPEAKERS for w in words) \
        and not any(w[:1].isupper() and w.lower() not in PRONOUN_SPEAKERS for w in words)


def speaker_outside(text: str) -> bool:
    """A sentence that is all quote ('"Tragic though today's death is, I would like to emphasise ..."'), opens
    one it does not close, or gives it to a pronoun and names nobody: who said it is in another sentence."""
    text = text.strip()
    if text[:1] not in "\"“":
        return False
    close = re.search(r"[\"”]", text[1:])
    return close is None or not text[close.end() + 1:].strip(" .,!?'’") or _said_by_a_pronoun(text)


def _said_by_a_pronoun(text: str) -> bool:
    """'"I am against any military intervention in Libya," he said.': outside its quote the sentence names
    nobody, and the speaker is a pronoun."""
    outside = QUOTED.sub(" ", text)
    return not re.search(r"\b[A-Z][a-z]", outside) and any(a.who is None for a in attributions(outside))


def _opens_on_its_own(first: list[str], dangling: frozenset[str]) -> bool:
    return not first or (first[0] not in dangling and " ".join(first) not in dangling)


def reporting(text: str, headlines: frozenset[str] = frozenset()) -> bool:
    """A sentence of reporting: complete, not a question, not page furniture, no glued headline or caption,
    not a writer speaking of themselves ('I had a chat with ...': a blog's aside, not news)."""
    end = text.rstrip("\"”’')")
    opening = text.lstrip("\"“‘'(")
    return (len(text.split()) >= REPORTING_MIN_WORDS and end.endswith((".", "!"))
            and (opening[:1].isupper() or opening[:1].isdigit()) and not load_rules()["first_person"].match(text)
            and not load_rules()["boilerplate"].search(text) and not glued_headline(text, headlines)
            and not bare_attribution(text))
