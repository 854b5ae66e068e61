"""When two figures say the same thing: agreement within rounding, closeness, likely typos.

Reports repeat a figure as they please: "280,000" becomes "some 280,000" or "283,000" rounded to
"280,000"; a conversion is done at another day's rate (5,130 or 5,140 dollars); a digit goes
missing ("45,000" for "495,000") or a "thousand" is dropped ("300" for "300,000"). These
functions decide which of those a pair of numbers is, so that clustering and its flags agree.
"""

from __future__ import annotations

import functools
import math

CLOSE = 0.03  # relative difference still taken for the same figure, reported differently
ROUNDING = 0.05  # the most a rounded figure may differ from the exact one, relatively
DROPPED_SCALES = (1_000.0, 1_000_000.0)  # "thousand" and "million" left out


@functools.lru_cache(maxsize=1 << 16)  # a block compares each of its values many times
def precision(value: float) -> float:
    """The power of ten a figure is rounded to: 280,000 -> 10,000; 5,130 -> 10; 2.5 -> 0.1."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    if value != int(value):
        decimals = len(f"{value:.6f}".rstrip("0").split(".")[1])
        return 10.0 ** -decimals
    step, number = 1.0, int(abs(value))
    while number % 10 == 0:
        number //= 10
        step *= 10
    return step


def relative_difference(a: float, b: float) -> float:
    """|a - b| relative to the larger of the two (0 when both are 0)."""
    top = max(abs(a), abs(b))
    return 0.0 if top == 0 else abs(a - b) / top


def within_rounding(a: float, b: float) -> bool:
    """Whether the coarser figure is the finer one rounded ("280,000" for 283,000).

    The rounding may not move the figure by more than ROUNDING, so that "300,000" is not
    taken for 251,000 merely because it ends in five zeros.
    """
    if a == b:
        return True
    if relative_difference(a, b) > ROUNDING:  # the cheaper test first
        return False
    coarse, fine = (a, b) if precision(a) >= precision(b) else (b, a)
    step = precision(coarse)
    return math.floor(fine / step + 0.5) * step == coarse


def close(a: float, b: float) -> bool:
    """Whether two figures are within rounding or within CLOSE of each other."""
    return within_rounding(a, b) or relative_difference(a, b) <= CLOSE


def digits(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def slip(a: str, b: str) -> str | None:
    """One digit dropped or doubled, or two neighbours swapped: what `a` does to `b`.

    A digit merely changed is not counted: round figures one digit apart (400,000 and 450,000)
    are far more often two different figures than one mistyped.
    """
    if len(a) == len(b) - 1 and any(b[:i] + b[i + 1:] == a for i in range(len(b))):
        return "a digit missing"
    if len(a) == len(b) + 1 and any(a[:i] + a[i + 1:] == b for i in range(len(a))):
        return "a digit added"
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                and a[diff[1]] == b[diff[0]]):
            return "two digits swapped"
    return None


def typo_of(value: float, consensus: float) -> str | None:
    """Why `value` looks like a slip for `consensus`, or None when it does not.

    A slip is a digit dropped, doubled or swapped, when the result is not merely close (those
    are variants), or the consensus with "thousand" or "million" left out or added.
    """
    if value <= 0 or consensus <= 0 or close(value, consensus):
        return None
    for scale in DROPPED_SCALES:
        if math.isclose(value * scale, consensus) or math.isclose(value, consensus * scale):
            word = "thousand" if scale == 1_000 else "million"
            return f"a '{word}' {'dropped' if value < consensus else 'added'}"
    a, b = digits(value), digits(consensus)
    return slip(a, b) if min(len(a), len(b)) >= 3 else None
