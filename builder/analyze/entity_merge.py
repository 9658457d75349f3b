"""Which names are one entity: curated aliases, the gazetteer's spellings, acronym definitions, spelling
variants, initials, short forms.

Every rule looks names up in an index (a spelling skeleton, one-letter deletions, initials, the words of a
name), so no rule compares all pairs of names. A match the rules cannot settle becomes a warning for the
curator: 'possible same entity: X / Y'.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from .entity_names import Name, first_name_votes
from .known_names import known_spellings, load_gazetteer, name_key
from .mentions import load_rules

SPELLING_MATCH = 75
SHORT_SPELLING_MATCH = 80
SPELLING_DOUBT = 65
BUCKET_LIMIT = 30
VARIANT_MIN_LETTERS = 5  # 'Ukrane'/'Ukraine' are one place; 'Iran'/'Iraq' are two
PERSON_VARIANT_MIN_LETTERS = 7  # 'Elisabeth'/'Elizabeth' are one person; 'Harry'/'Barry' and 'Tom'/'Tim' are two
MISSPELLING = 3
SPELLED_OUT = 3  # an acronym is spelled out 'beside' it in a third of the articles that write it ('GP' is not Graeme Pacitti)
BESIDE = 3  # a short form is written beside the full name in a third of its articles
DOMINANCE = 3  # a surname goes to the person it stands beside in 3 times as many articles as any other
ARTICLES = {"al", "el", "ad", "the"}
COMPOUND_GIVEN = re.compile(r"^\S+ (?:al|el|ad|ud|bin|ibn|abu|abd|abdel|abdul) \S+ \S+")


class Groups:
    """Union-find over name keys: `root(key)` is the entity a name currently belongs to."""

    def __init__(self, keys: list[str]):
        self.parent = {k: k for k in keys}
        self.marks: dict[str, frozenset[str]] = {}

    def mark(self, key: str, label: str) -> None:
        root = self.root(key)
        self.marks[root] = self.marks.get(root, frozenset()) | {label}

    def marked(self, key: str, label: str) -> bool:
        """The entity `key` belongs to holds a name marked `label`."""
        return label in self.marks.get(self.root(key), frozenset())

    def mixes(self, a: str, b: str, one: str, other: str) -> bool:
        """Joining a and b would put a name marked `one` and a name marked `other` in one entity."""
        return self.marked(a, one) and self.marked(b, other) or self.marked(a, other) and self.marked(b, one)

    def root(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
            if max(ra, rb) in self.marks:
                self.marks[min(ra, rb)] = self.marks.get(min(ra, rb), frozenset()) | self.marks.pop(max(ra, rb))

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for key in sorted(self.parent):
            out[self.root(key)].append(key)
        return out


def generic_suffix_targets(keys: set[str]) -> dict[str, str]:
    """'euphrates river' -> 'euphrates' when 'Euphrates' is also written, 'transocean holdings llc' ->
    'transocean', 'afp news agency' -> 'afp'; 'wood group' stays when 'Wood' is not written."""
    suffixes = load_rules()["generic_suffixes"]
    longest = max(len(s.split()) for s in suffixes)
    targets = {}
    for key in keys:
        words = key.split()
        while len(words) > 1:
            cut = next((n for n in range(min(longest, len(words) - 1), 0, -1)
                        if " ".join(words[-n:]) in suffixes), 0)
            if not cut:
                break
            words = words[:-cut]
            if " ".join(words) in keys:
                targets[key] = " ".join(words)
                break
    return targets


def generic_prefix_targets(keys: set[str]) -> dict[str, str]:
    """'us centers for disease control and prevention' -> 'centers for disease control and prevention'
    when that is also written; the rest must be two words or more ('us army' stays)."""
    targets = {}
    for prefix in load_rules()["generic_prefixes"]:
        for key in keys:
            rest = key[len(prefix) + 1:]
            if key.startswith(prefix + " ") and len(rest.split()) >= 2 and rest in keys:
                targets[key] = rest
    return targets


def join_listed(names: dict[str, Name], groups: Groups, listed: list[list[str]]) -> None:
    """Join names the text or the curator says are one: acronym definitions and aliases.yml entries."""
    for spellings in listed:
        present = [k for k in map(name_key, spellings) if k in names]
        for key in present[1:]:
            groups.join(present[0], key)


def skeleton(key: str) -> str:
    """A spelling key for transliterations: first letter, then consonants without doubles.

    'Raqqa'/'Raqa' -> 'rq', 'Hezbollah'/'Hizbullah' -> 'hzblh', 'Deir Ezzor'/'Deir el-Zour' -> 'drzr'.
    """
    joined = "".join(w for w in key.split() if w not in ARTICLES)
    if not joined:
        return ""
    head = "V" if joined[0] in "aeiouy" else joined[0]
    return head + re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy\d]", "", joined[1:]))


def spelling_score(a: Name, b: Name) -> float:
    plain_a = "".join(w for w in a.words if w not in ARTICLES)
    plain_b = "".join(w for w in b.words if w not in ARTICLES)
    return fuzz.ratio(plain_a, plain_b)


def mark_surnames_and_listed(names: dict[str, Name], groups: Groups) -> None:
    """A person's surname written alone is that surname, not a spelling of a place or organisation the gazetteer
    lists ('Cameron', of David Cameron, is not Cameroon, nor through its misspelling 'Caemroon'): the spelling
    merges never put the two in one entity."""
    listed = load_gazetteer()
    for name in names.values():
        if name.type == "person" and len(name.words) >= 2 and name.words[-1] in names:
            groups.mark(name.words[-1], "surname")
        if listed.get(name.key, "person") != "person":
            groups.mark(name.key, "listed")


def join_spellings(names: dict[str, Name], groups: Groups) -> list[tuple[str, str]]:
    """Merge transliteration variants within each skeleton bucket; return the pairs left in doubt."""
    buckets: dict[str, list[Name]] = defaultdict(list)
    for name in names.values():
        if not name.is_acronym:
            buckets[skeleton(name.key)].append(name)
    doubts = []
    for bucket in buckets.values():
        bucket = sorted(bucket, key=lambda n: (-len(n.mentions), n.key))[:BUCKET_LIMIT]
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if not groups.mixes(a.key, b.key, "surname", "listed"):
                    doubts += _compare_spelling(a, b, groups)
    return doubts


def may_be_one(a: Name, b: Name) -> bool:
    """Two spellings may be one entity: types agree (a rare misspelling takes the type of the spelling written
    MISSPELLING times as often), the gazetteer does not list both, and two people's names are not seen side by
    side in one article ('Tom Smith and Tim Smith')."""
    rare = min(len(a.mentions), len(b.mentions)) * MISSPELLING <= max(len(a.mentions), len(b.mentions))
    same_type = not a.type or not b.type or a.type == b.type or rare and "person" not in (a.type, b.type)
    both_listed = a.key in load_gazetteer() and b.key in load_gazetteer()
    person = "person" in (a.type, b.type)
    return same_type and not both_listed and not (person and a.articles & b.articles)


def differing_words_are_long(a: Name, b: Name) -> bool:
    """A person's spellings may differ only in long words: 'Tom'/'Tim Smith' are two people."""
    if len(a.words) != len(b.words):
        return False
    return all(min(len(x), len(y)) >= PERSON_VARIANT_MIN_LETTERS for x, y in zip(a.words, b.words) if x != y)


def _compare_spelling(a: Name, b: Name, groups: Groups) -> list[tuple[str, str]]:
    if groups.root(a.key) == groups.root(b.key):
        return []
    score = spelling_score(a, b)
    needed = SHORT_SPELLING_MATCH if min(len(a.key), len(b.key)) < 6 else SPELLING_MATCH
    person_ok = "person" not in (a.type, b.type) or differing_words_are_long(a, b)
    if score >= needed and may_be_one(a, b) and person_ok:
        groups.join(a.key, b.key)
        return []
    return [(a.key, b.key)] if score >= SPELLING_DOUBT else []


def one_letter_buckets(names: dict[str, Name]) -> dict[tuple, set[str]]:
    """Names by each word with one letter deleted (and as it is), the other words kept: two names that share
    a bucket differ in one word by at most a letter or two ('elisabeth byrs' and 'elizabeth byrs' share
    'elisabeth' minus 's' = 'elizabeth' minus 'z'). Only words of VARIANT_MIN_LETTERS letters or more."""
    buckets: dict[tuple, set[str]] = defaultdict(set)
    for name in names.values():
        if name.is_acronym:
            continue
        words = name.words
        for i, word in enumerate(words):
            if len(word) < VARIANT_MIN_LETTERS:
                continue
            for variant in {word} | {word[:j] + word[j + 1:] for j in range(len(word))}:
                buckets[(tuple(words[:i]), variant, tuple(words[i + 1:]))].add(name.key)
    return buckets


def one_letter_apart(a: Name, b: Name) -> bool:
    """One edit (a letter added, dropped, changed or two swapped) in one word, not to its first letter, and not
    a plural's 's' (the Jacksons are not Jackson), except for organisations ('Socialists', 'Socialist'), nor a
    demonym's 'n'."""
    pairs = [(x, y) for x, y in zip(a.words, b.words) if x != y]
    if len(a.words) != len(b.words) or len(pairs) != 1:
        return False
    x, y = pairs[0]
    if x[0] != y[0]:  # 'al-Qaida' and 'al-Baida' (a town): a typo seldom changes a word's first letter
        return False
    plural = len(a.words) == 1 and (x == y + "s" or y == x + "s") and "organisation" not in (a.type, b.type)
    demonym = x == y + "n" or y == x + "n"  # 'Burma' and 'Burman', 'Kenya' and 'Kenyan'
    short_for_a_person = "person" in (a.type, b.type) and min(len(x), len(y)) < PERSON_VARIANT_MIN_LETTERS
    return OSA.distance(x, y) == 1 and not plural and not demonym and not short_for_a_person


def join_one_letter_variants(names: dict[str, Name], groups: Groups) -> None:
    """'Elisabeth Byrs' = 'Elizabeth Byrs', 'Disaster Emergency Committee' = 'Disasters Emergency Committee'."""
    for bucket in one_letter_buckets(names).values():
        if len(bucket) < 2 or len(bucket) > BUCKET_LIMIT:
            continue
        keys = sorted(bucket)
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                first, second = names[a], names[b]
                if groups.mixes(a, b, "surname", "listed"):
                    continue
                if groups.root(a) != groups.root(b) and one_letter_apart(first, second) and may_be_one(first, second):
                    groups.join(a, b)


def initials(name: Name) -> set[str]:
    """'HPA' for 'Health Protection Agency'; 'DH' and 'DOH' for 'Department of Health'."""
    connectors = load_rules()["connectors"]
    words = [w for w in name.words if w not in connectors]
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words).upper(), "".join(w[0] for w in name.words).upper()}


def join_acronyms(names: dict[str, Name], groups: Groups) -> list[tuple[str, str]]:
    """'HPA' = 'Health Protection Agency': an acronym joins the one entity with those initials, preferring the
    names an article writes beside it; a two-letter one joins only those. An acronym the gazetteer knows
    ('UN') joins through its listed spellings only, so it is never 'University of Nottingham'."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for name in names.values():
        if name.type != "person":
            for letters in initials(name):
                by_initials[letters].append(name.key)
    doubts = []
    for name in names.values():
        if not name.is_acronym:
            continue
        if name.key in load_gazetteer():
            continue
        spelled_out = by_initials.get(name.key.upper(), [])
        beside = [k for k in spelled_out if SPELLED_OUT * len(names[k].articles & name.articles) >= len(name.articles)]
        unsure = len(name.key) < 3  # two letters stand for too much: only a name written beside them
        roots = sorted({groups.root(k) for k in (beside or ([] if unsure else spelled_out))} - {groups.root(name.key)})
        if len(roots) == 1:
            groups.join(name.key, roots[0])
        doubts += [(name.key, root) for root in roots] if len(roots) > 1 else []
    return doubts


def short_form_targets(name: Name, names: dict[str, Name], by_word: dict[str, set[str]]) -> list[str]:
    """Longer names this one can stand for: a person's surname ('Assad', 'Megrahi' whatever the model took it
    for), an organisation's head ('Observatory'). A name the gazetteer lists ('Bloomberg', 'Exxon') stands for
    what it lists, not for a longer name ('Michael Bloomberg', 'Exxon Valdez')."""
    words = name.words
    heads = load_rules()["generic_heads"]
    keys = set.intersection(*(by_word.get(w, set()) for w in words)) if words else set()
    listed = name.key in load_gazetteer()
    targets = []
    for key in keys:
        long = names[key]
        if len(long.words) <= len(words) or listed:
            continue
        if long.type == "person" and long.words[-len(words):] == words:
            targets.append(key)
        elif (long.type == "organisation" and len(words) == 1 and words[0] not in heads
              and name.type != "place"):
            targets.append(key)
    return targets


def first_and_last(name: Name) -> str | None:
    """'richard butler' for 'Richard Girnt Butler': a person without middle names. A generational suffix names
    another person ('Michael Joseph Jackson Jr' is Michael Jackson's son), and 'Saif al-Islam Gadhafi' has no
    middle name: 'al-Islam' is part of his given name, and his brother Saif al-Arab Gadhafi is someone else."""
    if name.words and name.words[-1] in load_rules()["name_suffixes"]:
        return None  # 'Michael Joseph Jackson Jr' is the son, not Michael Jackson
    words = name.words
    if len(words) < 3 or COMPOUND_GIVEN.search(name.key):
        return None
    return f"{words[0]} {words[-1]}"


def join_middle_names(names: dict[str, Name], groups: Groups) -> None:
    """A person written with a middle name, initial or suffix is the person written without them, unless the
    dossier writes two sets of middle initials for that name: George W. Bush and George H. W. Bush are two
    people, and neither is joined to 'George Bush'."""
    by_plain: dict[str, list[Name]] = defaultdict(list)
    for name in names.values():
        plain = first_and_last(name) if name.type in ("person", "") else None
        if plain in names and names[plain].type in ("person", ""):
            by_plain[plain].append(name)
    for plain, written in by_plain.items():
        initials = {middle_initials(n) for n in written} - {None}
        for name in written:
            if len(initials) < 2 or middle_initials(name) is None:
                groups.join(name.key, plain)


def join_given_name_forms(names: dict[str, Name], groups: Groups) -> None:
    """'Ed Chernoff' is Edward Chernoff, 'Joe Jackson' Joseph Jackson, when the dossier writes both."""
    forms = load_rules()["given_name_forms"]
    for name in names.values():
        if name.type not in ("person", "") or len(name.words) < 2 or name.words[0] not in forms:
            continue
        formal = " ".join([forms[name.words[0]], *name.words[1:]])
        if formal in names and names[formal].type in ("person", ""):
            groups.join(name.key, formal)


def middle_initials(name: Name) -> str | None:
    """'hw' for 'George H. W. Bush' or 'George HW Bush'; None when a middle word is a name ('Barack Hussein
    Obama') or there is none."""
    middle = [w.strip(".") for w in name.words[1:-1] if w not in load_rules()["name_suffixes"]]
    return "".join(middle) if middle and all(len(w) <= 2 for w in middle) else None


def join_short_forms(names: dict[str, Name], groups: Groups) -> list[tuple[str, str]]:
    by_word: dict[str, set[str]] = defaultdict(set)
    for name in names.values():
        for word in set(name.words):
            by_word[word].add(name.key)
    for key in (k for k, n in names.items() if n.type == "place"):
        groups.mark(key, "place")
    given = first_name_votes(names)
    doubts = []
    for name in sorted(names.values(), key=lambda n: (-len(n.articles), n.key)):
        if name.is_acronym or len(name.words) > 2 or stands_for_someone(name, names, groups, by_word):
            continue
        targets = short_form_targets(name, names, by_word)
        people = [k for k in targets if names[k].type == "person"]
        targets = people or targets  # a surname stands for a person before any organisation named after one
        roots = sorted({groups.root(k) for k in targets} - {groups.root(name.key)})
        doubtful = len(name.words) == 1 and name.words[0] in given
        single = roots[0] if len(roots) == 1 and (not doubtful or named_beside(name, targets, roots[0], names, groups)) \
            else None
        chosen = single if len(roots) == 1 else dominant_root(name, targets, names, groups) if people else None
        chosen = chosen or (first_name_target(name, names, by_word, groups) if not targets else None)
        if chosen and people and groups.marked(name.key, "place"):
            doubts.append((name.key, chosen))  # 'Hague', joined to The Hague, is not also William Hague
        elif chosen:
            groups.join(name.key, chosen)
        doubts += [(name.key, root) for root in roots] if len(roots) > 1 and not chosen else []
    return doubts


def named_beside(short: Name, targets: list[str], root: str, names: dict[str, Name], groups: Groups) -> bool:
    """A word the dossier uses as a first name stands for the one person who has it as a surname only when at
    least one in BESIDE of the articles that write it also name that person in full: 'Michael' in 47 articles
    about Michael Jackson is not Alun Michael, named in one of them."""
    full = set().union(*(names[k].articles for k in targets if groups.root(k) == root))
    return BESIDE * len(full & short.articles) >= len(short.articles)


def stands_for_someone(name: Name, names: dict[str, Name], groups: Groups, by_word: dict[str, set[str]]) -> bool:
    """A short form already joined, as a spelling of a commoner short form, to a person named in full ('al-Gadhafi'
    with 'Gadhafi', which stands for Moammar Gadhafi): it stands for that person, not for a second one. Short
    forms are read commonest first, so the one with the most evidence decides."""
    root = groups.root(name.key)
    return any(k != name.key and groups.root(k) == root and is_full_name(names[k])
               for w in name.words for k in by_word.get(w, ()))


def is_full_name(name: Name) -> bool:
    """A person's given name and surname ('Moammar Gadhafi'), not a surname with its article ('al-Gadhafi')."""
    return name.type == "person" and len(name.words) >= 2 and name.words[0] not in ARTICLES


def first_name_target(name: Name, names: dict[str, Name], by_word: dict[str, set[str]], groups: Groups) -> str | None:
    """'Fergus' is Fergus Walsh when most articles that write 'Fergus' name him in full, and no one else."""
    if len(name.words) != 1 or name.type == "place" or load_gazetteer().get(name.key, "person") != "person":
        return None
    people = [k for k in by_word.get(name.words[0], ()) if len(names[k].words) > 1
              and names[k].words[0] == name.words[0] and names[k].type == "person"]
    beside = {groups.root(k) for k in people if names[k].articles & name.articles}
    if len(beside) != 1:
        return None
    root = beside.pop()
    together = set().union(*(names[k].articles for k in people if groups.root(k) == root)) & name.articles
    return root if 2 * len(together) >= len(name.articles) else None


def dominant_root(short: Name, targets: list[str], names: dict[str, Name], groups: Groups) -> str | None:
    """The entity a shared short form stands for: of the articles that write 'Obama', count those that name
    only Barack Obama in full and those that name only Michelle Obama; one must lead by DOMINANCE times."""
    by_root: dict[str, set[str]] = defaultdict(set)
    for key in targets:
        if groups.root(key) != groups.root(short.key):
            by_root[groups.root(key)] |= names[key].articles & short.articles
    alone: Counter = Counter()
    for article in short.articles:
        present = [root for root, articles in by_root.items() if article in articles]
        if len(present) == 1:
            alone[present[0]] += 1
    needed = 1
    if not alone:  # no article names one of them alone: the dossier's prominence decides
        needed = 2
        for key in targets:
            if groups.root(key) != groups.root(short.key):
                alone[groups.root(key)] = max(alone[groups.root(key)], len(names[key].articles))
    ranked = alone.most_common(2) + [("", 0), ("", 0)]
    (best, first), (_, second) = ranked[0], ranked[1]
    return best if best and first >= needed and first >= DOMINANCE * second else None


def merge_names(names: dict[str, Name], definitions: list[tuple[str, str]],
                aliases: dict[str, list[str]]) -> tuple[Groups, list[tuple[str, str]]]:
    """Group names into entities; also return the pairs of keys that may be one entity but were not joined."""
    groups = Groups(sorted(names))
    keys = set(names)
    for key, target in sorted({**generic_suffix_targets(keys), **generic_prefix_targets(keys)}.items()):
        groups.join(key, target)
    join_listed(names, groups, [[canonical, *listed] for canonical, listed in aliases.items()])
    join_listed(names, groups, known_spellings())
    join_listed(names, groups, [list(pair) for pair in definitions])
    join_middle_names(names, groups)
    join_given_name_forms(names, groups)
    mark_surnames_and_listed(names, groups)
    doubts = join_spellings(names, groups)
    join_one_letter_variants(names, groups)
    doubts += join_acronyms(names, groups)
    doubts += join_short_forms(names, groups)
    return groups, [(a, b) for a, b in doubts if groups.root(a) != groups.root(b)]
