"""`muster status`: rows per table, the last publication, the last run's verdict and report."""

import json

from muster import status as st
from muster import validation_reports
from muster.cli import main

PASSED = {"success": True, "today": "2024-06-01", "failures": [],
          "suites": {"claims": {"evaluated": 2, "passed": 2, "failed": 0}},
          "expectations": {"claims": [
              {"table": "claims", "expectation": "expect_column_values_to_not_be_null",
               "column": "claim_id", "description": "Every claim has an id.", "success": True,
               "unexpected_count": 0, "examples": [], "error": None}]}}


def test_status_counts_each_tables_rows_and_names_the_last_publication(small_warehouse):
    state = st.status(small_warehouse)
    assert {t.name: t.rows for t in state.tables} == {
        "documents": 1, "claims": 3, "sources": 1, "claim_clusters": 3, "claim_flags": 0}
    assert state.published_at.startswith("2024-06-01T12:30") and state.published_by == "run-1"
    assert state.last_run is None


def test_status_lists_the_kept_snapshots_the_current_one_marked(small_warehouse, capsys):
    [kept] = st.status(small_warehouse).snapshots
    assert kept.current and kept.rows["claims"] == 3
    assert main(["status", "--warehouse", str(small_warehouse)]) == 0
    assert f"* {kept.id}" in capsys.readouterr().out


def test_status_reads_the_last_runs_verdict_set_aside_inputs_and_report(small_warehouse):
    validation_reports.write(PASSED, small_warehouse, "20240601T000000Z-old-run", "r0")
    validation_reports.write({**PASSED, "success": False}, small_warehouse,
                             "20240602T000000Z-new-run", "r1")
    rejected = small_warehouse / "_rejected"
    rejected.mkdir()
    (rejected / "20240602T000000Z-new-run.jsonl").write_text(
        json.dumps({"stage": "read", "source": "in/b.pdf", "reason": "unknown extension"}) + "\n")
    run = st.status(small_warehouse).last_run
    assert (run.name, run.run_id, run.verdict) == ("20240602T000000Z-new-run", "r1", "failed")
    assert run.rejected == ("in/b.pdf: unknown extension",)
    assert run.report.endswith("_validation/20240602T000000Z-new-run.html")


def test_the_command_prints_text_or_json(small_warehouse, capsys):
    validation_reports.write(PASSED, small_warehouse, "20240601T000000Z-old-run", "r0")
    assert main(["status", "--warehouse", str(small_warehouse)]) == 0
    out = capsys.readouterr().out
    assert "  claims                  3 rows" in out
    assert "last run: 20240601T000000Z-old-run: gate passed, 0 inputs or records set aside" in out
    assert "validation report: " in out
    assert main(["status", "--warehouse", str(small_warehouse), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tables"][1] == {"name": "claims", "rows": 3,
                                 "path": str(small_warehouse / "claims.parquet")}
    assert data["last_run"]["verdict"] == "passed"


def test_a_new_or_missing_warehouse_says_so(tmp_path, capsys):
    assert main(["status", "--warehouse", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "claims                  0 rows  (not published yet)" in out
    assert "no table is published yet" in out
    assert main(["status", "--warehouse", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err == f"muster: no warehouse folder at {tmp_path / 'nope'}\n"
