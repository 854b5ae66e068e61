"""Documents -> claims: every figure in a document's text, with who stands behind it and when.

`transforms.figures` finds the figures and what they measure; `transforms.attribution` decides
who stands behind each one; `transforms.time` reads the period it covers. The claims row is
built here, in one place, from those typed results; a row whose columns differ from the
declared schema is an error, not a silent gap.
"""

from __future__ import annotations

import hashlib
from dataclasses import fields

import pandas as pd

from transforms.attribution.attribution import annotate
from transforms.attribution.sources import SourceIndex, resolved_source_id
from transforms.declarations.schema import columns
from transforms.figures.numbers import figures
from transforms.model import Figure
from transforms.rows import records
from transforms.time.periods import figure_period

UNATTRIBUTED = "unattributed"  # the claimant when a document's outlet is unknown too
DERIVED = ("claimant_id", "via_id", "cluster_id")  # filled after the row: ids and clusters
FIGURE_FIELDS = tuple(f.name for f in fields(Figure))
CLAIM_COLUMNS = frozenset(columns("claims"))  # read once: the schema does not change per row


def claim_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:20]


def claim_row(doc: dict, fig, context: dict, extractor_version: str, outlet: str) -> dict:
    """One claims row: the figure, its context and its period, checked against the schema."""
    row = {name: getattr(fig, name) for name in FIGURE_FIELDS}
    start, end = row.pop("start"), row.pop("end")
    offset = context.pop("sentence_start")
    when = figure_period(context["sentence"], start - offset, end - offset, doc.get("published"))
    row.update(context)
    row.update(
        period_start=when.start, period_end=when.end, as_of=when.as_of,
        claim_id=claim_id(doc["doc_id"], start, end), doc_id=doc["doc_id"],
        char_start=start, char_end=end, claimant=row.get("claimant") or outlet,
        extractor_version=extractor_version, **dict.fromkeys(DERIVED),
    )
    expected = CLAIM_COLUMNS
    if row.keys() != expected:
        raise ValueError(f"claims row columns differ from the schema: missing "
                         f"{sorted(expected - set(row))}, extra {sorted(set(row) - expected)}")
    return row


def document_claims(doc: dict, index: SourceIndex, extractor_version: str,
                    weights: dict | None = None, found: list[Figure] | None = None) -> list[dict]:
    """The claims rows of one document; `found`: its figures, when the caller has read them
    already (the flow counts them against the budget first: reading is a sixth of the work)."""
    found = figures(doc["text"]) if found is None else found
    if not found:
        return []
    outlet = doc["outlet"] or UNATTRIBUTED
    contexts = annotate(doc["text"], found, outlet, index, weights)
    return [claim_row(doc, fig, context, extractor_version, outlet)
            for fig, context in zip(found, contexts, strict=True)]


def claims(documents: pd.DataFrame, index: SourceIndex, extractor_version: str,
           weights: dict | None = None) -> pd.DataFrame:
    """The claims table rows for a batch of documents (attribution weights: the shipped ones
    unless given, as cross-validation does)."""
    wanted = [c for c in ("doc_id", "text", "outlet", "published") if c in documents]
    rows = [row for doc in records(documents[wanted])
            for row in document_claims(doc, index, extractor_version, weights)]
    return claims_frame(rows, index)


def claims_frame(rows: list[dict], index: SourceIndex) -> pd.DataFrame:
    """Claims rows as a frame of the declared columns, their sources resolved to ids."""
    frame = pd.DataFrame(rows, columns=columns("claims"))
    frame["claimant_id"] = [resolved_source_id(name, index) for name in frame["claimant"]]
    frame["via_id"] = [None if pd.isna(name) else resolved_source_id(name, index)
                       for name in frame["via"]]
    for column in ("period_start", "period_end", "as_of", "cluster_id"):  # None, never NaN
        frame[column] = nulls_as_none(frame[column])
    for column in ("char_start", "char_end"):
        frame[column] = frame[column].astype("int64")
    return frame


def nulls_as_none(column: pd.Series) -> pd.Series:
    """The column as objects with None for every missing value: what `astype(object).where(
    notna, None)` gives, without pandas' general `where` (most of the frame's cost)."""
    values = column.to_numpy(dtype=object, copy=True)
    values[column.isna().to_numpy()] = None
    return pd.Series(values, index=column.index, dtype=object, name=column.name)
