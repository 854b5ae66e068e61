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
    ("a change in cents and the level in dollars are two figures",
     "The stock slipped 8 cents to $2.31.",
     [fig("8 cents", 0.08, unit="USD"), fig("$2.31", 2.31, unit="USD")]),
    # --- a change in percent and the level it reached ----------------------------------------
    ("a percent before a level without percent is no range",
     "The index weakened 1.3% to 812.6 on Monday.",
     [fig("1.3%", 1.3, unit="percent"), fig("812.6", 812.6)]),
    ("a currency's change against another is a share, its rate no figure",
     "The peso slid 0.7% to 17.2 per dollar.", [fig("0.7%", 0.7, unit="percent")]),
    ("a change against a currency", "The franc gained 0.5% against the euro.",
     [fig("0.5%", 0.5, unit="percent")]),
    # --- market indexes: points and levels are no people ------------------------------------
    ("an index's fall in points, in percent, and its level",
     "The Dow lost 180.2 points, or 0.5 percent, to 38,420 on Friday.",
     [fig("180.2", 180.2, unit="unit"), fig("0.5 percent", 0.5, unit="percent"),
      fig("38,420", 38420, unit="unit")]),
    ("an index's level after a share", "The FTSE 250 index closed 1.1% higher at 19,870.",
     [fig("1.1%", 1.1, unit="percent"), fig("19,870", 19870, unit="unit")]),
    ("an index named in an earlier sentence counts no one here",
     "The Nasdaq rose. Then 4,000 staff were hired and 300 joined.",
     [fig("4,000", 4000, unit="person"), fig("300", 300, unit="person")]),
    # --- shares written in other styles ------------------------------------------------------
    ("a scale hyphenated before a noun", "It signed a $4.5-billion contract.",
     [fig("$4.5-billion", 4.5e9, unit="USD")]),
    ("cents as a sign", "Bananas cost 69¢ a pound.", [fig("69¢", 0.69, unit="USD")]),
    ("wire copy's trln", "Loans reached 3.4 trln yuan.", [fig("3.4 trln yuan", 3.4e12, unit="CNY")]),
    ("wire copy's bln with a comma decimal", "The fund lost 2,5 bln euros.",
     [fig("2,5 bln euros", 2.5e9, unit="EUR")]),
    ("a margin either way", "Sales will be $2 billion, plus or minus 3%.",
     [fig("$2 billion", 2e9, unit="USD"), fig("3%", 3, unit="percent")]),
    ("tens of billions", "The floods did tens of billions of dollars of damage.",
     [fig("tens of billions", None, value_low=1e10, value_high=1e11, unit="USD",
          qualifier="vague")]),
    ("a range of percent written once, on its second end", "Rents rose 10- to 15-percent in May.",
     [fig("10- to 15-percent", None, value_low=10, value_high=15, unit="percent",
          qualifier="range")]),
    ("a hyphenated percent", "Fares saw a 12-percent rise.", [fig("12-percent", 12, unit="percent")]),
    ("pct for percent", "Output rose 2.7 pct in June.", [fig("2.7 pct", 2.7, unit="percent")]),
    ("a share changed by, qualified", "Traffic fell by nearly a third in May.",
     [fig("nearly a third", 33.33, unit="percent", qualifier="approx")]),
    ("a count after a capitalised name keeps its noun", "Kyiv received 300 Leopard tanks.",
     [fig("300", 300, unit="unit")]),
    ("a count after a month is no name", "Since March 800 have enlisted in the city.",
     [fig("800", 800)]),
    ("a headline in title case keeps its count", "Union Says 4000 Have Joined",
     [fig("4000", 4000)]),
    ("a count of people beside their age", "The village has 40 residents over 70.",
     [fig("40", 40, unit="person")]),
    ("a count after a turn", "The club turned 200 fans away.", [fig("200", 200, unit="person")]),
    ("a number word alone before what befell people", "Two drivers died and three were hurt.",
     [fig("Two", 2, unit="person"), fig("three", 3, unit="person")]),
    ("a change in points said in words", "Her rating fell three points to 41%.",
     [fig("three", 3, unit="unit"), fig("41%", 41, unit="percent")]),
    ("points of an argument are no figure", "He made two points in the debate.", []),
    ("a poll's lead in points", "The mayor holds a 9-point lead.",
     [fig("9-point", 9, unit="unit")]),
    # --- bounds said with a direction or a softener ------------------------------------------
    ("north of is a lower bound", "Analysts value the studio at north of $3bn.",
     [fig("north of $3bn", 3e9, unit="USD", qualifier="at_least")]),
    ("south of is an upper bound", "Inflation should stay south of 3% next year.",
     [fig("south of 3%", 3, unit="percent", qualifier="at_most")]),
    ("shy of is an upper bound, softened", "The appeal raised just shy of $2 million.",
     [fig("just shy of $2 million", 2e6, unit="USD", qualifier="at_most")]),
    ("a little over keeps its softener", "A little over 40% of the seats went to the left.",
     [fig("A little over 40%", 40, unit="percent", qualifier="at_least")]),
    ("slightly more than is a lower bound", "The port handled slightly more than 9,000 ships.",
     [fig("slightly more than 9,000", 9000, unit="unit", qualifier="at_least")]),
    ("as high as is an upper bound", "Losses could run as high as $8bn.",
     [fig("as high as $8bn", 8e9, unit="USD", qualifier="at_most")]),
    ("a total that topped a level is above it", "Pre-orders topped 250,000 in a day.",
     [fig("topped 250,000", 250000, qualifier="at_least")]),
    ("or more after a count is a lower bound", "Households with three or more cars pay extra.",
     [fig("three or more", 3, unit="unit", qualifier="at_least")]),
    ("or less after an amount is an upper bound", "Claims of £5,000 or less go to a small court.",
     [fig("£5,000 or less", 5000, unit="GBP", qualifier="at_most")]),
    ("a total that may exceed a level is above it", "The bill may exceed $2 trillion.",
     [fig("exceed $2 trillion", 2e12, unit="USD", qualifier="at_least")]),
    ("beyond a count is above it", "The toll is feared to climb beyond 60.",
     [fig("beyond 60", 60, qualifier="at_least")]),
    ("a count that was approached is about it", "Crowds approached 90,000 at the final.",
     [fig("approached 90,000", 90000, qualifier="approx")]),
    ("or more after a term of service is a lower bound",
     "The bonus goes to those who sign a contract for two years or more.",
     [fig("two years or more", 2, unit="year", qualifier="at_least")]),
    ("a maximum named by its noun is an upper bound", "Offenders face a maximum penalty of $40,000.",
     [fig("a maximum penalty of $40,000", 40000, unit="USD", qualifier="at_most")]),
    ("a count per a population of thousands is a figure, the population none",
     "The county reported 58 overdoses for every 100,000 residents.",
     [fig("58", 58)]),
    # --- fractions of a percentage point ------------------------------------------------------
    ("a quarter of a percentage point is a quarter of one percent",
     "The bank lifted rates by a quarter of a percentage point.",
     [fig("a quarter of a percentage point", 0.25, unit="percent")]),
    ("half a percentage point is no half of the whole", "Its share fell half a percentage point.",
     [fig("half a percentage point", 0.5, unit="percent")]),
    ("three-quarters of a percentage point", "Yields climbed three-quarters of a percentage point.",
     [fig("three-quarters of a percentage point", 0.75, unit="percent")]),
    ("a fraction of a point written before its noun", "Markets priced in a quarter-percentage-point cut.",
     [fig("a quarter-percentage-point", 0.25, unit="percent")]),
    # --- signs -------------------------------------------------------------------------------
    ("a plus sign before money is the amount gained", "The fund's value moved +$2 billion in May.",
     [fig("+$2 billion", 2e9, unit="USD")]),
    # --- plurals of people without an s -------------------------------------------------------
    ("grandchildren are people", "He leaves a wife, two sons and seven grandchildren.",
     [fig("two", 2, unit="person"), fig("seven", 7, unit="person")]),
    ("nouns in -men are people", "Three gunmen and two firemen were hurt.",
     [fig("Three", 3, unit="person"), fig("two", 2, unit="person")]),
    ("a wage by the hour is no monthly pay", "The minimum wage rises to $16.50 an hour.",
     [fig("$16.50", 16.5, unit="USD", per=None)]),
    ("a currency code glued to a small number is a name", "At COP29 rich nations pledged $300bn.",
     [fig("$300bn", 3e11, unit="USD")]),
    ("a bare m after a headcount is millions", "The city's population grew by 0.4m in a decade.",
     [fig("0.4m", 4e5, unit="person")]),
    ("a bare m after the number of is millions", "The number of passengers fell to 3.1m in 2020.",
     [fig("3.1m", 3.1e6, unit="person")]),
    ("a share after a capitalised name is no name", "Ortiz leads Keller 51% to 44% statewide.",
     [fig("51%", 51, unit="percent"), fig("44%", 44, unit="percent")]),
    ("-plus after a count is a lower bound", "The chain now has 600-plus outlets.",
     [fig("600-plus", 600, unit="unit", qualifier="at_least")]),
    ("a plus sign after a count is a lower bound", "Some shows drew 2,000+ fans.",
     [fig("2,000+", 2000, unit="person", qualifier="at_least")]),
    ("-odd after a count is approximate", "Only 30-odd residents stayed behind.",
     [fig("30-odd", 30, unit="person", qualifier="approx")]),
    ("both ends of a change from one share to another are percent",
     "Core inflation slowed from 3.6 to 3.2 per cent.",
     [fig("3.6", 3.6, unit="percent"), fig("3.2 per cent", 3.2, unit="percent")]),
    ("a count changed by and the share it reached", "Joblessness rose by 45,000 to 5.1%.",
     [fig("45,000", 45000, unit="person"), fig("5.1%", 5.1, unit="percent")]),
    ("a group's size in words counts its members", "Hostages were freed in batches of four or five.",
     [fig("four or five", None, value_low=4, value_high=5, unit="person", qualifier="range")]),
    # --- counts beside names, measures and tallies -------------------------------------------
    ("a count after an aircraft model", "A Boeing 787 can seat 290 passengers.",
     [fig("290", 290, unit="person")]),
    ("a count of votes is no tally", "She was confirmed by 51 votes to 49.",
     [fig("51", 51, unit="unit"), fig("49", 49)]),
    ("a part of a group named after it", "Two of the four climbers were found alive.",
     [fig("Two", 2, unit="person"), fig("four", 4, unit="person")]),
    ("a range of a count", "Crews lost 300-1200 homes.",
     [fig("300-1200", None, value_low=300, value_high=1200, qualifier="range")]),
    # --- a change between two years ----------------------------------------------------------
    ("a year before 'to' is no range of years with the next amount",
     "Spending dropped from $64.8million in 2022 to $45.1million in 2023.",
     [fig("$64.8million", 64.8e6, unit="USD"), fig("$45.1million", 45.1e6, unit="USD")]),
    ("both ends of a change in monthly pay are monthly",
     "Monthly salaries dropped from $2,400 to $1,900.",
     [fig("$2,400", 2400, unit="USD", per="month"), fig("$1,900", 1900, unit="USD", per="month")]),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in READS],
                         ids=[c[0] for c in READS])
def test_general_news_reads(sentence, expected, reads_as):
    reads_as(sentence, expected)


NOT_FIGURES = [
    ("an exchange rate per dollar", "The rupee traded at 83.1 per dollar."),
    ("a time with pm glued", "The shop shuts at 5p.m. on Sundays."),
    # --- numbers in names --------------------------------------------------------------------
    ("an aircraft model", "The airline grounded its Boeing 777 fleet."),
    ("a rocket and a mission", "A Falcon 9 launched the Apollo 11 replica."),
    ("a ballot measure", "Voters backed Proposition 47 in the spring."),
    ("a polling precinct and a ward", "Turnout was low in Precinct 9 and Ward 4."),
    ("an earthquake's magnitude", "A magnitude 6.1 quake shook the coast."),
    # --- measures are no counts --------------------------------------------------------------
    ("snow in inches", "The storm left 18 inches of snow."),
    ("land in acres", "The blaze burned 2,400 acres."),
    ("rain in millimetres", "Up to 150 millimetres of rain fell."),
    ("oil in barrels", "The field pumps 2 million barrels a day."),
    ("power in megawatts", "Demand peaked at 41,000 megawatts."),
    # --- tallies and telephones --------------------------------------------------------------
    ("a court's vote", "The vote was 5-4 along ideological lines."),
    ("a tally written with to", "The bill passed by a vote of 228 to 199."),
    ("a tally with to before the day", "The Senate passed it 61 to 38 on Monday."),
    ("beer in hectolitres", "The brewer sold 40 million hectolitres."),
    ("a group named by its members' count", "Leaders of the Group of 20 gathered in Rio."),
    ("a name and its number", "The rule known as Title 42 was dropped."),
    ("a model and its number", "She sold her Porsche 911 last year."),
    ("a model and its variant", "The airline flies the 777-8 and the A350-900."),
    ("a code with bracketed letters", "Workers put money in a 401(k) or a 501(c)(3) fund."),
    ("a union local", "Members of Teamsters Local 727 voted on Friday."),
    ("an emergency number", "Residents were told to call 911 at once."),
    ("a court's split", "The court upheld it in a 6-3 decision."),
    ("a number word after the points back", "The two were arrested at the airport."),
    ("people named by their age", "Adults over 65 and children under 5 get the vaccine first."),
    ("people between two ages", "Men between 18 and 60 must register."),
    ("a birthday", "The singer turned 50 on Monday."),
    ("a series lead", "The Celtics took a 3-1 series lead."),
    ("a list of points is no lead", "The party set out a 12-point plan."),
    ("a set after a set", "She won 7-5, 6-2 in the semi-final."),
    ("a temperature below zero", "The town woke to minus 12 on Sunday."),
    ("a minus sign before money is a loss the table holds no value for, not a bare count",
     "The unit posted -$35 million in the quarter."),
    ("a name spelled with a digit and a number word", "She ran a 7-Eleven in the suburbs."),
    ("a distance at sea", "The tanker sank 40 nautical miles offshore."),
    ("a height in m after a headcount is still a height",
     "Its population is small, and the dam above it is 300m high."),
    ("a bare m with no headcount is metres", "Floodwater rose 2m overnight."),
    ("a time said with noon", "Polls close at 12 noon and reopen at midnight."),
    ("a rate change in basis points", "The bank cut by 25 basis points."),
    ("a deposit rate", "The bank lifted its deposit rate to 3.75%."),
    ("an interest rate a few words before", "Mortgage rates edged up to 6.9% this week."),
    ("a telephone number after call", "Readers can call 555-0187 with tips."),
    ("a telephone number with an area code", "The hotline, (312) 555-0143, opens at nine."),
    ("the size of a body is no count of people", "A 12-member panel will review the bids."),
]


@pytest.mark.parametrize(("sentence",), [c[1:] for c in NOT_FIGURES],
                         ids=[c[0] for c in NOT_FIGURES])
def test_general_news_not_figures(sentence):
    assert figures(sentence) == []
