"""The period a figure refers to, read from its sentence and resolved against the publication date.

Each case is a made-up sentence, the figure's words in it, the publication date, and the period an
analyst would record: `span(start, end)` for a period, `at(day)` for a point in time, NONE when
the text does not say (or says too vaguely: a wrong date is worse than none).
"""

from datetime import date

import pytest

from transforms.time.periods import NO_PERIOD, Period, figure_period, paragraph_period

PUB = date(2023, 9, 3)  # a Sunday
NONE = NO_PERIOD


def d(text: str) -> date:
    return date.fromisoformat(text)


def span(start: str, end: str) -> Period:
    return Period(d(start), d(end), None)


def at(day: str) -> Period:
    return Period(None, None, d(day))


def period_of(sentence: str, quote: str, published: date | None, nth: int = 0) -> Period:
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(quote, start + 1)
    return figure_period(sentence, start, start + len(quote), published)


PHRASES = [
    # since ...: from that day (or month, year) to the publication date
    ("The minister said 150,000 men have enlisted since January 1.", "150,000", PUB,
     span("2023-01-01", "2023-09-03")),
    ("Some 150,000 men have enlisted from January 1, the minister said.", "150,000", PUB,
     span("2023-01-01", "2023-09-03")),
    ("Recruiters signed up 150,000 men since the start of the year.", "150,000", PUB,
     span("2023-01-01", "2023-09-03")),
    ("Recruiters signed up 150,000 men since the beginning of this year.", "150,000", PUB,
     span("2023-01-01", "2023-09-03")),
    ("Since September 2022, about 9,000 men have left the region.", "9,000", PUB,
     span("2022-09-01", "2023-09-03")),
    ("Since February 2022, about 9,000 men have left the region.", "9,000", PUB,
     span("2022-02-01", "2023-09-03")),
    ("Since the mobilisation in September 2022, 9,000 men have left.", "9,000", PUB,
     span("2022-09-01", "2023-09-03")),
    ("Since October last year, 9,000 men have left.", "9,000", PUB, span("2022-10-01", "2023-09-03")),
    # this year, so far this year, last year, last month
    ("This year, 70,000 volunteers were sent to the front.", "70,000", PUB,
     span("2023-01-01", "2023-09-03")),
    ("So far this year 70,000 volunteers were sent to the front.", "70,000", PUB,
     span("2023-01-01", "2023-09-03")),
    ("About 70,000 volunteers were sent to the front last year.", "70,000", PUB,
     span("2022-01-01", "2022-12-31")),
    ("Last month, 4,000 volunteers were sent to the front.", "4,000", PUB,
     span("2023-08-01", "2023-08-31")),
    ("Earlier this month, 400 volunteers were sent to the front.", "400", PUB,
     span("2023-09-01", "2023-09-03")),
    # a calendar year, month, quarter, half
    ("The army took on 500,000 contract soldiers in 2024.", "500,000", PUB,
     span("2024-01-01", "2024-12-31")),
    ("In September 2022, the decree called up 250,000 reservists.", "250,000", PUB,
     span("2022-09-01", "2022-09-30")),
    ("In September, the region sent 800 men.", "800", PUB, span("2023-09-01", "2023-09-30")),
    ("In November, the region sent 800 men.", "800", PUB, span("2022-11-01", "2022-11-30")),
    ("In the second quarter of 2025, 41,000 men signed up.", "41,000", PUB,
     span("2025-04-01", "2025-06-30")),
    ("Payments went to 41,000 men in Q3 2024.", "41,000", PUB, span("2024-07-01", "2024-09-30")),
    ("In the first half of 2025, 190,000 men signed up.", "190,000", PUB,
     span("2025-01-01", "2025-06-30")),
    ("In H1 2025, 190,000 men signed up.", "190,000", PUB, span("2025-01-01", "2025-06-30")),
    ("In the first six months of 2025, 190,000 men signed up.", "190,000", PUB,
     span("2025-01-01", "2025-06-30")),
    ("In the first nine months of 2024, 290,000 men signed up.", "290,000", PUB,
     span("2024-01-01", "2024-09-30")),
    ("Spending reached 6% of the budget in the year to June 2024.", "6%", PUB,
     span("2023-07-01", "2024-06-30")),
    # ranges
    ("Between January and May 2025, 60,000 men signed up.", "60,000", PUB,
     span("2025-01-01", "2025-05-31")),
    ("From January to June, 60,000 men signed up.", "60,000", PUB, span("2023-01-01", "2023-06-30")),
    ("From November to February, 60,000 men signed up.", "60,000", PUB,
     span("2022-11-01", "2023-02-28")),
    ("In 2023-2024, the region lost 3,100 men.", "3,100", PUB, span("2023-01-01", "2024-12-31")),
    ("In 2023 and 2024, the region lost 3,100 men.", "3,100", PUB, span("2023-01-01", "2024-12-31")),
    ("Between 2022 and 2024 the region lost 3,100 men.", "3,100", PUB,
     span("2022-01-01", "2024-12-31")),
    # a rolling window back from publication
    ("Over the past year, 12,000 soldiers deserted.", "12,000", PUB, span("2022-09-03", "2023-09-03")),
    ("In the last three months, 12,000 soldiers deserted.", "12,000", PUB,
     span("2023-06-03", "2023-09-03")),
    # points in time
    ("By the end of August 2023, 240,000 men had signed contracts.", "240,000", PUB, at("2023-08-31")),
    ("The plan is to reach 1.3 million troops by the end of 2024.", "1.3 million", PUB,
     at("2024-12-31")),
    ("At the end of 2022, the army had 1.15 million troops.", "1.15 million", PUB, at("2022-12-31")),
    ("As of March 1, 17,000 prisoners were serving in the unit.", "17,000", PUB, at("2023-03-01")),
    ("As of 1 March 2024, 17,000 prisoners were serving in the unit.", "17,000", PUB, at("2024-03-01")),
    ("On 15 May, 17,000 prisoners were serving in the unit.", "17,000", PUB, at("2023-05-15")),
    ("To date, 17,000 prisoners have served in the unit.", "17,000", PUB, at("2023-09-03")),
    ("By now, 17,000 prisoners have served in the unit.", "17,000", PUB, at("2023-09-03")),
]

NON_EXAMPLES = [
    # years that are no time reference
    ("Some 2,000 observers watched the 2024 presidential election.", "2,000", PUB, NONE),
    ("The Army-2023 forum drew 90,000 visitors.", "90,000", PUB, NONE),
    ("The commander, born in 1975, leads 3,000 men.", "3,000", PUB, NONE),
    ("A 45-year-old recruiter signed up 2,024 people.", "2,024 people", PUB, NONE),
    ("Over 2000 soldiers were wounded.", "2000", PUB, NONE),
    # when a statement was made is not when the figure holds
    ("The ministry said on Sunday that 5,000 men joined.", "5,000", PUB, NONE),
    ("The ministry said on 1 September that 5,000 men joined.", "5,000", PUB, NONE),
    ("On 1 September, the minister said 5,000 men joined.", "5,000", PUB, NONE),
    ("Officials last month claimed that losses were nearing 90,000.", "90,000", PUB, NONE),
    ("Shoigu told reporters on Tuesday, August 29, that 5,000 men joined.", "5,000", PUB, NONE),
    # too vague to date
    ("In early 2024, 50,000 men were in training.", "50,000", PUB, NONE),
    ("In the spring of 2025, 50,000 men were in training.", "50,000", PUB, NONE),
    ("In the same period of 2024, 50,000 men were in training.", "50,000", PUB, NONE),
    ("A year ago, 50,000 men were in training.", "50,000", PUB, NONE),
    ("The army should reach 1.5 million troops by 2026.", "1.5 million", PUB, NONE),
    ("Beginning at the end of June, recruits were offered 200,000 roubles.", "200,000 roubles", PUB,
     NONE),
    ("Over the past year and a half, 12,000 soldiers deserted.", "12,000", PUB, NONE),
    ("Next year, 50,000 men are to be trained.", "50,000", PUB, NONE),
    # no time word at all
    ("About 6,000 men signed contracts in the region.", "6,000", PUB, NONE),
]

WITHOUT_PUBLICATION_DATE = [
    ("The minister said 150,000 men have enlisted since January 1.", "150,000", None, NONE),
    ("About 70,000 volunteers were sent to the front last year.", "70,000", None, NONE),
    ("In September, the region sent 800 men.", "800", None, NONE),
    ("Over the past year, 12,000 soldiers deserted.", "12,000", None, NONE),
    ("To date, 17,000 prisoners have served in the unit.", "17,000", None, NONE),
    # what the text dates itself needs no publication date
    ("The army took on 500,000 contract soldiers in 2024.", "500,000", None,
     span("2024-01-01", "2024-12-31")),
    ("By the end of August 2023, 240,000 men had signed contracts.", "240,000", None, at("2023-08-31")),
    ("In the second quarter of 2025, 41,000 men signed up.", "41,000", None,
     span("2025-04-01", "2025-06-30")),
]


@pytest.mark.parametrize(("sentence", "quote", "published", "expected"),
                         PHRASES + NON_EXAMPLES + WITHOUT_PUBLICATION_DATE)
def test_period_of_a_figure(sentence, quote, published, expected):
    assert period_of(sentence, quote, published) == expected


SENTENCE = "Recruiters signed 300,000 men in 2022 and 450,000 in 2024, and 20,000 joined brigades."


@pytest.mark.parametrize(("sentence", "quote", "expected"), [
    # each figure takes its own year
    (SENTENCE, "300,000", span("2022-01-01", "2022-12-31")),
    (SENTENCE, "450,000", span("2024-01-01", "2024-12-31")),
    (SENTENCE, "20,000", NONE),  # neither year is clearly its own
    ("In 2022, 300,000 men were mobilised, and in 2024, 450,000 signed contracts.", "450,000",
     span("2024-01-01", "2024-12-31")),
    # a year that opens the sentence frames every figure in it
    ("In 2024, 450,000 men signed contracts and 40,000 joined volunteer units.", "40,000",
     span("2024-01-01", "2024-12-31")),
    ("Russia lost 1,200 tanks and 3,000 armoured vehicles in 2024.", "1,200",
     span("2024-01-01", "2024-12-31")),
    # ... but not across a contrast or, at the end, a comma
    ("He said 30,000 men had joined, up from 20,000 in May.", "30,000", NONE),
    ("He said 30,000 men had joined, up from 20,000 in May.", "20,000", span("2023-05-01", "2023-05-31")),
    ("Some 30,000 men joined by now, and 20,000 reservists were trained in May.", "30,000",
     at("2023-09-03")),
    # "in 2024, when ..." dates the clause after it
    ("Numbers fell from 2024, when 450,000 signed up and 40,000 volunteered.", "40,000",
     span("2024-01-01", "2024-12-31")),
    # the expression in the figure's own clause wins over one across a comma
    ("Counting payments for the first quarter, 120,000 men signed up in the first six months of 2025.",
     "120,000", span("2025-01-01", "2025-06-30")),
    ("About 450,000 signed contracts in 2024 and the aim is a similar number in 2025.", "450,000",
     span("2024-01-01", "2024-12-31")),
])
def test_two_figures_in_one_sentence(sentence, quote, expected):
    assert period_of(sentence, quote, PUB) == expected


def test_a_period_is_well_formed_for_every_phrase():
    for sentence, quote, published, _ in PHRASES + NON_EXAMPLES:
        found = period_of(sentence, quote, published)
        if found.as_of is not None:
            assert found.start is None and found.end is None
        elif found.start is not None:
            assert found.end is not None and found.start <= found.end


def test_a_datetime_or_missing_publication_is_accepted():
    from datetime import datetime

    sentence = "Some 100,000 men joined this year."
    start = sentence.index("100,000")
    assert figure_period(sentence, start, start + 7, datetime(2023, 9, 3, 12)) == \
        span("2023-01-01", "2023-09-03")
    assert figure_period(sentence, start, start + 7, float("nan")) == NONE


@pytest.mark.parametrize(("before", "expected"), [
    ("In 2024, recruitment offices signed more contracts than ever.", span("2024-01-01", "2024-12-31")),
    ("Recruitment slowed in the second quarter of 2025.", span("2025-04-01", "2025-06-30")),
    ("In 2023 the offices were busy, in 2024 busier still.", NONE),  # which one?
    ("In early 2024 the offices were busy.", NONE),
    ("Since May, the offices have been busy.", NONE),  # describes its own sentence
    ("By the end of 2024 the offices were busy.", NONE),
    ("The offices were busy.", NONE),
])
def test_paragraph_period_is_the_one_period_the_text_before_sets(before, expected):
    assert paragraph_period(before, PUB) == expected
