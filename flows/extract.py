"""Extract: raw records -> documents, claims and near-duplicate shingles, clean and tabulate in one
task per batch.

The stages stay flows of their own (`flows.clean`, `flows.tabulate`); the pipeline runs both on a
batch in one task, so a batch's cleaned documents do not travel back to the flow's process and out
again, each batch costs one task run instead of two (in a worker, 0.1 CPU-s and 0.2 s of
round trips to the API each, measured with tasks that do nothing), and no worker waits at the
end of cleaning for the last batch before it may tabulate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows.clean import clean_batch
from flows.tabulate import in_checking_order, tabulate_batch
from muster import progress
from muster.engine import Engine, run_batches
from muster.heap import arrow_pool
from muster.records import Rejected
from transforms.cleaning.budget import Budget
from transforms.cleaning.syndication import shingled


@dataclass
class Extracted:
    documents: list[pa.Table]
    claims: list[pa.Table]
    shingled: list[pa.Table]
    rejected: list[Rejected] = field(default_factory=list)  # set aside in cleaning
    unreadable: list[Rejected] = field(default_factory=list)  # set aside in tabulating
    unfit: list[Rejected] = field(default_factory=list)  # would fail the gate on their own
    cleaned: int = 0  # documents that came out of cleaning


@task(cache_policy=NO_CACHE)
def extract_batch(raw: pa.Table, budget: Budget, registry, extractor_version: str,
                  checked_on: date | None = None):
    """`clean_batch` then `tabulate_batch` on one batch: how many documents cleaning kept, what it
    set aside, what `tabulate_batch` returns, and the kept documents' near-duplicate signatures
    and shingles (`syndication.shingled`: made here, in parallel, so that staging only replays)."""
    arrow_pool()  # in a worker process too (`muster.heap`)
    documents, rejected = clean_batch.fn(raw, budget)
    kept, claims, unreadable, unfit = tabulate_batch.fn(documents, registry, extractor_version,
                                                        budget, checked_on)
    signed = shingled(kept.column("doc_id").to_pylist(), kept.column("text").to_pylist())
    return documents.num_rows, rejected, kept, claims, unreadable, unfit, signed


@flow(name="extract")
def extract(batches: list[pa.Table], registry, extractor_version: str, budget: Budget | None = None,
            workers: int | None = None, dask_address: str | None = None,
            checked_on: date | None = None) -> Extracted:
    """Each batch cleaned and tabulated by one task, in processes when there are several."""
    def done(n: int) -> None:
        progress.advance("cleaned", n)
        progress.advance("tabulated", n)

    found = run_batches(extract_batch, batches, Engine.resolve(workers, dask_address),
                        {"budget": budget or Budget(), "registry": registry,
                         "extractor_version": extractor_version, "checked_on": checked_on}, done)
    return Extracted(
        documents=[docs for _, _, docs, *_ in found], claims=[claims for _, _, _, claims, *_ in found],
        shingled=[s for *_, s in found], rejected=[r for _, rej, *_ in found for r in rej],
        unreadable=[r for *_, unreadable, _, _ in found for r in unreadable],
        unfit=in_checking_order([unfit for *_, unfit, _ in found]),
        cleaned=sum(n for n, *_ in found))
