"""Validation views: each table as published, plus the derived columns its suite needs.

Great Expectations checks one dataframe at a time, so rules that span tables or compare a column
with a computation (the length of a text, the document's text at a claim's offsets) are made
checkable by adding those values as columns first. The views compute; they never judge: every
verdict comes from an expectation in `expectations.suites`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence

import pandas as pd
import pyarrow as pa

from transforms.declarations.schema import KEYS

# Derived columns, prefixed with "_" so that they stand apart from the schema's columns.
TEXT_LENGTH = "_text_length"
DOC_N_CHARS = "_doc_n_chars"
DOC_TEXT_AT_OFFSETS = "_doc_text_at_offsets"
# The `duplicate_of` of the document a row's `duplicate_of` names (null when it is canonical).
DUPLICATE_OF_DUPLICATE_OF = "_duplicate_of_duplicate_of"

# How many claims name a cluster as theirs.
CLAIMS_IN_CLUSTER = "_claims_in_cluster"

# Reference columns of each table, and the table whose key each must be found in.
REFERENCES = {"doc_id": "documents", "claimant_id": "sources", "via_id": "sources",
              "cluster_id": "claim_clusters"}
CLUSTER_REFERENCES = {"claimant_id": "sources"}
FLAG_REFERENCES = {"cluster_id": "claim_clusters", "claim_id": "claims"}

# Name of the suite parameter filled in at each run.
TODAY = "today"


def build_views(tables: Mapping[str, pd.DataFrame],
                lookups: Mapping[str, pd.DataFrame] | None = None) -> dict[str, pd.DataFrame]:
    """The frame each suite validates, keyed like `transforms.declarations.schema.TABLES`.

    References are looked up in `lookups` (default: `tables` themselves): when a run validates
    only the rows it changes, `lookups` holds the keys of every row stored afterwards, so the
    checks that cross tables still cross into what is stored."""
    lookups = tables if lookups is None else {**tables, **lookups}
    return {
        "documents": documents_view(tables["documents"], lookups["documents"]),
        "claims": claims_view(tables["claims"], lookups),
        "sources": _plain_copy(tables["sources"]),
        "claim_clusters": clusters_view(tables["claim_clusters"], lookups),
        "claim_flags": with_references(tables["claim_flags"], FLAG_REFERENCES, lookups),
    }


def parameters(today: dt.date) -> dict[str, object]:
    """Values for the suites' `$PARAMETER`s, so the suites themselves are built once."""
    return {TODAY: today}


def found(column: str) -> str:
    """The derived column holding a reference's value where the referenced row exists."""
    return f"_{column}_found"


def documents_view(documents: pd.DataFrame, every: pd.DataFrame | None = None) -> pd.DataFrame:
    """Documents with the measured length of their text, `published` as plain dates, and what
    `duplicate_of` points at.

    A datetime64 `published` (as a Parquet round trip may produce) cannot be compared with a
    date by GX, so it is reduced to its date; other dtypes are left for the suite to judge.
    """
    view = _plain_copy(documents)
    if "text" in view:
        view[TEXT_LENGTH] = view["text"].str.len()
    if "published" in view and pd.api.types.is_datetime64_any_dtype(view["published"]):
        view["published"] = view["published"].dt.date.astype(object)
    if {"doc_id", "duplicate_of"} <= set(view):
        every = view if every is None else every  # all documents, where `duplicate_of` may point
        view[found("duplicate_of")] = _look_up(view["duplicate_of"], every, "doc_id")
        targets = _by_doc_id(every, "duplicate_of")
        view[DUPLICATE_OF_DUPLICATE_OF] = pd.Series(
            [targets.get(ref) if isinstance(ref, str) else None for ref in view["duplicate_of"]],
            index=view.index, dtype="str")
    return view


def claims_view(claims: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Claims with each reference looked up, and their document's declared length and text at
    the claim's offsets."""
    view = with_references(claims, REFERENCES, tables)
    return _with_document_facts(view, tables.get("document_texts", tables["documents"]))


def with_references(frame: pd.DataFrame, references: Mapping[str, str],
                    tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """A copy with each reference column looked up in the table it refers to."""
    view = _plain_copy(frame)
    for column, table in references.items():
        if column in view:
            view[found(column)] = _look_up(view[column], tables[table], KEYS[table])
    return view


def clusters_view(clusters: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Clusters with their claimant looked up and the number of claims that name each."""
    view = with_references(clusters, CLUSTER_REFERENCES, tables)
    claims = tables["claims"]
    counts = claims["cluster_id"].value_counts() if "cluster_id" in claims else pd.Series()
    if "cluster_id" in view:
        view[CLAIMS_IN_CLUSTER] = view["cluster_id"].map(counts).fillna(0).astype("int64")
    return view


def _look_up(references: pd.Series, table: pd.DataFrame, key: str) -> pd.Series:
    """Each reference where `table` has a row with that key, null where it has none.

    Equal to the reference column exactly when the reference resolves, which is what the
    claims suite expects; a join would give the same but copy the referenced rows.
    """
    keys = table[key] if key in table else pd.Series([], dtype=references.dtype)
    return references.where(references.isin(keys))


def _with_document_facts(view: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Add the document's n_chars and its text at the claim's offsets, null where the document
    is unknown, so that only the reference check reports a claim whose document is missing."""
    if "doc_id" not in view or "doc_id" not in documents:
        return view
    if "n_chars" in documents:
        view[DOC_N_CHARS] = view["doc_id"].map(_by_doc_id(documents, "n_chars")).astype("Int64")
    if "text" in documents and {"char_start", "char_end"} <= set(view):
        texts = _by_doc_id(documents, "text")
        slices = [
            _slice(texts.get(doc_id), start, end)
            for doc_id, start, end in zip(
                view["doc_id"], view["char_start"], view["char_end"], strict=True
            )
        ]
        view[DOC_TEXT_AT_OFFSETS] = pd.Series(slices, index=view.index, dtype="str")
    return view


def _slice(text: object, start: object, end: object) -> str | None:
    """`text[start:end]`, or null when any part is missing (other expectations report that)."""
    if not isinstance(text, str) or pd.isna(start) or pd.isna(end):
        return None
    return text[int(start) : int(end)]


def _by_doc_id(documents: pd.DataFrame, column: str) -> dict:
    """One document column looked up by doc_id (the last row wins if ids repeat; the
    uniqueness expectation reports the repeat)."""
    return dict(zip(documents["doc_id"], documents[column], strict=True))


def _plain_copy(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with a 0..n-1 index (so derived columns align and the caller's frame is never
    modified) and NaN-style nulls.

    GX compares column pairs with `==`, which yields pd.NA, not False, on pyarrow-backed or
    masked columns (e.g. `read_parquet(dtype_backend="pyarrow")`) and then fails with
    "boolean value of NA is ambiguous"; a round trip through Arrow gives pandas' default
    dtypes, the ones the suites are tested on.
    """
    if any(getattr(dtype, "na_value", None) is pd.NA for dtype in frame.dtypes):
        return pa.Table.from_pandas(frame, preserve_index=False).to_pandas(ignore_metadata=True)
    return frame.reset_index(drop=True)


# The largest figure a claim may hold: more than any count of people or amount of money the
# corpus speaks of (a quadrillion), far below what a misread digit run gives (1e300, inf).
MAX_FIGURE = 1e15
FIGURE_COLUMNS = ("value", "value_low", "value_high", "alt_value")


def document_problems(documents: pd.DataFrame, today: dt.date) -> pd.Series:
    """Per document, why it would break the documents suite on its own (empty when it would
    not): a publication date later than `today`."""
    published = pd.Series([_date_or_none(v) for v in documents["published"]], index=documents.index,
                          dtype=object)
    future = published.map(lambda d: d is not None and d > today)
    return pd.Series([f"published {d.isoformat()}, later than today ({today.isoformat()})"
                      if bad else "" for d, bad in zip(published, future, strict=True)],
                     index=documents.index, dtype=object)


def claim_problems(claims: pd.DataFrame, documents: pd.DataFrame,
                   vocabularies: Mapping[str, Sequence[str]]) -> pd.Series:
    """Per claim, why it would break the claims suite on its own (empty when it would not):
    a figure that is negative, not finite or beyond MAX_FIGURE; bounds out of order; neither a
    value nor a full range; a conversion without its unit; a code outside its vocabulary; a
    required column left empty; offsets that do not delimit the quote in its document."""
    texts = _by_doc_id(documents, "text") if len(documents) else {}
    required_columns = [c for c in vocabularies.get("_required", ()) if c in claims]
    reasons = []
    for row in claims.to_dict("records"):
        reasons.append(_claim_problem(row, texts, vocabularies, required_columns))
    return pd.Series(reasons, index=claims.index, dtype=object)


def _claim_problem(row: dict, texts: dict, vocabularies: Mapping, required_columns: list) -> str:
    figures = {c: _number(row.get(c)) for c in FIGURE_COLUMNS}
    for column, value in figures.items():
        if value is None:
            continue
        if not math.isfinite(value):
            return f"{column} is not a finite number ({value})"
        if value < 0:
            return f"{column} is negative ({value:g})"
        if value > MAX_FIGURE:
            return f"{column} {value:.3g} is beyond the largest figure accepted ({MAX_FIGURE:.0e})"
    value, low, high = figures["value"], figures["value_low"], figures["value_high"]
    if value is None and (low is None or high is None):
        return "neither a value nor both value_low and value_high"
    for a, b, name_a, name_b in ((low, high, "value_low", "value_high"), (low, value, "value_low", "value"),
                                 (value, high, "value", "value_high")):
        if a is not None and b is not None and a > b:
            return f"{name_a} {a:g} is above {name_b} {b:g}"
    if (figures["alt_value"] is None) != _missing(row.get("alt_unit")):
        return "alt_value and alt_unit are not set together"
    for column in required_columns:
        if _missing(row.get(column)):
            return f"{column} is empty"
    for column, values in vocabularies.items():
        if column.startswith("_") or _missing(row.get(column)):
            continue
        if row[column] not in values:
            return f"{column} {row[column]!r} is not one of {', '.join(values)}"
    return _offset_problem(row, texts)


def _offset_problem(row: dict, texts: dict) -> str:
    start, end, text = row.get("char_start"), row.get("char_end"), texts.get(row.get("doc_id"))
    if _missing(start) or _missing(end) or not isinstance(text, str):
        return ""
    start, end = int(start), int(end)
    if not 0 <= start < end <= len(text):
        return f"offsets {start}..{end} are not inside the document's {len(text)} characters"
    if text[start:end] != row.get("quote"):
        return "quote is not the document's text at its offsets"
    return ""


def _number(value) -> float | None:
    if _missing(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA \
        or value is pd.NaT


def _date_or_none(value) -> dt.date | None:
    if _missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    stamp = pd.to_datetime(value, errors="coerce")
    return None if pd.isna(stamp) else stamp.date()
