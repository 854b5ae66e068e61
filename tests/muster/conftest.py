"""A small published warehouse for the tests that only read one (API, status, SQL)."""

from datetime import date

import pandas as pd
import pyarrow as pa
import pytest

from muster import warehouse
from transforms.declarations.schema import TABLES

INGESTED = pd.Timestamp("2024-06-01 12:30", tz="UTC")


def _claim(claim_id, value, quote, metric="recruited"):
    return {"claim_id": claim_id, "doc_id": "d1", "cluster_id": f"k-{claim_id}",
            "claimant": "Regional governor", "claimant_id": "regional-governor", "value": value,
            "quote": quote, "metric": metric, "sentence": "...", "char_start": 0,
            "char_end": len(quote), "unit": "person", "qualifier": "exact",
            "extractor_version": "v1", "attribution_cue": "said",
            "attribution_rule": "own-speaker", "attribution_score": 1.0}


def _cluster(claim):
    return {"cluster_id": claim["cluster_id"], "claimant": claim["claimant"],
            "claimant_id": claim["claimant_id"], "metric": claim["metric"], "unit": "person",
            "qualifier": "exact", "value": claim["value"], "n_claims": 1, "n_documents": 1,
            "n_outlets": 1, "n_variants": 0}


CLAIMS = [_claim("c1", 1200.0, "1,200"), _claim("c2", 427000.0, "427,000"),
          _claim("c3", 35.0, "35", metric="other")]
SMALL_WAREHOUSE = {
    "documents": [{"doc_id": "d1", "outlet": "example-news.com", "published": date(2024, 3, 1),
                   "text": "...", "raw_sha256": "ab" * 32, "n_chars": 3, "run_id": "run-1",
                   "ingested_at": INGESTED}],
    "claims": CLAIMS,
    "sources": [{"source_id": "regional-governor", "name": "Regional governor", "kind": "official"}],
    "claim_clusters": [_cluster(c) for c in CLAIMS],
    "claim_flags": [],
}


@pytest.fixture
def small_warehouse(tmp_path):
    """A warehouse folder with one document, three claims and their clusters published."""
    folder = tmp_path / "wh"
    warehouse.publish({name: pa.Table.from_pylist(rows, schema=TABLES[name]).to_pandas()
                       for name, rows in SMALL_WAREHOUSE.items()}, folder)
    return folder
