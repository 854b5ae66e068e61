"""The claims ledger as tables: each claim's cluster, the claim_clusters table, the claim_flags table.

Computed over all published claims on every run, like `documents.duplicate_of`, so that a cluster
does not depend on which run brought which report. Deterministic: the same claims give the same
ids and rows.
"""

from __future__ import annotations

import hashlib
from collections import Counter

import pandas as pd

from transforms.declarations.schema import columns
from transforms.declarations.vocab import VARIANT_FLAGS
from transforms.ledger.clusters import Cluster, cluster_id, clustered
from transforms.ledger.flags import contradiction_reason, contradictions, variant_flags


def _mode(values: list) -> object:
    """The most frequent non-null value (the first in sorted order on a tie)."""
    counts = Counter(v for v in values if v is not None)
    return min(counts, key=lambda v: (-counts[v], str(v))) if counts else None


def cluster_row(cluster: Cluster, cid: str, n_variants: int, contradiction: str | None) -> dict:
    core = cluster.core()
    first, when = cluster.members[0].row, cluster.when
    points = [m.row["value"] for m in core if m.row["value"] is not None]
    lows = points + [m.row["value_low"] for m in core if m.row["value_low"] is not None]
    highs = points + [m.row["value_high"] for m in core if m.row["value_high"] is not None]
    return {
        "cluster_id": cid, "metric": first["metric"], "claimant": first["claimant"],
        "claimant_id": first["claimant_id"], "unit": cluster.unit, "per": first["per"],
        "subject": _mode([m.row["subject"] for m in core]),
        "period_start": when.start, "period_end": when.end, "as_of": when.as_of,
        "value": cluster.consensus(), "value_low": min(lows, default=None),
        "value_high": max(highs, default=None),
        "qualifier": cluster.qualifier(),
        "n_claims": len(cluster.members), "n_documents": len(cluster.documents),
        "n_outlets": len({m.outlet or m.doc_id for m in cluster.members}),
        "n_variants": n_variants, "first_seen": when.first_seen, "last_seen": when.last_seen,
        "contradiction_id": contradiction,
    }


def flag_row(flag: str, cid: str, claim: str | None, reason: str) -> dict:
    digest = hashlib.sha256(f"{flag}:{cid}:{claim or ''}".encode()).hexdigest()[:20]
    return {"flag_id": digest, "flag": flag, "cluster_id": cid, "claim_id": claim, "reason": reason}


def ledger(claims: pd.DataFrame, documents: pd.DataFrame,
           rates: dict) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(claims with cluster_id, claim_clusters, claim_flags) for all the published claims.

    `rates` maps (currency, year) to US dollars per unit, for figures given only in a currency
    the cluster's own reports do not convert into.
    """
    clusters = clustered(claims, documents, rates)
    taken: set[str] = set()
    ids = [cluster_id(c, taken) for c in clusters]
    flags, n_variants = [], []
    for c, cid in zip(clusters, ids, strict=True):
        variants = variant_flags(c)
        flags += [flag_row(f, cid, claim, reason) for f, claim, reason in variants]
        n_variants.append(len({claim for f, claim, _ in variants if f in VARIANT_FLAGS}))
    contradiction_of: dict[int, str] = {}
    for group in contradictions(clusters):
        gid = hashlib.sha256(":".join(sorted(ids[i] for i in group)).encode()).hexdigest()[:20]
        for i in group:
            contradiction_of[i] = gid
            reason = contradiction_reason(clusters[i], [clusters[j] for j in group])
            flags.append(flag_row("contradiction", ids[i], None, reason))
    rows = [cluster_row(c, cid, n, contradiction_of.get(i))
            for i, (c, cid, n) in enumerate(zip(clusters, ids, n_variants, strict=True))]
    of_claim = {m.claim_id: cid for c, cid in zip(clusters, ids, strict=True) for m in c.members}
    with_ids = claims.assign(cluster_id=claims["claim_id"].map(of_claim))
    table = pd.DataFrame(rows, columns=columns("claim_clusters")).sort_values("cluster_id")
    flag_table = pd.DataFrame(flags, columns=columns("claim_flags")).sort_values("flag_id")
    return (with_ids[columns("claims")], table.reset_index(drop=True),
            flag_table.reset_index(drop=True))
