"""`muster sql`'s table format: word-boundary wrapping, thousands separators, fitted width."""

import pyarrow as pa
import pytest

from muster.sqltable import box, number_text


@pytest.mark.parametrize(("value", "text"), [
    (427000.0, "427,000"), (427000, "427,000"), (5130.25, "5,130.25"), (0.8333, "0.8333"),
    (-1200.0, "-1,200"), (float("nan"), "NaN")])
def test_numbers_have_thousands_separators_and_no_trailing_point_zero(value, text):
    assert number_text(value) == text


def test_text_wraps_at_word_boundaries_within_the_width():
    sentence = "The defence minister says more than 427,000 signed contracts in the year"
    drawn = box(pa.table({"value": [427000.0], "sentence": [sentence]}), 40, 40)
    lines = drawn.splitlines()
    assert all(len(line) <= 40 for line in lines[:-1])
    words = " ".join(line.split("│")[2].strip() for line in lines[3:-2] if line.startswith("│"))
    assert words.split() == sentence.split()  # no word cut in two
    assert "427,000" in drawn and "427000.0" not in drawn
    assert lines[-1] == "1 row"


def test_rows_beyond_the_limit_are_counted():
    drawn = box(pa.table({"n": list(range(50))}), 80, 40)
    assert drawn.splitlines()[-1] == "50 rows, 40 shown (--format csv prints them all)"
    assert "NULL" in box(pa.table({"x": [None, "a"]}), 80, 40)
