"""The run's ledger as Prefect artifacts: the report's tables, where the flow run is looked at."""

from __future__ import annotations

from datetime import date

import pandas as pd
from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from transforms.ledger import ledger

CLUSTERS_SHOWN = 50


def _cell(value):
    """What a table artifact can hold: text, numbers, ISO dates, nothing for a missing value."""
    if isinstance(value, list):
        return "; ".join(f"{v['flag']}: {v['reason']}" for v in value)
    if isinstance(value, date):
        return value.isoformat()
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def table_rows(frame: pd.DataFrame) -> list[dict]:
    return [{key: _cell(value) for key, value in row.items()} for row in frame.to_dict("records")]


def ledger_markdown(counts: dict[str, int]) -> str:
    """The counts an analyst checks first, and where to look next."""
    return "\n".join([
        "# Muster ledger", "",
        "| | count |", "|---|---:|",
        *(f"| {name} | {value:,} |" for name, value in counts.items()), "",
        "Contradictions: `muster-contradictions`; the most repeated clusters and their variants: "
        "`muster-clusters`; per outlet: `muster-outlets`. `muster report` writes the same as an "
        "HTML page with charts.",
    ])


@task(cache_policy=NO_CACHE)
def publish_summary(frames: dict[str, pd.DataFrame]) -> None:
    """Artifacts from the same ledger frames as `muster report`: documents, claims (their keys
    suffice: `muster.store.Staged.frames`), claim_clusters and claim_flags; words are made
    only for the clusters shown."""
    documents, claims = frames["documents"], frames["claims"]
    clusters, flags = frames["claim_clusters"], frames["claim_flags"]
    ordered = ledger.clusters_with_variants(clusters, flags, claims, documents, limit=CLUSTERS_SHOWN)
    create_table_artifact(key="muster-contradictions",
                          table=table_rows(ledger.contradictions(clusters, flags).drop(
                              columns="contradiction_id")),
                          description="Claimants giving disagreeing figures for one metric and period")
    create_table_artifact(key="muster-clusters",
                          table=table_rows(ordered.head(CLUSTERS_SHOWN).drop(
                              columns=["cluster_id", "contradiction_id"])),
                          description=f"The {CLUSTERS_SHOWN} most repeated figures, with their variants")
    create_table_artifact(key="muster-outlets", table=table_rows(ledger.outlet_counts(documents, claims)),
                          description="Documents, claims, syndicated copies and clusters per outlet")
    create_markdown_artifact(key="muster-ledger",
                             markdown=ledger_markdown(ledger.totals(documents, claims, clusters, flags)),
                             description="What the published tables hold")
