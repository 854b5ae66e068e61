"""What to publish: the tables already published, updated with this run's documents and claims.

A document is keyed by its input (URL, or file and record id), so a re-run on the same input
finds every document unchanged and publishes nothing new, while an article whose content changed
replaces its earlier row and all the claims drawn from it. Which documents are copies of one
story (`duplicate_of`) is decided afresh over all documents, published and new, so it does not
depend on which run brought which copy.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from transforms.attribution.sources import sources_table
from transforms.cleaning.cleaning import doc_id
from transforms.cleaning.syndication import duplicate_of
from transforms.declarations.schema import columns
from transforms.ledger.ledger_tables import ledger


def new_or_changed(raw: pd.DataFrame, documents: pd.DataFrame, claims: pd.DataFrame,
                   extractor_version: str) -> pd.DataFrame:
    """Raw records not yet published as they are now (content or extractor differ)."""
    published = dict(zip(documents["doc_id"], documents["raw_sha256"], strict=True))
    stale = set(claims.loc[claims["extractor_version"] != extractor_version, "doc_id"])
    ids = raw["key"].map(doc_id)
    keep = [published.get(i) != sha or i in stale for i, sha in zip(ids, raw["raw_sha256"], strict=True)]
    return raw.loc[keep].reset_index(drop=True)


def with_run(documents: pd.DataFrame, run_id: str, now: datetime) -> pd.DataFrame:
    """Documents stamped with the run that ingested them, in the published column order
    (`duplicate_of` is left empty: `candidate_tables` sets it over all documents)."""
    stamped = documents.assign(ingested_at=pd.Timestamp(now).tz_convert("UTC"), run_id=run_id,
                               duplicate_of=None)
    return stamped[columns("documents")]


def updated(published: pd.DataFrame, new: pd.DataFrame, replaced: set, table: str) -> pd.DataFrame:
    """Published rows not belonging to a replaced document, plus `new`, in a stable order."""
    kept = published.loc[~published["doc_id"].isin(replaced)]
    parts = [frame[columns(table)] for frame in (kept, new) if len(frame)]
    frame = pd.concat(parts, ignore_index=True) if parts else published[columns(table)]
    key = "doc_id" if table == "documents" else ["doc_id", "char_start", "claim_id"]
    return frame.sort_values(key, kind="stable").reset_index(drop=True)


def candidate_tables(published: dict[str, pd.DataFrame], documents: pd.DataFrame,
                     claims: pd.DataFrame, registry: pd.DataFrame,
                     rates: dict | None = None) -> dict[str, pd.DataFrame]:
    """The tables to validate and publish: the published ones updated with this run's rows.

    Sources are derived every time, from the registry and the names the claims use, so a source
    never outlives the last claim that named it unless the registry lists it. Near-duplicate
    documents are marked over the whole merged table; their claims stay in the claims table.
    Clusters and their flags are likewise computed afresh over all claims (`rates`: US dollars
    per unit of a currency in a year, for figures given only in another currency).
    """
    replaced = set(documents["doc_id"])
    docs = updated(published["documents"], documents, replaced, "documents")
    docs["duplicate_of"] = duplicate_of(docs)
    found = updated(published["claims"], claims.assign(cluster_id=None), replaced, "claims")
    found, clusters, flags = ledger(found, docs, rates or {})
    names = pd.concat([found["claimant"], found["via"].dropna()])
    return {"documents": docs, "claims": found,
            "sources": sources_table(registry, names, docs["outlet"].dropna()),
            "claim_clusters": clusters, "claim_flags": flags}
