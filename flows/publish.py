"""Publish: merge with what is published, and publish only what passed the gate."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
from prefect import get_run_logger, task
from prefect.artifacts import create_link_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from muster import warehouse
from transforms.cleaning.publication import candidate_tables, with_run
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
    if not batches:
        return schema.empty_table().to_pandas()
    return pa.concat_tables(batches, promote_options="permissive").to_pandas()


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def stage_tables(warehouse_dir: str, documents: list[pa.Table], claims: list[pa.Table],
                 registry: pd.DataFrame, rates: dict, run_id: str,
                 now: datetime) -> dict[str, pa.Table]:
    """The tables as they would be published: what is there, updated with this run's rows."""
    new_documents = with_run(_frame(documents, "documents"), run_id, now)
    tables = candidate_tables(warehouse.read_published(warehouse_dir), new_documents,
                              _frame(claims, "claims"), registry, rates)
    return {name: warehouse.as_arrow(frame, name) for name, frame in tables.items()}


@task(retries=2, retry_delay_seconds=1, retry_condition_fn=_io_error, cache_policy=NO_CACHE)
def publish_or_quarantine(tables: dict[str, pa.Table], result, warehouse_dir: str,
                          run_name: str) -> list[str]:
    frames = {name: t.to_pandas() for name, t in tables.items()}
    if not result.success:
        folder = warehouse.quarantine(frames, result.to_dict(), warehouse_dir, run_name)
        failed = ", ".join(sorted({f"{f['table']}.{f['expectation']}" for f in result.failures}))
        raise ValidationFailed(f"validation failed ({failed}); nothing published; "
                               f"rejected tables kept in {folder}")
    written = warehouse.publish(frames, warehouse_dir)
    get_run_logger().info("published %s to %s", ", ".join(written) or "nothing new", warehouse_dir)
    return written


def quarantine_name(run_name: str) -> str:
    """A quarantine folder's name: when the run happened and which run it was."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{run_name}"


@task(cache_policy=NO_CACHE)
def report_run(ingested, cleaned, claims: list[pa.Table], tables: dict[str, pa.Table],
               result, warehouse_dir: str) -> dict:
    """Counts per stage and per metric, as artifacts and as the run's return value."""
    stages = stage_counts(
        read=ingested.read, skipped=len(ingested.skipped), unchanged=ingested.unchanged,
        cleaned=sum(b.num_rows for b in cleaned.batches), empty=len(cleaned.rejected),
        claims=sum(b.num_rows for b in claims), published_documents=tables["documents"].num_rows,
        published_claims=tables["claims"].num_rows, not_modified=ingested.not_modified,
    )
    metrics = claims_per_metric(tables["claims"].to_pandas())
    skipped = ingested.skipped + cleaned.rejected
    create_table_artifact(key="muster-stage-counts", table=stages,
                          description="Documents and claims through each stage")
    create_table_artifact(key="muster-claims-per-metric", table=metrics,
                          description="Claims in the tables to publish, per metric")
    if skipped:
        create_table_artifact(key="muster-skipped-inputs", table=[{"input": s} for s in skipped],
                              description="Inputs left out of the run, and why")
    return {"warehouse": str(Path(warehouse_dir).resolve()), "stages": stages,
            "metrics": metrics, "skipped": skipped, "checks": result.to_dict(),
            "not_modified": ingested.not_modified}


@task(cache_policy=NO_CACHE)
def report_tables(warehouse_dir: str) -> None:
    folder = Path(warehouse_dir).resolve()
    for name in warehouse.PUBLISH_ORDER:
        create_link_artifact(key=f"muster-table-{name.replace('_', '-')}",
                             link=warehouse.table_path(folder, name).as_uri(),
                             link_text=f"{name}.parquet",
                             description=f"The published {name} table")
