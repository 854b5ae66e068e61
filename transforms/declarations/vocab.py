"""Controlled vocabularies, declared once.

They follow ../shared/corpus/ANNOTATION.md so that published claims can be scored against an
analyst's gold file; the claims schema, the extraction and the expectations all read them here.
Currencies are data: one row each in currencies.csv beside this file (code, symbols, words).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

CURRENCY_FILE = Path(__file__).with_name("currencies.csv")


class Currency(NamedTuple):
    """One currency: its ISO 4217 code, the symbols written before an amount, the words after."""

    code: str
    name: str
    symbols: tuple[str, ...]
    words: tuple[str, ...]


def read_currencies(path: str | Path = CURRENCY_FILE) -> tuple[Currency, ...]:
    """The currency table; raises ValueError when a code is malformed or a form names two."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    table = tuple(Currency(r["code"].strip(), r["name"].strip(), _forms(r["symbols"]),
                           _forms(r["words"])) for r in rows)
    seen: dict[str, str] = {}
    for currency in table:
        if not (len(currency.code) == 3 and currency.code.isalpha() and currency.code.isupper()):
            raise ValueError(f"{path}: {currency.code!r} is no ISO 4217 code")
        for form in (currency.code, *currency.symbols, *currency.words):
            key = " ".join(form.split()).casefold()
            if seen.setdefault(key, currency.code) != currency.code:
                raise ValueError(f"{path}: {form!r} names both {seen[key]} and {currency.code}")
    return table


def _forms(cell: str | None) -> tuple[str, ...]:
    return tuple(form.strip() for form in (cell or "").split("|") if form.strip())


CURRENCY_TABLE = read_currencies()
CURRENCIES = tuple(currency.code for currency in CURRENCY_TABLE)
UNITS = ("person", *CURRENCIES, "percent", "day", "month", "year", "unit")
PERS = ("month", "year", "day")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range", "vague")
METRICS = (
    "recruited",
    "mobilised",
    "target",
    "pool",
    "pay",
    "casualties",
    "fled",
    "deployed",
    "other",
)
SOURCE_KINDS = (
    "government",
    "military",
    "official",
    "media",
    "think tank",
    "NGO",
    "outlet",
    "unknown",
)

# What clustering notices, and what each flag means to an analyst.
FLAGS = {
    "rounded": "the same figure rounded differently, as 280,000 for 283,000",
    "value_differs": "a value close to the cluster's but beyond rounding, as 5,140 for 5,130",
    "typo": "a value one digit or a dropped 'thousand' away from the cluster's, as 45,000 "
            "for 495,000 or 300 for 300,000",
    "conversion_differs": "the same figure converted into another currency differently",
    "other_currency": "the figure given only in another currency",
    "contradiction": "another claimant gives a disagreeing value for the same metric and period",
}
VARIANT_FLAGS = ("rounded", "value_differs", "typo", "conversion_differs", "other_currency")
