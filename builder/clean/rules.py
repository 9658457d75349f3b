"""What page furniture looks like, as data. The code in blocks.py and meta.py applies these tables.

Every pattern here follows from how news pages are built (menus, share bars, comment widgets,
login prompts, credits), never from one particular page.
"""
from __future__ import annotations

import re
from typing import NamedTuple

WIRE_AGENCIES: dict[str, str] = {
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "dpa": "dpa", "deutsche presse-agentur": "dpa", "ansa": "ANSA", "efe": "EFE", "xinhua": "Xinhua",
    "bloomberg": "Bloomberg", "upi": "UPI", "united press international": "UPI", "pa": "PA",
    "press association": "PA", "anadolu agency": "Anadolu Agency", "aa": "Anadolu Agency", "ians": "IANS",
    "pti": "PTI", "press trust of india": "PTI", "ani": "ANI", "kyodo": "Kyodo", "kyodo news": "Kyodo",
    "yonhap": "Yonhap", "tass": "TASS", "ria novosti": "RIA Novosti", "aap": "AAP", "cp": "CP",
    "the canadian press": "CP", "canadian press": "CP", "mena": "MENA", "wam": "WAM", "irna": "IRNA",
    "kuna": "KUNA", "spa": "SPA", "bernama": "Bernama", "antara": "Antara", "nyt news service": "NYT",
    "new york times news service": "NYT",
}

AGENCY_NAMES = "|".join(sorted((re.escape(k) for k in WIRE_AGENCIES), key=len, reverse=True))

CMS_ACCOUNTS = {"admin", "administrator", "editor", "editors", "webmaster", "staff", "web desk", "webdesk",
                "news desk", "newsdesk", "desk", "online desk", "web team", "site admin", "author", "guest",
                "anonymous", "anon", "user", "moderator", "team", "root", "publisher", "content team"}

JOB_TITLE = re.compile(r"\s*\b(?:(?:senior|chief|staff|business|political|foreign|sports?|special|contributing|"
                       r"associate|managing|deputy|science|health)\s+)*(?:writer|columnist|correspondent|"
                       r"reporter|editor|contributor)s?\b.*$", re.I)

STAFF_CREDIT = re.compile(r"\b(?:staff|desk|newsroom|bureau|team)\b", re.I)

FORUM_MARKERS = re.compile(
    r"\b(?:\d+\s+views?|\d+\s+comments?|\d+\s+repl(?:y|ies)|following|followers?|posts?:|joined|"
    r"quote|report post|report (?:as )?abus(?:e|ive)|permalink|sfw|nsfw|reputation|karma)\b", re.I)

class Rule(NamedTuple):
    """A furniture rule. `where` says when a match makes the line furniture:
    - "line": the pattern matches the whole line (a menu item, a share bar, 'Advertisement');
    - "anywhere": the phrase is furniture wherever it stands ('click here', '©', 'all rights reserved');
    - "prompt": the phrase is a prompt only where it opens the line or one of its sentences (also glued
      to the end of a sentence: '... contributed to this report Sign up for alerts'), in a link bar, or in
      a sentence addressed to the reader ('if you register', 'please sign in'); lower case inside a
      sentence of reporting it is prose ('continued to sign up subscribers', 'cookie cutter plans')."""

    reason: str
    pattern: re.Pattern[str]
    where: str


def _i(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# An opinion piece's disclaimer opens so ('The views expressed in this commentary are solely those of ...'); the
# furniture rule, OPINION_NOTE and ARTICLE_END below each say how it goes on.
VIEWS_EXPRESSED = r"(?:views|opinions) expressed (?:in this [a-z]+ )?are "

FURNITURE: list[Rule] = [
    Rule("newsletter prompt", _i(r"\bdelivered (?:straight )?to your inbox\b|\bsign up for (?:our|the|free|daily) "
                                 r"(?:\w+ )?(?:newsletters?|alerts?|e-?mails?)\b|\bsubscribe to (?:our|the) "
                                 r"(?:\w+ )?newsletters?\b"), "anywhere"),
    Rule("newsletter prompt", _i(r"\b(?:newsletters?|sign up for|subscribe to)\b"), "prompt"),
    Rule("login or account prompt", _i(r"\b(?:forgot(?:ten)?\s*(?:your\s+)?password|already a subscriber|subscribe now|"
                                       r"(?:log|sign) ?in to (?:comment|reply|post|continue|read|save)|you must be "
                                       r"(?:logged|signed) in|log ?out|not a member\?)"), "anywhere"),
    Rule("login or account prompt", _i(r"(?<![\w-])(?:log ?in|sign ?in|sign ?up|register|remember me|my account|"
                                       r"create an? (?:free )?account|subscribe)\b"), "prompt"),
    Rule("share or follow bar", _i(
        r"^(?:share|tweet|pin|email|print|whatsapp|facebook|twitter|linkedin|reddit|telegram|copy link|"
        r"follow us|share this(?: article| story)?|share on \w+|send|save|comments?)(?:\W+(?:share|tweet|pin|"
        r"email|print|whatsapp|facebook|twitter|linkedin|reddit|telegram|copy link|save|comments?))*\W*$"), "line"),
    Rule("link prompt", _i(r"\b(?:click|clic|tap) here\b"), "anywhere"),
    Rule("link prompt", _i(r"\b(?:read|see|view) (?:more|full|the full)\b|\bcontinue reading\b|"
                           r"\bread (?:our|the) (?:complete|full|whole|latest) (?:story|article|report)\b|"
                           r"\b(?:check out|see|follow) our (?:full|complete|latest|live) coverage\b|"
                           r"\bhere to (?:read|view|see|continue|download|watch|subscribe)\b"), "prompt"),
    Rule("cookie or consent notice", _i(r"\b(?:uses?|use of|accept(?: all)?|about|our) cookies\b|"
                                        r"\bcookie (?:policy|settings|preferences|notice|consent)\b|\bgdpr\b"), "anywhere"),
    Rule("cookie or consent notice", _i(r"\b(?:cookies?|privacy (?:policy|statement|notice)|terms (?:of|and) "
                                        r"(?:use|service|conditions)|user agreement)\b"), "prompt"),
    Rule("copyright line", re.compile(r"©|\([cC]\)\s*(?:\d{4}|[A-Z])|(?i:\bcopyright\b)\s*(?:©|\([cC]\)|\d{4})|"
                                      r"(?i:\ball rights? reserved\b)"), "anywhere"),
    Rule("copyright line", _i(r"\bcopyright\b"), "prompt"),
    Rule("advertising", _i(r"^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted|"
                           r"story continues below(?: advertisement)?|scroll to continue)\W*$"), "line"),
    Rule("image notice", _i(r"\bthis (?:image|photo|picture) (?:will be|has been) (?:automatically )?"
                            r"(?:disabled|removed|reported)|\bthank you for reporting\b"), "anywhere"),
    Rule("image notice", _i(r"^(?:image|photo|video|graphic) ?(?:credit|source)?:?\s*$"), "line"),
    Rule("comment widget", _i(
        r"^(?:no comments?(?: found| yet)?|\d+ comments?|comments?(?: \(\d+\))?|leave a (?:comment|reply)|"
        r"post a comment|add (?:a|your) comment|join the (?:discussion|conversation)|comment as\b.*|"
        r"reader comments|show comments|view comments|comment on this (?:story|article)|your comments|"
        r"have your say|send us your comments)\W*$"), "line"),
    Rule("comment widget", _i(r"\b(?:your comments|comments? (?:are|is) (?:closed|moderated|not pre-screened|"
                              r"subject to)|comments to this entry are closed|report (?:as )?abus(?:e|ive)|"
                              r"commenting (?:has|is) (?:now )?closed|this topic has now closed)\b"), "prompt"),
    Rule("comment widget", _i(r"\b(?:in|leave|post|add) (?:your |the |a )?comments? below\b"), "prompt"),
    Rule("opinion disclaimer", _i(rf"^(?:the )?{VIEWS_EXPRESSED}(?:solely |entirely )?"
                                  r"(?:those of|his|hers|her|their|the author)\b(?:[^.!?—–-]|(?<=\w)-(?=\w))*[.!?]?\s*$"), "line"),
    Rule("author note", re.compile(r"^(?:[-*•]\s*)?(?:[Tt]he author|[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}) is an? "
                                   r"(?:[A-Z][\w.'’-]*\s){0,3}(?:columnist|contributor|commentator)\b[^.!?]{0,80}[.!?]?\s*$"),
         "line"),
    Rule("reader contribution prompt", _i(r"\byour feedback will help\b|\b(?:share|send(?: us)?) your (?:photos|"
                                          r"pictures|videos?|stories)\b|\bthis screen name will be\b"), "prompt"),
    Rule("site edition prompt", _i(r"\bmake this your default edition\b|\bset (?:this|your) edition\b"), "prompt"),
    Rule("navigation", _i(r"^(?:home|menu|search|skip to (?:main )?content|back to top|top|next|previous|"
                          r"prev|random|more|close|open|toggle navigation|main menu|help)\W*$"), "line"),
    Rule("related links", _i(r"^(?:related(?: (?:articles|stories|news|content|coverage|topics|links))?|"
                             r"more (?:about|news|from|stories|on)\b[^.!?]{0,60}|latest(?: news)?|top (?:news|stories)|"
                             r"most (?:read|popular|viewed|shared)|recommended(?: for you)?|"
                             r"you (?:may|might) also like|trending(?: now)?|editor'?s? picks?|"
                             r"(?:tags?|topics?|filed under|categories?):[^.!?]{0,120})\W*$"), "line"),
    Rule("link list with counts", re.compile(r"^[^.!?]{1,120}\s\(\d+\)$"), "line"),
    Rule("crawl or archive notice", _i(r"\bWARC files?\b|\bwayback machine\b|\b(?:these|this) crawls? (?:is|are|was|"
                                       r"were)\b|\bcrawls? of supported\b|\bthis (?:page|article|story|site|blog|report) "
                                       r"(?:has been|was|is) (?:archived|no longer (?:being )?updated)\b"), "anywhere"),
    Rule("crawl or archive notice", _i(r"\binternet archive\b|\bno longer (?:being )?updated\b|\barchived\b"), "prompt"),
    Rule("page update stamp", _i(r"\bpage last updated\b|^last updated\b"), "anywhere"),
    Rule("live-blog link list", _i(r"\s[-–—]\s*\d{1,3}\s*(?:hrs?|hours?|mins?|minutes?|secs?|seconds?|days?)\s+ago\b"),
         "anywhere"),
]

COMMENT_SECTION_START = re.compile(
    r"^\W*(?:no comments? found|\d+ (?:comments?|responses?|replies|thoughts)(?: (?:to|on) .*)?|your comments|"
    r"have your say|send us your comments|this (?:post|entry|story|article) (?:received|has) \d+ comments|"
    r"[\w.-]+(?: [\w.-]+){0,3} (?:says|commented):|"
    r"(?:(?:top|best|most|highest)[- ]rated |most recent |latest |newest |reader |readers' |user )?comments"
    r"(?: \(\d+\))?|leave a (?:comment|reply)|post a comment|add (?:a|your) comment|"
    r"join the (?:discussion|conversation)|comment as\b.*|show comments|view comments|"
    r"your (?:name|e-?mail)\b.*|(?:the )?views expressed in (?:the )?comments (?:do not|don't) (?:represent|reflect)\b.*|"
    r"interested to know which ones made it on air\?)"  # CNN's Cafferty File, before its readers' answers
    r"\W*$", re.I)

# A comment's signature ('At 9:59 pm on 09 Jun 2009, Gates wrote:', 'Posted by: bregenz |', 'Report abuse').
COMMENT_SIGNATURE = re.compile(
    r"^at \d{1,2}[:.]\d{2}\s*[ap]\.?m\.? on \d{1,2} \w{3,9},? \d{4},? [^:]{1,60}? wrote:|"
    r"\bposted by:? [\w.@-]+(?: [\w.@-]+)?\s*(?:\||$|at \d|on [A-Z])|\breport (?:as )?abus(?:e|ive)\b|"
    r"^[\w.@-]{2,30} (?:wrote|writes|says|commented):\s|^sent:\s|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*\|\s*reply\b",
    re.I)

# An opinion piece's disclaimer: its sentences are its author's views, not the outlet's reporting.
OPINION_NOTE = re.compile(rf"\b{VIEWS_EXPRESSED}(?:solely |entirely )?(?:those "
                          r"of|his|hers|her own|his own|their own|the author'?s)", re.I)

# Where an opinion piece or a wire story ends; what follows and is signed is reader comments.
ARTICLE_END = re.compile(rf"^(?:the )?{VIEWS_EXPRESSED}(?:solely )?(?:those of|his|her|"
                         r"their|the author)|^\((?:additional )?(?:reporting|writing|editing) by\b", re.I)

CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b|[ECMP][SD]T\b|GMT\b|BST\b|UTC\b)|\b\d{1,2}:\d{2}\b", re.I)

FOOTER_START = re.compile(r"(?:(?:©|\(c\)|copyright)\s*(?:\d{4}|[A-Z]\w+.{0,60}\b(?:19|20)\d\d\b)|"
                          r"\ball rights reserved\b)", re.I)

TITLE_SEPARATORS = re.compile(r"\s+[|–—\-:»·•]+\s+|\s*\|\s*|\s+-{2,}\s+")

INLINE_SEPARATORS = re.compile(r"(?:\s*[|•·»«◦▪►●■]\s*|\u00a0{2,}|\s{3,}|\t)")

TERMINAL_PUNCTUATION = tuple(".!?\"'”’»)…:;。！？」』）")

SENTENCE_END = re.compile(r"[a-z\d)”\"'][.!?。！？](?=\s+[A-Z“\"'‘]|[^\s\w])")

ATTRIBUTION_DASHES = ("—", "–", "-", "―")

ENUMERATOR = re.compile(r"^(?P<n>\d{1,2})[.)]\s+\S")

NUMERIC_CELL = re.compile(r"^[-+−]?[$€£¥]?\d[\d.,:/%'’-]*[%a-z]{0,3}$", re.I)

CELL_SEPARATORS = re.compile(r"\s*(?:\t+|[|»]|\u00a0{2,}|\s{3,})\s*")
LONG_CELL_WORDS = 12

DATELINE_STOPWORDS = {"update", "updated", "analysis", "opinion", "comment", "editorial", "watch", "video",
                      "photo", "photos", "note", "editor's note", "exclusive", "breaking", "live", "read",
                      "listen", "source", "sources", "warning", "correction", "q", "a", "by"}

PUBLISHED_IN = re.compile(r"^(?:first\s+)?published\s+(?:in|by|on)\s+(?P<outlet>.+?)(?:\s+on\s+(?P<date>.+))?$",
                          re.I)

CREDIT_LINE = re.compile(
    rf"^[\s\-–—(/]*(?P<agency>{AGENCY_NAMES})(?:\s*(?:/|and|,)\s*(?:{AGENCY_NAMES}))*[\s)\-–—.]*$", re.I)

BYLINE = re.compile(r"^(?:(?P<verb>posted|written|reported|story|text|words|photos?)\s+)?(?:by|von|par|por|di|door)\s+"
                    r"(?P<who>.+)$", re.I)

STAFF_WORDS = {"staff", "desk", "newsroom", "bureau", "team"}

# Words of a byline's tail ('CNN National Security Producer', 'Business reporter, BBC News'): never a name.
ROLE_WORDS = {"writer", "writers", "columnist", "correspondent", "reporter", "reporters", "editor", "editors",
              "contributor", "producer", "analyst", "photographer", "commentator", "presenter", "blogger",
              "special", "senior", "chief", "staff", "business", "political", "foreign", "national", "international",
              "security", "science", "health", "sports", "sport", "deputy", "associate", "managing", "contributing",
              "economics", "environment", "technology", "defence", "defense", "legal", "diplomatic", "affairs",
              "news", "online", "radio", "television", "tv", "magazine", "wire", "desk", "bureau"}

MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
               "dec"}

# What 'By' is followed by in a sentence and never in a byline: weekdays, times, determiners, pronouns.
NEVER_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues",
               "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "today", "tonight", "tomorrow", "yesterday",
               "noon", "midnight", "midday", "morning", "afternoon", "evening", "night", "nightfall", "daybreak",
               "dawn", "dusk", "late", "early", "mid", "last", "next", "then", "now", "the", "a", "an", "this",
               "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "but", "and", "or", "if",
               "when", "while", "what", "who", "how", "all", "some", "most", "far", "contrast", "comparison", "not",
               "no", "one", "two", "itself", "themselves", "way", "day", "year", "week", "month", "end"}

# Words a title or headline never ends on (meta.lead_title, glue.py).
DANGLING_WORDS = {
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "nor", "but", "as",
    "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "not", "no",
    "said", "says", "say", "told", "tells", "tell", "asked", "according", "called", "named", "dubbed", "titled",
    "entitled", "including", "like", "than", "versus", "vs", "via", "about", "into", "onto", "over", "under",
    "after", "before", "during", "between", "against", "among", "toward", "towards", "without", "within", "per",
    "if", "when", "while", "where", "whether", "because", "so", "also", "just", "only", "even", "very", "his", "her",
    "their", "its", "our", "my", "your", "this", "these", "those", "mr", "mrs", "ms", "dr", "st", "prof", "gen",
    "sen", "rep", "gov", "lt", "col", "capt", "sgt",
}

# Glued headlines and captions (glue.py): a run of words ends a headline or caption only on a content word,
# and not on a noun that stands before a name in apposition ("Jackson's doctor Conrad Murray").
RUN_NEVER_ENDS = DANGLING_WORDS | {
    "doctor", "lawyer", "lawyers", "attorney", "spokesman", "spokeswoman", "spokesperson", "secretary", "minister",
    "leader", "president", "chairman", "chairwoman", "chief", "director", "professor", "coach", "singer", "star",
    "actor", "actress", "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "friend",
    "colleague", "commander", "general", "colonel", "captain", "senator", "governor", "mayor", "judge", "officer",
    "official", "analyst", "correspondent", "reporter", "editor", "envoy", "ambassador", "king", "queen", "prince",
    "princess", "pope", "rev", "reverend", "father", "brother", "candidate", "nominee", "rival", "partner", "aide",
    "adviser", "advisor", "counsel", "prosecutor", "prosecutors", "defendant", "victim", "suspect", "member",
    "founder", "owner", "manager", "boss", "head", "producer", "writer", "author", "artist", "player", "striker",
    "midfielder", "defender", "goalkeeper", "driver", "rider", "champion", "team-mate", "teammate", "cousin",
    "uncle", "aunt", "nephew", "niece", "grandson", "granddaughter", "fiancé", "fiancee", "girlfriend", "boyfriend",
    "premier", "chancellor", "dictator", "strongman", "ruler", "sheikh", "emir", "sultan", "ayatollah", "cardinal",
    "bishop", "archbishop", "rabbi", "imam", "lord", "lady", "sir", "dame", "mp", "mep", "ceo", "cfo", "chair",
}

# Verbs after which a name and a colon are the prose's speaker ('the minister told Parliament: "We will ..."').
SPEECH_VERBS = {"said", "says", "say", "told", "tells", "tell", "asked", "asks", "added", "adds", "wrote", "writes",
                "declared", "declares", "announced", "announces", "warned", "warns", "insisted", "insists", "urged",
                "urges", "stated", "states", "replied", "replies", "explained", "explains", "testified", "testifies"}

# A page's pull quote: a speaker, a colon and the quote, up to its closing mark ('Dr Steven Shafer: "Yes is not
# what a doctor says ..."', 'Scholar: "There are all of these weird parallels"').
PULL_QUOTE = re.compile(r"(?P<speaker>[A-Z](?:[^!?:\"“”.]|\.(?!\s)){0,80}?):\s*[\"“](?P<quote>[^\"“”]+)[\"”](?=\s+[A-Z\"“‘`]|\s*$)")
PULL_QUOTE_SPEAKER_WORDS = 8
PULL_QUOTE_MIN_WORDS = 3

# Words that open a sentence and, capitalised in mid-line after a content word, start a new one.
SENTENCE_OPENERS = {
    "the", "a", "an", "there", "it", "he", "she", "they", "we", "this", "these", "those", "his", "her", "their",
    "its", "our", "in", "at", "on", "but", "when", "while", "after", "before", "as", "if", "more", "most", "some",
    "many", "for", "from", "with", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "hundreds", "thousands", "dozens", "millions", "since", "until", "although", "though", "however", "meanwhile",
    "despite", "during", "earlier", "later", "now", "then", "yet", "so", "and", "also", "both", "each", "every",
    "all", "no", "nor", "not", "only", "what", "who", "why", "how", "where", "which", "whether", "such", "other",
    "another", "several", "few", "any", "among", "about", "under", "over", "amid", "following", "last", "next",
    "according", "speaking", "asked", "here",
}
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion"}

CLOSING_QUOTE_CHARS = "'’”\"»"
OPENING_QUOTE_CHARS = "`‘“\"«"

_WEEKDAY = r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?"
_CLOCK = (r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
          r"(?:\s*(?:GMT|BST|UTC|UK|IST|JST|HKT|SGT|AES?T|AEDT|CES?T|EES?T|MSK|ET|PT|[ECMP][SD]?T)\b)?"
          r"(?:\s+(?:local\s+)?time)?")
# A wire dateline opening a line: "Tripoli, Libya (CNN) -- ", "(CNN) -- ", "WASHINGTON (Reuters) - ".
LEADING_WIRE_DATELINE = re.compile(r"^(?:[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}\s*)?\([A-Z][A-Za-z]+\)\s*(?:--|—|-)\s+")
# A live blog's entry stamp in front of its text: "(Updated at 11:20 a.m. ET):", "(9:22 p.m. ET, 3:22 a.m. in Libya)".
LIVE_STAMP = re.compile(r"^\s*\((?:(?:Updated|Posted|Update)\b|\d{1,2}[:.]\d{2}\s*[ap]\.?m\b)[^)]{0,80}\)\s*:?\s*"
                        r"(?=[\"'“‘A-Z0-9])", re.I)
_STAMP_LEAD = r"(?:(?:page\s+)?(?:last\s+)?updated(?:\s+at)?|published(?:\s+on)?|posted(?:\s+on)?)\s*:?"
# Words of a date line that do not make it a sentence ('Posted on November 9, 2017 at 10:05 am by admin').
STAMP_WORDS = {"published", "updated", "last", "posted", "first", "on", "at", "by", "am", "pm", "a.m", "p.m", "and",
               "modified", "created", "filed", "uploaded", "wrote", "said", "says", "local", "time", "of", "the", "in"}

# A page's time stamp around a full date: 'Thu Jun 17, 2010 1:50 pm EDT', 'Page last updated at 14:47 GMT, ...'
STAMP_BEFORE_DATE = re.compile(rf"(?:(?P<lead>{_STAMP_LEAD})\s*)?(?P<clock>{_CLOCK}\s*,?\s*)?(?:{_WEEKDAY},?\s*)?$", re.I)
# A page's link labels that follow its time stamp ('7 November 2011 Last updated at 21:40 GMT Help Michael ...':
# the help link of a BBC video page), before a capitalised word.
STAMP_LINK_LABELS = ("Help", "Share", "Print", "Email", "Close")
STAMP_AFTER_DATE = re.compile(rf"(?:\s*[;,|\-–—]?\s*(?:at\s+)?(?P<clock>{_CLOCK}))?"
                              rf"(?:\s*last\s+updated\s+at\s+(?P<updated>{_CLOCK}))?"
                              rf"(?-i:\s+(?:{'|'.join(STAMP_LINK_LABELS)})(?=\s+[A-Z]))?", re.I)

# A dateline's place in capitals at the end of what precedes a time stamp ('... for rebels LUXEMBOURG |').
TRAILING_PLACE = re.compile(r"(?:^|\s)(?:[A-Z][A-Z.'’-]+(?:\\?/[A-Z][A-Z.'’-]+)*(?:\s+|(?=,)|$)){1,4}"
                            r"(?:,\s*[A-Z][a-z]+\.?\s*)?\|?\s*$")

TEASER = re.compile(r"^(?P<head>[A-Z0-9\"'‘“`](?:[^.:!?]|\.(?=\S))*?)\s*:\s+(?=[\"'“‘A-Z])")
TEASER_HEAD_WORDS = range(3, 13)
TEASER_RUN = 3
TEASER_DISTINCT = 0.75
TEASER_WORD = re.compile(r"[a-z]{4,}")
TEASER_CONTENT_WORDS = 2
# A web server's message printed where a piece of the page failed to load (Apache's server-side include error):
# cut out of the line it is in, wherever it is.
SERVER_ERROR = re.compile(r"\s*[(\[]?\ban error occurred while processing this directive\b[)\]]?\s*", re.I)
LINK_LABEL = re.compile(r"^(?:Full (?:Article|Story)|Read (?:the )?[Ff]ull (?:[Aa]rticle|[Ss]tory))\s+(?=[\"'“‘A-Z0-9])")
IMAGE_CREDIT = re.compile(r"\(?\b(?:Photograph|Photo|Picture|Image|Credit)(?:\s+by)?:\s+")
PHOTO_AGENCIES = {"reuters", "ap", "afp", "getty", "epa", "pa", "rex", "corbis", "zuma", "bloomberg", "xinhua", "ansa",
                  "dpa", "efe", "aap", "alamy", "shutterstock", "istock", "polaris", "sipa", "newscom", "wenn",
                  "magnum", "nasa", "greenpeace", "noaa", "handout", "pool", "ho", "us navy", "white house"}
CREDIT_WORDS = {"images", "image", "pictures", "photos", "photo", "photography", "press", "features", "agency", "pool"}

# Titles made from the lead sentence of a source that has no headline (meta.lead_title).
LEAD_TITLE_WORDS = 12
BULLETS = "\\*•·-–— "
INNER_BULLET = re.compile(r"\s(?:\\?\*|•|·)\s")
LEAD_TITLE_MIN_WORDS = 5
CLAUSE_OPENERS = {"that", "which", "who", "after", "as", "when", "while", "because", "but", "following", "amid",
                  "despite", "saying", "since", "before", "although", "though", "where", "until", "unless", "whereas"}
# Words a full stop follows without ending the sentence ('Adm. James Stavridis says', 'Nov. 3'): the cleaner's
# and the analysers' sentence splitting both read this.
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov", "st",
                 "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul",
                 "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "dept", "univ", "ft", "mt", "ave", "fig",
                 "adm", "cmdr", "brig", "cpl", "pvt", "supt", "det", "insp", "rev", "hon", "fr", "gens", "reps", "sens",
                 "govs", "mass", "calif", "fla", "ga", "pa", "va", "wash", "ore", "ariz", "tex", "nev", "colo", "conn"}
