"""The validation gate: run every table's suite on one set of tables and say whether they pass.

The rest of the project calls only `validate`; it returns a `GateResult` whose failures, markdown
and dict are read from Great Expectations' own validation results.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Mapping

import great_expectations as gx
import pandas as pd
from great_expectations.data_context.types.base import ProgressBarsConfig

from expectations import views
from expectations.report import GateResult
from expectations.set_aside import SetAside, checking_day, set_aside
from expectations.suites import build_suite
from transforms.declarations.schema import KEYS, TABLES

__all__ = ["GateResult", "SetAside", "set_aside", "validate"]

# How many offending values or rows a failure keeps as examples.
EXAMPLES = 5

# GX contexts are not documented as thread-safe; Prefect may call the gate from several threads.
_LOCK = threading.Lock()


def validate(tables: Mapping[str, pd.DataFrame], today: dt.date | None = None,
             lookups: Mapping[str, pd.DataFrame] | None = None) -> GateResult:
    """Validate the documents, claims and sources tables together.

    `today` is the last acceptable publication date (default: today in UTC); pass it to make a
    run reproducible. `lookups` (`expectations.views.build_views`) lets a run validate only the
    rows it changes against the keys of everything stored. The tables are not modified.
    """
    _require_tables(tables)
    today = checking_day(today)
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


def _require_tables(tables: Mapping[str, pd.DataFrame]) -> None:
    """Fail loudly on a caller's mistake (a missing table) rather than report it as data."""
    missing = [table for table in TABLES if table not in tables]
    if missing:
        raise ValueError(f"validate() needs the tables {list(TABLES)}; missing: {missing}")
