"""What to publish: the change a run's documents and claims make to what is published.

A document is keyed by its input (URL, or file and record id), so a re-run on the same input
finds every document unchanged and publishes nothing new, while an article whose content changed
replaces its earlier row and all the claims drawn from it. Which documents are copies of one
story (`duplicate_of`) and the ledger depend only on the set of documents and claims, never on
which run brought which: `increment` computes the change from the stored keys, and equals a
computation over everything (`candidate_tables`, the same algorithm over in-memory frames).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd
import pyarrow as pa

from transforms.attribution.sources import sources_table
from transforms.cleaning.cleaning import doc_id
from transforms.cleaning.syndication import empty_signatures, syndicated
from transforms.declarations.schema import TABLES, columns
from transforms.ledger.ledger_tables import LEDGER_COLUMNS, row_blocks, updated_ledger


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
    (`duplicate_of` is left empty: `increment` sets it)."""
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


# What a run reads of every stored document and claim: keys and what it decides on, no texts.
DOCUMENT_META = ["doc_id", "published", "duplicate_of", "outlet", "url", "raw_sha256"]
CLAIM_KEYS = [*LEDGER_COLUMNS, "cluster_id", "via", "quote"]


@dataclass(frozen=True)
class Stored:
    """What a run reads of every stored row (no texts): documents' keys and the columns the
    ledger and near-duplicates decide on, claims' keys and blocks, both with the `part` that
    holds them; the whole clusters and flags tables; the near-duplicate signatures."""

    documents: pd.DataFrame
    claims: pd.DataFrame
    clusters: pd.DataFrame
    flags: pd.DataFrame
    signatures: pa.Table

    @classmethod
    def empty(cls) -> Stored:
        def frame(table: str, keys: list[str] | None = None) -> pd.DataFrame:
            empty = TABLES[table].empty_table().to_pandas()
            return empty[keys].assign(part=None) if keys else empty
        return cls(frame("documents", DOCUMENT_META), frame("claims", CLAIM_KEYS),
                   frame("claim_clusters"), frame("claim_flags"), empty_signatures())


@dataclass(frozen=True)
class Loader:
    """The stored rows a run must read whole, fetched by id (I/O the caller provides)."""

    texts: Callable[[list[str]], Mapping[str, str]]
    documents: Callable[[Collection[str]], pd.DataFrame]
    claims: Callable[[Collection[str]], pd.DataFrame]


@dataclass(frozen=True)
class Increment:
    """What a run changes: rows to write (new, or stored rows re-stamped: a document's
    `duplicate_of`, a claim's `cluster_id`), rows leaving, and the small tables whole."""

    documents: pd.DataFrame
    claims: pd.DataFrame
    removed_documents: frozenset[str]
    removed_claims: frozenset[str]
    restamped_documents: frozenset[str]
    restamped_claims: frozenset[str]
    signatures: pa.Table
    sources: pd.DataFrame
    claim_clusters: pd.DataFrame
    claim_flags: pd.DataFrame
    documents_after: pd.DataFrame  # every document's keys afterwards (`muster.store.DOCUMENT_META`)
    claims_after: pd.DataFrame  # every claim's keys, cluster, names and quote afterwards

    def __bool__(self) -> bool:
        return bool(len(self.documents) or len(self.claims) or self.removed_documents
                    or self.removed_claims)


def stamped_clusters(stamped: pd.DataFrame, stored: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(the cluster each `stored` claim is stamped with now, the one it had): `stamped` is the
    ledger's frame of block claims, the stored ones first and in their order."""
    n = len(stored)
    ids = stamped["claim_id"].to_numpy(dtype=object)[:n]
    if (ids != stored["claim_id"].to_numpy(dtype=object)).any():
        raise ValueError("the ledger's claims are not in the order of the stored block claims")
    return stamped["cluster_id"].to_numpy(dtype=object)[:n], stored["cluster_id"].to_numpy(dtype=object)


def increment(stored: Stored, documents: pd.DataFrame, claims: pd.DataFrame,
              registry: pd.DataFrame, rates: dict | None, load: Loader,
              shingled: pa.Table | None = None) -> Increment:
    """The change a run's new documents and claims make to what is stored.

    A new document replaces the stored one of its id (and that one's claims). Near-duplicates
    are updated from the stored signatures, reading only the texts they must confirm; the
    ledger reclusters only the blocks of new, removed or re-dated claims; the result equals
    a computation over everything (tests/muster/test_store.py).
    `shingled`: the new documents' signatures and shingles, when the workers made them.
    """
    new_ids = set(documents["doc_id"])
    removed = frozenset(new_ids & set(stored.documents["doc_id"]))
    removed_claims = frozenset(stored.claims.loc[stored.claims["doc_id"].isin(removed), "claim_id"])
    kept_docs = stored.documents.loc[~stored.documents["doc_id"].isin(removed)]
    found = syndicated(stored.signatures, stored.documents[["doc_id", "published", "duplicate_of"]],
                       documents[["doc_id", "published", "text"]], removed, load.texts, shingled)
    new_docs = documents.assign(duplicate_of=pd.Series(
        [found.duplicate_of.get(d) for d in documents["doc_id"]], index=documents.index, dtype=object))
    restamped = frozenset(d for d in found.duplicate_of if d not in new_ids and d not in removed)
    changed_docs = load.documents(restamped) if restamped else new_docs.iloc[:0]
    if len(changed_docs):
        changed_docs = changed_docs.assign(
            duplicate_of=[found.duplicate_of[d] for d in changed_docs["doc_id"]])
    meta = pd.concat([f[DOCUMENT_META] for f in (kept_docs, new_docs) if len(f)],
                     ignore_index=True) if len(kept_docs) + len(new_docs) else kept_docs[DOCUMENT_META]
    meta["duplicate_of"] = [found.duplicate_of.get(d, old) if d in found.duplicate_of else old
                            for d, old in zip(meta["doc_id"].tolist(), meta["duplicate_of"].tolist(),
                                              strict=True)]
    kept_claims = stored.claims.loc[~stored.claims["claim_id"].isin(removed_claims)]
    # Blocks touched: of new and removed claims, and of claims whose document's story or date
    # may have moved (re-stamped copies, and copies of a new or replaced document, which an
    # undated copy takes its date from).
    redated = restamped | set(meta.loc[meta["duplicate_of"].isin(new_ids), "doc_id"])
    blocks = set(row_blocks(claims)) | set(row_blocks(stored.claims.loc[
        stored.claims["claim_id"].isin(removed_claims) | stored.claims["doc_id"].isin(redated)]))
    touched = row_blocks(kept_claims).isin(blocks).to_numpy(dtype=bool) if len(kept_claims) else \
        np.zeros(0, dtype=bool)
    in_blocks = kept_claims.loc[touched] if len(kept_claims) else kept_claims
    block_claims = pd.concat([f[LEDGER_COLUMNS] for f in (in_blocks, claims) if len(f)],
                             ignore_index=True) if len(in_blocks) + len(claims) else claims[LEDGER_COLUMNS]
    stamped, clusters, flags = updated_ledger(stored.clusters, stored.flags, block_claims, meta,
                                              blocks, rates or {})
    # `stamped` holds the block claims in their order, the stored ones first: each claim's
    # cluster is taken by its position, not looked up by id in a dict of every claim
    now, was = stamped_clusters(stamped, in_blocks)
    shifted = now != was
    moved_ids = in_blocks["claim_id"].to_numpy(dtype=object)[shifted]
    moved = sorted(moved_ids.tolist())
    restamped_claims = frozenset(moved)
    moved_to = dict(zip(moved_ids.tolist(), now[shifted].tolist(), strict=True))
    # the run's own claims, and full rows only of those moved
    fresh = claims.assign(cluster_id=stamped["cluster_id"].to_numpy(dtype=object)[len(in_blocks):])
    stored_rows = load.claims(moved) if moved else claims.iloc[:0]
    stored_rows = stored_rows.assign(cluster_id=[moved_to.get(c) for c in stored_rows["claim_id"].tolist()])
    changed = pd.concat([f[columns("claims")] for f in (fresh, stored_rows) if len(f)],
                        ignore_index=True) if len(fresh) + len(stored_rows) else fresh[columns("claims")]
    new_claim_ids = set(claims["claim_id"])
    keys = ["claim_id", "doc_id", "cluster_id", "metric", "claimant", "via", "quote"]
    after = kept_claims[keys].copy()
    after_clusters = after["cluster_id"].to_numpy(dtype=object).copy()
    after_clusters[touched] = now
    after["cluster_id"] = after_clusters
    # membership by set look-ups: isin() on Arrow-backed strings makes an Arrow scalar of every
    # id in the set (1.3 s for the 143,000 claims of a 20,000-document first run)
    is_new = np.fromiter((c in new_claim_ids for c in changed["claim_id"].tolist()), dtype=bool,
                         count=len(changed))
    after = pd.concat([f for f in (after, changed.loc[is_new, keys])
                       if len(f)], ignore_index=True) if len(after) + len(changed) else after
    names = pd.unique(pd.concat([after["claimant"], after["via"].dropna()]))  # first spellings kept
    return Increment(
        documents=pd.concat([f[columns("documents")] for f in (new_docs, changed_docs) if len(f)],
                            ignore_index=True) if len(new_docs) + len(changed_docs) else
        new_docs[columns("documents")],
        claims=changed[columns("claims")].reset_index(drop=True),
        removed_documents=removed, removed_claims=removed_claims,
        restamped_documents=restamped, restamped_claims=restamped_claims,
        signatures=found.signatures,
        sources=sources_table(registry, names, pd.unique(meta["outlet"].dropna())),
        claim_clusters=clusters, claim_flags=flags,
        documents_after=meta, claims_after=after.reset_index(drop=True))


def candidate_tables(published: dict[str, pd.DataFrame], documents: pd.DataFrame,
                     claims: pd.DataFrame, registry: pd.DataFrame,
                     rates: dict | None = None) -> dict[str, pd.DataFrame]:
    """The whole tables after a run, held in memory: `increment` over the `published` frames,
    with its changes applied. The same algorithm a run uses, for tests and benchmarks that
    compare whole tables.

    Sources are derived every time, from the registry and the names the claims use, so a source
    never outlives the last claim that named it unless the registry lists it (`rates`: US dollars
    per unit of a currency in a year, for figures given only in another currency).
    """
    docs, found = published["documents"], published["claims"]
    signed = syndicated(empty_signatures(), docs.iloc[:0][["doc_id", "published", "duplicate_of"]],
                        docs[["doc_id", "published", "text"]], (), lambda ids: {}).signatures
    stored = Stored(docs[DOCUMENT_META].assign(part="memory"), found[CLAIM_KEYS].assign(part="memory"),
                    published["claim_clusters"], published["claim_flags"], signed)
    texts = dict(zip(docs["doc_id"], docs["text"], strict=True))
    load = Loader(texts=lambda ids: {i: texts[i] for i in ids},
                  documents=lambda ids: docs.loc[docs["doc_id"].isin(set(ids))],
                  claims=lambda ids: found.loc[found["claim_id"].isin(set(ids))])
    change = increment(stored, documents, claims, registry, rates, load)
    gone_docs = change.removed_documents | change.restamped_documents
    gone_claims = change.removed_claims | change.restamped_claims
    return {"documents": updated(docs.loc[~docs["doc_id"].isin(gone_docs)], change.documents, set(),
                                 "documents"),
            "claims": updated(found.loc[~found["claim_id"].isin(gone_claims)], change.claims, set(),
                              "claims"),
            "sources": change.sources, "claim_clusters": change.claim_clusters,
            "claim_flags": change.claim_flags}
