"""Muster: tables of Russian military recruitment figures and who stands behind them.

`muster.open(warehouse)` reads the published tables from Python (`muster.api`). Importing this
package loads nothing heavy: pandas, pyarrow and DuckDB come with the first table read, and
Prefect and Great Expectations never (they belong to `muster run`).
"""

from __future__ import annotations

from importlib import metadata as _metadata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from muster.api import Warehouse

try:
    __version__ = _metadata.version("muster")
except _metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "open"]


def open(warehouse: str | Path | None = None, *, snapshot: str | None = None) -> Warehouse:  # noqa: A001
    """The published tables of `warehouse` (default: `data/warehouse`), to read as pandas
    frames (`.table`), Arrow tables (`.arrow`) or DuckDB SQL (`.sql`)."""
    from muster.api import Warehouse

    return Warehouse(warehouse, snapshot=snapshot)
