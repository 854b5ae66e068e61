"""Snapshots: all five tables published as one, with a history to read or roll back to.

Layout of a warehouse (every name below is relative to it):

    _snapshots/000007-20240312T100000Z/claims.parquet/  immutable, one folder per publication:
    _snapshots/000007-20240312T100000Z/sources.parquet  large tables as folders of parts (one per
    _snapshots/000007-20240312T100000Z/manifest.json    run), small ones as files; the manifest
    _snapshots/current -> 000007-20240312T100000Z      the pointer: one symbolic link
    claims.parquet -> _snapshots/current/claims.parquet the documented path, never rewritten

A publication writes a new folder under a temporary name, flushes every file to disk, renames the
folder into place and then replaces the `current` link with one `rename(2)`: the commit point.
Before it, every path reads the previous snapshot; after it, every path reads the new one; the
five top-level links go through `current`, so they switch together. A table, or a part, whose
rows did not change is hard-linked from the previous snapshot, not rewritten.

After a kill -9 or a full disk, what may be left is a temporary folder or link, or a complete
folder newer than `current` that was never pointed at. `recover` removes them (with no
`current` at all, it points at the newest whole snapshot instead of removing the history); every publication
and rollback calls it first, under the warehouse lock, so the run after an interruption cleans up
by itself. A rollback is itself a new snapshot (hard links to the old one's files), so the
history only grows at its end and anything newer than `current` is always debris.

This module imports only the standard library (and pyarrow's Parquet metadata reader when
counting rows), so `muster status` and readers can list snapshots without the pipeline's stack.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

SNAPSHOTS = "_snapshots"
CURRENT = "current"
MANIFEST = "manifest.json"
KEEP_DEFAULT = 10
KEEP_ENV = "MUSTER_KEEP_SNAPSHOTS"
_ID = re.compile(r"^(\d{6,})-(\d{8}T\d{6}Z)$")
_TEMPORARY = re.compile(r"^\.(tmp|current|trash)-")
_OLD_TEMPORARY = re.compile(r"^\..+-[0-9a-f]{32}\.parquet\.tmp$")  # the former per-table publish


class SnapshotNotFound(LookupError):
    """No snapshot of that name in the warehouse."""


@dataclass(frozen=True)
class Snapshot:
    """One publication of the tables: when, by which run, and how many rows each table had."""

    id: str
    seq: int
    time: datetime
    run: str
    run_id: str
    rows: dict[str, int]
    changed: tuple[str, ...]
    path: Path
    current: bool = False
    note: str = ""
    parent: str | None = None

    def table_path(self, name: str) -> Path:
        return self.path / f"{name}.parquet"


@dataclass
class Plan:
    """What a publication writes: new tables through `write(name, path)`, the rest linked."""

    write: dict[str, Callable[[Path], None]] = field(default_factory=dict)
    link: dict[str, Path] = field(default_factory=dict)


def keep_count(environ=os.environ) -> int:
    """How many snapshots a warehouse keeps (MUSTER_KEEP_SNAPSHOTS, default 10, at least 1)."""
    try:
        return max(1, int(environ.get(KEEP_ENV, KEEP_DEFAULT)))
    except ValueError:
        return KEEP_DEFAULT


def root(warehouse: str | Path) -> Path:
    return Path(warehouse) / SNAPSHOTS


def current_id(warehouse: str | Path) -> str | None:
    """The id of the snapshot readers see now, or None before the first publication."""
    try:
        target = os.readlink(root(warehouse) / CURRENT)
    except OSError:  # none yet, or a folder where a copy followed the link
        return None
    return target if _ID.match(target) else None


def current_dir(warehouse: str | Path) -> Path | None:
    """The folder of the current snapshot, resolved once: read every table from it for a
    consistent view even while another run publishes."""
    found = current_id(warehouse)
    return root(warehouse) / found if found else None


def _committed_ids(warehouse: str | Path) -> list[str]:
    folder = root(warehouse)
    if not folder.is_dir():
        return []
    return sorted((p.name for p in folder.iterdir() if _ID.match(p.name) and p.is_dir()),
                  key=lambda name: int(_ID.match(name)[1]))


def _seq(snapshot_id: str) -> int:
    return int(_ID.match(snapshot_id)[1])


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_tree(path: Path) -> None:
    """Remove a snapshot folder so that no half-removed folder ever looks like a snapshot:
    renamed to a temporary name first."""
    trash = path.with_name(f".trash-{uuid.uuid4().hex}")
    try:
        os.rename(path, trash)
    except FileNotFoundError:
        return
    shutil.rmtree(trash, ignore_errors=True)


def recover(warehouse: str | Path) -> list[str]:
    """Remove what an interrupted publication left: temporary folders and links, snapshots newer
    than `current` (written but never committed) and the former per-table temporary files.
    Call it under the warehouse lock. Returns the names removed."""
    folder, removed = root(warehouse), []
    for stray in Path(warehouse).glob(".*.parquet.tmp") if Path(warehouse).is_dir() else ():
        if _OLD_TEMPORARY.match(stray.name):
            if stray.is_dir() and not stray.is_symlink():  # a copied folder moved aside
                shutil.rmtree(stray, ignore_errors=True)
            else:
                stray.unlink(missing_ok=True)
            removed.append(stray.name)
    if not folder.is_dir():
        return removed
    for entry in folder.iterdir():
        if _TEMPORARY.match(entry.name):
            if entry.is_symlink() or entry.is_file():
                entry.unlink(missing_ok=True)
            else:
                shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry.name)
    now, ids = current_id(warehouse), _committed_ids(warehouse)
    if now is None and ids:
        # No pointer but whole snapshots (each is flushed before it is renamed into place): a
        # first publication killed before its commit, or a pointer deleted by hand. The newest
        # readable one becomes current rather than losing the history.
        readable = [name for name in ids if (folder / name / MANIFEST).is_file()]
        if readable:
            _point(warehouse, readable[-1])
            now = readable[-1]
    for name in ids:
        if now is None or _seq(name) > _seq(now):
            _remove_tree(folder / name)
            removed.append(name)
    return removed


def _write_json(path: Path, data: dict) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, default=str)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())


def _link_or_copy(source: Path, target: Path) -> None:
    """A table of a previous snapshot in the new one: hard links, file by file for a table
    stored as a folder of parts (each part is immutable once written)."""
    if source.is_dir():
        target.mkdir()
        for part in sorted(source.iterdir()):
            _link_or_copy(part, target / part.name)
        return
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)
        with open(target, "rb+") as handle:
            os.fsync(handle.fileno())


def _parquet_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    if path.is_dir():  # a table stored as parts
        return sum(pq.ParquetFile(part).metadata.num_rows for part in path.glob("*.parquet"))
    return pq.ParquetFile(path).metadata.num_rows


def commit(warehouse: str | Path, plan: Plan, tables: Iterable[str], run: str = "",
           run_id: str = "", note: str = "", keep: int | None = None,
           now: datetime | None = None) -> Snapshot:
    """Write a new snapshot from `plan` and make it current; prune the history to `keep`.

    Everything is written under `_snapshots/.tmp-…` and flushed before the folder is renamed
    into place and `current` is switched; an exception (a full disk) removes the temporary
    folder and leaves the previous snapshot current."""
    folder = root(warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    previous = current_id(warehouse)
    seq = max([_seq(i) for i in _committed_ids(warehouse)] or [0]) + 1
    now = now or datetime.now(UTC)
    snapshot_id = f"{seq:06d}-{now:%Y%m%dT%H%M%SZ}"
    tmp = folder / f".tmp-{uuid.uuid4().hex}"
    tmp.mkdir()
    try:
        rows = {}
        for name in tables:
            target = tmp / f"{name}.parquet"
            if name in plan.write:
                plan.write[name](target)
            else:
                _link_or_copy(plan.link[name], target)
            if not name.startswith("_"):  # an index ("_signatures") is no table of the readers'
                rows[name] = _parquet_rows(target)
        manifest = {"id": snapshot_id, "seq": seq, "time": now.isoformat(), "run": run,
                    "run_id": run_id, "parent": previous, "note": note, "rows": rows,
                    "changed": [name for name in tables if name in plan.write
                                and not name.startswith("_")]}
        _write_json(tmp / MANIFEST, manifest)
        _fsync_dir(tmp)
        os.rename(tmp, folder / snapshot_id)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _fsync_dir(folder)
    _point(warehouse, snapshot_id)
    prune(warehouse, keep_count() if keep is None else keep)
    return _read(folder / snapshot_id, snapshot_id, snapshot_id)


def _link_at(path: Path, target: str, temporary: Callable[[], Path]) -> Path | None:
    """A symbolic link to `target` at `path`, put there in one rename. A folder at `path` (a copy
    made by following links, `cp -L` or `shutil.copytree`, which duplicates what the link points
    at) is moved aside first and returned, for the caller to remove once the link is flushed."""
    stale = None
    if path.is_dir() and not path.is_symlink():
        stale = temporary()
        os.replace(path, stale)
    tmp = temporary()
    os.symlink(target, tmp)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return stale


def _point(warehouse: str | Path, snapshot_id: str) -> None:
    """Switch `current` to `snapshot_id` in one rename: the commit point."""
    folder = root(warehouse)
    stale = _link_at(folder / CURRENT, snapshot_id,
                     lambda: folder / f".current-{uuid.uuid4().hex}")
    _fsync_dir(folder)
    if stale is not None:
        shutil.rmtree(stale, ignore_errors=True)


def ensure_links(warehouse: str | Path, tables: Iterable[str]) -> None:
    """`<warehouse>/<table>.parquet` as links through `current`, created once. A regular file
    there (a warehouse published before snapshots) is replaced only once `current` holds the
    same rows, so the switch is invisible to readers; a folder there (a copy that followed the
    links) holds the same rows as `current` too."""
    base = Path(warehouse)
    stale = []
    for name in tables:
        path = base / f"{name}.parquet"
        target = f"{SNAPSHOTS}/{CURRENT}/{name}.parquet"
        if path.is_symlink() and os.readlink(path) == target:
            continue
        stale.append(_link_at(path, target,
                              lambda name=name: base / f".{name}-{uuid.uuid4().hex}.parquet.tmp"))
    if base.is_dir():
        _fsync_dir(base)
    for folder in filter(None, stale):
        shutil.rmtree(folder, ignore_errors=True)


def prune(warehouse: str | Path, keep: int) -> list[str]:
    """Remove the oldest snapshots beyond the last `keep` (never the current one)."""
    ids, now = _committed_ids(warehouse), current_id(warehouse)
    removed = []
    for name in ids[:max(0, len(ids) - max(1, keep))]:
        if name != now:
            _remove_tree(root(warehouse) / name)
            removed.append(name)
    return removed


def _read(path: Path, snapshot_id: str, now: str | None = None) -> Snapshot:
    data = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    return Snapshot(id=snapshot_id, seq=int(data["seq"]), time=datetime.fromisoformat(data["time"]),
                    run=data.get("run", ""), run_id=data.get("run_id", ""),
                    rows=dict(data.get("rows", {})), changed=tuple(data.get("changed", ())),
                    path=path, current=snapshot_id == now, note=data.get("note", ""),
                    parent=data.get("parent"))


def list_snapshots(warehouse: str | Path) -> list[Snapshot]:
    """The snapshots kept in the warehouse, oldest first; `current` marks the one readers see.
    A folder without a readable manifest is left out (it is not a publication)."""
    now, found = current_id(warehouse), []
    for name in _committed_ids(warehouse):
        if now is not None and _seq(name) > _seq(now):
            continue  # written by an interrupted publication, never committed
        try:
            found.append(_read(root(warehouse) / name, name, now))
        except (OSError, ValueError, KeyError):
            continue
    return found


def find(warehouse: str | Path, name: str) -> Snapshot:
    """A kept snapshot by its id, its sequence number (`7`, `000007`) or `current`."""
    snapshots = list_snapshots(warehouse)
    for snapshot in snapshots:
        if name in (snapshot.id, str(snapshot.seq), f"{snapshot.seq:06d}") or (
                name == CURRENT and snapshot.current):
            return snapshot
    kept = ", ".join(s.id for s in snapshots) or "none"
    raise SnapshotNotFound(f"no snapshot {name!r} in {Path(warehouse)} (kept: {kept})")


def rollback(warehouse: str | Path, name: str, tables: Iterable[str],
             keep: int | None = None) -> Snapshot:
    """Publish the tables of an earlier snapshot again, as a new snapshot that says so.
    Take the warehouse lock first (`muster.locking.warehouse_lock`)."""
    recover(warehouse)
    target = find(warehouse, name)
    tables = [t for t in tables if not t.startswith("_") or target.table_path(t).exists()]
    plan = Plan(link={t: target.table_path(t) for t in tables})
    snapshot = commit(warehouse, plan, tables, run="rollback", note=f"rollback to {target.id}",
                      keep=keep)
    ensure_links(warehouse, tables)
    return snapshot

