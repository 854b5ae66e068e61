"""Lists of numbers that share the unit written once, after the last: "bonuses of 100,000,
200,000 or 300,000 roubles", "up 2, 3 and 4 percent", "contracts of three, six or twelve
months". Each item is a figure in that unit; news writes the unit once for all of them. Two
small counts one apart ("two or three recruits") are one approximate range.

A pass over the figures already read: an item without a unit word of its own (nothing but a
list separator between it and the next item) takes the unit of the item after it, and bare
terms before a term of service are read as terms ("three, six or twelve months").
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from transforms.declarations.vocab import CURRENCIES
from transforms.figures.digits import number_value
from transforms.figures.number_words import ONES, TENS, word_number
from transforms.figures.units import DURATION_UNITS
from transforms.model import Figure

SHARED_UNITS = frozenset({"percent", *DURATION_UNITS.values(), *CURRENCIES})
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")
_WORD = "|".join(sorted({*ONES, *TENS}, key=len, reverse=True))
_ITEM = rf"(?:\d[\d,.]*|(?i:{_WORD}))"
# the bare items before a term: "three, six or " before "twelve months"
TERMS_BEFORE = re.compile(rf"(?<![\w.,-])({_ITEM}(?:\s*,\s*{_ITEM})*)\s*,?\s+(?:or|and)\s+$")
ITEM = re.compile(_ITEM)


def shares_unit(figure: Figure) -> bool:
    """Whether a figure's unit is one a list writes once: money, percent, a term."""
    return figure.unit in SHARED_UNITS


def bare(figure: Figure) -> bool:
    """Whether a figure is a number alone, with no unit or noun written after it."""
    return figure.value is not None and figure.unit in ("person", "unit") and (
        figure.quote.replace(",", "").replace(".", "").strip().isdigit())


def scale_of(figure: Figure) -> float:
    """The scale a figure's quote writes after its number ("3 billion dollars": a billion)."""
    first = ITEM.search(figure.quote)
    base = item_value(first.group()) if first else None
    return figure.value / base if base and figure.value and figure.value > base else 1.0


def item_value(item: str) -> float | None:
    """A list item's value, or None where it cannot be read ("1,,2": the item is left alone)."""
    try:
        if item[0].isdigit():
            value = number_value(item.rstrip(".,"))
        else:
            found = word_number(item.lower())
            value = found[0] if found else None
    except (ValueError, KeyError, IndexError, OverflowError):
        return None
    return value if value is not None and math.isfinite(value) else None


def listed_terms(text: str, term: Figure, floor: int) -> list[Figure]:
    """The bare items listed before a term ("three, six or" before "twelve months"), as terms."""
    found = TERMS_BEFORE.search(text, max(floor, term.start - LIST_REACH), term.start)
    if found is None:
        return []
    out = []
    for m in ITEM.finditer(text, found.start(1), found.end(1)):  # (no scale: "three, six")
        value = item_value(m.group())
        if value:
            out.append(Figure(m.start(), m.end(), m.group(), value, unit=term.unit))
    return out


# "two or three recruits": a count one apart from the one before it, an approximate range
ONE_APART = re.compile(rf"(?<![\w.,-])({_ITEM})\s+or\s+$")
FEW = 20  # "two or three", "four or five": small counts, not "2023 or 2024"
PAIR_REACH = 16   # characters before a count its partner may take: "seventeen or "
LIST_REACH = 120  # characters before a term its listed terms may take


def one_apart(text: str, figure: Figure, floor: int) -> Figure:
    """A small count with the one below it before "or", as the range the two give."""
    found = ONE_APART.search(text, max(floor, figure.start - PAIR_REACH), figure.start)
    low = item_value(found.group(1)) if found else None
    if low is None or figure.value != low + 1 or figure.value > FEW or figure.value_low is not None:
        return figure
    start = found.start(1)
    return replace(figure, start=start, quote=text[start:figure.end], value=None, value_low=low,
                   value_high=figure.value, qualifier="range")


FROM_TO_GAP = re.compile(r"\s+to\s+")  # the two ends of a change "from X to Y"


def shared_units(text: str, found: list[Figure]) -> list[Figure]:
    """The figures with each list's unit given to its bare items, and the bare terms before a
    listed term added, in order."""
    out: list[Figure] = []
    for figure in found:
        joined = one_apart(text, figure, out[-1].start if out else 0)
        if joined is not figure and out and out[-1].start >= joined.start:
            out.pop()  # "4 or 5 men": the low end read alone before
        out.append(joined)
    for i in range(len(out) - 2, -1, -1):  # right to left: "2, 3 and 4 percent"
        item, after = out[i], out[i + 1]
        if bare(item) and shares_unit(after) and after.value is not None and (
                LIST_GAP.fullmatch(text, item.end, after.start)):
            scale = scale_of(after)  # "1, 2 or 3 billion dollars": billions, each of them
            out[i] = replace(item, unit=after.unit, value=item.value * scale if (
                item.value * scale <= after.value) else item.value)
    for i in range(1, len(out)):  # "monthly pay rose from 200,000 to 250,000 roubles": both monthly
        old, new = out[i - 1], out[i]
        if (old.per and new.per is None and old.unit == new.unit and old.value is not None
                and FROM_TO_GAP.fullmatch(text, old.end, new.start)
                and text[max(0, old.start - 5):old.start].lower().endswith("from ")):
            out[i] = replace(new, per=old.per)
    added = []
    for i, figure in enumerate(out):
        if figure.unit in DURATION_UNITS.values() and figure.value is not None:
            floor = out[i - 1].end if i else 0
            added += listed_terms(text, figure, floor)
    return sorted(out + added, key=lambda f: f.start) if added else out
