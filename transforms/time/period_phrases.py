"""The time phrases a figure's period is read from, and the dates each one names.

"since January 1", "in 2024", "by the end of August 2023": each kind of phrase is an anchored regex
with a resolver that turns a match into a Period against the publication date with `calendar`;
relative ones ("this year", "last month", "in September") resolve to nothing without one.
dateparser was measured here at ~11 ms a sentence (50k figures: ~9 minutes) and read "the 2024
presidential election" and the "37" of "37,900" as dates, so it would need the same context rules
and cost 200x more; these regexes take ~50 us a figure on distinct sentences, each gated by plain
substring tests (`possible_kinds`) so that only patterns whose words occur are run.

A wrong date is worse than none: vague phrases ("in early 2024", "the same period of 2023", "by
2026") are matched only so that they resolve to None and block a farther, wrong expression; a match
that is no time at all ("in 2000 soldiers") resolves to SKIP. Which figure a phrase belongs to is
decided in `transforms.time.periods`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import NamedTuple

from transforms.declarations.words import MONTH_ABBREVIATIONS, MONTHS, words_pattern


class Period(NamedTuple):
    """A span (start, end) a figure counts over, or the day (as_of) a stock figure stands at."""

    start: date | None
    end: date | None
    as_of: date | None


NO_PERIOD = Period(None, None, None)


# --- the phrase patterns ----------------------------------------------------------------------

MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18,
                "twenty-four": 24, "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1,
                "2nd": 2, "3rd": 3, "4th": 4}

M = "(?-i:" + words_pattern(MONTHS + MONTH_ABBREVIATIONS) + r"\.?)"
YEAR_DIGITS = r"(?:19[5-9]\d|20[0-4]\d)(?![\w%]|[.,]\d)"
Y = r"(?<![\w$€£.,-])" + YEAR_DIGITS
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d,]\d|\d)"
D = rf"(?:{M}\s+{DAY}|(?:the\s+)?{DAY}\s+(?:of\s+)?{M})(?:,?\s+{Y})?"
MY = rf"{M}(?:,?\s+(?:of\s+)?{Y}|\s+(?:of\s+)?(?:last|this)\s+year\b|(?!\s+\d{{1,2}}\b))"
YR = rf"(?:{Y}|(?:the|this|the\s+current)\s+year|last\s+year)"
NUM = r"(?:\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)"
PART = (r"(?:(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter"
        r"|(?P<h>first|second|1st|2nd)[\s-]+half|(?P<fl>first|last|final)\s+(?P<n>" + NUM + r")\s+months)")
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
ENDS = r"(?:-|–|—|\band\b|\bto\b|\bthrough\b|\buntil\b|\btill\b)"
RANGE_ITEM = rf"(?:{D}|{MY}|{Y})"


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


PATTERNS: dict[str, re.Pattern] = {
    "range": _re(rf"\b(?P<kw>between|from|in|during|for|over|throughout)\s+(?P<a>{RANGE_ITEM})\s*"
                 rf"{ENDS}\s*(?P<b>{RANGE_ITEM}|{YEAR_DIGITS}|\d\d(?![\w%]|[.,]\d))"),
    "since": _re(rf"\b(?:since|(?P<from>from))\s+(?:at\s+least\s+)?(?:the\s+(?:start|beginning)\s+of\s+"
                 rf"(?P<sy>{YR})|(?P<sd>{D})|(?P<sm>{MY})|(?P<syr>{Y}))"),
    "since_event": _re(rf"\bsince\s+(?:the\s+)?(?:[\w'’-]+\s+){{1,6}}?(?:in|on|of)\s+(?P<e>{D}|{MY}|{Y})"),
    "edge": _re(rf"\b(?P<kw>by|at|as\s+(?:of|at)|until|till|through|before|up\s+to)\s+(?:the\s+)?"
                rf"(?P<edge>end|start|beginning)(?:\s+of|-)\s*(?:the\s+)?(?P<u>{PART}(?:\s+(?:of|in))?\s+"
                rf"{YR}|{MY}|{YR}|(?:this|the)\s+month|last\s+month)"),
    "day": _re(rf"\b(?P<kw>as\s+(?:of|at)|by|on|until|till|up\s+to)\s+{WEEKDAY}(?P<d>{D})"),
    "part": _re(rf"\b(?:(?:in|during|for|over|throughout)\s+)?(?:the\s+)?{PART}"
                rf"(?:(?:\s+(?:of|in)\s+|\s+)(?P<yr>{YR}))?"),
    "qh": _re(rf"\b(?:(?:in|during|for)\s+)?(?-i:(?P<qh>Q[1-4]|H[12]))(?:\s+of)?\s+(?P<yr>{Y})"),
    "when": _re(rf"\b(?:in|from|of|than|since|during)\s+(?P<y>{Y}),\s+when\b"),
    "in": _re(rf"\b(?:in|during|throughout|for|across)\s+(?:(?:the\s+)?(?:whole|entire|course)\s+of\s+"
              rf"|all\s+of\s+|the\s+year\s+)?(?:(?P<m>{MY})|(?P<y>{Y}))"),
    "year_to": _re(rf"\b(?:(?:in|over|during|for)\s+)?the\s+(?:year|12\s+months|twelve\s+months)\s+"
                   rf"(?:to|ending|ended|through|up\s+to)\s+(?P<u>{D}|{MY})"),
    "last_named": _re(rf"\blast\s+(?P<m>{M})(?!\s+\d)"),
    "this": _re(r"\b(?:(?:so|thus)\s+far\s+|earlier\s+)?(?:this|the\s+current)\s+(?P<u>year|month)\b"
                r"|\byear[\s-]to[\s-]date\b"),
    "last": _re(r"\blast\s+(?P<u>year|month)\b"),
    "rolling": _re(rf"\b(?:(?:in|over|during|for|within|throughout)\s+)?the\s+(?P<w>past|last|previous|"
                   rf"preceding)\s+(?:(?P<n>{NUM})\s+)?(?P<u>day|week|month|year)s?\b"
                   r"(?P<odd>\s+and\s+a\s+half|\s+or\s+so)?"),
    "weak": _re(r"\b(?:to\s+date|by\s+now|(?:so|thus)\s+far|as\s+(?:of|at)\s+(?:now|today|this\s+writing"
                r"|press\s+time)|(?:until|up\s+to|up\s+until)\s+now)\b"),
    "vague_edge": _re(rf"\b(?:in\s+)?(?:early|late|mid|the\s+middle\s+of|"
                      rf"the\s+(?:end|start|beginning|turn)\s+of)[\s-]+(?:the\s+)?(?:{MY}|{Y}|year|month)"),
    "vague_season": _re(rf"\b(?:(?:in|during|over)\s+)?(?:the\s+)?(?:spring|summer|autumn|fall|winter)"
                        rf"(?:\s+of)?\s+(?:{Y}|this\s+year|last\s+year)"),
    "vague_same": _re(rf"\b(?:the\s+)?same\s+(?:period|quarter|months?|half)\b"
                      rf"(?:\s+(?:of|in|a)\s+(?:{YR}|year))?"
                      rf"|\b(?:the\s+)?same\s+time\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)|(?:of|in)\s+{YR})"),
    "vague_ago": _re(rf"\b(?:{NUM}|\d+)\s+(?:years?|months?)\s+(?:ago|earlier|before|prior)\b"
                     r"|\bthe\s+(?:year|month)\s+before\b|\bthe\s+(?:previous|prior|preceding)\s+(?:year|month)\b"),
    "vague_compared": _re(rf"\b(?:than|compared\s+(?:to|with)|versus|vs\.|relative\s+to|from)\s+"
                          rf"(?:(?:in|during)\s+)?(?:{MY}|{Y}|last\s+year)"),
    "vague_deadline": _re(rf"\b(?:by|until|till|before|after)\s+(?:{MY}|{Y}|next\s+year)"),
    "vague_future": _re(r"\b(?:next|coming|following|later\s+this)\s+(?:year|month|quarter)\b"
                        r"|\bsince\s+last\s+(?:year|month)\b"),
}
WEAK_KINDS = frozenset({"weak"})  # "so far", "to date": used only when nothing else dates a figure
POINT_KINDS = frozenset({"day"})  # "on 3 September": may date a statement, not its figure
DEADLINE = frozenset({"by", "until", "till", "before", "through", "up to"})  # a year-less day is ahead
STARTING_BEFORE = _re(r"\b(?:beginning|starting|from)\s*$")
NOT_A_YEAR_AFTER = _re(r"\s*(?:-|–)?\s*(?:presidential|parliamentary|elections?|olympics|games|forum|"
                       r"people|persons|men|women|soldiers|troops|servicemen|personnel|recruits|volunteers|"
                       r"prisoners|convicts|rubles|roubles|dollars|euros|hryvnias?|cases|units|tanks|km|"
                       r"kilomet[er]{2}s|miles|of\b)")


# --- which patterns a sentence can match ------------------------------------------------------

# Cheap clues that decide which patterns can match at all: plain substring tests, no regex scan.
MONTH_TEXTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
YEAR_DIGITS_FAST = re.compile(r"(?:19|20)\d\d")
TIME_WORDS = ("year", "month", "quarter", "half", "date", "now", "far", "week", "day", "since")
GATES: dict[str, tuple[bool, tuple[str, ...]]] = {  # kind: (needs a year or month name, any of these words)
    "range": (True, ("between", "from", "in ", "during", "for ", "over", "throughout")),
    "since": (False, ("since", "from")),
    "since_event": (True, ("since",)),
    "edge": (False, ("end", "start", "beginning")),
    "day": (True, ()),
    "part": (False, ("quarter", "half", "months")),
    "qh": (True, ("q1", "q2", "q3", "q4", "h1", "h2")),
    "when": (True, (", when",)),
    "in": (True, ("in ", "during", "throughout", "for ", "across")),
    "year_to": (True, ("year", "months")),
    "last_named": (True, ("last ",)),
    "this": (False, ("this ", "current", "to date", "to-date")),
    "last": (False, ("last ",)),
    "rolling": (False, ("past", "last", "previous", "preceding")),
    "weak": (False, ("date", "now", "far")),
    "vague_edge": (False, ("early", "late", "mid", "end", "start", "beginning", "turn")),
    "vague_season": (False, ("spring", "summer", "autumn", "fall", "winter")),
    "vague_same": (False, ("same",)),
    "vague_ago": (False, ("ago", "earlier", "before", "prior", "previous", "preceding")),
    "vague_compared": (True, ("than", "compared", "versus", "vs.", "relative", "from")),
    "vague_deadline": (True, ("by ", "until", "till", "before", "after")),
    "vague_future": (False, ("next", "coming", "following", "later", "since last")),
}
GATE_WORDS = frozenset(w for _, words in GATES.values() for w in words)


def has_date_name(sentence: str) -> bool:
    return YEAR_DIGITS_FAST.search(sentence) is not None or any(m in sentence for m in MONTH_TEXTS)


def may_hold_time(sentence: str) -> bool:
    """The early exit: no year, month name or time word means no time expression."""
    if has_date_name(sentence):
        return True
    low = sentence.lower()
    return any(w in low for w in TIME_WORDS)


def possible_kinds(sentence: str) -> list[str]:
    """The patterns whose words occur in the sentence (substring tests, far cheaper than a scan)."""
    low, dated = sentence.lower(), has_date_name(sentence)
    present = {w for w in GATE_WORDS if w in low}
    return [kind for kind, (needs_date, words) in GATES.items()
            if (dated or not needs_date) and (not words or not present.isdisjoint(words))]


# --- calendar arithmetic --------------------------------------------------------------------

def month_number(name: str) -> int:
    return MONTH_NAMES.index(name.strip(". ")[:3].lower()) + 1


def month_span(year: int, month: int) -> Period:
    return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), None)


def months_span(year: int, first: int, last: int) -> Period:
    return Period(date(year, first, 1), month_span(year, last).end, None)


def latest_year(month: int, published: date) -> int:
    """The year of the latest such month that does not start after publication."""
    return published.year if month <= published.month else published.year - 1


def months_before(day: date, n: int) -> date:
    total = day.year * 12 + day.month - 1 - n
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def years_in(text: str) -> list[int]:
    return [int(y) for y in re.findall(Y, text)]


def year_ref(text: str | None, published: date | None) -> int | None:
    """The year of "2024", "this year", "the year", "last year" (relative ones need publication)."""
    if not text:
        return None
    found = years_in(text)
    if found:
        return found[0]
    if published is None:
        return None
    return published.year - 1 if text.lower().startswith("last") else published.year


def day_parts(text: str) -> tuple[int, int, int | None]:
    """(month, day, year or None) of a day date such as "March 1", "1st of March 2024"."""
    month = month_number(re.search(M, text).group())
    day = int(re.search(r"(?<![\d])(\d{1,2})(?:st|nd|rd|th)?(?!\d)", text).group(1))
    year = years_in(text)
    return month, day, (year[0] if year else None)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day_date(text: str, published: date | None, deadline: bool = False) -> date | None:
    """A day date; without a year, the latest such day not after publication (a deadline: that year's)."""
    month, day, year = day_parts(text)
    if year is not None:
        return safe_date(year, month, day)
    if published is None:
        return None
    found = safe_date(published.year, month, day)
    if found is None or deadline or found <= published:
        return found
    return safe_date(published.year - 1, month, day)


def unit_span(text: str, published: date | None, deadline: bool = False) -> Period | None:
    """The calendar span of a day, month (with or without year) or year named by `text`."""
    if re.match(D, text, re.IGNORECASE):
        day = day_date(text, published, deadline)
        return Period(day, day, None) if day else None
    if re.match(M, text):
        month = month_number(re.match(M, text).group())
        years = years_in(text)
        if years:
            return month_span(years[0], month)
        if published is None:
            return None
        relative = re.search(r"\b(?:last|this)\s+year\b", text, re.IGNORECASE)
        if relative:  # "October last year"
            return month_span(year_ref(relative.group(), published), month)
        return month_span(published.year if deadline else latest_year(month, published), month)
    year = year_ref(text, published)
    return Period(date(year, 1, 1), date(year, 12, 31), None) if year else None


def part_span(m: re.Match, year: int | None, published: date | None) -> Period | None:
    """The span of a quarter, half or "first N months" of a year; without a year, the latest one."""
    if m.group("q"):
        word = m.group("q").lower()
        q = 4 if word in ("final", "last") else NUMBER_WORDS[word]
        first, last = 3 * q - 2, 3 * q
    elif m.group("h"):
        h = NUMBER_WORDS[m.group("h").lower()]
        first, last = 6 * h - 5, 6 * h
    else:
        n = NUMBER_WORDS.get(m.group("n").lower()) or int(m.group("n"))
        if not 1 <= n <= 12 or year is None:
            return None
        first, last = (1, n) if m.group("fl").lower() == "first" else (13 - n, 12)
    if year is None:
        if published is None or m.group("q") and m.group("q").lower() == "last":
            return None
        year = latest_year(first, published)
    return months_span(year, first, last)


# --- reading one expression -------------------------------------------------------------------

SKIP = object()  # the match is no time expression at all ("in 2000 soldiers")


def _range(m: re.Match, published: date | None) -> Period | None:
    a, b, kw = m.group("a"), m.group("b"), m.group("kw").lower()
    joint = m.group()[m.end("a") - m.start():m.start("b") - m.start()].strip().lower()
    if re.fullmatch(r"\d\d", b):  # "2023-24"
        if re.match(M, a) or re.match(D, a, re.IGNORECASE):
            return SKIP
        b = str(int(a) // 100 * 100 + int(b))
    a_month = month_number(re.search(M, a).group()) if re.search(M, a) else None
    b_month = month_number(re.search(M, b).group()) if re.search(M, b) else None
    if (a_month is None) != (b_month is None) and not (years_in(a) and years_in(b)):
        return None  # "from 2022 to May": unclear
    a_year, b_year = (years_in(a) or [None])[0], (years_in(b) or [None])[0]
    if a_month is not None:
        if b_year is None and a_year is not None:
            b_year = a_year if b_month >= a_month else a_year + 1
        if b_year is None:
            if published is None:
                return None
            b_year = latest_year(b_month, published)
        if a_year is None:
            a_year = b_year if a_month <= b_month else b_year - 1
    first, last = unit_span(_with_year(a, a_year), None), unit_span(_with_year(b, b_year), None)
    if first is None or last is None or first.start > last.end:
        return None
    if kw in ("in", "during", "for", "over", "throughout") and joint == "and" and not _adjacent(first, last):
        return None  # "in 2022 and 2024" names two years, not a period
    return Period(first.start, last.end, None)


def _with_year(text: str, year: int | None) -> str:
    return text if years_in(text) or year is None or not re.search(M, text) else f"{text} {year}"


def _adjacent(first: Period, last: Period) -> bool:
    return last.start - first.end <= timedelta(days=1)


def _since(m: re.Match, published: date | None) -> Period | None:
    if published is None or (m.group("from") and not m.group("sd")):
        return None
    if m.group("sy"):
        year = year_ref(m.group("sy"), published)
        begin = date(year, 1, 1)
    else:
        span = unit_span(m.group("sd") or m.group("sm") or m.group("syr"), published)
        begin = span.start if span else None
    return Period(begin, published, None) if begin and begin <= published else None


def _since_event(m: re.Match, published: date | None) -> Period | None:
    span = unit_span(m.group("e"), published)
    if published is None or span is None or span.start > published:
        return None
    return Period(span.start, published, None)


def _relative_month(text: str, published: date | None) -> Period | None:
    if published is None:
        return None
    day = months_before(published, 1) if text.lower().startswith("last") else published
    return month_span(day.year, day.month)


def _edge(m: re.Match, published: date | None) -> Period | None:
    kw, edge, unit = " ".join(m.group("kw").lower().split()), m.group("edge").lower(), m.group("u")
    if edge != "end" and kw not in ("by", "as of", "as at"):
        return None  # "at the start of 2024" may mean its first weeks
    if STARTING_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # "beginning at the end of June": a start, not a stock
    if m.group("q") or m.group("h") or m.group("fl"):
        year = year_ref(re.search(YR, unit, re.IGNORECASE).group(), published)
        span = part_span(m, year, published) if year else None
    elif unit.lower().endswith("month"):
        span = _relative_month(unit, published)
    else:
        span = unit_span(unit, published, deadline=kw in DEADLINE)
    if span is None:
        return None
    return Period(None, None, span.end if edge == "end" else span.start)


def _day(m: re.Match, published: date | None) -> Period | None:
    kw = " ".join(m.group("kw").lower().split())
    day = day_date(m.group("d"), published, deadline=kw in DEADLINE)
    return Period(None, None, day) if day else None


def _part(m: re.Match, published: date | None) -> Period | None:
    if m.group("fl") and not m.group("yr"):
        return SKIP  # "the last three months": a rolling window, read as one
    year = year_ref(m.group("yr"), published)
    if m.group("yr") and year is None:
        return None
    return part_span(m, year, published)


def _qh(m: re.Match, published: date | None) -> Period | None:
    kind, n, year = m.group("qh")[0], int(m.group("qh")[1]), int(m.group("yr"))
    return months_span(year, 3 * n - 2, 3 * n) if kind == "Q" else months_span(year, 6 * n - 5, 6 * n)


def _in(m: re.Match, published: date | None, sentence: str) -> Period | None:
    if m.group("m"):
        return unit_span(m.group("m"), published)
    if NOT_A_YEAR_AFTER.match(sentence, m.end()):
        return SKIP  # "in 2024 presidential elections", "for 2000 roubles"
    return unit_span(m.group("y"), published)


def _year_to(m: re.Match, published: date | None) -> Period | None:
    span = unit_span(m.group("u"), published)
    if span is None:
        return None
    return Period(months_before(span.end, 12) + timedelta(days=1), span.end, None)


def _last_named(m: re.Match, published: date | None) -> Period | None:
    """"last December": the latest December before the publication month."""
    if published is None:
        return None
    month = month_number(m.group("m"))
    return month_span(published.year if month < published.month else published.year - 1, month)


def _this(m: re.Match, published: date | None) -> Period | None:
    if published is None:
        return None
    if (m.group("u") or "year").lower() == "month":
        return Period(published.replace(day=1), published, None)
    return Period(date(published.year, 1, 1), published, None)


def _last(m: re.Match, published: date | None) -> Period | None:
    if published is None:
        return None
    if m.group("u").lower() == "month":
        return _relative_month("last", published)
    return Period(date(published.year - 1, 1, 1), date(published.year - 1, 12, 31), None)


def _rolling(m: re.Match, published: date | None) -> Period | None:
    word, n = m.group("w").lower(), m.group("n")
    if published is None or m.group("odd") or (n is None and word in ("previous", "preceding")):
        return None
    count = 1 if n is None else NUMBER_WORDS.get(n.lower()) or int(n)
    unit = m.group("u").lower()
    if unit == "year":
        begin = months_before(published, 12 * count)
    elif unit == "month":
        begin = months_before(published, count)
    else:
        begin = published - timedelta(days=count * (7 if unit == "week" else 1))
    return Period(begin, published, None)


def _weak(m: re.Match, published: date | None, sentence: str) -> Period | None:
    text = m.group().lower()
    if text.startswith("to") and re.search(r"\bup[\s-]*$", sentence[:m.start()], re.IGNORECASE):
        return SKIP  # "up to date"
    if text.endswith("far") and re.match(r"\s+(?:as|from|away|beyond|removed|off|so)\b", sentence[m.end():]):
        return SKIP  # "so far from"
    return Period(None, None, published) if published else None


RESOLVERS = {
    "range": _range, "since": _since, "since_event": _since_event, "edge": _edge, "day": _day,
    "part": _part, "qh": _qh, "when": lambda m, p: unit_span(m.group("y"), p), "this": _this,
    "year_to": _year_to, "last_named": _last_named,
    "last": _last, "rolling": _rolling,
    **{kind: (lambda m, p: None) for kind in PATTERNS if kind.startswith("vague")},
}
NEEDS_SENTENCE = {"in": _in, "weak": _weak}


def resolved(kind: str, m: re.Match, published: date | None, sentence: str):
    """What one matched expression says: a Period, None (too vague) or SKIP (no time at all)."""
    if kind in NEEDS_SENTENCE:
        return NEEDS_SENTENCE[kind](m, published, sentence)
    return RESOLVERS[kind](m, published)
