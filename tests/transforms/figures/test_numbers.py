"""figures(): which number expressions are figures, and what each one says (ANNOTATION.md).

Each case is a sentence written for this test and the figures it must give, in order, with the
fields that matter for the case (fields left out are not checked).
"""

from __future__ import annotations

import pytest

from transforms.declarations.vocab import PERS, QUALIFIERS, UNITS
from transforms.figures.number_words import word_number
from transforms.figures.numbers import figures, number_value


def fig(quote, value=None, **fields):
    """An expected figure: its quote, value and any other fields to check."""
    return {"quote": quote, "value": value, **fields}


FIGURES = [
    # --- separators, decimals, multipliers -------------------------------------------------
    ("English thousands", "The ministry said 5,000 volunteers signed up.",
     [fig("5,000", 5000, unit="person", qualifier="exact", per=None)]),
    ("European dot thousands", "The region sent 2.390 men.", [fig("2.390", 2390)]),
    ("space thousands", "The army has 180 000 personnel.", [fig("180 000", 180000)]),
    ("comma-space thousands", "Some 400, 000 men were called up.", [fig("Some 400, 000", 400000)]),
    ("a day of the month before a grouped number", "Since March 1, 120,000 men have signed up.",
     [fig("120,000", 120000)]),
    ("millions in digits", "The decree sets 2,389,130 posts for people.",
     [fig("2,389,130", 2389130)]),
    ("decimal and word multiplier", "The army will reach 1.32 million troops.",
     [fig("1.32 million", 1320000, unit="person")]),
    ("European decimal comma", "The pool is 4,5 million men.", [fig("4,5 million", 4500000)]),
    ("K suffix", "Army Signs Up 417K Soldiers", [fig("417K", 417000)]),
    ("k suffix with currency", "a $22k bonus", [fig("$22k", 22000, unit="USD")]),
    ("bn suffix", "a fund of 3.5bn roubles", [fig("3.5bn roubles", 3.5e9, unit="RUB")]),
    ("a range whose unit is written on its second end only",
     "Recruits sign two- to five-year contracts, or three- or six-month ones.",
     [fig("two- to five-year", None, value_low=2, value_high=5, unit="year", qualifier="range"),
      fig("three- or six-month", None, value_low=3, value_high=6, unit="month", qualifier="range")]),
    ("a range whose upper end is open", "Bonuses run from 500,000 to more than a million roubles.",
     [fig("from 500,000 to more than a million roubles", None, value_low=500000, value_high=1e6,
          unit="RUB", qualifier="range")]),
    ("a conversion set off by commas", "It pays 204,000 roubles, roughly $2,100, a month.",
     [fig("204,000 roubles, roughly $2,100", 204000, unit="RUB", alt_value=2100, alt_unit="USD")]),
    ("a bare amount in a clause about money", "The region adds 1.5 million roubles to the federal 400,000.",
     [fig("1.5 million roubles", 1.5e6, unit="RUB"), fig("400,000", 400000, unit="RUB")]),
    ("half a million in words", "It offers nearly half a million roubles to recruits.",
     [fig("nearly half a million roubles", 500000, unit="RUB", qualifier="approx")]),
    ("a fraction of a scale word is that share of it",
     "A quarter-million men left, a half-million more were listed, and three-quarters of a million"
     " roubles were paid.",
     [fig("A quarter-million", 250000, unit="person"), fig("half-million", 500000),
      fig("three-quarters of a million roubles", 750000, unit="RUB")]),
    ("a whole and a half of a scale word", "One and a half million people fled, and two and a half"
     " billion roubles were lost.",
     [fig("One and a half million", 1.5e6, unit="person"),
      fig("two and a half billion roubles", 2.5e9, unit="RUB")]),
    ("people asked in a survey", "Nearly 1,600 respondents took part.",
     [fig("Nearly 1,600", 1600, unit="person")]),
    ("a demonym counts people", "Thirty-five Indians came home.",
     [fig("Thirty-five", 35, unit="person")]),
    ("compound multipliers", "The target is 2 million 389 thousand people.",
     [fig("2 million 389 thousand", 2389000)]),
    ("thousand written out", "Shoigu said 300 thousand people were called.",
     [fig("300 thousand", 300000)]),
    # --- number words ------------------------------------------------------------------------
    ("words with a multiplier", "There are six million migrants.", [fig("six million", 6e6)]),
    ("hyphenated words before people", "Thirty-five nationals returned home.",
     [fig("Thirty-five", 35, unit="person")]),
    ("a thousand and two hundred", "More than a thousand and two hundred people enlist.",
     [fig("More than a thousand and two hundred", 1200, qualifier="at_least")]),
    ("bare thousand", "more than thousand Russians signed up",
     [fig("more than thousand", 1000, qualifier="at_least")]),
    ("word count of a group", "Ten of them came back and eight of whom died.",
     [fig("Ten", 10, unit="person"), fig("eight", 8)]),
    ("a million", "The decree allows up to a million people to be drafted.",
     [fig("up to a million", 1e6, qualifier="at_most")]),
    # --- qualifiers ----------------------------------------------------------------------------
    ("at least", "at least 33,000 convicts", [fig("at least 33,000", 33000, qualifier="at_least")]),
    ("more than", "More than 200 men joined.", [fig("More than 200", 200, qualifier="at_least")]),
    ("over", "Over 10,000 were sent.", [fig("Over 10,000", 10000, qualifier="at_least")]),
    ("upwards of", "upwards of 5,000 men", [fig("upwards of 5,000", 5000, qualifier="at_least")]),
    ("not below", "deaths have not fallen below 100",
     [fig("not fallen below 100", 100, qualifier="at_least")]),
    ("up to", "up to 20,000 convicts", [fig("up to 20,000", 20000, qualifier="at_most")]),
    ("as many as", "as many as 9,000 died", [fig("as many as 9,000", 9000, qualifier="at_most")]),
    ("fewer than", "fewer than 50 dead", [fig("fewer than 50", 50, qualifier="at_most")]),
    ("about", "about 15,000 people", [fig("about 15,000", 15000, qualifier="approx")]),
    ("some", "some 280,000 people", [fig("some 280,000", 280000, qualifier="approx")]),
    ("nearly", "nearly 40,000 inmates", [fig("nearly 40,000", 40000, qualifier="approx")]),
    ("an estimated", "an estimated 1 million men",
     [fig("an estimated 1 million", 1e6, qualifier="approx")]),
    ("almost", "almost 25 million reservists",
     [fig("almost 25 million", 25e6, qualifier="approx")]),
    ("estimate of", "his estimate of 450,000 recruits",
     [fig("estimate of 450,000", 450000, qualifier="approx")]),
    # --- ranges and vague amounts ----------------------------------------------------------
    ("range with to", "25,000 to 30,000 men", [fig("25,000 to 30,000", None, value_low=25000,
                                                  value_high=30000, qualifier="range")]),
    ("range with dash and currency", "payments of $5,690–$11,390",
     [fig("$5,690–$11,390", None, value_low=5690, value_high=11390, unit="USD")]),
    ("between ... and", "between 120,000 and 180,000 casualties",
     [fig("between 120,000 and 180,000", None, value_low=120000, value_high=180000)]),
    ("percent range", "5-15% higher", [fig("5-15%", None, value_low=5, value_high=15,
                                            unit="percent", qualifier="range")]),
    ("multiplier on both ends", "10-15 thousand men",
     [fig("10-15 thousand", None, value_low=10000, value_high=15000)]),
    ("a change is two figures", "The count rose from 300,000 to 400,000.",
     [fig("300,000", 300000), fig("400,000", 400000)]),
    ("tens of thousands", "tens of thousands of others fled",
     [fig("tens of thousands", None, value_low=1e4, value_high=1e5, qualifier="vague",
          unit="person")]),
    ("hundreds of thousands", "Hundreds of thousands of men left.",
     [fig("Hundreds of thousands", None, value_low=1e5, value_high=1e6)]),
    ("several hundred", "There were several hundred of them.",
     [fig("several hundred", None, value_low=100, value_high=1000)]),
    ("dozens", "dozens of Nepali men", [fig("dozens", None, value_low=10, value_high=100)]),
    ("millions of a currency", "millions of dollars were paid",
     [fig("millions", None, value_low=1e6, value_high=1e7, unit="USD")]),
    # --- shares ------------------------------------------------------------------------------
    ("half", "Half of the workers were migrants.", [fig("Half", 50, unit="percent")]),
    ("two-thirds", "It lost two-thirds of its tanks.", [fig("two-thirds", 66.67, unit="percent")]),
    ("a fraction of a plain noun", "A quarter of recruits", [fig("A quarter", 25, unit="percent")]),
    ("one in n", "one in thirty men may be drafted", [fig("one in thirty", 3.33, unit="percent")]),
    ("a decimal point spaced by a scrape", "The fund holds 14. 25 billion roubles",
     [fig("14. 25 billion roubles", 14.25e9, unit="RUB")]),
    ("1 in n in digits", "1 in 8 reservists failed the medical",
     [fig("1 in 8", 12.5, unit="percent")]),
    ("one out of every n", "one out of every 4 recruits",
     [fig("one out of every 4", 25, unit="percent")]),
    ("every nth", "Every fifth volunteer", [fig("Every fifth", 20, unit="percent")]),
    ("a third with qualifier", "over a third of all recruits",
     [fig("over a third", 33.33, qualifier="at_least")]),
    ("percent sign", "About 70% of the force", [fig("About 70%", 70, unit="percent",
                                                     qualifier="approx")]),
    ("per cent", "87 per cent of troops", [fig("87 per cent", 87, unit="percent")]),
    ("percent word", "19 percent of deaths", [fig("19 percent", 19, unit="percent")]),
    # --- currencies and conversions --------------------------------------------------------
    ("roubles with a conversion", "a payment of 495,000 roubles ($5,130)",
     [fig("495,000 roubles ($5,130)", 495000, unit="RUB", alt_value=5130, alt_unit="USD")]),
    ("rubles, approximate conversion", "1.9 million rubles (approximately $22,000)",
     [fig("1.9 million rubles (approximately $22,000)", 1.9e6, unit="RUB", alt_value=22000)]),
    ("US$ prefix", "an initial payment of US$5,130", [fig("US$5,130", 5130, unit="USD")]),
    ("euro sign", "around €4,800", [fig("around €4,800", 4800, unit="EUR", qualifier="approx")]),
    ("pound sign", "London pledged £5m", [fig("£5m", 5e6, unit="GBP")]),
    ("hryvnias", "a bonus of 3,000 hryvnias", [fig("3,000 hryvnias", 3000, unit="UAH")]),
    ("currency code first", "a fine of RUB 1.9 million", [fig("RUB 1.9 million", 1.9e6,
                                                             unit="RUB")]),
    ("range with range conversion", "salaries of 210,000–260,000 rubles ($2,600-$3,250)",
     [fig("210,000–260,000 rubles ($2,600-$3,250)", None, value_low=210000, value_high=260000,
          unit="RUB", alt_value=None, alt_unit=None, per="month")]),
    ("stray letter before a grouped amount", "down payments of s45,000 rubles",
     [fig("45,000 rubles", 45000, unit="RUB")]),
    # --- rates -------------------------------------------------------------------------------
    ("per month", "a salary of 190,000 roubles per month",
     [fig("190,000 roubles per month", 190000, per="month")]),
    ("a month after conversion", "from 170,000 rubles ($3,000) a month",
     [fig("from 170,000 rubles ($3,000) a month", 170000, per="month", qualifier="at_least",
          alt_value=3000)]),
    ("salary named before", "monthly salaries starting at 190,000 roubles",
     [fig("starting at 190,000 roubles", 190000, per="month", qualifier="at_least")]),
    ("first year of service", "up to 5.2 million rubles in their first year of service",
     [fig("up to 5.2 million rubles in their first year", 5.2e6, per="year")]),
    ("people every day", "more than 1,000 people sign a contract every day",
     [fig("more than 1,000", 1000, per="day", unit="person")]),
    ("a day", "around 1,000 people a day", [fig("around 1,000 people a day", 1000, per="day")]),
    ("per injury is no rate", "$31,000 per injury", [fig("$31,000", 31000, per=None)]),
    ("a year ago is no rate", "5,000 men were sent a year ago", [fig("5,000", 5000, per=None)]),
    # --- units of force and other countables -------------------------------------------------
    ("countries", "1,400 nationals from 36 African countries",
     [fig("1,400", 1400, unit="person"), fig("36", 36, unit="unit")]),
    ("brigades in words", "Two brigades were moved.", [fig("Two", 2, unit="unit")]),
    ("cases", "At least five such cases are known.",
     [fig("At least five", 5, unit="unit", qualifier="at_least")]),
    ("individuals and entities", "a case against 19 individuals and entities",
     [fig("19", 19, unit="unit")]),
    ("a verb ends the noun phrase", "40,000 joined volunteer units", [fig("40,000", 40000,
                                                                        unit="person")]),
    # --- contract and service terms --------------------------------------------------------
    ("hyphenated term", "three-month contracts are offered", [fig("three-month", 3,
                                                                   unit="month")]),
    ("term of service", "Contract soldiers sign on for three years.",
     [fig("three years", 3, unit="year")]),
    ("one-year term counts", "payment for signing a one-year contract",
     [fig("one-year", 1, unit="year")]),
    ("amnesty after fighting", "amnesty after six months of fighting",
     [fig("six months", 6, unit="month")]),
]

NO_FIGURES = [
    ("year", "In 2022 the war began."),
    ("year before a noun", "the 2024 presidential elections"),
    ("half in a duration", "the war began two and half years ago"),
    ("dates", "On 14 October and on July 11, 2023, and on Dec. 9 and (Sept 3)."),
    ("ISO date", "date 2023-09-03"),
    ("clock time", "at 9:23 AM and 17:22"),
    ("ordinals", "the 488th Regiment in its 19th month and the 4th quarter"),
    ("ages", "a 46-year-old commander, an average age of 35, men aged 18 to 50"),
    ("age in years", "Shoigu said the average age of those called up was 35 years."),
    ("names with numbers", "The Su-25, the S-400, the G7, Kursk-2 and Army-2023."),
    ("code after a colon", "Source: X07650"),
    ("list and article numbers", "Article 7 of decree No. 640"),
    ("multipliers", "1.6 times higher and 4 times as big and ten times the average"),
    ("a denominator", "the crime rate per 100,000 people, the highest for every 10,000 men"),
    ("exchange rate", "The rouble traded at 100 to the dollar; $1 = 92 roubles."),
    ("interest rate", "a key rate of 21%"),
    ("counts of one", "One enterprise was told to find a soldier; one of them agreed."),
    ("distance", "about 200 kilometers south and 20 kilometers from the front"),
    ("durations outside service terms", "the war dragged on for over two years"),
    ("time spans that are not terms", "in the first six months of 2025, over the previous nine"
                                      " months, for the next 30 years, 30 years ago"),
    ("half of a year", "in the first half of 2025"),
    ("one and a half times", "one and a half times more"),
    ("a multiplier hyphenated", "Sign-ups fell two-and-a-half times from a year ago."),
    ("half of a reporting year", "Revenue rose in the half and fell at the half."),
    ("number word without a count", "World War Two and the Group of Seven"),
    ("decades", "for the first time in nearly five decades"),
    ("URL", "see https://example.com/video/2024/300000"),
    ("zero", "shared by 0 people"),
    ("age after a name", "Vladimir Putin, 71, spoke."),
    ("age in a relative clause", "Her son, who is 19, was promised a job."),
    ("a ratio", "The usual ratio is three wounded for every soldier killed."),
    ("a day of the war", "This is day 1,034 of the invasion."),
    ("a range of dates", "Figures were checked between 10 and 14 February."),
    ("unit names", "Military Unit 29155 and Part 2 of the law"),
    ("prison terms", "Deserters could serve up to 10 years in prison."),
    ("measure glued to digits", "a 1,000km front"),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in FIGURES],
                         ids=[c[0] for c in FIGURES])
def test_figures(sentence, expected, reads_as):
    reads_as(sentence, expected)


@pytest.mark.parametrize(("sentence",), [c[1:] for c in NO_FIGURES],
                         ids=[c[0] for c in NO_FIGURES])
def test_no_figures(sentence):
    assert figures(sentence) == []


def test_figures_point_into_the_text_and_use_the_vocabularies():
    text = ("Officials said 280,000 people joined, about 70% of them for three-year contracts "
            "paying 200,000 rubles ($2,200) a month; tens of thousands fled.")
    found = figures(text)
    assert len(found) == 5
    for f in found:
        assert text[f.start : f.end] == f.quote
        assert f.unit in UNITS and f.qualifier in QUALIFIERS
        assert f.per is None or f.per in PERS
        assert (f.value is None) == (f.value_low is not None)


def test_figures_of_text_without_numbers():
    assert figures("") == []
    assert figures("No numbers here at all.") == []


@pytest.mark.parametrize(("digits", "multiplier", "value"), [
    ("2,390", None, 2390), ("2.390", None, 2390), ("260 000", None, 260000),
    ("1.9", "million", 1.9e6), ("1.320", " million", 1.32e6), ("417", "K", 417000),
    ("4,5", " million", 4.5e6),
])
def test_number_value(digits, multiplier, value):
    assert number_value(digits, multiplier) == pytest.approx(value)


@pytest.mark.parametrize(("phrase", "value", "used"), [
    ("thirty-five men", 35, "thirty-five"),
    ("a thousand and two hundred", 1200, "a thousand and two hundred"),
    ("two and three", 2, "two"),
    ("one and a half", 1, "one"),
    ("six million", 6e6, "six million"),
])
def test_word_number_stops_where_the_number_stops(phrase, value, used):
    assert word_number(phrase) == (value, len(used))
