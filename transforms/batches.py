"""Splitting a frame into batches, so Prefect's cost per task does not grow with the corpus."""

from __future__ import annotations

import pandas as pd


def batches(frame: pd.DataFrame, size: int) -> list[pd.DataFrame]:
    """Consecutive slices of at most `size` rows (none for an empty frame)."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    return [frame.iloc[i : i + size].reset_index(drop=True) for i in range(0, len(frame), size)]
