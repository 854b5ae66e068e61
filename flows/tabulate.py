"""Tabulate: documents -> claims, one document at a time, resolved through the source registry.

A document whose figures cannot be tabulated (a failure in extraction, or more figures than the
budget allows) is set aside with its reason and dropped from the run's documents, so it is tried
again by the next run; the other documents of its batch go on. Given the day to check against, each
batch also sets aside the records that would fail the gate on their own (`expectations.set_aside`):
the check reads one document and its own claims, so it runs in the workers, beside the extraction,
not in the flow's process after every batch is in.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from expectations.set_aside import set_aside
from muster import progress, readers
from muster.engine import Engine, run_batches
from muster.records import Rejected
from transforms.attribution.sources import SourceIndex, source_index
from transforms.claims import claims_frame, document_claims
from transforms.cleaning.budget import Budget, figures_problem, numbers_problem
from transforms.figures.numbers import figures
from transforms.rows import records

DOCUMENT_FIELDS = ("doc_id", "text", "outlet", "published")


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE,
      retry_condition_fn=lambda task, run, state: not _is_registry_error(state))
def read_registry(path: str):
    return readers.read_registry(path)


def _is_registry_error(state) -> bool:
    try:
        state.result()
    except readers.RegistryError:
        return True
    except Exception:
        return False
    return False


def tabulated(documents: pd.DataFrame, index: SourceIndex, extractor_version: str,
              budget: Budget) -> tuple[pd.DataFrame, pd.DataFrame, list[Rejected]]:
    """The documents that tabulated, their claims, and those set aside with their reasons."""
    rows, kept, rejected = [], [], []
    for position, doc in enumerate(records(documents)):
        fields = {k: doc.get(k) for k in DOCUMENT_FIELDS}
        try:
            problem = numbers_problem(doc["text"], budget)
            found = figures(doc["text"]) if problem is None else []
            problem = problem or figures_problem(len(found), budget)
            if problem is None:
                rows.extend(document_claims(fields, index, extractor_version, found=found))
        except Exception as err:  # the safety net: one document never stops its batch
            detail = " ".join(str(err).split())[:200]
            problem = f"tabulating failed ({type(err).__name__}{': ' + detail if detail else ''})"
        if problem is None:
            kept.append(position)
        else:
            rejected.append(Rejected("tabulate", doc.get("source") or doc["doc_id"],
                                     doc.get("key") or doc["doc_id"], problem, doc["doc_id"]))
    return documents.iloc[kept].reset_index(drop=True), claims_frame(rows, index), rejected


def checked(documents: pd.DataFrame, claims: pd.DataFrame, day: date
            ) -> tuple[pd.DataFrame, pd.DataFrame, list[Rejected]]:
    """The documents and claims without the records that would fail the gate on their own, and
    those records as `check` entries named by their document's input."""
    kept = set_aside(documents, claims, day)
    where = {d: (s, k) for d, s, k in zip(documents["doc_id"], documents["source"], documents["key"],
                                          strict=True)}
    rejected = [Rejected("check", *where.get(r["doc_id"], (r["doc_id"], r["doc_id"])), r["reason"],
                         r["doc_id"], r["claim_id"]) for r in kept.rejected]
    return kept.documents, kept.claims, rejected


def in_checking_order(batches: list[list[Rejected]]) -> list[Rejected]:
    """The set-aside entries of every batch in the order one check over the whole run gives:
    the documents set aside first, then the claims, each in the order of the batches."""
    entries = [r for batch in batches for r in batch]
    return [r for r in entries if r.claim_id is None] + [r for r in entries if r.claim_id is not None]


@task(cache_policy=NO_CACHE)
def tabulate_batch(documents: pa.Table, registry, extractor_version: str, budget: Budget,
                   checked_on: date | None = None):
    """The batch's documents that tabulated, their claims, the documents set aside in
    tabulating, and (with `checked_on`) the records set aside before the gate."""
    kept, claims, rejected = tabulated(documents.to_pandas(), source_index(registry),
                                       extractor_version, budget)
    for r in rejected:
        get_run_logger().warning("skipped %s", r)
    unfit: list[Rejected] = []
    if checked_on is not None:
        kept, claims, unfit = checked(kept, claims, checked_on)
        for r in unfit:
            get_run_logger().warning("set aside %s%s", r, f" (claim {r.claim_id})" if r.claim_id else "")
    return (pa.Table.from_pandas(kept, preserve_index=False),
            pa.Table.from_pandas(claims, preserve_index=False), rejected, unfit)


@flow(name="tabulate")
def tabulate(batches: list[pa.Table], registry, extractor_version: str,
             budget: Budget | None = None, workers: int | None = None,
             dask_address: str | None = None, checked_on: date | None = None):
    """Documents that tabulated, their claims, the documents set aside, and (with `checked_on`,
    the last acceptable publication date) the records that would fail the gate on their own;
    `registry` is the frame `read_registry` read. Each batch a task, in processes when there are
    several."""
    if not batches:
        return [], [], [], []
    found = run_batches(tabulate_batch, batches, Engine.resolve(workers, dask_address),
                        {"registry": registry, "extractor_version": extractor_version,
                         "budget": budget or Budget(), "checked_on": checked_on},
                        lambda n: progress.advance("tabulated", n))
    return ([docs for docs, *_ in found], [claims for _, claims, *_ in found],
            [r for _, _, rejected, *_ in found for r in rejected],
            in_checking_order([unfit for *_, unfit in found]))
