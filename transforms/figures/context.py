"""What the words around a number say: its qualifier, whether "X to Y" is one range or a change
and a new level, whether it is part of a name, an address, a score or an age, and which currency
a bare amount is in. Used by `transforms.figures.numbers`, which reads each figure in place.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from transforms.declarations.words import NUMBER_VERB_LEADS, UP_PARTICLE_VERBS
from transforms.figures import number_patterns as pat
from transforms.figures.digits import number_value
from transforms.figures.number_words import MULTIPLIERS
from transforms.figures.units import (
    counted_noun,
    currency_of_symbol,
    currency_of_word,
    following_words,
    plural_noun,
)


class Left(NamedTuple):
    """What the words right before a number say: `kind` is a LEFT group name, or None."""

    kind: str | None
    start: int


def left_context(text: str, start: int) -> Left:
    """The qualifier, range opener or exclusion written right before offset `start`."""
    words = text[max(0, start - 24) : start].split()
    last = words[-1].lstrip("“\"'([«").lower() if words else ""
    if last not in pat.LEFT_LAST_WORDS and not last.endswith(("~", "≈", "#", "=")):
        return Left(None, start)  # most numbers: no qualifier, skip the search below
    begin = max(0, start - 32)
    found = pat.LEFT.search(text[begin:start].lower())
    if found and found.lastgroup == "exclude" and number_as_verb(words, found.group()):
        return Left(None, start)
    if found and found.lastgroup == "at_most" and up_of_verb(words, found.group()):
        return Left(None, start)
    if found and found.lastgroup == "top" and verb_led(words):
        return Left("at_least", begin + found.start())  # "damages could top $1 billion"
    return Left(found.lastgroup, begin + found.start()) if found else Left(None, start)


def excluded(text: str, left: Left, end: int) -> bool:
    """Whether the words before a number make it no figure: "Article 5", "the top 10 players";
    but "the top 1%" is a share of people."""
    return left.kind == "exclude" or (left.kind == "top" and not pat.PERCENT_AFTER.match(text, end))


NUMBER_VERB_LEAD_SET = frozenset(NUMBER_VERB_LEADS)


def number_as_verb(words: list[str], excluded: str) -> bool:
    """Whether the "number" right before a figure is the verb ("the forces will number 2
    million", "migrants now number 6 million"), not a label ("number 3")."""
    return excluded.strip() == "number" and verb_led(words)


def verb_led(words: list[str]) -> bool:
    """Whether the word before the last one leads a verb ("could", "to", "now"): the last word
    ("number", "top") is then that verb, not a label."""
    return len(words) >= 2 and words[-2].lower() in NUMBER_VERB_LEAD_SET


UP_PARTICLE_VERB_SET = frozenset(UP_PARTICLE_VERBS)


def up_of_verb(words: list[str], bound: str) -> bool:
    """Whether the "up" of "up to" belongs to the verb before it ("ticked up to 4.3%"): the
    number is the level reached, not an upper bound."""
    return (bound.startswith("up") and len(words) >= 3
            and words[-3].lower() in UP_PARTICLE_VERB_SET)


CHANGE_TO_LEVEL = 10  # after a bare verb of change, "X to Y" with Y this much larger is two figures


def is_range(text: str, left: Left, value: float, unit: str | None, second) -> bool:
    """Whether "X to Y", "X-Y" or "between X and Y" is one range rather than two numbers."""
    sep = second.group("sep").strip()
    if sep == "and" and left.kind != "between":
        return False
    if left.kind == "from" and not text.startswith(("ranging", "anywhere"), left.start) and (
            change_earlier(text, left.start, SENTENCE_REACH)):
        return False  # "rose from 300 to 400", "extends the leave for those serving under
        # contract from 30 to 180 days": the verb of change may stand far back in its clause
    if unit is not None and (other := tail_unit(text, second)) and other != unit:
        return False  # "9.4 per cent to $84": a change and a level, not a range
    if unit == "percent" and not second.group("pct"):
        return False  # "weakened 0.4% to 4.72": a range of shares writes its last one in percent
    high = range_high(second)
    if high > CHANGE_TO_LEVEL * value and pat.CHANGE_RIGHT_BEFORE.search(
            text, max(0, left.start - 30), left.start):
        return False  # "rose $1.50 to $85.20": a change and the level it reached
    return high > value or (second.group("mult") is not None and high > 0)


def tail_unit(text: str, second) -> str | None:
    """The unit written on the second number of "X to Y": percent, a symbol or a word after it."""
    if second.group("pct"):
        return "percent"
    if second.group("cur"):
        return currency_of_symbol(second.group("cur"))
    word = pat.CURRENCY_AFTER.match(text, second.end())
    return currency_of_word(word.group("word")) if word else None


def after_change(text: str, left: Left, start: int) -> bool:
    """Whether a verb of change stands right before the number ("rose by 5% to", "fell from",
    "up 9.4 per cent to"): then "X to Y" is a change and a new level, two figures."""
    found = pat.CHANGE_BEFORE.search(text, max(0, start - 40), start)
    if found is None:
        return False
    if found.group("updown"):
        before = text[max(0, found.start() - 20) : found.start()].split()
        return not (before and pat.PHRASAL_UP.fullmatch(before[-1].lower()))  # "signed up"
    return True


def change_earlier(text: str, start: int, reach: int | None = None) -> bool:
    """Whether a verb of change comes earlier in the clause: "climbed to $4.3bn, from $3.9bn a
    year earlier" (a former level, not "salaries from 190,000 roubles"), at most `reach`
    characters back (CHANGE_REACH)."""
    lo = max(0, start - (reach or CHANGE_REACH))
    window = text[lo:start]
    cut = max(window.rfind(". "), window.rfind(";"), window.rfind("\n"))
    return pat.CHANGE.search(window, cut + 1) is not None


CHANGE_REACH = 80  # characters back from "from X" a verb of change may stand
SENTENCE_REACH = 160  # for "from X to Y", whose verb of change governs a longer object


def range_high(second) -> float:
    """The upper end of a range tail ("a million" is one million)."""
    num = second.group("num")
    return number_value("1" if num.lower() in ("a", "an") else num, second.group("mult"))


def range_bounds(value: float, scaled: bool, second, unit: str | None):
    """Low, high and unit of a range; "5 to 6 million" puts the multiplier on both ends."""
    high = range_high(second)
    low = value
    mult = second.group("mult")
    if mult and not scaled and low * MULTIPLIERS[mult.strip(" -").lower()] <= high:
        low *= MULTIPLIERS[mult.strip(" -").lower()]
    if second.group("pct"):
        unit = "percent"
    elif unit is None and second.group("cur"):
        unit = currency_of_symbol(second.group("cur"))
    return low, high, unit


def range_end(text: str, pos: int) -> int:
    """Where a number's range ends ("aged 18 to 50" is skipped whole)."""
    second = pat.RANGE_TAIL.match(text, pos)
    return second.end() if second else pos


def year_range_end(text: str, pos: int) -> int:
    """Where a year's range ends ("2022-23", "from 2014 to 2022"): only another year ends it, so
    that in "from $64.8m in 2022 to $45.1m in 2023" the second amount is read."""
    second = pat.RANGE_TAIL.match(text, pos)
    if second is None or second.group("cur") or second.group("mult") or second.group("pct"):
        return pos
    num = second.group("num")
    if num.isdigit() and (len(num) <= 2 or 1800 <= int(num) <= 2100 or (
            len(num) == 3 and counted_noun(following_words(text, second.end())) is None)):
        return second.end()  # "2022-23"; "in 2021 and 203." a year cut short, no count
    return pos


def age_clause(text: str, start: int) -> bool:
    """Whether the words before a small number make it an age ("At 26,", "the age limit ... 27")."""
    window = text[max(0, start - 70) : start]
    if "age" not in window.lower() and "At" not in window:
        return False  # most numbers: skip the search
    return pat.AGE_CLAUSE.search(window) is not None


def label_end(text: str, start: int, end: int) -> int | None:
    """Where a number that is part of a name, an address or a score ends, if it is one."""
    if pat.NAME_BEFORE.search(text, max(0, start - 24), start):
        return end  # "iPhone 11", "PlayStation 5"
    if pat.ADDRESS_AFTER.match(text, end):
        return end  # "12 Downing Street"
    if chain := pat.NUMBER_CHAIN.match(text, start):
        return chain.end()  # "the 9-9-9 plan", "24/7"
    score = pat.SCORE.match(text, start)
    if score and (pat.SCORE_WORD_AFTER.match(text, score.end())
                  or pat.SCORE_WORD_BEFORE.search(text, max(0, start - 40), start)):
        return score.end()  # "a 3-2 win", "won 2-1"
    points = pat.POINTS_SCORE.match(text, start)
    if points and int(points[1]) > int(points[2]) and any(
            p.search(text, max(0, start - 40), start)
            for p in (pat.SCORE_WORD_BEFORE, pat.TALLY_WORD_BEFORE)):
        return points.end()  # "beat the Celtics 112-104", "the bill passed 52-48"
    if named_number(text, start, end):
        return end  # "Title 42", "UFC 300"
    return None


def index_level(text: str, start: int) -> bool:
    """Whether the sentence before a bare number names a market index or its points, which
    makes the number a level of the index ("The FTSE 100 rose 0.5% to 7,650")."""
    return pat.INDEX_BEFORE.search(text, max(0, start - INDEX_REACH), start) is not None


INDEX_REACH = 150  # characters back from a bare number an index's name may stand


def named_number(text: str, start: int, end: int) -> bool:
    """Whether a whole number is part of a name: after a capitalised word inside a prose
    sentence, with nothing counted after it ("Title 42 expired", "a Porsche 911", "UFC 300")."""
    if not text[start:end].isdigit() or not pat.CAPITALISED_BEFORE.search(
            text, max(0, start - 30), start):
        return False
    if pat.PERCENT_AFTER.match(text, end) or pat.CURRENCY_AFTER.match(text, end):
        return False  # "Smith leads Jones 47% to 45%", "paid Smith 500 dollars": a share, money
    after = following_words(text, end)
    if pat.COUNT_THEN_NAME.search(text, max(0, start - 30), start):
        return True  # "18 Leopard 2 tanks": the count stands before the name the number is in
    if counted_noun(after) is not None or plural_noun(after):
        return False  # "Ukraine received 300 Leopard tanks"
    begin = max(0, start - 200, *(text.rfind(mark, 0, start) + 1 for mark in ".!?\n"))
    stop = min(len(text), end + 200, *(i for mark in ".!?\n" if (i := text.find(mark, end)) >= 0))
    return pat.PROSE_WORD.search(text, begin, stop) is not None  # not a headline in title case


def phone_end(text: str, start: int) -> int | None:
    """Where a telephone number starting at `start` ends, if it is one ("800-555-0199", "call
    555-0142"; not a range: "lost 500-1200 men")."""
    if phone := pat.LOCAL_PHONE.match(text, start - (text[start - 1] == "(")):
        return phone.end()
    phone = pat.CALL_PHONE.match(text, start) or pat.EMERGENCY.match(text, start)
    if phone and pat.CALL_WORD_BEFORE.search(text, max(0, start - 20), start):
        return phone.end()  # "call 555-0142", "call 911"
    return None


def recent_currency(text: str, start: int, conversion) -> str | None:
    """The currency of a bare amount converted in brackets: the last other currency named with
    an amount in the sentence before it ("800,000 rubles ..., down from 2.5 million ($25,000)")."""
    if conversion.group("cur"):
        other = currency_of_symbol(conversion.group("cur"))
    elif conversion.group("word"):
        other = currency_of_word(conversion.group("word"))
    else:
        return None
    begin = max(0, start - 200, text.rfind("\n", 0, start) + 1)
    named = [currency_of_word(m.group("word")) if m.group("word") else currency_of_symbol(m.group("cur"))
             for m in pat.MONEY_NAMED.finditer(text, begin, start)]
    return next((code for code in reversed(named) if code != other), None)


def clause_currency(text: str, start: int) -> str | None:
    """The currency of a bare amount whose clause talks money in a currency named before it:
    a word of pay right before the amount, and an amount with a currency earlier in the clause."""
    pay = pat.MONEY_WORD_BEFORE.search(text, max(0, start - 60), start)
    if pay is None:
        return None
    begin = max(0, start - 160)
    begin = max([begin, *(text.rfind(mark, begin, pay.start()) + 1 for mark in ".;:!?\n")])
    named = pat.MONEY_NAMED.search(text, begin, pay.start())
    if named is None:
        return None
    if named.group("word"):
        return currency_of_word(named.group("word"))
    return currency_of_symbol(named.group("cur"))


def former_level_currency(text: str, left: Left) -> str | None:
    """The currency of a bare amount given as the level a change started from ("the bonus was
    raised to 500,000 roubles, up from 300,000"; "climbed to $4.3bn, from 3.9bn"): the last
    currency named with an amount earlier in its clause, the same quantity's former value."""
    if left.kind != "from" or not (pat.UP_DOWN_BEFORE.search(text, max(0, left.start - 6), left.start)
                                   or change_earlier(text, left.start)):
        return None
    begin = max(0, left.start - CHANGE_REACH)
    begin = max([begin, *(text.rfind(mark, begin, left.start) + 1 for mark in ".;:!?\n")])
    named = list(pat.MONEY_NAMED.finditer(text, begin, left.start))
    if not named:
        return None
    last = named[-1]
    word = last.group("word")
    return currency_of_word(word) if word else currency_of_symbol(last.group("cur"))


BILLIONS = 1e9  # a bare amount this large counts money, not people, when its sentence talks money


def large_amount_currency(text: str, start: int, end: int, value: float) -> str | None:
    """The currency of a bare amount in billions or more ("900 billion rubles for the wounded and
    at least 1.4 trillion for the families"): the currency of the nearest amount named in its
    sentence, before it or after it; people are seldom counted in billions."""
    if value < BILLIONS:
        return None
    begin = max([max(0, start - 200), *(text.rfind(mark, max(0, start - 200), start) + 1
                                        for mark in ".;!?\n")])
    stop = min([len(text), end + 200, *(i for mark in ".;!?\n"
                                        if (i := text.find(mark, end, end + 200)) >= 0)])
    named = [(abs(m.start() - start), m) for m in pat.MONEY_NAMED.finditer(text, begin, stop)
             if not start <= m.start() < end]
    if not named:
        return None
    nearest = min(named, key=lambda pair: pair[0])[1]
    if nearest.group("word"):
        return currency_of_word(nearest.group("word"))
    return currency_of_symbol(nearest.group("cur"))


@lru_cache(maxsize=64)
def writes_decimal_comma(text: str) -> bool:
    """Whether an article writes decimals with a comma somewhere no reader can mistake ("21 922,12
    roubles", "8,9 billion"): then its "5,248 billion" is 5.248 billion too, one article keeping
    one convention."""
    return pat.DECIMAL_COMMA.search(text) is not None
