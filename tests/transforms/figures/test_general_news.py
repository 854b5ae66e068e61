"""figures() on general news (markets, business, politics, weather, sport, science): the
counts, money and shares a reader of any well-edited article expects, and the numbers that are
names, measures or prices of money.

Every sentence is written for this test (none is taken from an article).
"""

from __future__ import annotations

import pytest

from transforms.figures.numbers import figures


def fig(quote, value=None, **fields):
    return {"quote": quote, "value": value, **fields}


READS = [
    # --- hundredths of a currency ------------------------------------------------------------
    ("cents per share are dollars", "Profit was $2.1 billion, or 52 cents a share.",
     [fig("$2.1 billion", 2.1e9, unit="USD"), fig("52 cents", 0.52, unit="USD")]),
    ("pence glued to the digits", "The stamp went up 5p to 85p.",
     [fig("5p", 0.05, unit="GBP"), fig("85p", 0.85, unit="GBP")]),
    ("a range in cents", "Bread costs between 90 and 95 cents.",
     [fig("between 90 and 95 cents", None, value_low=0.9, value_high=0.95, unit="USD",
          qualifier="range")]),
    # --- a change in percent and the level it reached ----------------------------------------
    ("a percent before a level without percent is no range",
     "The index weakened 1.3% to 812.6 on Monday.",
     [fig("1.3%", 1.3, unit="percent"), fig("812.6", 812.6)]),
    ("a currency's change against another is a share, its rate no figure",
     "The peso slid 0.7% to 17.2 per dollar.", [fig("0.7%", 0.7, unit="percent")]),
    ("a change against a currency", "The franc gained 0.5% against the euro.",
     [fig("0.5%", 0.5, unit="percent")]),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in READS],
                         ids=[c[0] for c in READS])
def test_general_news_reads(sentence, expected, reads_as):
    reads_as(sentence, expected)


NOT_FIGURES = [
    ("an exchange rate per dollar", "The rupee traded at 83.1 per dollar."),
    ("a time with pm glued", "The shop shuts at 5p.m. on Sundays."),
]


@pytest.mark.parametrize(("sentence",), [c[1:] for c in NOT_FIGURES],
                         ids=[c[0] for c in NOT_FIGURES])
def test_general_news_not_figures(sentence):
    assert figures(sentence) == []
