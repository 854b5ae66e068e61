"""The warehouse folder: read what is published, publish all tables as one snapshot, quarantine
what fails, and keep a record of the inputs each run set aside (`_rejected/`).

Each table is read as `<warehouse>/<table>.parquet`, which pandas, DuckDB and pyarrow read as it
is: a symbolic link through `_snapshots/current` into the current snapshot (`muster.snapshots`).
A run writes its tables into a new snapshot folder and switches `current` in one rename, so a
reader and the next run see every table of the previous snapshot or every table of the new one,
also after a kill -9 or a full disk; a table whose rows did not change is hard-linked from the
previous snapshot, not rewritten, and a run that changes nothing makes no snapshot.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Collection
from functools import partial
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from muster import snapshots
from transforms.declarations.schema import TABLES

# Referenced tables before referring ones.
PUBLISH_ORDER = ("sources", "documents", "claim_clusters", "claims", "claim_flags")
QUARANTINE = "_quarantine"


def table_path(warehouse: str | Path, name: str) -> Path:
    """The documented path of a published table (a link into the current snapshot)."""
    return Path(warehouse) / f"{name}.parquet"


def _source(warehouse: str | Path, name: str, snapshot: str | None = None) -> Path:
    """Where to read a table from: a named snapshot, the current one, or (a warehouse written
    before snapshots existed) the top-level file."""
    if snapshot is not None:
        return snapshots.find(warehouse, snapshot).table_path(name)
    folder = snapshots.current_dir(warehouse)
    return folder / f"{name}.parquet" if folder is not None else table_path(warehouse, name)


def as_arrow(frame: pd.DataFrame | pa.Table, name: str) -> pa.Table:
    """A frame cast to its table's declared schema (fails loudly on a wrong column)."""
    schema = TABLES[name]
    if isinstance(frame, pa.Table):
        return frame.select(schema.names).cast(schema)
    return pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)


def read_table(warehouse: str | Path, name: str, columns: list[str] | None = None,
               snapshot: str | None = None) -> pd.DataFrame:
    """A published table as a frame (only `columns`, if given); empty with its columns if none yet.
    `snapshot` names an earlier snapshot (`muster.snapshots.list_snapshots`)."""
    return _read_arrow(_source(warehouse, name, snapshot), name, columns).to_pandas()


def _of_documents(table: pa.Table, doc_ids: Collection[str] | None) -> pa.Table:
    """The rows of `table` whose doc_id is among `doc_ids` (all rows when None), filtered in
    Arrow before any row becomes a Python object."""
    if doc_ids is None:
        return table
    return table.filter(pc.is_in(table["doc_id"], pa.array(list(doc_ids), pa.string())))


def stale_claims(warehouse: str | Path, extractor_version: str,
                 doc_ids: Collection[str] | None = None) -> pd.DataFrame:
    """The published claims (doc_id, extractor_version) that another extractor version made
    (of the documents `doc_ids` only, if given): all a run needs to know of the stored claims
    to re-tabulate, without a frame of every claim."""
    table = _read_arrow(_source(warehouse, "claims"), "claims", ["doc_id", "extractor_version"],
                        ordered=False)
    same = pc.fill_null(pc.equal(table["extractor_version"], extractor_version), False)
    return _of_documents(table.filter(pc.invert(same)), doc_ids).to_pandas()


def published_hashes(warehouse: str | Path, doc_ids: Collection[str]) -> pd.DataFrame:
    """(doc_id, raw_sha256) of the published documents among `doc_ids`: what a run needs to
    tell its inputs new, changed or unchanged, not a frame of every stored document."""
    table = _read_arrow(_source(warehouse, "documents"), "documents", ["doc_id", "raw_sha256"],
                        ordered=False)
    return _of_documents(table, doc_ids).to_pandas()


# The order of a table stored as parts, as it was when each table was one file.
ORDER_BY = {"documents": ["doc_id"], "claims": ["doc_id", "char_start", "claim_id"]}


def _read_arrow(path: Path, name: str, columns: list[str] | None = None,
                ordered: bool = True) -> pa.Table:
    """A table's file, or its folder of parts in the order of its key (`ordered`)."""
    schema = TABLES[name]
    if not path.exists():
        return schema.empty_table().select(columns or schema.names)
    table = pq.read_table(path, schema=schema, columns=columns)
    keys = [k for k in ORDER_BY.get(name, ()) if k in table.column_names] if ordered else []
    return table.sort_by([(k, "ascending") for k in keys]) if path.is_dir() and keys else table


def read_published(warehouse: str | Path, snapshot: str | None = None) -> dict[str, pd.DataFrame]:
    """Every table of one snapshot (the current one unless named): `current` is resolved once,
    so the tables agree with each other even while another run publishes."""
    if snapshot is None and (folder := snapshots.current_dir(warehouse)) is not None:
        snapshot = folder.name
    return {name: read_table(warehouse, name, snapshot=snapshot) for name in TABLES}


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


def _unchanged(table: pa.Table, path: Path | None) -> bool:
    if path is None or not path.exists():
        return False
    try:
        return pq.read_table(path, schema=table.schema).equals(table)
    except (pa.ArrowInvalid, OSError):
        return False


def _adopt_files(folder: Path) -> None:
    """A warehouse published before snapshots: its files become the first snapshot, and only
    then links replace them (same rows, so no reader sees a change)."""
    from muster import store

    old = {name: table_path(folder, name) for name in PUBLISH_ORDER}
    if snapshots.current_id(folder) or not any(
            p.exists() and not p.is_symlink() for p in old.values()):
        return
    plan = snapshots.Plan()
    for name, path in old.items():
        if path.exists() and not path.is_symlink():  # a file, or a folder of parts
            plan.link[name] = path
        else:
            plan.write[name] = partial(store._write_parquet, TABLES[name].empty_table())
    snapshots.commit(folder, plan, PUBLISH_ORDER, run="imported",
                     note="the tables as published before snapshots")
    snapshots.ensure_links(folder, PUBLISH_ORDER)


def publish(tables: dict[str, pd.DataFrame | pa.Table], warehouse: str | Path, run: str = "",
            run_id: str = "", keep: int | None = None) -> list[str]:
    """Publish whole tables as one new snapshot if any changed (the layout a run writes: the
    partitioned tables as one part each); returns the names that changed (none: no snapshot).
    Cleans up after an interrupted publication first. Take the warehouse lock before calling
    it. A run publishes its increment instead (`muster.store.publish`); without the
    near-duplicate index, the next run recomputes in full."""
    from muster import store

    folder = Path(warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    arrow = {name: as_arrow(tables[name], name) for name in PUBLISH_ORDER}  # all cast, or none
    snapshots.recover(folder)
    _adopt_files(folder)
    base = snapshots.current_dir(folder)
    previous = {name: base / f"{name}.parquet" if base else None for name in PUBLISH_ORDER}
    changed = [name for name in PUBLISH_ORDER if not _unchanged(arrow[name], previous[name])]
    if changed:
        snapshot = store.Snapshot(base)
        partitioned = {name: (store.Parts(write={store.new_part_name(): arrow[name]},
                                          drop=set(snapshot.parts(name))) if name in changed
                              else store.Parts())
                       for name in ("documents", "claims")}
        whole = {name: arrow[name] if name in changed else None
                 for name in PUBLISH_ORDER if name not in partitioned}
        snapshots.commit(folder, store.plan_for(snapshot, partitioned, whole), PUBLISH_ORDER,
                         run=run, run_id=run_id, keep=keep)
    snapshots.ensure_links(folder, PUBLISH_ORDER)
    return changed


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
