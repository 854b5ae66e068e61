"""Validate: run the expectation suites on the tables about to be published."""

from __future__ import annotations

import contextlib
import threading
from dataclasses import asdict
from datetime import date

import pyarrow as pa
from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE


def _import_gate() -> None:
    # a failure is raised again by the import in `run_suites`, where the run reports it
    with contextlib.suppress(Exception):
        import expectations.gate  # noqa: F401


def import_gate_meanwhile() -> threading.Thread:
    """Import the gate (Great Expectations: about 3 s on the 2-core machine) in a thread of its
    own, started before the extraction: while the worker processes clean and tabulate, the flow's
    process waits on them, so the import no longer holds up the serial steps after them. Join it
    before validating (an import in progress is waited for by Python's import lock anyway)."""
    thread = threading.Thread(target=_import_gate, name="muster-import-gate", daemon=True)
    thread.start()
    return thread


@task(cache_policy=NO_CACHE)
def run_suites(tables: dict, today: date | None, lookups: dict | None = None):
    """The suites on `tables` (frames or Arrow tables); references looked up in `lookups`
    when only a run's changed rows are validated."""
    from expectations.gate import validate as gate

    frames = {name: t.to_pandas() if isinstance(t, pa.Table) else t for name, t in tables.items()}
    return gate(frames, today=today, lookups=lookups or None)


@task(cache_policy=NO_CACHE)
def keep_report(result, warehouse: str, name: str, run_id: str = "", rejected: list = ()) -> str:
    """Write the run's lasting validation report (`muster.validation_reports`); its HTML path."""
    from muster import validation_reports

    entries = [asdict(r) if hasattr(r, "__dataclass_fields__") else dict(r) for r in rejected]
    return str(validation_reports.write(result.to_dict(), warehouse, name, run_id, entries).html)


@task(cache_policy=NO_CACHE)
def report_validation(result, report_path: str | None = None) -> None:
    """The `muster-validation` artifact, on the flow run this runs in (the parent `muster` run,
    whose stages run as `.fn`)."""
    kept = f"\nThe full report (every expectation): `{report_path}`\n" if report_path else ""
    create_markdown_artifact(
        key="muster-validation", markdown=result.to_markdown() + kept,
        description="Great Expectations results on the tables about to be published",
    )


@flow(name="validate")
def validate(tables: dict, today: date | None = None, warehouse: str | None = None,
             name: str | None = None, run_id: str = "", rejected: list = (),
             lookups: dict | None = None):
    """Run the suites; with a `warehouse` and a run `name`, also keep the report there."""
    result = run_suites(tables, today, lookups)
    path = keep_report(result, warehouse, name, run_id, rejected) if warehouse and name else None
    report_validation(result, path)
    return result
