"""The claims ledger as tables: each claim's cluster, the claim_clusters table, the claim_flags table.

A cluster depends only on the claims of its block (one claimant, metric, rate and kind of unit),
never on which run brought which report: a run reclusters the blocks its claims touch
(`updated_ledger`), which gives the same ids and rows as clustering every claim (`ledger`).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

import numpy as np
import pandas as pd

from transforms.declarations.schema import columns
from transforms.declarations.vocab import VARIANT_FLAGS
from transforms.ledger.clusters import Cluster, as_date, block, block_key, claim_order, cluster_id, clustered
from transforms.ledger.flags import Statement, contradiction_reason, contradictions, variant_flags
from transforms.rows import column_values, records
from transforms.time.when import When


def _mode(values: list[tuple[object, int]]) -> object:
    """The most frequent non-null value, of (value, count) pairs (the first in sorted order on
    a tie)."""
    counts: Counter = Counter()
    for v, n in values:
        if v is not None:
            counts[v] += n
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
        "subject": _mode([(m.row["subject"], m.weight) for m in core]),
        "period_start": when.start, "period_end": when.end, "as_of": when.as_of,
        "value": cluster.consensus(), "value_low": min(lows, default=None),
        "value_high": max(highs, default=None),
        "qualifier": cluster.qualifier(),
        "n_claims": sum(m.weight for m in cluster.members), "n_documents": len(cluster.documents),
        "n_outlets": len({o for m in cluster.members for o in ([m.outlet] if m.outlet else m.doc_ids)}),
        "n_variants": n_variants, "first_seen": when.first_seen, "last_seen": when.last_seen,
        "contradiction_id": contradiction,
    }


def flag_row(flag: str, cid: str, claim: str | None, reason: str) -> dict:
    digest = hashlib.sha256(f"{flag}:{cid}:{claim or ''}".encode()).hexdigest()[:20]
    return {"flag_id": digest, "flag": flag, "cluster_id": cid, "claim_id": claim, "reason": reason}


# The claim columns clustering, naming and flagging read: a run reads them for every stored claim
# (no sentences), so that reclustering a block needs no full rows.
LEDGER_COLUMNS = ["claim_id", "doc_id", "char_start", "metric", "claimant", "claimant_id", "per",
                  "unit", "subject", "value", "value_low", "value_high", "qualifier", "alt_value",
                  "alt_unit", "period_start", "period_end", "as_of"]


def block_ledger(claims: pd.DataFrame, documents: pd.DataFrame,
                 rates: dict) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(claims with cluster_id, their clusters without contradictions, their variant flags).

    Every block (`clusters.block`) is clustered and named on its own, so the result for a block
    depends only on its claims: reclustering the blocks a run touches gives what clustering
    everything would."""
    clusters = clustered(claims, documents, rates, claim_order(claims))
    ids, taken = [], defaultdict(set)
    for c in clusters:
        ids.append(cluster_id(c, taken[block_key(c.members[0])]))
    flags, n_variants = [], []
    for c, cid in zip(clusters, ids, strict=True):
        variants = variant_flags(c)
        flags += [flag_row(f, cid, claim, reason) for f, claim, reason in variants]
        n_variants.append(len({claim for f, claim, _ in variants if f in VARIANT_FLAGS}))
    rows = [cluster_row(c, cid, n, None) for c, cid, n in zip(clusters, ids, n_variants, strict=True)]
    of_claim = {claim: cid for c, cid in zip(clusters, ids, strict=True) for m in c.members
                for claim in m.claim_ids}
    with_ids = claims.assign(cluster_id=[of_claim.get(c) for c in claims["claim_id"].tolist()])
    return (with_ids[[c for c in columns("claims") if c in with_ids]],
            pd.DataFrame(rows, columns=columns("claim_clusters")),
            pd.DataFrame(flags, columns=columns("claim_flags")))


def statements(clusters: pd.DataFrame) -> list[Statement]:
    """What each cluster row states, as contradictions compare it."""
    return [Statement(r["cluster_id"], r["metric"], r["unit"], r["per"] or "", r["claimant_id"],
                      r["claimant"], r["qualifier"], r["value"],
                      When(as_date(r["period_start"]), as_date(r["period_end"]), as_date(r["as_of"]),
                           as_date(r["first_seen"]), as_date(r["last_seen"])))
            for r in records(clusters)]


def with_contradictions(clusters: pd.DataFrame, flags: pd.DataFrame,
                        buckets: set[tuple] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clusters and flags with `contradiction_id` and the contradiction flags made afresh for the
    clusters in `buckets` (metric, unit, rate; all clusters when None); the others keep theirs."""
    said = statements(clusters)
    inside = [buckets is None or s.bucket in buckets for s in said]
    chosen = [s for s, keep in zip(said, inside, strict=True) if keep]
    contradiction_of: dict[str, str] = {}
    new_flags = []
    for group in contradictions(chosen):
        members = [chosen[i] for i in group]
        gid = hashlib.sha256(":".join(sorted(s.cluster_id for s in members)).encode()).hexdigest()[:20]
        for s in members:
            contradiction_of[s.cluster_id] = gid
            new_flags.append(flag_row("contradiction", s.cluster_id, None,
                                      contradiction_reason(s, members)))
    remade = pd.Series(inside, index=clusters.index, dtype=bool)
    ids = clusters["cluster_id"].map(contradiction_of)
    clusters = clusters.assign(contradiction_id=ids.where(remade, clusters["contradiction_id"]))
    remade_ids = set(clusters.loc[remade, "cluster_id"])
    kept = flags.loc[~((flags["flag"] == "contradiction") & flags["cluster_id"].isin(remade_ids))]
    flags = pd.concat([kept, pd.DataFrame(new_flags, columns=columns("claim_flags"))],
                      ignore_index=True) if new_flags else kept
    return (clusters.sort_values("cluster_id").reset_index(drop=True),
            flags.sort_values("flag_id").reset_index(drop=True))


def ledger(claims: pd.DataFrame, documents: pd.DataFrame,
           rates: dict) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(claims with cluster_id, claim_clusters, claim_flags) for all the published claims.

    `rates` maps (currency, year) to US dollars per unit, for figures given only in a currency
    the cluster's own reports do not convert into.
    """
    found, clusters, flags = block_ledger(claims, documents, rates)
    clusters, flags = with_contradictions(clusters, flags)
    return found, clusters, flags


BLOCK_COLUMNS = ["metric", "claimant_id", "per", "unit"]


def row_blocks(rows: pd.DataFrame) -> pd.Series:
    """The block (`clusters.block`) of each claim or cluster row: each distinct combination of
    the block's columns is made a block once, and given to its rows by their codes (a run's
    stored claims repeat a few hundred of them 143,000 times)."""
    said = rows[BLOCK_COLUMNS]
    codes = np.zeros(len(said), dtype=np.int64)
    for name in BLOCK_COLUMNS:
        column, uniques = pd.factorize(said[name], use_na_sentinel=False)
        codes, _ = pd.factorize(codes * (len(uniques) + 1) + column)
    codes = np.asarray(codes, dtype=np.int64)
    firsts = np.unique(codes, return_index=True)[1] if len(codes) else np.array([], dtype=np.int64)
    made = np.empty(len(firsts), dtype=object)
    for n, r in enumerate(zip(*column_values(said.iloc[firsts]), strict=True)):
        made[n] = block(*r)  # one by one: a list of tuples would be read as a 2-d array
    return pd.Series(made[codes], index=rows.index, dtype=object)


def updated_ledger(clusters: pd.DataFrame, flags: pd.DataFrame, block_claims: pd.DataFrame,
                   documents: pd.DataFrame, blocks: set[tuple],
                   rates: dict) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The ledger after a run: the stored clusters and flags of untouched blocks kept, the
    touched `blocks` clustered afresh from all their claims (`block_claims`, stored and new),
    and contradictions made afresh for the metric, unit and rate of every cluster that changed.
    Returns (block_claims with cluster_id, claim_clusters, claim_flags)."""
    touched = row_blocks(clusters).isin(blocks) if len(clusters) else \
        pd.Series(False, index=clusters.index)
    gone = clusters.loc[touched]
    kept = clusters.loc[~touched]
    kept_flags = flags.loc[flags["cluster_id"].isin(set(kept["cluster_id"]))]
    found, fresh, fresh_flags = block_ledger(block_claims, documents, rates)
    buckets = {s.bucket for s in statements(pd.concat([gone, fresh]))} if len(gone) + len(fresh) else set()
    merged = pd.concat([f for f in (kept, fresh) if len(f)], ignore_index=True) if len(kept) + len(fresh) \
        else fresh
    merged_flags = pd.concat([f for f in (kept_flags, fresh_flags) if len(f)], ignore_index=True) \
        if len(kept_flags) + len(fresh_flags) else fresh_flags
    merged, merged_flags = with_contradictions(merged, merged_flags, buckets)
    return found, merged, merged_flags
