"""Validation reports kept in `<warehouse>/_validation/`: JSON for scripts, offline HTML."""

import json
import re

from muster import validation_reports as vr

FAILED = {
    "success": False, "today": "2024-06-01",
    "suites": {"claims": {"evaluated": 2, "passed": 1, "failed": 1}},
    "failures": [],
    "expectations": {"claims": [
        {"table": "claims", "expectation": "expect_column_values_to_be_unique", "column": "claim_id",
         "description": "Claim ids are unique.", "success": True, "unexpected_count": 0,
         "examples": [], "error": None},
        {"table": "claims", "expectation": "expect_column_values_to_be_between", "column": "value",
         "description": "No figure is negative.", "success": False, "unexpected_count": 2,
         "examples": [{"claim_id": "c<9>"}], "error": None}]},
}


def test_a_report_is_written_as_json_and_html_named_for_the_run(tmp_path):
    found = vr.write(FAILED, tmp_path, "20240601T101500Z-brave-otter", "run-7",
                     [{"stage": "read", "source": "a.pdf", "reason": "unknown extension",
                       "key": "a.pdf"}])
    assert found.json == tmp_path / "_validation" / "20240601T101500Z-brave-otter.json"
    data = json.loads(found.json.read_text())
    assert data["success"] is False and data["run_id"] == "run-7"
    assert [e["success"] for e in data["suites"]["claims"]["expectations"]] == [True, False]
    assert data["rejected"] == [{"stage": "read", "source": "a.pdf", "reason": "unknown extension"}]
    html = found.html.read_text()
    assert "FAILED" in html and "No figure is negative." in html and "Claim ids are unique." in html
    assert "&lt;9&gt;" in html and "<9>" not in html  # examples are escaped
    assert "a.pdf" in html


def test_the_html_loads_nothing_from_elsewhere(tmp_path):
    html = vr.write(FAILED, tmp_path, "20240601T101500Z-x").html.read_text()
    assert not re.search(r"<(script|link|img)\b", html)
    assert "http://" not in html and "https://" not in html


def test_the_latest_report_is_the_newest_by_name(tmp_path):
    assert vr.latest(tmp_path) is None
    vr.write({**FAILED, "success": True}, tmp_path, "20240601T000000Z-a")
    vr.write(FAILED, tmp_path, "20240602T000000Z-b")
    latest = vr.latest(tmp_path)
    assert (latest.name, latest.verdict()) == ("20240602T000000Z-b", "failed")
