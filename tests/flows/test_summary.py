"""The ledger artifacts a run publishes: contradictions, clusters, outlets and the counts."""

import json
from datetime import date

import pandas as pd
import pyarrow as pa
from prefect import flow

from flows.summary import publish_summary
from transforms.declarations.schema import TABLES

COMMON = {"sentence": "...", "char_start": 0, "char_end": 7, "unit": "person", "qualifier": "exact",
          "metric": "recruited", "extractor_version": "v1", "attribution_cue": "said",
          "attribution_rule": "own-speaker", "attribution_score": 1.0}
ROWS = {
    "documents": [{"doc_id": d, "outlet": outlet, "published": date(2024, 3, day), "text": "...",
                   "raw_sha256": d * 8, "n_chars": 3, "run_id": "run", "duplicate_of": copy,
                   "ingested_at": pd.Timestamp("2024-06-01", tz="UTC")}
                  for d, outlet, day, copy in (("d1", "tass.ru", 1, None), ("d2", "rt.com", 2, "d1"))],
    "claims": [{"claim_id": "c1", "doc_id": "d1", "cluster_id": "k1", "claimant": "Dmitry Medvedev",
                "claimant_id": "dm", "value": 280000.0, "quote": "280,000", **COMMON},
               {"claim_id": "c2", "doc_id": "d2", "cluster_id": "k1", "claimant": "Dmitry Medvedev",
                "claimant_id": "dm", "value": 283000.0, "quote": "283,000", **COMMON},
               {"claim_id": "c3", "doc_id": "d2", "cluster_id": "k2", "claimant": "UK MoD",
                "claimant_id": "uk", "value": 150000.0, "quote": "150,000", **COMMON}],
    "claim_clusters": [
        {"cluster_id": k, "metric": "recruited", "claimant": who, "claimant_id": who, "unit": "person",
         "qualifier": "exact", "value": value, "n_claims": n, "n_documents": n, "n_outlets": n,
         "n_variants": n - 1, "contradiction_id": "x1", "as_of": date(2024, 3, 1)}
        for k, who, value, n in (("k1", "Dmitry Medvedev", 280000.0, 2), ("k2", "UK MoD", 150000.0, 1))],
    "claim_flags": [
        {"flag_id": "f1", "flag": "rounded", "cluster_id": "k1", "claim_id": "c2",
         "reason": "283,000 rounds to 280,000."},
        {"flag_id": "f2", "flag": "contradiction", "cluster_id": "k1", "claim_id": None,
         "reason": "280,000 against 150,000."},
        {"flag_id": "f3", "flag": "contradiction", "cluster_id": "k2", "claim_id": None,
         "reason": "280,000 against 150,000."}],
}


@flow
def summarise(tables: dict[str, pa.Table]) -> None:
    publish_summary({name: table.to_pandas() for name, table in tables.items()})


def test_publish_summary_creates_the_ledger_artifacts(latest_artifact):
    summarise({name: pa.Table.from_pylist(rows, schema=TABLES[name]) for name, rows in ROWS.items()})
    contradictions = json.loads(latest_artifact("muster-contradictions").data)
    assert contradictions == [{"metric": "recruited", "unit": "person", "period": "as of 2024-03-01",
                               "n_claimants": 2, "claimants": "Dmitry Medvedev: 280,000; UK MoD: 150,000",
                               "reason": "280,000 against 150,000."}]
    clusters = json.loads(latest_artifact("muster-clusters").data)
    assert [c["figure"] for c in clusters] == ["280,000", "150,000"]
    assert clusters[0]["variants"] == "rounded: 283,000 rounds to 280,000."
    assert clusters[0]["outlets"] == "rt.com, tass.ru"
    outlets = {row["outlet"]: row for row in json.loads(latest_artifact("muster-outlets").data)}
    assert outlets["rt.com"] == {"outlet": "rt.com", "documents": 1, "claims": 2, "copies": 1,
                                 "clusters": 2, "first_published": "2024-03-02",
                                 "last_published": "2024-03-02"}
    ledger = latest_artifact("muster-ledger").data
    assert "| claims | 3 |" in ledger and "| contradictions | 1 |" in ledger
