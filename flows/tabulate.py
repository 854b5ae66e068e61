"""Tabulate: documents -> claims, batch by batch, resolved through the source registry."""

from __future__ import annotations

import pyarrow as pa
from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE

from muster import readers
from transforms.attribution.sources import source_index
from transforms.claims import claims


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_registry(path: str):
    return readers.read_registry(path)


@task(cache_policy=NO_CACHE)
def tabulate_batch(documents: pa.Table, registry, extractor_version: str) -> pa.Table:
    frame = claims(documents.to_pandas(), source_index(registry), extractor_version)
    return pa.Table.from_pandas(frame, preserve_index=False)


@flow(name="tabulate")
def tabulate(batches: list[pa.Table], registry_path: str, extractor_version: str):
    registry = read_registry(registry_path)
    if not batches:
        return [], registry
    found = tabulate_batch.map(batches, unmapped(registry), extractor_version).result()
    return found, registry
