"""The Muster pipeline: ingest -> clean -> tabulate -> validate -> publish.

Run it with `muster run INPUT...` or `python -m flows.pipeline INPUT...`; deployments in
prefect.yaml point at `flows/pipeline.py:muster`.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime

from prefect import flow, runtime, task
from prefect.cache_policies import NO_CACHE

from flows.clean import clean
from flows.ingest import ingest
from flows.publish import (
    publish_or_quarantine,
    quarantine_name,
    report_run,
    report_tables,
    stage_tables,
)
from flows.tabulate import tabulate
from flows.validate import validate
from muster import paths
from muster.fingerprint import extractor_version


@task(cache_policy=NO_CACHE)
def fingerprint(registry: str) -> str:
    return extractor_version(registry)


@flow(name="muster")
def muster(inputs: list[str], warehouse: str = str(paths.WAREHOUSE),
           registry: str = str(paths.REGISTRY), batch_size: int = 500,
           today: date | None = None) -> dict:
    """Tabulate the figures in `inputs` and publish them to `warehouse` if they pass the gate."""
    run_id = str(runtime.flow_run.id)
    version = fingerprint(registry)
    ingested = ingest(inputs, warehouse, version, batch_size)
    cleaned = clean(ingested.batches)
    claims, registry_frame = tabulate(cleaned.batches, registry, version)
    tables = stage_tables(warehouse, cleaned.batches, claims, registry_frame, run_id,
                          datetime.now(UTC))
    result = validate(tables, today)
    summary = report_run(ingested, cleaned, claims, tables, result, warehouse)
    summary["written"] = publish_or_quarantine(tables, result, warehouse,
                                               quarantine_name(runtime.flow_run.name))
    report_tables(warehouse)
    return summary

if __name__ == "__main__":
    from muster.cli import main

    sys.exit(main(["run", *sys.argv[1:]]))
