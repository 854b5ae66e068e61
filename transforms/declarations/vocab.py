"""Controlled vocabularies, declared once.

They follow ../shared/corpus/ANNOTATION.md so that published claims can be scored against an
analyst's gold file; the claims schema, the extraction and the expectations all read them here.
Currencies are data: one row each in currencies.csv beside this file (code, symbols, words, and
the words for a hundredth of the unit).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

CURRENCY_FILE = Path(__file__).with_name("currencies.csv")


class Currency(NamedTuple):
    """One currency: its ISO 4217 code, the symbols written before an amount, the words after,
    and the words after an amount in hundredths of it ("cents", "pence")."""

    code: str
    name: str
    symbols: tuple[str, ...]
    words: tuple[str, ...]
    minor: tuple[str, ...] = ()


def read_currencies(path: str | Path = CURRENCY_FILE) -> tuple[Currency, ...]:
    """The currency table; raises ValueError when a code is malformed or a form names two."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    table = tuple(Currency(r["code"].strip(), r["name"].strip(), _forms(r["symbols"]),
                           _forms(r["words"]), _forms(r.get("minor"))) for r in rows)
    seen: dict[str, str] = {}
    for currency in table:
        if not (len(currency.code) == 3 and currency.code.isalpha() and currency.code.isupper()):
            raise ValueError(f"{path}: {currency.code!r} is no ISO 4217 code")
        for form in (currency.code, *currency.symbols, *currency.words, *currency.minor):
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

# Which evidence decided a claim's claimant (`claims.attribution_rule`), and what it means.
ATTRIBUTION_RULES = {
    "own-speaker": "a cue in the figure's sentence names who asserts it (`X said`, "
                   "`according to X`, `X's estimate`)",
    "own-cited": "the figure's sentence names a source that another one cites (`citing X`)",
    "own-relay": "the figure's sentence names only who passes it on (`quoted by X`, `told X`)",
    "own-data": "the figure's sentence names a data source (`according to data from X`)",
    "own-action": "the figure's clause says who ordered it into being (`X ordered`, `a decree by X`)",
    "quotation-speaker": "the figure is inside a quotation whose speaker is named outside it",
    "passage-before": "the source of the passage the figure's sentence continues",
    "passage-after": "the attribution that closes the figure's paragraph (`..., X said.`)",
    "source-line": "the article says whom it retells (`Source: X`)",
    "interview-turn": "the speaker of the interview line the figure is in (`X: ...`)",
    "lead-body": "the official body whose report the whole article retells",
    "mention": "a source named in the figure's sentence without a cue",
    "same-figure-in-body": "a headline figure that repeats an amount the body attributes",
    "outlet": "no source is linked to the figure: the outlet states it on its own account",
}

