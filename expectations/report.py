"""What the gate found, read from Great Expectations' validation results.

`GateResult` flattens GX's nested results into failures an analyst can read (the expectation's
description, how many rows, a few examples) and renders them as markdown for a Prefect artifact
or as a JSON-ready dict saved beside quarantined tables.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from great_expectations.core import (
    ExpectationSuiteValidationResult,
    ExpectationValidationResult,
)
from great_expectations.util import convert_to_json_serializable

# Longest text kept for one example value, so that a wrong slice of a long article stays short.
MAX_EXAMPLE_CHARS = 160


@dataclass(frozen=True)
class GateResult:
    """The verdict on one set of tables: success, the failed expectations, counts per suite."""

    success: bool
    failures: list[dict] = field(default_factory=list)
    suites: dict[str, dict[str, int]] = field(default_factory=dict)
    today: dt.date | None = None
    # Every expectation of every suite, passed or failed, in the suite's order (for the reports
    # kept in `<warehouse>/_validation/`).
    expectations: dict[str, list[dict]] = field(default_factory=dict)

    @classmethod
    def from_gx(
        cls,
        results: Mapping[str, ExpectationSuiteValidationResult],
        *,
        today: dt.date,
        n_examples: int,
    ) -> GateResult:
        """Read each suite's GX result (keyed by table) into one verdict."""
        failures = [
            _failure(table, outcome, n_examples)
            for table, result in results.items()
            for outcome in result.results
            if not outcome.success
        ]
        return cls(
            success=all(result.success for result in results.values()),
            failures=failures,
            suites={table: _counts(result) for table, result in results.items()},
            today=today,
            expectations={table: [_expectation(table, outcome, n_examples)
                                  for outcome in result.results]
                          for table, result in results.items()},
        )

    def to_dict(self) -> dict:
        """A JSON-serialisable copy of the verdict."""
        return {
            "success": self.success,
            "today": self.today.isoformat() if self.today else None,
            "suites": {table: dict(counts) for table, counts in self.suites.items()},
            "failures": [dict(failure) for failure in self.failures],
            "expectations": {table: [dict(e) for e in found]
                             for table, found in self.expectations.items()},
        }

    def to_markdown(self) -> str:
        """A report for a Prefect markdown artifact: counts per suite, then each suite's failed
        expectations with their counts and examples."""
        verdict = "passed" if self.success else "FAILED"
        lines = [f"# Validation gate: {verdict}", ""]
        if self.today:
            lines += [f"Publication dates are checked against {self.today.isoformat()}.", ""]
        lines += ["| suite | expectations | passed | failed |", "|---|---:|---:|---:|"]
        for table, counts in self.suites.items():
            lines.append(
                f"| {table} | {counts['evaluated']} | {counts['passed']} | {counts['failed']} |"
            )
        for table in self.suites:
            lines += _failure_section(table, [f for f in self.failures if f["table"] == table])
        return "\n".join(lines) + "\n"


def _counts(result: ExpectationSuiteValidationResult) -> dict[str, int]:
    """How many expectations a suite evaluated, and how many passed and failed."""
    stats = result.statistics
    return {
        "evaluated": int(stats["evaluated_expectations"]),
        "passed": int(stats["successful_expectations"]),
        "failed": int(stats["unsuccessful_expectations"]),
    }


def _failure(table: str, outcome: ExpectationValidationResult, n_examples: int) -> dict:
    """One failed expectation in plain terms (JSON-serialisable)."""
    config = outcome.expectation_config
    details = outcome.result or {}
    missing_columns = details.get("details", {}).get("mismatched", {}).get("missing")
    return {
        "table": table,
        "expectation": config.type,
        "column": _columns(config.kwargs) or missing_columns,
        "description": config.description or config.type,
        "unexpected_count": details.get(
            "unexpected_count", len(missing_columns) if missing_columns else None
        ),
        "examples": _examples(details, n_examples) or missing_columns or [],
        "error": _error_message(outcome.exception_info or {}),
    }


def _expectation(table: str, outcome: ExpectationValidationResult, n_examples: int) -> dict:
    """One expectation and its result, passed or failed (JSON-serialisable)."""
    return {**_failure(table, outcome, n_examples), "success": bool(outcome.success)}


def _columns(kwargs: Mapping) -> str | list[str] | None:
    """The column, or columns, an expectation is about (None for whole-table expectations)."""
    if "column" in kwargs:
        return kwargs["column"]
    if "column_A" in kwargs:
        return [kwargs["column_A"], kwargs["column_B"]]
    return kwargs.get("column_list")


def _examples(details: Mapping, n_examples: int) -> list:
    """A few offending rows (with the table's key) or, failing that, offending values."""
    found = details.get("partial_unexpected_index_list") or details.get(
        "partial_unexpected_list", []
    )
    return [_shorten(convert_to_json_serializable(example)) for example in found[:n_examples]]


def _shorten(value: object) -> object:
    """Cut long strings (anywhere in a JSON value) to MAX_EXAMPLE_CHARS."""
    if isinstance(value, str) and len(value) > MAX_EXAMPLE_CHARS:
        return value[: MAX_EXAMPLE_CHARS - 1] + "…"
    if isinstance(value, dict):
        return {key: _shorten(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shorten(item) for item in value]
    return value


def _error_message(exception_info: Mapping) -> str | None:
    """Why an expectation could not be evaluated (e.g. its column is missing), if it could not.

    GX reports either one exception record or one per metric, keyed by the metric's id.
    """
    records = [exception_info] if "raised_exception" in exception_info else exception_info.values()
    messages = [
        str(record["exception_message"])
        for record in records
        if isinstance(record, Mapping) and record.get("exception_message")
    ]
    return "; ".join(dict.fromkeys(messages)) or None


def _failure_section(table: str, failures: list[dict]) -> list[str]:
    """The markdown lines listing one suite's failed expectations (none if it passed)."""
    if not failures:
        return []
    lines = [
        "",
        f"## {table}: {len(failures)} failed",
        "",
        "| rule | expectation | column | unexpected | examples |",
        "|---|---|---|---:|---|",
    ]
    for failure in failures:
        count = failure["unexpected_count"]
        cells = [
            failure["description"],
            f"`{failure['expectation']}`",
            _cell(failure["column"]),
            "error" if failure["error"] else ("" if count is None else str(count)),
            failure["error"] or "; ".join(_cell(example) for example in failure["examples"]),
        ]
        lines.append("| " + " | ".join(_escape(cell) for cell in cells) + " |")
    return lines


def _cell(value: object) -> str:
    """A value as compact text for a table cell."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(value)
    return json.dumps(value, ensure_ascii=False)


def _escape(text: str) -> str:
    """Keep a cell on one line and its pipes from splitting the markdown table."""
    return text.replace("|", "\\|").replace("\n", " ")
