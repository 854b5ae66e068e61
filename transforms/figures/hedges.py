"""The hedge on a figure: the word that says its source is not sure ("likely", "reportedly").

A hedge counts only where it qualifies the figure: in the same clause ("..., but the real number
is likely higher" hedges nothing before "but"), and not when it plainly belongs to the next
figure ("1%, maybe 1.1%"). Some senses are not hedges at all: "may receive" (eligibility), the
month of May, and "expected to recruit" in a quota (an obligation, not a guess; "expected to
grow to 500" stays a forecast).
"""

from __future__ import annotations

import re

from transforms.attribution.sources import lower_same_length
from transforms.declarations.words import CONTRAST_CONJUNCTIONS, words_pattern
from transforms.model import Figure

HEDGE = re.compile(  # matched against the lower-cased sentence
    r"\b(?:most|very|highly|more\s+than)\s+likely\b|\balmost\s+certainly\b|\bin\s+all\s+likelihood\b"
    r"|\b(?:likely|reportedly|allegedly|purportedly|supposedly|apparently|presumably|probably|"
    r"possibly|perhaps|maybe|may|might|could|believed|thought|expected|estimated|estimates?|"
    r"suggests?|"
    r"unconfirmed|unverified|est\.)(?!\w)"
)
CLAUSE_BREAK = re.compile(
    rf";|\s[–—-]\s|,\s+(?:{words_pattern(CONTRAST_CONJUNCTIONS)}|and\s+that\b)|\bbut\b"
)
CLAUSE_END = re.compile(CLAUSE_BREAK.pattern + r"|\(")  # an aside after the figure is not its
ELIGIBILITY = re.compile(r"\s+(?:also\s+)?(?:receive|get|earn|be\s+paid|be\s+entitled|claim|apply|"
                         r"qualify|be\s+eligible|be\s+granted|obtain)\b")
QUOTA_VERB = re.compile(r"\s+to\s+(?:be\s+)?(?:recruit|draft|mobili|call|enlist|sign|send|supply|"
                        r"provide|conscript|find)")
MONTH = re.compile(r"\s+\d")  # "May 2023", "May 9"
NEXT_FIGURE_GAP = 12  # characters: a hedge this close before another figure is that figure's


def clause_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause of text[lo:hi] that holds the figure [start, end)."""
    for m in CLAUSE_BREAK.finditer(text, lo, start):
        lo = m.end()
    m = CLAUSE_END.search(text, end, hi)
    return lo, (m.start() if m else hi)


def hedge(text: str, sent_start: int, sent_end: int, fig: Figure, spans: list[tuple[int, int]],
          metric: str | None = None) -> str | None:
    """The hedging word of a figure's clause, lower-cased as written, or None.

    `spans` are all figures of the text, so that a hedge just before another figure is left
    to that one.
    """
    sent = lower_same_length(text[sent_start:sent_end])
    if not HEDGE.search(sent):
        return None
    start, end = fig.start - sent_start, fig.end - sent_start
    others = [s - sent_start for s, _ in spans if sent_start <= s < sent_end and s != fig.start]
    lo, hi = clause_bounds(sent, start, end, 0, len(sent))
    for m in HEDGE.finditer(sent, lo, hi):
        word = " ".join(m.group().split())
        if word == "may" and (ELIGIBILITY.match(sent, m.end()) or MONTH.match(sent, m.end())
                              or (m.start() and text[sent_start + m.start()] == "M")):
            continue  # "may receive", "May 2023", "... in May."
        if word == "expected" and metric == "target" and QUOTA_VERB.match(sent, m.end()):
            continue  # "regions are expected to recruit 5,000": a quota, not a guess
        if m.start() >= end and any(m.start() - 2 <= s <= m.end() + NEXT_FIGURE_GAP
                                    for s in others):
            continue  # "1%, maybe 1.1%": the hedge is the next figure's
        return word
    return None
