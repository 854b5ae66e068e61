"""The published tables from Python: `muster.open(warehouse)`.

    >>> w = muster.open("data/warehouse")
    >>> w.table("claims")                  # a pandas DataFrame
    >>> w.arrow("documents")               # a pyarrow Table
    >>> w.sql("SELECT claimant, count(*) AS n FROM claims GROUP BY claimant")

Every read goes through `table_paths`, the one function that says which file holds each table,
so that `.table`, `.arrow` and `.sql` (and `muster sql`, which uses the same function) always
read the same data: the current snapshot's, resolved once, or an earlier snapshot's
(`muster.open(w, snapshot="6")`).

A table not published yet reads as an empty table with its declared columns, as in `muster sql`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from muster import paths, snapshots, warehouse
from transforms.declarations.schema import TABLES

__all__ = ["Warehouse", "table_paths"]


def table_paths(folder: str | Path, snapshot: str | None = None) -> dict[str, Path | None]:
    """Each table's Parquet file or folder of parts (None for a table not published yet), all of
    one snapshot: `snapshot` (an id or sequence number, `muster snapshots`), else the current
    one, resolved once so that the tables agree even while a run publishes."""
    # an unknown snapshot: SnapshotNotFound, a LookupError naming those kept
    base = snapshots.find(folder, snapshot).path if snapshot is not None else snapshots.current_dir(folder)
    found = {name: base / f"{name}.parquet" if base else warehouse.table_path(folder, name)
             for name in TABLES}
    return {name: path if path.exists() else None for name, path in found.items()}


def conformed(path: Path | None, schema: pa.Schema) -> pa.Table | ds.Dataset:
    """A table's file read as its declared schema (columns added since give nulls), or an empty
    table with its columns when there is no file."""
    return ds.dataset(str(path), schema=schema, format="parquet") if path else schema.empty_table()


class Warehouse:
    """One warehouse's published tables, read on demand (nothing is loaded when it is opened)."""

    def __init__(self, folder: str | Path | None = None, *, snapshot: str | None = None):
        self.path = Path(paths.WAREHOUSE if folder is None else folder)
        if not self.path.is_dir():
            raise FileNotFoundError(f"no warehouse folder at {self.path}")
        self.snapshot = snapshot
        table_paths(self.path, snapshot)  # an unknown snapshot fails here, not at the first read

    def __repr__(self) -> str:
        which = f", snapshot={self.snapshot!r}" if self.snapshot else ""
        return f"muster.open({str(self.path)!r}{which})"

    @property
    def tables(self) -> list[str]:
        """The table names, in the order the schema declares them."""
        return list(TABLES)

    def paths(self) -> Mapping[str, Path | None]:
        """Which file holds each table now (None: not published yet)."""
        return table_paths(self.path, self.snapshot)

    def arrow(self, name: str, columns: list[str] | None = None) -> pa.Table:
        """A table as a pyarrow Table (only `columns`, if given), cast to its declared schema."""
        data = conformed(self.paths()[_known(name)], TABLES[name])
        return data.to_table(columns=columns) if isinstance(data, ds.Dataset) else (
            data.select(columns) if columns else data)

    def table(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """A table as a pandas DataFrame (only `columns`, if given)."""
        return self.arrow(name, columns).to_pandas()

    def sql(self, query: str) -> pd.DataFrame:
        """The rows of the last statement of `query`, DuckDB SQL over views named as the tables
        (the same views as `muster sql`)."""
        from muster.sql import connect_paths, relations

        con = connect_paths(self.paths())  # per query: it sees what is published now
        try:
            table = pa.table({})
            for relation in relations(con, query):
                table = relation.to_arrow_table()
            return table.to_pandas()
        finally:
            con.close()

    def status(self):
        """What `muster status` says of this warehouse (`muster.status.Status`)."""
        from muster.status import status

        return status(self.path)


def _known(name: str) -> str:
    if name not in TABLES:
        raise KeyError(f"no table {name!r}; the tables are {', '.join(TABLES)}")
    return name
