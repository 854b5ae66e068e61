"""The figure reader never raises, never publishes an infinite value or an upside-down range,
and stays linear on long inputs (a 2 MB line of digits and separators)."""

from __future__ import annotations

import math
import random
import time

import pytest

from transforms.figures.numbers import figures, read_figures

PIECES = [
    "0", "1", "7", "12", "345", "2022", "1,000", ",", ",000", ".", ".5", " ", "  ", "-", "+", "−",
    "–", "%", "$", "US$", "A$", "€", "£", "₽", "₴", "₹", "Rs", "Br", "¥", "(", ")", "e", "E+",
    "million", "bn", "k", "lakh", "crore", "hundred", "thousand", "to", "and", "between", "from",
    "rose", "fell", "up", "by", "roubles", "rupees", "won", "Nepalese", "people", "per cent",
    "a month", "about", "at least", "up to", "two", "dozens", "half", "tens of", "thousands",
    "aged", "Game", "iPhone", "Street", "win", "3-2", "\n", "“", "½", "No.", "Su-", "G",
]


def garbled(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(["", "", " "]) for _ in range(length))


def check(found) -> None:
    for f in found:
        numbers = [n for n in (f.value, f.value_low, f.value_high, f.alt_value) if n is not None]
        assert all(math.isfinite(n) for n in numbers), f
        if f.value_low is not None and f.value_high is not None:
            assert f.value_low <= f.value_high, f


@pytest.mark.parametrize("seed", range(40))
def test_garbled_text_never_raises(seed):
    rng = random.Random(seed)
    for _ in range(25):
        text = garbled(rng, rng.randint(1, 60))
        found, skipped = read_figures(text)
        assert skipped >= 0
        check(found)
        for f in found:
            assert text[f.start : f.end] == f.quote


@pytest.mark.parametrize("seed", range(10))
def test_random_digits_and_separators_never_raise(seed):
    rng = random.Random(1000 + seed)
    for _ in range(50):
        text = "".join(rng.choice("0123456789,. $€%-") for _ in range(rng.randint(1, 120)))
        check(figures(text))


@pytest.mark.parametrize("text", [
    "The fund holds " + "9" * 400 + " roubles.",
    "They counted 1" + ",000" * 300 + " people.",
    "It cost $1" + ",000" * 120 + " in all.",
])
def test_an_overflowing_figure_is_skipped_and_counted(text):
    found, skipped = read_figures(text)
    assert found == [] and skipped == 1


def test_a_readable_figure_beside_an_unreadable_one_is_kept():
    found, skipped = read_figures("It paid 5,000 roubles and " + "1" * 50 + " dollars.")
    assert [f.quote for f in found] == ["5,000 roubles"] and skipped == 1


def test_figures_is_read_figures_without_the_count():
    text = "Some 300,000 men were called up and 2 lakh rupees paid."
    assert figures(text) == read_figures(text)[0]


def _seconds(text: str) -> float:
    began = time.perf_counter()
    found, _ = read_figures(text)
    check(found)
    return time.perf_counter() - began


@pytest.mark.parametrize("alphabet", ["0123456789,", "0123456789,.", "0123456789, ", "9,0 .$%"])
def test_a_2mb_line_of_digits_and_commas_finishes(alphabet):
    rng = random.Random(7)
    line = "".join(rng.choice(alphabet) for _ in range(2_000_000))
    assert _seconds(line) < 120  # measured 0.8 s to 12 s on 2 cores; a quadratic scan takes hours


@pytest.mark.parametrize("unit", ["1,234 ", "12,345.6 ", "$7,000 ", "1 000 "])
def test_reading_time_grows_linearly(unit):
    small, large = unit * (50_000 // len(unit)), unit * (200_000 // len(unit))
    _seconds(small[:1000])  # warm up
    ratio = _seconds(large) / max(_seconds(small), 1e-3)
    assert ratio < 12, f"4x the text took {ratio:.1f}x the time"  # linear: about 4
