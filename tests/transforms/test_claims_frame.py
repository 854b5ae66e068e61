"""`nulls_as_none` gives what pandas' `astype(object).where(notna, None)` gives."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pytest

from transforms.claims import nulls_as_none

COLUMNS = [
    [datetime.date(2023, 1, 31), None, datetime.date(2024, 2, 29)],
    [None, None],
    ["2023", None, "a"],
    [1.5, np.nan, 2.0],
    [],
]


@pytest.mark.parametrize("values", COLUMNS)
def test_nulls_as_none_is_where(values):
    column = pd.DataFrame({"x": values})["x"]
    expected = column.astype(object).where(column.notna(), None)
    got = nulls_as_none(column)
    pd.testing.assert_series_equal(got, expected, check_exact=True)
    assert [type(v) for v in got] == [type(v) for v in expected]
