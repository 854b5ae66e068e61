"""figures(): number formats from many styles of writing, and what is no figure at all.

Every sentence is written for this test (none is taken from an article); each case gives the
figures the sentence must yield, in order, with the fields that matter for it.
"""

from __future__ import annotations

import pytest

from transforms.figures.numbers import figures, number_value


def fig(quote, value=None, **fields):
    return {"quote": quote, "value": value, **fields}


FORMATS = [
    # --- English and European separators and decimals --------------------------------------
    ("English decimal after thousands", "The fund holds 1,271.2 million roubles.",
     [fig("1,271.2 million roubles", 1271.2e6, unit="RUB")]),
    ("two decimals after thousands", "Each family got 18,432.24 euros.",
     [fig("18,432.24 euros", 18432.24, unit="EUR")]),
    ("another two decimals", "A pension of 27,349.19 roubles was set.",
     [fig("27,349.19 roubles", 27349.19, unit="RUB")]),
    ("symbol with a decimal after thousands", "Fines reached $1,271.2 in total.",
     [fig("$1,271.2", 1271.2, unit="USD")]),
    ("space thousands, comma decimal", "The grant is 5 248,5 roubles.",
     [fig("5 248,5 roubles", 5248.5, unit="RUB")]),
    ("European dots with a comma decimal", "He was paid 1.234,5 euros.",
     [fig("1.234,5 euros", 1234.5, unit="EUR")]),
    ("European dot thousands", "The town sent 2.390 volunteers.", [fig("2.390", 2390)]),
    ("a change by a share in words", "Enlistment rose by a third in the spring.",
     [fig("a third", 33.33, unit="percent")]),
    # --- South Asian scales -----------------------------------------------------------------
    ("lakh", "Families were offered 2 lakh rupees.",
     [fig("2 lakh rupees", 2e5, unit="INR")]),
    ("crore", "The agents took 1.5 crore rupees.", [fig("1.5 crore rupees", 1.5e7, unit="INR")]),
    ("lakh crore", "The scheme will cost Rs 2 lakh crore.",
     [fig("Rs 2 lakh crore", 2e12, unit="INR")]),
    ("Indian grouping", "He paid 12,00,000 rupees to the agent.",
     [fig("12,00,000 rupees", 1.2e6, unit="INR")]),
    ("rupee symbol with lakh", "a bonus of over Rs 30 lakh",
     [fig("over Rs 30 lakh", 3e6, unit="INR", qualifier="at_least")]),
    # --- symbols written in many ways --------------------------------------------------------
    ("dollar sign after US", "a deal worth $US8.6 million", [fig("$US8.6 million", 8.6e6,
                                                                  unit="USD")]),
    ("US dollar prefix", "pay of US$5,130", [fig("US$5,130", 5130, unit="USD")]),
    ("Australian dollar prefix", "a grant of A$3 million", [fig("A$3 million", 3e6, unit="AUD")]),
    ("hundred million", "a market of 4 hundred million people",
     [fig("4 hundred million", 4e8, unit="person")]),
    ("multiplier glued to digits", "It spent $64.8million on it.",
     [fig("$64.8million", 64.8e6, unit="USD")]),
    # --- shares and signs --------------------------------------------------------------------
    ("a negative percent is read and left out", "Output changed by -3.5% last year.", []),
    ("a fall beside a rise", "Sales went -3.5% and then +2% in a year.",
     [fig("+2%", 2, unit="percent")]),
    ("positive percent", "Sign-ups changed by +12% in May.", [fig("+12%", 12, unit="percent")]),
    ("pc for percent", "Turnout was 24pc in the city.", [fig("24pc", 24, unit="percent")]),
    ("a share of any numerator", "Nine in 10 recruits were local.",
     [fig("Nine in 10", 90, unit="percent")]),
    ("a share ending its sentence", "Former prisoners are roughly one in five.",
     [fig("roughly one in five", 20, unit="percent", qualifier="approx")]),
    ("a share out of", "Three out of four firms plan to hire.",
     [fig("Three out of four", 75, unit="percent")]),
    # --- changes are two figures -------------------------------------------------------------
    ("up X per cent to Y", "Spending was up 9.4 per cent to $84 this year.",
     [fig("9.4 per cent", 9.4, unit="percent"), fig("$84", 84, unit="USD")]),
    ("fell from X to Y", "The average bonus fell from $2,415 to $2,315.",
     [fig("$2,415", 2415, unit="USD", qualifier="exact"),
      fig("$2,315", 2315, unit="USD", qualifier="exact")]),
    ("a former level after the new one is exact", "Sales climbed to $4.3bn, from $3.9bn in 2023.",
     [fig("$4.3bn", 4.3e9, unit="USD"), fig("$3.9bn", 3.9e9, unit="USD", qualifier="exact")]),
    ("from before a price is a floor", "Rooms are offered from $90 a night.",
     [fig("from $90", 90, unit="USD", qualifier="at_least")]),
    ("a glued m before a plural noun is millions", "The line carried 8.7m passengers.",
     [fig("8.7m", 8.7e6, unit="person")]),
    ("points of an index are no people", "The index fell 112.4 points in a day.",
     [fig("112.4", 112.4, unit="unit")]),
    ("many people who say are a figure", "Some 5,000 people said they had lost their jobs.",
     [fig("Some 5,000", 5000, unit="person", qualifier="approx")]),
    ("rose by X to Y", "The payment rose by 50,000 to 250,000 roubles.",
     [fig("50,000", 50000, unit="RUB"), fig("250,000 roubles", 250000, unit="RUB")]),
    ("a change takes the currency of its new level", "Pay rose from 200,000 to 250,000 rubles.",
     [fig("200,000", 200000, unit="RUB"), fig("250,000 rubles", 250000, unit="RUB")]),
    ("a falling pair is never a range", "Budgets went $64.8million to $45.1million.",
     [fig("$64.8million", 64.8e6, unit="USD"), fig("$45.1million", 45.1e6, unit="USD")]),
    ("between stays a range", "between 10,000 and 20,000 recruits",
     [fig("between 10,000 and 20,000", None, value_low=10000, value_high=20000,
          qualifier="range")]),
    ("X to Y people stays a range", "It needs 120,000 to 180,000 people.",
     [fig("120,000 to 180,000", None, value_low=120000, value_high=180000, qualifier="range")]),
    ("a rise of a range stays a range", "Prices rose 5 to 10 percent.",
     [fig("5 to 10 percent", None, value_low=5, value_high=10, unit="percent")]),
    ("signed up is no change", "The regions signed up 300 to 400 men.",
     [fig("300 to 400", None, value_low=300, value_high=400)]),
    # --- number words before any counted noun ------------------------------------------------
    ("number word before a plural noun", "The two kids were sent home.",
     [fig("two", 2, unit="person")]),
    ("number word, modifier, noun", "The club made eight more picks.", [fig("eight", 8)]),
    ("number word before a unit of force", "Three brigades were moved south.",
     [fig("Three", 3, unit="unit")]),
    ("number word before a noun and a modifier", "The court sent two separate notices.",
     [fig("two", 2, unit="unit")]),
    ("a possessive plural of people", "Two researchers’ estimates differ.",
     [fig("Two", 2, unit="person")]),
    ("an unlisted plural of things is a unit", "Shells hit 13 locations overnight.",
     [fig("13", 13, unit="unit")]),
    ("a capitalised plural is a people", "About 4,000 Gurkhas enlisted.",
     [fig("About 4,000", 4000, unit="person")]),
    ("a plural ending of people", "The 40 trainees left.", [fig("40", 40, unit="person")]),
    ("contracts count people", "Some 90,000 new contracts were signed.",
     [fig("Some 90,000", 90000, unit="person")]),
    # --- conversions -------------------------------------------------------------------------
    ("a bare amount converted in brackets", "It is 800,000 rubles, down from 2.5 million ($25,000).",
     [fig("800,000 rubles", 800000, unit="RUB"),
      fig("2.5 million ($25,000)", 2.5e6, unit="RUB", alt_value=25000, alt_unit="USD")]),
    ("a conversion stated as a worth", "Six million roubles is worth roughly $70,000.",
     [fig("Six million roubles", 6e6, unit="RUB", alt_value=70000, alt_unit="USD")]),
    ("a conversion with a code after a comma", "a bill of 2 billion rubles, or about 24 million USD, paid",
     [fig("2 billion rubles, or about 24 million USD", 2e9, unit="RUB", alt_value=24e6,
          alt_unit="USD")]),
]

NOT_FIGURES = [
    ("a count of the sources who speak", "Two officials close to the talks said it would fail."),
    ("a count of those who told", "Three people told the paper that the office had closed."),
    ("scientific notation", "A value of 1e6 or 3.2E+05 was logged."),
    ("product names", "He bought an iPhone 11 and a PlayStation 5."),
    ("a game number", "Game 7 was played in May."),
    ("a category", "It was a category 4 storm."),
    ("an operating system", "The office runs Windows 10."),
    ("a road", "They drove down Route 66."),
    ("an address", "They met at 12 Downing Street."),
    ("a score", "It ended in a 3-2 win for the hosts."),
    ("a score after a verb", "The visitors won 2-1 at home."),
    ("a score a side scored", "The hosts scored 3-1 in the final."),
    ("a score that ends its sentence", "The hosts won the final, beating the visitors 5-2."),
    ("a share in an ordinal's name", "The goods were sold by a third party."),
    ("aircraft and groups", "The Su-25 flew past the G7 summit."),
    ("a ranking", "the top 10 regions by losses"),
    ("a numeric date", "The decree of 13.02.2023 was signed."),
    ("an age at the start of a sentence", "At 26, he was called up."),
    ("an age limit", "The age limit for the draft went from 27 to 30."),
    ("these two", "Are these two different lists?"),
    ("parts of an account", "It was paid in two instalments."),
    ("a duration in just", "The count fell in just two months after the decree on contracts."),
    ("a phone number", "Call +7 495 123 45 67 now."),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in FORMATS],
                         ids=[c[0] for c in FORMATS])
def test_formats(sentence, expected, reads_as):
    reads_as(sentence, expected)


@pytest.mark.parametrize(("sentence",), [c[1:] for c in NOT_FIGURES],
                         ids=[c[0] for c in NOT_FIGURES])
def test_not_figures(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(("digits", "multiplier", "value"), [
    ("1,271.2", None, 1271.2), ("18,432.24", None, 18432.24), ("5 248,5", None, 5248.5),
    ("1.234,5", None, 1234.5), ("12,00,000", None, 1.2e6), ("1,50,00,000", None, 1.5e7),
    ("2", " lakh", 2e5), ("1.5", "crore", 1.5e7), ("4", " hundred million", 4e8),
    ("10.000.000", None, 1e7), ("0.5", None, 0.5),
])
def test_number_value_reads_every_style(digits, multiplier, value):
    assert number_value(digits, multiplier) == pytest.approx(value)


@pytest.mark.parametrize("digits", ["1" * 400, "1" + ",000" * 300])
def test_number_value_refuses_numbers_no_figure_has(digits):
    with pytest.raises(ValueError):
        number_value(digits)


@pytest.mark.parametrize(("digits", "multiplier", "value"), [
    ("8.3", "trillion", 8_300_000_000_000), ("1.1", "trillion", 1_100_000_000_000),
    ("0.7", "million", 700_000), ("2.3", "bn", 2_300_000_000), ("4.1", "crore", 41_000_000),
])
def test_a_scaled_decimal_is_the_exact_whole_number(digits, multiplier, value):
    # the value an analyst compares and a cluster groups on: 8300000000000, not ...0.001
    assert number_value(digits, multiplier) == value
