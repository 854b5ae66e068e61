"""The value of a number written in digits, in any of the separators the news uses.

English "1,271.2", European "5 248,5" and "1.234,5", Indian "12,00,000", with multipliers
("3.5bn", "2 lakh", "1.5 crore", "4 hundred million"). What no figure can be (dozens of digits,
an overflow to infinity) raises ValueError, which the reader counts as a skipped expression.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from transforms.figures.number_words import MULTIPLIERS

MAX_DIGITS = 20  # more digits than any figure has: a code, a garbled string or an overflow


_TAIL_PARTS = re.compile(r"\s*(\d+)\s?([a-z]+)", re.IGNORECASE)  # " 389 thousand"


@lru_cache(maxsize=4096)  # (the same numbers come back: years, "1", "100")
def number_value(digits: str, multiplier: str | None = None, tail: str | None = None) -> float:
    """The value of digits with their separators and multiplier: "2.390" 2390, "1,271.2" 1271.2,
    "5 248,5" 5248.5, "12,00,000" 1200000, "3.5bn" 3.5e9, "4 hundred million" 4e8.

    Raises ValueError for what is no number a figure can have (too many digits, not finite).
    """
    compact = "".join(digits.split())
    if sum(char.isdigit() for char in compact) > MAX_DIGITS:
        raise ValueError(f"too many digits for a figure: {compact[:30]}...")
    decimal = _decimal_mark(compact, bool(multiplier))
    thousands = "".join(mark for mark in ",." if mark != decimal)
    compact = compact.translate({ord(mark): None for mark in thousands})
    try:  # in decimal, so that "8.3 trillion" is 8300000000000, not 8300000000000.001
        exact = Decimal(compact.replace(",", ".") if decimal == "," else compact)
    except InvalidOperation:
        raise ValueError(f"not a number: {digits!r}") from None
    for word in (multiplier or "").lower().replace("-", " ").split():  # "1.2-billion"
        exact *= Decimal(MULTIPLIERS[word])
    if tail:
        count, scale = _TAIL_PARTS.match(tail).groups()
        exact += Decimal(count) * Decimal(MULTIPLIERS[scale.lower()])
    value = float(exact)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {digits!r}")
    return value


def _decimal_mark(compact: str, scaled: bool) -> str | None:
    """Which of "," and "." is the decimal mark in `compact` (digits and marks), if either.

    Both: the last one ("1,271.2", "1.234,5"). One mark written more than once separates
    thousands ("2,389,130", "10.000.000"). Once: a comma before three digits separates
    thousands ("2,390"), before other counts it is decimal ("4,5 million"); a dot is decimal
    unless three digits follow and no multiplier ("2.390" 2390, "1.320 million" 1.32e6).
    """
    marks = [char for char in compact if char in ",."]
    if not marks:
        return None
    if len(set(marks)) == 2:
        return marks[-1]
    mark = marks[0]
    if len(marks) > 1:
        return None
    after = len(compact.rsplit(mark, 1)[1])
    if mark == ",":
        return None if after == 3 else ","
    return None if after == 3 and not scaled else "."
