"""Clean: raw records -> documents with their body text, batch by batch, within the budget."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from muster import progress
from muster.engine import Engine, run_batches
from muster.records import Rejected
from transforms.cleaning.budget import Budget
from transforms.cleaning.cleaning import cleaned_documents


@dataclass
class Cleaned:
    batches: list[pa.Table]
    rejected: list[Rejected] = field(default_factory=list)
    documents: int = 0  # how many came out (the batches are let go once tabulated)


@task(cache_policy=NO_CACHE)
def clean_batch(raw: pa.Table, budget: Budget):
    documents, rejected = cleaned_documents(raw.to_pandas(), budget)
    for row in rejected.itertuples():
        get_run_logger().warning("skipped %s: %s", row.source, row.reason)
    return (pa.Table.from_pandas(documents, preserve_index=False),
            [Rejected("clean", r.source, r.key, r.reason) for r in rejected.itertuples()])


@flow(name="clean")
def clean(batches: list[pa.Table], budget: Budget | None = None, workers: int | None = None,
          dask_address: str | None = None) -> Cleaned:
    """Each batch a task, in processes when there are several (`muster.engine`)."""
    results = run_batches(clean_batch, batches, Engine.resolve(workers, dask_address),
                          {"budget": budget or Budget()},
                          lambda n: progress.advance("cleaned", n))
    found = [docs for docs, _ in results]
    return Cleaned(found, [r for _, rej in results for r in rej], sum(b.num_rows for b in found))
