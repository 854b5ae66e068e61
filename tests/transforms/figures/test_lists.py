"""Lists of numbers share the unit written once after the last (transforms/figures/lists.py)."""

import pytest

from transforms.figures.numbers import figures


@pytest.mark.parametrize("text, expected", [
    ("Bonuses of 150,000, 250,000 or 400,000 roubles were offered.",
     [(150000, "RUB"), (250000, "RUB"), (400000, "RUB")]),
    ("Turnout fell by 4, 6 and 9 percent in March.",
     [(4, "percent"), (6, "percent"), (9, "percent")]),
    ("The programme could cost 2 or 3 billion dollars.",
     [(2e9, "USD"), (3e9, "USD")]),
    ("Recruits may sign for three, six or twelve months of service.",
     [(3, "month"), (6, "month"), (12, "month")]),
])
def test_items_of_a_list_take_the_unit_written_after_the_last(text, expected):
    assert [(f.value, f.unit) for f in figures(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a noun of its own: the first number counts people, the second is a share
    ("The unit had 300 men, and 5 percent of them deserted.", [(300, "person"), (5, "percent")]),
    # no term of service: durations are no figures, listed or not
    ("The trip takes three, six or twelve months.", []),
])
def test_a_number_with_its_own_noun_keeps_its_unit(text, expected):
    assert [(f.value, f.unit) for f in figures(text)] == expected


@pytest.mark.parametrize("text, bounds", [
    ("Recruiters arrived in groups of two or three men.", (2, 3)),
    ("He saw 4 or 5 trucks leave the base.", (4, 5)),
])
def test_two_small_counts_one_apart_are_one_range(text, bounds):
    (found,) = figures(text)
    assert (found.value, found.value_low, found.value_high, found.qualifier) == (
        None, *bounds, "range")


def test_counts_further_apart_are_two_figures():
    assert [f.value for f in figures("Contracts of 6 or 12 months are offered to those who serve.")
            ] == [6, 12]
