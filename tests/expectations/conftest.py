"""A tiny, valid set of tables (2 documents, 3 claims, 3 sources, 3 clusters, 2 flags) that
tests break one rule at a time. Rows are written as plain dicts and cast through the published
pyarrow schemas, so the frames have the dtypes a reader of the published Parquet files gets."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

import pandas as pd
import pyarrow as pa
import pytest

from transforms.declarations.schema import TABLES

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

PUBLISHED = dt.date(2025, 5, 30)
INGESTED = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)

TEXTS = {
    "d1": "The ministry said 30,000 men signed contracts in May. "
    "Recruits are paid 210,000 roubles ($2,300) a month, Meduza reported.",
    "d2": "Between 10,000 and 20,000 people fled, the Institute for the Study of War said.",
}


def _document(doc_id: str, published: dt.date | None) -> dict:
    text = TEXTS[doc_id]
    return {
        "doc_id": doc_id,
        "external_id": f"ext-{doc_id}",
        "url": f"https://example.org/{doc_id}",
        "outlet": "Meduza",
        "title": f"Story {doc_id}",
        "published": published,
        "language": "en",
        "text": text,
        "raw_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "n_chars": len(text),
        "ingested_at": INGESTED,
        "run_id": "run-1",
    }


def _claim(claim_id: str, doc_id: str, quote: str, **fields: object) -> dict:
    """A claim whose offsets are where `quote` stands in its document's text."""
    text = TEXTS[doc_id]
    start = text.index(quote)
    row = dict.fromkeys(TABLES["claims"].names)
    row.update(
        claim_id=claim_id,
        doc_id=doc_id,
        sentence=text,
        char_start=start,
        char_end=start + len(quote),
        quote=quote,
        extractor_version="test",
        attribution_cue="said", attribution_rule="own-speaker", attribution_score=1.0,
    )
    row.update(fields)
    return row


def _cluster(cluster_id: str, metric: str, claimant: str, claimant_id: str, unit: str,
             value: float | None, **fields: object) -> dict:
    """A cluster of one claim, seen on the documents' publication date."""
    row = dict.fromkeys(TABLES["claim_clusters"].names)
    row.update(cluster_id=cluster_id, metric=metric, claimant=claimant, claimant_id=claimant_id,
               unit=unit, value=value, value_low=value, value_high=value, qualifier="exact",
               n_claims=1, n_documents=1, n_outlets=1, n_variants=0, first_seen=PUBLISHED,
               last_seen=PUBLISHED)
    row.update(fields)
    return row


def valid_rows() -> dict[str, list[dict]]:
    """Fresh rows of the five tables that pass every expectation."""
    return {
        "documents": [_document("d1", PUBLISHED), _document("d2", None)],
        "claims": [
            _claim(
                "c1",
                "d1",
                "30,000",
                value=30000.0,
                unit="person",
                qualifier="exact",
                metric="recruited",
                claimant="Russian Ministry of Defence",
                claimant_id="s1",
                period_start=dt.date(2025, 5, 1),
                period_end=dt.date(2025, 5, 31),
                cluster_id="k1",
            ),
            _claim(
                "c2",
                "d1",
                "210,000 roubles",
                value=210000.0,
                alt_value=2300.0,
                alt_unit="USD",
                unit="RUB",
                per="month",
                qualifier="exact",
                metric="pay",
                claimant="Russian Ministry of Defence",
                claimant_id="s1",
                via="Meduza",
                via_id="s3",
                cluster_id="k2",
            ),
            _claim(
                "c3",
                "d2",
                "10,000 and 20,000",
                value_low=10000.0,
                value_high=20000.0,
                unit="person",
                qualifier="range",
                metric="fled",
                claimant="Institute for the Study of War",
                claimant_id="s2",
                hedge=None,
                cluster_id="k3",
            ),
        ],
        "claim_clusters": [
            _cluster("k1", "recruited", "Russian Ministry of Defence", "s1", "person", 30000.0,
                     period_start=dt.date(2025, 5, 1), period_end=dt.date(2025, 5, 31),
                     contradiction_id="x1"),
            _cluster("k2", "pay", "Russian Ministry of Defence", "s1", "RUB", 210000.0,
                     per="month", n_variants=1),
            _cluster("k3", "fled", "Institute for the Study of War", "s2", "person", None,
                     value_low=10000.0, value_high=20000.0, qualifier="range",
                     first_seen=None, last_seen=None),
        ],
        "claim_flags": [
            {"flag_id": "f1", "flag": "conversion_differs", "cluster_id": "k2", "claim_id": "c2",
             "reason": "Converts 210,000 RUB to 2,300 USD where the consensus converts it to 2,250 USD."},
            {"flag_id": "f2", "flag": "contradiction", "cluster_id": "k1", "claim_id": None,
             "reason": "Russian Ministry of Defence: 30,000 people recruited in May 2025; "
                       "another claimant gives 36,000."},
        ],
        "sources": [
            {
                "source_id": "s1",
                "name": "Russian Ministry of Defence",
                "kind": "government",
                "country": "RU",
                "aliases": ["Russian MoD"],
            },
            {
                "source_id": "s2",
                "name": "Institute for the Study of War",
                "kind": "think tank",
                "country": "US",
                "aliases": ["ISW"],
            },
            {"source_id": "s3", "name": "Meduza", "kind": "outlet", "country": "LV", "aliases": []},
        ],
    }


def frames(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    """DataFrames cast through the published schemas, as a reader of the Parquet files gets."""
    return {
        table: pa.Table.from_pylist(table_rows, schema=TABLES[table]).to_pandas()
        for table, table_rows in rows.items()
    }


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    """Valid tables, freshly built for each test, for it to change."""
    return frames(valid_rows())
