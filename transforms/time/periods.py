"""The period a figure refers to: which time phrase of its sentence belongs to which figure.

A sentence often carries several figures and several time phrases ("300,000 in 2022 and 450,000 in
2024"), so each phrase (read by `transforms.time.period_phrases`) is given to one figure: the one it sits
next to, and between two figures the one on its side of the comma or "and". A phrase that opens or
closes the sentence ("In 2024, 450,000 signed and 40,000 joined") also frames the figures that have
none, but not across a contrast ("..., up from 20,000 in May"). The date a statement was made ("said
on 3 September") is passed over: it dates the words, not the figure. A sentence's phrases and number
spans are cached, since every figure of the sentence asks for them.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from transforms.time.period_phrases import (
    MONTH_TEXTS,
    NO_PERIOD,
    PATTERNS,
    POINT_KINDS,
    SKIP,
    WEAK_KINDS,
    Period,
    may_hold_time,
    possible_kinds,
    resolved,
)

__all__ = ["NO_PERIOD", "Period", "figure_period", "paragraph_period"]


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


MONTH_PREFIX = "(?:" + "|".join(MONTH_TEXTS) + ")"  # the numbers of a date are not figures
MONTH_BEFORE = re.compile(rf"{MONTH_PREFIX}[a-z]*\.?\s+$")
MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PREFIX}")
ISO_BEFORE = re.compile(r"\d{4}-(?:\d\d-)?$")
YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")
DIGITS = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
SCALE_TEXTS = ("hundred", "thousand", "million", "billion", "dozen")
SCALE_WORDS = _re(r"\b(?:dozens|hundreds|thousands|millions|billions|thousand|million|billion|hundred)\b")
CONTRAST = _re(r"[;:()]|\s[–—-]\s|\b(?:but|while|whereas|compared|versus|than|which|(?:up|down)\s+from)\b")
CLAUSE_COMMA = re.compile(r",\s")
SEPARATOR = _re(r"[,;:()]|\s[–—-]\s|\b(?:and|but|while|whereas|compared|versus|than|which)\b")
SPEECH_BEFORE = _re(r"\b(?:said|says|stated|told(?:\s+[\w.]+){0,2}|claimed|wrote|noted|added|declared|"
                    r"born|founded|established|elected|appointed|died|dated|published)\s*$")
SPEECH_BEFORE_DAY = _re(r"\b(?:announced|reported|tweeted|posted|released|(?:statement|post|interview|"
                        r"briefing|address|speech|report|update|message|video|article|announcement|meeting|"
                        r"session|conference|bulletin)(?:\s+\w+)?)\s*$")
SPEECH_RIGHT_AFTER = _re(r"\s+(?:said|says|stated|told|claimed|wrote|noted|announced|declared|reported)\b")
SPEECH_AFTER = _re(r"\b(?:said|says|stated|told|claimed|wrote|noted|announced|declared|reported|"
                  r"signed|ordered|issued|approved|decreed|adopted|published)\b")


class Expression(NamedTuple):
    """A time expression of a sentence: its span and what it resolves to (None: too vague)."""

    start: int
    end: int
    period: Period | None
    weak: bool


# --- the expressions and figures of a sentence ------------------------------------------------

def overlaps(a: tuple[int, int], spans) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def is_date_number(sentence: str, start: int, end: int) -> bool:
    """Whether digits are a year, a day of a month or part of an ISO date, not a figure."""
    if end - start == 4 and YEAR_NUMBER.match(sentence, start):
        return True
    if end - start > 2:
        return False
    if ISO_BEFORE.search(sentence[max(0, start - 8):start]):
        return True  # 2024-09-16
    return bool(MONTH_BEFORE.search(sentence[max(0, start - 12):start]) or MONTH_AFTER.match(sentence, end))


def number_spans(sentence: str, taken: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Where the sentence's numbers are (dates left out), "1.5 million" as one."""
    found = [m.span() for m in DIGITS.finditer(sentence) if not is_date_number(sentence, *m.span())]
    low = sentence.lower()
    if any(w in low for w in SCALE_TEXTS):
        found = sorted(found + [m.span() for m in SCALE_WORDS.finditer(sentence)])
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if overlaps((start, end), taken):
            continue
        if spans and not sentence[spans[-1][1]:start].strip(" -"):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return tuple(spans)


def is_statement_date(sentence: str, kind: str, start: int, end: int, numbers) -> bool:
    """Whether the expression dates the statement ("said on 3 September"), not the figure."""
    before = sentence[max(0, start - 40):start]
    if SPEECH_BEFORE.search(before) or SPEECH_RIGHT_AFTER.match(sentence, end):
        return True  # "said in 2024 that", "officials last month claimed"
    if kind not in POINT_KINDS:
        return False
    if SPEECH_BEFORE_DAY.search(before):
        return True
    upto = min([s for s, _ in numbers if s >= end], default=len(sentence))
    return bool(SPEECH_AFTER.search(sentence, end, upto))  # "On 3 September, Medvedev said ..."


@lru_cache(maxsize=4096)
def sentence_expressions(sentence: str, published: date | None):
    """(time expressions, number spans) of a sentence; the longest expression wins an overlap."""
    found = sorted(((m.start(), -m.end(), kind, m) for kind in possible_kinds(sentence)
                    for m in PATTERNS[kind].finditer(sentence)), key=lambda r: (r[0], r[1]))
    chosen, floor = [], 0
    for start, neg_end, kind, m in found:
        if start < floor:
            continue
        value = resolved(kind, m, published, sentence)
        if value is SKIP:
            continue
        chosen.append((kind, start, -neg_end, value))
        floor = -neg_end
    if not chosen:
        return (), ()
    numbers = number_spans(sentence, [(s, e) for _, s, e, _ in chosen])
    expressions = tuple(Expression(s, e, value, kind in WEAK_KINDS) for kind, s, e, value in chosen
                        if not is_statement_date(sentence, kind, s, e, numbers))
    return expressions, numbers


# --- which figure a phrase belongs to -------------------------------------------------------

def owner(sentence: str, spans: list[tuple[int, int]], expr: Expression) -> int:
    """The index of the figure an expression belongs to, among `spans` in order."""
    right = next((i for i, (s, _) in enumerate(spans) if s >= expr.end), len(spans))
    left = right - 1
    if left < 0:
        return right
    if right == len(spans):
        return left
    before = SEPARATOR.search(sentence, spans[left][1], expr.start)
    after = SEPARATOR.search(sentence, expr.end, spans[right][0])
    if after and not before:
        return left
    if before and not after:
        return right
    return left if expr.start - spans[left][1] <= spans[right][0] - expr.end else right


def apart(sentence: str, expr: Expression, start: int, end: int) -> bool:
    """Whether a comma, "and" or the like stands between the expression and the figure."""
    lo, hi = (expr.end, start) if expr.end <= start else (end, expr.start)
    return SEPARATOR.search(sentence, lo, hi) is not None


def frames(sentence: str, spans: list[tuple[int, int]], expr: Expression, start: int, end: int) -> bool:
    """Whether an expression that opens or closes the sentence also dates this figure: not across
    a contrast ("..., up from 20,000 in May"), and a closing one not across a comma either."""
    if expr.end <= spans[0][0]:
        return not CONTRAST.search(sentence, expr.end, start)
    if expr.start >= spans[-1][1]:
        return not (CONTRAST.search(sentence, end, expr.start)
                    or CLAUSE_COMMA.search(sentence, end, expr.start))
    return False


def distance(expr: Expression, start: int, end: int) -> int:
    return start - expr.end if expr.end <= start else expr.start - end


def publication_day(published) -> date | None:
    """`published` as a date: None (or NaT) stays None, a datetime gives its day."""
    if published is None or published != published:
        return None
    return published.date() if hasattr(published, "date") else published


def figure_period(sentence: str, start: int, end: int, published: date | None) -> Period:
    """The period the figure at sentence[start:end] refers to, resolved against `published`.

    The figure's own expression (the nearest one on its side of the sentence) wins; else one
    that opens or closes the sentence; "so far"/"to date" only when there is no other.
    """
    if not may_hold_time(sentence):
        return NO_PERIOD
    published = publication_day(published)
    expressions, numbers = sentence_expressions(sentence, published)
    expressions = [e for e in expressions if e.end <= start or e.start >= end]
    if not expressions:
        return NO_PERIOD
    spans = sorted([n for n in numbers if n[1] <= start or n[0] >= end] + [(start, end)])
    mine = spans.index((start, end))
    own, framing = [], []
    for expr in expressions:
        if owner(sentence, spans, expr) == mine:
            own.append(expr)
        elif frames(sentence, spans, expr, start, end):
            framing.append(expr)
    for group, weak in ((own, False), (own, True), (framing, False), (framing, True)):
        if group:
            candidates = [e for e in group if e.weak == weak]
            if candidates:
                nearest = min(candidates, key=lambda e: (apart(sentence, e, start, end),
                                                         distance(e, start, end)))
                return nearest.period or NO_PERIOD
    return NO_PERIOD


def paragraph_period(paragraph_before: str, published: date | None) -> Period:
    """The one closed period the text before a figure's sentence sets ("In 2024, ... . Of them,
    427,000"), for a figure whose sentence has none. Nothing when that text names several, a vague
    one, a point in time or a period running to publication ("since May"): those describe the
    earlier sentence's own figures, not a stock mentioned later (measured on dev: both such cases
    were wrong).
    """
    if not may_hold_time(paragraph_before):
        return NO_PERIOD
    published = publication_day(published)
    expressions, _ = sentence_expressions(paragraph_before, published)
    periods = {e.period for e in expressions if not e.weak}
    if len(periods) != 1 or None in periods:
        return NO_PERIOD
    period = periods.pop()
    if period.as_of is not None or (published is not None and period.end == published):
        return NO_PERIOD
    return period
