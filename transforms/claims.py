"""Documents -> claims: every figure in a document's text, with who stands behind it and when.

`transforms.numbers` finds the figures and what they measure; `transforms.attribution` reads
their sentences for claimant, via, hedge, metric and subject. This module joins the two into rows
of the claims table, with ids that stay the same as long as the figure's place in the text does.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from muster.schema import columns
from transforms.attribution import annotate
from transforms.numbers import figures
from transforms.periods import figure_period
from transforms.rows import records
from transforms.sources import SourceIndex, resolved_source_id

UNATTRIBUTED = "unattributed"  # the claimant when a document's outlet is unknown too


def claim_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:20]


def document_claims(doc: dict, index: SourceIndex, extractor_version: str) -> list[dict]:
    """The claims rows of one document."""
    found = figures(doc["text"])
    if not found:
        return []
    outlet = doc["outlet"] or UNATTRIBUTED
    rows = []
    for fig, context in zip(found, annotate(doc["text"], found, outlet, index), strict=True):
        row = {**fig, **context}
        offset = row.pop("sentence_start")
        when = figure_period(row["sentence"], fig["start"] - offset, fig["end"] - offset,
                             doc.get("published"))
        row.update(
            period_start=when.start, period_end=when.end, as_of=when.as_of,
            claim_id=claim_id(doc["doc_id"], fig["start"], fig["end"]),
            doc_id=doc["doc_id"], char_start=fig["start"], char_end=fig["end"],
            claimant=row.get("claimant") or outlet, extractor_version=extractor_version,
        )
        rows.append(row)
    return rows


def claims(documents: pd.DataFrame, index: SourceIndex, extractor_version: str) -> pd.DataFrame:
    """The claims table rows for a batch of documents."""
    wanted = [c for c in ("doc_id", "text", "outlet", "published") if c in documents]
    rows = [row for doc in records(documents[wanted])
            for row in document_claims(doc, index, extractor_version)]
    frame = pd.DataFrame(rows, columns=[c for c in columns("claims")])
    frame["claimant_id"] = [resolved_source_id(name, index) for name in frame["claimant"]]
    frame["via_id"] = [None if pd.isna(name) else resolved_source_id(name, index)
                       for name in frame["via"]]
    for column in ("period_start", "period_end", "as_of", "cluster_id"):  # None, never NaN
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.astype({"char_start": "int64", "char_end": "int64"})
