"""Clean: raw records -> documents with their body text, batch by batch."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from transforms.cleaning.cleaning import cleaned_documents


@dataclass
class Cleaned:
    batches: list[pa.Table]
    rejected: list[str] = field(default_factory=list)


@task(cache_policy=NO_CACHE)
def clean_batch(raw: pa.Table):
    documents, rejected = cleaned_documents(raw.to_pandas())
    for row in rejected.itertuples():
        get_run_logger().warning("skipped %s: %s", row.source, row.reason)
    rejected = [f"{r.source}: {r.reason}" for r in rejected.itertuples()]
    return pa.Table.from_pandas(documents, preserve_index=False), rejected


@flow(name="clean")
def clean(batches: list[pa.Table]) -> Cleaned:
    results = clean_batch.map(batches).result() if batches else []
    return Cleaned([docs for docs, _ in results], [r for _, rej in results for r in rej])
