"""Apply the furniture rules of rules.py to one line: which rule fired, on what words, or None.

A rule names what it matched in the removal record ("login or account prompt ('sign in')"). Prompt
phrases are furniture only where a page puts a prompt (see rules.Rule); and a long paragraph of
reporting is never removed for one prompt sentence inside it: the sentence the rule fired on must make
up most of the line.
"""
from __future__ import annotations

import re

from . import rules

READER = re.compile(r"\b(?:you|your|yours|please)\b", re.I)
QUOTE_MARKS = re.compile(r"[\"“”«»`]|''")
SENTENCES = re.compile(r"[^.!?]+(?:[.!?]+[\"”’']*|$)")
SENTENCE_STOP = ".!?:|•·»>›–—-*"
LONG_LINE_WORDS = 25
FURNITURE_SHARE = 0.5


def _sentence(text: str, position: int) -> tuple[int, int]:
    """Start and end of the sentence of `text` that holds `position`."""
    for match in SENTENCES.finditer(text):
        if match.start() <= position < match.end():
            return match.start(), match.end()
    return 0, len(text)


def _at_prompt_position(text: str, match: re.Match[str]) -> bool:
    """The phrase opens the line or a sentence in it, or is glued on capitalised after a sentence's last
    (lower-case) word: '... to this report Sign up for alerts', not '... the Orange County Register'."""
    before = text[: match.start()].rstrip()
    if not before or before[-1] in SENTENCE_STOP:
        return True
    previous = before.split()[-1]
    return text[match.start()].isupper() and previous[-1].isalnum() and not previous[:1].isupper()


def _prompt_counts(text: str, match: re.Match[str]) -> bool:
    if rules.INLINE_SEPARATORS.search(text.strip()) or _at_prompt_position(text, match):
        return True
    start, end = _sentence(text, match.start())
    sentence = text[start:end]
    return bool(READER.search(sentence)) and not QUOTE_MARKS.search(sentence)


def _minor_part_of_prose(text: str, match: re.Match[str]) -> bool:
    """One sentence of a long paragraph: the paragraph is reporting, whatever that sentence says."""
    words = len(text.split())
    if words < LONG_LINE_WORDS:
        return False
    start, end = _sentence(text, match.start())
    return len(text[start:end].split()) < FURNITURE_SHARE * words


def furniture_reason(text: str) -> str | None:
    """'<rule> (<matched words>)' for the first rule that makes the line furniture, else None."""
    for rule in rules.FURNITURE:
        for match in rule.pattern.finditer(text):
            if rule.where == "prompt" and not _prompt_counts(text, match):
                continue
            if rule.where == "prompt" and _minor_part_of_prose(text, match):
                continue
            matched = " ".join(match.group(0).split())[:40].strip(" .,:;")
            return f"{rule.reason} ({matched.lower()!r})" if matched else rule.reason
    return None
