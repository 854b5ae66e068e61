"""Frames as plain rows, for the per-document work that pure Python does best."""

from __future__ import annotations

import pandas as pd


def column_values(frame: pd.DataFrame) -> list[list]:
    """Each column of the frame as a list of Python values, with None where pandas keeps NaN
    (or NaT, NA) for a missing value."""
    columns = []
    for name in frame.columns:
        column = frame[name]
        values = column.tolist()
        if column.hasnans:
            values = [None if missing else v for v, missing in zip(values, column.isna().tolist(),
                                                                   strict=True)]
        columns.append(values)
    return columns


def records(frame: pd.DataFrame) -> list[dict]:
    """The frame's rows as dicts of Python values, with None where pandas keeps NaN (or NaT, NA)
    for a missing value. Built column by column: several times faster than `to_dict` on the
    claims of a large block."""
    names = list(frame.columns)
    if not names:
        return [{} for _ in range(len(frame))]
    return [dict(zip(names, row, strict=True)) for row in zip(*column_values(frame), strict=True)]
