"""The published tables, one pyarrow schema each, declared once.

Writers cast to these schemas, readers conform to them, the README's column tables and the
expectation suites take their column lists from here.
"""

from __future__ import annotations

import pyarrow as pa

DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("external_id", pa.string()),
        pa.field("url", pa.string()),
        pa.field("outlet", pa.string()),
        pa.field("title", pa.string()),
        pa.field("published", pa.date32()),
        pa.field("language", pa.string()),
        pa.field("text", pa.large_string(), nullable=False),
        pa.field("raw_sha256", pa.string(), nullable=False),
        pa.field("n_chars", pa.int64(), nullable=False),
        pa.field("ingested_at", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
    ],
    metadata={"description": "One row per article: the cleaned body text and where it came from."},
)

CLAIMS = pa.schema(
    [
        pa.field("claim_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("sentence", pa.string(), nullable=False),
        pa.field("char_start", pa.int64(), nullable=False),
        pa.field("char_end", pa.int64(), nullable=False),
        pa.field("quote", pa.string(), nullable=False),
        pa.field("value", pa.float64()),
        pa.field("value_low", pa.float64()),
        pa.field("value_high", pa.float64()),
        pa.field("alt_value", pa.float64()),
        pa.field("alt_unit", pa.string()),
        pa.field("unit", pa.string(), nullable=False),
        pa.field("per", pa.string()),
        pa.field("qualifier", pa.string(), nullable=False),
        pa.field("metric", pa.string(), nullable=False),
        pa.field("subject", pa.string()),
        pa.field("claimant", pa.string(), nullable=False),
        pa.field("claimant_id", pa.string(), nullable=False),
        pa.field("via", pa.string()),
        pa.field("via_id", pa.string()),
        pa.field("hedge", pa.string()),
        pa.field("extractor_version", pa.string(), nullable=False),
    ],
    metadata={"description": "One row per figure found in a document, with who stands behind it."},
)

SOURCES = pa.schema(
    [
        pa.field("source_id", pa.string(), nullable=False),
        pa.field("name", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("country", pa.string()),
        pa.field("aliases", pa.list_(pa.string())),
    ],
    metadata={"description": "Who claims or relays figures: the registry plus sources met in text."},
)

TABLES: dict[str, pa.Schema] = {"documents": DOCUMENTS, "claims": CLAIMS, "sources": SOURCES}
KEYS: dict[str, str] = {"documents": "doc_id", "claims": "claim_id", "sources": "source_id"}


def columns(table: str) -> list[str]:
    """The column names of a published table, in order."""
    return TABLES[table].names


def required(table: str) -> list[str]:
    """Columns that may never be null."""
    return [f.name for f in TABLES[table] if not f.nullable]
