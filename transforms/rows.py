"""Frames as plain rows, for the per-document work that pure Python does best."""

from __future__ import annotations

import pandas as pd


def records(frame: pd.DataFrame) -> list[dict]:
    """The frame's rows as dicts, with None where pandas keeps NaN for a missing value."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")
