"""The Muster pipeline: ingest -> clean -> tabulate -> validate -> publish -> summarise.

Run it with `muster run INPUT...` or `python -m flows.pipeline INPUT...`; deployments in
prefect.yaml point at `flows/pipeline.py:muster`.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime

from prefect import flow, runtime, task
from prefect.cache_policies import NO_CACHE

from expectations.set_aside import checking_day
from flows.clean import Cleaned
from flows.extract import extract
from flows.ingest import ingest, record_fetches
from flows.publish import (
    publish_or_quarantine,
    quarantine_name,
    report_run,
    report_tables,
    stage_tables,
)
from flows.summary import publish_summary
from flows.tabulate import read_registry
from flows.validate import import_gate_meanwhile, validate
from muster import paths, progress, readers
from muster.engine import Engine
from muster.fingerprint import extractor_version
from muster.heap import arrow_pool, frozen_heap
from muster.locking import warehouse_lock
from muster.validation_reports import latest_path as latest_report
from transforms.cleaning.budget import Budget


@task(cache_policy=NO_CACHE)
def fingerprint(registry: str) -> str:
    return extractor_version(registry)


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def exchange_rates(path: str) -> dict:
    return readers.read_rates(path)


@flow(name="muster")
def muster(inputs: list[str], warehouse: str = str(paths.WAREHOUSE),
           registry: str = str(paths.REGISTRY), batch_size: int = 500,
           today: date | None = None, allow_hosts: list[str] | None = None,
           fetch_delay: float = 1.0, rates: str = str(paths.RATES),
           outlet: str | None = None, workers: int | None = None,
           dask_address: str | None = None, full: bool = False) -> dict:
    """Tabulate the figures in `inputs` and publish them to `warehouse` if they pass the gate.

    Inputs are files, folders, URL lists and page or feed URLs; `allow_hosts` may be fetched even
    on private addresses, and `fetch_delay` seconds pass between two requests to one host;
    `outlet` is the outlet of file inputs that name none themselves. One
    run at a time holds the warehouse; what was fetched is recorded only once published.

    The stages are flows of their own (`flows.ingest`, `flows.clean`, ...), which can be run
    alone; here their bodies run inside this flow (`.fn`), their tasks as this flow's tasks,
    which saves a subflow run's round trips to the API per stage (measured: 1 to 2.5 s each).
    Clean and tabulate run together, one task a batch (`flows.extract`), in `workers` processes
    (default: MUSTER_WORKERS, else every core), or on the Dask cluster at `dask_address`
    (`muster.engine`). A run changes what its documents touch (`muster.store`); `full`
    recomputes every derived column from all rows.
    """
    arrow_pool()  # Arrow's freed buffers go back to the system (`muster.heap`)
    with frozen_heap(), warehouse_lock(warehouse):
        run_id = str(runtime.flow_run.id)
        budget = Budget.from_env()
        registry_frame = read_registry(registry)  # a bad row fails the run before any work
        version = fingerprint(registry)
        ingested = ingest.fn(inputs, warehouse, version, batch_size, allow_hosts, fetch_delay, outlet)
        progress.total(sum(b.num_rows for b in ingested.batches))
        progress.stage_done("read", f"{ingested.unchanged:,} unchanged, "
                                    f"{len(ingested.skipped):,} skipped")
        engine = Engine.resolve(workers, dask_address)
        gate_imported = import_gate_meanwhile()  # while the workers clean and tabulate
        with engine.session():
            # clean and tabulate, one task a batch; each batch also sets aside the records that
            # would fail the gate on their own
            found = extract.fn(ingested.batches, registry_frame, version, budget, engine.workers,
                               engine.dask_address, checked_on=checking_day(today))
            ingested.batches = []
        cleaned, n_claims = Cleaned([], found.rejected, found.cleaned), sum(b.num_rows for b in found.claims)
        progress.stage_done("cleaned", f"{len(cleaned.rejected):,} set aside")
        progress.stage_done("tabulated", f"{n_claims:,} figures, {len(found.unreadable):,} set aside")
        gate_imported.join()
        staged = stage_tables(warehouse, found.documents, found.claims, registry_frame,
                              exchange_rates(rates), run_id, datetime.now(UTC), full, found.shingled)
        found.documents = found.claims = found.shingled = []  # staged holds its own copies from here on
        rejected = [*ingested.skipped, *cleaned.rejected, *found.unreadable, *found.unfit]
        name = quarantine_name(runtime.flow_run.name)  # names its reports, rejects, quarantine
        result = validate.fn(staged.tables, today, warehouse, name, run_id, rejected, staged.lookups)
        summary = report_run(ingested, cleaned, n_claims, staged, result, warehouse, rejected)
        summary["validation_report"] = latest_report(warehouse)
        summary["written"] = publish_or_quarantine(staged, result, warehouse, name, rejected, run_id,
                                                   runtime.flow_run.name)
        retried = {r.key for r in rejected}  # a page set aside is fetched again next time
        record_fetches(warehouse, [f for f in ingested.fetched if f"url:{f.url}" not in retried])
        report_tables(warehouse)
        publish_summary(staged.frames())
        return summary

def main(argv: list[str] | None = None) -> int:
    """`python -m flows.pipeline INPUT... [--warehouse DIR]`: the flow as Prefect runs it, with
    Prefect's own log, on PREFECT_API_URL or on Prefect's temporary server. (`muster run` is
    the command for everyone else; the flow does not import it.)"""
    import argparse

    args = argparse.ArgumentParser(prog="python -m flows.pipeline", description=main.__doc__)
    args.add_argument("inputs", nargs="+", metavar="INPUT")
    args.add_argument("--warehouse", default=str(paths.WAREHOUSE))
    args.add_argument("--registry", default=str(paths.REGISTRY))
    args.add_argument("--batch-size", type=int, default=500)
    opts = args.parse_args(argv)
    state = muster(inputs=opts.inputs, warehouse=opts.warehouse, registry=opts.registry,
                   batch_size=opts.batch_size, return_state=True)
    return 0 if state.is_completed() else 1


if __name__ == "__main__":
    sys.exit(main())
