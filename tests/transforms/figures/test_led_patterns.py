"""Patterns led by one character class (or their first letter), the test each alternative
began with read behind it, find what their plain forms find: the rewrite only lets a search
skip to where a match can start."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from transforms.declarations.words import SUBORDINATOR_PREPOSITIONS, words_pattern
from transforms.figures import metrics
from transforms.figures import number_patterns as pat

TEXTS = [
    "The draft rose: 300 men left; 200 (about a third) stayed [officials said] - and more.\n"
    "Pay fell.Russia's army grew, while others shrank, whereas Kyiv held; meanwhile\twhile.",
    "Units signed up for a year, for at least a month, FOR A YEAR and for no more than a "
    "year; afor a year, uniform for an hour; For over a month.",
    "Recruits, although paid, left; 12 of whom - 5 – and 6 — 7, and of which, of  whom.",
    "Awhile, erwhile and somewhere whereas: x. Y! Z? (a)[b]",
    "Trained before they left, after being sent, since the war, when paid, because until it.",
    "",
]


def _texts():
    table = Path(__file__).parents[2] / "fixtures" / "claim_examples.yaml"
    examples = yaml.safe_load(table.read_text())
    return TEXTS + [e["text"] for e in examples["examples"] + examples["no_figure"]]


PLAIN = {
    "clause break": (metrics.CLAUSE_BREAK, re.compile(
        r";|:\s|\s[–—-]\s|[()\[\]]|\n|(?<=[a-z0-9])[.!?](?=[A-Z])"
        rf"|,\s+(?:{words_pattern(metrics.CONTRAST_CONJUNCTIONS)}|(?:and|of\s+whom|of\s+which)\b)"
        r"|\b(?:while|whereas)\b"
        rf"|\s(?:{words_pattern(metrics.CLAUSE_OPENERS)}|{words_pattern(SUBORDINATOR_PREPOSITIONS)}"
        r"(?=\s+(?:i|you|he|she|it|we|they|being|having|[a-z]+ing)\b))")),
    "article term": (pat.ARTICLE_TERM, re.compile(
        r"\bfor\s+(?:(?:at\s+least|up\s+to|no\s+more\s+than|no\s+less\s+than|more\s+than|over)"
        r"\s+)?(?P<article>an?)(?=\s+(?:year|month)\b)", re.IGNORECASE)),
}


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_led_pattern_finds_what_the_plain_one_finds(name):
    led, plain = PLAIN[name]
    for text in _texts():
        assert [(m.span(), m.groupdict()) for m in led.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)], text
    assert any(led.search(text) for text in TEXTS)
