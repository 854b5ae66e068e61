"""Ingest: read the inputs, keep what is new or changed, in batches."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from muster import readers, warehouse
from transforms.batches import batches
from transforms.publication import new_or_changed


@dataclass
class Ingested:
    batches: list[pa.Table]
    read: int
    unchanged: int
    skipped: list[str] = field(default_factory=list)


class NothingToIngest(RuntimeError):
    """No input held a usable document."""


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_inputs(inputs: list[str]):
    frame, skipped = readers.read_inputs(inputs)
    logger = get_run_logger()
    for problem in skipped:
        logger.warning("skipped %s", problem)
    return frame, [str(p) for p in skipped]


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_published_index(warehouse_dir: str):
    return (warehouse.read_table(warehouse_dir, "documents", ["doc_id", "raw_sha256"]),
            warehouse.read_table(warehouse_dir, "claims", ["doc_id", "extractor_version"]))


@task(cache_policy=NO_CACHE)
def select_new(raw, documents, claims, extractor_version: str, batch_size: int):
    fresh = new_or_changed(raw, documents, claims, extractor_version)
    return [pa.Table.from_pandas(b, preserve_index=False) for b in batches(fresh, batch_size)]


@flow(name="ingest")
def ingest(inputs: list[str], warehouse_dir: str, extractor_version: str,
           batch_size: int = 500) -> Ingested:
    raw, skipped = read_inputs(inputs)
    if raw.empty:
        raise NothingToIngest("no usable document in " + ", ".join(inputs)
                              + "".join(f"\n  skipped {s}" for s in skipped))
    documents, claims = read_published_index(warehouse_dir)
    fresh = select_new(raw, documents, claims, extractor_version, batch_size)
    return Ingested(fresh, len(raw), len(raw) - sum(b.num_rows for b in fresh), skipped)
