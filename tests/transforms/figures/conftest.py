"""The figure tests' one way of comparing what was read with what a row expects."""

import pytest

from transforms.figures.numbers import figures


def check_figures(sentence: str, expected: list[dict]) -> None:
    """The figures of `sentence` are those expected, in order, with the fields each lists."""
    found = figures(sentence)
    assert [f.quote for f in found] == [e["quote"] for e in expected]
    for got, want in zip(found, expected, strict=True):
        for field, value in want.items():
            if isinstance(value, float | int) and not isinstance(value, bool):
                assert getattr(got, field) == pytest.approx(value), field
            else:
                assert getattr(got, field) == value, field


@pytest.fixture
def reads_as():
    return check_figures
