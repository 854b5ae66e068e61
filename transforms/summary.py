"""Counts for the run's artifacts and the command's closing summary."""

from __future__ import annotations

import pandas as pd

from transforms.declarations.vocab import METRICS


def claims_per_metric(claims: pd.DataFrame) -> list[dict]:
    """How many claims each metric has, every metric listed (zero included)."""
    counts = claims["metric"].value_counts()
    return [{"metric": m, "claims": int(counts.get(m, 0))} for m in METRICS]


def stage_counts(*, read: int, skipped: int, unchanged: int, cleaned: int, empty: int,
                 claims: int, published_documents: int, published_claims: int,
                 not_modified: int = 0) -> list[dict]:
    """One row per stage: what went in, what came out, what was set aside."""
    return [
        {"stage": "ingest", "in": read + skipped, "out": read, "set aside": skipped,
         "note": "inputs skipped with a message"
                 + (f"; {not_modified} web inputs not modified since the last run, not fetched"
                    if not_modified else "")},
        {"stage": "select", "in": read, "out": read - unchanged, "set aside": unchanged,
         "note": "documents already published unchanged"},
        {"stage": "clean", "in": read - unchanged, "out": cleaned, "set aside": empty,
         "note": "documents empty after cleaning"},
        {"stage": "tabulate", "in": cleaned, "out": claims, "set aside": 0,
         "note": "figures found in new or changed documents"},
        {"stage": "publish", "in": published_documents, "out": published_claims, "set aside": 0,
         "note": "documents and claims in the published tables"},
    ]
