"""Specification of the validation gate, on tiny hand-written tables (see conftest.py).

Each broken-rule case changes one field of otherwise valid tables and names the expectations
that must fail: the table, the GX expectation type and the column(s) it reports.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import great_expectations as gx
import pandas as pd
import pytest

from expectations import suites, views
from expectations.gate import GateResult, validate
from transforms.declarations.schema import TABLES, columns

Tables = dict[str, pd.DataFrame]

UNIQUE = "expect_column_values_to_be_unique"
IN_SET = "expect_column_values_to_be_in_set"
BETWEEN = "expect_column_values_to_be_between"
NOT_NULL = "expect_column_values_to_not_be_null"
REGEX = "expect_column_values_to_match_regex"
EQUAL = "expect_column_pair_values_to_be_equal"
A_ABOVE_B = "expect_column_pair_values_a_to_be_greater_than_b"
COLUMNS = "expect_table_columns_to_match_set"
WITHIN_RECORD = "expect_select_column_values_to_be_unique_within_record"
NULL = "expect_column_values_to_be_null"

# The fixture's documents are published before this date, or not dated.
TODAY = dt.date(2025, 6, 1)


def change(table: str, row: int, **values: object) -> Callable[[Tables], None]:
    """A mutation setting some fields of one row (by position) of one table."""

    def apply(tables: Tables) -> None:
        for column, value in values.items():
            tables[table].loc[row, column] = value

    return apply


def offsets_beyond_text(tables: Tables) -> None:
    """Move the third claim's offsets past the end of its document (d2)."""
    n_chars = int(tables["documents"].loc[1, "n_chars"])
    change("claims", 2, char_start=n_chars + 2, char_end=n_chars + 19)(tables)


def duplicates_of_each_other(tables: Tables) -> None:
    """Make each document a duplicate of the other: neither points at a canonical copy."""
    change("documents", 0, duplicate_of="d2")(tables)
    change("documents", 1, duplicate_of="d1")(tables)


def n_chars_off_by_one(tables: Tables) -> None:
    """Declare the second document one character longer than its text."""
    change("documents", 1, n_chars=int(tables["documents"].loc[1, "n_chars"]) + 1)(tables)


BROKEN_RULES = [
    pytest.param(
        change("claims", 0, claim_id="c2"),
        {("claims", UNIQUE, "claim_id")},
        id="duplicate claim_id",
    ),
    pytest.param(
        change("claims", 0, unit="soldiers"),
        {("claims", IN_SET, "unit")},
        id="unknown unit",
    ),
    pytest.param(
        change("claims", 1, per="week"),
        {("claims", IN_SET, "per")},
        id="unknown per",
    ),
    pytest.param(
        change("claims", 0, value=-30000.0),
        {("claims", BETWEEN, "value")},
        id="negative value",
    ),
    pytest.param(
        change("claims", 2, value_low=30000.0),
        {("claims", A_ABOVE_B, ("value_high", "value_low"))},
        id="value_low above value_high",
    ),
    pytest.param(
        change("claims", 2, value=5000.0),
        {("claims", A_ABOVE_B, ("value", "value_low"))},
        id="value below value_low",
    ),
    pytest.param(
        change("claims", 2, value_high=None),
        {("claims", NOT_NULL, "value")},
        id="neither value nor both bounds",
    ),
    pytest.param(
        change("claims", 1, alt_unit=None),
        {("claims", NOT_NULL, "alt_unit")},
        id="alt_value without alt_unit",
    ),
    pytest.param(
        change("claims", 1, alt_value=None),
        {("claims", NOT_NULL, "alt_value")},
        id="alt_unit without alt_value",
    ),
    pytest.param(
        change("claims", 1, via_id=None),
        {("claims", NOT_NULL, "via_id")},
        id="via without via_id",
    ),
    pytest.param(
        change("claims", 0, quote="31,000"),
        {("claims", EQUAL, ("quote", "_doc_text_at_offsets"))},
        id="quote not matching text",
    ),
    pytest.param(
        change("claims", 2, doc_id="d9"),
        {("claims", EQUAL, ("doc_id", "_doc_id_found"))},
        id="claim for a missing document",
    ),
    pytest.param(
        change("claims", 0, claimant_id="s9"),
        {("claims", EQUAL, ("claimant_id", "_claimant_id_found"))},
        id="claimant_id missing from sources",
    ),
    pytest.param(
        change("claims", 1, via_id="s9"),
        {("claims", EQUAL, ("via_id", "_via_id_found"))},
        id="via_id missing from sources",
    ),
    pytest.param(
        change("claims", 0, claimant=None),
        {("claims", NOT_NULL, "claimant")},
        id="required column null",
    ),
    pytest.param(
        offsets_beyond_text,
        {
            ("claims", A_ABOVE_B, ("_doc_n_chars", "char_end")),
            ("claims", EQUAL, ("quote", "_doc_text_at_offsets")),
        },
        id="offsets beyond the text",
    ),
    pytest.param(
        change("claims", 0, char_start=24, char_end=18),
        {
            ("claims", A_ABOVE_B, ("char_end", "char_start")),
            ("claims", EQUAL, ("quote", "_doc_text_at_offsets")),
        },
        id="char_start after char_end",
    ),
    pytest.param(
        change("documents", 0, published=TODAY + dt.timedelta(days=1)),
        {("documents", BETWEEN, "published")},
        id="future published date",
    ),
    pytest.param(
        n_chars_off_by_one,
        {("documents", EQUAL, ("n_chars", "_text_length"))},
        id="n_chars not the text length",
    ),
    pytest.param(
        change("documents", 1, raw_sha256="not a digest"),
        {("documents", REGEX, "raw_sha256")},
        id="malformed raw_sha256",
    ),
    pytest.param(
        change("documents", 1, duplicate_of="d9"),
        {("documents", EQUAL, ("duplicate_of", "_duplicate_of_found"))},
        id="duplicate of a missing document",
    ),
    pytest.param(
        change("documents", 1, duplicate_of="d2"),
        {
            ("documents", WITHIN_RECORD, ("doc_id", "duplicate_of")),
            ("documents", NULL, "_duplicate_of_duplicate_of"),
        },
        id="duplicate of itself",
    ),
    pytest.param(
        duplicates_of_each_other,
        {("documents", NULL, "_duplicate_of_duplicate_of")},
        id="duplicate of a duplicate",
    ),
    pytest.param(
        change("sources", 0, kind="ministry"),
        {("sources", IN_SET, "kind")},
        id="unknown source kind",
    ),
    pytest.param(
        change("sources", 2, name="Institute for the Study of War"),
        {("sources", UNIQUE, "name")},
        id="duplicate source name",
    ),
]


def named(result: GateResult) -> set[tuple]:
    """The (table, expectation, column or columns) of each failure."""
    return {
        (
            f["table"],
            f["expectation"],
            tuple(f["column"]) if isinstance(f["column"], list) else f["column"],
        )
        for f in result.failures
    }


def test_valid_tables_pass(tables: Tables) -> None:
    result = validate(tables, today=TODAY)

    assert result.success, result.to_markdown()
    assert result.failures == []
    assert set(result.suites) == set(TABLES)
    assert all(
        c["failed"] == 0 and c["passed"] == c["evaluated"] > 0 for c in result.suites.values()
    )
    assert "passed" in result.to_markdown()


@pytest.mark.parametrize(("mutate", "expected"), BROKEN_RULES)
def test_a_broken_rule_fails_naming_its_expectation(
    tables: Tables, mutate: Callable[[Tables], None], expected: set[tuple]
) -> None:
    mutate(tables)

    result = validate(tables, today=TODAY)

    assert not result.success
    assert named(result) == expected
    markdown = result.to_markdown()
    for failure in result.failures:
        assert failure["expectation"] in markdown
        assert failure["description"] in markdown
        assert failure["unexpected_count"] >= 1
        assert failure["examples"], "a failure shows the offending row"


def test_a_duplicate_of_a_canonical_document_passes(tables: Tables) -> None:
    change("documents", 1, duplicate_of="d1")(tables)

    assert validate(tables, today=TODAY).success


def test_examples_name_the_offending_row_by_its_key(tables: Tables) -> None:
    change("claims", 2, unit="soldiers")(tables)

    (failure,) = validate(tables, today=TODAY).failures

    assert failure["examples"] == [{"claim_id": "c3", "unit": "soldiers"}]
    assert failure["description"].startswith("unit is one of: person, RUB")


def test_a_missing_column_is_reported_not_raised(tables: Tables) -> None:
    tables["claims"] = tables["claims"].drop(columns="unit")

    result = validate(tables, today=TODAY)

    assert not result.success
    by_type = {f["expectation"]: f for f in result.failures}
    assert by_type[COLUMNS]["column"] == ["unit"]
    assert "unit" in by_type[IN_SET]["error"], "rules on the column say they could not run"


def test_the_report_is_json_serialisable(tables: Tables) -> None:
    change("claims", 0, value=-1.0, quote="31,000")(tables)

    report = validate(tables, today=TODAY).to_dict()

    assert json.loads(json.dumps(report, allow_nan=False)) == report
    assert report["success"] is False and report["today"] == TODAY.isoformat()
    assert {"table", "expectation", "column", "description", "unexpected_count", "examples"} <= set(
        report["failures"][0]
    )


def test_published_may_be_a_datetime_column(tables: Tables) -> None:
    tables["documents"]["published"] = pd.to_datetime(tables["documents"]["published"])

    latest = tables["documents"]["published"].max().date()

    assert validate(tables, today=latest).success
    assert not validate(tables, today=latest - dt.timedelta(days=1)).success


def test_pyarrow_backed_frames_are_judged_alike(tables: Tables) -> None:
    arrow = {name: frame.convert_dtypes(dtype_backend="pyarrow") for name, frame in tables.items()}
    assert validate(arrow, today=TODAY).success

    change("claims", 2, doc_id="d9")(arrow)

    assert named(validate(arrow, today=TODAY)) == {("claims", EQUAL, ("doc_id", "_doc_id_found"))}


def test_today_defaults_to_the_utc_date(tables: Tables) -> None:
    assert validate(tables).today == dt.datetime.now(dt.UTC).date()


def test_input_tables_are_left_untouched(tables: Tables) -> None:
    before = {table: frame.copy() for table, frame in tables.items()}

    validate(tables, today=TODAY)

    for table, frame in tables.items():
        pd.testing.assert_frame_equal(frame, before[table])


def test_empty_tables_pass(tables: Tables) -> None:
    empty = {table: frame.iloc[0:0] for table, frame in tables.items()}

    assert validate(empty, today=TODAY).success


def test_a_missing_table_is_a_caller_error(tables: Tables) -> None:
    del tables["sources"]

    with pytest.raises(ValueError, match="sources"):
        validate(tables, today=TODAY)


def test_another_gx_context_does_not_disturb_the_gate(tables: Tables) -> None:
    gx.get_context(mode="ephemeral")

    assert validate(tables, today=TODAY).success


def test_every_table_has_a_suite_named_after_it() -> None:
    assert set(suites.RULES) == set(TABLES)
    assert all(suites.build_suite(table).name == table for table in TABLES)


def test_derived_columns_stand_apart_from_the_schema(tables: Tables) -> None:
    for table, view in views.build_views(tables).items():
        derived = set(view.columns) - set(columns(table))
        assert all(name.startswith("_") for name in derived), derived
