"""The warehouse folder: read what is published, publish atomically, quarantine what fails,
and keep a record of the inputs each run set aside (`_rejected/`).

Each table is one Parquet file, `<warehouse>/<table>.parquet`, which pandas, DuckDB and pyarrow
read as it is. A table is written to a temporary file in the same folder and moved into place
with an atomic rename, so a reader sees the old table or the new one, never half of one; a table
whose rows did not change is not rewritten at all.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from transforms.declarations.schema import TABLES

# Referenced tables before referring ones.
PUBLISH_ORDER = ("sources", "documents", "claim_clusters", "claims", "claim_flags")
QUARANTINE = "_quarantine"


def table_path(warehouse: str | Path, name: str) -> Path:
    return Path(warehouse) / f"{name}.parquet"


def as_arrow(frame: pd.DataFrame, name: str) -> pa.Table:
    """A frame cast to its table's declared schema (fails loudly on a wrong column)."""
    schema = TABLES[name]
    return pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)


def read_table(warehouse: str | Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """A published table as a frame (only `columns`, if given); empty with its columns if none yet."""
    path, schema = table_path(warehouse, name), TABLES[name]
    table = pq.read_table(path, schema=schema, columns=columns) if path.exists() else (
        schema.empty_table().select(columns or schema.names))
    return table.to_pandas()


def read_published(warehouse: str | Path) -> dict[str, pd.DataFrame]:
    return {name: read_table(warehouse, name) for name in TABLES}


def _atomic_write(table: pa.Table, path: Path) -> None:
    """Write beside the target, flush to disk, then rename over it (the umask sets the mode)."""
    tmp = path.with_name(f".{path.stem}-{uuid.uuid4().hex}.parquet.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            pq.write_table(table, handle, compression="zstd")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _unchanged(table: pa.Table, path: Path) -> bool:
    if not path.exists():
        return False
    try:
        return pq.read_table(path, schema=table.schema).equals(table)
    except (pa.ArrowInvalid, OSError):
        return False


def publish(tables: dict[str, pd.DataFrame], warehouse: str | Path) -> list[str]:
    """Write the tables that changed, each atomically; returns the names written."""
    folder = Path(warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    arrow = {name: as_arrow(tables[name], name) for name in PUBLISH_ORDER}  # all cast, or none
    written = []
    for name, table in arrow.items():
        path = table_path(folder, name)
        if not _unchanged(table, path):
            _atomic_write(table, path)
            written.append(name)
    return written


def quarantine(tables: dict[str, pd.DataFrame], result: dict, warehouse: str | Path,
               run_name: str) -> Path:
    """Keep rejected tables and the validation result where an analyst can inspect them."""
    folder = Path(warehouse) / QUARANTINE / run_name
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        _atomic_write(as_arrow(frame, name), table_path(folder, name))
    (folder / "validation.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    return folder


REJECTED = "_rejected"


def record_rejected(rejected: list[dict], warehouse: str | Path, run_name: str) -> Path | None:
    """Keep what a run set aside, one JSON line per input or record (its key, where it was read,
    the stage and the reason), in `<warehouse>/_rejected/<run>.jsonl`; None when nothing was."""
    if not rejected:
        return None
    folder = Path(warehouse) / REJECTED
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{run_name}.jsonl"
    tmp = path.with_name(f".{path.name}.tmp")
    lines = (json.dumps(entry, ensure_ascii=False, default=str) for entry in rejected)
    tmp.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8", errors="backslashreplace")
    os.replace(tmp, path)
    return path
