"""Publish: merge with what is published, and publish only what passed the gate."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
from prefect import get_run_logger, task
from prefect.artifacts import create_link_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from muster import store, warehouse
from muster.locking import publishing
from muster.records import Rejected
from transforms.cleaning.publication import with_run
from transforms.summary import claims_per_metric, stage_counts


class ValidationFailed(RuntimeError):
    """The tables broke an expectation; nothing was published."""


def _io_error(task, task_run, state) -> bool:
    """Retry what failed on the file system, not a verdict of the gate."""
    try:
        state.result()
    except ValidationFailed:
        return False
    except Exception:
        return True
    return False


def _frame(batches: list[pa.Table], table: str) -> pd.DataFrame:
    """One frame of a run's batches (an empty one with the table's columns when there are none)."""
    schema = warehouse.TABLES[table]
    batches = [b for b in batches if b.num_columns]
    if not batches:
        return schema.empty_table().to_pandas()
    return pa.concat_tables(batches, promote_options="permissive").to_pandas()


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def stage_tables(warehouse_dir: str, documents: list[pa.Table], claims: list[pa.Table],
                 registry: pd.DataFrame, rates: dict, run_id: str,
                 now: datetime, full: bool = False, shingled: list[pa.Table] = ()) -> store.Staged:
    """What this run changes in the published tables (`muster.store.stage`): its rows, the
    stored rows it re-stamps, and the small tables whole; `full` recomputes everything.
    `shingled`: the documents' signatures and shingles, as the workers made them."""
    new_documents = with_run(_frame(documents, "documents"), run_id, now)
    found = pa.concat_tables(shingled) if shingled else None
    return store.stage(warehouse_dir, new_documents, _frame(claims, "claims"), registry, rates, full,
                       found)


@task(retries=2, retry_delay_seconds=1, retry_condition_fn=_io_error, cache_policy=NO_CACHE)
def publish_or_quarantine(staged: store.Staged, result, warehouse_dir: str,
                          run_name: str, rejected: list[Rejected] = (), run_id: str = "",
                          run: str = "") -> list[str]:
    """Publish the tables that passed as one snapshot, or keep them in quarantine; either way,
    record what the run set aside. Holds the publishing lock, so an interrupt waits for the
    snapshot to be committed (a kill -9 leaves the previous one; see `muster.snapshots`)."""
    entries = [{**asdict(r), "run_id": run_id, "run": run_name} for r in rejected]
    with publishing(warehouse_dir):
        warehouse.record_rejected(entries, warehouse_dir, run_name)
        if not result.success:  # the rows the run would have changed, as validated
            folder = warehouse.quarantine(staged.tables, result.to_dict(), warehouse_dir, run_name)
            failed = ", ".join(sorted({f"{f['table']}.{f['expectation']}" for f in result.failures}))
            raise ValidationFailed(f"validation failed ({failed}); nothing published; "
                                   f"rejected tables kept in {folder}")
        written = store.publish(staged, warehouse_dir, run=run or run_name, run_id=run_id)
    get_run_logger().info("published %s to %s", ", ".join(written) or "nothing new", warehouse_dir)
    return written


def quarantine_name(run_name: str) -> str:
    """A quarantine folder's name: when the run happened and which run it was."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{run_name}"


@task(cache_policy=NO_CACHE)
def report_run(ingested, cleaned, n_claims: int, staged: store.Staged,
               result, warehouse_dir: str, rejected: list[Rejected]) -> dict:
    """Counts per stage and per metric, as artifacts and as the run's return value."""
    by_stage = Counter(r.stage for r in rejected)
    stages = stage_counts(
        read=ingested.read, skipped=by_stage["read"], unchanged=ingested.unchanged,
        cleaned=cleaned.documents, empty=by_stage["clean"],
        claims=n_claims, published_documents=staged.counts["documents"],
        published_claims=staged.counts["claims"], not_modified=ingested.not_modified,
    )
    for row in stages:  # documents set aside in tabulating, records set aside before the gate
        if row["stage"] == "tabulate":
            row["set aside"] = by_stage["tabulate"] + by_stage["check"]
    metrics = claims_per_metric(staged.increment.claims_after)
    create_table_artifact(key="muster-stage-counts", table=stages,
                          description="Documents and claims through each stage")
    create_table_artifact(key="muster-claims-per-metric", table=metrics,
                          description="Claims in the tables to publish, per metric")
    if rejected:
        create_table_artifact(
            key="muster-skipped-inputs",
            table=[{"input": r.source, "stage": r.stage, "reason": r.reason, "key": r.key}
                   for r in rejected],
            description="Inputs and records left out of the run, and why")
    return {"warehouse": str(Path(warehouse_dir).resolve()), "stages": stages,
            "metrics": metrics, "skipped": [str(r) for r in rejected],
            "set_aside": {stage: by_stage[stage] for stage in ("read", "clean", "tabulate", "check")},
            "checks": result.to_dict(), "not_modified": ingested.not_modified}


@task(cache_policy=NO_CACHE)
def report_tables(warehouse_dir: str) -> None:
    folder = Path(warehouse_dir).resolve()
    for name in warehouse.PUBLISH_ORDER:
        create_link_artifact(key=f"muster-table-{name.replace('_', '-')}",
                             link=warehouse.table_path(folder, name).as_uri(),
                             link_text=f"{name}.parquet",
                             description=f"The published {name} table")
