"""Metric and subject: what a figure counts, read from the words around it."""

import pytest

from transforms.declarations.vocab import METRICS
from transforms.figures.metrics import metric, subject
from transforms.model import Figure


def fig(text, quote, unit="person"):
    start = text.index(quote)
    return Figure(start, start + len(quote), quote, None, unit=unit)


def metric_of(text, quote, unit="person"):
    return metric(text, 0, len(text), fig(text, quote, unit))


CASES = [
    # money is pay
    ("Recruits get a sign-up bonus of 400,000 roubles.", "400,000 roubles", "RUB", "pay"),
    ("Families of the dead receive $34,000.", "$34,000", "USD", "pay"),
    # verbs say what happened to the people counted
    ("Some 30,000 men signed contracts last month.", "Some 30,000", "person", "recruited"),
    ("The regions were recruiting about 600 people every day.", "about 600", "person",
     "recruited"),
    ("In all, 300,000 reservists were called up.", "300,000", "person", "mobilised"),
    ("At least 50,000 soldiers have been killed.", "At least 50,000", "person", "casualties"),
    ("Hundreds of thousands of men fled abroad.", "Hundreds of thousands", "person", "fled"),
    ("Pyongyang has sent 10,000 troops to Russia.", "10,000", "person", "deployed"),
    ("82,000 conscripts have been sent to the front.", "82,000 conscripts", "person", "deployed"),
    # a plan, an order or a quota makes a target
    ("The ministry plans to recruit 400,000 contract soldiers.", "400,000", "person", "target"),
    ("Putin ordered the army to grow by 170,000 troops.", "170,000", "person", "target"),
    ("“We are planning to draft 1% of the reserve,” he said.", "1%", "percent", "target"),
    ("The target of 300,000 people has been reached.", "300,000", "person", "target"),
    # people seen as potential recruits
    ("There are 6 million migrants in Russia, all potential recruits.", "6 million", "person",
     "pool"),
    # a death outweighs who died
    ("Weekly deaths among volunteers have not fallen below 100.", "100", "person", "casualties"),
    # an order of mobilisation is not a target
    ("Putin ordered the mobilisation of 300,000 reservists.", "300,000", "person", "mobilised"),
    # counted things and terms of service are other
    ("Prisons in 35 regions reported fewer inmates.", "35 regions", "unit", "other"),
    ("Recruits sign a contract of six months.", "six months", "month", "other"),
    ("Industry lacks workers: the shortage reached 42%.", "42%", "percent", "other"),
    # a share of spending on soldiers' pay is pay
    ("Payments to soldiers took about 8% of federal spending.", "about 8%", "percent", "pay"),
]


@pytest.mark.parametrize("text, quote, unit, expected", CASES)
def test_metric(text, quote, unit, expected):
    assert expected in METRICS
    assert metric_of(text, quote, unit) == expected


@pytest.mark.parametrize(
    "text, quote, unit, expected",
    [
        ("Recruits get a sign-up bonus of 400,000 roubles.", "400,000 roubles", "RUB",
         "sign-up bonus"),
        ("82,000 conscripts have been sent to the front.", "82,000 conscripts", "person",
         "conscripts"),
        ("They now make up 19% of all confirmed deaths.", "19%", "percent",
         "share of all confirmed deaths"),
        ("Moscow recruited some 280,000 people into the army.", "some 280,000", "person",
         "people into the army"),
    ],
)
def test_subject_is_a_short_noun_phrase(text, quote, unit, expected):
    assert subject(text, 0, len(text), fig(text, quote, unit)) == expected


def test_a_count_without_cue_keeps_the_subject_of_its_paragraph():
    from transforms.figures.metrics import metrics_in_context

    text = ("By October, 200,000 reservists had been called up. The remaining 40,000 have "
            "yet to finish training.\nAnother 5,000 live abroad.")
    quotes = ["200,000", "40,000", "5,000"]
    figures = [fig(text, q) for q in quotes]
    ends = [text.index(".", f.end) + 1 for f in figures]
    spans = [(text.rfind(".", 0, f.start) + 1, end) for f, end in zip(figures, ends, strict=True)]
    # the second count has no cue of its own; the third starts a new paragraph
    assert metrics_in_context(text, spans, figures) == ["mobilised", "mobilised", "other"]


@pytest.mark.parametrize("text, quote, expected", [
    ("Border guards said 9,000 people crossed into Georgia in a day.", "9,000", "fled"),
    ("About 2,000 soldiers are still in the Kursk region.", "About 2,000", "deployed"),
    ("Officials put the year's intake at 300,000.", "300,000", "recruited"),
    ("Of those fighters, 14 are listed as missing.", "14", "casualties"),
])
def test_cues_for_flight_presence_intake_and_losses(text, quote, expected):
    assert metric_of(text, quote) == expected
