"""`muster snapshots` and `muster rollback`: the history of the tables, and going back in it
(`muster.snapshots` does the work)."""

from __future__ import annotations

import json
import sys

from muster import snapshots
from muster.locking import WarehouseBusy, publishing, warehouse_lock
from transforms.declarations.schema import TABLES


def describe(snapshot: snapshots.Snapshot) -> str:
    """One line: id, time, run and rows per table."""
    rows = ", ".join(f"{name} {count:,}" for name, count in snapshot.rows.items())
    extra = f" ({snapshot.note})" if snapshot.note else ""
    mark = "* " if snapshot.current else "  "
    return f"{mark}{snapshot.id}  {snapshot.time:%Y-%m-%d %H:%M:%S} UTC  {snapshot.run or '-'}{extra}: {rows}"


def command_list(args) -> int:
    """`muster snapshots`: the kept snapshots, the current one marked with *."""
    found = snapshots.list_snapshots(args.warehouse)
    if args.format == "json":
        print(json.dumps([{"id": s.id, "seq": s.seq, "time": s.time.isoformat(), "run": s.run,
                           "run_id": s.run_id, "rows": s.rows, "changed": list(s.changed),
                           "current": s.current, "note": s.note, "path": str(s.path)}
                          for s in found], indent=2))
    elif not found:
        print(f"no snapshot in {args.warehouse} yet")
    else:
        print("\n".join(describe(s) for s in found))
    return 0


def command_rollback(args) -> int:
    """`muster rollback SNAPSHOT`: publish an earlier snapshot again, under the warehouse lock."""
    try:
        with warehouse_lock(args.warehouse), publishing(args.warehouse):
            target = snapshots.find(args.warehouse, args.snapshot)
            if target.current:
                print(f"{target.id} is already the current snapshot; nothing changed")
                return 0
            made = snapshots.rollback(args.warehouse, target.id, (*TABLES, "_signatures"))
    except (snapshots.SnapshotNotFound, WarehouseBusy) as err:
        print(f"muster: rollback failed: {err.args[0]}", file=sys.stderr)
        return 1
    print(f"rolled back to {target.id}; published as snapshot {made.id}")
    print(describe(made))
    return 0
