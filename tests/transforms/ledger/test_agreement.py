"""When two figures say the same thing: rounding, closeness and slips of the keyboard."""

import pytest

from transforms.ledger.agreement import close, precision, relative_difference, typo_of, within_rounding


@pytest.mark.parametrize(("value", "step"), [
    (280_000, 10_000),
    (283_000, 1_000),
    (5_130, 10),
    (495_000, 1_000),
    (7, 1),
    (2.5, 0.1),
    (0.25, 0.01),
    (0, 1),
    (float("nan"), 1),
])
def test_precision_is_the_power_of_ten_a_figure_is_rounded_to(value, step):
    assert precision(value) == pytest.approx(step)


def test_relative_difference_is_measured_against_the_larger_figure():
    assert relative_difference(100, 90) == pytest.approx(0.1)
    assert relative_difference(90, 100) == pytest.approx(0.1)
    assert relative_difference(0, 0) == 0


@pytest.mark.parametrize(("a", "b"), [
    (280_000, 283_000),      # "280,000" for 283,000
    (280_000, 276_000),      # rounded up as well as down
    (283_000, 280_000),      # the order does not matter
    (300_000, 300_000),
    (5_100, 5_130),
    (1_500_000, 1_480_000),
])
def test_a_coarser_figure_that_is_the_finer_one_rounded_agrees(a, b):
    assert within_rounding(a, b)


@pytest.mark.parametrize(("a", "b", "why"), [
    (300_000, 251_000, "rounds to 300,000 only at a 100,000 step: too far to be the same figure"),
    (5_130, 5_140, "both given to the tens: two different conversions, not one rounded"),
    (280_000, 290_000, "290,000 does not round to 280,000"),
])
def test_figures_that_are_not_one_rounded_from_the_other(a, b, why):
    assert not within_rounding(a, b), why


@pytest.mark.parametrize(("a", "b", "expected"), [
    (5_130, 5_140, True),        # beyond rounding, but within 3%
    (280_000, 283_000, True),    # within rounding
    (100_000, 103_000, True),    # 3% exactly
    (5_130, 5_300, False),       # 3.2% apart, and 5,130 rounds to 5,100
    (400_000, 450_000, False),
    (450_000, 427_000, False),
])
def test_close_means_within_rounding_or_within_three_percent(a, b, expected):
    assert close(a, b) is expected


@pytest.mark.parametrize(("value", "consensus", "reason"), [
    (45_000, 495_000, "a digit missing"),
    (4_950_000, 495_000, "a digit added"),
    (459_000, 495_000, "two digits swapped"),
    (300, 300_000, "a 'thousand' dropped"),
    (300_000_000, 300_000, "a 'thousand' added"),
    (300, 300_000_000, "a 'million' dropped"),
])
def test_a_slip_of_the_keyboard_is_named(value, consensus, reason):
    assert typo_of(value, consensus) == reason


@pytest.mark.parametrize(("value", "consensus", "why"), [
    (400_000, 450_000, "one digit changed: far more often two figures than one mistyped"),
    (5_140, 5_130, "close values are variants, not typos"),
    (283_000, 280_000, "within rounding"),
    (427_000, 450_000, "a different figure"),
    (45, 54, "too few digits to tell a slip from another figure"),
    (0, 495_000, "no slip gives zero"),
    (-45_000, 495_000, "negative figures are not compared"),
])
def test_other_differences_are_not_typos(value, consensus, why):
    assert typo_of(value, consensus) is None, why
