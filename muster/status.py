"""`muster status`: what a warehouse holds and how its last run went, at a glance.

`status(warehouse)` returns a frozen `Status` (tables and their rows, the last publication, the
last run's gate verdict and what it set aside, the latest validation report); `text` and
`Status.to_dict` render it for people and for scripts (`--format json`). Reading it opens no
table but the documents' two run columns, and imports neither Prefect nor Great Expectations.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from muster import validation_reports
from muster.api import table_paths
from muster.snapshots import list_snapshots
from muster.words import counted

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
REJECTED = "_rejected"
SHOWN_REJECTED = 10
SHOWN_SNAPSHOTS = 5


@dataclass(frozen=True)
class TableStatus:
    name: str
    rows: int
    path: str | None  # None: not published yet


@dataclass(frozen=True)
class LastRun:
    """The newest run that reached the gate, as its validation report and `_rejected/` say."""

    name: str  # <time>-<run name>
    run_id: str | None
    verdict: str  # passed, failed or unknown
    report: str  # the HTML validation report
    rejected: tuple[str, ...] = ()  # "input: reason", one per input or record set aside
    rejected_file: str | None = None


@dataclass(frozen=True)
class SnapshotStatus:
    """One kept publication of the tables (see `muster snapshots`, `muster rollback`)."""

    id: str
    time: str  # UTC, ISO
    run: str
    rows: dict[str, int]
    current: bool


@dataclass(frozen=True)
class Status:
    warehouse: str
    version: str
    tables: tuple[TableStatus, ...]
    published_at: str | None = None  # when the documents table was last added to (UTC, ISO)
    published_by: str | None = None  # the flow run that did
    last_run: LastRun | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    snapshots: tuple[SnapshotStatus, ...] = ()  # oldest first

    def to_dict(self) -> dict:
        return asdict(self)


def table_rows(path: Path | None) -> int:
    """Rows of a table's file or folder of parts (from the Parquet footers only)."""
    if not path:
        return 0
    files = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
    return sum(pq.ParquetFile(f).metadata.num_rows for f in files)


def last_publication(documents: Path | None) -> tuple[str | None, str | None]:
    """When the newest document version was published, and by which run."""
    if not documents:
        return None, None
    table = pq.read_table(documents, columns=["ingested_at", "run_id"])
    if not table.num_rows:
        return None, None
    frame = table.to_pandas()
    newest = frame.loc[frame["ingested_at"].idxmax()]
    return newest["ingested_at"].isoformat(), str(newest["run_id"])


def rejected_of(warehouse: Path, name: str) -> tuple[tuple[str, ...], str | None]:
    path = warehouse / REJECTED / f"{name}.jsonl"
    if not path.is_file():
        return (), None
    entries = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        entries.append(f"{entry.get('source', '?')}: {entry.get('reason', '?')}")
    return tuple(entries), str(path)


def last_run(warehouse: Path) -> LastRun | None:
    report = validation_reports.latest(warehouse)
    if report is None:
        return None
    rejected, file = rejected_of(warehouse, report.name)
    return LastRun(report.name, report.run_id, report.verdict(), str(report.html), rejected, file)


def status(warehouse: str | Path) -> Status:
    """The status of a warehouse folder (FileNotFoundError when there is none)."""
    from muster import __version__

    folder = Path(warehouse)
    if not folder.is_dir():
        raise FileNotFoundError(f"no warehouse folder at {folder}")
    files = table_paths(folder)  # one snapshot's; shown at the documented path readers use
    tables = tuple(TableStatus(name, table_rows(path), str(folder / f"{name}.parquet") if path else None)
                   for name, path in files.items())
    when, by = last_publication(files["documents"])
    notes = () if any(t.path for t in tables) else ("no table is published yet: run `muster run`",)
    kept = tuple(SnapshotStatus(k.id, k.time.isoformat(), k.run, dict(k.rows), k.current)
                 for k in list_snapshots(folder))
    return Status(str(folder.resolve()), __version__, tables, when, by, last_run(folder), notes,
                  kept)


def text(state: Status) -> str:
    """The status for a person to read."""
    width = max(len(t.name) for t in state.tables)
    lines = [f"warehouse {state.warehouse} (muster {state.version})", "tables:"]
    lines += [f"  {t.name:<{width}}  {t.rows:>9,} rows" + ("" if t.path else "  (not published yet)")
              for t in state.tables]
    if state.published_at:
        lines.append(f"last published: {state.published_at} by run {state.published_by}")
    run = state.last_run
    if run:
        aside = counted(len(run.rejected), "input or record", "inputs or records")
        lines += [f"last run: {run.name}: gate {run.verdict}, {aside} set aside",
                  *(f"  set aside {r}" for r in run.rejected[:SHOWN_REJECTED])]
        if len(run.rejected) > SHOWN_REJECTED:
            lines.append(f"  … and {len(run.rejected) - SHOWN_REJECTED:,} more in {run.rejected_file}")
        lines.append(f"validation report: {run.report}")
    else:
        lines.append("last run: none recorded (no validation report in _validation/)")
    if state.snapshots:
        lines.append(f"snapshots: {counted(len(state.snapshots), 'kept', 'kept')}"
                     " (muster snapshots lists them, muster rollback SNAPSHOT restores one)")
        for k in state.snapshots[-SHOWN_SNAPSHOTS:]:
            lines.append(f"  {'*' if k.current else ' '} {k.id}  {k.time}  {k.run}: "
                         f"{k.rows.get('claims', 0):,} claims")
    lines += list(state.notes)
    return "\n".join(lines)


def command(args: argparse.Namespace) -> int:
    try:
        state = status(args.warehouse)
    except FileNotFoundError as err:
        print(f"muster: {err}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError) as err:
        print(f"muster: cannot read the warehouse {args.warehouse}: {err}", file=sys.stderr)
        return EXIT_FAILED
    print(json.dumps(state.to_dict(), indent=2) if args.format == "json" else text(state))
    return EXIT_OK
