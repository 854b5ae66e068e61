"""The validation gate: run every table's suite on one set of tables and say whether they pass.

The rest of the project calls only `validate`; it returns a `GateResult` whose failures, markdown
and dict are read from Great Expectations' own validation results.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field

import great_expectations as gx
import pandas as pd
from great_expectations.data_context.types.base import ProgressBarsConfig

from expectations import views
from expectations.report import GateResult
from expectations.suites import build_suite
from transforms.declarations import vocab
from transforms.declarations.schema import KEYS, TABLES, required

__all__ = ["GateResult", "SetAside", "set_aside", "validate"]

# How many offending values or rows a failure keeps as examples.
EXAMPLES = 5

# GX contexts are not documented as thread-safe; Prefect may call the gate from several threads.
_LOCK = threading.Lock()


@dataclass
class SetAside:
    """A run's new rows without those that would break a suite on their own, and why each
    was left out (`rejected`: dicts with doc_id, claim_id (None for a whole document), reason)."""

    documents: pd.DataFrame
    claims: pd.DataFrame
    rejected: list[dict] = field(default_factory=list)


CLAIM_VOCABULARIES = {"unit": vocab.UNITS, "alt_unit": vocab.UNITS, "per": vocab.PERS,
                      "qualifier": vocab.QUALIFIERS, "metric": vocab.METRICS}
# Filled in after set-aside (ids resolved through the sources table, clusters computed).
_DERIVED = {"claimant_id", "via_id", "cluster_id"}


def set_aside(documents: pd.DataFrame, claims: pd.DataFrame,
              today: dt.date | None = None) -> SetAside:
    """Take out of a run's new documents and claims the records that would fail the gate on
    their own, before the tables are staged, so that one bad record never keeps the others
    out: a document published after `today` (with its claims), and a claim whose figure is
    negative, infinite or beyond `views.MAX_FIGURE`, whose bounds are out of order, whose codes
    are outside the vocabularies or whose offsets miss its quote. What is wrong with the
    tables as a whole (references, uniqueness, clusters) is still the gate's to judge.
    """
    today = _as_date(today or dt.datetime.now(dt.UTC))
    rejected = []
    doc_reasons = views.document_problems(documents, today) if len(documents) else pd.Series(dtype=object)
    bad_docs = doc_reasons[doc_reasons != ""]
    for doc_id, reason in zip(documents.loc[bad_docs.index, "doc_id"], bad_docs, strict=True):
        rejected.append({"doc_id": doc_id, "claim_id": None, "reason": reason})
    documents = documents.drop(index=bad_docs.index)
    claims = claims.loc[~claims["doc_id"].isin({r["doc_id"] for r in rejected})]
    vocabularies = {**CLAIM_VOCABULARIES,
                    "_required": [c for c in required("claims") if c not in _DERIVED]}
    claim_reasons = (views.claim_problems(claims, documents, vocabularies) if len(claims)
                     else pd.Series(dtype=object))
    bad_claims = claim_reasons[claim_reasons != ""]
    for doc_id, claim_id, reason in zip(claims.loc[bad_claims.index, "doc_id"],
                                        claims.loc[bad_claims.index, "claim_id"], bad_claims,
                                        strict=True):
        rejected.append({"doc_id": doc_id, "claim_id": claim_id, "reason": reason})
    claims = claims.drop(index=bad_claims.index)
    return SetAside(documents.reset_index(drop=True), claims.reset_index(drop=True), rejected)


def validate(tables: Mapping[str, pd.DataFrame], today: dt.date | None = None,
             lookups: Mapping[str, pd.DataFrame] | None = None) -> GateResult:
    """Validate the documents, claims and sources tables together.

    `today` is the last acceptable publication date (default: today in UTC); pass it to make a
    run reproducible. `lookups` (`expectations.views.build_views`) lets a run validate only the
    rows it changes against the keys of everything stored. The tables are not modified.
    """
    _require_tables(tables)
    today = _as_date(today or dt.datetime.now(dt.UTC))
    frames = views.build_views(tables, lookups)
    expectation_parameters = views.parameters(today)
    with _LOCK:
        results = {
            table: definition.run(
                batch_parameters={"dataframe": frames[table]},
                expectation_parameters=expectation_parameters,
                result_format=_result_format(table, frames[table]),
            )
            for table, definition in _validation_definitions().items()
        }
    return GateResult.from_gx(results, today=today, n_examples=EXAMPLES)


@functools.cache
def _validation_definitions() -> dict[str, gx.ValidationDefinition]:
    """One ValidationDefinition per table in an ephemeral context, built once per process.

    Ephemeral, because suites declared in Python need no files and cannot collide with a
    previous run's; cached, because a context refuses a second suite of the same name, and
    because the suites do not change between calls (today's date is a run parameter).
    """
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = context.data_sources.add_pandas("muster")
    definitions = {}
    for table in TABLES:
        batch = source.add_dataframe_asset(table).add_batch_definition_whole_dataframe(table)
        suite = context.suites.add(build_suite(table))
        definitions[table] = context.validation_definitions.add(
            gx.ValidationDefinition(name=table, data=batch, suite=suite)
        )
    return definitions


def _result_format(table: str, frame: pd.DataFrame) -> dict:
    """A summary with a few offending rows, each named by the table's key when it has one."""
    result_format: dict = {"result_format": "SUMMARY", "partial_unexpected_count": EXAMPLES}
    if KEYS[table] in frame:
        result_format["unexpected_index_column_names"] = [KEYS[table]]
    return result_format


def _as_date(day: dt.date) -> dt.date:
    """The calendar date of a date or datetime (GX cannot compare dates with datetimes)."""
    return day.date() if isinstance(day, dt.datetime) else day


def _require_tables(tables: Mapping[str, pd.DataFrame]) -> None:
    """Fail loudly on a caller's mistake (a missing table) rather than report it as data."""
    missing = [table for table in TABLES if table not in tables]
    if missing:
        raise ValueError(f"validate() needs the tables {list(TABLES)}; missing: {missing}")
