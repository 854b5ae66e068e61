"""Patterns led by their words' first letters (`letter_led`) find what the plain patterns
built from the same words find: a word boundary or a look-behind before the word, read before
its first letter rather than after it."""

from __future__ import annotations

import re

import pytest

from transforms.attribution import reading
from transforms.declarations.words import WORD_START_BEHIND, letter_led

# what each look-behind read after a first letter is, read before it
PLAIN_BEFORE = {reading.SENTENCE_START_BEHIND: r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))", WORD_START_BEHIND: r"\b",
                reading.AFTER_SOURCE_BEHIND: r"(?<=⟧\s)"}


def plain(alternatives) -> re.Pattern:
    """The same alternatives, each one's look-behind before its words."""
    return re.compile("|".join(PLAIN_BEFORE[before] + "(?:" + "|".join(words) + ")" + after
                               for words, before, after in alternatives))


TEXTS = [  # lower-cased and masked, as the reader searches them
    "the army recruited 30,000 men in may. this was reported by ⟦0⟧ on friday.",
    "these figures were compiled by ⟦1⟧.\nthe numbers have been counted by ⟦2⟧, ⟦3⟧ said so.",
    "it is stated that 400 left. those estimates were made by ⟦0⟧; ⟦1⟧ reported this.",
    "“we lost 40,” ⟦0⟧ told this paper. that data has been gathered by hand. it follows from "
    "the count.",
    "bethis was reported. x.this was reported by ⟦0⟧. unsaid so, retold this, itis stated.",
    "this is reported", "that tally was provided by ⟦4⟧", "",
    "⟦0⟧ reported that 70,000 died. ⟦1⟧ cited ⟦2⟧. ⟦3⟧ quoted ⟦4⟧ as saying 40.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_backward_finds_what_its_plain_pattern_finds_from_every_offset(text):
    led, slow = reading.BACKWARD, plain(reading.BACKWARD_WORDS)
    for pos in range(len(text) + 1):
        for end in (len(text), len(text) - 3):
            found, expected = led.search(text, pos, end), slow.search(text, pos, end)
            assert (found and found.span()) == (expected and expected.span()), (pos, end)


def test_backward_finds_each_kind_of_pointer_back():
    found = [m.group() for m in reading.BACKWARD.finditer(TEXTS[0] + " " + TEXTS[1])]
    assert found == ["this was reported", "these figures were compiled by",
                     "the numbers have been counted by", "said so"]


def test_letter_led_keeps_the_order_of_words_sharing_a_letter():
    alternatives = [(("in", "into"), WORD_START_BEHIND, ""), (("it",), WORD_START_BEHIND, r"\b")]
    assert re.compile(letter_led(alternatives)).match("into").group() == "in"
    assert re.compile(letter_led(alternatives)).match("itself") is None
    assert plain(alternatives).match("into").group() == "in"
