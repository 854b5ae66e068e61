"""Ingest: read the inputs (files, URLs, feeds), keep what is new or changed, in batches."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from muster import fetchstate, progress, readers, warehouse, web
from muster.records import Rejected, nothing_usable
from transforms.batches import arrow_batches
from transforms.cleaning.cleaning import doc_id
from transforms.cleaning.publication import new_or_changed


@dataclass
class Ingested:
    batches: list[pa.Table]
    read: int
    unchanged: int
    skipped: list[Rejected] = field(default_factory=list)
    not_modified: int = 0  # web inputs found unchanged since the last run (304, same hash, seen)
    fetched: list[fetchstate.Fetched] = field(default_factory=list)  # to record once published


class NothingToIngest(RuntimeError):
    """No input held a usable document."""


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_inputs(inputs: list[str], warehouse_dir: str, allow_hosts: list[str], fetch_delay: float,
                outlet: str | None = None):
    with web.session(warehouse_dir, allow_hosts, fetch_delay) as session:
        frame, skipped = readers.read_inputs(inputs, session, outlet)
    logger = get_run_logger()
    for problem in skipped:
        logger.warning("skipped %s", problem)
    if session.not_modified:
        logger.info("%d web inputs unchanged since the last run", session.not_modified)
    progress.advance("read", len(frame))
    return frame, [Rejected.skipped(p) for p in skipped], session.fetched, session.not_modified


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_published_index(warehouse_dir: str, extractor_version: str, doc_ids: list[str]):
    """Of the documents `doc_ids` (the inputs'), the published keys and hashes, and the claims
    another extractor version made (`warehouse.stale_claims`): what `new_or_changed` reads of
    them, whatever the warehouse holds besides."""
    return (warehouse.published_hashes(warehouse_dir, doc_ids),
            warehouse.stale_claims(warehouse_dir, extractor_version, doc_ids))


@task(cache_policy=NO_CACHE)
def select_new(raw, documents, claims, extractor_version: str, batch_size: int):
    fresh = new_or_changed(raw, documents, claims, extractor_version)
    return arrow_batches(fresh, batch_size)


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def record_fetches(warehouse_dir: str, fetched: list[fetchstate.Fetched]) -> int:
    """Remember what this run fetched; called only after its tables were published."""
    return fetchstate.save_state(warehouse_dir, fetched)


@flow(name="ingest")
def ingest(inputs: list[str], warehouse_dir: str, extractor_version: str,
           batch_size: int = 500, allow_hosts: list[str] | None = None,
           fetch_delay: float = 1.0, outlet: str | None = None) -> Ingested:
    raw, skipped, fetched, not_modified = read_inputs(inputs, warehouse_dir, allow_hosts or [],
                                                      fetch_delay, outlet)
    if raw.empty and not not_modified:
        raise NothingToIngest(nothing_usable(inputs, skipped))
    ids = sorted(set(raw["key"].map(doc_id))) if len(raw) else []
    documents, claims = read_published_index(warehouse_dir, extractor_version, ids)
    fresh = select_new(raw, documents, claims, extractor_version, batch_size)
    return Ingested(fresh, len(raw), len(raw) - sum(b.num_rows for b in fresh), skipped,
                    not_modified, fetched)
