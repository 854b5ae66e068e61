"""Sentence splitting: abbreviations, initials, decimals and quotes do not end sentences."""

import pytest

from transforms.sentences import sentence_at, sentence_spans, sentences


def split(text):
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Recruits arrived. They were sent on.", ["Recruits arrived.", "They were sent on."]),
        ("The U.K. Defence Ministry said so. It added more.",
         ["The U.K. Defence Ministry said so.", "It added more."]),
        ("Mr. Smith met Gen. Ivanov on Jan. 5. Talks ended.",
         ["Mr. Smith met Gen. Ivanov on Jan. 5.", "Talks ended."]),
        ("J. K. Rowling wrote it. Nobody objected.",
         ["J. K. Rowling wrote it.", "Nobody objected."]),
        ("Pay rose 2.5 times. Bonuses too.", ["Pay rose 2.5 times.", "Bonuses too."]),
        ("“We hired 9,000 men.” The minister left.",
         ["“We hired 9,000 men.”", "The minister left."]),
        ("Is it true? Nobody knows!", ["Is it true?", "Nobody knows!"]),
        ("Recruits were promised pardons.The ministry estimated 40,000 enlisted.",
         ["Recruits were promised pardons.", "The ministry estimated 40,000 enlisted."]),
        ("See meduza.io and Gov.Smith for more.", ["See meduza.io and Gov.Smith for more."]),
        ("Sibir.Realii counted 90 men. “We left,” said the Kremlin.” Then more.",
         ["Sibir.Realii counted 90 men.", "“We left,” said the Kremlin.”", "Then more."]),
        ("A headline without a stop\nThe body starts here.",
         ["A headline without a stop", "The body starts here."]),
        ("The fund holds 14. 25 billion roubles. It grew.",  # a scrape's spaced decimal point
         ["The fund holds 14. 25 billion roubles.", "It grew."]),
        ("The war began in 2022. 12 million people fled.",
         ["The war began in 2022.", "12 million people fled."]),
        ("It was told by the publication. Meduza.\nNext line.",
         ["It was told by the publication. Meduza.", "Next line."]),
    ],
)
def test_sentences_split_where_a_reader_would(text, expected):
    assert split(text) == expected


def test_each_line_is_a_paragraph():
    text = "Men signed up. Others left.\n\nPay rose.\nBonuses grew."
    assert [s.paragraph for s in sentences(text)] == [0, 0, 1, 2]


def test_sentence_at_finds_the_sentence_holding_an_offset():
    text = "First one. Second one."
    spans = sentences(text)
    assert sentence_at(spans, text.index("Second")) == 1
    assert sentence_at(spans, 0) == 0
