"""Amounts written in words: "Thirty-five", "a thousand and two hundred", "two-thirds", "dozens".

text2num parses whole strings only and rejects news phrasing such as "a thousand and two hundred"
or "more than thousand"; the few words news uses are simpler to read here, token by token, so a
phrase can also stop where the number stops ("one and a half times" is "one", then not a number).
"""

from __future__ import annotations

import re

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Fractions written after digits: "3½%", "2 1/2 percent".
DIGIT_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3,
             "1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "1/3": 1 / 3, "2/3": 2 / 3}
# Multipliers written after digits: "417K", "$22k", "3.5bn", "1.9 million".
# South Asian scales: "2 lakh" is 200,000, "1.5 crore" 15 million.
MULTIPLIERS = {
    **SCALES, "k": 1e3, "mln": 1e6, "mn": 1e6, "m": 1e6, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "tn": 1e12, "trn": 1e12, "trln": 1e12, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7,
    "crores": 1e7,
}

# Order of magnitude of vague amounts, as ANNOTATION.md gives them.
VAGUE_BOUNDS = {
    "dozens": (10.0, 100.0),
    "scores": (10.0, 100.0),  # "scores of people": tens, as "dozens"
    "hundreds": (100.0, 1e3),
    "thousands": (1e3, 1e4),
    "tens of thousands": (1e4, 1e5),
    "hundreds of thousands": (1e5, 1e6),
    "millions": (1e6, 1e7),
    "tens of millions": (1e7, 1e8),
    "hundreds of millions": (1e8, 1e9),
    "billions": (1e9, 1e10),
    "tens of billions": (1e10, 1e11),
    "hundreds of billions": (1e11, 1e12),
}
_VAGUE_SINGULAR = {"dozen": "dozens", "hundred": "hundreds", "thousand": "thousands",
                   "million": "millions", "hundred thousand": "hundreds of thousands"}

FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}

_word_alternation = "|".join(sorted([*ONES, *TENS, *SCALES, "dozen"], key=len, reverse=True))
# A run of number words; where it really ends is decided by `word_number`.
# A fraction of a scale word: "a quarter-million", "a half million", "three-quarters of a
# million", "a third of a billion" (a quarter of the million that follows, not the million alone)
SCALE_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "three quarters": 0.75}
_FRACTION_OF_SCALE = (
    r"(?:(?P<whole>" + "|".join(sorted(ONES, key=len, reverse=True)) + r")\s+and\s+a\s+half"
    r"|(?P<fraction>(?:(?:a|an|one)[\s-]+)?(?:half|quarter)|(?:a|one)[\s-]+third"
    r"|three[\s-]+quarters))"
    r"(?:[\s-]+|\s+of\s+)(?:an?\s+)?(?=(?:hundred|thousand|million|billion)\b)"
)
FRACTION_OF_SCALE = re.compile(_FRACTION_OF_SCALE, re.IGNORECASE)
WORD_NUMBER = (
    rf"(?:{_FRACTION_OF_SCALE}|(?:half\s+)?an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
    rf"(?:{_word_alternation})"
    rf"(?:(?:[\s-]+|\s+and\s+)(?:{_word_alternation}))*(?!\w)"
)
# "scores of people" opens its phrase: after a verb, a preposition or nothing ("killed scores of
# people"), never after a noun or a determiner ("test scores of pupils", "the scores of").
_SCORES_AFTER = ("and", "with", "left", "among", "to", "for", "by")
_SCORES = ("(?:" + "|".join(("(?<![a-z]\\s)", "(?<=ed\\s)", "(?<=ing\\s)",
                             *(rf"(?<=\b{w}\s)" for w in _SCORES_AFTER)))
           + r")scores(?=\s+of\s)")
VAGUE = (
    rf"(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|{_SCORES}|hundreds|thousands|millions"
    r"|billions|(?:several|a\s+few|a\s+couple\s+of)\s+(?:hundred\s+thousand|hundred|thousand"
    r"|million|dozen)(?!\s+(?:and|\d))"
)
# "every fourth recruit" is a quarter of them
ORDINAL_DENOMINATORS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                        "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
SMALL_NUMBERS = {**ONES, **TENS}
_SMALL_NUMBER = "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True))
# "three in 10 minutes" is a time, not "nine in 10 voters"
_SHARE_NOT_OF = ("seconds?", "minutes?", "hours?", "days?", "weeks?", "months?", "years?",
                 "games?", "matches", "races?", "attempts?", "tries", "starts?", "shots?")
# What a share of people polled does, the share standing alone as its subject: "a third said
# prices had risen", "about a quarter expect to move" (where "a third round" is an ordinal)
ANSWER_VERBS = (
    "said", "say", "says", "told", "reported", "expect", "expected", "expects", "believe",
    "believed", "believes", "think", "thought", "thinks", "support", "supported", "supports",
    "oppose", "opposed", "opposes", "favor", "favored", "favors", "favour", "favoured", "favours",
    "approve", "approved", "approves", "disapprove", "disapproved", "agree", "agreed", "agrees",
    "disagree", "disagreed", "want", "wanted", "wants", "plan", "planned", "plans",
)
# A fraction of a percentage point ("a quarter of a percentage point", "half a percentage
# point", "a half-percentage-point cut"): a share of one point, read as that many percent. Halves
# and quarters of a point are the same with "percentage" left out ("cut by a quarter point", "her
# lead narrowed by half a point"); "a third point" is an ordinal.
_BEFORE_POINT = r"(?:[\s-]+|\s+(?:of\s+)?an?\s+)"
POINT_AFTER_FRACTION = _BEFORE_POINT + r"(?:percentage[\s-]+)?points?\b"
FRACTION_OF_POINT = (
    r"(?:(?:a|one)[\s-]+(?:half|third|quarter)|(?:two|three)[\s-]+(?:thirds|quarters)|half)"
    rf"(?={_BEFORE_POINT}percentage[\s-]+points?\b)"
    rf"|(?:(?:a|one)[\s-]+(?:half|quarter)|three[\s-]+quarters|half)(?={_BEFORE_POINT}point\b)"
)
SHARE = (
    FRACTION_OF_POINT + "|"
    r"(?<!\band\s)half(?!(?:\s+an?\s+|[\s-]+)(?:hundred|thousand|million|billion|dozen)\b)|(?:a|one|two|three|four|nine)[\s-](?:third|quarter|fifth|tenth)s?"
    r"(?=\s+(?:of\s+)?(?:the|them|all|its|their|those|these|his|her|our|whom|us)\b"
    r"|\s+of\s+(?!an?\b)[a-z]"
    r"|\s+(?:" + "|".join(ANSWER_VERBS) + r")\b(?!\s+to\s+(?:be|have)\b))"  # ("said to be")
    # a plural fraction written with a hyphen is a share wherever it stands ("about
    # three-quarters are paid by the regions"), but not of a measure ("three-quarters of an hour")
    r"|(?:two|three|four|nine)-(?:thirds|quarters|fifths|tenths)\b(?!\s+of\s+an?\b)"
    rf"|(?:{_SMALL_NUMBER}|[1-9]\d?)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:{_SMALL_NUMBER}|[1-9]\d{{0,2}})"
    r"(?![\w,-]|\.\d|\s+(?:" + "|".join(_SHARE_NOT_OF) + r")\b)"  # ("one in five." ends a sentence)
    rf"|every\s+(?:{'|'.join(ORDINAL_DENOMINATORS)})(?=\s+[a-z])"
    # a change by a share: "sales rose by a third", "cut by half in May", "fell by nearly a
    # quarter" (not "a third party")
    r"|(?:(?<=\bby\s)|(?<=\bby\snearly\s)|(?<=\bby\salmost\s)|(?<=\bby\sabout\s)"
    r"|(?<=\bby\sroughly\s)|(?<=\bby\sover\s)|(?<=\bby\smore\sthan\s))(?:half|(?:a|one|two)[\s-](?:third|quarter|fifth|tenth)s?)"
    r"(?=\s*[,.;]|\s+(?:in|on|since|from|to|last|this|over|compared|between|year|month)\b|\s*$)"
)

_TOKEN = re.compile(r"[A-Za-z]+")

# Words that can open or sit in a number said in words, a vague amount or a share.
TRIGGER_WORDS = (
    *ONES, *TENS, *SCALES, "dozen", "dozens", "scores", "hundreds", "thousands", "millions", "billions",
    "tens", "several", "few", "couple", "half", "third", "thirds", "quarter", "quarters", "fifth",
    "fifths", "tenth", "tenths", "every",
)
# Words that may take an "a"/"an" before them: "a few", "a third", "a thousand".
TAKES_ARTICLE = frozenset(("few", "couple", "third", "quarter", "fifth", "tenth", "hundred",
                           "thousand", "million", "billion", "dozen"))


def trie_pattern(words) -> str:
    """A regex alternation of `words` factored by common prefixes.

    Python's regex engine tries alternatives one by one; a trie tries each letter once, which
    makes the scan for number words several times faster than a flat "one|two|...".
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_branch(root)


def _trie_branch(node: dict) -> str:
    alternatives = [re.escape(char) + _trie_branch(child) for char, child in sorted(node.items())
                    if char]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if "" in node:
        body = (body if len(body) == 1 else f"(?:{body})") + "?"
    return body


def word_number(phrase: str) -> tuple[float, int] | None:
    """The value of the number words that open `phrase`, and how many characters they take.

    Stops at the first word that cannot continue the number, so "two and three" gives 2 and
    "one and a half" gives 1; None when no number word opens the phrase.
    """
    if fraction := FRACTION_OF_SCALE.match(phrase):  # "a quarter-million", "two and a half million"
        words = (fraction.group("fraction") or "").lower().replace("-", " ").split()
        share = ONES[fraction.group("whole").lower()] + 0.5 if fraction.group("whole") else (
            SCALE_FRACTIONS[" ".join(w for w in words if w not in ("a", "an", "one"))])
        scale = word_number(phrase[fraction.end():])
        return (share * scale[0], fraction.end() + scale[1]) if scale else None
    total, current, end, prev = 0.0, 0.0, 0, "start"
    pending_and = False
    for tok in _TOKEN.finditer(phrase):
        word = tok.group().lower()
        if word == "half" and prev == "start":  # "half a million"
            current, prev = 0.5, "half"
            continue
        if word in ("a", "an"):
            if prev == "half":
                prev = "article"
                continue
            if prev != "start":
                break
            current, prev = 1.0, "article"
            continue
        if word == "and":
            if prev not in ("scale", "hundred") or pending_and:
                break
            pending_and = True
            continue
        kind = _kind(word)
        if kind is None or not _follows(prev, kind, current):
            break
        total, current = _combine(total, current, word, kind)
        prev, end, pending_and = kind, tok.end(), False
    if end == 0 or prev == "half":
        return None
    return total + current, end


def _kind(word: str) -> str | None:
    if word in ONES:
        return "teen" if ONES[word] >= 10 else "one"
    if word in TENS:
        return "tens"
    if word == "hundred":
        return "hundred"
    if word in SCALES:
        return "scale"
    return "dozen" if word == "dozen" else None


def _follows(prev: str, kind: str, current: float) -> bool:
    """Whether a number word of `kind` may follow one of kind `prev` ("thirty-five", not "five
    thirty")."""
    if kind in ("one", "teen", "tens"):
        return prev in ("start", "scale", "hundred") or (prev == "tens" and kind == "one")
    if kind == "hundred":
        return prev in ("start", "article", "one", "teen", "tens")
    return prev != "dozen" and (kind == "scale" or prev in ("start", "article", "one", "teen"))


def _combine(total: float, current: float, word: str, kind: str) -> tuple[float, float]:
    if kind in ("one", "teen"):
        return total, current + ONES[word]
    if kind == "tens":
        return total, current + TENS[word]
    if kind == "hundred":
        return total, (current or 1) * 100
    if kind == "dozen":
        return total, (current or 1) * 12
    return total + (current or 1) * SCALES[word], 0.0


def vague_bounds(phrase: str) -> tuple[float, float]:
    """Low and high bounds of a vague amount ("several hundred" is 100 to 1,000)."""
    words = " ".join(phrase.lower().split())
    for prefix in ("several ", "a few ", "a couple of "):
        if words.startswith(prefix):
            words = _VAGUE_SINGULAR[words.removeprefix(prefix)]
    return VAGUE_BOUNDS[words]


def _small(word: str) -> int:
    return int(word) if word.isdigit() else SMALL_NUMBERS[word]


def share_percent(phrase: str) -> float:
    """A share said in words as a percentage: "half" 50, "two-thirds" 66.67."""
    words = re.split(r"[\s-]+", phrase.lower())
    if words == ["half"]:
        return 50.0
    if words[0] == "every":  # "every fourth"
        return round(100 / ORDINAL_DENOMINATORS[words[1]], 2)
    if words[1] in ("in", "out"):  # "one in five", "nine in 10", "1 out of every 10"
        return round(100 * _small(words[0]) / _small(words[-1]), 2)
    numerator = 1 if words[0] in ("a", "one") else ONES[words[0]]
    return round(100 * numerator / FRACTIONS[words[1].rstrip("s")], 2)
